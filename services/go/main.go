// The projects read API on Go's net/http: Clerk's Go SDK verifies the caller's session token
// (networkless, with the instance's public key), the app's permission table decides, and
// PostgreSQL's row-level security isolates each organization's rows.
package main

import (
	"context"
	"errors"
	"fmt"
	"log"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
)

// Config is read once from the environment; a missing value stops the service at start-up.
type Config struct {
	// JWTKey is the Clerk instance's PEM public key.
	JWTKey string
	// AuthorizedParties are the origins whose tokens are accepted (`azp`); also the CORS allow-list.
	AuthorizedParties []string
	// DatabaseURL logs in as the RLS-bound `app_user`, never as the tables' owner.
	DatabaseURL string
	// SharedDir holds the permission table and the SQL shared with the other services.
	SharedDir string
}

func configFromEnv() (Config, error) {
	var missing []string
	required := func(name string) string {
		value := strings.TrimSpace(os.Getenv(name))
		if value == "" {
			missing = append(missing, name)
		}
		return value
	}
	config := Config{
		JWTKey:      strings.ReplaceAll(required("CLERK_JWT_KEY"), `\n`, "\n"),
		DatabaseURL: required("DATABASE_URL"),
		SharedDir:   os.Getenv("SERVICES_SHARED_DIR"),
	}
	for _, party := range strings.Split(required("CLERK_AUTHORIZED_PARTIES"), ",") {
		if party = strings.TrimSpace(party); party != "" {
			config.AuthorizedParties = append(config.AuthorizedParties, party)
		}
	}
	if config.SharedDir == "" {
		config.SharedDir = filepath.Join("..", "shared")
	}
	if len(missing) > 0 {
		return config, fmt.Errorf("%s not set; see services/go/README.md", strings.Join(missing, ", "))
	}
	return config, nil
}

func main() {
	config, err := configFromEnv()
	if err != nil {
		log.Fatal(err)
	}
	shared, err := loadShared(config.SharedDir)
	if err != nil {
		log.Fatal(err)
	}
	pool, err := pgxpool.New(context.Background(), config.DatabaseURL)
	if err != nil {
		log.Fatal(err)
	}
	defer pool.Close()
	handler := newServer(config, shared, pool)
	port := os.Getenv("PORT")
	if port == "" {
		port = "8002"
	}
	server := &http.Server{Addr: "localhost:" + port, Handler: handler, ReadHeaderTimeout: 10 * time.Second}
	log.Printf("projects service listening on http://localhost:%s", port)
	if err := server.ListenAndServe(); !errors.Is(err, http.ErrServerClosed) {
		log.Fatal(err)
	}
}
