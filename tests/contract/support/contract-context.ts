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
  /** The same service started on a database where nothing listens (services only). */
  databaseDownUrl?: string;
}

export interface ContractContext {
  backends: Backend[];
  /** The origin the app runs on: every backend's only authorized party and CORS origin. */
  appOrigin: string;
  /** A second instance of the same build whose INSIGHTS_SERVICE_URL points where nothing listens. */
  appWithInsightsDownUrl: string;
  /** Signs session tokens; the backends only have the public half. */
  jwtPrivateKey: string;
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
