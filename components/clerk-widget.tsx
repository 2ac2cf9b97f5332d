import { ClerkFailed, ClerkLoaded, ClerkLoading } from "@clerk/nextjs";
import { TriangleAlertIcon } from "lucide-react";
import type { ReactNode } from "react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Skeleton } from "@/components/ui/skeleton";

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
  const failed = `${unavailable} could not load because Clerk is unreachable right now.`;
  return (
    <>
      <ClerkLoading>
        <Skeleton className={compact ? "h-7 w-24" : "h-64 w-full max-w-sm"} />
        <span className="sr-only" aria-live="polite">
          Loading…
        </span>
      </ClerkLoading>
      <ClerkLoaded>{children}</ClerkLoaded>
      <ClerkFailed>
        {compact ? (
          <p role="status" data-testid="clerk-unavailable" className="max-w-48 text-warning text-xs">
            {failed}
          </p>
        ) : (
          <Alert variant="warning" role="status" data-testid="clerk-unavailable">
            <TriangleAlertIcon aria-hidden="true" />
            <AlertDescription>
              {failed} Check your connection and reload the page; everything else keeps working.
            </AlertDescription>
          </Alert>
        )}
      </ClerkFailed>
    </>
  );
}
