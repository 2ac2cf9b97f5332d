package main

import (
	"context"
	"os"
	"slices"
	"testing"

	"github.com/jackc/pgx/v5/pgxpool"
)

const unfiltered = "SELECT DISTINCT organization_id::text FROM projects"

func testPool(t *testing.T) *pgxpool.Pool {
	t.Helper()
	url := os.Getenv("DATABASE_URL")
	if url == "" {
		t.Fatal("DATABASE_URL is not set: run through `npm run test:services` (see README.md)")
	}
	pool, err := pgxpool.New(context.Background(), url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(pool.Close)
	return pool
}

func testShared(t *testing.T) Shared {
	t.Helper()
	shared, err := loadShared("../shared")
	if err != nil {
		t.Fatal(err)
	}
	return shared
}

func organizationUUID(t *testing.T, pool *pgxpool.Pool, clerkOrgID string) string {
	t.Helper()
	var id string
	// `organizations` is synced from Clerk and not a tenant table: the app role reads it directly.
	err := pool.QueryRow(context.Background(), "SELECT id::text FROM organizations WHERE clerk_id = $1", clerkOrgID).Scan(&id)
	if err != nil {
		t.Fatalf("%s is not in the database (is the demo data seeded?): %v", clerkOrgID, err)
	}
	return id
}

func unfilteredOrganizations(t *testing.T, pool *pgxpool.Pool, shared Shared, clerkOrgID string) []string {
	t.Helper()
	var seen []string
	err := inTenant(context.Background(), pool, shared, clerkOrgID, func(tn tenant) error {
		rows, err := tn.Tx.Query(context.Background(), unfiltered)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var id string
			if err := rows.Scan(&id); err != nil {
				return err
			}
			seen = append(seen, id)
		}
		return rows.Err()
	})
	if err != nil {
		t.Fatal(err)
	}
	return seen
}

func TestConnectsAsARoleThatRowLevelSecurityBinds(t *testing.T) {
	var super, bypass bool
	err := testPool(t).QueryRow(context.Background(),
		"SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user").Scan(&super, &bypass)
	if err != nil || super || bypass {
		t.Fatalf("want a role without SUPERUSER or BYPASSRLS, got super=%v bypass=%v err=%v", super, bypass, err)
	}
}

func TestAnUnfilteredQuerySeesOnlyTheCallersRows(t *testing.T) {
	pool, shared := testPool(t), testShared(t)
	for _, clerkOrgID := range []string{"org_demo_acme", "org_demo_globex"} {
		want := []string{organizationUUID(t, pool, clerkOrgID)}
		if got := unfilteredOrganizations(t, pool, shared, clerkOrgID); !slices.Equal(got, want) {
			t.Errorf("%s: an unfiltered query saw organizations %v, want only %v", clerkOrgID, got, want)
		}
	}
}

func TestOutsideATenantTransactionNoProjectIsVisible(t *testing.T) {
	var count int
	if err := testPool(t).QueryRow(context.Background(), "SELECT count(*) FROM projects").Scan(&count); err != nil {
		t.Fatal(err)
	}
	if count != 0 {
		t.Fatalf("saw %d projects without a tenant, want 0", count)
	}
}
