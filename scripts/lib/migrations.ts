/**
 * The `prisma migrate` operations this project needs, run on Prisma's schema engine (WebAssembly
 * build, see ./schema-engine.ts). Same inputs and outputs as the CLI: `prisma/migrations/<timestamp>_<name>/
 * migration.sql`, `prisma/migrations/migration_lock.toml` and the `_prisma_migrations` table, so
 * `prisma migrate deploy` / `status` keep working wherever the native engine can be downloaded.
 *
 * Each operation opens the engine for its own duration and prints nothing: progress goes to the
 * optional `log` callback, results are returned.
 */
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type {
  MigrationDirectory,
  MigrationList,
  SchemaEngine,
  SchemaFilter,
  SchemasContainer,
} from "@prisma/schema-engine-wasm";
import { openSchemaEngine, toEngineError } from "./schema-engine";

export interface MigrationOptions {
  /** Defaults to `prisma/migrations` in the project root. */
  migrationsDir?: string;
  /** Defaults to `prisma/schema.prisma` in the project root. */
  schemaPath?: string;
  /** Progress messages meant for a person; nothing is printed otherwise. */
  log?: (message: string) => void;
}

export interface CreateMigrationOptions extends MigrationOptions {
  /** Write the migration without applying it, so it can be edited first (always writes, even if empty). */
  createOnly?: boolean;
  /** Apply a migration the engine warns would lose data (dropped columns, tables, …). */
  acceptDataLoss?: boolean;
}

export interface MigrationStatus {
  /** Migration directories, in order. */
  migrations: string[];
  applied: string[];
  pending: string[];
  /** Started but not finished in `_prisma_migrations`: must be resolved before anything else runs. */
  failed: string[];
  /** Applied, but their `migration.sql` changed since (checksum mismatch). */
  edited: string[];
  /** Recorded as applied in the database but absent from the migrations directory. */
  missingFromDirectory: string[];
  /** Human-readable summary of how the database differs from its applied migrations; null if it does not. */
  drift: string | null;
}

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const DEFAULT_MIGRATIONS_DIR = path.join(PROJECT_ROOT, "prisma", "migrations");
const DEFAULT_SCHEMA_PATH = path.join(PROJECT_ROOT, "prisma", "schema.prisma");
const LOCKFILE_NAME = "migration_lock.toml";
const MIGRATION_FILE_NAME = "migration.sql";
const NO_FILTER: SchemaFilter = { externalTables: [], externalEnums: [] };

// ---------------------------------------------------------------------------------------------------
// Operations
// ---------------------------------------------------------------------------------------------------

/** Applies the committed migrations the database has not run yet (`prisma migrate deploy`). */
export async function deployMigrations(
  databaseUrl: string,
  options: MigrationOptions = {},
): Promise<string[]> {
  const migrations = await readMigrationList(migrationsDirOf(options));
  if (migrations.migrationDirectories.length === 0) {
    options.log?.("No migrations found in the migrations directory.");
    return [];
  }
  const schema = await readSchema(schemaPathOf(options));
  return withEngine(databaseUrl, schema, (engine) => applyPending(engine, migrations, options));
}

/**
 * `prisma migrate dev --name <name>`: applies pending migrations, then writes a migration for the
 * difference between the migration history (replayed on a temporary shadow database) and
 * schema.prisma, and applies it. Returns the new directory's name, or null when already in sync.
 * Refuses, rather than resetting, when the database drifted or holds failed migrations.
 */
export async function createMigration(
  databaseUrl: string,
  name: string,
  options: CreateMigrationOptions = {},
): Promise<string | null> {
  const migrationsDir = migrationsDirOf(options);
  const schema = await readSchema(schemaPathOf(options));
  return withEngine(databaseUrl, schema, async (engine) => {
    const migrations = await readMigrationList(migrationsDir);
    await enablePreviewFeatures(engine, schema);
    // Also fills the engine's cache of the history's schema that evaluateDataLoss/createMigration use.
    await refuseUnlessDevDatabaseIsClean(engine, migrations);
    const applied = await applyPending(engine, migrations, options);
    // On a database with no migrations applied, the engine's diagnostic above has nothing to replay and
    // never sets up its shadow database; the data-loss check and createMigration below need one
    // ("PostgreSQL shadow DB must be provided through an external factory"). Diagnose again once applied.
    if (applied.length > 0) await refuseUnlessDevDatabaseIsClean(engine, migrations);
    await checkDataLoss(engine, migrations, schema, options);

    const created = await engine
      .createMigration({
        draft: options.createOnly ?? false,
        migrationName: toMigrationName(name),
        migrationsList: migrations,
        schema,
        filters: NO_FILTER,
      })
      .catch(rethrowEngineError);
    if (created.migrationScript === null) return null;
    await writeMigration(migrationsDir, created.generatedMigrationName, created.migrationScript, {
      extension: created.extension,
      connectorType: created.connectorType,
      hasLockfile: migrations.lockfile.content !== null,
    });
    if (!options.createOnly) await applyPending(engine, await readMigrationList(migrationsDir), options);
    return created.generatedMigrationName;
  });
}

/** Applied, pending and failed migrations, and whether the schema drifted from its migrations. */
export async function migrationStatus(
  databaseUrl: string,
  options: MigrationOptions = {},
): Promise<MigrationStatus> {
  const migrations = await readMigrationList(migrationsDirOf(options));
  const schema = await readSchema(schemaPathOf(options));
  return withEngine(databaseUrl, schema, async (engine) => {
    const diagnosis = await engine
      .diagnoseMigrationHistory({
        migrationsList: migrations,
        optInToShadowDatabase: false,
        filters: NO_FILTER,
      })
      .catch(rethrowEngineError);
    const names = migrations.migrationDirectories.map((directory) => directory.path);
    const history = diagnosis.history;
    const pending =
      history?.diagnostic === "databaseIsBehind" || history?.diagnostic === "historiesDiverge"
        ? history.unappliedMigrationNames
        : [];
    const missingFromDirectory =
      history?.diagnostic === "migrationsDirectoryIsBehind" || history?.diagnostic === "historiesDiverge"
        ? history.unpersistedMigrationNames
        : [];
    const failed = diagnosis.failedMigrationNames;
    const applied = names.filter((name) => !pending.includes(name) && !failed.includes(name));
    const drift = await detectDrift(
      engine,
      { ...migrations, migrationDirectories: onlyNamed(migrations, applied) },
      schema,
    );
    return {
      migrations: names,
      applied,
      pending,
      failed,
      edited: diagnosis.editedMigrationNames,
      missingFromDirectory,
      drift,
    };
  });
}

/** Drops everything in the database's schema, then applies every migration. Returns their names. */
export async function resetDatabase(databaseUrl: string, options: MigrationOptions = {}): Promise<string[]> {
  const migrations = await readMigrationList(migrationsDirOf(options));
  const schema = await readSchema(schemaPathOf(options));
  return withEngine(databaseUrl, schema, async (engine) => {
    await engine.reset({ filter: NO_FILTER }).catch(rethrowEngineError);
    options.log?.("Dropped every object in the database schema.");
    return applyPending(engine, migrations, options);
  });
}

/**
 * The SQL that would bring the committed migrations to schema.prisma, "" when they agree. The
 * migrations are replayed on a temporary database created (and dropped) on the server at `databaseUrl`.
 */
export async function schemaDiffFromMigrations(
  databaseUrl: string,
  options: MigrationOptions = {},
): Promise<string> {
  const migrations = await readMigrationList(migrationsDirOf(options));
  const schema = await readSchema(schemaPathOf(options));
  return withEngine(databaseUrl, schema, async (engine) => {
    const result = await engine
      .diff({
        from: { tag: "migrations", ...withLockfileFallback(migrations) },
        to: { tag: "schemaDatamodel", ...schema },
        script: true,
        exitCode: true,
        filters: NO_FILTER,
      })
      .catch(rethrowEngineError);
    // exitCode 2 means "non-empty diff"; an empty one still prints "-- This is an empty migration."
    return result.exitCode === 0 ? "" : (result.stdout ?? "");
  });
}

// ---------------------------------------------------------------------------------------------------
// Steps
// ---------------------------------------------------------------------------------------------------

async function withEngine<T>(
  databaseUrl: string,
  schema: SchemasContainer,
  run: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  // The engine reads the datasource's namespaces (multiSchema) from its initial schema.
  const [file] = schema.files;
  const { engine, close } = await openSchemaEngine(databaseUrl, { schema: file });
  try {
    return await run(engine);
  } finally {
    await close();
  }
}

async function applyPending(
  engine: SchemaEngine,
  migrations: MigrationList,
  options: MigrationOptions,
): Promise<string[]> {
  const { appliedMigrationNames } = await engine
    .applyMigrations({ migrationsList: migrations, filters: NO_FILTER })
    .catch(rethrowEngineError);
  for (const name of appliedMigrationNames) options.log?.(`Applied ${name}`);
  return appliedMigrationNames;
}

/**
 * The Wasm engine's connector starts without the schema's preview features (the native engine reads
 * them from its initial schema; `SchemaEngine.new` does not), and `createMigration` /
 * `evaluateDataLoss` then read the migration history without them: with `partialIndexes`, every
 * partial unique index looks missing and gets re-created in each new migration. A diff whose target
 * is the schema's datasource is the one call that sets them on the connector, so make one first.
 */
async function enablePreviewFeatures(engine: SchemaEngine, schema: SchemasContainer): Promise<void> {
  await engine
    .diff({
      from: { tag: "empty" },
      to: { tag: "schemaDatasource", ...schema, configDir: PROJECT_ROOT },
      script: false,
      exitCode: null,
      filters: NO_FILTER,
    })
    .catch(rethrowEngineError);
}

/** `migrate dev` would offer to reset the database here; a script must not, so it explains instead. */
async function refuseUnlessDevDatabaseIsClean(
  engine: SchemaEngine,
  migrations: MigrationList,
): Promise<void> {
  const { action } = await engine
    .devDiagnostic({ migrationsList: migrations, filters: NO_FILTER })
    .catch(rethrowEngineError);
  if (action.tag === "reset") {
    throw new Error(
      `${action.reason.trim()}\n\nThe database has to be reset before a migration can be created. ` +
        "Run `npm run db:reset -- --force` to drop and recreate it (all data is lost), " +
        "or fix the database by hand.",
    );
  }
}

async function checkDataLoss(
  engine: SchemaEngine,
  migrations: MigrationList,
  schema: SchemasContainer,
  options: CreateMigrationOptions,
): Promise<void> {
  const evaluation = await engine
    .evaluateDataLoss({ migrationsList: migrations, schema, filters: NO_FILTER })
    .catch(rethrowEngineError);
  const unexecutable = evaluation.unexecutableSteps.map((step) => `  • ${step.message}`);
  if (unexecutable.length > 0 && !options.createOnly) {
    throw new Error(
      `The migration cannot be applied to the data in this database:\n${unexecutable.join("\n")}\n\n` +
        "Create it with --create-only, edit migration.sql to handle the existing rows, then run migrate again.",
    );
  }
  const warnings = evaluation.warnings.map((warning) => `  • ${warning.message}`);
  if (warnings.length === 0 || options.createOnly) return;
  if (!options.acceptDataLoss) {
    throw new Error(
      `The migration would lose data:\n${warnings.join("\n")}\n\n` +
        "Re-run with --accept-data-loss to apply it anyway, or with --create-only to review it first.",
    );
  }
  options.log?.(`Accepting data loss:\n${warnings.join("\n")}`);
}

/** Diffs the applied migrations against the live database (the schema's datasource = our adapter). */
async function detectDrift(
  engine: SchemaEngine,
  appliedMigrations: MigrationList,
  schema: SchemasContainer,
): Promise<string | null> {
  const result = await engine
    .diff({
      from: { tag: "migrations", ...withLockfileFallback(appliedMigrations) },
      to: { tag: "schemaDatasource", ...schema, configDir: PROJECT_ROOT },
      script: false,
      exitCode: true,
      filters: NO_FILTER,
    })
    .catch(rethrowEngineError);
  return result.exitCode === 0 ? null : (result.stdout ?? "").trim();
}

// ---------------------------------------------------------------------------------------------------
// Files
// ---------------------------------------------------------------------------------------------------

function migrationsDirOf(options: MigrationOptions): string {
  return path.resolve(options.migrationsDir ?? DEFAULT_MIGRATIONS_DIR);
}

function schemaPathOf(options: MigrationOptions): string {
  return path.resolve(options.schemaPath ?? DEFAULT_SCHEMA_PATH);
}

async function readSchema(schemaPath: string): Promise<SchemasContainer> {
  return { files: [{ path: schemaPath, content: await readFile(schemaPath, "utf8") }] };
}

/** What the CLI sends the engine: every subdirectory's migration.sql (or the read error), sorted by name. */
export async function readMigrationList(migrationsDir: string): Promise<MigrationList> {
  const lockfile = await readFile(path.join(migrationsDir, LOCKFILE_NAME), "utf8").catch(() => null);
  const entries = await readdir(migrationsDir, { withFileTypes: true }).catch(() => []);
  const directories = await Promise.all(
    entries
      .filter((entry) => entry.isDirectory())
      .map((entry) => readMigrationDirectory(migrationsDir, entry.name)),
  );
  return {
    baseDir: migrationsDir,
    lockfile: { path: LOCKFILE_NAME, content: lockfile },
    shadowDbInitScript: "",
    migrationDirectories: directories.sort((a, b) => a.path.localeCompare(b.path)),
  };
}

async function readMigrationDirectory(migrationsDir: string, name: string): Promise<MigrationDirectory> {
  const content = await readFile(path.join(migrationsDir, name, MIGRATION_FILE_NAME), "utf8").then(
    (value) => ({ tag: "ok" as const, value }),
    (error: Error) => ({ tag: "error" as const, value: error.message }),
  );
  return { path: name, migrationFile: { path: MIGRATION_FILE_NAME, content } };
}

function onlyNamed(migrations: MigrationList, names: string[]): MigrationDirectory[] {
  return migrations.migrationDirectories.filter((directory) => names.includes(directory.path));
}

/**
 * A `migrations` diff source needs the lockfile to know the connector; before the first migration
 * there is none yet (the CLI's createMigration path accepts that, diff does not).
 */
function withLockfileFallback(migrations: MigrationList): MigrationList {
  if (migrations.lockfile.content !== null) return migrations;
  return { ...migrations, lockfile: { ...migrations.lockfile, content: lockfileContent("postgresql") } };
}

/** Byte-for-byte what `prisma migrate dev` writes. */
function lockfileContent(connectorType: string): string {
  return `# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "${connectorType}"\n`;
}

async function writeMigration(
  migrationsDir: string,
  directoryName: string,
  script: string,
  details: { extension: string; connectorType: string; hasLockfile: boolean },
): Promise<void> {
  const directory = path.join(migrationsDir, directoryName);
  await mkdir(migrationsDir, { recursive: true });
  // Non-recursive: fails if the directory exists, instead of overwriting a migration.
  await mkdir(directory);
  await writeFile(path.join(directory, `migration.${details.extension}`), script, "utf8");
  if (!details.hasLockfile) {
    await writeFile(path.join(migrationsDir, LOCKFILE_NAME), lockfileContent(details.connectorType), "utf8");
  }
}

/** `Add Orgs!` → `add_orgs`: the engine uses the name verbatim in the directory name. */
export function toMigrationName(name: string): string {
  const snake = name
    .trim()
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 100);
  return snake || "migration";
}

function rethrowEngineError(error: unknown): never {
  throw toEngineError(error);
}
