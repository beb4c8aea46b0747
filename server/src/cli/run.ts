import { pathToFileURL } from 'node:url';
import type { FileSystem } from '../core/fileSystem';
import { CHECK_SPEC, helpText, parseCliArgs, USAGE, UsageError, type CheckArgs } from './args';
import { checkPaths, display, SKIP_REASONS, skipSummary } from './checkPaths';
import { runExample } from './exampleCommand';
import { runLink } from './linkCommand';
import { runNew } from './newCommand';
import { runReport } from './reportCommand';
import { formatJson } from './format/json';
import { formatSarif } from './format/sarif';
import { formatText } from './format/text';
import { linkedRunPaths, readLinkedRuns } from './linkedRuns';
import { RULE_DOCS_BASE } from '../core/docs';
import type { RunRecord } from '../core/runs/runRecord';
import * as nodePath from 'node:path';
import { toPosix } from './cliPaths';

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
  report: runReport,
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

/**
 * `check`: synchronous, unless a card links a training run; then every linked run is read once
 * (asynchronously: `mlflow.db` needs the SQLite reader) and the checks use those records.
 */
function runCheck(args: CheckArgs, io: CliIo): number | Promise<number> {
  const runPaths = linkedRunPaths(args.paths, io, args.noIgnore);
  if (runPaths.length === 0) return reportCheck(args, io);
  return readLinkedRuns(runPaths, io.fs).then((runs) => reportCheck(args, io, runs));
}

function reportCheck(args: CheckArgs, io: CliIo, runs?: ReadonlyMap<string, RunRecord>): number {
  const { reports, skipped, named } = checkPaths({ ...args, runs }, io);
  const docs = rulePages(io.fs);

  // A hook passes every staged file: what is not a card or config is none of its business.
  const reported = args.skipUnknown ? skipped.filter((file) => file.reason !== 'not-recognised') : skipped;
  const shownSkips = reported.map((file) => ({ ...file, path: display(file.path, io.cwd) }));
  if (args.format === 'json') io.stdout(formatJson(reports, shownSkips, docs));
  else if (args.format === 'sarif') io.stdout(formatSarif(reports, io.version, pathToFileURL(io.cwd + '/').href));
  else io.stdout(formatText(reports, docs));
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

/**
 * Where the rule pages are: `docs/rules/` beside `dist/` (the npm package and the .vsix ship it;
 * from a checkout it is the repository's), else the pages on GitHub.
 */
function rulePages(fs: FileSystem): string {
  for (const candidate of [
    nodePath.join(__dirname, '..', 'docs', 'rules'),
    nodePath.join(__dirname, '..', '..', '..', 'docs', 'rules'),
  ]) {
    const folder = toPosix(candidate);
    if (fs.isDirectory(folder)) return folder;
  }
  return RULE_DOCS_BASE;
}
