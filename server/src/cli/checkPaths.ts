/**
 * What `check` and `report` share: the paths given -> the files to check (scan, git-ignore,
 * `ignore:` in the settings) -> one FileReport per card or config, and an account of what was
 * skipped and why.
 */
import { configForFile, isIgnored } from '../core/configForFile';
import type { DocumentKind } from '../core/document/kind';
import { dirname, type FileSystem } from '../core/fileSystem';
import { parseProjectConfig, ProjectConfigResolver, type ProjectConfig } from '../core/projectConfig';
import { createBundledRegistry } from '../core/schemas/bundled';
import type { SchemaRegistry } from '../core/schemas/registry';
import { WorkspaceSchemaLoader } from '../core/schemas/workspaceSchemas';
import { checkFile, type FileReport } from '../core/workspace/checkFile';
import { scanCandidates } from '../core/workspace/scan';
import type { RunRecord } from '../core/runs/runRecord';
import { nodeSha256 } from '../node/runDeps';
import type { SkippedFile, SkipReason } from './format/json';
import { UsageError } from './options';
import { absolutePath, display } from './cliPaths';

export interface CheckRequest {
  paths: readonly string[];
  kind?: DocumentKind;
  config?: string;
  noIgnore?: boolean;
  reportUnusedDisables?: boolean;
  /** Linked runs read ahead (readLinkedRuns), so a check reads no run itself (CheckOptions.runs). */
  runs?: ReadonlyMap<string, RunRecord>;
}

export interface CheckIo {
  cwd: string;
  fs: FileSystem;
}

export interface CheckOutcome {
  /** One per checked file, paths as shown (relative to the working folder when inside it). */
  reports: (FileReport & { config: ProjectConfig })[];
  /** Absolute paths passed over, with the reason. */
  skipped: SkippedFile[];
  /** Files named on the command line (absolute): a skipped one is named in the output. */
  named: Set<string>;
}

export function checkPaths(request: CheckRequest, io: CheckIo): CheckOutcome {
  const toAbsolute = (path: string): string => absolutePath(io.cwd, path);
  const schemas = createBundledRegistry();
  const forcedPath = request.config === undefined ? undefined : toAbsolute(request.config);
  const forced = forcedPath === undefined ? undefined : loadForcedConfig(forcedPath, io, schemas);
  const resolver = new ProjectConfigResolver(io.fs, schemas);
  // The CLI runs on the user's own repository at their request: its schema files are used.
  const workspaceSchemas = new WorkspaceSchemaLoader(io.fs, schemas);
  // Every settings file in force is checked too, so a broken one shows up in the report.
  const settingsFiles = new Set<string>(forcedPath ? [forcedPath] : []);
  /** The settings in force for a file: its `.cardwright.yaml` (or --config) with `overrides:` applied. */
  const configFor = (path: string): ProjectConfig => {
    const config = forced ?? resolver.forFolder(dirname(path)).config;
    if (config.source) settingsFiles.add(config.source);
    return configForFile(config, path);
  };

  const files = new Set<string>();
  const named = new Set<string>();
  const skipped: SkippedFile[] = [];
  for (const path of request.paths.map(toAbsolute)) {
    if (!io.fs.exists(path)) throw new UsageError(`cannot read "${display(path, io.cwd)}": no such file or folder.`);
    if (!io.fs.isDirectory(path)) named.add(path);
    const scan = scanCandidates(io.fs, path, { noIgnore: request.noIgnore });
    for (const file of scan.files) files.add(file);
    for (const ignored of scan.gitIgnored) skipped.push({ path: ignored, reason: 'git-ignored' });
  }
  const reports: CheckOutcome['reports'] = [];
  const check = (file: string, kind = request.kind): void => {
    const config = configFor(file);
    // `ignore:` in the settings: never checked, even when named on the command line.
    if (isIgnored(config, file)) {
      skipped.push({ path: file, reason: 'ignored-by-config' });
      return;
    }
    const { reportUnusedDisables, runs } = request;
    const options = {
      fs: io.fs,
      schemas,
      config,
      kind,
      workspaceSchemas,
      sha256: nodeSha256,
      reportUnusedDisables,
      runs,
    };
    const report = checkFile(file, options);
    if (report) reports.push({ ...report, path: display(report.path, io.cwd), config });
    else skipped.push({ path: file, reason: skipReason(io.fs, file) });
  };
  for (const file of files) check(file);
  for (const file of [...settingsFiles].filter((file) => !files.has(file))) check(file, 'project-config');
  return { reports, skipped, named };
}

function loadForcedConfig(path: string, io: CheckIo, schemas: SchemaRegistry): ProjectConfig {
  const text = io.fs.readFile(path);
  if (text === undefined) throw new UsageError(`cannot read the config file "${display(path, io.cwd)}".`);
  // Its problems are reported as diagnostics on it (config-invalid), like a discovered one's.
  return parseProjectConfig(text, path, schemas).config;
}

export { display };

export const SKIP_REASONS: Record<SkipReason, string> = {
  'git-ignored': 'git-ignored (use --no-ignore to check it)',
  'not-recognised': 'not recognised as a card or config (use --kind to check it as one)',
  'ignored-by-config': 'listed under ignore: in .cardwright.yaml',
  binary: 'a binary file',
  unreadable: 'could not be read',
};

/** Why checkFile returned nothing for a file that exists. */
function skipReason(fs: FileSystem, path: string): SkipReason {
  const text = fs.readFile(path);
  if (text === undefined) return 'unreadable';
  return text.includes('\u0000') ? 'binary' : 'not-recognised';
}

/** `5 paths skipped (2 git-ignored, 3 not recognised; use --kind to check them)`, or '' when none. */
export function skipSummary(skipped: readonly SkippedFile[]): string {
  if (skipped.length === 0) return '';
  const count = (reason: SkipReason): number => skipped.filter((file) => file.reason === reason).length;
  const parts = [
    count('git-ignored') && `${count('git-ignored')} git-ignored`,
    count('not-recognised') && `${count('not-recognised')} not recognised`,
    count('ignored-by-config') && `${count('ignored-by-config')} ignored by .cardwright.yaml`,
    count('binary') + count('unreadable') && `${count('binary') + count('unreadable')} binary or unreadable`,
  ].filter(Boolean);
  const hints = [
    count('not-recognised') > 0 && 'use --kind to check them',
    count('git-ignored') > 0 && '--no-ignore to include git-ignored files',
  ].filter(Boolean);
  const noun = skipped.length === 1 ? 'path' : 'paths';
  return `${skipped.length} ${noun} skipped (${parts.join(', ')}${hints.length ? `; ${hints.join(', ')}` : ''})`;
}
