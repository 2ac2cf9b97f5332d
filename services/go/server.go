package main

import (
	"context"
	"errors"
	"log"
	"net/http"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/rs/cors"
)

const healthTimeout = 2 * time.Second

type server struct {
	pool   *pgxpool.Pool
	shared Shared
}

// newServer routes the read API behind Clerk's header authorization, and answers CORS preflights
// for the app's own origins only: a browser page there may call with its session token.
func newServer(config Config, shared Shared, pool *pgxpool.Pool) http.Handler {
	s := &server{pool: pool, shared: shared}
	api := http.NewServeMux()
	api.HandleFunc("GET /api/v1/projects", s.listProjects)
	api.HandleFunc("GET /api/v1/projects/{projectId}", s.getProject)
	mux := http.NewServeMux()
	mux.HandleFunc("GET /health", s.health)
	mux.Handle("/api/", authorize(config)(api))
	return cors.New(cors.Options{
		AllowedOrigins: config.AuthorizedParties,
		AllowedMethods: []string{http.MethodGet},
		AllowedHeaders: []string{"Authorization"},
		MaxAge:         600,
	}).Handler(mux)
}

func (s *server) listProjects(w http.ResponseWriter, r *http.Request) {
	c, refusal := requireOrganization(r)
	if refusal != nil {
		writeError(w, refusal)
		return
	}
	query, refusal := parseListQuery(r.URL.Query())
	if refusal == nil && !s.shared.RoleAllows(c.OrgRole, "projects:read") {
		refusal = errForbidden("projects:read")
	}
	if refusal != nil {
		writeError(w, refusal)
		return
	}
	var page projectPage
	err := inTenant(r.Context(), s.pool, s.shared, c.OrgID, func(t tenant) (err error) {
		page, err = listProjects(r.Context(), t, s.shared, query)
		return err
	})
	s.respond(w, page, err)
}

func (s *server) getProject(w http.ResponseWriter, r *http.Request) {
	c, refusal := requireOrganization(r)
	if refusal == nil && !s.shared.RoleAllows(c.OrgRole, "projects:read") {
		refusal = errForbidden("projects:read")
	}
	if refusal != nil {
		writeError(w, refusal)
		return
	}
	var project any
	err := inTenant(r.Context(), s.pool, s.shared, c.OrgID, func(t tenant) (err error) {
		project, err = getProject(r.Context(), t, s.shared, r.PathValue("projectId"))
		return err
	})
	s.respond(w, project, err)
}

func (s *server) respond(w http.ResponseWriter, body any, err error) {
	var refusal *apiError
	switch {
	case err == nil:
		w.Header().Set("Cache-Control", "private, no-store")
		writeJSON(w, http.StatusOK, body)
	case errors.As(err, &refusal):
		writeError(w, refusal)
	case isDatabaseUnavailable(err):
		// An outage is not a bug: one line in the log, no stack of errors per request.
		log.Printf("database unavailable (%v); answered 503", err)
		writeError(w, errDatabaseUnavailable)
	default:
		log.Printf("unexpected error in an API request: %v", err)
		writeError(w, errInternal)
	}
}

func (s *server) health(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), healthTimeout)
	defer cancel()
	w.Header().Set("Cache-Control", "no-store")
	if _, err := s.pool.Exec(ctx, "SELECT 1"); err != nil {
		// The reason (host, credentials) stays out of a public response.
		writeJSON(w, http.StatusServiceUnavailable, map[string]string{"status": "degraded", "database": "unreachable"})
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok", "database": "reachable"})
}
