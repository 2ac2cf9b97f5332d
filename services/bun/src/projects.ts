/** GET /api/v1/projects and /api/v1/projects/{id}: the read side of the app's REST API, same shapes. */
import { readFileSync } from "node:fs";
import { notFound } from "./errors";
import { SHARED_DIR } from "./permissions";
import { encodeCursor, type ListQuery, UUID } from "./query";
import type { Tenant } from "./tenant";

const PROJECT_ROWS = readFileSync(new URL("project-rows.sql", SHARED_DIR), "utf8");

/** A project as services/shared/project-rows.sql builds it (the app's `projectSchema`). */
type Project = Record<string, unknown>;

export async function listProjects(
  tenant: Tenant,
  query: ListQuery,
): Promise<{ data: Project[]; nextCursor: string | null }> {
  if (tenant.organizationId === null) return { data: [], nextCursor: null };
  const rows = await projectRows(tenant, null, query.q, query.cursor, query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    data: page.map((row) => JSON.parse(row.project)),
    nextCursor: rows.length > query.limit && last ? encodeCursor(last.id) : null,
  };
}

export async function getProject(tenant: Tenant, projectId: string): Promise<Project> {
  // Not a UUID: it cannot name a row, so it is "not found" like any other unknown id.
  if (!UUID.test(projectId) || tenant.organizationId === null) throw notFound("Project");
  const [row] = await projectRows(tenant, projectId.toLowerCase(), null, null, 1);
  if (!row) throw notFound("Project");
  return JSON.parse(row.project);
}

async function projectRows(
  tenant: Tenant,
  projectId: string | null,
  q: string | null,
  cursor: string | null,
  limit: number,
): Promise<{ id: string; project: string }[]> {
  const { rows } = await tenant.client.query<{ id: string; project: string }>(PROJECT_ROWS, [
    tenant.organizationId,
    projectId,
    q,
    cursor,
    limit,
  ]);
  return rows;
}
