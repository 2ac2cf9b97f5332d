/**
 * Database migrations without the Prisma CLI's native engine download:
 *
 *   tsx scripts/db.ts migrate [--name <name> | <name>] [--create-only] [--accept-data-loss]
 *   tsx scripts/db.ts deploy
 *   tsx scripts/db.ts status
 *   tsx scripts/db.ts reset --force
 *   tsx scripts/db.ts diff
 *
 * Same files and `_prisma_migrations` table as `prisma migrate`, see ./lib/migrations.ts.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { withDatabaseUrl } from "./lib/database-url";
import {
  createMigration,
  deployMigrations,
  type MigrationStatus,
  migrationStatus,
  resetDatabase,
  schemaDiffFromMigrations,
} from "./lib/migrations";
import { describeDatabaseUrl, parseDatabaseUrl } from "./lib/schema-engine";
import { runScript } from "./lib/script-exit";

const USAGE = `Usage: tsx scripts/db.ts <command>

  migrate [--name <name> | <name>] [--create-only] [--accept-data-loss]
            Create a migration from the changes to prisma/schema.prisma and apply it
            (name defaults to "migration"; --create-only: write it without applying, to edit it first)
  deploy    Apply pending migrations
  status    List applied and pending migrations and check for drift (exit 1 if not up to date)
  reset --force
            Drop everything in the database schema and re-apply all migrations
  diff      Print the SQL that schema.prisma needs beyond the migrations (exit 1 if any)`;

type Command =
  | { name: "migrate"; migrationName: string; createOnly: boolean; acceptDataLoss: boolean }
  | { name: "deploy" | "status" | "diff" }
  | { name: "reset"; force: boolean };

class UsageError extends Error {}

export function parseCommand(argv: string[]): Command {
  let parsed: ReturnType<typeof parseArgsStrict>;
  try {
    parsed = parseArgsStrict(argv);
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { positionals, values } = parsed;
  const [name, ...rest] = positionals;
  // `migrate add_orgs` works as well as `migrate --name add_orgs` (npm swallows a bare `--name`).
  const positionalName = name === "migrate" && !values.name ? rest.shift() : undefined;
  if (rest.length > 0) throw new UsageError(`Unexpected argument: ${rest.join(" ")}`);
  switch (name) {
    case "migrate":
      return {
        name,
        migrationName: values.name ?? positionalName ?? "migration",
        createOnly: values["create-only"] ?? false,
        acceptDataLoss: values["accept-data-loss"] ?? false,
      };
    case "reset":
      return { name, force: values.force ?? false };
    case "deploy":
    case "status":
    case "diff":
      return { name };
    default:
      throw new UsageError(name ? `Unknown command: ${name}` : "Missing command");
  }
}

function parseArgsStrict(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      name: { type: "string" },
      "create-only": { type: "boolean" },
      "accept-data-loss": { type: "boolean" },
      force: { type: "boolean" },
    },
  });
}

const log = (message: string) => console.log(`  ${message}`);

/** Runs one command; resolves to the process exit code. */
export async function main(
  databaseUrl: string,
  command: Command = parseCommand(process.argv.slice(2)),
): Promise<number> {
  console.log(`▸ Database ${describeDatabaseUrl(databaseUrl)}`);
  switch (command.name) {
    case "migrate":
      return migrate(databaseUrl, command);
    case "deploy": {
      const applied = await deployMigrations(databaseUrl, { log });
      console.log(
        applied.length > 0 ? `✔ Applied ${plural(applied.length, "migration")}` : "✔ No pending migrations",
      );
      return 0;
    }
    case "status":
      return printStatus(await migrationStatus(databaseUrl));
    case "reset": {
      if (!command.force) {
        console.error(
          "✖ reset drops every table and all data in this database. Re-run with --force to do it.",
        );
        return 1;
      }
      const applied = await resetDatabase(databaseUrl, { log });
      console.log(`✔ Database reset; applied ${plural(applied.length, "migration")}`);
      return 0;
    }
    case "diff": {
      const sql = await schemaDiffFromMigrations(databaseUrl);
      if (!sql) {
        console.log("✔ schema.prisma and the migrations are in sync");
        return 0;
      }
      console.log("✖ schema.prisma differs from the migrations; `migrate` would create this migration:\n");
      console.log(sql.trimEnd());
      return 1;
    }
  }
}

async function migrate(databaseUrl: string, command: Extract<Command, { name: "migrate" }>): Promise<number> {
  const created = await createMigration(databaseUrl, command.migrationName, {
    createOnly: command.createOnly,
    acceptDataLoss: command.acceptDataLoss,
    log,
  });
  if (!created) {
    console.log("✔ Already in sync: no schema change to migrate");
  } else if (command.createOnly) {
    console.log(
      `✔ Created prisma/migrations/${created}/migration.sql (not applied): edit it, then run migrate`,
    );
  } else {
    console.log(`✔ Created and applied prisma/migrations/${created}`);
  }
  return 0;
}

function printStatus(status: MigrationStatus): number {
  console.log(
    `  ${plural(status.migrations.length, "migration")} in prisma/migrations, ${status.applied.length} applied`,
  );
  const problems: Array<[string, string[]]> = [
    ["Pending (run deploy or migrate)", status.pending],
    ["Failed (fix the database, then mark them with `prisma migrate resolve`)", status.failed],
    ["Edited after being applied", status.edited],
    ["Applied to the database but missing from prisma/migrations", status.missingFromDirectory],
  ];
  for (const [title, names] of problems) {
    if (names.length === 0) continue;
    console.log(`\n${title}:`);
    for (const name of names) console.log(`  • ${name}`);
  }
  if (status.drift) {
    console.log("\nDrift: the database schema differs from what its applied migrations create:");
    console.log(status.drift.replace(/^/gm, "  "));
  }
  const upToDate = problems.every(([, names]) => names.length === 0) && !status.drift;
  console.log(upToDate ? "\n✔ Database schema is up to date" : "\n✖ Database schema is not up to date");
  return upToDate ? 0 : 1;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

/**
 * One readable line or paragraph for failures a person can fix; the stack only with DEBUG set.
 * Engine messages never contain the URL's password, and URLs are only printed as host:port/db.
 */
function reportError(error: unknown, databaseUrl?: string): void {
  const message = error instanceof Error ? error.message : String(error);
  if (databaseUrl && /^Can't reach database server/.test(message)) {
    const { hostname, port } = parseDatabaseUrl(databaseUrl);
    console.error(`✖ Can't reach the PostgreSQL server at ${hostname}:${port || "5432"}. Is it running?`);
  } else {
    console.error(`✖ ${message}`);
  }
  if (process.env.DEBUG && error instanceof Error && error.stack) console.error(error.stack);
}

async function run(): Promise<number> {
  let command: Command;
  try {
    command = parseCommand(process.argv.slice(2));
  } catch (error) {
    console.error(`✖ ${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  // Without DATABASE_URL, the command runs against the embedded PostgreSQL of `npm run dev` (.data/).
  try {
    return await withDatabaseUrl((databaseUrl) => main(databaseUrl, command));
  } catch (error) {
    reportError(error, process.env.MIGRATION_DATABASE_URL || process.env.DATABASE_URL || undefined);
    return 1;
  }
}

// Run only as a script, so tests and wrappers can import `main`.
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename ?? "")) {
  runScript(run);
}
