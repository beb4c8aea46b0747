import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FileSystem } from '../../server/src/core/fileSystem';
import { discoverRuns, type RunDeps, type RunRecord } from '../../server/src/core/runs';
import { nodeFileSystem } from '../../server/src/node/nodeFileSystem';
import { createNodeRunDeps } from '../../server/src/node/runDeps';

/** The run fixtures written for these tests (test/fixtures/runs). */
export const RUN_FIXTURES = join(__dirname, '..', 'fixtures', 'runs').replace(/\\/g, '/');

/** Node deps over `fs` (node's by default): real hashing and the real sql.js reader. */
export function testRunDeps(fs: FileSystem = nodeFileSystem): RunDeps {
  return createNodeRunDeps(fs);
}

/** Wraps a FileSystem and records every path whose content was read (text or bytes). */
export function recordingFileSystem(fs: FileSystem): { fs: FileSystem; reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    fs: {
      readFile: (path) => (reads.push(path), fs.readFile(path)),
      readBinary: (path) => (reads.push(path), fs.readBinary?.(path)),
      exists: (path) => fs.exists(path),
      isDirectory: (path) => fs.isDirectory(path),
      readDirectory: (path) => fs.readDirectory(path),
    },
  };
}

/** The run of `tracker` whose path ends with `suffix`; fails the test when there is none. */
export function runAt(runs: readonly RunRecord[], tracker: RunRecord['tracker'], suffix: string): RunRecord {
  const run = runs.find((candidate) => candidate.tracker === tracker && candidate.path.endsWith(suffix));
  if (!run)
    throw new Error(`no ${tracker} run at …${suffix} in ${runs.map((r) => `${r.tracker}:${r.path}`).join(', ')}`);
  return run;
}

/** `<tracker> <id>` (or another field) of each run discovered below `root`, in discovery order. */
export async function listRuns(
  root: string,
  fs: FileSystem = nodeFileSystem,
  field: 'id' | 'name' | 'path' = 'id',
): Promise<string[]> {
  return (await discoverRuns(root, testRunDeps(fs))).map((run) => `${run.tracker} ${run[field]}`);
}

/**
 * The files of a fixture folder (test/fixtures/<relative>) as bytes, keyed by their path under
 * `at`: an in-memory workspace holding a copy of a run folder.
 */
export function fixtureFiles(relative: string, at: string): Record<string, Uint8Array> {
  const root = join(__dirname, '..', 'fixtures', relative);
  const files: Record<string, Uint8Array> = {};
  const walk = (folder: string, target: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(folder, entry.name), `${target}/${entry.name}`);
      else files[`${target}/${entry.name}`] = readFileSync(join(folder, entry.name));
    }
  };
  walk(root, at);
  return files;
}
