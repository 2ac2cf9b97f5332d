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
import type { ProjectStatus } from "@/lib/validation/projects";

export interface ProjectFormValues {
  name: string;
  description: string;
  status: ProjectStatus;
}

export interface ProjectFormProps {
  action: FormAction;
  initial?: ProjectFormValues;
  submitLabel: string;
  /** The toast once saved. */
  success: string;
  cancelHref: string;
}

/** The client half of `ProjectForm`, which hands it the schema's limits and labels. */
export function ProjectFormFields({
  action,
  initial,
  submitLabel,
  success,
  cancelHref,
  limits,
  statuses,
}: ProjectFormProps & {
  limits: { name: number; description: number };
  statuses: Array<{ value: ProjectStatus; label: string }>;
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
            maxLength={limits.name}
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
            maxLength={limits.description}
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
            {statuses.map(({ value, label }) => (
              <NativeSelectOption key={value} value={value}>
                {label}
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
