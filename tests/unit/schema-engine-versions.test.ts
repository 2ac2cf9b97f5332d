import { describe, expect, it } from "vitest";
import {
  assertCheckedVersions,
  CHECKED_VERSIONS,
  installedVersions,
} from "@/scripts/lib/schema-engine/checked-versions";

describe("the migration tooling's version guard", () => {
  it("accepts the versions it was checked with", () => {
    expect(() => assertCheckedVersions({ ...CHECKED_VERSIONS })).not.toThrow();
  });

  it("refuses another prisma, naming both versions and the way out", () => {
    expect(() => assertCheckedVersions({ ...CHECKED_VERSIONS, prisma: "7.11.0" })).toThrow(
      /checked with prisma@7\.10\.0, but prisma@7\.11\.0 is installed[\s\S]*npx prisma migrate deploy/,
    );
  });

  it("refuses another @prisma/adapter-pg, whose bugs it works around", () => {
    expect(() => assertCheckedVersions({ ...CHECKED_VERSIONS, "@prisma/adapter-pg": "7.11.0" })).toThrow(
      /@prisma\/adapter-pg@7\.11\.0 is installed/,
    );
  });

  it("finds the checked versions installed (an upgrade must update the list)", () => {
    expect(installedVersions()).toEqual(CHECKED_VERSIONS);
  });
});
