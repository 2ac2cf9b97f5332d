import { updateProjectSchema } from "@/lib/validation/projects";
import { readJsonBody } from "@/server/api/request";
import { apiRoute, json, noContent } from "@/server/api/route";
import { deleteProject, getProject, updateProject } from "@/server/data/projects";

type Params = { projectId: string };

export const GET = apiRoute<Params>(async (_request, { projectId }) => json(await getProject(projectId)));

export const PATCH = apiRoute<Params>(async (request, { projectId }) =>
  json(await updateProject(projectId, await readJsonBody(request, updateProjectSchema))),
);

export const DELETE = apiRoute<Params>(async (_request, { projectId }) => {
  await deleteProject(projectId);
  return noContent();
});
