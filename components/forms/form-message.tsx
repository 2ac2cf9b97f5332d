import { CircleAlertIcon } from "lucide-react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import type { FormState } from "@/lib/form-state";

/** The form-level outcome of an action: its error message (per-field messages sit by their inputs). */
export function FormMessage({ state }: { state: FormState }) {
  if (state.status !== "error") return null;
  return (
    <Alert variant="destructive">
      <CircleAlertIcon aria-hidden="true" />
      <AlertDescription>{state.message}</AlertDescription>
    </Alert>
  );
}
