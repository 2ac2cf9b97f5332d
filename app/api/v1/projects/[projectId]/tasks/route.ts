import { pageQuerySchema } from "@/lib/validation/pagination";
import { createTaskSchema } from "@/lib/validation/tasks";
import { readJsonBody, readQuery } from "@/server/api/request";
import { apiRoute, json } from "@/server/api/route";
import { createTask, listTasks } from "@/server/data/tasks";

type Params = { projectId: string };

export const GET = apiRoute<Params>(async (request, { projectId }) =>
  json(await listTasks(projectId, readQuery(request, pageQuerySchema))),
);

export const POST = apiRoute<Params>(async (request, { projectId }) => {
  const task = await createTask(projectId, await readJsonBody(request, createTaskSchema));
  return json(task, 201, { Location: `/api/v1/projects/${projectId}/tasks/${task.id}` });
});
