import { joinPath, type FileSystem } from '../fileSystem';
import type { SqliteReader } from './sqlite';

/**
 * What run discovery needs from its host. The core never hashes or opens SQLite on its own:
 * node's crypto is not portable, and sql.js needs its wasm located by whoever bundles it.
 */
export interface RunDeps {
  fs: FileSystem;
  /** SHA-256 of the bytes, as 64 lower-case hex digits. */
  sha256(bytes: Uint8Array): string;
  /** Reads `mlflow.db`; without it such databases are listed with a note instead of their runs. */
  sqlite?: SqliteReader;
}

export interface DiscoverOptions {
  /** How many folders deep below the root to look (default 6: `outputs/<date>/<time>/lightning_logs/version_0`). */
  maxDepth?: number;
  /** Stop after this many folders (default 20,000), so a huge workspace cannot stall the server. */
  maxFolders?: number;
}

/** The file's bytes: exactly as on disk with `readBinary`, else the text as UTF-8. */
export function readBytes(fs: FileSystem, path: string): Uint8Array | undefined {
  if (fs.readBinary) return fs.readBinary(path);
  const text = fs.readFile(path);
  return text === undefined ? undefined : new TextEncoder().encode(text);
}

/** The `config` field of a run record: the path and the hash of its bytes, when the file exists. */
export function configFile(deps: RunDeps, path: string): { path: string; sha256: string } | undefined {
  const bytes = readBytes(deps.fs, path);
  return bytes === undefined ? undefined : { path, sha256: deps.sha256(bytes) };
}

/** The first of `names` that is a file in `folder`, as a path. */
export function firstFile(fs: FileSystem, folder: string, names: readonly string[]): string | undefined {
  for (const name of names) {
    const path = joinPath(folder, name);
    if (fs.exists(path) && !fs.isDirectory(path)) return path;
  }
  return undefined;
}
