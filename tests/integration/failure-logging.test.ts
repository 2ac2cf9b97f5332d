/**
 * Failures that are not bugs — the database unreachable, a client hanging up mid-body — answer in
 * the app's failure vocabulary and log one line each, never a stack trace per request.
 */
import net, { type AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it, type MockInstance, vi } from "vitest";
import { INITIAL_FORM_STATE } from "@/lib/form-state";
import { TEST_APP_ORIGIN } from "../support/clerk-auth";

const databaseUrl = process.env.DATABASE_URL as string;

/** A port nothing listens on: every connection to it is refused, like a stopped database server. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

let app: {
  callers: typeof import("../support/tenant-callers");
  api: typeof import("../support/api-routes");
  newProject: typeof import("@/app/(app)/orgs/[slug]/projects/new/actions");
};
let logged: MockInstance[];

beforeAll(async () => {
  process.env.DATABASE_URL = `postgresql://app_user:app@127.0.0.1:${await closedPort()}/app`;
  vi.resetModules();
  // The Clerk keys are set here, once per file (Clerk caches the first key it sees), before any app
  // module reads the environment.
  await import("../support/app-clerk-env");
  app = {
    callers: await import("../support/tenant-callers"),
    api: await import("../support/api-routes"),
    newProject: await import("@/app/(app)/orgs/[slug]/projects/new/actions"),
  };
});

afterAll(() => {
  process.env.DATABASE_URL = databaseUrl;
  vi.resetModules();
});

function captureLogs(): void {
  logged = (["error", "warn", "log", "info"] as const).map((level) =>
    vi.spyOn(console, level).mockImplementation(() => {}),
  );
}

afterEach(() => {
  vi.restoreAllMocks();
});

/** Everything written to the console since `captureLogs()`, one string per call. */
function lines(): string[] {
  return logged.flatMap((spy) => spy.mock.calls.map((args) => args.map(String).join(" ")));
}

function expectOneLineWithoutStack(): void {
  const written = lines();
  expect(written).toHaveLength(1);
  expect(written[0]).not.toContain("\n");
  expect(written[0]).not.toMatch(/\bat .+:\d+:\d+/);
}

describe("with the database unreachable", () => {
  it.each([
    ["GET", undefined],
    ["POST", { name: "Roadmap" }],
  ])(
    "the REST API answers %s /projects with 503, Retry-After and its error shape, and logs one line",
    async (method, body) => {
      captureLogs();
      const response = await app.api.apiCall(method, "/projects", {
        headers: app.callers.authorizationFor(app.callers.callers.aliceAdminOfAcme),
        body,
      });
      expect(response.status).toBe(503);
      expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(await response.json()).toEqual({
        error: { code: "unavailable", message: expect.stringMatching(/database.*try again in \d+ seconds/i) },
      });
      expectOneLineWithoutStack();
    },
  );

  it("a server action shows a readable try-again message (form state 503) and keeps what was typed", async () => {
    captureLogs();
    const formData = new FormData();
    formData.set("name", "Roadmap");
    const state = await app.callers.actAs(app.callers.callers.aliceAdminOfAcme, () =>
      app.newProject.createProjectAction("acme", INITIAL_FORM_STATE, formData),
    );
    expect(state).toMatchObject({
      status: "error",
      code: 503,
      message: expect.stringMatching(/try again in \d+ seconds/),
      retryAfterSeconds: expect.any(Number),
      values: { name: "Roadmap" },
    });
    expectOneLineWithoutStack();
  });
});

describe("a client that aborts mid-body", () => {
  it("gets a 400 in the API's error shape, and the server logs one line without a stack trace", async () => {
    captureLogs();
    const encoder = new TextEncoder();
    // What Node's HTTP server hands Next.js when the client's connection drops mid-body.
    const body = new ReadableStream<Uint8Array>({
      start: (controller) => controller.enqueue(encoder.encode('{"name":"Road')),
      pull: (controller) => controller.error(Object.assign(new Error("aborted"), { code: "ECONNRESET" })),
    });
    const response = await app.api.fetchApi(`${TEST_APP_ORIGIN}/api/v1/projects`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...app.callers.authorizationFor(app.callers.callers.aliceAdminOfAcme),
      },
      body,
      duplex: "half",
    } as RequestInit);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: { code: "request_aborted", message: expect.any(String) },
    });
    expectOneLineWithoutStack();
    expect(lines()[0]).toContain("ECONNRESET");
  });
});
