import * as vscode from 'vscode';

/**
 * The notifications that explain why Cardwright did not do something (the server stopped after
 * crashing, a file not written in Restricted Mode). Each is also kept, oldest first, and the
 * extension's API returns them (`CardwrightApi.notices`): the e2e tests read them there, since
 * VS Code has no API to read a notification back.
 */
const shown: string[] = [];

export function noticesShown(): readonly string[] {
  return shown;
}

export function showErrorNotice(message: string, ...actions: string[]): Thenable<string | undefined> {
  shown.push(message);
  return vscode.window.showErrorMessage(message, ...actions);
}

export function showWarningNotice(message: string, ...actions: string[]): Thenable<string | undefined> {
  shown.push(message);
  return vscode.window.showWarningMessage(message, ...actions);
}

/**
 * Restricted Mode: Cardwright writes no file in a folder the user has not trusted. Says so, with
 * the way out, and returns false; true when the folder is trusted.
 */
export function mayWriteFiles(what: string): boolean {
  if (vscode.workspace.isTrusted) return true;
  void showWarningNotice(
    `Cardwright does not write files in Restricted Mode: ${what} is available once you trust this folder.`,
    'Manage Workspace Trust',
  ).then((choice) => {
    if (choice) void vscode.commands.executeCommand('workbench.trust.manage');
  });
  return false;
}
