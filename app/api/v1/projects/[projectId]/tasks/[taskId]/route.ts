import { updateTaskSchema } from "@/lib/validation/tasks";
import { readJsonBody } from "@/server/api/request";
import { apiRoute, json, noContent } from "@/server/api/route";
import { deleteTask, getTask, updateTask } from "@/server/data/tasks";

type Params = { projectId: string; taskId: string };

export const GET = apiRoute<Params>(async (_request, { projectId, taskId }) =>
  json(await getTask(projectId, taskId)),
);

export const PATCH = apiRoute<Params>(async (request, { projectId, taskId }) =>
  json(await updateTask(projectId, taskId, await readJsonBody(request, updateTaskSchema))),
);

export const DELETE = apiRoute<Params>(async (_request, { projectId, taskId }) => {
  await deleteTask(projectId, taskId);
  return noContent();
});
