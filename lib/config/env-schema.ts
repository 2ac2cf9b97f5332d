import { z } from "zod";

/**
 * What each setting must look like. Kept free of `server-only` so the dev script and tests can
 * validate an environment before the app starts; only `server/env.ts` exposes the parsed values.
 */

const pem = (what: string) =>
  z
    .string()
    .trim()
    .refine(
      (value) => value.includes("-----BEGIN PUBLIC KEY-----") && value.includes("-----END PUBLIC KEY-----"),
      {
        message: `must be ${what} in PEM form: "-----BEGIN PUBLIC KEY-----\\n…\\n-----END PUBLIC KEY-----" (Clerk Dashboard → API keys → Show JWT public key → PEM)`,
      },
    )
    // .env files hold the PEM on one line with literal "\n"; Clerk's SDK needs real line breaks.
    .transform((value) => value.replace(/\\n/g, "\n"));

const origin = z
  .url({ protocol: /^https?$/, message: "must be an origin like https://app.example.com" })
  .transform((value) => new URL(value).origin);

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === "" ? undefined : value), schema.optional());

export const serverEnvSchema = z.object({
  DATABASE_URL: z
    .string({ message: "is required: a PostgreSQL URL like postgresql://user:password@localhost:5432/app" })
    .regex(/^postgres(ql)?:\/\/.+/, {
      message: "must be a PostgreSQL URL like postgresql://user:password@localhost:5432/app",
    }),
  // Only scripts read it (migrations, seed): the tables' owner. The app itself never connects with it.
  MIGRATION_DATABASE_URL: optional(
    z.string().regex(/^postgres(ql)?:\/\/.+/, {
      message: "must be a PostgreSQL URL like postgresql://owner:password@localhost:5432/app",
    }),
  ),
  NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: optional(
    z.string().regex(/^pk_(test|live)_[A-Za-z0-9+/=_-]+$/, {
      message: "must look like pk_test_… or pk_live_… (Clerk Dashboard → API keys)",
    }),
  ),
  CLERK_SECRET_KEY: optional(
    z.string().regex(/^sk_(test|live)_[A-Za-z0-9]+$/, {
      message: "must look like sk_test_… or sk_live_… (Clerk Dashboard → API keys)",
    }),
  ),
  CLERK_JWT_KEY: optional(pem("the instance's JWT public key")),
  // Clerk's Backend API, which verifies API keys: api.clerk.com unless set (tests point it at a stand-in).
  CLERK_API_URL: optional(
    z.url({ protocol: /^https?$/, message: "must be a URL like https://api.clerk.com" }),
  ),
  CLERK_WEBHOOK_SIGNING_SECRET: optional(
    z.string().regex(/^whsec_[A-Za-z0-9+/=]+$/, {
      message: "must look like whsec_… (Clerk Dashboard → Webhooks → your endpoint → Signing Secret)",
    }),
  ),
  CLERK_AUTHORIZED_PARTIES: optional(
    z
      .string()
      .transform((value) =>
        value
          .split(",")
          .map((part) => part.trim())
          .filter(Boolean),
      )
      .pipe(z.array(origin).min(1)),
  ),
  APP_URL: optional(origin),
});

export type RawServerEnv = z.infer<typeof serverEnvSchema>;

export const DEFAULT_APP_URL = "http://localhost:3000";

/** The origins whose session tokens are accepted: the configured list, or the app's own origin. */
export function authorizedPartiesOf(
  raw: Pick<RawServerEnv, "APP_URL" | "CLERK_AUTHORIZED_PARTIES">,
): string[] {
  return raw.CLERK_AUTHORIZED_PARTIES ?? [raw.APP_URL ?? DEFAULT_APP_URL];
}

export interface ClerkConfig {
  publishableKey: string;
  secretKey: string;
  /** The PEM public key: Clerk verifies session tokens with it, without a network round-trip. */
  jwtKey: string | undefined;
  /** Clerk's Backend API (API-key verification); undefined means Clerk's default, api.clerk.com. */
  apiUrl: string | undefined;
}

export interface ServerEnv {
  databaseUrl: string;
  appUrl: string;
  /** Origins whose session tokens are accepted (the token's `azp` claim). */
  authorizedParties: string[];
  /** Null when the Clerk keys are not set: public pages work, signed-in areas explain what to set. */
  clerk: ClerkConfig | null;
  webhookSigningSecret: string | undefined;
}

export class InvalidEnvironmentError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `Invalid environment configuration:\n${problems.map((problem) => `  - ${problem}`).join("\n")}\nSee .env.example for every variable and where to get it.`,
    );
    this.name = "InvalidEnvironmentError";
  }
}

export interface ParseOptions {
  /**
   * `next build` evaluates server modules to collect route config; it never connects to the database,
   * so it must not need the runtime's DATABASE_URL (which CI and image builds rarely have).
   */
  forBuild?: boolean;
}

const BUILD_PLACEHOLDER_DATABASE_URL = "postgresql://build:never-connected@localhost:1/build";

export function parseServerEnv(
  source: Record<string, string | undefined>,
  options: ParseOptions = {},
): ServerEnv {
  const result = serverEnvSchema.safeParse(
    options.forBuild && !source.DATABASE_URL
      ? { ...source, DATABASE_URL: BUILD_PLACEHOLDER_DATABASE_URL }
      : source,
  );
  if (!result.success) {
    throw new InvalidEnvironmentError(
      result.error.issues.map((issue) => `${issue.path.join(".") || "environment"} ${issue.message}`),
    );
  }
  const raw = result.data;
  const problems: string[] = [];
  // Half a Clerk configuration is a mistake worth stopping for; none at all is the keyless demo mode.
  if (Boolean(raw.NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY) !== Boolean(raw.CLERK_SECRET_KEY)) {
    problems.push(
      "NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY and CLERK_SECRET_KEY must be set together (Clerk Dashboard → API keys)",
    );
  }
  if (problems.length > 0) throw new InvalidEnvironmentError(problems);

  return {
    databaseUrl: raw.DATABASE_URL,
    appUrl: raw.APP_URL ?? DEFAULT_APP_URL,
    authorizedParties: authorizedPartiesOf(raw),
    clerk:
      raw.NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY && raw.CLERK_SECRET_KEY
        ? {
            publishableKey: raw.NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY,
            secretKey: raw.CLERK_SECRET_KEY,
            jwtKey: raw.CLERK_JWT_KEY,
            apiUrl: raw.CLERK_API_URL,
          }
        : null,
    webhookSigningSecret: raw.CLERK_WEBHOOK_SIGNING_SECRET,
  };
}
