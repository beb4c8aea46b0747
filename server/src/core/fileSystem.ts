/**
 * The file system as the core sees it. Injected (node fs in the CLI and server, a Map in tests)
 * so the core never touches `fs` itself and runs wherever a host provides these calls.
 * Paths are absolute, with forward slashes.
 */
export interface FileSystem {
  /** File text, or undefined when the file does not exist or cannot be read. */
  readFile(path: string): string | undefined;
  exists(path: string): boolean;
  isDirectory(path: string): boolean;
  /** True for a symbolic link (scans do not follow them). Optional: hosts without links omit it. */
  isSymbolicLink?(path: string): boolean;
  /** Entry names in a folder (not paths); empty when the folder does not exist. */
  readDirectory(path: string): string[];
  /**
   * File bytes, or undefined when the file does not exist or cannot be read. For binary files
   * (git pack indexes, SQLite databases) and for hashing a file exactly as it is on disk.
   * Optional: hosts without it get text-only features.
   */
  readBinary?(path: string): Uint8Array | undefined;
}

export function dirname(path: string): string {
  const index = path.lastIndexOf('/');
  if (index < 0) return '.';
  return index === 0 ? '/' : path.slice(0, index);
}

export function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

export function joinPath(folder: string, name: string): string {
  return folder.endsWith('/') ? folder + name : `${folder}/${name}`;
}
