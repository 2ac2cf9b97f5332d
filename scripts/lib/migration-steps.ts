/**
 * The schema-engine calls the migration operations are made of (./migrations.ts), each with the
 * refusal a script owes a person where `prisma migrate dev` would ask a question or reset the database.
 */
import type { MigrationList, SchemaEngine, SchemaFilter, SchemasContainer } from "@prisma/schema-engine-wasm";
import { PROJECT_ROOT, withLockfileFallback } from "./migration-files";
import type { CreateMigrationOptions, MigrationOptions } from "./migrations";
import { openSchemaEngine, toEngineError } from "./schema-engine";

export const NO_FILTER: SchemaFilter = { externalTables: [], externalEnums: [] };

export async function withEngine<T>(
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

export async function applyPending(
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
export async function enablePreviewFeatures(engine: SchemaEngine, schema: SchemasContainer): Promise<void> {
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
export async function refuseUnlessDevDatabaseIsClean(
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

export async function checkDataLoss(
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
export async function detectDrift(
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

export function rethrowEngineError(error: unknown): never {
  throw toEngineError(error);
}
