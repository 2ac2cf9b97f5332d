import { authorizedPartiesOf, InvalidEnvironmentError, serverEnvSchema } from "./env-schema";

/**
 * The part of the configuration the middleware needs. The middleware runs on the Edge runtime,
 * where `server/env.ts` (server-only, and demanding a DATABASE_URL) does not belong; it validates
 * the same variables with the same schema, so both sides agree on what "Clerk is configured" means.
 */
export interface ClerkGateConfig {
  /** PEM public key: session tokens are verified locally, with no round-trip to Clerk. */
  jwtKey: string | undefined;
  authorizedParties: string[];
}

const clerkGateSchema = serverEnvSchema.pick({
  NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: true,
  CLERK_SECRET_KEY: true,
  CLERK_JWT_KEY: true,
  CLERK_AUTHORIZED_PARTIES: true,
  APP_URL: true,
});

/** Null when the Clerk keys are not set: the app then runs in its keyless demo mode. */
export function parseClerkGateEnv(source: Record<string, string | undefined>): ClerkGateConfig | null {
  const result = clerkGateSchema.safeParse(source);
  if (!result.success) {
    throw new InvalidEnvironmentError(
      result.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`),
    );
  }
  const raw = result.data;
  if (!raw.NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY || !raw.CLERK_SECRET_KEY) return null;
  return { jwtKey: raw.CLERK_JWT_KEY, authorizedParties: authorizedPartiesOf(raw) };
}
