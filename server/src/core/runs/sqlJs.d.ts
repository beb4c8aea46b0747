// The part of sql.js (https://github.com/sql-js/sql.js, MIT) that Cardwright uses. sql.js ships
// no types of its own and @types/sql.js would be a second dependency for a handful of calls.
declare module 'sql.js' {
  export type SqlValue = number | string | Uint8Array | null;

  export interface QueryExecResult {
    columns: string[];
    values: SqlValue[][];
  }

  export interface Database {
    exec(sql: string, params?: SqlValue[]): QueryExecResult[];
    run(sql: string, params?: SqlValue[]): Database;
    export(): Uint8Array;
    close(): void;
  }

  export interface SqlJsStatic {
    Database: new (data?: ArrayLike<number> | null) => Database;
  }

  export interface SqlJsConfig {
    /** The wasm file's bytes: when given, sql.js does not look for `sql-wasm.wasm` itself. */
    wasmBinary?: ArrayBuffer | Uint8Array;
    locateFile?: (file: string, prefix: string) => string;
  }

  export default function initSqlJs(config?: SqlJsConfig): Promise<SqlJsStatic>;
}
