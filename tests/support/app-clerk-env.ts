/**
 * Configures the app under test as a Clerk instance whose JWT public key is this run's: import it
 * first in a test file (before any `server/` module reads the environment). Clerk's SDK then
 * verifies the tokens the tests sign, exactly as it verifies real ones.
 */
import { TEST_APP_ORIGIN } from "./clerk-auth";
import { createClerkTestKeys } from "./clerk-tokens";

export const clerkKeys = createClerkTestKeys();

process.env.NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY = clerkKeys.publishableKey;
process.env.CLERK_SECRET_KEY = clerkKeys.secretKey;
process.env.CLERK_JWT_KEY = clerkKeys.jwtPublicKey;
process.env.APP_URL = TEST_APP_ORIGIN;
process.env.CLERK_TELEMETRY_DISABLED = "1";
