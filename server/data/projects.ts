import "server-only";
import type { z } from "zod";
import { encodeCursor, type Page, type ProjectListQuery, pageSize } from "@/lib/validation/pagination";
import {
  type CreateProjectInput,
  createProjectSchema,
  type Project,
  type UpdateProjectInput,
  updateProjectSchema,
} from "@/lib/validation/projects";
import { changedFields } from "../audit/changes";
import { recordAuditEvent } from "../audit/record";
import type { Project as ProjectRow } from "../generated/prisma/client";
import { requireProjectQuota } from "./billing";
import { ConflictError, NotFoundError } from "./errors";
import { cursorId, rowId } from "./ids";
import { isUniqueViolation } from "./prisma-errors";
import { selectProjects } from "./project-rows";
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
    const rows = await selectProjects(tx, organizationId, {
      nameContains: q,
      idBelow: cursor,
      limit: limit + 1,
    });
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return { data: page, nextCursor: rows.length > limit && last ? encodeCursor(last.id) : null };
  });
}

export function getProject(projectId: string): Promise<Project> {
  return inTenant("projects:read", (tx, { organizationId }) =>
    projectOf(tx, organizationId, rowId(projectId, "Project")),
  );
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
    return projectOf(tx, organizationId, row.id);
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
    if (Object.keys(changes).length === 0) return projectOf(tx, organizationId, before.id);
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
    return projectOf(tx, organizationId, row.id);
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

/** The DTO of one project of the organization, as this transaction sees it; 404 when there is none. */
async function projectOf(tx: TenantClient, organizationId: string, id: string): Promise<Project> {
  const [project] = await selectProjects(tx, organizationId, { id });
  if (!project) throw new NotFoundError("Project");
  return project;
}
