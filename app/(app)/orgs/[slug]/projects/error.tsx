"use client";

import { buttonVariants } from "@/components/ui/button-variants";

// Unexpected failures (the database is down, a bug) land here instead of a blank page; details
// stay in the server log — `digest` lets support match this screen to that log line.
export default function ProjectsError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <div role="alert" className="flex flex-col items-start gap-3 py-12">
      <h1 className="font-semibold text-2xl">Something went wrong</h1>
      <p className="text-muted-foreground">The projects could not be loaded. Please try again in a moment.</p>
      {error.digest && <p className="text-muted-foreground text-xs">Reference: {error.digest}</p>}
      {/* The Button's look without Button: this client file is in the projects list's first load. */}
      <button type="button" onClick={reset} className={buttonVariants()}>
        Try again
      </button>
    </div>
  );
}
