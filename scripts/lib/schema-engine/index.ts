/**
 * Prisma's schema engine (the Rust code behind `prisma migrate`), run from its WebAssembly build
 * over a `pg` driver adapter. The native engine binary is downloaded by the Prisma CLI on first use;
 * this build ships inside npm packages, so migrations work on machines that can only reach the npm
 * registry. It writes the same `_prisma_migrations` table and reads the same migrations directory
 * layout as the CLI, so both can be used on one database.
 *
 * Only `prisma migrate` (the CLI) may download the native engine; everything in this project runs
 * this build. The one way in for the rest of the project in for the rest of the project: `openSchemaEngine` (and the database helpers below).
 * What it hides — the pinned engine build, the adapter workarounds, the patched pg client — is checked
 * against exact package versions (./checked-versions.ts) and refuses to run with others.
 */
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";
import { MigrationAdapterFactory } from "./adapter-factory";
import { loadSchemaEngine, takeEnginePanicMessage } from "./wasm-module";

export {
  createTemporaryDatabase,
  describeDatabaseUrl,
  dropDatabase,
  parseDatabaseUrl,
  withDatabase,
} from "./server-target";
export type { SchemaEngine };

export interface OpenSchemaEngineOptions {
  /** Path and content of the Prisma schema the engine starts with (diffs also take schemas explicitly). */
  schema?: { path: string; content: string };
  /** Receives the engine's tracing output (JSON lines); silent when omitted. */
  onEngineLog?: (line: string) => void;
}

export interface OpenedSchemaEngine {
  engine: SchemaEngine;
  /** Frees the engine, closes every pool it opened and drops any shadow database left behind. */
  close(): Promise<void>;
}

// The CLI sends its checkpoint (telemetry/update-check) request from the same process; nothing here
// should try to reach the network.
process.env.CHECKPOINT_DISABLE = "1";

export async function openSchemaEngine(
  databaseUrl: string,
  options: OpenSchemaEngineOptions = {},
): Promise<OpenedSchemaEngine> {
  const SchemaEngineClass = await loadSchemaEngine();
  const factory = new MigrationAdapterFactory(databaseUrl);
  const datamodels: Array<[string, string]> | undefined = options.schema
    ? [[options.schema.path, options.schema.content]]
    : undefined;
  const onLog = options.onEngineLog ?? (() => {});
  let engine: SchemaEngine;
  try {
    engine = (await SchemaEngineClass.new(
      { datamodels },
      (line: string) => onLog(line),
      bindMigrationAwareSqlAdapterFactory(factory),
    )) as SchemaEngine;
  } catch (error) {
    await factory.closeAll();
    throw toEngineError(error);
  }
  let closed = false;
  return {
    engine,
    async close() {
      if (closed) return;
      closed = true;
      engine.free();
      await factory.closeAll();
    },
  };
}

/**
 * Turns what the engine rejects with into an `Error` with a readable message. Engine errors are
 * `Error`s whose message ends with a Rust span trace ("   0: schema_engine_wasm::…"), which is noise
 * for a person; a panic is a wasm trap whose message was reported through `PRISMA_WASM_PANIC_REGISTRY`.
 */
export function toEngineError(error: unknown): Error {
  const panic = takeEnginePanicMessage();
  if (panic) return new Error(`The schema engine crashed: ${panic}`, { cause: error });
  const message =
    error instanceof Error ? error.message : typeof error === "string" ? error : JSON.stringify(error);
  return new Error(withoutSpanTrace(message), { cause: error });
}

function withoutSpanTrace(message: string): string {
  // Database errors arrive as "external connector error\nError querying the database: ERROR: …".
  const lines = message.replace(/^external connector error\n/, "").split("\n");
  const traceStart = lines.findIndex((line) => /^\s*\d+: \w+(::\w+)+/.test(line));
  return (traceStart === -1 ? lines : lines.slice(0, traceStart)).join("\n").trim();
}
