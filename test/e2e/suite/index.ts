// Test entry that VS Code's extension host loads (extensionTestsPath). It is runner-agnostic: the
// code-server launcher and @vscode/test-electron both call run() and only look at whether it
// settles or rejects. The per-test outcome goes to a JSON file as well, because the code-server
// launcher only learns "exit 0/1" from the workbench and must tell an empty run from a green one.
//
// Environment (set by the launchers through extensionEnvironment / extensionTestsEnv):
//   CARDWRIGHT_E2E_RESULTS    file to write {passed, failed, pending} into
//   CARDWRIGHT_E2E_UNTRUSTED  "1": run only *.untrusted.e2e.test.js (the folder opened untrusted);
//                             otherwise run every other *.e2e.test.js
//   CARDWRIGHT_E2E_GREP       optional mocha --grep
//   CARDWRIGHT_E2E_SERVER_NODE_OPTIONS  NODE_OPTIONS for the language server (the network guard)
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';

export interface E2eResults {
  passed: string[];
  failed: { title: string; error: string }[];
  pending: string[];
}

const UNTRUSTED_SUFFIX = '.untrusted.e2e.test.js';

export function testFiles(folder: string, untrusted: boolean): string[] {
  return readdirSync(folder)
    .filter((name) => name.endsWith('.e2e.test.js') && name.endsWith(UNTRUSTED_SUFFIX) === untrusted)
    .sort()
    .map((name) => join(folder, name));
}

/**
 * The language server inherits the extension host's process.env when the client forks it, but
 * VS Code removes NODE_OPTIONS from that environment: set it here, then restart the server (it
 * may have started with the workbench) so that every server of the run has the network guard.
 */
async function guardLanguageServer(): Promise<void> {
  const options = process.env.CARDWRIGHT_E2E_SERVER_NODE_OPTIONS;
  if (!options) return;
  process.env.NODE_OPTIONS = options;
  await vscode.extensions.all.find((extension) => extension.packageJSON?.name === 'cardwright')?.activate();
  await vscode.commands.executeCommand('cardwright.restartServer');
}

export async function run(): Promise<void> {
  await guardLanguageServer();
  return runMocha();
}

function runMocha(): Promise<void> {
  // The workbench loads, the extension host starts and the extension activates before the first
  // test: a cold language server on 2 cores can take seconds, so be generous.
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, slow: 5_000 });
  if (process.env.CARDWRIGHT_E2E_GREP) mocha.grep(process.env.CARDWRIGHT_E2E_GREP);
  const files = testFiles(__dirname, process.env.CARDWRIGHT_E2E_UNTRUSTED === '1');
  for (const file of files) mocha.addFile(file);

  const results: E2eResults = { passed: [], failed: [], pending: [] };
  return new Promise((resolve, reject) => {
    if (files.length === 0) return reject(new Error(`No *.e2e.test.js files in ${__dirname}`));
    const runner = mocha.run((failures) => {
      const out = process.env.CARDWRIGHT_E2E_RESULTS;
      if (out) writeFileSync(out, JSON.stringify(results, null, 2));
      if (failures > 0 || results.failed.length > 0) reject(new Error(`${failures} e2e test(s) failed`));
      else resolve();
    });
    runner.on('pass', (test) => results.passed.push(test.fullTitle()));
    runner.on('pending', (test) => results.pending.push(test.fullTitle()));
    // 'fail' also fires for hooks ("before all" hook ...), which count as failures too.
    runner.on('fail', (test, error: Error) =>
      results.failed.push({ title: test.fullTitle(), error: error?.stack ?? String(error) }),
    );
  });
}
