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

function runCheck(args: CheckArgs, io: CliIo): number {
  const { reports, skipped, named } = checkPaths(args, io);

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
