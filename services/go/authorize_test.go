package main

import (
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/json"
	"encoding/pem"
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestRefusesAnOrganizationAPIKeyWithA401ThatSaysWhy(t *testing.T) {
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	der, err := x509.MarshalPKIXPublicKey(&key.PublicKey)
	if err != nil {
		t.Fatal(err)
	}
	config := Config{
		JWTKey:            string(pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: der})),
		AuthorizedParties: []string{"http://localhost:3000"},
	}
	handler := authorize(config)(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, err := requireOrganization(r); err != nil {
			writeError(w, err)
			return
		}
		t.Fatal("an unverified credential was taken for a caller")
	}))
	for header, want := range map[string]*apiError{
		"Bearer ak_0123456789abcdef": errAPIKeyNotSupported,
		"Bearer not-a-session-token": errSignedOut,
	} {
		request := httptest.NewRequest(http.MethodGet, "/api/v1/projects", nil)
		request.Header.Set("Authorization", header)
		response := httptest.NewRecorder()
		handler.ServeHTTP(response, request)
		var body struct{ Error apiError }
		if err := json.Unmarshal(response.Body.Bytes(), &body); err != nil {
			t.Fatal(err)
		}
		if response.Code != 401 || body.Error.Message != want.Message {
			t.Errorf("%s: got %d %q, want 401 %q", header, response.Code, body.Error.Message, want.Message)
		}
	}
}
