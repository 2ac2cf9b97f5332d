import { ClerkFailed, ClerkLoaded, ClerkLoading } from "@clerk/nextjs";
import type { ReactNode } from "react";

/**
 * Wraps one of Clerk's components. Clerk's components come from its CDN; when the browser cannot
 * reach Clerk (offline, an outage, a blocked network) a sentence says so instead of an empty space,
 * while the page's own server-rendered content stays usable.
 */
export function ClerkWidget({
  children,
  unavailable,
  compact = false,
}: {
  children: ReactNode;
  /** What is missing, in the reader's words: "The sign-in form", "Your account menu". */
  unavailable: string;
  compact?: boolean;
}) {
  return (
    <>
      <ClerkLoading>
        <span className="text-sm text-zinc-400" aria-live="polite">
          Loading…
        </span>
      </ClerkLoading>
      <ClerkLoaded>{children}</ClerkLoaded>
      <ClerkFailed>
        <p
          role="status"
          data-testid="clerk-unavailable"
          className={
            compact
              ? "text-xs text-amber-700"
              : "rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900"
          }
        >
          {unavailable} could not load because Clerk is unreachable right now.
          {compact ? null : " Check your connection and reload the page; everything else keeps working."}
        </p>
      </ClerkFailed>
    </>
  );
}
