"use client";

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
      <h1 className="text-2xl font-semibold">Something went wrong</h1>
      <p className="text-zinc-600">The projects could not be loaded. Please try again in a moment.</p>
      {error.digest && <p className="text-xs text-zinc-400">Reference: {error.digest}</p>}
      <button
        type="button"
        onClick={reset}
        className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-500"
      >
        Try again
      </button>
    </div>
  );
}
