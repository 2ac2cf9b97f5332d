/**
 * `npm run dev`: one command from a fresh clone to a running app.
 * Without DATABASE_URL it starts the embedded PostgreSQL under `.data/` (kept between runs); with it,
 * it uses that server. Either way it applies pending migrations, seeds the demo data and runs `next dev`.
 * Migrations and the seed run as the tables' owner (MIGRATION_DATABASE_URL, else DATABASE_URL); the
 * app runs as DATABASE_URL's role — on the embedded server, the RLS-bound `app_user`.
 */
import { spawn } from "node:child_process";
import { parseServerEnv } from "../lib/config/env-schema";
import { seedDatabase } from "../prisma/seed";
import { enableLocalAppRole } from "./lib/app-role";
import { exitWithError, startProjectPostgres } from "./lib/database-url";
import type { RunningPostgres } from "./lib/embedded-postgres";
import { deployMigrations } from "./lib/migrations";

async function main(): Promise<void> {
  let embedded: RunningPostgres | undefined;
  let databaseUrl = process.env.DATABASE_URL;
  let ownerUrl: string;
  if (databaseUrl) {
    console.log("▸ Using the PostgreSQL server at DATABASE_URL");
    ownerUrl = process.env.MIGRATION_DATABASE_URL || databaseUrl;
  } else {
    console.log("▸ Starting the embedded PostgreSQL (data in .data/postgres)…");
    embedded = await startProjectPostgres();
    ownerUrl = embedded.url;
    console.log(`  listening on ${new URL(ownerUrl).host}`);
  }
  const stopDatabase = async () => {
    if (embedded) await embedded.stop().catch(() => {});
    embedded = undefined;
  };

  try {
    // Same checks the server runs at start-up, reported before `next dev` buries them in its output.
    parseServerEnv({ ...process.env, DATABASE_URL: databaseUrl ?? ownerUrl });
    const applied = await deployMigrations(ownerUrl);
    console.log(
      applied.length ? `▸ Applied migrations: ${applied.join(", ")}` : "▸ Database schema is up to date",
    );
    databaseUrl ??= await enableLocalAppRole(ownerUrl);
    const seeded = await seedDatabase(ownerUrl);
    console.log(
      `▸ Demo data: ${seeded.users} users, ${seeded.organizations} organizations, ${seeded.memberships} memberships${seeded.projects ? `, ${seeded.projects} new projects` : ""}`,
    );
  } catch (error) {
    await stopDatabase();
    throw error;
  }

  const next = spawn("npx", ["next", "dev", ...process.argv.slice(2)], {
    stdio: "inherit",
    env: { ...process.env, DATABASE_URL: databaseUrl },
  });
  // Ctrl-C reaches `next dev` and the embedded Postgres directly (same process group); embedded-postgres's
  // own exit hook then waits for Postgres to finish a clean shutdown. The code below covers `next dev`
  // exiting on its own (a crash, or SIGTERM from a process manager).
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    if (next.exitCode === null) next.kill(signal);
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  const code = await new Promise<number>((resolve) => next.on("exit", (exitCode) => resolve(exitCode ?? 0)));
  if (embedded) console.log("\n▸ Stopping the embedded PostgreSQL…");
  await stopDatabase();
  process.exit(code);
}

main().catch(exitWithError);
