"use client";
import { useActionState } from "react";
import { type FormState, INITIAL_FORM_STATE } from "@/lib/form-state";
import { FormMessage } from "./form-message";
import { SubmitButton } from "./submit-button";

export function DeleteProjectForm({
  action,
  projectName,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  projectName: string;
}) {
  const [state, formAction] = useActionState(action, INITIAL_FORM_STATE);
  return (
    <form
      action={formAction}
      onSubmit={(event) => {
        if (!window.confirm(`Delete “${projectName}” and all its tasks? This cannot be undone.`)) {
          event.preventDefault();
        }
      }}
      className="flex flex-col items-start gap-2"
    >
      <FormMessage state={state} />
      <SubmitButton variant="danger" pendingLabel="Deleting…">
        Delete project
      </SubmitButton>
    </form>
  );
}
