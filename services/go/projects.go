package main

import (
	"context"
	"encoding/json"
	"strings"
)

type projectPage struct {
	Data       []json.RawMessage `json:"data"`
	NextCursor *string           `json:"nextCursor"`
}

// listProjects is one page of the caller's projects, newest first, as the app's REST API answers.
func listProjects(ctx context.Context, t tenant, shared Shared, query listQuery) (projectPage, error) {
	page := projectPage{Data: []json.RawMessage{}}
	if t.OrganizationID == "" {
		return page, nil
	}
	ids, projects, err := projectRows(ctx, t, shared, nil, query.Q, query.Cursor, query.Limit+1)
	if err != nil {
		return page, err
	}
	if len(projects) > query.Limit {
		next := encodeCursor(ids[query.Limit-1])
		page.NextCursor = &next
		projects = projects[:query.Limit]
	}
	page.Data = projects
	return page, nil
}

func getProject(ctx context.Context, t tenant, shared Shared, projectID string) (json.RawMessage, error) {
	// Not a UUID: it cannot name a row, so it is "not found" like any other unknown id.
	if !uuidPattern.MatchString(projectID) || t.OrganizationID == "" {
		return nil, errNotFound("Project")
	}
	id := strings.ToLower(projectID)
	_, projects, err := projectRows(ctx, t, shared, &id, nil, nil, 1)
	if err != nil {
		return nil, err
	}
	if len(projects) == 0 {
		return nil, errNotFound("Project")
	}
	return projects[0], nil
}

func projectRows(ctx context.Context, t tenant, shared Shared, id, q, cursor *string, limit int) ([]string, []json.RawMessage, error) {
	rows, err := t.Tx.Query(ctx, shared.ProjectRows, t.OrganizationID, id, q, cursor, limit)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	var ids []string
	projects := []json.RawMessage{}
	for rows.Next() {
		var rowID, project string
		if err := rows.Scan(&rowID, &project); err != nil {
			return nil, nil, err
		}
		ids = append(ids, rowID)
		projects = append(projects, json.RawMessage(project))
	}
	return ids, projects, rows.Err()
}
