/**
 * Paths on the command line: what the user typed -> the absolute, forward-slash paths the core
 * uses, and back to what is shown. One place, so every command resolves and prints alike.
 */
import * as nodePath from 'node:path';

/** `path` (as typed, relative to `cwd` or absolute) as an absolute path with forward slashes. */
export function absolutePath(cwd: string, path: string): string {
  return toPosix(nodePath.resolve(cwd, path));
}

/** A native path with forward slashes (the core's spelling). */
export function toPosix(path: string): string {
  return path.split(nodePath.sep).join('/');
}

/** Paths in output: relative to the working folder when inside it, else absolute; forward slashes. */
export function display(path: string, cwd: string): string {
  const relative = toPosix(nodePath.relative(cwd, path));
  return relative === '' ? '.' : relative.startsWith('..') ? path : relative;
}
