import { joinPath, type FileSystem } from '../fileSystem';
import { configValue, parseGitConfig, type GitConfigEntry } from './config';
import { parsePackIndex, type PackIndex } from './packIndex';
import { parsePackedRefs, readLooseRef, refCandidates, resolveFullRef, type PackedRef } from './refs';
import { stripCredentials } from './remoteUrl';
import { findRepository, resolvePath, type GitRepository } from './repository';

export type Head =
  | {
      detached: false;
      branch: string;
      ref: string;
      /** Undefined on an unborn branch (no commit yet). */ commit?: string;
    }
  | { detached: true; commit: string };

/** The shortest abbreviation git accepts (`core.abbrev` minimum). */
const MIN_ABBREV = 4;
/** objects/info/alternates may chain: git stops at depth 5. */
const MAX_ALTERNATE_DEPTH = 5;

/**
 * Reads facts from a repository's files, never running git. Files are read when first needed
 * and kept for this reader's life: make one per check, so later commits are seen.
 */
export class GitReader {
  private configEntries?: GitConfigEntry[];
  private packedRefs?: Map<string, PackedRef>;
  private objectDirs?: string[];
  private packIndexes?: PackIndex[];

  constructor(
    readonly repo: GitRepository,
    private readonly fs: FileSystem,
  ) {}

  /**
   * HEAD: the branch it is on (and that branch's commit), or the commit it is detached at.
   * Undefined when refs are kept in a reftable (binary; its HEAD file is a placeholder).
   */
  head(): Head | undefined {
    if (this.usesReftable()) return undefined;
    const head = readLooseRef(this.fs, this.repo, 'HEAD');
    if (!head) return undefined;
    if ('id' in head) return { detached: true, commit: head.id };
    const commit = resolveFullRef(this.fs, this.repo, head.target, () => this.packed());
    const branch = head.target.replace(/^refs\/heads\//, '');
    return commit
      ? { detached: false, branch, ref: head.target, commit }
      : { detached: false, branch, ref: head.target };
  }

  /** The current branch's short name; undefined when HEAD is detached. */
  branch(): string | undefined {
    const head = this.head();
    return head && !head.detached ? head.branch : undefined;
  }

  /** `remote.<name>.url` from the config, without credentials (see stripCredentials). */
  remoteUrl(name = 'origin'): string | undefined {
    const url = configValue(this.config(), 'remote', name, 'url');
    return url ? stripCredentials(url) : undefined;
  }

  /** The remotes named in the config, in order. */
  remotes(): string[] {
    const names = this.config().flatMap((entry) =>
      entry.section === 'remote' && entry.subsection ? [entry.subsection] : [],
    );
    return [...new Set(names)];
  }

  /**
   * The object id a revision names: `HEAD`, a full or short ref name, a full id, or an
   * abbreviated id (at least 4 hex digits) that only one object starts with. Undefined when it
   * names nothing here, or more than one object. Revision arithmetic (`HEAD~1`, `v1^{}`) is not
   * supported: it needs commit objects, which are compressed.
   */
  resolve(revision: string): string | undefined {
    const rev = revision.trim();
    if (rev === '') return undefined;
    // A ref wins over an id that looks the same, as in git.
    const refs = this.usesReftable() ? [] : refCandidates(rev);
    for (const ref of refs) {
      const id = resolveFullRef(this.fs, this.repo, ref, () => this.packed());
      if (id) return id;
    }
    const matches = this.findObjects(rev, 2);
    return matches.length === 1 ? matches[0] : undefined;
  }

  /**
   * Whether the object exists locally (loose, in a pack, or in an alternate store). A full id
   * names exactly one object, so a commit id found here is that commit. An abbreviated id is
   * true when any object starts with it.
   */
  hasObject(id: string): boolean {
    const wanted = id.trim().toLowerCase();
    if (wanted.length === this.hashLength() * 2 && /^[0-9a-f]+$/.test(wanted)) {
      const looseName = `${wanted.slice(0, 2)}/${wanted.slice(2)}`;
      if (this.dirs().some((dir) => this.fs.exists(joinPath(dir, looseName)))) return true;
      return this.packs().some((pack) => pack.has(wanted));
    }
    return this.findObjects(wanted, 1).length > 0;
  }

  /** Ids of the objects starting with the hex `prefix` (4+ digits), at most `limit`, sorted. */
  findObjects(prefix: string, limit = 16): string[] {
    const wanted = prefix.trim().toLowerCase();
    if (wanted.length < MIN_ABBREV || wanted.length > this.hashLength() * 2 || !/^[0-9a-f]+$/.test(wanted)) return [];
    const found = new Set<string>();
    const bucket = wanted.slice(0, 2);
    for (const dir of this.dirs()) {
      for (const name of this.fs.readDirectory(joinPath(dir, bucket))) {
        const id = bucket + name;
        if (id.startsWith(wanted) && id.length === this.hashLength() * 2) found.add(id);
      }
    }
    for (const pack of this.packs()) for (const id of pack.findByPrefix(wanted, limit)) found.add(id);
    return [...found].sort().slice(0, limit);
  }

  /** Refs in a reftable (`git init --ref-format=reftable`, git 2.45+) are not read. */
  usesReftable(): boolean {
    return configValue(this.config(), 'extensions', undefined, 'refstorage')?.toLowerCase() === 'reftable';
  }

  /** 20-byte ids, or 32 in a repository created with `--object-format=sha256`. */
  hashLength(): number {
    return configValue(this.config(), 'extensions', undefined, 'objectformat')?.toLowerCase() === 'sha256' ? 32 : 20;
  }

  private config(): GitConfigEntry[] {
    // The shared config, then the worktree's own (extensions.worktreeConfig) which overrides it.
    this.configEntries ??= [
      joinPath(this.repo.commonDir, 'config'),
      joinPath(this.repo.gitDir, 'config.worktree'),
    ].flatMap((path) => parseGitConfig(this.fs.readFile(path) ?? ''));
    return this.configEntries;
  }

  private packed(): Map<string, PackedRef> {
    this.packedRefs ??= parsePackedRefs(this.fs.readFile(joinPath(this.repo.commonDir, 'packed-refs')) ?? '');
    return this.packedRefs;
  }

  /** The object store and its alternates (objects/info/alternates: one path a line, may be relative). */
  private dirs(): string[] {
    if (this.objectDirs) return this.objectDirs;
    const dirs: string[] = [];
    const visit = (dir: string, depth: number): void => {
      if (dirs.includes(dir) || depth > MAX_ALTERNATE_DEPTH) return;
      dirs.push(dir);
      for (const line of (this.fs.readFile(joinPath(dir, 'info/alternates')) ?? '').split(/\r?\n/)) {
        const alternate = line.trim();
        if (alternate && !alternate.startsWith('#')) visit(resolvePath(dir, alternate), depth + 1);
      }
    };
    visit(joinPath(this.repo.commonDir, 'objects'), 0);
    this.objectDirs = dirs;
    return dirs;
  }

  private packs(): PackIndex[] {
    if (this.packIndexes) return this.packIndexes;
    const packs: PackIndex[] = [];
    for (const dir of this.dirs()) {
      const packDir = joinPath(dir, 'pack');
      for (const name of this.fs
        .readDirectory(packDir)
        .filter((entry) => entry.endsWith('.idx'))
        .sort()) {
        const bytes = this.fs.readBinary?.(joinPath(packDir, name));
        const index = bytes ? parsePackIndex(bytes, this.hashLength()) : undefined;
        if (index) packs.push(index);
      }
    }
    this.packIndexes = packs;
    return packs;
  }
}

/** A reader for the repository containing `path`, or undefined outside one. */
export function openGitRepository(path: string, fs: FileSystem): GitReader | undefined {
  const repo = findRepository(path, fs);
  return repo ? new GitReader(repo, fs) : undefined;
}

/** What a provenance block says about code: where HEAD is and where the repository came from. */
export interface GitFacts {
  workTree: string;
  commit?: string;
  branch?: string;
  detached: boolean;
  remote?: string;
}

/** HEAD's commit and branch and the origin URL of the repository containing `path`. */
export function readGitFacts(path: string, fs: FileSystem): GitFacts | undefined {
  const reader = openGitRepository(path, fs);
  if (!reader) return undefined;
  const head = reader.head();
  const facts: GitFacts = { workTree: reader.repo.workTree, detached: head?.detached ?? false };
  if (head?.commit) facts.commit = head.commit;
  if (head && !head.detached) facts.branch = head.branch;
  const remote =
    reader.remoteUrl() ??
    reader
      .remotes()
      .map((name) => reader.remoteUrl(name))
      .find(Boolean);
  if (remote) facts.remote = remote;
  return facts;
}
