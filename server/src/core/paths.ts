/**
 * Comparing absolute paths (forward slashes, as the core's FileSystem uses them). One place, so a
 * root folder (`/`) or a trailing slash is handled the same everywhere: `/` + `/` is not a prefix,
 * and `.`/`..` segments are resolved first: `/ws/a/../../etc` is not inside `/ws`.
 */
import { normalizePath } from './git/repository';

/** `path` with `.` and `..` segments resolved (unchanged, and not copied, when it has none). */
function resolved(path: string): string {
  return /(^|\/)\.\.?(\/|$)/.test(path) ? normalizePath(path) : path;
}

/** The folder without a trailing slash, except the root itself. */
function trimmed(folder: string): string {
  return folder.length > 1 && folder.endsWith('/') ? folder.slice(0, -1) : folder;
}

/** True when `candidate` is strictly below `folder`. */
export function isInside(candidate: string, folder: string): boolean {
  const path = resolved(candidate);
  const base = trimmed(folder);
  if (base === '/') return path.startsWith('/') && path.length > 1;
  return path.startsWith(base + '/') && path.length > base.length + 1;
}

/** True when `path` is `folder` or below it. */
export function isSameOrInside(path: string, folder: string): boolean {
  return trimmed(resolved(path)) === trimmed(folder) || isInside(path, folder);
}

/** `candidate` relative to `folder` (no leading slash), or undefined when it is not below it. */
export function relativeInside(candidate: string, folder: string): string | undefined {
  if (!isInside(candidate, folder)) return undefined;
  const base = trimmed(folder);
  return resolved(candidate).slice(base === '/' ? 1 : base.length + 1);
}
