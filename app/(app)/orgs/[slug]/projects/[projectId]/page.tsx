import type { Metadata } from "next";
import Link from "next/link";
import { projectPaths } from "@/lib/project-paths";
import type { Project } from "@/lib/validation/projects";
import { hasPermission, requireOrgPage } from "@/server/auth/context";
import { listMembers } from "@/server/data/people";
import { getProject } from "@/server/data/projects";
import { listTasks } from "@/server/data/tasks";
import { forPage } from "@/server/failures/page";
import { AddTaskForm } from "../_components/add-task-form";
import { DeleteProjectForm } from "../_components/delete-project-form";
import { StatusBadge } from "../_components/status-badge";
import { TaskItem } from "../_components/task-item";
import {
  addTaskAction,
  assignTaskAction,
  deleteProjectAction,
  deleteTaskAction,
  setTaskDoneAction,
} from "./actions";

export const metadata: Metadata = { title: "Project" };

const TASKS_SHOWN = 100;

export default async function ProjectPage({
  params,
}: {
  params: Promise<{ slug: string; projectId: string }>;
}) {
  const { slug, projectId } = await params;
  const context = await requireOrgPage("projects:read");
  const project = await forPage(getProject(projectId));
  const canWriteTasks = hasPermission(context, "tasks:write");
  const [tasks, members] = await Promise.all([
    listTasks(project.id, { limit: TASKS_SHOWN }),
    canWriteTasks ? listMembers() : Promise.resolve([]),
  ]);

  return (
    <div className="flex flex-col gap-8">
      <div className="flex flex-col gap-2">
        <Link href={projectPaths.list(slug)} className="text-sm text-zinc-600 hover:underline">
          ← Projects
        </Link>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold">{project.name}</h1>
          <StatusBadge status={project.status} />
          {hasPermission(context, "projects:update") && (
            <Link
              href={projectPaths.edit(slug, project.id)}
              className="rounded-md border border-zinc-300 bg-white px-3 py-1.5 text-sm hover:bg-zinc-50"
            >
              Edit
            </Link>
          )}
        </div>
        {project.description && (
          <p className="max-w-2xl whitespace-pre-line text-zinc-700">{project.description}</p>
        )}
        <p className="text-sm text-zinc-500">
          Created by {creatorName(project.createdBy)} on{" "}
          <time dateTime={project.createdAt}>
            {new Date(project.createdAt).toLocaleDateString("en", { dateStyle: "medium" })}
          </time>
        </p>
      </div>

      <section className="flex flex-col gap-3" aria-labelledby="tasks-heading">
        <h2 id="tasks-heading" className="text-lg font-semibold">
          Tasks <span className="text-sm font-normal text-zinc-500">({project.openTaskCount} open)</span>
        </h2>
        {canWriteTasks && (
          <AddTaskForm action={addTaskAction.bind(null, slug, project.id)} members={members} />
        )}
        {tasks.data.length === 0 ? (
          <p className="rounded-lg border border-dashed border-zinc-300 bg-white px-4 py-6 text-center text-sm text-zinc-600">
            No tasks yet.{canWriteTasks ? " Add the first one above." : ""}
          </p>
        ) : (
          <ul
            className="divide-y divide-zinc-200 rounded-lg border border-zinc-200 bg-white"
            aria-label="Tasks"
          >
            {tasks.data.map((task) => (
              <TaskItem
                key={task.id}
                task={task}
                members={members}
                canWrite={canWriteTasks}
                actions={{
                  toggle: setTaskDoneAction.bind(null, slug, project.id, task.id, !task.done),
                  assign: assignTaskAction.bind(null, slug, project.id, task.id),
                  remove: deleteTaskAction.bind(null, slug, project.id, task.id),
                }}
              />
            ))}
          </ul>
        )}
        {tasks.nextCursor && (
          <p className="text-sm text-zinc-500">
            Showing the first {TASKS_SHOWN} tasks; the API lists them all.
          </p>
        )}
      </section>

      {hasPermission(context, "projects:delete") && (
        <section
          className="flex flex-col gap-2 rounded-lg border border-red-200 bg-white p-4"
          aria-labelledby="danger-heading"
        >
          <h2 id="danger-heading" className="font-semibold text-red-700">
            Delete this project
          </h2>
          <p className="text-sm text-zinc-600">
            Its {project.taskCount} tasks are deleted with it. Only admins can do this.
          </p>
          <DeleteProjectForm
            action={deleteProjectAction.bind(null, slug, project.id)}
            projectName={project.name}
          />
        </section>
      )}
    </div>
  );
}

function creatorName(creator: Project["createdBy"]): string {
  return "apiKeyId" in creator ? `API key ${creator.apiKeyId}` : (creator.name ?? creator.userId);
}
