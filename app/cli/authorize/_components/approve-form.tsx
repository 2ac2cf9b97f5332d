"use client";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { type FormAction, useFormAction } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";

/**
 * Approve (a server action, which sends the browser back to the CLI) or decline (a plain link back to
 * the CLI, which then stops). A refusal stays on the page as an inline message.
 */
export function ApproveForm({ action, declineHref }: { action: FormAction; declineHref: string }) {
  const [state, formAction] = useFormAction(action, "The CLI is signed in");
  return (
    <form action={formAction} className="flex flex-col gap-3">
      <FormMessage state={state} />
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton>Approve</SubmitButton>
        <Button asChild variant="ghost">
          <a href={declineHref}>Cancel</a>
        </Button>
      </div>
    </form>
  );
}
