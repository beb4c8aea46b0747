/**
 * Comparing absolute paths (forward slashes, as the core's FileSystem uses them). One place, so a
 * root folder (`/`) or a trailing slash is handled the same everywhere: `/` + `/` is not a prefix.
 */

/** The folder without a trailing slash, except the root itself. */
function trimmed(folder: string): string {
  return folder.length > 1 && folder.endsWith('/') ? folder.slice(0, -1) : folder;
}

/** True when `path` is strictly below `folder`. */
export function isInside(path: string, folder: string): boolean {
  const base = trimmed(folder);
  if (base === '/') return path.startsWith('/') && path.length > 1;
  return path.startsWith(base + '/') && path.length > base.length + 1;
}

/** True when `path` is `folder` or below it. */
export function isSameOrInside(path: string, folder: string): boolean {
  return trimmed(path) === trimmed(folder) || isInside(path, folder);
}

/** `path` relative to `folder` (no leading slash), or undefined when it is not below it. */
export function relativeInside(path: string, folder: string): string | undefined {
  if (!isInside(path, folder)) return undefined;
  const base = trimmed(folder);
  return path.slice(base === '/' ? 1 : base.length + 1);
}
