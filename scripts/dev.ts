/**
 * `npm run dev`: one command from a fresh clone to a running app.
 * Without DATABASE_URL it starts the embedded PostgreSQL under `.data/` (kept between runs); with it,
 * it uses that server. Either way it applies pending migrations, seeds the demo data and runs `next dev`.
 * Migrations and the seed run as the tables' owner (MIGRATION_DATABASE_URL, else DATABASE_URL); the
 * app runs as DATABASE_URL's role — on the embedded server, the RLS-bound `app_user`.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createRequire } from "node:module";
import { parseServerEnv } from "../lib/config/env-schema";
import { seedDatabase } from "../prisma/seed";
import { enableLocalAppRole } from "./lib/app-role";
import { embeddedDataDir, startProjectPostgres } from "./lib/database-url";
import type { RunningPostgres } from "./lib/embedded-postgres";
import { deployMigrations } from "./lib/migrations";
import { runScript } from "./lib/script-exit";

const SIGNAL_NUMBERS: Partial<Record<NodeJS.Signals, number>> = { SIGINT: 2, SIGTERM: 15 };

async function main(): Promise<number> {
  let embedded: RunningPostgres | undefined;
  let databaseUrl = process.env.DATABASE_URL;
  let ownerUrl: string;
  let next: ChildProcess | undefined;
  let stoppedBy: NodeJS.Signals | undefined;
  // Ctrl-C reaches `next dev` and the embedded Postgres too (same process group), and
  // embedded-postgres's own exit hook then stops Postgres cleanly and exits 130. Say so first; a
  // signal sent to this process alone (a process manager's SIGTERM) is passed on to `next dev`.
  const onSignal = (signal: NodeJS.Signals) => {
    if (stoppedBy) return;
    stoppedBy = signal;
    if (embedded) console.log("\n▸ Stopping the embedded PostgreSQL…");
    if (next && next.exitCode === null) next.kill(signal);
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);

  if (databaseUrl) {
    console.log("▸ Using the PostgreSQL server at DATABASE_URL");
    ownerUrl = process.env.MIGRATION_DATABASE_URL || databaseUrl;
  } else {
    console.log(`▸ Starting the embedded PostgreSQL (data in ${embeddedDataDir()})…`);
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

  // Next's own CLI as a direct child (not through npx), so a signal passed on reaches `next dev` itself.
  const nextCli = createRequire(import.meta.url).resolve("next/dist/bin/next");
  const child = spawn(process.execPath, [nextCli, "dev", ...process.argv.slice(2)], {
    stdio: "inherit",
    env: { ...process.env, DATABASE_URL: databaseUrl },
  });
  next = child;
  const code = await new Promise<number>((resolve) => child.on("exit", (exitCode) => resolve(exitCode ?? 1)));
  // `next dev` ended on its own (a crash) or after a signal: stop Postgres, then exit like the signal.
  if (embedded && !stoppedBy) console.log("\n▸ Stopping the embedded PostgreSQL…");
  await stopDatabase();
  return stoppedBy ? 128 + (SIGNAL_NUMBERS[stoppedBy] ?? 0) : code;
}

runScript(main);
