/**
 * The planted people of the isolation tests: Globex users (one with a name, one known only by email)
 * whom an Acme admin must never see named, and the check that no output names them.
 */
import { expect } from "vitest";
import { seedDemoData } from "@/prisma/seed";
import { db } from "@/server/db";
import { organizationIdOf, withOwnerClient } from "./owner-db";
import { callers } from "./tenant-callers";

export const alice = callers.aliceAdminOfAcme;

/** Globex's people, who must stay invisible to Acme: one with a name, one known only by email. */
export const victim = {
  clerkId: "user_victim_globex",
  firstName: "Victim",
  lastName: "Globexson",
  email: "victim@globex.example",
};
export const nameless = {
  clerkId: "user_nameless_globex",
  firstName: null,
  lastName: null,
  email: "nameless@globex.example",
};
const SECRETS = ["Victim", "Globexson", "victim@globex.example", "nameless@globex.example"];

export function expectNoSecret(value: unknown) {
  const text = typeof value === "string" ? value : JSON.stringify(value);
  for (const secret of SECRETS) expect(text).not.toContain(secret);
}

export async function addMember(
  user: { clerkId: string; firstName: string | null; lastName: string | null; email: string },
  clerkOrgId: string,
  options: { left?: boolean } = {},
) {
  const organizationId = await organizationIdOf(clerkOrgId);
  await withOwnerClient(async (client) => {
    const { rows } = await client.query(
      `INSERT INTO users (id, clerk_id, email, first_name, last_name, created_at, updated_at)
       VALUES (gen_random_uuid(), $1, $2, $3, $4, now(), now())
       RETURNING id`,
      [user.clerkId, user.email, user.firstName, user.lastName],
    );
    await client.query(
      `INSERT INTO memberships (id, clerk_id, organization_id, user_id, role, deleted_at, created_at, updated_at)
       VALUES (gen_random_uuid(), $1, $2, $3, 'org:member', $4, now(), now())`,
      [`orgmem_${user.clerkId}_${clerkOrgId}`, organizationId, rows[0].id, options.left ? new Date() : null],
    );
  });
}

/** The demo tenant, without projects, with Bob back in Acme and Globex's people planted. */
export async function seedWithGlobexPeople() {
  await seedDemoData(db);
  // The seed does not undo a membership a test ended.
  await withOwnerClient((client) =>
    client.query("UPDATE memberships SET deleted_at = NULL WHERE clerk_id = 'orgmem_demo_bob_acme'"),
  );
  await withOwnerClient((client) => client.query("TRUNCATE projects, tasks, audit_events"));
  await withOwnerClient((client) =>
    client.query("DELETE FROM users WHERE clerk_id = ANY($1)", [
      [victim.clerkId, nameless.clerkId, "user_former_acme"],
    ]),
  );
  await addMember(victim, "org_demo_globex");
  await addMember(nameless, "org_demo_globex");
}
