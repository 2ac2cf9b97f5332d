/**
 * The `prisma migrate` operations this project needs, run on Prisma's schema engine (WebAssembly
 * build, see ./schema-engine/). Same inputs and outputs as the CLI: `prisma/migrations/<timestamp>_<name>/
 * migration.sql`, `prisma/migrations/migration_lock.toml` and the `_prisma_migrations` table, so
 * `prisma migrate deploy` / `status` keep working wherever the native engine can be downloaded.
 *
 * Each operation opens the engine for its own duration and prints nothing: progress goes to the
 * optional `log` callback, results are returned.
 *
 * Layout: ./migration-steps.ts (the engine calls), ./migration-files.ts (the files), ./schema-engine/
 * (the engine itself).
 */
import {
  migrationsDirOf,
  onlyNamed,
  readMigrationList,
  readSchema,
  schemaPathOf,
  toMigrationName,
  withLockfileFallback,
  writeMigration,
} from "./migration-files";
import {
  applyPending,
  checkDataLoss,
  detectDrift,
  enablePreviewFeatures,
  NO_FILTER,
  refuseUnlessDevDatabaseIsClean,
  rethrowEngineError,
  withEngine,
} from "./migration-steps";

export { readMigrationList, toMigrationName } from "./migration-files";

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
