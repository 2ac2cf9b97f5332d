"use client";
import { useActionState } from "react";
import { FieldError, FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { INITIAL_FORM_STATE } from "@/lib/form-state";
import type { CreateApiKeyState } from "./actions";

export function CreateApiKeyForm({
  action,
  permissions,
}: {
  action: (state: CreateApiKeyState, formData: FormData) => Promise<CreateApiKeyState>;
  permissions: readonly string[];
}) {
  const [state, formAction] = useActionState<CreateApiKeyState, FormData>(action, INITIAL_FORM_STATE);
  const errors = state.status === "error" ? state.fields : {};
  return (
    <form action={formAction} className="flex flex-col gap-3 rounded-lg border border-zinc-200 bg-white p-4">
      <h2 className="font-medium">New API key</h2>
      {state.status === "created" ? (
        <div role="status" className="rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm">
          <p>“{state.name}” is ready. Copy its secret now: it is shown this once.</p>
          <code className="mt-1 block break-all font-mono">{state.secret}</code>
        </div>
      ) : (
        <FormMessage state={state} />
      )}
      <label className="flex flex-col gap-1 text-sm">
        Name
        <input
          name="name"
          required
          maxLength={100}
          aria-describedby="api-key-name-error"
          className="rounded-md border border-zinc-300 px-2 py-1"
        />
      </label>
      <FieldError id="api-key-name-error" message={errors.name?.[0]} />
      <fieldset className="flex flex-col gap-1 text-sm">
        <legend>Permissions</legend>
        {permissions.map((permission) => (
          <label key={permission} className="flex items-center gap-2">
            <input
              type="checkbox"
              name="scopes"
              value={permission}
              defaultChecked={permission === "projects:read"}
            />
            <code>{permission}</code>
          </label>
        ))}
      </fieldset>
      <FieldError id="api-key-scopes-error" message={errors.scopes?.[0]} />
      <div>
        <SubmitButton pendingLabel="Creating…">Create key</SubmitButton>
      </div>
    </form>
  );
}
