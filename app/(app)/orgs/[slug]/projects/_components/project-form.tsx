"use client";
import Link from "next/link";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { type FormAction, useFormAction } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { Field, FieldError, FieldGroup, FieldLabel } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { NativeSelect, NativeSelectOption } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import { fieldError, submittedValue } from "@/lib/form-state";
import {
  PROJECT_DESCRIPTION_MAX,
  PROJECT_NAME_MAX,
  PROJECT_STATUS_LABELS,
  PROJECT_STATUSES,
  type ProjectStatus,
} from "@/lib/validation/projects";

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
  success,
  cancelHref,
}: {
  action: FormAction;
  initial?: ProjectFormValues;
  submitLabel: string;
  /** The toast once saved. */
  success: string;
  cancelHref: string;
}) {
  const [state, formAction] = useFormAction(action, success);
  const nameError = fieldError(state, "name");
  const descriptionError = fieldError(state, "description");
  const statusError = fieldError(state, "status");
  return (
    <form action={formAction} className="flex max-w-xl flex-col gap-6" noValidate>
      <FormMessage state={state} />
      <FieldGroup>
        <Field data-invalid={Boolean(nameError)}>
          <FieldLabel htmlFor="name">Name</FieldLabel>
          <Input
            id="name"
            name="name"
            defaultValue={submittedValue(state, "name", initial?.name)}
            maxLength={PROJECT_NAME_MAX}
            required
            aria-invalid={Boolean(nameError)}
            aria-describedby={nameError ? "name-error" : undefined}
          />
          <FieldError id="name-error">{nameError}</FieldError>
        </Field>
        <Field data-invalid={Boolean(descriptionError)}>
          <FieldLabel htmlFor="description">
            Description <span className="font-normal text-muted-foreground">(optional)</span>
          </FieldLabel>
          <Textarea
            id="description"
            name="description"
            rows={4}
            defaultValue={submittedValue(state, "description", initial?.description)}
            maxLength={PROJECT_DESCRIPTION_MAX}
            aria-invalid={Boolean(descriptionError)}
            aria-describedby={descriptionError ? "description-error" : undefined}
          />
          <FieldError id="description-error">{descriptionError}</FieldError>
        </Field>
        <Field data-invalid={Boolean(statusError)}>
          <FieldLabel htmlFor="status">Status</FieldLabel>
          <NativeSelect
            id="status"
            name="status"
            className="w-48"
            defaultValue={submittedValue(state, "status", initial?.status ?? "active")}
            aria-invalid={Boolean(statusError)}
            aria-describedby={statusError ? "status-error" : undefined}
          >
            {PROJECT_STATUSES.map((status) => (
              <NativeSelectOption key={status} value={status}>
                {PROJECT_STATUS_LABELS[status]}
              </NativeSelectOption>
            ))}
          </NativeSelect>
          <FieldError id="status-error">{statusError}</FieldError>
        </Field>
      </FieldGroup>
      <div className="flex items-center gap-3">
        <SubmitButton>{submitLabel}</SubmitButton>
        <Button asChild variant="ghost">
          <Link href={cancelHref}>Cancel</Link>
        </Button>
      </div>
    </form>
  );
}
