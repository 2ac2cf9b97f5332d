import "server-only";
import { z } from "zod";
import { apiErrorSchema } from "@/lib/validation/api-error";
import { pageSchema, projectListQuerySchema } from "@/lib/validation/pagination";
import { personSchema } from "@/lib/validation/people";
import {
  createProjectSchema,
  projectSchema,
  projectStatusSchema,
  updateProjectSchema,
} from "@/lib/validation/projects";
import { createTaskSchema, taskSchema, updateTaskSchema } from "@/lib/validation/tasks";
import { createdHeaders, idempotencyKeyParameter, withIdempotencyErrors } from "./openapi-idempotency";
import { MAX_BODY_BYTES } from "./request";

/**
 * The OpenAPI 3.1 document of `/api/v1`, generated from the same zod schemas that validate requests
 * and shape responses, so the document cannot drift from the code.
 */

type JsonSchema = Record<string, unknown>;
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

function components(schemas: Record<string, z.ZodType>, io: "input" | "output"): Record<string, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(schemas)) registry.add(schema, { id });
  const { schemas: generated } = z.toJSONSchema(registry, {
    io,
    uri: (id) => `#/components/schemas/${id}`,
    // Formats say it all; zod's long regexes for them would only make the document harder to read.
    override: ({ jsonSchema }) => {
      if (jsonSchema.format === "uuid" || jsonSchema.format === "date-time") delete jsonSchema.pattern;
    },
  });
  return Object.fromEntries(
    Object.entries(generated).map(([id, { $schema: _schema, $id: _id, ...schema }]) => [
      id,
      schema as JsonSchema,
    ]),
  );
}

function inline(schema: z.ZodType): JsonSchema {
  const { $schema: _schema, ...rest } = z.toJSONSchema(schema, { io: "input" });
  return rest;
}

// Every operation counts against the caller's rate limit (429) and reads the database (503 while it
// is unreachable).
const errorResponses = (...statuses: number[]) =>
  Object.fromEntries(
    [...statuses, 429, 503].map((status) => [
      String(status),
      {
        description: ERROR_DESCRIPTIONS[status] ?? "Error",
        content: { "application/json": { schema: ref("Error") } },
      },
    ]),
  );

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: "Malformed request: invalid JSON or query parameters, or a body cut off before its end",
  401: "No valid credential in `Authorization: Bearer`: no session token or an invalid one, or a revoked, expired or unknown API key",
  402: "The organization's plan does not allow this (the free plan's project limit); an admin can upgrade",
  403: "No active organization in the session, or the role (an API key's scopes) does not allow this",
  404: "Not found in the caller's organization (another organization's id included)",
  409: "Conflicts with existing data (a project name already taken)",
  413: `Request body larger than ${MAX_BODY_BYTES / 1024} KB`,
  415: "Body is not sent as application/json",
  422: "Body is JSON but invalid; `error.fields` says what to fix",
  429: "Too many requests from this caller; nothing was done. Retry after `Retry-After` seconds",
  503: "The database is unreachable, or Clerk cannot verify an API key; nothing was written. Retry after `Retry-After` seconds",
};

const jsonBody = (schema: string) => ({
  required: true,
  content: { "application/json": { schema: ref(schema) } },
});
const jsonResponse = (description: string, schema: string) => ({
  description,
  content: { "application/json": { schema: ref(schema) } },
});

const idParam = (name: string, what: string) => ({
  name,
  in: "path",
  required: true,
  description: `The ${what}'s id`,
  schema: { type: "string", format: "uuid" },
});
const pageParams = [
  { name: "limit", in: "query", description: "Page size (1–100, default 20)", schema: { type: "integer" } },
  {
    name: "cursor",
    in: "query",
    description: "`nextCursor` of the previous page",
    schema: { type: "string" },
  },
];

export function buildOpenApiDocument(serverUrl: string) {
  const project = idParam("projectId", "project");
  const task = idParam("taskId", "task");
  return {
    openapi: "3.1.0",
    info: {
      title: "Projects API",
      version: "1.0.0",
      description:
        "Projects and tasks of the caller's organization. Authenticate with a Clerk session token or an organization API key as `Authorization: Bearer <credential>`; the organization is the session's active organization, or the organization that owns the key. A key may do what its scopes (permission names such as `projects:read`) allow.",
    },
    servers: [{ url: `${serverUrl}/api/v1` }],
    // Either credential (OpenAPI: alternatives are separate entries).
    security: [{ clerkSession: [] }, { organizationApiKey: [] }],
    paths: {
      "/projects": {
        get: {
          operationId: "listProjects",
          summary: "List projects, newest first",
          parameters: [
            ...pageParams,
            {
              name: "q",
              in: "query",
              description: "Only projects whose name contains this (case-insensitive)",
              schema: inline(projectListQuerySchema.shape.q.unwrap()),
            },
          ],
          responses: {
            "200": jsonResponse("A page of projects", "ProjectPage"),
            ...errorResponses(400, 401, 403),
          },
        },
        post: {
          operationId: "createProject",
          summary: "Create a project",
          parameters: [idempotencyKeyParameter],
          requestBody: jsonBody("CreateProject"),
          responses: {
            "201": { ...jsonResponse("The created project", "Project"), headers: createdHeaders },
            ...withIdempotencyErrors(errorResponses(400, 401, 402, 403, 409, 413, 415, 422)),
          },
        },
      },
      "/projects/{projectId}": {
        parameters: [project],
        get: {
          operationId: "getProject",
          summary: "Get a project",
          responses: { "200": jsonResponse("The project", "Project"), ...errorResponses(401, 403, 404) },
        },
        patch: {
          operationId: "updateProject",
          summary: "Change a project's name, description or status",
          requestBody: jsonBody("UpdateProject"),
          responses: {
            "200": jsonResponse("The updated project", "Project"),
            ...errorResponses(400, 401, 403, 404, 409, 413, 415, 422),
          },
        },
        delete: {
          operationId: "deleteProject",
          summary: "Delete a project and its tasks (admins only)",
          responses: { "204": { description: "Deleted" }, ...errorResponses(401, 403, 404) },
        },
      },
      "/projects/{projectId}/tasks": {
        parameters: [project],
        get: {
          operationId: "listTasks",
          summary: "List a project's tasks, oldest first",
          parameters: pageParams,
          responses: {
            "200": jsonResponse("A page of tasks", "TaskPage"),
            ...errorResponses(400, 401, 403, 404),
          },
        },
        post: {
          operationId: "createTask",
          summary: "Add a task to a project",
          parameters: [idempotencyKeyParameter],
          requestBody: jsonBody("CreateTask"),
          responses: {
            "201": { ...jsonResponse("The created task", "Task"), headers: createdHeaders },
            ...withIdempotencyErrors(errorResponses(400, 401, 403, 404, 409, 413, 415, 422)),
          },
        },
      },
      "/projects/{projectId}/tasks/{taskId}": {
        parameters: [project, task],
        get: {
          operationId: "getTask",
          summary: "Get a task",
          responses: { "200": jsonResponse("The task", "Task"), ...errorResponses(401, 403, 404) },
        },
        patch: {
          operationId: "updateTask",
          summary: "Rename, (re)assign, complete or reopen a task",
          requestBody: jsonBody("UpdateTask"),
          responses: {
            "200": jsonResponse("The updated task", "Task"),
            ...errorResponses(400, 401, 403, 404, 413, 415, 422),
          },
        },
        delete: {
          operationId: "deleteTask",
          summary: "Delete a task",
          responses: { "204": { description: "Deleted" }, ...errorResponses(401, 403, 404) },
        },
      },
    },
    components: {
      securitySchemes: {
        clerkSession: {
          type: "http",
          scheme: "bearer",
          bearerFormat: "JWT",
          description: "A Clerk session token (from `getToken()` in the browser or Clerk's Backend SDK)",
        },
        organizationApiKey: {
          type: "http",
          scheme: "bearer",
          bearerFormat: "Clerk API key (ak_…)",
          description:
            "An organization API key made in Clerk (the organization's settings → API keys); it acts for its organization with the permissions its scopes name (none: read only). Verified with Clerk's Backend API, remembered for 10 s: a revoked key can keep working that long.",
        },
      },
      schemas: {
        ...components(
          {
            CreateProject: createProjectSchema,
            UpdateProject: updateProjectSchema,
            CreateTask: createTaskSchema,
            UpdateTask: updateTaskSchema,
            ProjectStatus: projectStatusSchema,
          },
          "input",
        ),
        ...components(
          {
            Project: projectSchema,
            ProjectPage: pageSchema(projectSchema),
            Task: taskSchema,
            TaskPage: pageSchema(taskSchema),
            Person: personSchema,
            ProjectStatus: projectStatusSchema,
            Error: apiErrorSchema,
          },
          "output",
        ),
      },
    },
  };
}
