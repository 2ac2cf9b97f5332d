/**
 * Prisma's schema engine (the Rust code behind `prisma migrate`), run from its WebAssembly build
 * over a `pg` driver adapter. The native engine binary is downloaded by the Prisma CLI on first use;
 * this build ships inside npm packages, so migrations work on machines that can only reach the npm
 * registry. It writes the same `_prisma_migrations` table and reads the same migrations directory
 * layout as the CLI, so both can be used on one database.
 */
import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  bindMigrationAwareSqlAdapterFactory,
  ColumnTypeEnum,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlResultSet,
  type Transaction,
} from "@prisma/driver-adapter-utils";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";
import * as engineGlue from "@prisma/schema-engine-wasm/schema_engine_bg";
import pg from "pg";

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

const require = createRequire(import.meta.url);

// ---------------------------------------------------------------------------------------------------
// Loading the WebAssembly module
// ---------------------------------------------------------------------------------------------------

let engineClass: Promise<typeof engineGlue.SchemaEngine> | undefined;

/** Instantiates the engine's wasm once per process; the glue module keeps it in module state. */
function loadSchemaEngine(): Promise<typeof engineGlue.SchemaEngine> {
  engineClass ??= instantiateEngineWasm().catch((error: unknown) => {
    engineClass = undefined;
    throw error;
  });
  return engineClass;
}

async function instantiateEngineWasm(): Promise<typeof engineGlue.SchemaEngine> {
  // The very engine the installed Prisma CLI bundles, so both agree on migration semantics.
  const cliDir = path.dirname(require.resolve("prisma/package.json"));
  const bytes = await readFile(path.join(cliDir, "build", "schema_engine_bg.wasm"));
  let instance: WebAssembly.Instance;
  try {
    ({ instance } = await WebAssembly.instantiate(bytes, {
      "./schema_engine_bg.js": withUnrefTimers(engineGlue),
    }));
  } catch (error) {
    // wasm-bindgen import names carry build hashes: glue from another engine build fails to link.
    throw new Error(
      "The Prisma CLI's schema engine does not match @prisma/schema-engine-wasm: pin that package to " +
        'the version ending in the CLI\'s engine hash (`npx prisma version`, "Schema Engine").',
      { cause: error },
    );
  }
  // A Rust panic inside the engine reports its message through this global before trapping.
  Object.assign(globalThis, { PRISMA_WASM_PANIC_REGISTRY: { set_message: recordPanicMessage } });
  engineGlue.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return engineGlue.SchemaEngine;
}

/**
 * The engine arms a JS timer for each of its internal timeouts and never clears one (the glue
 * imports `setTimeout` only); dropped with the engine, they would keep the process alive for up to a
 * minute after the work is done. Unref'd, they still fire while the engine's pools keep the loop busy.
 */
function withUnrefTimers(glue: typeof engineGlue): WebAssembly.ModuleImports {
  // The glue module's exports are exactly the wasm's imports (functions, plus the class it wraps).
  const imports = { ...glue } as unknown as WebAssembly.ModuleImports;
  for (const [name, value] of Object.entries(glue)) {
    if (!name.startsWith("__wbg_setTimeout_") || typeof value !== "function") continue;
    imports[name] = (...args: unknown[]): unknown => {
      const timer: unknown = Reflect.apply(value, undefined, args);
      (timer as { unref?: () => void } | null)?.unref?.();
      return timer;
    };
  }
  return imports;
}

let lastPanicMessage: string | undefined;

function recordPanicMessage(message: string): void {
  lastPanicMessage = message;
}

/** The message of the last engine panic, if any: wasm traps surface as a bare "unreachable" error. */
export function takeEnginePanicMessage(): string | undefined {
  const message = lastPanicMessage;
  lastPanicMessage = undefined;
  return message;
}

// ---------------------------------------------------------------------------------------------------
// Connection settings
// ---------------------------------------------------------------------------------------------------

interface ServerTarget {
  url: URL;
  /** The PostgreSQL schema Prisma manages (`?schema=` in the URL, as in Prisma's own URLs). */
  schema: string;
}

function parseTarget(databaseUrl: string): ServerTarget {
  const url = parseDatabaseUrl(databaseUrl);
  return { url, schema: url.searchParams.get("schema") || "public" };
}

export function parseDatabaseUrl(databaseUrl: string): URL {
  let url: URL;
  try {
    url = new URL(databaseUrl);
  } catch {
    throw new Error("The database URL is not a valid URL (expected postgresql://user:password@host:port/db)");
  }
  if (url.protocol !== "postgresql:" && url.protocol !== "postgres:") {
    throw new Error(`The database URL must start with postgresql:// (got ${url.protocol}//)`);
  }
  return url;
}

/** `host:port/database` of a URL, for messages: never the credentials. */
export function describeDatabaseUrl(databaseUrl: string): string {
  const url = parseDatabaseUrl(databaseUrl);
  return `${url.hostname}:${url.port || "5432"}${url.pathname}`;
}

function databaseName(url: URL): string {
  return decodeURIComponent(url.pathname.slice(1)) || decodeURIComponent(url.username);
}

const SSL_MODES_REQUIRING_TLS = new Set(["require", "verify-ca", "verify-full"]);

/**
 * pg settings as separate fields rather than a `connectionString`.
 *
 * Workaround for @prisma/adapter-pg 7.10 bug 2: its `connectToShadowDb()` builds the shadow pool as
 * `{ ...config, database: shadowName }`, but pg lets fields parsed from `connectionString` override
 * explicit ones, so with a connection string the "shadow" pool silently connects to the main
 * database. Separate fields keep a `database` override effective for every pool we build.
 */
function poolConfig(target: ServerTarget, database: string): pg.PoolConfig {
  const { url } = target;
  const sslMode = url.searchParams.get("sslmode");
  return {
    // `?host=/var/run/postgresql` selects a Unix socket, as in libpq URLs.
    host: url.searchParams.get("host") || url.hostname.replace(/^\[(.*)\]$/, "$1") || undefined,
    port: url.port ? Number(url.port) : 5432,
    user: decodeURIComponent(url.username) || undefined,
    password: decodeURIComponent(url.password) || undefined,
    database,
    // pg cannot fall back from TLS, so libpq's opportunistic `prefer`/`allow` mean plain connections here.
    ssl:
      sslMode && SSL_MODES_REQUIRING_TLS.has(sslMode)
        ? { rejectUnauthorized: sslMode === "verify-full" }
        : undefined,
    // Unqualified names in migration scripts resolve in the managed schema, as with the native engine.
    options: `-c search_path="${target.schema.replaceAll('"', '""')}"`,
    Client: CharAsTextClient,
  };
}

// ---------------------------------------------------------------------------------------------------
// Adapter workarounds
// ---------------------------------------------------------------------------------------------------

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

interface PgResultLike {
  fields?: Array<{ dataTypeID: number }>;
  rows?: unknown[];
}

/**
 * Row arrays of results that had `"char"` columns, with those columns' indexes. The adapter passes a
 * pg result's `rows` array through to its result set unchanged, which lets the adapter wrapper find
 * the columns again after the adapter has typed them.
 */
const charColumnsByRows = new WeakMap<object, number[]>();

/** Relabels `"char"` columns as `text` for the adapter, remembering which they were. */
function relabelCharColumns<T>(result: T): T {
  for (const part of Array.isArray(result) ? result : [result]) {
    const { fields, rows } = (part ?? {}) as PgResultLike;
    const charColumns: number[] = [];
    fields?.forEach((field, index) => {
      if (field.dataTypeID !== PG_CHAR_OID) return;
      field.dataTypeID = PG_TEXT_OID;
      charColumns.push(index);
    });
    if (charColumns.length > 0 && rows) charColumnsByRows.set(rows, charColumns);
  }
  return result;
}

/** Gives `"char"` columns the engine's `Character` type (its catalog reader requires a char, not text). */
function restoreCharColumns(resultSet: SqlResultSet): SqlResultSet {
  for (const index of charColumnsByRows.get(resultSet.rows) ?? []) {
    resultSet.columnTypes[index] = ColumnTypeEnum.Character;
  }
  return resultSet;
}

/**
 * A pg client that hides PostgreSQL's internal `"char"` type (OID 18) from the adapter.
 *
 * Workaround for @prisma/adapter-pg 7.10 bug 1: its column-type mapping has no case for OID 18 and
 * throws "Column type 'char' could not be deserialized", yet the schema engine's catalog queries
 * select `"char"` columns (`pg_constraint.contype`, `pg_class.relkind`, …). A type parser cannot help
 * (the adapter maps the field's `dataTypeID`, not the value), so the field is relabelled `text` here,
 * and `restoreCharColumns` then reports it to the engine as `Character`. Text alone is not enough:
 * the engine reads these columns as a char and panics otherwise (on PostgreSQL 18 as soon as a table
 * has a NOT NULL column, which now appears in `pg_constraint` as `contype = 'n'`). Values need no
 * conversion: pg has no parser for OID 18 and returns the one-character string.
 */
class CharAsTextClient extends pg.Client {}

const baseQuery = pg.Client.prototype.query;

// pg's `query` has a dozen overloads (text/config, values, callback, Submittable); intercepting all
// forms uniformly needs an untyped signature, installed on the prototype instead of an `override`.
Object.defineProperty(CharAsTextClient.prototype, "query", {
  value: function query(this: pg.Client, ...args: unknown[]): unknown {
    const [config] = args;
    if (typeof (config as { submit?: unknown } | null)?.submit === "function") {
      return Reflect.apply(baseQuery, this, args); // cursors/streams: not used by the adapter
    }
    const callbackIndex = args.findIndex((arg, index) => index > 0 && typeof arg === "function");
    if (callbackIndex > 0) {
      const callback = args[callbackIndex] as (error: Error | null, result: unknown) => void;
      args[callbackIndex] = (error: Error | null, result: unknown) =>
        callback(error, error ? result : relabelCharColumns(result));
      return Reflect.apply(baseQuery, this, args);
    }
    return (Reflect.apply(baseQuery, this, args) as Promise<unknown>).then(relabelCharColumns);
  },
  writable: true,
  configurable: true,
});

function withCharColumns(transaction: Transaction): Transaction {
  return {
    provider: transaction.provider,
    adapterName: transaction.adapterName,
    options: transaction.options,
    queryRaw: async (query) => restoreCharColumns(await transaction.queryRaw(query)),
    executeRaw: (query) => transaction.executeRaw(query),
    commit: () => transaction.commit(),
    rollback: () => transaction.rollback(),
    createSavepoint: transaction.createSavepoint?.bind(transaction),
    rollbackToSavepoint: transaction.rollbackToSavepoint?.bind(transaction),
    releaseSavepoint: transaction.releaseSavepoint?.bind(transaction),
  };
}

/** The adapter's methods, forwarded, with some replaced. */
function withOverrides(
  inner: SqlDriverAdapter,
  overrides: Partial<Pick<SqlDriverAdapter, "executeScript" | "dispose">>,
): SqlDriverAdapter {
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    queryRaw: (query) => inner.queryRaw(query),
    executeRaw: (query) => inner.executeRaw(query),
    executeScript: (script) => inner.executeScript(script),
    startTransaction: (isolationLevel) => inner.startTransaction(isolationLevel),
    getConnectionInfo: () => inner.getConnectionInfo?.() ?? { supportsRelationJoins: true },
    dispose: () => inner.dispose(),
    ...overrides,
  };
}

/**
 * Opens an adapter on one database. Its `executeScript` sends the whole script as one simple-protocol
 * query (an args-less `executeRaw` does exactly that, with the adapter's error mapping): the adapter's
 * own `executeScript` splits on every `;`, which breaks migrations containing semicolons inside
 * strings or `$$` function bodies. The native engine also sends a migration as a single batch.
 */
async function connectAdapter(target: ServerTarget, database: string): Promise<SqlDriverAdapter> {
  const factory = new PrismaPg(poolConfig(target, database), {
    schema: target.schema,
    onPoolError: () => {}, // idle-client errors (server restart) surface on the next query instead
  });
  const adapter = await factory.connect();
  return {
    ...withOverrides(adapter, {
      executeScript: async (script) => {
        await adapter.executeRaw({ sql: script, args: [], argTypes: [] });
      },
    }),
    queryRaw: async (query) => restoreCharColumns(await adapter.queryRaw(query)),
    startTransaction: async (isolationLevel) =>
      withCharColumns(await adapter.startTransaction(isolationLevel)),
  };
}

function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Runs one statement on the server's database from the URL, on a short-lived connection. */
async function runAdminStatement(target: ServerTarget, sql: string): Promise<void> {
  const client = new pg.Client(poolConfig(target, databaseName(target.url)));
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function createTemporaryDatabase(databaseUrl: string, prefix: string): Promise<string> {
  const name = `${prefix}_${randomUUID().replaceAll("-", "")}`;
  await runAdminStatement(parseTarget(databaseUrl), `CREATE DATABASE ${quoteIdentifier(name)}`);
  return name;
}

export async function dropDatabase(databaseUrl: string, name: string): Promise<void> {
  await runAdminStatement(parseTarget(databaseUrl), `DROP DATABASE IF EXISTS ${quoteIdentifier(name)}`);
}

/** `databaseUrl` with its database replaced by `name` (credentials and parameters kept). */
export function withDatabase(databaseUrl: string, name: string): string {
  const url = parseDatabaseUrl(databaseUrl);
  url.pathname = `/${encodeURIComponent(name)}`;
  return url.toString();
}

/**
 * The adapter factory the engine drives: `connect()` opens the database from the URL,
 * `connectToShadowDb()` a fresh temporary database on the same server.
 *
 * Workaround for @prisma/adapter-pg 7.10 bug 3: its `connectToShadowDb()` disposer runs
 * `DROP DATABASE` before ending the shadow pool, which fails with "database … is being accessed by
 * other users". Here the shadow pool is closed first, then the database dropped. Shadow databases the
 * engine never disposed (an error mid-command) are dropped by `closeAll()`.
 */
class MigrationAdapterFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = "postgres";
  readonly adapterName = "@prisma/adapter-pg";
  private readonly openAdapters = new Set<SqlDriverAdapter>();
  private readonly liveShadowDatabases = new Set<string>();

  constructor(
    private readonly databaseUrl: string,
    private readonly target: ServerTarget = parseTarget(databaseUrl),
  ) {}

  async connect(): Promise<SqlDriverAdapter> {
    return this.track(await connectAdapter(this.target, databaseName(this.target.url)));
  }

  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    const name = await createTemporaryDatabase(this.databaseUrl, "prisma_shadow");
    this.liveShadowDatabases.add(name);
    const adapter = await connectAdapter(this.target, name).catch(async (error: unknown) => {
      await this.dropShadow(name);
      throw error;
    });
    return this.track(
      withOverrides(adapter, {
        dispose: async () => {
          await adapter.dispose();
          await this.dropShadow(name);
        },
      }),
    );
  }

  async closeAll(): Promise<void> {
    const adapters = [...this.openAdapters];
    this.openAdapters.clear();
    await Promise.allSettled(adapters.map((adapter) => adapter.dispose()));
    for (const name of [...this.liveShadowDatabases]) await this.dropShadow(name).catch(() => {});
  }

  /** Makes `dispose` idempotent, so the engine and `closeAll()` can both call it. */
  private track(adapter: SqlDriverAdapter): SqlDriverAdapter {
    let disposed: Promise<void> | undefined;
    const tracked = withOverrides(adapter, {
      dispose: () => {
        this.openAdapters.delete(tracked);
        disposed ??= adapter.dispose();
        return disposed;
      },
    });
    this.openAdapters.add(tracked);
    return tracked;
  }

  private async dropShadow(name: string): Promise<void> {
    if (!this.liveShadowDatabases.has(name)) return;
    await dropDatabase(this.databaseUrl, name);
    this.liveShadowDatabases.delete(name);
  }
}

// ---------------------------------------------------------------------------------------------------
// Opening the engine
// ---------------------------------------------------------------------------------------------------

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
