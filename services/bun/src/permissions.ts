/** The app's permission table, read from the JSON the app exports (services/shared/permissions.json). */
import { readFileSync } from "node:fs";

export const SHARED_DIR = new URL("../../shared/", import.meta.url);

const table: { roles: Record<string, string[]> } = JSON.parse(
  readFileSync(new URL("permissions.json", SHARED_DIR), "utf8"),
);

export function roleAllows(role: string, permission: string): boolean {
  return table.roles[role]?.includes(permission) ?? false;
}
