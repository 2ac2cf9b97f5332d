/**
 * Organization API keys, one contract for every backend whose Clerk SDK verifies them (the Next.js
 * app, Python, Bun): each key is created and revoked through Clerk's SDK on the run's Backend API
 * stand-in, and each backend asks that stand-in through its own SDK. A key acts for the organization
 * that owns it, within its scopes, and sees what a session of that organization sees. The Go service,
 * whose SDK cannot verify keys, refuses them with a 401 that says so.
 */
import { randomBytes } from "node:crypto";
import { createClerkClient } from "@clerk/backend";
import { beforeAll, describe, expect, it } from "vitest";
import { ALICE, BOB, CAROL, contract, get, json, projectIdsOf, tokenFor } from "./support/requests";

const LIST = "/api/v1/projects";
const app = contract.backends.find((backend) => backend.name === "next");
if (!app) throw new Error("the contract suite needs the Next.js app as its reference");
const clerk = createClerkClient({ secretKey: contract.clerkSecretKey, apiUrl: contract.clerkApiUrl });

/** A new key's secret; `subject` is the organization (or, to test a refusal, the user) that owns it. */
async function keyOf(subject: string, scopes?: string[]): Promise<{ id: string; secret: string }> {
  const key = await clerk.apiKeys.create({ name: "contract", subject, scopes });
  if (!key.secret) throw new Error("Clerk returns the secret when it creates a key");
  return { id: key.id, secret: key.secret };
}

function expectRefusal(result: { status: number; body: unknown }, status: number, code: string) {
  expect(result).toEqual({ status, body: { error: { code, message: expect.any(String) } } });
}

describe.each(contract.backends.filter((backend) => backend.acceptsApiKeys))(
  "$name, with an API key",
  (backend) => {
    let acmeIds: string[];
    let globexIds: string[];

    beforeAll(async () => {
      [acmeIds, globexIds] = await Promise.all([projectIdsOf(ALICE.orgId), projectIdsOf(CAROL.orgId)]);
      expect(acmeIds.length).toBeGreaterThan(1);
      expect(globexIds.length).toBeGreaterThan(0);
    });

    it("lists exactly its organization's projects, as the app answers a session of that organization", async () => {
      const key = await keyOf(ALICE.orgId, ["projects:read"]);
      const [byKey, bySession] = await Promise.all([
        json(await get(backend, LIST, key.secret)),
        json(await get(app, LIST, tokenFor(BOB))),
      ]);
      expect(byKey.status).toBe(200);
      expect((byKey.body as { data: { id: string }[] }).data.map((project) => project.id)).toEqual(acmeIds);
      expect(byKey).toEqual(bySession);
    });

    it("answers another organization's project id with 404, not 403", async () => {
      const key = await keyOf(ALICE.orgId, ["projects:read"]);
      const response = await get(backend, `${LIST}/${globexIds[0]}`, key.secret);
      expect(await json(response)).toEqual({
        status: 404,
        body: { error: { code: "not_found", message: "Project not found: it may have been deleted" } },
      });
    });

    it("refuses a key whose scopes leave out projects:read (403)", async () => {
      const key = await keyOf(ALICE.orgId, ["projects:create"]);
      expectRefusal(await json(await get(backend, LIST, key.secret)), 403, "forbidden");
    });

    it("lets a key without scopes read", async () => {
      const key = await keyOf(CAROL.orgId);
      const { status, body } = await json(await get(backend, LIST, key.secret));
      expect(status).toBe(200);
      expect((body as { data: { id: string }[] }).data.map((project) => project.id)).toEqual(globexIds);
    });

    it("refuses a revoked key (401, with a Bearer challenge)", async () => {
      const key = await keyOf(ALICE.orgId, ["projects:read"]);
      await clerk.apiKeys.revoke({ apiKeyId: key.id });
      const response = await get(backend, LIST, key.secret);
      expect(response.headers.get("www-authenticate")).toBe('Bearer realm="api"');
      expectRefusal(await json(response), 401, "unauthenticated");
    });

    it("refuses a key Clerk never issued (401)", async () => {
      const unknown = `ak_${randomBytes(24).toString("hex")}`;
      expectRefusal(await json(await get(backend, LIST, unknown)), 401, "unauthenticated");
    });

    it("refuses a key issued to a user rather than an organization (401)", async () => {
      const key = await keyOf(ALICE.userId, ["projects:read"]);
      expectRefusal(await json(await get(backend, LIST, key.secret)), 401, "unauthenticated");
    });

    if (backend.name === app.name) return;

    it("answers 503 unavailable, with Retry-After, when Clerk cannot be asked about the key", async () => {
      const key = await keyOf(ALICE.orgId, ["projects:read"]);
      const response = await get(
        { ...backend, baseUrl: backend.databaseDownUrl as string },
        LIST,
        key.secret,
      );
      expect(response.headers.get("retry-after")).toBe("5");
      const { status, body } = await json(response);
      expect({ status, body }).toEqual({
        status: 503,
        body: {
          error: {
            code: "unavailable",
            message: "API key verification is unavailable right now: try again in 5 seconds",
          },
        },
      });
    });
  },
);

describe.each(contract.backends.filter((backend) => !backend.acceptsApiKeys))(
  "$name, with an API key",
  (backend) => {
    it("refuses a valid organization API key with a 401 that says its SDK cannot verify keys", async () => {
      const key = await keyOf(ALICE.orgId, ["projects:read"]);
      const { status, body } = await json(await get(backend, LIST, key.secret));
      expect(status).toBe(401);
      expect((body as { error: { code: string; message: string } }).error).toEqual({
        code: "unauthenticated",
        message: expect.stringMatching(/organization API keys are not supported/),
      });
    });
  },
);
