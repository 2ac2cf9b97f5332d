package main

import (
	"context"
	"errors"
	"net"
	"regexp"

	"github.com/jackc/pgx/v5/pgconn"
)

// unavailableSQLState: Postgres's own word that it cannot serve now — connection exceptions (class
// 08), too many connections, and a server shutting down, restarting or ending this backend.
var unavailableSQLState = regexp.MustCompile(`^(08...|53300|57P01|57P02|57P03)$`)

// isDatabaseUnavailable tells an outage (answer 503, try again) from a bug (500).
func isDatabaseUnavailable(err error) bool {
	var connectErr *pgconn.ConnectError
	var netErr *net.OpError
	var pgErr *pgconn.PgError
	switch {
	case errors.As(err, &connectErr), errors.As(err, &netErr), errors.Is(err, context.DeadlineExceeded):
		return true
	case errors.As(err, &pgErr):
		return unavailableSQLState.MatchString(pgErr.Code)
	}
	return false
}
