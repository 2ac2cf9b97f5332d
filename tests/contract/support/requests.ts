/** Tokens and requests as the contract cases use them: signed with the run's key, sent as Bearer. */
import { generateKeyPairSync } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import {
  type MintOptions,
  mintSessionToken,
  signClerkJwt,
  TEST_FRONTEND_API,
} from "../../support/clerk-tokens";
import type { Backend } from "./contract-context";

export const contract = inject("contract");

/** Demo data (prisma/demo-data.ts): Alice is Acme's admin, Bob its member, Carol Globex's admin. */
export const ALICE = {
  userId: "user_demo_alice",
  orgId: "org_demo_acme",
  orgSlug: "acme",
  orgRole: "org:admin",
};
export const BOB = {
  userId: "user_demo_bob",
  orgId: "org_demo_acme",
  orgSlug: "acme",
  orgRole: "org:member",
};
export const CAROL = {
  userId: "user_demo_carol",
  orgId: "org_demo_globex",
  orgSlug: "globex",
  orgRole: "org:admin",
};

export function tokenFor(identity: Omit<MintOptions, "authorizedParty">, options: Partial<MintOptions> = {}) {
  return mintSessionToken(contract.jwtPrivateKey, {
    authorizedParty: contract.appOrigin,
    ...identity,
    ...options,
  });
}

/** A well-formed session token signed with a key the backends have never seen. */
export function forgedToken(): string {
  const { privateKey } = generateKeyPairSync("rsa", {
    modulusLength: 2048,
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
    publicKeyEncoding: { type: "spki", format: "pem" },
  });
  return mintSessionToken(privateKey, { ...ALICE, authorizedParty: contract.appOrigin });
}

/** A session token with no `azp` at all. */
export function tokenWithoutAzp(): string {
  const now = Math.floor(Date.now() / 1000);
  return signClerkJwt(contract.jwtPrivateKey, {
    v: 2,
    sub: ALICE.userId,
    sid: "sess_test_no_azp",
    iss: `https://${TEST_FRONTEND_API}`,
    iat: now,
    nbf: now - 5,
    exp: now + 300,
    o: { id: ALICE.orgId, slg: ALICE.orgSlug, rol: "admin" },
  });
}

export function get(backend: Backend, path: string, token?: string, headers: Record<string, string> = {}) {
  return fetch(`${backend.baseUrl}${path}`, {
    headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...headers },
    redirect: "manual",
  });
}

export async function json(response: Response): Promise<{ status: number; body: unknown }> {
  return { status: response.status, body: await response.json() };
}

/** The organization's projects, newest first, read as the tables' owner (no RLS). */
async function projectsOf(clerkOrgId: string): Promise<{ id: string; name: string }[]> {
  const client = new pg.Client({ connectionString: contract.ownerDatabaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string; name: string }>(
      `SELECT p.id::text AS id, p.name FROM projects p JOIN organizations o ON o.id = p.organization_id
       WHERE o.clerk_id = $1 ORDER BY p.id DESC`,
      [clerkOrgId],
    );
    return rows;
  } finally {
    await client.end();
  }
}

export async function projectIdsOf(clerkOrgId: string): Promise<string[]> {
  return (await projectsOf(clerkOrgId)).map((project) => project.id);
}

export async function projectIdNamed(clerkOrgId: string, name: string): Promise<string> {
  const project = (await projectsOf(clerkOrgId)).find((candidate) => candidate.name === name);
  if (!project) throw new Error(`no project named "${name}" in ${clerkOrgId}: is the demo data seeded?`);
  return project.id;
}

/**
 * A project in `clerkOrgId` whose `created_by` names `creatorClerkId`, written as the tables' owner — the
 * shape a bug or a hand-made import could leave behind. Returns its id and a way to remove it again.
 */
export async function insertProjectCreatedBy(
  clerkOrgId: string,
  creatorClerkId: string,
  name: string,
): Promise<{ id: string; remove: () => Promise<void> }> {
  const owner = () => new pg.Client({ connectionString: contract.ownerDatabaseUrl });
  const client = owner();
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO projects (id, organization_id, name, created_by, updated_at)
       SELECT gen_random_uuid(), o.id, $2, $3, now() FROM organizations o WHERE o.clerk_id = $1
       RETURNING id::text AS id`,
      [clerkOrgId, name, creatorClerkId],
    );
    const id = rows[0]?.id;
    if (!id) throw new Error(`no organization ${clerkOrgId}: is the demo data seeded?`);
    const remove = async () => {
      const cleanup = owner();
      await cleanup.connect();
      try {
        await cleanup.query("DELETE FROM projects WHERE id = $1", [id]);
      } finally {
        await cleanup.end();
      }
    };
    return { id, remove };
  } finally {
    await client.end();
  }
}
