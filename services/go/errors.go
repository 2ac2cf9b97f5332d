package main

import (
	"encoding/json"
	"net/http"
	"strconv"
)

// apiError is the API's one error shape, `{ "error": { "code", "message", "fields"? } }`.
type apiError struct {
	Status int `json:"-"`
	// RetryAfterSeconds, when set, is sent as `Retry-After` (a 503: try again then).
	RetryAfterSeconds int                 `json:"-"`
	Code              string              `json:"code"`
	Message           string              `json:"message"`
	Fields            map[string][]string `json:"fields,omitempty"`
}

func (e *apiError) Error() string { return e.Message }

var (
	errSignedOut = &apiError{Status: 401, Code: "unauthenticated", Message: "Sign in to continue: send a Clerk session token as `Authorization: Bearer <token>`."}
	// errAPIKeyNotSupported: clerk-sdk-go v2.4 cannot verify organization API keys (see README.md).
	errAPIKeyNotSupported = &apiError{Status: 401, Code: "unauthenticated", Message: "This service accepts Clerk session tokens only: organization API keys are not supported by clerk-sdk-go v2.4; send the key to the app's API instead."}
	errNoOrganization     = &apiError{Status: 403, Code: "no_active_organization", Message: "Choose an organization to continue"}
	errInternal           = &apiError{Status: 500, Code: "internal_error", Message: "Something went wrong on our side; please try again"}
	// errDatabaseUnavailable: the database cannot answer (down, restarting, failing over); nothing was written.
	errDatabaseUnavailable = &apiError{Status: 503, Code: "unavailable", Message: "The database is unavailable right now: try again in 5 seconds", RetryAfterSeconds: 5}
)

func errForbidden(permission string) *apiError {
	return &apiError{Status: 403, Code: "forbidden", Message: "Your role does not allow " + permission}
}

func errNotFound(what string) *apiError {
	return &apiError{Status: 404, Code: "not_found", Message: what + " not found: it may have been deleted"}
}

func writeError(w http.ResponseWriter, err *apiError) {
	w.Header().Set("Cache-Control", "no-store")
	if err.Status == http.StatusUnauthorized {
		w.Header().Set("WWW-Authenticate", `Bearer realm="api"`)
	}
	if err.RetryAfterSeconds > 0 {
		w.Header().Set("Retry-After", strconv.Itoa(err.RetryAfterSeconds))
	}
	writeJSON(w, err.Status, map[string]*apiError{"error": err})
}

func writeJSON(w http.ResponseWriter, status int, body any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	encoder := json.NewEncoder(w)
	encoder.SetEscapeHTML(false)
	_ = encoder.Encode(body)
}
