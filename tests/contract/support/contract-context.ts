/**
 * What the world of `npm run test:services` hands every test: vitest files through `inject("contract")`,
 * the services' own tests through the CONTRACT_CONTEXT environment variable (this object as JSON).
 */

export const CONTRACT_CONTEXT_ENV = "CONTRACT_CONTEXT";

export interface Backend {
  /** "next", "python", "go" or "bun". */
  name: string;
  baseUrl: string;
  healthPath: string;
  /**
   * The same service started where nothing listens for its database or for Clerk's Backend API
   * (services only): it answers 503 for both.
   */
  databaseDownUrl?: string;
  /** Whether its Clerk SDK verifies organization API keys (Go's cannot: it refuses them with a 401). */
  acceptsApiKeys: boolean;
}

export interface ContractContext {
  backends: Backend[];
  /** The origin the app runs on: every backend's only authorized party and CORS origin. */
  appOrigin: string;
  /** A second instance of the same build whose INSIGHTS_SERVICE_URL points where nothing listens. */
  appWithInsightsDownUrl: string;
  /** Signs session tokens; the backends only have the public half. */
  jwtPrivateKey: string;
  /** The local stand-in for Clerk's Backend API that every backend verifies API keys with. */
  clerkApiUrl: string;
  /** The instance's secret key: what creates and revokes API keys on the stand-in. */
  clerkSecretKey: string;
  /** The tables' owner, for the tests' expectations. */
  ownerDatabaseUrl: string;
  /** `app_user`, bound by row-level security: what every backend connects as. */
  appDatabaseUrl: string;
}

declare module "vitest" {
  export interface ProvidedContext {
    contract: ContractContext;
  }
}
