/**
 * Where the engine connects: the server and schema named by a database URL, as pg settings, and the
 * databases it creates there (the shadow database, the tests' throwaway databases).
 */
import { randomUUID } from "node:crypto";
import pg from "pg";
import { CharAsTextClient } from "./char-columns";

export interface ServerTarget {
  url: URL;
  /** The PostgreSQL schema Prisma manages (`?schema=` in the URL, as in Prisma's own URLs). */
  schema: string;
}

export function parseTarget(databaseUrl: string): ServerTarget {
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

export function databaseName(url: URL): string {
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
export function poolConfig(target: ServerTarget, database: string): pg.PoolConfig {
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
