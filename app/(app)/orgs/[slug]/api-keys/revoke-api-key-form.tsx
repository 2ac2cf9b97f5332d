"use client";
import { useActionState } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { type FormState, INITIAL_FORM_STATE } from "@/lib/form-state";

export function RevokeApiKeyForm({
  action,
  name,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  name: string;
}) {
  const [state, formAction] = useActionState(action, INITIAL_FORM_STATE);
  return (
    <form
      action={formAction}
      onSubmit={(event) => {
        if (!window.confirm(`Revoke “${name}”? Whatever uses it stops working.`)) event.preventDefault();
      }}
      className="flex flex-col items-end gap-1"
    >
      <FormMessage state={state} />
      <SubmitButton variant="danger" pendingLabel="Revoking…" ariaLabel={`Revoke “${name}”`}>
        Revoke
      </SubmitButton>
    </form>
  );
}
