/**
 * Workaround for @prisma/adapter-pg 7.10 bug 1: PostgreSQL's internal `"char"` type, which the schema
 * engine's catalog queries select, as the adapter and the engine each need to see it.
 */
import { ColumnTypeEnum, type SqlResultSet, type Transaction } from "@prisma/driver-adapter-utils";
import pg from "pg";

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
export function restoreCharColumns(resultSet: SqlResultSet): SqlResultSet {
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
export class CharAsTextClient extends pg.Client {}

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

export function withCharColumns(transaction: Transaction): Transaction {
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
