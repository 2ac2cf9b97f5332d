"use client";
import { CircleCheckIcon, CircleIcon, Trash2Icon } from "lucide-react";
import { ConfirmActionForm } from "@/components/forms/confirm-action-form";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { type FormAction, useFormAction } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/utils";
import type { Person } from "@/lib/validation/people";
import type { Task } from "@/lib/validation/tasks";
import { AssigneeSelect } from "./assignee-select";

export function TaskItem({
  task,
  members,
  canWrite,
  actions,
}: {
  task: Task;
  members: Person[];
  canWrite: boolean;
  actions: { toggle: FormAction; assign: FormAction; remove: FormAction };
}) {
  const [toggleState, toggle] = useFormAction(
    actions.toggle,
    task.done ? `“${task.title}” reopened` : `“${task.title}” completed`,
  );
  const [assignState, assign] = useFormAction(actions.assign, `Assignee of “${task.title}” saved`);
  const error = [toggleState, assignState].find((state) => state.status === "error");

  return (
    <li className="flex flex-col gap-2 px-4 py-3" data-task-id={task.id}>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
        {canWrite ? (
          <form action={toggle}>
            <SubmitButton
              variant="outline"
              size="sm"
              aria-label={task.done ? `Reopen “${task.title}”` : `Complete “${task.title}”`}
            >
              {task.done ? <CircleCheckIcon aria-hidden="true" /> : <CircleIcon aria-hidden="true" />}
              {task.done ? "Reopen" : "Complete"}
            </SubmitButton>
          </form>
        ) : (
          <span className="text-muted-foreground text-sm">{task.done ? "Done" : "Open"}</span>
        )}
        <span className={cn("min-w-40 flex-1", task.done && "text-muted-foreground line-through")}>
          {task.title}
        </span>
        {canWrite ? (
          <form action={assign} className="flex items-center gap-1">
            <label htmlFor={`assignee-${task.id}`} className="sr-only">
              Assignee of “{task.title}”
            </label>
            <AssigneeSelect
              id={`assignee-${task.id}`}
              members={withCurrentAssignee(members, task.assignee)}
              defaultValue={task.assignee?.userId ?? ""}
            />
            <SubmitButton variant="ghost" size="sm" aria-label={`Assign “${task.title}”`}>
              Assign
            </SubmitButton>
          </form>
        ) : (
          <span className="text-muted-foreground text-sm">{task.assignee?.name ?? "Unassigned"}</span>
        )}
        {canWrite && (
          <ConfirmActionForm
            action={actions.remove}
            trigger={
              <Button variant="ghost" size="icon-sm" aria-label={`Delete task “${task.title}”`}>
                <Trash2Icon aria-hidden="true" />
              </Button>
            }
            title={`Delete task “${task.title}”?`}
            description="The task is deleted for everyone in the organization. This cannot be undone."
            confirmLabel="Delete task"
            success={`Task “${task.title}” deleted`}
          />
        )}
      </div>
      {error && <FormMessage state={error} />}
    </li>
  );
}

// Someone who has left the organization stays visible as the assignee until the task is reassigned.
function withCurrentAssignee(members: Person[], assignee: Person | null): Person[] {
  if (!assignee || members.some((member) => member.userId === assignee.userId)) return members;
  return [...members, assignee];
}
