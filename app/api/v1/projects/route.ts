import { projectListQuerySchema } from "@/lib/validation/pagination";
import { createProjectSchema } from "@/lib/validation/projects";
import { readJsonBody, readQuery } from "@/server/api/request";
import { apiRoute, json } from "@/server/api/route";
import { createProject, listProjects } from "@/server/data/projects";

export const GET = apiRoute(async (request) =>
  json(await listProjects(readQuery(request, projectListQuerySchema))),
);

export const POST = apiRoute(async (request) => {
  const project = await createProject(await readJsonBody(request, createProjectSchema));
  return json(project, 201, { Location: `/api/v1/projects/${project.id}` });
});
