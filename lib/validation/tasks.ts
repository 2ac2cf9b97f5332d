import { z } from "zod";
import { clerkUserIdSchema, personSchema } from "./people";

export const TASK_TITLE_MAX = 200;

const title = z
  .string({ error: "Title is required" })
  .trim()
  .min(1, "Title is required")
  .max(TASK_TITLE_MAX, `Title must be at most ${TASK_TITLE_MAX} characters`);
/** A member of the organization, by Clerk user id; null leaves the task unassigned. */
const assigneeId = clerkUserIdSchema.nullable();

export const createTaskSchema = z.strictObject({
  title,
  assigneeId: assigneeId.default(null),
  done: z.boolean().default(false),
});
export type CreateTaskInput = z.infer<typeof createTaskSchema>;

export const updateTaskSchema = z
  .strictObject({
    title: title.optional(),
    assigneeId: assigneeId.optional(),
    done: z.boolean().optional(),
  })
  .refine((changes) => Object.values(changes).some((value) => value !== undefined), {
    message: "Change at least one of title, assigneeId or done",
  });
export type UpdateTaskInput = z.infer<typeof updateTaskSchema>;

export const taskSchema = z.object({
  id: z.uuid(),
  projectId: z.uuid(),
  title: z.string(),
  done: z.boolean(),
  assignee: personSchema.nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Task = z.infer<typeof taskSchema>;
