/** The app's permission table, read from the JSON the app exports (services/shared/permissions.json). */
import { readFileSync } from "node:fs";

export const SHARED_DIR = new URL("../../shared/", import.meta.url);

const table: { permissions: string[]; roles: Record<string, string[]>; apiKeyDefaultScopes: string[] } =
  JSON.parse(readFileSync(new URL("permissions.json", SHARED_DIR), "utf8"));

export function roleAllows(role: string, permission: string): boolean {
  return table.roles[role]?.includes(permission) ?? false;
}

/**
 * An organization API key's scopes are permission names (one that names none grants nothing); a key
 * without scopes only reads, so a key is never broader than someone deliberately made it.
 */
export function scopesAllow(scopes: readonly string[], permission: string): boolean {
  const granted = scopes.length > 0 ? scopes : table.apiKeyDefaultScopes;
  return table.permissions.includes(permission) && granted.includes(permission);
}
