import { pathToFileURL } from 'node:url';
import type { FileSystem } from '../core/fileSystem';
import { CHECK_SPEC, helpText, parseCliArgs, USAGE, UsageError, type CheckArgs } from './args';
import { CheckCache, cacheFilePath, cacheStamp } from './checkCache';
import {
  assembleOutcome,
  display,
  FileChecker,
  lazyBundledRegistry,
  planCheck,
  SKIP_REASONS,
  skipSummary,
  type CheckedFile,
  type CheckOutcome,
  type CheckTarget,
  type FileResult,
} from './checkPaths';
import { checkInWorkers, workerCount } from './checkWorkers';
import { runExample } from './exampleCommand';
import { runLink } from './linkCommand';
import { runNew } from './newCommand';
import { runReport } from './reportCommand';
import { formatJson } from './format/json';
import { formatSarif } from './format/sarif';
import { formatText } from './format/text';
import { RULE_DOCS_BASE } from '../core/docs';
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
    return withUsageErrors(() => runCheck(args, io), io);
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
 * `check`: the paths scanned once; each file's result from the cache when nothing it depends on
 * changed (`--cache`), the others checked here or, when there are many, in worker threads. A card
 * that links a training run is parsed once: the run's path comes from the same parsed document.
 */
async function runCheck(args: CheckArgs, io: CliIo): Promise<number> {
  const schemas = lazyBundledRegistry();
  const plan = planCheck(args, io, schemas);
  const cache = args.cache
    ? CheckCache.load(cacheFilePath(io.cwd, args.cacheLocation), cacheStamp(io.version), args.reportUnusedDisables)
    : undefined;
  // A cache file kept among the files checked is not one of them.
  if (cache) plan.files = plan.files.filter((file) => file.path !== toPosix(cache.file));
  const results: (FileResult | undefined)[] = new Array<FileResult | undefined>(plan.files.length);
  const pending: number[] = [];
  plan.files.forEach((file, index) => {
    if (file.ignored) return;
    const cached = cache?.lookup(file, io.fs);
    if (cached) results[index] = cached;
    else pending.push(index);
  });
  const targets = pending.map((index) => plan.files[index] as CheckTarget);
  const threads = workerCount(args.concurrency, targets.length);
  const checking = { reportUnusedDisables: args.reportUnusedDisables, recordInputs: cache !== undefined };
  let checked: CheckedFile[];
  if (threads > 0) {
    checked = await checkInWorkers(targets, threads, checking);
  } else {
    const checker = new FileChecker(io.fs, schemas, checking);
    checked = [];
    for (const target of targets) checked.push(await checker.check(target));
  }
  pending.forEach((index, at) => {
    const result = checked[at] as CheckedFile;
    results[index] = result.result;
    cache?.store(plan.files[index] as CheckTarget, result);
  });
  if (cache) {
    try {
      cache.save(io.fs);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      io.stderr(`cardwright: could not write the cache ${display(cache.file, io.cwd)}: ${reason}\n`);
    }
  }
  return reportCheck(
    args,
    io,
    assembleOutcome(plan, (index) => results[index], io.cwd),
  );
}

function reportCheck(args: CheckArgs, io: CliIo, outcome: CheckOutcome): number {
  const { reports, skipped, named } = outcome;
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
