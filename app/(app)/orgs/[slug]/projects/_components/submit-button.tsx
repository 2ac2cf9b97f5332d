"use client";
import type { ReactNode } from "react";
import { useFormStatus } from "react-dom";

const VARIANTS = {
  primary: "bg-indigo-600 text-white hover:bg-indigo-500",
  secondary: "border border-zinc-300 bg-white hover:bg-zinc-50",
  danger: "bg-red-600 text-white hover:bg-red-500",
  link: "text-sm text-zinc-600 underline-offset-2 hover:underline",
};

/** A submit button that shows the form is being sent, so nobody clicks twice. */
export function SubmitButton({
  children,
  pendingLabel,
  variant = "primary",
  ariaLabel,
}: {
  children: ReactNode;
  pendingLabel: string;
  variant?: keyof typeof VARIANTS;
  ariaLabel?: string;
}) {
  const { pending } = useFormStatus();
  const shape = variant === "link" ? "" : "rounded-md px-3 py-1.5 text-sm font-medium";
  return (
    <button
      type="submit"
      disabled={pending}
      aria-disabled={pending}
      aria-label={ariaLabel}
      className={`${shape} ${VARIANTS[variant]} disabled:cursor-wait disabled:opacity-60`}
    >
      {pending ? pendingLabel : children}
    </button>
  );
}
