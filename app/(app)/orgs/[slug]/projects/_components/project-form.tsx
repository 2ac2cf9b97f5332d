"use client";
import Link from "next/link";
import { useActionState } from "react";
import { type FormState, fieldError, INITIAL_FORM_STATE, submittedValue } from "@/lib/form-state";
import {
  PROJECT_DESCRIPTION_MAX,
  PROJECT_NAME_MAX,
  PROJECT_STATUS_LABELS,
  PROJECT_STATUSES,
  type ProjectStatus,
} from "@/lib/validation/projects";
import { FieldError, FormMessage } from "./form-message";
import { SubmitButton } from "./submit-button";

export interface ProjectFormValues {
  name: string;
  description: string;
  status: ProjectStatus;
}

/** Create and edit share one form: the fields, limits and messages come from the shared zod schema. */
export function ProjectForm({
  action,
  initial,
  submitLabel,
  cancelHref,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  initial?: ProjectFormValues;
  submitLabel: string;
  cancelHref: string;
}) {
  const [state, formAction] = useActionState(action, INITIAL_FORM_STATE);
  const nameError = fieldError(state, "name");
  const descriptionError = fieldError(state, "description");
  const statusError = fieldError(state, "status");
  return (
    <form action={formAction} className="flex max-w-xl flex-col gap-5" noValidate>
      <FormMessage state={state} />
      <div className="flex flex-col gap-1">
        <label htmlFor="name" className="text-sm font-medium">
          Name
        </label>
        <input
          id="name"
          name="name"
          defaultValue={submittedValue(state, "name", initial?.name)}
          maxLength={PROJECT_NAME_MAX}
          required
          aria-invalid={Boolean(nameError)}
          aria-describedby={nameError ? "name-error" : undefined}
          className="rounded-md border border-zinc-300 px-3 py-2 aria-invalid:border-red-500"
        />
        <FieldError id="name-error" message={nameError} />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="description" className="text-sm font-medium">
          Description <span className="font-normal text-zinc-500">(optional)</span>
        </label>
        <textarea
          id="description"
          name="description"
          rows={4}
          defaultValue={submittedValue(state, "description", initial?.description)}
          maxLength={PROJECT_DESCRIPTION_MAX}
          aria-invalid={Boolean(descriptionError)}
          aria-describedby={descriptionError ? "description-error" : undefined}
          className="rounded-md border border-zinc-300 px-3 py-2 aria-invalid:border-red-500"
        />
        <FieldError id="description-error" message={descriptionError} />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="status" className="text-sm font-medium">
          Status
        </label>
        <select
          id="status"
          name="status"
          defaultValue={submittedValue(state, "status", initial?.status ?? "active")}
          aria-invalid={Boolean(statusError)}
          className="w-48 rounded-md border border-zinc-300 bg-white px-3 py-2"
        >
          {PROJECT_STATUSES.map((status) => (
            <option key={status} value={status}>
              {PROJECT_STATUS_LABELS[status]}
            </option>
          ))}
        </select>
        <FieldError id="status-error" message={statusError} />
      </div>
      <div className="flex items-center gap-3">
        <SubmitButton pendingLabel="Saving…">{submitLabel}</SubmitButton>
        <Link href={cancelHref} className="text-sm text-zinc-600 hover:underline">
          Cancel
        </Link>
      </div>
    </form>
  );
}
