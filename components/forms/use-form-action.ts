"use client";

import { isRedirectError } from "next/dist/client/components/redirect-error";
import { useActionState } from "react";
import { type FormState, INITIAL_FORM_STATE } from "@/lib/form-state";

export type FormAction = (state: FormState, formData: FormData) => Promise<FormState>;

/**
 * `useActionState` for a server action that answers a FormState, plus the feedback every action
 * owes its user: `success` becomes a toast when the action succeeds — also when it ends by
 * redirecting (create, delete), which Next reports to the caller by throwing its redirect — and an
 * error stays in the state for the form to show inline, next to what went wrong.
 */
export function useFormAction(action: FormAction, success: string) {
  return useActionState(async (previous: FormState, formData: FormData) => {
    try {
      const next = await action(previous, formData);
      if (next.status === "success") announce(next.message ?? success);
      return next;
    } catch (error) {
      if (isRedirectError(error)) announce(success);
      throw error;
    }
  }, INITIAL_FORM_STATE);
}

// Sonner loads with the toast outlet, after the page is interactive (components/toaster.tsx).
function announce(message: string): void {
  void import("sonner").then(({ toast }) => toast.success(message));
}
