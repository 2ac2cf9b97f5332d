/**
 * Points the app under test at a local stand-in for Clerk's Backend API, which verifies API keys:
 * import it right after `app-clerk-env` (before any `server/` module reads the environment).
 */
import { clerkKeys } from "./app-clerk-env";
import { startClerkApiServer } from "./clerk-api-server";

export const clerkApi = await startClerkApiServer(clerkKeys.secretKey);
process.env.CLERK_API_URL = clerkApi.apiUrl;
