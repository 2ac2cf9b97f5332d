"use client";

import { useActionState, useEffect, useRef } from "react";
import { type FormState, INITIAL_FORM_STATE } from "@/lib/form-state";

export type FormAction = (state: FormState, formData: FormData) => Promise<FormState>;

/**
 * `useActionState` for a server action that answers a FormState, plus the feedback every action owes
 * its user: `success` becomes a toast, and an error stays in the state for the form to show inline.
 *
 * The action goes to `useActionState` unwrapped: a server action reference is what lets React render
 * the form so that it also posts before hydration and without JavaScript. So the toast is derived
 * from what the hook reports: a new success state, or — for an action that ends with `redirect()`
 * (create, delete) — the form being unmounted by that navigation while its action was pending.
 */
export function useFormAction(action: FormAction, success: string) {
  const [state, formAction, isPending] = useActionState(action, INITIAL_FORM_STATE);
  // The message as it read when the action started: a toggle's label flips with the action's result.
  const started = useRef({ success, isPending });
  started.current.isPending = isPending;
  useEffect(() => {
    if (isPending) started.current.success = success;
  }, [isPending, success]);
  useEffect(() => {
    if (state.status === "success") announce(state.message ?? started.current.success);
  }, [state]);
  useEffect(
    () => () => {
      if (started.current.isPending) announce(started.current.success);
    },
    [],
  );
  return [state, formAction, isPending] as const;
}

// Sonner loads with the toast outlet, after the page is interactive (components/toaster.tsx).
function announce(message: string): void {
  void import("sonner").then(({ toast }) => toast.success(message));
}
