"use client";

import { LoaderCircleIcon } from "lucide-react";
import type * as React from "react";
import { useFormStatus } from "react-dom";
import { Button } from "@/components/ui/button";

/**
 * A form's submit button: disabled with a spinner while the form is being sent, so nobody clicks
 * twice. The label stays, so the button keeps its accessible name while pending.
 */
export function SubmitButton({
  children,
  disabled,
  pending,
  ...props
}: React.ComponentProps<typeof Button> & {
  /** For a button outside its form's React tree (`form="…"`, in a dialog): `useActionState`'s `isPending`. */
  pending?: boolean;
}) {
  const status = useFormStatus();
  const busy = pending ?? status.pending;
  return (
    <Button type="submit" disabled={busy || disabled} {...props}>
      {busy ? <LoaderCircleIcon className="animate-spin" aria-hidden="true" /> : null}
      {children}
    </Button>
  );
}
