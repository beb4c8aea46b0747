// What both launchers share: the command line, the temporary run folder, the environment the
// suite reads (see suite/index.ts), and the closing report, so a run means the same with either.
import { cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

export const e2eDir = dirname(fileURLToPath(import.meta.url));
export const repoRoot = resolve(e2eDir, '../..');
export const runtimeDir = join(e2eDir, '.runtime');

/**
 * Headless Chromium on this offline machine, run as root: without the background-networking
 * flags it keeps trying (and failing) to reach Google's hosts.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const OPTIONS = {
  workspace: { type: 'string' },
  tests: { type: 'string' },
  extension: { type: 'string', default: repoRoot },
  'copy-workspace': { type: 'boolean', default: false },
  untrusted: { type: 'boolean', default: false },
  grep: { type: 'string' },
  'timeout-ms': { type: 'string', default: '300000' },
  verbose: { type: 'boolean', default: false },
};

// Parses and checks the shared options (plus a launcher's own), exiting 2 with a usage message.
export function parseOptions(name, extra = {}) {
  const { values } = parseArgs({ options: { ...OPTIONS, ...extra } });
  const timeoutMs = Number(values['timeout-ms']);
  if (!values.workspace || !values.tests || !(timeoutMs > 0)) {
    usageError(
      `usage: node test/e2e/${name} --workspace DIR --tests FILE [--copy-workspace] [--untrusted]\n` +
        '         [--extension DIR] [--grep RE] [--timeout-ms N] [--verbose]',
    );
  }
  const opts = {
    ...values,
    workspace: resolve(values.workspace),
    tests: resolve(values.tests),
    extension: resolve(values.extension),
    timeoutMs,
  };
  if (!existsSync(opts.workspace)) usageError(`no workspace folder ${opts.workspace}`);
  if (!existsSync(opts.tests)) usageError(`no test entry ${opts.tests} (build it: node test/e2e/build.mjs)`);
  if (!existsSync(join(opts.extension, 'package.json'))) usageError(`no extension manifest in ${opts.extension}`);
  return opts;
}

export function usageError(message) {
  console.error(`e2e: ${message}`);
  process.exit(2);
}

// One temporary folder per run holds everything the editor writes, the results file and (with
// --copy-workspace) the workspace copy the tests may modify. The caller removes it.
export function prepareRun(opts) {
  const tmp = mkdtempSync(join(tmpdir(), 'cardwright-e2e-'));
  let workspace = opts.workspace;
  if (opts['copy-workspace']) {
    workspace = join(tmp, 'workspace', basename(opts.workspace));
    cpSync(opts.workspace, workspace, { recursive: true });
  }
  const resultsFile = join(tmp, 'results.json');
  const suiteEnv = {
    CARDWRIGHT_E2E_RESULTS: resultsFile,
    CARDWRIGHT_E2E_WORKSPACE: workspace,
    CARDWRIGHT_E2E_EXTENSION: opts.extension,
    CARDWRIGHT_E2E_UNTRUSTED: opts.untrusted ? '1' : '',
    CARDWRIGHT_E2E_GREP: opts.grep ?? '',
    // The language server runs under the network guard, and suite/network*.e2e.test.ts fail on any
    // connection it tried. VS Code drops NODE_OPTIONS from the extension host's environment, so
    // suite/index.ts sets it from this variable before the server is (re)started.
    CARDWRIGHT_E2E_SERVER_NODE_OPTIONS: `--require ${JSON.stringify(join(repoRoot, 'test', 'support', 'networkGuard.cjs'))}`,
    CARDWRIGHT_NETWORK_LOG: join(tmp, 'network.jsonl'),
    CARDWRIGHT_NETWORK_GUARD_ONLY: '(^|[\\\\/])dist[\\\\/]server\\.js$',
  };
  return { tmp, workspace, resultsFile, suiteEnv };
}

export function readResults(resultsFile) {
  return existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, 'utf8')) : undefined;
}

// Prints the outcome and returns the exit code: 0 only when results came back, at least one test
// ran, none failed and the editor reported success. The last line is the "N passed, N failed"
// summary that CI reads.
export function report(opts, outcome, results, startedAt) {
  const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
  if (outcome.timedOut) console.error(`e2e: timed out after ${opts.timeoutMs} ms`);
  if (outcome.error) console.error(`e2e: ${outcome.error.stack ?? outcome.error}`);
  if (!results) {
    console.error(
      `e2e: the suite wrote no results file (editor exit ${outcome.exitCode ?? 'none'}) after ${seconds} s`,
    );
    return 1;
  }
  const { passed, failed, pending } = results;
  for (const { title, error } of failed) console.error(`e2e: FAILED ${title}\n  ${error.split('\n')[0]}`);
  const ran = passed.length + failed.length;
  if (ran === 0) console.error('e2e: no test ran');
  console.log(`e2e: ${opts.untrusted ? 'untrusted' : 'trusted'} folder, ${seconds} s`);
  const skipped = pending.length > 0 ? `, ${pending.length} skipped` : '';
  console.log(`${passed.length} passed, ${failed.length} failed${skipped}`);
  return failed.length === 0 && ran > 0 && outcome.exitCode === 0 ? 0 : 1;
}
