/**
 * What a delivery costs the database, in statements: on a busy server each round trip costs more than
 * its query (docs/webhooks.md, "What a delivery costs"), so these pin the trims down. Prisma's query
 * log names every statement it sends inside the delivery's transaction except its `BEGIN`.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaClient } from "@/server/generated/prisma/client";
import { handleClerkDelivery } from "@/server/webhooks/clerk/dispatch";
import { captureDeliveryLogs } from "../support/svix-route";
import { eventBody, newSvixId } from "../support/svix-signing";

const db = new PrismaClient({
  adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL ?? "" }),
  log: [{ emit: "event", level: "query" }],
});
const statements: string[] = [];
db.$on("query", (event) => statements.push(event.query.replace(/\s+/g, " ").trim()));

beforeAll(() => {
  captureDeliveryLogs();
});
afterAll(() => db.$disconnect());

async function statementsOf(type: string, data: unknown, svixId = newSvixId()) {
  statements.length = 0;
  const outcome = await handleClerkDelivery({ svixId, body: eventBody(type, data) }, db);
  return { outcome: outcome.status, statements: [...statements] };
}

const user = { object: "user", id: "user_statements", first_name: "Ada", updated_at: 1_000 };
const organization = {
  object: "organization",
  id: "org_statements",
  name: "Acme",
  slug: "acme-statements",
  updated_at: 1_000,
};
const membership = {
  object: "organization_membership",
  id: "orgmem_statements",
  role: "org:admin",
  updated_at: 2_000,
  organization: { ...organization, slug: null },
  public_user_data: { user_id: user.id, identifier: "ada@example.com", first_name: "Ada", last_name: null },
};

describe("statements per delivery", () => {
  it("claims and locks in one statement, then writes a user in one upsert", async () => {
    const result = await statementsOf("user.created", user);
    expect(result.outcome).toBe("processed");
    expect(result.statements).toHaveLength(3);
    expect(result.statements[0]).toMatch(
      /^WITH locked AS \(SELECT pg_advisory_xact_lock.*INSERT INTO webhook_events/,
    );
    expect(result.statements[1]).toMatch(/^INSERT INTO users .* ON CONFLICT \(clerk_id\) DO UPDATE/);
    expect(result.statements[2]).toBe("COMMIT");
  });

  it("reads an organization and its slug's holder in one statement before writing it", async () => {
    const result = await statementsOf("organization.created", organization);
    expect(result).toMatchObject({ outcome: "processed" });
    expect(result.statements).toHaveLength(4);
  });

  it("applies a membership in one read, one write and one audit insert after its claim", async () => {
    const result = await statementsOf("organizationMembership.created", membership);
    expect(result.outcome).toBe("processed");
    expect(result.statements).toHaveLength(5);
    expect(result.statements[3]).toMatch(/INSERT INTO audit_events/);
  });

  it("answers a duplicate after its claim alone", async () => {
    const svixId = newSvixId();
    await statementsOf("user.updated", { ...user, updated_at: 3_000 }, svixId);
    const result = await statementsOf("user.updated", { ...user, updated_at: 3_000 }, svixId);
    expect(result).toEqual({
      outcome: "duplicate",
      statements: [expect.stringMatching(/^WITH locked AS/), "COMMIT"],
    });
  });
});
