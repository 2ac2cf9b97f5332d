import "server-only";
import type { z } from "zod";
import { encodeCursor, type Page, type PageQuery, pageSize } from "@/lib/validation/pagination";
import {
  type CreateTaskInput,
  createTaskSchema,
  type Task,
  type UpdateTaskInput,
  updateTaskSchema,
} from "@/lib/validation/tasks";
import { changedFields } from "../audit/changes";
import { recordAuditEvent } from "../audit/record";
import type { Prisma } from "../generated/prisma/client";
import { InvalidReferenceError, NotFoundError } from "./errors";
import { cursorId, rowId } from "./ids";
import { findMemberUserId, peopleOfOrganization } from "./people";
import { findProject } from "./projects";
import { inTenant, type TenantClient } from "./tenant";

/**
 * Tasks of a project of the caller's organization: the child model of the example. Every function
 * first finds the parent project by `(organizationId, id)`, so a task is reachable only through a
 * project of the caller's organization — and the composite foreign key makes any other task impossible.
 */

// Only the assignee's Clerk id: their name is resolved through the organization's memberships
// (`peopleOfOrganization`), never read from `users` directly.
const taskInclude = { assignee: { select: { clerkId: true } } } satisfies Prisma.TaskInclude;
type TaskRow = Prisma.TaskGetPayload<{ include: typeof taskInclude }>;

export function listTasks(projectId: string, query: Partial<PageQuery> = {}): Promise<Page<Task>> {
  const { cursor: rawCursor } = query;
  const cursor = cursorId(rawCursor);
  const limit = pageSize(query.limit);
  return inTenant("projects:read", async (tx, { organizationId }) => {
    const project = await findProject(tx, organizationId, projectId);
    const rows = await tx.task.findMany({
      where: { organizationId, projectId: project.id, ...(cursor ? { id: { gt: cursor } } : {}) },
      include: taskInclude,
      orderBy: { id: "asc" },
      take: limit + 1,
    });
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      data: await toTaskDtos(tx, organizationId, page),
      nextCursor: rows.length > limit && last ? encodeCursor(last.id) : null,
    };
  });
}

export function getTask(projectId: string, taskId: string): Promise<Task> {
  return inTenant("projects:read", async (tx, { organizationId }) =>
    toTaskDto(tx, organizationId, await findTask(tx, organizationId, projectId, taskId)),
  );
}

export function createTask(projectId: string, input: z.input<typeof createTaskSchema>): Promise<Task> {
  const data: CreateTaskInput = createTaskSchema.parse(input);
  return inTenant("tasks:write", async (tx, { organizationId, context }) => {
    const project = await findProject(tx, organizationId, projectId);
    const row = await tx.task.create({
      data: {
        organizationId,
        projectId: project.id,
        title: data.title,
        done: data.done,
        assigneeId: await assigneeUserId(tx, organizationId, data.assigneeId),
      },
      include: taskInclude,
    });
    await recordAuditEvent(tx, {
      organizationId,
      actor: context.actor,
      action: "task.created",
      target: { type: "task", id: row.id, label: row.title },
      details: { projectId: project.id, project: project.name },
    });
    return toTaskDto(tx, organizationId, row);
  });
}

export function updateTask(
  projectId: string,
  taskId: string,
  input: z.input<typeof updateTaskSchema>,
): Promise<Task> {
  const update: UpdateTaskInput = updateTaskSchema.parse(input);
  return inTenant("tasks:write", async (tx, { organizationId, context }) => {
    const before = await findTask(tx, organizationId, projectId, taskId);
    const changes = changedFields(
      { title: before.title, done: before.done, assigneeId: before.assignee?.clerkId ?? null },
      update,
    );
    if (Object.keys(changes).length === 0) return toTaskDto(tx, organizationId, before);
    const row = await tx.task.update({
      where: { organizationId_id: { organizationId, id: before.id } },
      data: {
        title: update.title,
        done: update.done,
        ...(changes.assigneeId
          ? { assigneeId: await assigneeUserId(tx, organizationId, update.assigneeId ?? null) }
          : {}),
      },
      include: taskInclude,
    });
    await recordAuditEvent(tx, {
      organizationId,
      actor: context.actor,
      action: "task.updated",
      target: { type: "task", id: row.id, label: row.title },
      details: { projectId: row.projectId, changes },
    });
    return toTaskDto(tx, organizationId, row);
  });
}

export function deleteTask(projectId: string, taskId: string): Promise<void> {
  return inTenant("tasks:write", async (tx, { organizationId, context }) => {
    const task = await findTask(tx, organizationId, projectId, taskId);
    await tx.task.delete({ where: { organizationId_id: { organizationId, id: task.id } } });
    await recordAuditEvent(tx, {
      organizationId,
      actor: context.actor,
      action: "task.deleted",
      target: { type: "task", id: task.id, label: task.title },
      details: { projectId: task.projectId },
    });
  });
}

async function findTask(
  tx: TenantClient,
  organizationId: string,
  projectId: string,
  taskId: string,
): Promise<TaskRow> {
  const project = await findProject(tx, organizationId, projectId);
  const row = await tx.task.findUnique({
    where: { organizationId_id: { organizationId, id: rowId(taskId, "Task") } },
    include: taskInclude,
  });
  // A task of another project of the same organization is not found under this project either.
  if (!row || row.projectId !== project.id) throw new NotFoundError("Task");
  return row;
}

async function assigneeUserId(
  tx: TenantClient,
  organizationId: string,
  clerkUserId: string | null,
): Promise<string | null> {
  if (clerkUserId === null) return null;
  const userId = await findMemberUserId(tx, organizationId, clerkUserId);
  if (!userId) throw new InvalidReferenceError("Must be a member of this organization", "assigneeId");
  return userId;
}

async function toTaskDtos(tx: TenantClient, organizationId: string, rows: TaskRow[]): Promise<Task[]> {
  const people = await peopleOfOrganization(
    tx,
    organizationId,
    rows.flatMap((row) => (row.assignee ? [row.assignee.clerkId] : [])),
  );
  return rows.map((row) => ({
    id: row.id,
    projectId: row.projectId,
    title: row.title,
    done: row.done,
    assignee: row.assignee ? (people.get(row.assignee.clerkId) ?? null) : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  }));
}

async function toTaskDto(tx: TenantClient, organizationId: string, row: TaskRow): Promise<Task> {
  return (await toTaskDtos(tx, organizationId, [row]))[0] as Task;
}
