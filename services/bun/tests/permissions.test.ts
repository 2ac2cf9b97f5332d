import { describe, expect, it } from "bun:test";
import { requirePermission } from "../src/caller";
import { roleAllows } from "../src/permissions";

describe("the app's permission table, read from its JSON export", () => {
  it("grants what the table grants and nothing else", () => {
    expect(roleAllows("org:member", "projects:read")).toBe(true);
    expect(roleAllows("org:member", "projects:delete")).toBe(false);
    expect(roleAllows("org:admin", "projects:delete")).toBe(true);
  });

  it("refuses a role the table does not know with the app's 403", () => {
    expect(() =>
      requirePermission({ userId: "user_1", orgId: "org_1", orgRole: "org:guest" }, "projects:read"),
    ).toThrow("Your role does not allow projects:read");
  });
});
