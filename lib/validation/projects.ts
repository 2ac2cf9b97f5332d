import { z } from "zod";
import { personSchema } from "./people";

/**
 * What a project looks like going in (forms, server actions, the REST API) and coming out (the data
 * access layer's DTOs, API responses, the OpenAPI document). One definition, so the form's per-field
 * errors, the API's 422 and the OpenAPI schema can never disagree.
 */

export const PROJECT_STATUSES = ["active", "on_hold", "completed"] as const;
export const projectStatusSchema = z.enum(PROJECT_STATUSES);
export type ProjectStatus = z.infer<typeof projectStatusSchema>;

export const PROJECT_STATUS_LABELS: Record<ProjectStatus, string> = {
  active: "Active",
  on_hold: "On hold",
  completed: "Completed",
};

export const PROJECT_NAME_MAX = 100;
export const PROJECT_DESCRIPTION_MAX = 2_000;

const projectFields = {
  name: z
    .string({ error: "Name is required" })
    .trim()
    .min(1, "Name is required")
    .max(PROJECT_NAME_MAX, `Name must be at most ${PROJECT_NAME_MAX} characters`),
  description: z
    .string()
    .trim()
    .max(PROJECT_DESCRIPTION_MAX, `Description must be at most ${PROJECT_DESCRIPTION_MAX} characters`),
  status: projectStatusSchema,
};

export const createProjectSchema = z.strictObject({
  name: projectFields.name,
  description: projectFields.description.default(""),
  status: projectFields.status.default("active"),
});
export type CreateProjectInput = z.infer<typeof createProjectSchema>;

export const updateProjectSchema = z
  .strictObject({
    name: projectFields.name.optional(),
    description: projectFields.description.optional(),
    status: projectFields.status.optional(),
  })
  .refine((changes) => Object.values(changes).some((value) => value !== undefined), {
    message: "Change at least one of name, description or status",
  });
export type UpdateProjectInput = z.infer<typeof updateProjectSchema>;

export const projectSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string(),
  status: projectStatusSchema,
  /** A person, or for a project created with an organization API key, that key (`{ apiKeyId }`). */
  createdBy: z.union([personSchema, z.object({ apiKeyId: z.string().min(1) })]),
  openTaskCount: z.int().nonnegative(),
  taskCount: z.int().nonnegative(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Project = z.infer<typeof projectSchema>;
