package main

import (
	"net/url"
	"reflect"
	"testing"
)

func TestReadsACursorItIssuedAndTrimsTheNameFilter(t *testing.T) {
	id := "0198f0a0-0000-7000-8000-000000000001"
	query, refusal := parseListQuery(url.Values{"limit": {"5"}, "cursor": {encodeCursor(id)}, "q": {"  road "}})
	if refusal != nil || query.Limit != 5 || *query.Cursor != id || *query.Q != "road" {
		t.Fatalf("got %+v, %v", query, refusal)
	}
}

func TestRefusesABadLimitWithTheAppsMessage(t *testing.T) {
	for limit, message := range map[string]string{
		"abc": "limit must be a number",
		"1.5": "limit must be a whole number",
		"0":   "limit must be at least 1",
		"101": "limit must be at most 100",
	} {
		_, refusal := parseListQuery(url.Values{"limit": {limit}})
		if refusal == nil || refusal.Status != 400 || !reflect.DeepEqual(refusal.Fields, map[string][]string{"limit": {message}}) {
			t.Errorf("limit=%s: got %+v, want a 400 saying %q", limit, refusal, message)
		}
	}
}

func TestRefusesACursorItDidNotIssue(t *testing.T) {
	_, refusal := parseListQuery(url.Values{"cursor": {"not-a-cursor"}})
	if refusal == nil || refusal.Fields["cursor"][0] != invalidCursor {
		t.Fatalf("got %+v", refusal)
	}
}
