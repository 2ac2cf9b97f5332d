/**
 * The driver adapter factory the engine drives: @prisma/adapter-pg, with the workarounds its 7.10
 * release needs under the schema engine (see ./char-columns.ts for bug 1, ./server-target.ts for bug 2).
 */
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { restoreCharColumns, withCharColumns } from "./char-columns";
import {
  createTemporaryDatabase,
  databaseName,
  dropDatabase,
  parseTarget,
  poolConfig,
  type ServerTarget,
} from "./server-target";

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

/**
 * The adapter factory the engine drives: `connect()` opens the database from the URL,
 * `connectToShadowDb()` a fresh temporary database on the same server.
 *
 * Workaround for @prisma/adapter-pg 7.10 bug 3: its `connectToShadowDb()` disposer runs
 * `DROP DATABASE` before ending the shadow pool, which fails with "database … is being accessed by
 * other users". Here the shadow pool is closed first, then the database dropped. Shadow databases the
 * engine never disposed (an error mid-command) are dropped by `closeAll()`.
 */
export class MigrationAdapterFactory implements SqlMigrationAwareDriverAdapterFactory {
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
