// Shared helpers for the extension's e2e tests: waiting on events (never fixed sleeps) and
// reading diagnostic codes the way VS Code stores them.
import * as assert from 'node:assert/strict';
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
