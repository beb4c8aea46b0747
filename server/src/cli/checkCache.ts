/**
 * `check --cache`: results of earlier runs, reused for a file while nothing its check depends on
 * has changed, as ESLint's `--cache`. An entry is keyed by the file's path and holds:
 *   - a hash of the options its result depends on: the settings in force for it (its
 *     `.cardwright.yaml` or --config, `overrides:` applied), the forced kind and
 *     --report-unused-disables;
 *   - every question its check asked the file system, with a hash of the answer (checkInputs):
 *     its own text first, then linked files, the linked run's files, sibling listings, schemas.
 * The whole cache is dropped when Cardwright's version, its build or its bundled schemas differ
 * from the run that wrote it. A cache file that cannot be read or parsed is ignored (and replaced
 * on the next write); writes go to a temporary file renamed over the old one, so a reader never
 * sees half a cache and two runs at once leave one of them whole.
 */
import { mkdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import * as nodePath from 'node:path';
import type { FileSystem } from '../core/fileSystem';
import { BUNDLED_SCHEMAS } from '../core/schemas/bundled';
import { contentHash, fingerprintsHold } from './checkInputs';
import type { CheckedFile, CheckTarget, FileResult } from './checkPaths';

/** Bumped when the file's shape or the meaning of an entry changes. */
const CACHE_FORMAT = 1;

/** Where `--cache` keeps its file without --cache-location (relative to the working folder). */
export const DEFAULT_CACHE_FOLDER = 'node_modules/.cache/cardwright';
const CACHE_FILE_NAME = 'check-cache.json';

interface CacheEntry {
  options: string;
  result: FileResult;
  inputs: [string, string][];
}

interface CacheFile {
  format: number;
  stamp: string;
  entries: Record<string, CacheEntry>;
}

/**
 * The cache file for `--cache-location` (absolute or relative to `cwd`): a folder (an existing
 * one, or a path ending in a slash) holds `check-cache.json`; anything else is the file itself.
 */
export function cacheFilePath(cwd: string, location: string | undefined): string {
  const given = nodePath.resolve(cwd, location ?? DEFAULT_CACHE_FOLDER);
  const folder = location === undefined || /[\\/]$/.test(location) || isFolder(given);
  return folder ? nodePath.join(given, CACHE_FILE_NAME) : given;
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * What makes every entry stale at once: the version, this build of the CLI (its bundle's size and
 * time: a rebuilt checkout with new rules but the same version), the bundled schemas.
 */
export function cacheStamp(version: string): string {
  let build = '';
  try {
    const stat = statSync(__filename);
    build = `${stat.size}:${Math.round(stat.mtimeMs)}`;
  } catch {
    // Not run from a file (tests): the version and the schemas decide.
  }
  return `${version}|${build}|${contentHash(JSON.stringify(BUNDLED_SCHEMAS))}`;
}

/** The hash of what a file's result depends on besides its inputs. */
function optionsKey(target: CheckTarget, reportUnusedDisables: boolean | undefined): string {
  return contentHash(JSON.stringify([target.kind ?? null, reportUnusedDisables === true, target.config]));
}

export class CheckCache {
  private readonly entries: Map<string, CacheEntry>;
  /** Answers of the file system already computed this run, shared by all entries. */
  private readonly answers = new Map<string, string>();
  private changed = false;

  private constructor(
    readonly file: string,
    private readonly stamp: string,
    entries: Record<string, CacheEntry>,
    private readonly reportUnusedDisables: boolean | undefined,
  ) {
    this.entries = new Map(Object.entries(entries));
  }

  /** The cache in `file`, or an empty one when it is missing, unreadable, corrupt or stale. */
  static load(file: string, stamp: string, reportUnusedDisables?: boolean): CheckCache {
    let entries: Record<string, CacheEntry> = {};
    try {
      const data = JSON.parse(readFileSync(file, 'utf8')) as Partial<CacheFile> | null;
      if (
        data?.format === CACHE_FORMAT &&
        data.stamp === stamp &&
        typeof data.entries === 'object' &&
        data.entries !== null &&
        !Array.isArray(data.entries)
      ) {
        entries = data.entries;
      }
    } catch {
      // No cache yet, or one that cannot be used: every file is checked, and the file rewritten.
    }
    const cache = new CheckCache(file, stamp, entries, reportUnusedDisables);
    cache.changed = Object.keys(entries).length === 0;
    return cache;
  }

  /** The cached result for `target`, when its options and every input are as they were. */
  lookup(target: CheckTarget, fs: FileSystem): FileResult | undefined {
    const entry = this.entries.get(target.path);
    if (!isEntry(entry) || entry.options !== optionsKey(target, this.reportUnusedDisables)) return undefined;
    return fingerprintsHold(entry.inputs, fs, this.answers) ? entry.result : undefined;
  }

  store(target: CheckTarget, checked: CheckedFile): void {
    this.entries.set(target.path, {
      options: optionsKey(target, this.reportUnusedDisables),
      result: checked.result,
      inputs: checked.inputs,
    });
    this.changed = true;
  }

  /**
   * Writes the cache when anything changed (temporary file, then rename). Entries of files that
   * no longer exist are dropped. Throws when the folder or file cannot be written.
   */
  save(fs: FileSystem): void {
    for (const path of [...this.entries.keys()]) {
      if (!fs.exists(path)) {
        this.entries.delete(path);
        this.changed = true;
      }
    }
    if (!this.changed) return;
    const data: CacheFile = { format: CACHE_FORMAT, stamp: this.stamp, entries: Object.fromEntries(this.entries) };
    mkdirSync(nodePath.dirname(this.file), { recursive: true });
    const temporary = `${this.file}.${process.pid}.${Date.now().toString(36)}.tmp`;
    try {
      writeFileSync(temporary, JSON.stringify(data));
      renameSync(temporary, this.file);
    } catch (error) {
      try {
        unlinkSync(temporary);
      } catch {
        // Never written.
      }
      throw error;
    }
    this.changed = false;
  }
}

function isEntry(entry: unknown): entry is CacheEntry {
  if (typeof entry !== 'object' || entry === null) return false;
  const { options, result, inputs } = entry as Partial<CacheEntry>;
  return (
    typeof options === 'string' &&
    typeof result === 'object' &&
    result !== null &&
    (('skip' in result && typeof result.skip === 'string') ||
      ('kind' in result && typeof result.kind === 'string' && Array.isArray(result.diagnostics))) &&
    Array.isArray(inputs) &&
    inputs.every((input) => Array.isArray(input) && typeof input[0] === 'string' && typeof input[1] === 'string')
  );
}
