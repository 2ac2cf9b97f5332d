"use client";

import {
  type ComponentProps,
  cloneElement,
  type ReactElement,
  type ReactNode,
  useId,
  useRef,
  useState,
} from "react";
import { useAfterHydration } from "@/components/use-after-hydration";
import { type FormAction, useFormAction } from "./use-form-action";

const loadDialog = () => import("./confirm-dialog");

/**
 * A destructive action behind a confirmation: `trigger` opens an alert dialog whose title names what
 * will go, and only its confirm button submits the form. The form itself is rendered on the page
 * (the dialog is portalled to <body>; its button points at the form with `form=`), so the server
 * action stays a plain form post, and the dialog stays open with a spinner until the action answers.
 *
 * The dialog's code (Radix, ~19 kB) arrives right after hydration, not with the page; until then the
 * trigger is drawn as is, and a press that comes first opens the dialog as soon as it arrives.
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
  trigger: ReactElement<ComponentProps<"button">>;
  /** Names what is deleted: `Delete “Website relaunch”?` */
  title: string;
  description: ReactNode;
  confirmLabel: string;
  /** The toast when it is done: `Project “Website relaunch” deleted`. */
  success: string;
}) {
  const [state, formAction, isPending] = useFormAction(action, success);
  const formId = useId();
  const dialog = useAfterHydration(loadDialog);
  const [pressed, setPressed] = useState(false);
  const focused = useRef(false);

  return (
    <form id={formId} action={formAction}>
      {dialog ? (
        <dialog.ConfirmDialog
          formId={formId}
          state={state}
          isPending={isPending}
          // The placeholder had focus (or was pressed): the real trigger takes it over.
          trigger={cloneElement(trigger, { autoFocus: focused.current || pressed })}
          defaultOpen={pressed}
          title={title}
          description={description}
          confirmLabel={confirmLabel}
        />
      ) : (
        cloneElement(trigger, {
          type: "button",
          "aria-haspopup": "dialog",
          onClick: () => setPressed(true),
          onFocus: () => {
            focused.current = true;
          },
          onBlur: () => {
            focused.current = false;
          },
        })
      )}
    </form>
  );
}
