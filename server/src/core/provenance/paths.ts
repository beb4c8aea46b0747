import { normalizePath, resolvePath } from '../git/repository';
import { splitRecordPath } from '../runs/runRecord';

/**
 * Paths in a provenance block are relative to the card's folder, with forward slashes, so the
 * block means the same in every clone. These convert between those and the host's absolute paths.
 */

/** `to` relative to the folder `from` (both absolute). A path on another drive stays absolute. */
export function relativePath(from: string, to: string): string {
  const fromParts = normalizePath(from).split('/').filter(Boolean);
  const toParts = normalizePath(to).split('/').filter(Boolean);
  if (/^[A-Za-z]:$/.test(toParts[0] ?? '') && toParts[0]?.toLowerCase() !== fromParts[0]?.toLowerCase()) {
    return normalizePath(to);
  }
  let common = 0;
  while (common < fromParts.length && common < toParts.length && fromParts[common] === toParts[common]) common++;
  const up = fromParts.slice(common).map(() => '..');
  return [...up, ...toParts.slice(common)].join('/') || '.';
}

/** A record path (`runs/mlflow.db#<id>`) or folder relative to `from`, keeping the `#<id>` part. */
export function relativeRecordPath(from: string, recordPath: string): string {
  const { file, recordId } = splitRecordPath(recordPath);
  const relative = relativePath(from, file);
  return recordId === undefined ? relative : `${relative}#${recordId}`;
}

/** The absolute path a block's relative path names (the `#<id>` of a record path kept). */
export function resolveBlockPath(cardFolder: string, written: string): string {
  const { file, recordId } = splitRecordPath(written.trim());
  const absolute = resolvePath(cardFolder, file);
  return recordId === undefined ? absolute : `${absolute}#${recordId}`;
}
