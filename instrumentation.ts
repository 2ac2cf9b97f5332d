// Next.js calls register() once when a server starts: validate the configuration and the database
// role there, so a missing or malformed variable, or a role that row-level security does not bind,
// stops start-up with a message instead of a server that is "ready" but fails or leaks. The Node-only
// code lives in its own module so the Edge build of this file never sees it.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { checkStartupOrExit } = await import("./server/startup");
    await checkStartupOrExit();
  }
}
