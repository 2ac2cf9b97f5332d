"use client";

import { type ReactNode, useId } from "react";
import {
  AlertDialog,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
  AlertDialogTrigger,
} from "@/components/ui/alert-dialog";
import { FormMessage } from "./form-message";
import { SubmitButton } from "./submit-button";
import { type FormAction, useFormAction } from "./use-form-action";

/**
 * A destructive action behind a confirmation: `trigger` opens an alert dialog whose title names what
 * will go, and only its confirm button submits the form. The form itself is rendered on the page
 * (the dialog is portalled to <body>; its button points at the form with `form=`), so the server
 * action stays a plain form post, and the dialog stays open with a spinner until the action answers.
 */
export function ConfirmActionForm({
  action,
  trigger,
  title,
  description,
  confirmLabel,
  success,
}: {
  action: FormAction;
  /** The button that opens the dialog (a `<Button>`). */
  trigger: ReactNode;
  /** Names what is deleted: `Delete “Website relaunch”?` */
  title: string;
  description: ReactNode;
  confirmLabel: string;
  /** The toast when it is done: `Project “Website relaunch” deleted`. */
  success: string;
}) {
  const [state, formAction, isPending] = useFormAction(action, success);
  const formId = useId();
  return (
    <form id={formId} action={formAction}>
      <AlertDialog>
        <AlertDialogTrigger asChild>{trigger}</AlertDialogTrigger>
        <AlertDialogContent>
          <AlertDialogHeader>
            <AlertDialogTitle>{title}</AlertDialogTitle>
            <AlertDialogDescription>{description}</AlertDialogDescription>
          </AlertDialogHeader>
          <FormMessage state={state} />
          <AlertDialogFooter>
            <AlertDialogCancel disabled={isPending}>Cancel</AlertDialogCancel>
            <SubmitButton form={formId} variant="destructive" pending={isPending}>
              {confirmLabel}
            </SubmitButton>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
    </form>
  );
}
