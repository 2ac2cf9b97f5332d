"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { FormState } from "@/lib/form-state";
import { projectPaths } from "@/lib/project-paths";
import { createTaskSchema, updateTaskSchema } from "@/lib/validation/tasks";
import { runFormAction, textFields } from "@/server/actions/form-action";
import { deleteProject } from "@/server/data/projects";
import { createTask, deleteTask, updateTask } from "@/server/data/tasks";

// Every action below only parses the form and calls the data access layer, which checks the session,
// the role and the organization; `runFormAction` refuses a `slug` that is not the session's active
// organization, and the other ids bound from the page are just input, like the form's.

/** An empty assignee select means "nobody". */
const assignee = (value: string | undefined) => (value ? value : null);

export async function addTaskAction(
  slug: string,
  projectId: string,
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  return runFormAction(
    slug,
    async () => {
      const fields = textFields(formData, ["title", "assigneeId"]);
      const input = createTaskSchema.parse({ title: fields.title, assigneeId: assignee(fields.assigneeId) });
      await createTask(projectId, input);
      revalidatePath(projectPaths.detail(slug, projectId));
    },
    formData,
  );
}

export async function setTaskDoneAction(
  slug: string,
  projectId: string,
  taskId: string,
  done: boolean,
  _state: FormState,
  _formData: FormData,
): Promise<FormState> {
  return runFormAction(slug, async () => {
    await updateTask(projectId, taskId, updateTaskSchema.parse({ done }));
    revalidatePath(projectPaths.detail(slug, projectId));
  });
}

export async function assignTaskAction(
  slug: string,
  projectId: string,
  taskId: string,
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  return runFormAction(slug, async () => {
    const { assigneeId } = textFields(formData, ["assigneeId"]);
    await updateTask(projectId, taskId, updateTaskSchema.parse({ assigneeId: assignee(assigneeId) }));
    revalidatePath(projectPaths.detail(slug, projectId));
  });
}

export async function deleteTaskAction(
  slug: string,
  projectId: string,
  taskId: string,
  _state: FormState,
  _formData: FormData,
): Promise<FormState> {
  return runFormAction(slug, async () => {
    await deleteTask(projectId, taskId);
    revalidatePath(projectPaths.detail(slug, projectId));
  });
}

export async function deleteProjectAction(
  slug: string,
  projectId: string,
  _state: FormState,
  _formData: FormData,
): Promise<FormState> {
  return runFormAction(slug, async () => {
    await deleteProject(projectId);
    revalidatePath(projectPaths.list(slug));
    redirect(projectPaths.list(slug));
  });
}
