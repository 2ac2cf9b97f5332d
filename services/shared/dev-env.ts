/**
 * Prints the environment a service needs to run beside `npm run dev`, as `export` lines for the
 * shell: `eval "$(npx tsx services/shared/dev-env.ts)"`. Clerk settings come from .env (the same
 * keys the app uses); the database is DATABASE_URL when set, otherwise `npm run dev`'s embedded
 * PostgreSQL through the login `services_dev`, a member of the RLS-bound `app_user` with a fresh
 * password (its own login, so the running app's `app_user` password is left alone).
 */
import "dotenv/config";
import { EMBEDDED_DATABASE, embeddedPort } from "../../scripts/lib/database-url";
import { postgresUrl } from "../../scripts/lib/embedded-postgres";
import { servicesLoginUrl } from "./services-login";

async function devServicesDatabaseUrl(): Promise<string> {
  const ownerUrl = postgresUrl(embeddedPort(), EMBEDDED_DATABASE);
  return servicesLoginUrl(ownerUrl, "services_dev").catch((error: Error) => {
    throw new Error(
      `npm run dev's PostgreSQL is not running at ${new URL(ownerUrl).host} (${error.message})`,
    );
  });
}

function shellQuote(value: string): string {
  return `'${value.replaceAll("'", "'\\''")}'`;
}

async function main(): Promise<void> {
  const appUrl = process.env.APP_URL ?? "http://localhost:3000";
  const settings: Record<string, string | undefined> = {
    CLERK_JWT_KEY: process.env.CLERK_JWT_KEY,
    CLERK_AUTHORIZED_PARTIES: process.env.CLERK_AUTHORIZED_PARTIES ?? appUrl,
    CLERK_SECRET_KEY: process.env.CLERK_SECRET_KEY,
    CLERK_PUBLISHABLE_KEY: process.env.NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY,
    DATABASE_URL: process.env.DATABASE_URL ?? (await devServicesDatabaseUrl()),
  };
  if (!settings.CLERK_JWT_KEY) throw new Error("CLERK_JWT_KEY is not set in .env (see docs/clerk-setup.md)");
  for (const [name, value] of Object.entries(settings)) {
    if (value) console.log(`export ${name}=${shellQuote(value)}`);
  }
}

main().catch((error: unknown) => {
  console.error(`✖ ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
