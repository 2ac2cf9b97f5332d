package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
)

// Shared is what this service reads from services/shared: the app's permission table (exported
// once as JSON) and the SQL that the Python, Go and Bun services run alike.
type Shared struct {
	RolePermissions   map[string][]string
	EnterOrganization string
	ProjectRows       string
}

func loadShared(dir string) (Shared, error) {
	var shared Shared
	var table struct {
		Roles map[string][]string `json:"roles"`
	}
	raw, err := os.ReadFile(filepath.Join(dir, "permissions.json"))
	if err != nil {
		return shared, fmt.Errorf("reading the permission table: %w", err)
	}
	if err := json.Unmarshal(raw, &table); err != nil {
		return shared, fmt.Errorf("reading the permission table: %w", err)
	}
	shared.RolePermissions = table.Roles
	for name, target := range map[string]*string{
		"enter-organization.sql": &shared.EnterOrganization,
		"project-rows.sql":       &shared.ProjectRows,
	} {
		sql, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			return shared, err
		}
		*target = string(sql)
	}
	return shared, nil
}

// RoleAllows answers "may this Clerk role do that?" from the app's table.
func (s Shared) RoleAllows(role, permission string) bool {
	return slices.Contains(s.RolePermissions[role], permission)
}
