import "server-only";

/**
 * The one table of who may do what. Clerk owns roles (`org:admin`, `org:member`, custom `org:*`);
 * the app owns permissions. Every check in the app goes through `can()`, which asks Clerk's `has()`
 * whether the session holds a role that grants the permission.
 *
 * Adding a role: create it in the Clerk Dashboard (Organizations → Roles), then add a row here.
 */

export const PERMISSIONS = [
  "projects:read",
  "projects:create",
  "projects:update",
  "projects:delete",
  "tasks:write",
  "organization:manage",
  "organization:read-activity",
  // Clerk's own `org:sys_billing:manage` decides who may subscribe in `<PricingTable>`; this one
  // decides who sees the billing page. Give both to the same roles.
  "organization:manage-billing",
] as const;

export type Permission = (typeof PERMISSIONS)[number];

const MEMBER: readonly Permission[] = ["projects:read", "projects:create", "projects:update", "tasks:write"];

export const ROLE_PERMISSIONS: Readonly<Record<string, readonly Permission[]>> = {
  "org:admin": [
    ...MEMBER,
    "projects:delete",
    "organization:manage",
    "organization:read-activity",
    "organization:manage-billing",
  ],
  "org:member": MEMBER,
};

/** The shape of Clerk's `has()`, narrowed to role checks: the only question this table asks it. */
export type HasRole = (params: { role: string }) => boolean;

export function can(has: HasRole, permission: Permission): boolean {
  return Object.entries(ROLE_PERMISSIONS).some(
    ([role, granted]) => granted.includes(permission) && has({ role }),
  );
}

export function permissionsOf(has: HasRole): Permission[] {
  return PERMISSIONS.filter((permission) => can(has, permission));
}

/**
 * What an organization API key may do: its scopes are permission names from the table above (a
 * scope that names none grants nothing). A key without scopes — Clerk's own API Keys page makes
 * those — only reads, so a key is never broader than someone deliberately made it.
 */
export const DEFAULT_API_KEY_SCOPES: readonly Permission[] = ["projects:read"];

export function permissionsOfScopes(scopes: readonly string[]): Permission[] {
  const granted = scopes.length > 0 ? scopes : DEFAULT_API_KEY_SCOPES;
  return PERMISSIONS.filter((permission) => granted.includes(permission));
}
