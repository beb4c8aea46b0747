import { pathToFileURL } from 'node:url';
import { WatchKind, type FileSystemWatcher } from 'vscode-languageserver';
import { basename, dirname, type FileSystem } from '../core/fileSystem';
import { emptyInputs, type CheckInputs } from '../core/inputs';
import { isSameOrInside } from '../core/paths';

type Cache<T> = Map<string, T>;

/**
 * The file system as document checks see it in the server: every path a check asks about is
 * recorded as that document's input, and (when the client will tell us about changes, through the
 * watchers registered from those inputs) answered from a cache until a watch event invalidates it.
 * So a keystroke in a linked card re-reads nothing on disk: not the run folder, not git's pack
 * indexes, not the linked config. Reads outside a check (commands, Check Workspace) pass through.
 */
export class InputTracker {
  readonly fs: FileSystem;
  private current: CheckInputs | undefined;
  private readonly texts: Cache<string | undefined> = new Map();
  private readonly binaries: Cache<Uint8Array | undefined> = new Map();
  private readonly existing: Cache<boolean> = new Map();
  private readonly folders: Cache<boolean> = new Map();
  private readonly links: Cache<boolean> = new Map();
  private readonly listings: Cache<string[]> = new Map();

  constructor(
    private readonly base: FileSystem,
    /** Cache only when watch events will arrive to invalidate it. */
    private readonly caching: () => boolean,
  ) {
    const cached = <T>(cache: Cache<T>, path: string, read: () => T, listing = false): T => {
      const recording = this.current;
      if (!recording) return read();
      if (listing) recording.folders.add(path);
      else recording.files.add(path);
      if (!this.caching()) return read();
      if (cache.has(path)) return cache.get(path) as T;
      const value = read();
      cache.set(path, value);
      return value;
    };
    this.fs = {
      readFile: (path) => cached(this.texts, path, () => base.readFile(path)),
      exists: (path) => cached(this.existing, path, () => base.exists(path)),
      isDirectory: (path) => cached(this.folders, path, () => base.isDirectory(path)),
      ...(base.isSymbolicLink
        ? { isSymbolicLink: (path: string) => cached(this.links, path, () => base.isSymbolicLink?.(path) === true) }
        : {}),
      readDirectory: (path) => [...cached(this.listings, path, () => base.readDirectory(path), true)],
      ...(base.readBinary
        ? { readBinary: (path: string) => cached(this.binaries, path, () => base.readBinary?.(path)) }
        : {}),
    };
  }

  /** Runs a (synchronous) check and returns what it read through `fs`. */
  record<T>(check: () => T): { result: T; inputs: CheckInputs } {
    const outer = this.current;
    const inputs = emptyInputs();
    this.current = inputs;
    try {
      return { result: check(), inputs };
    } finally {
      this.current = outer;
      if (outer) {
        for (const path of inputs.files) outer.files.add(path);
        for (const folder of inputs.folders) outer.folders.add(folder);
      }
    }
  }

  /** A watch event for `path` (a file, or a folder as a whole): forget it, what is below it, its folder's listing. */
  invalidate(path: string): void {
    for (const cache of this.caches()) {
      for (const key of [...cache.keys()]) if (isSameOrInside(key, path)) cache.delete(key);
    }
    this.listings.delete(dirname(path));
  }

  /** Drops cached answers for paths no open document reads any more (they are no longer watched). */
  retain(inputs: CheckInputs): void {
    for (const cache of this.caches()) {
      for (const key of [...cache.keys()]) {
        const kept = cache === this.listings ? inputs.folders.has(key) : inputs.files.has(key);
        if (!kept) cache.delete(key);
      }
    }
  }

  private caches(): Cache<unknown>[] {
    return [this.texts, this.binaries, this.existing, this.folders, this.links, this.listings];
  }
}

/** Characters that mean something in a glob: matched by `?` (any one character) instead. */
const GLOB_SPECIAL = /[[\]{}*?,!\\]/g;

function literal(name: string): string {
  return name.replace(GLOB_SPECIAL, '?');
}

/** Project settings: any of them can change the rules for any document (a static watcher). */
export const PROJECT_CONFIG_GLOB = '**/.cardwright.{yaml,yml}';

/**
 * The watchers for a set of inputs: one per folder, naming the files read there (`{a,b}`), or `*`
 * for a folder whose entries were listed; relative to the folder when the client supports that
 * (files outside the workspace are watched too), else as absolute globs.
 */
export function watchersFor(inputs: CheckInputs, relativePatterns: boolean): FileSystemWatcher[] {
  const byFolder = new Map<string, Set<string>>();
  for (const path of inputs.files) {
    if (path === '/') continue;
    const folder = dirname(path);
    const names = byFolder.get(folder) ?? new Set<string>();
    names.add(basename(path));
    byFolder.set(folder, names);
  }
  for (const folder of inputs.folders) byFolder.set(folder, new Set(['*']));
  const watchers: FileSystemWatcher[] = [{ globPattern: PROJECT_CONFIG_GLOB }];
  for (const [folder, names] of [...byFolder].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const list = names.has('*') ? ['*'] : [...names].sort().map(literal);
    const pattern = list.length === 1 ? (list[0] ?? '*') : `{${list.join(',')}}`;
    const kind = WatchKind.Create | WatchKind.Change | WatchKind.Delete;
    watchers.push(
      relativePatterns
        ? { globPattern: { baseUri: pathToFileURL(folder).href, pattern }, kind }
        : { globPattern: `${folder === '/' ? '' : literal(folder)}/${pattern}`, kind },
    );
  }
  return watchers;
}
