/** The Hono app: Clerk verifies the caller, the permission table decides, RLS isolates the rows. */
import { Hono } from "hono";
import { cors } from "hono/cors";
import type pg from "pg";
import type { Authenticate } from "./caller";
import { requirePermission } from "./caller";
import { errorResponse } from "./errors";
import { getProject, listProjects } from "./projects";
import { parseListQuery } from "./query";
import { inTenant, isReachable } from "./tenant";

const NO_STORE = { "Cache-Control": "private, no-store" };

export function createApp(options: {
  authorizedParties: string[];
  authenticate: Authenticate;
  pool: pg.Pool;
}) {
  const { authenticate, pool } = options;
  const app = new Hono();
  // Browsers on the app's own origins may call with `Authorization: Bearer <session token>`; no
  // cookies are read, so no credentials mode is needed.
  app.use(
    "*",
    cors({
      origin: options.authorizedParties,
      allowMethods: ["GET"],
      allowHeaders: ["Authorization"],
      maxAge: 600,
    }),
  );
  app.onError((error) => errorResponse(error));

  app.get("/health", async (c) =>
    (await isReachable(pool))
      ? c.json({ status: "ok", database: "reachable" }, 200, { "Cache-Control": "no-store" })
      : c.json({ status: "degraded", database: "unreachable" }, 503, { "Cache-Control": "no-store" }),
  );

  app.get("/api/v1/projects", async (c) => {
    const caller = await authenticate(c.req.raw);
    const query = parseListQuery(new URL(c.req.url).searchParams);
    requirePermission(caller, "projects:read");
    return c.json(await inTenant(pool, caller.orgId, (tenant) => listProjects(tenant, query)), 200, NO_STORE);
  });

  app.get("/api/v1/projects/:projectId", async (c) => {
    const caller = await authenticate(c.req.raw);
    requirePermission(caller, "projects:read");
    const project = await inTenant(pool, caller.orgId, (tenant) =>
      getProject(tenant, c.req.param("projectId")),
    );
    return c.json(project, 200, NO_STORE);
  });

  return app;
}
