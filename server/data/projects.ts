import "server-only";
import type { z } from "zod";
import { encodeCursor, type Page, type ProjectListQuery, pageSize } from "@/lib/validation/pagination";
import type { Person } from "@/lib/validation/people";
import {
  type CreateProjectInput,
  createProjectSchema,
  type Project,
  type UpdateProjectInput,
  updateProjectSchema,
} from "@/lib/validation/projects";
import { changedFields } from "../audit/changes";
import { recordAuditEvent } from "../audit/record";
import { apiKeyIdOfActor } from "../auth/session";
import type { Project as ProjectRow } from "../generated/prisma/client";
import { requireProjectQuota } from "./billing";
import { ConflictError, NotFoundError } from "./errors";
import { cursorId, rowId } from "./ids";
import { peopleOfOrganization } from "./people";
import { isUniqueViolation } from "./prisma-errors";
import { inTenant, type TenantClient } from "./tenant";

/**
 * Projects of the caller's organization. Every function reads the organization from the session
 * (through `inTenant`), checks the permission, filters by the organization, looks rows up by
 * `(organizationId, id)` and returns DTOs. Another organization's id is "not found".
 */

/** `query` comes parsed by `projectListQuerySchema` (the cursor decoded): a bad one is the URL's fault. */
export function listProjects(query: Partial<ProjectListQuery> = {}): Promise<Page<Project>> {
  const { q, cursor: rawCursor } = query;
  const cursor = cursorId(rawCursor);
  const limit = pageSize(query.limit);
  return inTenant("projects:read", async (tx, { organizationId }) => {
    const rows = await tx.project.findMany({
      where: {
        organizationId,
        ...(q ? { name: { contains: q, mode: "insensitive" } } : {}),
        ...(cursor ? { id: { lt: cursor } } : {}),
      },
      orderBy: { id: "desc" },
      take: limit + 1,
    });
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      data: await toProjectDtos(tx, organizationId, page),
      nextCursor: rows.length > limit && last ? encodeCursor(last.id) : null,
    };
  });
}

export function getProject(projectId: string): Promise<Project> {
  return inTenant("projects:read", async (tx, { organizationId }) => {
    const row = await findProject(tx, organizationId, projectId);
    return (await toProjectDtos(tx, organizationId, [row]))[0] as Project;
  });
}

export function createProject(input: z.input<typeof createProjectSchema>): Promise<Project> {
  const data: CreateProjectInput = createProjectSchema.parse(input);
  return inTenant("projects:create", async (tx, tenant) => {
    const { organizationId, context } = tenant;
    await requireProjectQuota(tx, tenant);
    const row = await tx.project
      .create({ data: { ...data, organizationId, createdBy: context.actor } })
      .catch(rethrowDuplicateName(data.name));
    await recordAuditEvent(tx, {
      organizationId,
      actor: context.actor,
      action: "project.created",
      target: { type: "project", id: row.id, label: row.name },
      details: { status: row.status },
    });
    return (await toProjectDtos(tx, organizationId, [row]))[0] as Project;
  });
}

export function updateProject(
  projectId: string,
  input: z.input<typeof updateProjectSchema>,
): Promise<Project> {
  const update: UpdateProjectInput = updateProjectSchema.parse(input);
  return inTenant("projects:update", async (tx, { organizationId, context }) => {
    const before = await findProject(tx, organizationId, projectId);
    const changes = changedFields(before, update);
    if (Object.keys(changes).length === 0)
      return (await toProjectDtos(tx, organizationId, [before]))[0] as Project;
    const row = await tx.project
      .update({ where: { organizationId_id: { organizationId, id: before.id } }, data: update })
      .catch(rethrowDuplicateName(update.name ?? before.name));
    await recordAuditEvent(tx, {
      organizationId,
      actor: context.actor,
      action: "project.updated",
      target: { type: "project", id: row.id, label: row.name },
      details: { changes },
    });
    return (await toProjectDtos(tx, organizationId, [row]))[0] as Project;
  });
}

export function deleteProject(projectId: string): Promise<void> {
  return inTenant("projects:delete", async (tx, { organizationId, context }) => {
    const project = await findProject(tx, organizationId, projectId);
    const taskCount = await tx.task.count({ where: { organizationId, projectId: project.id } });
    // Its tasks go with it (ON DELETE CASCADE); the audit event keeps what was lost.
    await tx.project.delete({ where: { organizationId_id: { organizationId, id: project.id } } });
    await recordAuditEvent(tx, {
      organizationId,
      actor: context.actor,
      action: "project.deleted",
      target: { type: "project", id: project.id, label: project.name },
      details: { taskCount },
    });
  });
}

/** A project of this organization, or a NotFoundError: the lookup every child function starts with. */
export async function findProject(
  tx: TenantClient,
  organizationId: string,
  projectId: string,
): Promise<ProjectRow> {
  const row = await tx.project.findUnique({
    where: { organizationId_id: { organizationId, id: rowId(projectId, "Project") } },
  });
  if (!row) throw new NotFoundError("Project");
  return row;
}

function rethrowDuplicateName(name: string) {
  return (error: unknown): never => {
    if (isUniqueViolation(error)) {
      throw new ConflictError(`A project named "${name}" already exists in this organization`, "name");
    }
    throw error;
  };
}

async function toProjectDtos(
  tx: TenantClient,
  organizationId: string,
  rows: ProjectRow[],
): Promise<Project[]> {
  if (rows.length === 0) return [];
  // One transaction is one connection: its queries run one after another, so await them in turn.
  const counts = await tx.task.groupBy({
    by: ["projectId", "done"],
    where: { organizationId, projectId: { in: rows.map((row) => row.id) } },
    _count: { _all: true },
  });
  const people = await peopleOfOrganization(
    tx,
    organizationId,
    rows.map((row) => row.createdBy),
  );
  return rows.map((row) => {
    const ofProject = counts.filter((count) => count.projectId === row.id);
    const total = ofProject.reduce((sum, count) => sum + count._count._all, 0);
    const open = ofProject.find((count) => !count.done)?._count._all ?? 0;
    return {
      id: row.id,
      name: row.name,
      description: row.description,
      status: row.status,
      createdBy: creatorOf(row.createdBy, people),
      taskCount: total,
      openTaskCount: open,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    };
  });
}

/** A project's creator: a person of the organization, or the API key that created it. */
function creatorOf(actor: string, people: Map<string, Person>): Project["createdBy"] {
  const apiKeyId = apiKeyIdOfActor(actor);
  return apiKeyId ? { apiKeyId } : (people.get(actor) ?? { userId: actor, name: null });
}
