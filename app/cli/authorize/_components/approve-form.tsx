"use client";
import { useActionState } from "react";
import { useFormStatus } from "react-dom";
import { type FormState, INITIAL_FORM_STATE } from "@/lib/form-state";

/** Approve (a server action) or decline (a plain link back to the CLI, which then stops). */
export function ApproveForm({
  action,
  declineHref,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  declineHref: string;
}) {
  const [state, formAction] = useActionState(action, INITIAL_FORM_STATE);
  return (
    <form action={formAction} className="flex flex-col gap-3">
      {state.status === "error" ? (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-700">
          {state.message}
        </p>
      ) : null}
      <div className="flex items-center gap-3">
        <ApproveButton />
        <a href={declineHref} className="text-sm text-zinc-600 underline-offset-2 hover:underline">
          Cancel
        </a>
      </div>
    </form>
  );
}

function ApproveButton() {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      disabled={pending}
      aria-disabled={pending}
      className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-500 disabled:cursor-wait disabled:opacity-60"
    >
      {pending ? "Approving…" : "Approve"}
    </button>
  );
}
