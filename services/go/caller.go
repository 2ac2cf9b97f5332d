package main

import (
	"context"
	"net/http"
	"slices"
	"strings"

	"github.com/clerk/clerk-sdk-go/v2"
	clerkhttp "github.com/clerk/clerk-sdk-go/v2/http"
)

// caller is who is calling, read from a session token that Clerk's SDK verified.
type caller struct {
	UserID string
	// OrgID is the Clerk organization id (`org_…`) from the token: the only source of the tenant.
	OrgID string
	// OrgRole is Clerk's role key, always with its `org:` prefix (v2 tokens carry it without).
	OrgRole string
}

// organizationClaims reads session token v2's `o` claim, which clerk-sdk-go v2.4 does not map
// into its v1 fields (`org_id`, `org_role`) itself.
type organizationClaims struct {
	O *struct {
		ID   string `json:"id"`
		Slug string `json:"slg"`
		Role string `json:"rol"`
	} `json:"o"`
}

func callerFromClaims(claims *clerk.SessionClaims) caller {
	c := caller{UserID: claims.Subject, OrgID: claims.ActiveOrganizationID, OrgRole: claims.ActiveOrganizationRole}
	if org, ok := claims.Custom.(*organizationClaims); ok && org.O != nil && c.OrgID == "" {
		c.OrgID, c.OrgRole = org.O.ID, org.O.Role
	}
	if c.OrgRole != "" && !strings.HasPrefix(c.OrgRole, "org:") {
		c.OrgRole = "org:" + c.OrgRole
	}
	return c
}

// authorize verifies `Authorization: Bearer <session token>` with clerk-sdk-go's middleware:
// networkless with the instance's public key, and only tokens whose `azp` is one of the app's
// origins (a token without `azp` is refused too, as @clerk/backend refuses it). A bad, expired or
// foreign token is answered with the API's 401; a request without one reaches the handler, which
// answers the same 401 (an organization API key too, see requireOrganization).
func authorize(config Config) func(http.Handler) http.Handler {
	return clerkhttp.WithHeaderAuthorization(
		clerkhttp.JSONWebKey(config.JWTKey),
		clerkhttp.AuthorizedParty(func(azp string) bool { return slices.Contains(config.AuthorizedParties, azp) }),
		clerkhttp.CustomClaimsConstructor(func(context.Context) any { return &organizationClaims{} }),
		clerkhttp.AuthorizationFailureHandler(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
			writeError(w, errSignedOut)
		})),
	)
}

// clerkAPIKeyPrefix starts every Clerk API key secret, as @clerk/backend tells them from session tokens.
const clerkAPIKeyPrefix = "ak_"

func isAPIKey(authorization string) bool {
	return strings.HasPrefix(authorization, "Bearer "+clerkAPIKeyPrefix)
}

// requireOrganization is the caller of a verified token with an active organization, or why not.
func requireOrganization(r *http.Request) (caller, *apiError) {
	claims, ok := clerk.SessionClaimsFromContext(r.Context())
	if !ok || claims == nil {
		// An organization API key is not a JWT, so the SDK passes it on unverified. It is refused with
		// a 401 that says why: clerk-sdk-go v2.4.2, the newest on the module proxy, cannot verify API
		// keys, and this service does not verify credentials by hand.
		if isAPIKey(r.Header.Get("Authorization")) {
			return caller{}, errAPIKeyNotSupported
		}
		return caller{}, errSignedOut
	}
	c := callerFromClaims(claims)
	if c.OrgID == "" || c.OrgRole == "" {
		return c, errNoOrganization
	}
	return c, nil
}
