import { pathToFileURL } from 'node:url';
import type { Connection } from 'vscode-languageserver';
import type { FileSystem } from '../core/fileSystem';
import type { ProjectConfig } from '../core/projectConfig';
import type { SchemaRegistry } from '../core/schemas/registry';
import type { WorkspaceSchemaLoader } from '../core/schemas/workspaceSchemas';
import { isIgnored } from '../core/configForFile';
import { checkParsedFile, parseFile, type FileReport } from '../core/workspace/checkFile';
import { linkedRunPath, readLinkedRun } from '../core/provenance/linkedRun';
import type { RunDeps } from '../core/runs/runDeps';
import type { RunRecord } from '../core/runs/runRecord';
import { findCandidateFiles } from '../core/workspace/scan';
import { toLspDiagnostics } from './convert';
import type { CheckWorkspaceResult } from './protocol';

export interface WorkspaceCheckDeps extends DiskCheckDeps {
  connection: Connection;
  /** The rule pages' folder URI the client gave (see InitializationOptions.ruleDocsBase). */
  ruleDocsBase?: string;
  /** Open documents are checked live from the editor's text; skip their files on disk. */
  isOpen(uri: string): boolean;
  /** Called as each file's diagnostics are pushed (so opening it mid-check hands over at once). */
  published?(uri: string): void;
  supportsProgress: boolean;
}

/**
 * Checks every card and config below the workspace folders and pushes their diagnostics, so they
 * appear in the Problems panel without opening each file. Yields between files to stay
 * responsive, and reports progress when the client supports it.
 */
export async function checkWorkspace(
  folders: readonly string[],
  deps: WorkspaceCheckDeps,
): Promise<CheckWorkspaceResult> {
  const progress = deps.supportsProgress ? await deps.connection.window.createWorkDoneProgress() : undefined;
  const found = new Set(folders.flatMap((folder) => findCandidateFiles(deps.fs, folder)));
  // `ignore:` in `.cardwright.yaml`: never checked, as the CLI does not check them either.
  const files = [...found].filter((path) => !isIgnored(deps.configFor(path), path));
  progress?.begin('Cardwright: checking the workspace', 0, `${files.length} files`, true);
  const result = { files: 0, errors: 0, warnings: 0 };
  /** Each linked run read once for this check (as the CLI does), the checks' `runs`. */
  const runs = new Map<string, RunRecord>();
  const read = new Set<string>();
  for (const [index, path] of files.entries()) {
    if (progress?.token.isCancellationRequested) break;
    const uri = pathToFileURL(path).href;
    if (deps.isOpen(uri)) continue;
    const report = await checkFileWithRun(path, deps, runs, read);
    if (report) {
      result.files++;
      result.errors += report.diagnostics.filter((d) => d.severity === 'error').length;
      result.warnings += report.diagnostics.filter((d) => d.severity === 'warning').length;
      await deps.connection.sendDiagnostics({
        uri,
        diagnostics: toLspDiagnostics(uri, report.diagnostics, deps.ruleDocsBase),
      });
      deps.published?.(uri);
    }
    progress?.report(Math.round(((index + 1) / files.length) * 100), path.slice(path.lastIndexOf('/') + 1));
    await new Promise((resolve) => setImmediate(resolve));
  }
  progress?.done();
  return result;
}

/** What checking a file on disk needs: Check Workspace's and the Cards view's dependencies both have it. */
export interface DiskCheckDeps {
  fs: FileSystem;
  schemas: SchemaRegistry;
  configFor(path: string): ProjectConfig;
  workspaceSchemas?: WorkspaceSchemaLoader;
  /** Reading linked runs, and the hashing `run-config-changed` needs. */
  runDeps?: RunDeps;
}

/**
 * Checks one file on disk with the training run it links, read into `runs` first (once:
 * mlflow.db needs the asynchronous SQLite reader a check cannot call). One read and one parse of
 * the file, as the CLI's FileChecker does. A run in `tried` is not read again (one that could not
 * be read is not retried for every card that links it).
 */
export async function checkFileWithRun(
  path: string,
  deps: DiskCheckDeps,
  runs: Map<string, RunRecord>,
  tried?: Set<string>,
): Promise<FileReport | undefined> {
  const { runDeps } = deps;
  const options = {
    fs: deps.fs,
    schemas: deps.schemas,
    config: deps.configFor(path),
    workspaceSchemas: deps.workspaceSchemas,
    sha256: runDeps?.sha256,
    runs,
  };
  const doc = parseFile(path, options);
  if (!doc) return undefined;
  // Only a card that mentions `provenance` can link a run (the cheap test first).
  const runPath = runDeps && doc.text.text.includes('provenance') ? linkedRunPath(doc, path) : undefined;
  if (runPath && runDeps && !runs.has(runPath) && !tried?.has(runPath)) {
    tried?.add(runPath);
    await readLinkedRun(runPath, runDeps, runs).catch(() => false);
  }
  return checkParsedFile(doc, path, options);
}
