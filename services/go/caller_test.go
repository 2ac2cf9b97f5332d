package main

import (
	"encoding/json"
	"testing"

	"github.com/clerk/clerk-sdk-go/v2"
)

// claimsOf decodes a token payload the way the SDK's verifier does (custom claims included).
func claimsOf(t *testing.T, payload string) *clerk.SessionClaims {
	t.Helper()
	claims := &clerk.SessionClaims{Custom: &organizationClaims{}}
	if err := json.Unmarshal([]byte(payload), claims); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(payload), claims.Custom); err != nil {
		t.Fatal(err)
	}
	return claims
}

func TestReadsTheOrganizationFromV1AndV2ClaimsAlike(t *testing.T) {
	want := caller{UserID: "user_1", OrgID: "org_1", OrgRole: "org:admin"}
	for name, payload := range map[string]string{
		"v1": `{"sub":"user_1","org_id":"org_1","org_role":"org:admin"}`,
		"v2": `{"v":2,"sub":"user_1","o":{"id":"org_1","slg":"acme","rol":"admin"}}`,
	} {
		if got := callerFromClaims(claimsOf(t, payload)); got != want {
			t.Errorf("%s claims: got %+v, want %+v", name, got, want)
		}
	}
}

func TestAClaimSetWithoutAnOrganizationHasNone(t *testing.T) {
	if got := callerFromClaims(claimsOf(t, `{"v":2,"sub":"user_1"}`)); got.OrgID != "" || got.OrgRole != "" {
		t.Fatalf("got %+v, want no organization", got)
	}
}

func TestGrantsWhatTheAppsPermissionTableGrants(t *testing.T) {
	shared := testShared(t)
	cases := []struct {
		role, permission string
		want             bool
	}{
		{"org:member", "projects:read", true},
		{"org:member", "projects:delete", false},
		{"org:admin", "projects:delete", true},
		{"org:guest", "projects:read", false},
	}
	for _, c := range cases {
		if got := shared.RoleAllows(c.role, c.permission); got != c.want {
			t.Errorf("%s may %s: got %v, want %v", c.role, c.permission, got, c.want)
		}
	}
}
