package main

import (
	"context"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// tenant is a transaction scoped to one organization by row-level security.
type tenant struct {
	// OrganizationID is `organizations.id`, or "" when the organization has not been synced yet.
	OrganizationID string
	Tx             pgx.Tx
}

// inTenant runs work in a transaction whose `app.org_id` is the caller's organization (set with
// `set_config(…, true)`, so it ends with the transaction): every query work runs sees only that
// organization's rows, whether or not it filters.
func inTenant(ctx context.Context, pool *pgxpool.Pool, shared Shared, clerkOrgID string, work func(tenant) error) error {
	return pgx.BeginFunc(ctx, pool, func(tx pgx.Tx) error {
		var id, scoped string
		var deleted bool
		err := tx.QueryRow(ctx, shared.EnterOrganization, clerkOrgID).Scan(&id, &deleted, &scoped)
		if err != nil && err != pgx.ErrNoRows {
			return err
		}
		// A deleted organization's rows stay for the audit trail but are unreachable.
		if deleted {
			return errNotFound("Organization")
		}
		return work(tenant{OrganizationID: id, Tx: tx})
	})
}
