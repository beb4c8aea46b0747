import { dirname, type FileSystem } from './fileSystem';
import { isInside } from './paths';

/**
 * What a check read: the paths it asked about (read, stat'ed or looked for, existing or not) and
 * the folders it listed. A host that keeps these per document re-checks a document only when one
 * of its inputs changes, and watches only those paths (see the language server's inputTracker).
 */
export interface CheckInputs {
  /** Absolute paths read or looked for (a path that did not exist is an input too: it may appear). */
  files: Set<string>;
  /** Absolute folders whose entries were listed: a file created or deleted in one is a change. */
  folders: Set<string>;
}

export function emptyInputs(): CheckInputs {
  return { files: new Set(), folders: new Set() };
}

export function mergeInputs(into: CheckInputs, from: CheckInputs): CheckInputs {
  for (const path of from.files) into.files.add(path);
  for (const folder of from.folders) into.folders.add(folder);
  return into;
}

/**
 * Whether a change at `changed` (a file, or a folder created or deleted as a whole) can change
 * what a check with these inputs reads: it is an input, it is in a listed folder, or it is a
 * folder holding an input.
 */
export function affectedBy(inputs: CheckInputs, changed: string): boolean {
  if (inputs.files.has(changed) || inputs.folders.has(changed) || inputs.folders.has(dirname(changed))) return true;
  for (const path of inputs.files) if (isInside(path, changed)) return true;
  for (const folder of inputs.folders) if (isInside(folder, changed)) return true;
  return false;
}

/** `fs` that notes every path asked about into `inputs` (a check's own reads, for its host). */
export function recordingFileSystem(fs: FileSystem, inputs: CheckInputs): FileSystem {
  const note = (path: string): void => void inputs.files.add(path);
  return {
    readFile: (path) => (note(path), fs.readFile(path)),
    exists: (path) => (note(path), fs.exists(path)),
    isDirectory: (path) => (note(path), fs.isDirectory(path)),
    ...(fs.isSymbolicLink
      ? { isSymbolicLink: (path: string) => (note(path), fs.isSymbolicLink?.(path) === true) }
      : {}),
    readDirectory: (path) => (inputs.folders.add(path), fs.readDirectory(path)),
    ...(fs.readBinary ? { readBinary: (path: string) => (note(path), fs.readBinary?.(path)) } : {}),
  };
}
