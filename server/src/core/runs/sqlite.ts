import initSqlJs, { type Database, type SqlJsStatic, type SqlValue } from 'sql.js';

/** Reads SQLite databases held in memory (MLflow's `mlflow.db`), without a native module. */
export interface SqliteReader {
  /** Opens the database in `bytes`, runs `read` on it and closes it, whatever `read` does. */
  withDatabase<T>(bytes: Uint8Array, read: (db: SqliteQueries) => T): Promise<T>;
}

export type SqliteRow = Record<string, SqlValue>;

export interface SqliteQueries {
  /** All rows of a query, as objects keyed by column name. */
  all(sql: string, params?: SqlValue[]): SqliteRow[];
  hasTable(name: string): boolean;
}

/** The first 16 bytes of every SQLite 3 database file. */
const SQLITE_MAGIC = 'SQLite format 3\0';

/** Whether the bytes start like a SQLite database (the 100-byte header is always there). */
export function isSqliteFile(bytes: Uint8Array): boolean {
  return bytes.length >= 100 && String.fromCharCode(...bytes.subarray(0, 16)) === SQLITE_MAGIC;
}

/**
 * A SqliteReader on sql.js (SQLite compiled to WebAssembly: runs in plain Node, the extension
 * host and a browser alike). `loadWasm` returns the bytes of sql.js's `sql-wasm.wasm`; the host
 * locates it (next to the bundle, or in node_modules), because sql.js's own lookup depends on
 * where its script ended up after bundling. The wasm is compiled once per reader, on first use.
 */
export function createSqlJsReader(loadWasm: () => Uint8Array | undefined): SqliteReader {
  let engine: Promise<SqlJsStatic> | undefined;
  const start = (): Promise<SqlJsStatic> => {
    const wasmBinary = loadWasm();
    // Without the bytes sql.js would guess a path, fail, and keep that failure for the process.
    if (!wasmBinary) return Promise.reject(new Error('the SQLite reader (sql-wasm.wasm) was not found'));
    return initSqlJs({ wasmBinary });
  };
  return {
    async withDatabase(bytes, read) {
      engine ??= start();
      const SQL = await engine;
      const db = new SQL.Database(bytes);
      try {
        return read(queriesOn(db));
      } finally {
        db.close();
      }
    },
  };
}

function queriesOn(db: Database): SqliteQueries {
  const all = (sql: string, params?: SqlValue[]): SqliteRow[] =>
    db
      .exec(sql, params)
      .flatMap(({ columns, values }) =>
        values.map((row) => Object.fromEntries(columns.map((column, index) => [column, row[index] ?? null]))),
      );
  return {
    all,
    hasTable: (name) =>
      all("SELECT 1 AS found FROM sqlite_master WHERE type = 'table' AND name = ?", [name]).length > 0,
  };
}
