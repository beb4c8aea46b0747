// Shared helpers for the extension's e2e tests: waiting on events (never fixed sleeps) and
// reading diagnostic codes the way VS Code stores them.
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as vscode from 'vscode';

export function workspaceUri(...segments: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, ...segments);
}

/** `code` is `{ value, target }` when the diagnostic links to its documentation. */
export function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return typeof code === 'object' && code !== null ? String(code.value) : String(code);
}

export function codesOf(uri: vscode.Uri): string[] {
  return vscode.languages.getDiagnostics(uri).map(codeOf);
}

/**
 * Resolves with the diagnostics of `uri` once `accept` holds, checking on every
 * onDidChangeDiagnostics event for that file. The timeout only turns a hang into a failure.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  accept: (diagnostics: vscode.Diagnostic[]) => boolean,
  timeoutMs = 45_000,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const diagnostics = vscode.languages.getDiagnostics(uri);
      if (!accept(diagnostics)) return false;
      cleanup();
      resolve(diagnostics);
      return true;
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((changed) => changed.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`diagnostics of ${uri.fsPath} never matched; last: ${JSON.stringify(codesOf(uri))}`));
    }, timeoutMs);
    const cleanup = (): void => {
      subscription.dispose();
      clearTimeout(timer);
    };
    check();
  });
}

export async function openCard(...segments: string[]): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(workspaceUri(...segments));
  return vscode.window.showTextDocument(document);
}

/** The position just after the first occurrence of `text` in the document. */
export function positionAfter(document: vscode.TextDocument, text: string): vscode.Position {
  const offset = document.getText().indexOf(text);
  assert.ok(offset >= 0, `"${text}" is not in ${document.uri.fsPath}`);
  return document.positionAt(offset + text.length);
}

/** What the extension's `activate` returns (client/src/extension.ts `CardwrightApi`). */
export interface CardwrightApi {
  serverPid(): number | undefined;
  serverState(): 'starting' | 'running' | 'stopped';
  notices(): readonly string[];
}

/** The extension, activated (the API it returns). */
export async function cardwrightApi(): Promise<CardwrightApi> {
  const extension = vscode.extensions.all.find((candidate) => candidate.packageJSON?.name === 'cardwright');
  assert.ok(extension, 'the Cardwright extension is not loaded');
  return (await extension.activate()) as CardwrightApi;
}

/**
 * Polls `probe` every 100 ms until it returns a value (for states no event announces, such as a
 * server process starting); the timeout only turns a hang into a failure.
 */
export async function until<T>(what: string, probe: () => T | undefined, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * The network guard's record (test/support/networkGuard.cjs, put in the server's NODE_OPTIONS
 * by the launchers): asserts it is loaded into the running server, and that no guarded process
 * tried to connect anywhere so far.
 */
export async function assertServerStayedOffline(api: CardwrightApi): Promise<void> {
  const log = process.env.CARDWRIGHT_NETWORK_LOG;
  assert.ok(log, 'CARDWRIGHT_NETWORK_LOG is not set: run the suite through a launcher');
  const pid = await until('the server to run', () => api.serverPid());
  const entries = (existsSync(log) ? readFileSync(log, 'utf8') : '')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { pid: number; loaded?: true; call?: string });
  assert.ok(
    entries.some((entry) => entry.loaded && entry.pid === pid),
    `the network guard is not loaded into the server (pid ${pid}): ${JSON.stringify(entries)}`,
  );
  assert.deepEqual(
    entries.flatMap((entry) => (entry.call ? [entry.call] : [])),
    [],
    'the language server tried to reach the network',
  );
}
