"use client";
import { PlusIcon } from "lucide-react";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { type FormAction, useFormAction } from "@/components/forms/use-form-action";
import { FieldError } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { fieldError, submittedValue } from "@/lib/form-state";
import type { Person } from "@/lib/validation/people";
import { AssigneeSelect } from "./assignee-select";

export interface AddTaskFormProps {
  action: FormAction;
  members: Person[];
}

/** The client half of `AddTaskForm`, which hands it the schema's title limit. */
export function AddTaskFormFields({ action, members, titleMax }: AddTaskFormProps & { titleMax: number }) {
  const [state, formAction] = useFormAction(action, "Task added");
  const titleError = fieldError(state, "title");
  const assigneeError = fieldError(state, "assigneeId");
  return (
    <form action={formAction} className="flex flex-col gap-2" noValidate aria-label="Add a task">
      <FormMessage state={state} />
      <div className="flex flex-wrap items-start gap-2">
        <div className="flex min-w-56 flex-1 flex-col gap-1">
          <label htmlFor="task-title" className="sr-only">
            Task title
          </label>
          <Input
            id="task-title"
            name="title"
            placeholder="What needs doing?"
            maxLength={titleMax}
            defaultValue={submittedValue(state, "title", "")}
            aria-invalid={Boolean(titleError)}
            aria-describedby={titleError ? "task-title-error" : undefined}
          />
          <FieldError id="task-title-error">{titleError}</FieldError>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="task-assignee" className="sr-only">
            Assignee
          </label>
          <AssigneeSelect
            id="task-assignee"
            members={members}
            defaultValue={submittedValue(state, "assigneeId", "")}
            describedBy={assigneeError ? "task-assignee-error" : undefined}
          />
          <FieldError id="task-assignee-error">{assigneeError}</FieldError>
        </div>
        <SubmitButton>
          <PlusIcon aria-hidden="true" />
          Add task
        </SubmitButton>
      </div>
    </form>
  );
}
