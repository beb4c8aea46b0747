/**
 * What one file's check read, as fingerprints (`--cache`): each question the check asked the file
 * system (read a file, read its bytes, does it exist, is it a folder, a link, what a folder holds)
 * with what the answer was, hashed. A cached result stays valid while every question still gets
 * the same answer: the card itself, a linked file, a run folder, the siblings kind detection
 * looked at, a workspace schema. The same idea as the language server's inputTracker (which
 * records the paths to watch them); here the answers are kept, as nothing is watched between runs.
 */
import { createHash } from 'node:crypto';
import type { FileSystem } from '../core/fileSystem';

/** `op:path` -> the answer's fingerprint. Ops: t(ext), b(ytes), e(xists), d(irectory), l(ink), ls. */
export type Fingerprints = Map<string, string>;

type Op = 't' | 'b' | 'e' | 'd' | 'l' | 'ls';

export function contentHash(content: string | Uint8Array): string {
  return createHash('sha1').update(content).digest('base64');
}

const flag = (value: boolean): string => (value ? '1' : '0');
const textPrint = (text: string | undefined): string => (text === undefined ? '-' : contentHash(text));
const bytesPrint = (bytes: Uint8Array | undefined): string => (bytes === undefined ? '-' : contentHash(bytes));
const listingPrint = (names: readonly string[]): string => contentHash(names.join('\n'));

/**
 * A file system that notes each answer it gives into `sink` while one is set (a check at a
 * time: the CLI checks files one after another in each thread).
 */
export class RecordingFileSystem {
  sink: Fingerprints | undefined;
  readonly fs: FileSystem;

  constructor(base: FileSystem) {
    const note = <T>(op: Op, path: string, value: T, print: (value: T) => string): T => {
      this.sink?.set(`${op}:${path}`, print(value));
      return value;
    };
    this.fs = {
      readFile: (path) => note('t', path, base.readFile(path), textPrint),
      exists: (path) => note('e', path, base.exists(path), flag),
      isDirectory: (path) => note('d', path, base.isDirectory(path), flag),
      ...(base.isSymbolicLink
        ? { isSymbolicLink: (path: string) => note('l', path, base.isSymbolicLink?.(path) === true, flag) }
        : {}),
      readDirectory: (path) => note('ls', path, base.readDirectory(path), listingPrint),
      ...(base.readBinary
        ? { readBinary: (path: string) => note('b', path, base.readBinary?.(path), bytesPrint) }
        : {}),
    };
  }

  /** Runs `work` with its reads noted into `sink` (restoring the previous sink after). */
  record<T>(sink: Fingerprints, work: () => T): T {
    const outer = this.sink;
    this.sink = sink;
    try {
      return work();
    } finally {
      this.sink = outer;
    }
  }
}

/**
 * Whether every recorded question gets the same answer now. `memo` is shared by all the entries
 * validated in one run, so a folder listing or a file several cards read is asked about once.
 */
export function fingerprintsHold(
  recorded: Iterable<readonly [string, string]>,
  fs: FileSystem,
  memo: Map<string, string>,
): boolean {
  for (const [key, expected] of recorded) {
    let now = memo.get(key);
    if (now === undefined) {
      now = answerNow(key, fs);
      memo.set(key, now);
    }
    if (now !== expected) return false;
  }
  return true;
}

function answerNow(key: string, fs: FileSystem): string {
  const colon = key.indexOf(':');
  const op = key.slice(0, colon) as Op;
  const path = key.slice(colon + 1);
  switch (op) {
    case 't':
      return textPrint(fs.readFile(path));
    case 'b':
      return fs.readBinary ? bytesPrint(fs.readBinary(path)) : '?';
    case 'e':
      return flag(fs.exists(path));
    case 'd':
      return flag(fs.isDirectory(path));
    case 'l':
      return flag(fs.isSymbolicLink?.(path) === true);
    case 'ls':
      return listingPrint(fs.readDirectory(path));
    default:
      return '?';
  }
}
