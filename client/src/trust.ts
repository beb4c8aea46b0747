import * as vscode from 'vscode';

/**
 * In an untrusted folder Cardwright runs in limited mode (bundled schemas only, no file written:
 * the commands that would write one say why). A language status item says so where the user
 * looks, next to the language.
 */
export function showTrustStatus(): vscode.Disposable {
  const item = vscode.languages.createLanguageStatusItem('cardwright.trust', ['markdown', 'yaml', 'json', 'jsonc']);
  const update = (): void => {
    const trusted = vscode.workspace.isTrusted;
    item.text = trusted ? 'Cardwright' : 'Cardwright: limited mode';
    item.detail = trusted
      ? 'Checking cards and configs'
      : 'Untrusted folder: schema files from the workspace are not compiled (only bundled schemas are used) and no file is written';
    item.severity = trusted ? vscode.LanguageStatusSeverity.Information : vscode.LanguageStatusSeverity.Warning;
    item.command = trusted ? undefined : { title: 'Manage Workspace Trust', command: 'workbench.trust.manage' };
  };
  update();
  const listener = vscode.workspace.onDidGrantWorkspaceTrust(update);
  return vscode.Disposable.from(item, listener);
}
