// Runs the same e2e suite in a downloaded desktop VS Code through @vscode/test-electron, for
// contributors on ordinary machines. It cannot run where VS Code cannot be downloaded (use
// launch-code-server.mjs there); it then fails fast and says so. On Linux without a display, run
// it under xvfb-run.
//
//   node test/e2e/run-electron.mjs --workspace DIR --tests FILE [--copy-workspace] [--untrusted]
//        [--extension DIR] [--grep RE] [--timeout-ms N] [--vscode-version V | --vscode-executable PATH]
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { downloadAndUnzipVSCode, runTests, TestRunFailedError } from '@vscode/test-electron';
import { parseOptions, prepareRun, readResults, report, repoRoot } from './common.mjs';

const startedAt = Date.now();
const opts = parseOptions('run-electron.mjs', {
  'vscode-version': { type: 'string', default: 'stable' },
  'vscode-executable': { type: 'string' },
});
const run = prepareRun(opts);
const cachePath = join(repoRoot, '.vscode-test'); // git-ignored; reused across runs

let vscodeExecutablePath = opts['vscode-executable'];
if (!vscodeExecutablePath) {
  try {
    vscodeExecutablePath = await downloadAndUnzipVSCode({
      version: opts['vscode-version'],
      cachePath,
      timeout: 15_000,
    });
  } catch (error) {
    rmSync(run.tmp, { recursive: true, force: true });
    console.error(`e2e: could not download VS Code ${opts['vscode-version']}: ${error.message}`);
    console.error('e2e: offline? Pass --vscode-executable PATH, or use test/e2e/launch-code-server.mjs');
    process.exit(1);
  }
}

const launchArgs = [
  run.workspace, // the first launch argument is the folder to open
  `--user-data-dir=${join(run.tmp, 'user-data')}`, // fresh: no remembered trust decisions or state
  `--extensions-dir=${join(run.tmp, 'extensions')}`,
  '--disable-extensions', // other installed extensions; the one under development still loads
];

let outcome;
try {
  const options = {
    vscodeExecutablePath,
    extensionDevelopmentPath: opts.extension,
    extensionTestsPath: opts.tests,
    extensionTestsEnv: run.suiteEnv,
    launchArgs,
  };
  outcome = { exitCode: opts.untrusted ? await runUntrusted(options) : await runTests(options) };
} catch (error) {
  // runTests rejects with TestRunFailedError when VS Code exits non-zero, as it does when a test
  // failed: the results file tells that story better than the error.
  outcome = error instanceof TestRunFailedError ? { exitCode: error.code ?? 1 } : { error };
}
const results = readResults(run.resultsFile);
rmSync(run.tmp, { recursive: true, force: true });
process.exit(report(opts, outcome, results, startedAt));

// runTests always adds --disable-workspace-trust (test-electron 2.5), which would make the folder
// trusted. For the untrusted run, start VS Code with the same arguments minus that one.
function runUntrusted({ vscodeExecutablePath, extensionDevelopmentPath, extensionTestsPath, extensionTestsEnv }) {
  const args = [
    ...launchArgs,
    ...['--no-sandbox', '--disable-gpu-sandbox', '--disable-updates', '--skip-welcome', '--skip-release-notes'],
    `--extensionTestsPath=${extensionTestsPath}`,
    `--extensionDevelopmentPath=${extensionDevelopmentPath}`,
  ];
  const child = spawn(vscodeExecutablePath, args, { env: { ...process.env, ...extensionTestsEnv }, stdio: 'inherit' });
  return new Promise((resolveExit, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => resolveExit(code ?? 1));
  });
}
