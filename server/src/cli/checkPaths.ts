/**
 * What `check` and `report` share: the paths given -> the files to check (scan, git-ignore,
 * `ignore:` in the settings) -> one FileReport per card or config, and an account of what was
 * skipped and why.
 */
import { configForFile, isIgnored } from '../core/configForFile';
import type { CardDiagnostic } from '../core/diagnostic';
import type { DocumentKind } from '../core/document/kind';
import { dirname, type FileSystem } from '../core/fileSystem';
import { linkedRunPath } from '../core/provenance/linkedRun';
import { parseProjectConfig, ProjectConfigResolver, type ProjectConfig } from '../core/projectConfig';
import { createBundledRegistry } from '../core/schemas/bundled';
import type { SchemaRegistry } from '../core/schemas/registry';
import { WorkspaceSchemaLoader } from '../core/schemas/workspaceSchemas';
import { checkParsedFile, parseFile, type FileReport } from '../core/workspace/checkFile';
import { scanCandidates } from '../core/workspace/scan';
import { nodeSha256 } from '../node/runDeps';
import { RecordingFileSystem, type Fingerprints } from './checkInputs';
import type { SkippedFile, SkipReason } from './format/json';
import { LinkedRuns } from './linkedRuns';
import { UsageError } from './options';
import { absolutePath, display } from './cliPaths';

export interface CheckRequest {
  paths: readonly string[];
  kind?: DocumentKind;
  config?: string;
  noIgnore?: boolean;
  reportUnusedDisables?: boolean;
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

/** A file to check with everything its result depends on besides the files it reads. */
export interface CheckTarget {
  path: string;
  /** Forced kind: `--kind`, or `project-config` for a settings file found on the way. */
  kind?: DocumentKind;
  /** The settings in force for it (its `.cardwright.yaml` or --config, `overrides:` applied). */
  config: ProjectConfig;
}

/** The paths given, scanned once: every candidate in scan order, then the settings files in force. */
export interface CheckPlan {
  /** A file to check, or (`ignored`) one the settings' `ignore:` leaves out. */
  files: (CheckTarget & { ignored: boolean })[];
  /** Git-ignored paths the scan passed over. */
  gitIgnored: string[];
  named: Set<string>;
}

/** What checking one file gave: its kind and diagnostics, or why it was not checked. */
export type FileResult = { kind: DocumentKind; diagnostics: CardDiagnostic[] } | { skip: SkipReason };

/** A file's result with what its check asked the file system (the cache's validity). */
export interface CheckedFile {
  result: FileResult;
  inputs: [string, string][];
}

/**
 * Scans the paths (once) and resolves the settings of every file: what `check` and `report` then
 * check, with the cache, in worker threads or here.
 */
export function planCheck(
  request: CheckRequest,
  io: CheckIo,
  schemas: SchemaRegistry = lazyBundledRegistry(),
): CheckPlan {
  const toAbsolute = (path: string): string => absolutePath(io.cwd, path);
  const forcedPath = request.config === undefined ? undefined : toAbsolute(request.config);
  const forced = forcedPath === undefined ? undefined : loadForcedConfig(forcedPath, io, schemas);
  const resolver = new ProjectConfigResolver(io.fs, schemas);
  // Every settings file in force is checked too, so a broken one shows up in the report.
  const settingsFiles = new Set<string>(forcedPath ? [forcedPath] : []);
  /** The settings in force for a file: its `.cardwright.yaml` (or --config) with `overrides:` applied. */
  const configFor = (path: string): ProjectConfig => {
    const config = forced ?? resolver.forFolder(dirname(path)).config;
    if (config.source) settingsFiles.add(config.source);
    return configForFile(config, path);
  };

  const candidates = new Set<string>();
  const named = new Set<string>();
  const gitIgnored: string[] = [];
  for (const path of request.paths.map(toAbsolute)) {
    if (!io.fs.exists(path)) throw new UsageError(`cannot read "${display(path, io.cwd)}": no such file or folder.`);
    if (!io.fs.isDirectory(path)) named.add(path);
    const scan = scanCandidates(io.fs, path, { noIgnore: request.noIgnore });
    for (const file of scan.files) candidates.add(file);
    gitIgnored.push(...scan.gitIgnored);
  }
  const files: CheckPlan['files'] = [];
  const plan = (path: string, kind: DocumentKind | undefined): void => {
    const config = configFor(path);
    // `ignore:` in the settings: never checked, even when named on the command line.
    files.push({ path, kind, config, ignored: isIgnored(config, path) });
  };
  for (const file of candidates) plan(file, request.kind);
  for (const file of [...settingsFiles].filter((file) => !candidates.has(file))) plan(file, 'project-config');
  return { files, gitIgnored, named };
}

/** Puts results (one per planned file, in order; none for ignored ones) into the outcome's shape. */
export function assembleOutcome(
  plan: CheckPlan,
  resultOf: (index: number) => (FileResult & { doc?: FileReport['doc'] }) | undefined,
  cwd: string,
): CheckOutcome {
  const reports: CheckOutcome['reports'] = [];
  const skipped: SkippedFile[] = plan.gitIgnored.map((path) => ({ path, reason: 'git-ignored' }));
  plan.files.forEach((file, index) => {
    const result = file.ignored ? undefined : resultOf(index);
    if (!result) skipped.push({ path: file.path, reason: 'ignored-by-config' });
    else if ('skip' in result) skipped.push({ path: file.path, reason: result.skip });
    else {
      const report: FileReport = { path: display(file.path, cwd), kind: result.kind, diagnostics: result.diagnostics };
      if (result.doc) report.doc = result.doc;
      reports.push({ ...report, config: file.config });
    }
  });
  return { reports, skipped, named: plan.named };
}

/** How a FileChecker checks. */
export interface CheckerOptions {
  reportUnusedDisables?: boolean;
  /**
   * Note what each check asked the file system, hashed (`CheckedFile.inputs`, for `--cache`).
   * Off, nothing is hashed: without the cache the hashes of every card read were thrown away.
   */
  recordInputs?: boolean;
}

/**
 * Checks planned files one at a time, in this thread (the CLI's main thread, or one worker):
 * the registry, the workspace schemas and the linked runs are shared by all its files.
 */
export class FileChecker {
  private readonly recorder: RecordingFileSystem;
  private readonly workspaceSchemas: WorkspaceSchemaLoader;
  private readonly linkedRuns: LinkedRuns;

  constructor(
    fs: FileSystem,
    private readonly schemas: SchemaRegistry,
    private readonly checking: CheckerOptions = {},
  ) {
    this.recorder = new RecordingFileSystem(fs);
    // The CLI runs on the user's own repository at their request: its schema files are used.
    this.workspaceSchemas = new WorkspaceSchemaLoader(this.recorder.fs, schemas);
    this.linkedRuns = new LinkedRuns(fs);
  }

  /** Checks without linked runs and keeps the parsed document (for `report`'s summaries). */
  checkNow(target: CheckTarget): FileResult & { doc?: FileReport['doc'] } {
    const doc = parseFile(target.path, this.options(target));
    if (!doc) return { skip: this.skipReason(target.path) };
    const report = checkParsedFile(doc, target.path, this.options(target));
    return { kind: report.kind, diagnostics: report.diagnostics, doc };
  }

  /**
   * Checks with the run the card links (read once per thread, asynchronously: `mlflow.db` needs
   * the SQLite reader) and returns what the check asked the file system, the run's reads included.
   * The card is parsed once: the same document gives the run's path and the diagnostics.
   */
  async check(target: CheckTarget): Promise<CheckedFile> {
    const inputs: Fingerprints = new Map();
    const record = <T>(work: () => T): T =>
      this.checking.recordInputs === false ? work() : this.recorder.record(inputs, work);
    const options = this.options(target);
    const doc = record(() => parseFile(target.path, options));
    if (!doc) {
      const skip = record(() => this.skipReason(target.path));
      return { result: { skip }, inputs: [...inputs] };
    }
    // Only a card that mentions `provenance` can link a run (the cheap test first).
    const runPath = doc.text.text.includes('provenance') ? record(() => linkedRunPath(doc, target.path)) : undefined;
    const linked = runPath === undefined ? undefined : await this.linkedRuns.get(runPath);
    if (this.checking.recordInputs !== false) for (const [key, value] of linked?.inputs ?? []) inputs.set(key, value);
    const report = record(() =>
      checkParsedFile(doc, target.path, { ...options, ...(linked ? { runs: linked.runs } : {}) }),
    );
    return { result: { kind: report.kind, diagnostics: report.diagnostics }, inputs: [...inputs] };
  }

  private options(target: CheckTarget) {
    return {
      fs: this.recorder.fs,
      schemas: this.schemas,
      config: target.config,
      kind: target.kind,
      workspaceSchemas: this.workspaceSchemas,
      sha256: nodeSha256,
      reportUnusedDisables: this.checking.reportUnusedDisables,
    };
  }

  /** Why parseFile returned nothing for a file that exists. */
  private skipReason(path: string): SkipReason {
    const text = this.recorder.fs.readFile(path);
    if (text === undefined) return 'unreadable';
    return text.includes('\u0000') ? 'binary' : 'not-recognised';
  }
}

/** `check`'s and `report`'s files checked here, synchronously, without linked runs (`report`). */
export function checkPaths(request: CheckRequest, io: CheckIo): CheckOutcome {
  const schemas = lazyBundledRegistry();
  const plan = planCheck(request, io, schemas);
  const checker = new FileChecker(io.fs, schemas, { reportUnusedDisables: request.reportUnusedDisables });
  return assembleOutcome(plan, (index) => checker.checkNow(plan.files[index] as CheckTarget), io.cwd);
}

/**
 * The bundled registry, created on first use: a run whose results all come from the cache, in a
 * folder without settings, never needs it.
 */
export function lazyBundledRegistry(): SchemaRegistry {
  let registry: SchemaRegistry | undefined;
  return new Proxy({} as SchemaRegistry, {
    get(_target, property) {
      registry ??= createBundledRegistry();
      const value: unknown = Reflect.get(registry, property, registry);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(registry) : value;
    },
  });
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
