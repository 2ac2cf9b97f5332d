import "server-only";
import type { Project } from "@/lib/validation/projects";
import { apiKeyIdOfActor } from "../auth/session";
import { Prisma } from "../generated/prisma/client";
import { toPerson } from "./people";
import type { TenantClient } from "./tenant";

/**
 * Projects as the API and the pages show them — each with its task counts and its creator's name —
 * read in one statement. A list page is the REST API's hottest path; built from Prisma calls it took
 * three queries (the projects, a `groupBy` of their tasks, the creators' names), each a round trip
 * inside the tenant transaction. Runs under row-level security like every tenant query.
 */

/** Which projects: one by id, or a page of a list. Both already validated (ids.ts, pagination.ts). */
export type ProjectSelection = { id: string } | { nameContains?: string; idBelow?: string; limit: number };

interface ProjectRow {
  id: string;
  name: string;
  description: string;
  status: Project["status"];
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
  taskCount: number;
  openTaskCount: number;
  creatorClerkId: string | null;
  creatorFirstName: string | null;
  creatorLastName: string | null;
  creatorEmail: string | null;
}

export async function selectProjects(
  tx: TenantClient,
  organizationId: string,
  selection: ProjectSelection,
): Promise<Project[]> {
  // The creator's name comes through the organization's memberships, as in people.ts: only someone
  // who is or was a member here is named; any other id (another organization's user) stays nameless.
  const rows = await tx.$queryRaw<ProjectRow[]>`
    SELECT p.id::text AS id, p.name, p.description, p.status::text AS status, p.created_by AS "createdBy",
           p.created_at AS "createdAt", p.updated_at AS "updatedAt",
           coalesce(t.total, 0)::int AS "taskCount", coalesce(t.open, 0)::int AS "openTaskCount",
           u.clerk_id AS "creatorClerkId", u.first_name AS "creatorFirstName",
           u.last_name AS "creatorLastName", u.email AS "creatorEmail"
    FROM projects p
    LEFT JOIN LATERAL (
      SELECT count(*) AS total, count(*) FILTER (WHERE NOT done) AS open
      FROM tasks WHERE tasks.organization_id = p.organization_id AND tasks.project_id = p.id
    ) t ON true
    LEFT JOIN users u ON u.clerk_id = p.created_by AND EXISTS (
      SELECT 1 FROM memberships m WHERE m.user_id = u.id AND m.organization_id = p.organization_id
    )
    WHERE p.organization_id = ${organizationId}::uuid ${filtersOf(selection)}
    ORDER BY p.id DESC ${"limit" in selection ? Prisma.sql`LIMIT ${selection.limit}` : Prisma.empty}`;
  return rows.map(toProjectDto);
}

function filtersOf(selection: ProjectSelection): Prisma.Sql {
  if ("id" in selection) return Prisma.sql`AND p.id = ${selection.id}::uuid`;
  const filters: Prisma.Sql[] = [];
  if (selection.nameContains) {
    // Literal text, not a pattern: `%` and `_` in a search match themselves.
    filters.push(Prisma.sql`AND p.name ILIKE ${`%${escapeLikePattern(selection.nameContains)}%`}`);
  }
  if (selection.idBelow) filters.push(Prisma.sql`AND p.id < ${selection.idBelow}::uuid`);
  return filters.length ? Prisma.join(filters, " ") : Prisma.empty;
}

/** Escapes LIKE's wildcards and its escape character (Postgres's default, the backslash). */
function escapeLikePattern(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

function toProjectDto(row: ProjectRow): Project {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    status: row.status,
    createdBy: creatorOf(row),
    taskCount: row.taskCount,
    openTaskCount: row.openTaskCount,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** A project's creator: a person of the organization, or the API key that created it. */
function creatorOf(row: ProjectRow): Project["createdBy"] {
  const apiKeyId = apiKeyIdOfActor(row.createdBy);
  if (apiKeyId) return { apiKeyId };
  if (row.creatorClerkId === null) return { userId: row.createdBy, name: null };
  return toPerson({
    clerkId: row.creatorClerkId,
    firstName: row.creatorFirstName,
    lastName: row.creatorLastName,
    email: row.creatorEmail,
  });
}
