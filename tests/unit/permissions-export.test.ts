import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { PERMISSIONS_JSON_PATH, permissionTableJson } from "../../services/shared/export-permissions";

describe("the permission table the other backends read", () => {
  it("is the app's table, exported (run services/shared/export-permissions.ts after changing it)", () => {
    expect(JSON.parse(readFileSync(PERMISSIONS_JSON_PATH, "utf8"))).toEqual(
      JSON.parse(permissionTableJson()),
    );
  });
});
