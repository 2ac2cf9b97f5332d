import pg from "pg";

export interface TestDatabaseServer {
  /** A superuser URL of the maintenance database, for CREATE/DROP DATABASE. */
  adminUrl: string;
  /** The same server as the app's role `app_user` (row-level security applies), any database. */
  appRoleUrl: string;
  /** A database with every migration applied, cloned for each test file. */
  templateDatabase: string;
}

declare module "vitest" {
  export interface ProvidedContext {
    testDatabase: TestDatabaseServer;
  }
}

export function databaseUrl(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function withAdminClient<T>(
  adminUrl: string,
  run: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

export function uniqueDatabaseName(prefix: string): string {
  return `${prefix}_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
}
