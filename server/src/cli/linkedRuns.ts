import { ParsedDocument } from '../core/document/parsedDocument';
import { basename, dirname, type FileSystem } from '../core/fileSystem';
import { linkedRunPath, readLinkedRun } from '../core/provenance/linkedRun';
import type { RunRecord } from '../core/runs/runRecord';
import { scanCandidates } from '../core/workspace/scan';
import { createNodeRunDeps } from '../node/runDeps';
import { absolutePath } from './cliPaths';

/**
 * The runs the model cards under `paths` link, each read once for the whole invocation (a run in
 * `mlflow.db` through the async SQLite reader, which a check cannot call): the checks' `runs`.
 * Only files that mention `provenance` are parsed. Undefined when no card links a run, so a plain
 * check stays synchronous.
 */
export function linkedRunPaths(
  paths: readonly string[],
  io: { cwd: string; fs: FileSystem },
  noIgnore?: boolean,
): string[] {
  const found = new Set<string>();
  for (const path of paths.map((path) => absolutePath(io.cwd, path))) {
    if (!io.fs.exists(path)) continue;
    for (const file of scanCandidates(io.fs, path, { noIgnore }).files) {
      const text = io.fs.readFile(file);
      if (text === undefined || !text.includes('provenance')) continue;
      const doc = new ParsedDocument(
        { uri: file, fileName: basename(file), version: 0, text },
        { siblings: () => io.fs.readDirectory(dirname(file)) },
      );
      const runPath = linkedRunPath(doc, file);
      if (runPath) found.add(runPath);
    }
  }
  return [...found];
}

export async function readLinkedRuns(runPaths: readonly string[], fs: FileSystem): Promise<Map<string, RunRecord>> {
  const deps = createNodeRunDeps(fs);
  const runs = new Map<string, RunRecord>();
  for (const runPath of runPaths) await readLinkedRun(runPath, deps, runs).catch(() => false);
  return runs;
}
