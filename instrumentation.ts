// Next.js calls register() once when a server starts: validate the configuration there, so a
// missing or malformed variable stops start-up with a message that names it, instead of a server
// that is "ready" but fails every request. The Node-only code lives in its own module so the Edge
// build of this file never sees it.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { checkConfigurationOrExit } = await import("./server/startup");
    await checkConfigurationOrExit();
  }
}
