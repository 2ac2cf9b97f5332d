/**
 * Writes the app's permission table (server/auth/permissions.ts, the one source) to
 * services/shared/permissions.json, which the Python, Go and Bun services read at start-up.
 * `tests/unit/permissions-export.test.ts` fails when the JSON falls behind the table.
 *
 * Run: npx tsx --conditions=react-server services/shared/export-permissions.ts && npm run format
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { DEFAULT_API_KEY_SCOPES, PERMISSIONS, ROLE_PERMISSIONS } from "../../server/auth/permissions";

export const PERMISSIONS_JSON_PATH = fileURLToPath(new URL("permissions.json", import.meta.url));

export function permissionTableJson(): string {
  const table = {
    $comment:
      "Generated from server/auth/permissions.ts by services/shared/export-permissions.ts; do not edit.",
    permissions: PERMISSIONS,
    roles: ROLE_PERMISSIONS,
    // An organization API key may do what its scopes name; one without scopes gets these.
    apiKeyDefaultScopes: DEFAULT_API_KEY_SCOPES,
  };
  return `${JSON.stringify(table, null, 2)}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(PERMISSIONS_JSON_PATH, permissionTableJson());
  console.log(`Wrote ${PERMISSIONS_JSON_PATH}`);
}
