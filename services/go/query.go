package main

import (
	"encoding/base64"
	"fmt"
	"math"
	"net/url"
	"regexp"
	"strconv"
	"strings"
)

const (
	pageSizeDefault = 20
	pageSizeMax     = 100
	qMax            = 100
	invalidCursor   = "Invalid cursor: pass the nextCursor of a previous page"
)

// uuidPattern is zod's `z.uuid()`, which the app validates ids and cursors with.
var uuidPattern = regexp.MustCompile(`^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}|00000000-0000-0000-0000-000000000000|ffffffff-ffff-ffff-ffff-ffffffffffff)$`)

type listQuery struct {
	Limit  int
	Cursor *string
	Q      *string
}

// parseListQuery reads `limit`, `cursor` and `q` as lib/validation/pagination.ts does, or answers
// the same 400 with per-field messages.
func parseListQuery(values url.Values) (listQuery, *apiError) {
	query := listQuery{Limit: pageSizeDefault}
	fields := map[string][]string{}
	if values.Has("limit") {
		limit, message := parseLimit(values.Get("limit"))
		if message != "" {
			fields["limit"] = []string{message}
		}
		query.Limit = limit
	}
	if values.Has("cursor") {
		if id, ok := decodeCursor(values.Get("cursor")); ok {
			query.Cursor = &id
		} else {
			fields["cursor"] = []string{invalidCursor}
		}
	}
	if q := strings.TrimSpace(values.Get("q")); len([]rune(q)) > qMax {
		fields["q"] = []string{fmt.Sprintf("q must be at most %d characters", qMax)}
	} else if q != "" {
		query.Q = &q
	}
	if len(fields) > 0 {
		return query, &apiError{Status: 400, Code: "invalid_query", Message: "The query parameters are invalid", Fields: fields}
	}
	return query, nil
}

func parseLimit(raw string) (int, string) {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		raw = "0" // JavaScript's Number(""), as zod's coercion reads it
	}
	value, err := strconv.ParseFloat(raw, 64)
	switch {
	case err != nil || math.IsNaN(value):
		return 0, "limit must be a number"
	case value != math.Trunc(value):
		return 0, "limit must be a whole number"
	case value < 1:
		return 0, "limit must be at least 1"
	case value > pageSizeMax:
		return 0, fmt.Sprintf("limit must be at most %d", pageSizeMax)
	}
	return int(value), ""
}

func decodeCursor(raw string) (string, bool) {
	if len(raw) > 200 {
		return "", false
	}
	standard := strings.TrimRight(strings.NewReplacer("-", "+", "_", "/").Replace(raw), "=")
	decoded, err := base64.RawStdEncoding.DecodeString(standard)
	if err != nil || !uuidPattern.Match(decoded) {
		return "", false
	}
	return string(decoded), true
}

func encodeCursor(lastID string) string {
	return base64.RawURLEncoding.EncodeToString([]byte(lastID))
}
