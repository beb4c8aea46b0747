import * as nodePath from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FileSystem } from '../core/fileSystem';
import { dirname } from '../core/fileSystem';
import { configForFile, isIgnored } from '../core/configForFile';
import { parseProjectConfig, ProjectConfigResolver, type ProjectConfig } from '../core/projectConfig';
import { createBundledRegistry } from '../core/schemas/bundled';
import { WorkspaceSchemaLoader } from '../core/schemas/workspaceSchemas';
import type { SchemaRegistry } from '../core/schemas/registry';
import { checkFile, type FileReport } from '../core/workspace/checkFile';
import { scanCandidates } from '../core/workspace/scan';
import { nodeSha256 } from '../node/runDeps';
import { CHECK_SPEC, helpText, parseCliArgs, USAGE, UsageError, type CheckArgs } from './args';
import { runExample } from './exampleCommand';
import { runLink } from './linkCommand';
import { runNew } from './newCommand';
import { formatJson, type SkippedFile, type SkipReason } from './format/json';
import { formatSarif } from './format/sarif';
import { formatText } from './format/text';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
  fs: FileSystem;
  version: string;
}

/** Commands besides `check`, each in its own module (some are async: they read run stores). */
const SUBCOMMANDS: Record<string, (argv: string[], io: CliIo) => number | Promise<number>> = {
  example: runExample,
  link: runLink,
  new: runNew,
};

/** Runs the command line and returns the exit code (0 clean, 1 findings, 2 usage). */
export function runCli(argv: string[], io: CliIo): number | Promise<number> {
  try {
    const subcommand = argv[0] !== undefined ? SUBCOMMANDS[argv[0]] : undefined;
    if (subcommand) return withUsageErrors(() => subcommand(argv.slice(1), io), io);
    const args = parseCliArgs(argv);
    if (args.command === 'help') {
      io.stdout(USAGE + '\n');
      return 0;
    }
    if (args.command === 'check-help') {
      io.stdout(helpText(CHECK_SPEC) + '\n');
      return 0;
    }
    if (args.command === 'version') {
      io.stdout(io.version + '\n');
      return 0;
    }
    return runCheck(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`cardwright: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

/** Usage errors from a subcommand (sync or async) become a one-line reason and exit status 2. */
function withUsageErrors(run: () => number | Promise<number>, io: CliIo): number | Promise<number> {
  const fail = (error: unknown): number => {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`cardwright: ${error.message}\n`);
    return 2;
  };
  try {
    const result = run();
    return typeof result === 'number' ? result : result.catch(fail);
  } catch (error) {
    return fail(error);
  }
}

function runCheck(args: CheckArgs, io: CliIo): number {
  const toAbsolute = (path: string): string => nodePath.resolve(io.cwd, path).split(nodePath.sep).join('/');
  const schemas = createBundledRegistry();
  const forcedPath = args.config === undefined ? undefined : toAbsolute(args.config);
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
  for (const path of args.paths.map(toAbsolute)) {
    if (!io.fs.exists(path)) throw new UsageError(`cannot read "${display(path, io.cwd)}": no such file or folder.`);
    if (!io.fs.isDirectory(path)) named.add(path);
    const scan = scanCandidates(io.fs, path, { noIgnore: args.noIgnore });
    for (const file of scan.files) files.add(file);
    for (const ignored of scan.gitIgnored) skipped.push({ path: ignored, reason: 'git-ignored' });
  }
  const reports: FileReport[] = [];
  const check = (file: string, kind = args.kind): void => {
    const config = configFor(file);
    // `ignore:` in the settings: never checked, even when named on the command line.
    if (isIgnored(config, file)) {
      skipped.push({ path: file, reason: 'ignored-by-config' });
      return;
    }
    const { reportUnusedDisables } = args;
    const options = { fs: io.fs, schemas, config, kind, workspaceSchemas, sha256: nodeSha256, reportUnusedDisables };
    const report = checkFile(file, options);
    if (report) reports.push({ ...report, path: display(report.path, io.cwd) });
    else skipped.push({ path: file, reason: skipReason(io.fs, file) });
  };
  for (const file of files) check(file);
  for (const file of [...settingsFiles].filter((file) => !files.has(file))) check(file, 'project-config');

  // A hook passes every staged file: what is not a card or config is none of its business.
  const reported = args.skipUnknown ? skipped.filter((file) => file.reason !== 'not-recognised') : skipped;
  const shownSkips = reported.map((file) => ({ ...file, path: display(file.path, io.cwd) }));
  if (args.format === 'json') io.stdout(formatJson(reports, shownSkips));
  else if (args.format === 'sarif') io.stdout(formatSarif(reports, io.version, pathToFileURL(io.cwd + '/').href));
  else io.stdout(formatText(reports));
  for (const file of reported.filter((entry) => named.has(entry.path))) {
    io.stderr(`cardwright: skipped ${display(file.path, io.cwd)}: ${SKIP_REASONS[file.reason]}.\n`);
  }
  const summary = skipSummary(reported);
  if (reports.length === 0 && !args.allowEmpty) {
    io.stderr(
      `cardwright: no file was checked${summary ? `: ${summary}` : ' (no card or config in the paths given)'}. Use --allow-empty to accept that.\n`,
    );
    return 2;
  }
  if (summary && args.format !== 'json') io.stderr(`cardwright: ${summary}.\n`);

  const all = reports.flatMap((report) => report.diagnostics);
  const errors = all.filter((d) => d.severity === 'error').length;
  const warnings = all.filter((d) => d.severity === 'warning').length;
  if (errors > 0) return 1;
  if (args.maxWarnings !== undefined && warnings > args.maxWarnings) {
    io.stderr(`cardwright: ${warnings} warnings, more than --max-warnings ${args.maxWarnings}.\n`);
    return 1;
  }
  return 0;
}

const SKIP_REASONS: Record<SkipReason, string> = {
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

/** `5 files skipped (2 git-ignored, 3 not recognised; use --kind to check them)`, or '' when none. */
function skipSummary(skipped: readonly SkippedFile[]): string {
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

function loadForcedConfig(path: string, io: CliIo, schemas: SchemaRegistry): ProjectConfig {
  const text = io.fs.readFile(path);
  if (text === undefined) throw new UsageError(`cannot read the config file "${display(path, io.cwd)}".`);
  // Its problems are reported as diagnostics on it (config-invalid), like a discovered one's.
  return parseProjectConfig(text, path, schemas).config;
}

/** Paths in output: relative to the working folder when inside it, with forward slashes. */
function display(path: string, cwd: string): string {
  const relative = nodePath.relative(cwd, path).split(nodePath.sep).join('/');
  return relative === '' ? '.' : relative.startsWith('..') ? path : relative;
}
