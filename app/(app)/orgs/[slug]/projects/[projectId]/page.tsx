import { ListTodoIcon, PencilIcon } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Empty, EmptyDescription, EmptyHeader, EmptyMedia, EmptyTitle } from "@/components/ui/empty";
import { projectPaths } from "@/lib/project-paths";
import type { Project } from "@/lib/validation/projects";
import { hasPermission, requireOrgPage } from "@/server/auth/context";
import { listMembers } from "@/server/data/people";
import { getProject } from "@/server/data/projects";
import { listTasks } from "@/server/data/tasks";
import { forPage } from "@/server/failures/page";
import { AddTaskForm } from "../_components/add-task-form";
import { BackLink } from "../_components/back-link";
import { DeleteProjectForm } from "../_components/delete-project-form";
import { ProjectInsightsCard } from "../_components/project-insights-card";
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
        <BackLink href={projectPaths.list(slug)}>Projects</BackLink>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="font-semibold text-2xl">{project.name}</h1>
          <StatusBadge status={project.status} />
          {hasPermission(context, "projects:update") && (
            <Button asChild variant="outline" size="sm">
              <Link href={projectPaths.edit(slug, project.id)}>
                <PencilIcon aria-hidden="true" />
                Edit
              </Link>
            </Button>
          )}
        </div>
        {project.description && <p className="max-w-2xl whitespace-pre-line">{project.description}</p>}
        <p className="text-muted-foreground text-sm">
          Created by {creatorName(project.createdBy)} on{" "}
          <time dateTime={project.createdAt}>
            {new Date(project.createdAt).toLocaleDateString("en", { dateStyle: "medium" })}
          </time>
        </p>
      </div>

      <section className="flex flex-col gap-3" aria-labelledby="tasks-heading">
        <h2 id="tasks-heading" className="font-semibold text-lg">
          Tasks{" "}
          <span className="font-normal text-muted-foreground text-sm">({project.openTaskCount} open)</span>
        </h2>
        {canWriteTasks && (
          <AddTaskForm action={addTaskAction.bind(null, slug, project.id)} members={members} />
        )}
        {tasks.data.length === 0 ? (
          <Empty className="md:p-8">
            <EmptyHeader>
              <EmptyMedia>
                <ListTodoIcon aria-hidden="true" />
              </EmptyMedia>
              <EmptyTitle>No tasks yet</EmptyTitle>
              <EmptyDescription>
                {canWriteTasks ? "Add the first one above." : "Tasks your team adds show up here."}
              </EmptyDescription>
            </EmptyHeader>
          </Empty>
        ) : (
          <ul
            className="divide-y rounded-lg border bg-card text-card-foreground shadow-xs"
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
          <p className="text-muted-foreground text-sm">
            Showing the first {TASKS_SHOWN} tasks; the API lists them all.
          </p>
        )}
      </section>

      {/* Streamed: a slow insights service never holds up the rest of the page. */}
      <Suspense fallback={null}>
        <ProjectInsightsCard projectId={project.id} />
      </Suspense>

      {hasPermission(context, "projects:delete") && (
        <Card className="border-destructive/40" aria-labelledby="danger-heading" role="region">
          <CardHeader>
            <CardTitle>
              <h2 id="danger-heading" className="text-destructive">
                Delete this project
              </h2>
            </CardTitle>
            <CardDescription>
              Its {project.taskCount} tasks are deleted with it. Only admins can do this.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <DeleteProjectForm
              action={deleteProjectAction.bind(null, slug, project.id)}
              projectName={project.name}
              taskCount={project.taskCount}
            />
          </CardContent>
        </Card>
      )}
    </div>
  );
}

function creatorName(creator: Project["createdBy"]): string {
  return "apiKeyId" in creator ? `API key ${creator.apiKeyId}` : (creator.name ?? creator.userId);
}
