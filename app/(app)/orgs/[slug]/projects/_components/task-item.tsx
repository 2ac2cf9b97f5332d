"use client";
import { useActionState } from "react";
import { type FormState, INITIAL_FORM_STATE } from "@/lib/form-state";
import type { Person } from "@/lib/validation/people";
import type { Task } from "@/lib/validation/tasks";
import { AssigneeSelect } from "./add-task-form";
import { SubmitButton } from "./submit-button";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

export function TaskItem({
  task,
  members,
  canWrite,
  actions,
}: {
  task: Task;
  members: Person[];
  canWrite: boolean;
  actions: { toggle: Action; assign: Action; remove: Action };
}) {
  const [toggleState, toggle] = useActionState(actions.toggle, INITIAL_FORM_STATE);
  const [assignState, assign] = useActionState(actions.assign, INITIAL_FORM_STATE);
  const [removeState, remove] = useActionState(actions.remove, INITIAL_FORM_STATE);
  const error = [toggleState, assignState, removeState].find((state) => state.status === "error");

  return (
    <li className="flex flex-col gap-1 px-4 py-3" data-task-id={task.id}>
      <div className="flex flex-wrap items-center gap-3">
        {canWrite ? (
          <form action={toggle}>
            <SubmitButton
              variant="secondary"
              pendingLabel="…"
              ariaLabel={task.done ? `Reopen “${task.title}”` : `Complete “${task.title}”`}
            >
              {task.done ? "✓ Done" : "Complete"}
            </SubmitButton>
          </form>
        ) : (
          <span className="text-sm text-zinc-600">{task.done ? "✓ Done" : "Open"}</span>
        )}
        <span className={`flex-1 ${task.done ? "text-zinc-500 line-through" : ""}`}>{task.title}</span>
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
            <SubmitButton
              variant="link"
              pendingLabel="Saving…"
              ariaLabel={`Save assignee of “${task.title}”`}
            >
              Assign
            </SubmitButton>
          </form>
        ) : (
          <span className="text-sm text-zinc-600">{task.assignee?.name ?? "Unassigned"}</span>
        )}
        {canWrite && (
          <form action={remove}>
            <SubmitButton variant="link" pendingLabel="Deleting…" ariaLabel={`Delete task “${task.title}”`}>
              Delete
            </SubmitButton>
          </form>
        )}
      </div>
      {error?.status === "error" && (
        <p role="alert" className="text-sm text-red-600">
          {error.message}
        </p>
      )}
    </li>
  );
}

// Someone who has left the organization stays visible as the assignee until the task is reassigned.
function withCurrentAssignee(members: Person[], assignee: Person | null): Person[] {
  if (!assignee || members.some((member) => member.userId === assignee.userId)) return members;
  return [...members, assignee];
}
