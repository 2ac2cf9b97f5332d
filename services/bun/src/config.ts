/** The service's configuration, read once from the environment; a missing value stops it at start-up. */

export interface Config {
  /** The Clerk instance's PEM public key: session tokens are verified without calling Clerk. */
  jwtKey: string;
  /** Origins whose session tokens are accepted (the `azp` claim); also the CORS allow-list. */
  authorizedParties: string[];
  /** The RLS-bound role (`app_user`), never the tables' owner. */
  databaseUrl: string;
  /** The secret key verifies organization API keys over Clerk's Backend API; `authenticateRequest` insists on both keys. */
  secretKey: string;
  publishableKey: string;
  /** Clerk's Backend API (`CLERK_API_URL`, default Clerk's own): tests point it at a local stand-in. */
  apiUrl?: string;
  port: number;
}

export function configFromEnv(env: Record<string, string | undefined> = process.env): Config {
  const missing: string[] = [];
  const required = (name: string): string => {
    const value = env[name]?.trim();
    if (!value) missing.push(name);
    return value ?? "";
  };
  const config: Config = {
    jwtKey: required("CLERK_JWT_KEY").replaceAll("\\n", "\n"),
    authorizedParties: required("CLERK_AUTHORIZED_PARTIES")
      .split(",")
      .map((party) => party.trim())
      .filter(Boolean),
    databaseUrl: required("DATABASE_URL"),
    secretKey: required("CLERK_SECRET_KEY"),
    publishableKey: required("CLERK_PUBLISHABLE_KEY"),
    apiUrl: env.CLERK_API_URL?.trim() || undefined,
    port: Number(env.PORT ?? 8003),
  };
  if (missing.length) throw new Error(`${missing.join(", ")} not set; see services/bun/README.md`);
  return config;
}
