import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FileSystem } from '../core/fileSystem';
import { createSqlJsReader, type RunDeps } from '../core/runs';
import { nodeFileSystem } from './nodeFileSystem';

/** SHA-256 of bytes as hex, with node's crypto (the core has no hashing of its own). */
export function nodeSha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Where sql.js's wasm is, in order: next to the running bundle (esbuild copies
 * `node_modules/sql.js/dist/sql-wasm.wasm` into `dist/`), then in node_modules (tests, a
 * checkout run from source). Read lazily: only a workspace with an `mlflow.db` needs it.
 */
export function readSqlWasm(): Uint8Array | undefined {
  const candidates = [join(__dirname, 'sql-wasm.wasm')];
  try {
    candidates.push(require.resolve('sql.js/dist/sql-wasm.wasm'));
  } catch {
    // Not installed next to this script: only the bundled copy can serve.
  }
  for (const candidate of candidates) {
    try {
      return readFileSync(candidate);
    } catch {
      // Try the next place.
    }
  }
  return undefined;
}

/**
 * Run-discovery services for node hosts (CLI, language server). Create once and keep: the
 * SQLite reader compiles its wasm on first use and reuses it.
 */
export function createNodeRunDeps(fs: FileSystem = nodeFileSystem): RunDeps {
  return { fs, sha256: nodeSha256, sqlite: createSqlJsReader(readSqlWasm) };
}
