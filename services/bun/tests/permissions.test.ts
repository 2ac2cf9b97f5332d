import { describe, expect, it } from "bun:test";
import { type Caller, requirePermission } from "../src/caller";
import { roleAllows, scopesAllow } from "../src/permissions";

const apiKey = (scopes: string[]): Caller => ({ orgId: "org_1", grant: { kind: "api-key", scopes } });

describe("the app's permission table, read from its JSON export", () => {
  it("grants what the table grants and nothing else", () => {
    expect(roleAllows("org:member", "projects:read")).toBe(true);
    expect(roleAllows("org:member", "projects:delete")).toBe(false);
    expect(roleAllows("org:admin", "projects:delete")).toBe(true);
  });

  it("refuses a role the table does not know with the app's 403", () => {
    expect(() =>
      requirePermission({ orgId: "org_1", grant: { kind: "role", orgRole: "org:guest" } }, "projects:read"),
    ).toThrow("Your role does not allow projects:read");
  });
});

describe("an organization API key's scopes", () => {
  it("allow exactly the permissions they name", () => {
    expect(() => requirePermission(apiKey(["projects:create"]), "projects:create")).not.toThrow();
    expect(() => requirePermission(apiKey(["projects:create"]), "projects:read")).toThrow(
      "This API key's scopes do not allow projects:read",
    );
  });

  it("grant nothing through a scope that names no permission", () => {
    expect(scopesAllow(["projects:*"], "projects:read")).toBe(false);
  });

  it("let a key without scopes read and nothing more", () => {
    expect(scopesAllow([], "projects:read")).toBe(true);
    expect(scopesAllow([], "projects:create")).toBe(false);
  });
});
