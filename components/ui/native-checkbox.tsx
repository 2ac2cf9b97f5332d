import type * as React from "react";
import { cn } from "@/lib/utils";

/**
 * A checkbox that is a real `<input type="checkbox">`, as `NativeSelect` is a real select: it posts
 * with its form before hydration and without JavaScript (Radix's checkbox posts only once hydrated).
 * The browser draws it, in the theme's primary colour and the page's colour scheme.
 */
function NativeCheckbox({ className, ...props }: Omit<React.ComponentProps<"input">, "type">) {
  return (
    <input
      type="checkbox"
      data-slot="native-checkbox"
      className={cn(
        "size-4 shrink-0 accent-primary outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50 disabled:cursor-not-allowed disabled:opacity-50 dark:[color-scheme:dark]",
        "aria-invalid:ring-[3px] aria-invalid:ring-destructive/20",
        className,
      )}
      {...props}
    />
  );
}

export { NativeCheckbox };
