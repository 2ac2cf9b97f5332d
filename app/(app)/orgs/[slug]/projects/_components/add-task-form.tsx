"use client";
import { useActionState } from "react";
import { type FormState, fieldError, INITIAL_FORM_STATE, submittedValue } from "@/lib/form-state";
import type { Person } from "@/lib/validation/people";
import { TASK_TITLE_MAX } from "@/lib/validation/tasks";
import { FieldError, FormMessage } from "./form-message";
import { SubmitButton } from "./submit-button";

export function AddTaskForm({
  action,
  members,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  members: Person[];
}) {
  const [state, formAction] = useActionState(action, INITIAL_FORM_STATE);
  const titleError = fieldError(state, "title");
  const assigneeError = fieldError(state, "assigneeId");
  return (
    <form action={formAction} className="flex flex-col gap-2" noValidate aria-label="Add a task">
      <FormMessage state={state} />
      <div className="flex flex-wrap items-start gap-2">
        <div className="flex flex-1 flex-col gap-1">
          <label htmlFor="task-title" className="sr-only">
            Task title
          </label>
          <input
            id="task-title"
            name="title"
            placeholder="What needs doing?"
            maxLength={TASK_TITLE_MAX}
            defaultValue={submittedValue(state, "title", "")}
            aria-invalid={Boolean(titleError)}
            aria-describedby={titleError ? "task-title-error" : undefined}
            className="min-w-64 rounded-md border border-zinc-300 px-3 py-1.5 aria-invalid:border-red-500"
          />
          <FieldError id="task-title-error" message={titleError} />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="task-assignee" className="sr-only">
            Assignee
          </label>
          <AssigneeSelect
            id="task-assignee"
            members={members}
            defaultValue={submittedValue(state, "assigneeId", "")}
          />
          <FieldError id="task-assignee-error" message={assigneeError} />
        </div>
        <SubmitButton pendingLabel="Adding…">Add task</SubmitButton>
      </div>
    </form>
  );
}

export function AssigneeSelect({
  id,
  members,
  defaultValue,
}: {
  id: string;
  members: Person[];
  defaultValue: string | undefined;
}) {
  return (
    <select
      id={id}
      name="assigneeId"
      defaultValue={defaultValue}
      className="rounded-md border border-zinc-300 bg-white px-2 py-1.5 text-sm"
    >
      <option value="">Unassigned</option>
      {members.map((member) => (
        <option key={member.userId} value={member.userId}>
          {member.name ?? member.userId}
        </option>
      ))}
    </select>
  );
}
