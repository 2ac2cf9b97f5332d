/**
 * One contract, every backend: the Next.js app's REST API and the Python, Go and Bun services
 * answer the same requests with the same statuses, JSON shapes and error codes.
 */
import { beforeAll, describe, expect, it } from "vitest";
import {
  ALICE,
  BOB,
  CAROL,
  contract,
  forgedToken,
  get,
  insertProjectCreatedBy,
  json,
  projectIdsOf,
  tokenFor,
  tokenWithoutAzp,
} from "./support/requests";

const LIST = "/api/v1/projects";
const app = contract.backends.find((backend) => backend.name === "next");
if (!app) throw new Error("the contract suite needs the Next.js app as its reference");

function expectRefusal(result: { status: number; body: unknown }, status: number, code: string) {
  expect(result).toEqual({ status, body: { error: { code, message: expect.any(String) } } });
}

describe.each(contract.backends)("$name", (backend) => {
  let acmeIds: string[];
  let globexIds: string[];

  beforeAll(async () => {
    [acmeIds, globexIds] = await Promise.all([projectIdsOf(ALICE.orgId), projectIdsOf(CAROL.orgId)]);
    // Guards against a vacuous run: both organizations must hold projects for isolation to show.
    expect(acmeIds.length).toBeGreaterThan(1);
    expect(globexIds.length).toBeGreaterThan(0);
  });

  it("reports itself healthy with the database reachable", async () => {
    expect(await json(await get(backend, backend.healthPath))).toEqual({
      status: 200,
      body: { status: "ok", database: "reachable" },
    });
  });

  it("refuses a request without a token (401, with a Bearer challenge)", async () => {
    const response = await get(backend, LIST);
    expect(response.headers.get("www-authenticate")).toBe('Bearer realm="api"');
    expectRefusal(await json(response), 401, "unauthenticated");
  });

  it("refuses an expired session token (401)", async () => {
    expectRefusal(
      await json(await get(backend, LIST, tokenFor(ALICE, { expiresIn: -120 }))),
      401,
      "unauthenticated",
    );
  });

  it("refuses a token signed with another key (401)", async () => {
    expectRefusal(await json(await get(backend, LIST, forgedToken())), 401, "unauthenticated");
  });

  it("refuses a token issued to another origin (wrong azp, 401)", async () => {
    const token = tokenFor(ALICE, { authorizedParty: "https://evil.example" });
    expectRefusal(await json(await get(backend, LIST, token)), 401, "unauthenticated");
  });

  it("refuses a token without azp (401)", async () => {
    expectRefusal(await json(await get(backend, LIST, tokenWithoutAzp())), 401, "unauthenticated");
  });

  it("refuses a session without an active organization (403)", async () => {
    const token = tokenFor({ userId: ALICE.userId });
    expectRefusal(await json(await get(backend, LIST, token)), 403, "no_active_organization");
  });

  it("refuses a role the permission table does not grant projects:read (403)", async () => {
    const token = tokenFor({ ...BOB, orgRole: "org:guest" });
    expectRefusal(await json(await get(backend, LIST, token)), 403, "forbidden");
  });

  it("lists exactly the caller's organization's projects, newest first", async () => {
    const { status, body } = await json(await get(backend, LIST, tokenFor(ALICE)));
    expect(status).toBe(200);
    const page = body as { data: { id: string }[]; nextCursor: string | null };
    expect(page.data.map((project) => project.id)).toEqual(acmeIds);
    expect(page.nextCursor).toBeNull();
  });

  it("reads v1 and v2 session claims alike", async () => {
    const v2 = await json(await get(backend, LIST, tokenFor(ALICE, { claimsVersion: 2 })));
    const v1 = await json(await get(backend, LIST, tokenFor(ALICE, { claimsVersion: 1 })));
    expect(v1.status).toBe(200);
    expect(v1).toEqual(v2);
  });

  it("lets a member read what an admin reads", async () => {
    const admin = await json(await get(backend, LIST, tokenFor(ALICE)));
    const member = await json(await get(backend, LIST, tokenFor(BOB)));
    expect(member.status).toBe(200);
    expect(member).toEqual(admin);
  });

  it("answers another organization's project id with 404, not 403", async () => {
    const response = await get(backend, `${LIST}/${globexIds[0]}`, tokenFor(ALICE));
    expect(await json(response)).toEqual({
      status: 404,
      body: { error: { code: "not_found", message: "Project not found: it may have been deleted" } },
    });
  });

  it("answers an id that is not a UUID with 404", async () => {
    expectRefusal(await json(await get(backend, `${LIST}/not-a-uuid`, tokenFor(ALICE))), 404, "not_found");
  });

  it("names a project's creator only when they are or were a member of the organization", async () => {
    // Carol is in Globex only: her name must not reach an Acme caller, whatever the row says.
    const project = await insertProjectCreatedBy(ALICE.orgId, CAROL.userId, "Created elsewhere");
    try {
      const { status, body } = await json(await get(backend, `${LIST}/${project.id}`, tokenFor(ALICE)));
      expect(status).toBe(200);
      expect((body as { createdBy: unknown }).createdBy).toEqual({ userId: CAROL.userId, name: null });
    } finally {
      await project.remove();
    }
  });

  it("returns one project as the list shows it", async () => {
    const list = await json(await get(backend, LIST, tokenFor(ALICE)));
    const one = await json(await get(backend, `${LIST}/${acmeIds[0]}`, tokenFor(ALICE)));
    expect(one).toEqual({ status: 200, body: (list.body as { data: unknown[] }).data[0] });
  });

  it("pages through the list with the cursor it hands out", async () => {
    const first = await json(await get(backend, `${LIST}?limit=1`, tokenFor(ALICE)));
    const { data, nextCursor } = first.body as { data: { id: string }[]; nextCursor: string };
    expect(data.map((project) => project.id)).toEqual(acmeIds.slice(0, 1));
    const second = await json(await get(backend, `${LIST}?limit=1&cursor=${nextCursor}`, tokenFor(ALICE)));
    expect((second.body as { data: { id: string }[] }).data.map((project) => project.id)).toEqual(
      acmeIds.slice(1, 2),
    );
  });

  it("refuses bad query parameters with 400 and per-field messages", async () => {
    expect(await json(await get(backend, `${LIST}?limit=0&cursor=nope`, tokenFor(ALICE)))).toEqual({
      status: 400,
      body: {
        error: {
          code: "invalid_query",
          message: "The query parameters are invalid",
          fields: {
            limit: ["limit must be at least 1"],
            cursor: ["Invalid cursor: pass the nextCursor of a previous page"],
          },
        },
      },
    });
  });

  if (backend.name === app.name) return;

  it("answers exactly what the Next.js app answers, byte for byte in JSON", async () => {
    const token = tokenFor(CAROL);
    for (const path of [
      LIST,
      `${LIST}?limit=1`,
      `${LIST}?q=AUDIT`,
      `${LIST}/${globexIds[0]}`,
      `${LIST}/${acmeIds[0]}`,
    ]) {
      const [expected, actual] = await Promise.all([
        json(await get(app, path, token)),
        json(await get(backend, path, token)),
      ]);
      expect({ path, ...actual }).toEqual({ path, ...expected });
    }
  });

  it("answers 503 unavailable, with Retry-After, when its database is down", async () => {
    const down = { ...backend, baseUrl: backend.databaseDownUrl as string };
    const response = await get(down, LIST, tokenFor(ALICE));
    expect(response.headers.get("retry-after")).toBe("5");
    expectRefusal(await json(response), 503, "unavailable");
    expect((await json(await get(down, backend.healthPath))).body).toEqual({
      status: "degraded",
      database: "unreachable",
    });
  });

  it("answers a CORS preflight from the app's origin", async () => {
    const response = await fetch(`${backend.baseUrl}${LIST}`, {
      method: "OPTIONS",
      headers: {
        Origin: contract.appOrigin,
        "Access-Control-Request-Method": "GET",
        "Access-Control-Request-Headers": "authorization",
      },
    });
    expect(response.status).toBeLessThan(300);
    expect(response.headers.get("access-control-allow-origin")).toBe(contract.appOrigin);
    expect(response.headers.get("access-control-allow-headers")?.toLowerCase()).toContain("authorization");
  });

  it("gives a foreign origin no CORS permission, preflight or request", async () => {
    const preflight = await fetch(`${backend.baseUrl}${LIST}`, {
      method: "OPTIONS",
      headers: { Origin: "https://evil.example", "Access-Control-Request-Method": "GET" },
    });
    expect(preflight.headers.get("access-control-allow-origin")).toBeNull();
    const request = await get(backend, LIST, tokenFor(ALICE), { Origin: "https://evil.example" });
    expect(request.headers.get("access-control-allow-origin")).toBeNull();
  });
});
