import { posix } from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { mayWriteFiles } from './notices';
import { applyServerEdits } from './serverCalls';
import {
  GettingStartedRequest,
  PlanExampleRequest,
  PlanNewCardRequest,
  type ExamplePlanParams,
  type ExamplePlanResult,
  type NewCardParams,
} from '../../server/src/lsp/protocol';

/** Arguments for programmatic use (code actions, tests); the user is asked for what is missing. */
export interface GenerateExampleArgs {
  uri?: string;
  /** Absolute path of the script. */
  path?: string;
  /** Replace a script the user edited without asking (tests only; the UI always asks). */
  overwrite?: boolean;
  /** Add a "How to Get Started" section pointing at the script: true/false, or ask when absent. */
  addSection?: boolean;
}

/** Writes `text` to a new or replaced file through a WorkspaceEdit (undo works), then opens it. */
async function writeAndOpen(
  target: vscode.Uri,
  text: string,
  overwrite: boolean,
): Promise<vscode.TextEditor | undefined> {
  const edit = new vscode.WorkspaceEdit();
  edit.createFile(target, { overwrite, contents: new TextEncoder().encode(text) });
  if (!(await vscode.workspace.applyEdit(edit))) {
    void vscode.window.showErrorMessage(`Cardwright could not write ${vscode.workspace.asRelativePath(target)}.`);
    return undefined;
  }
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(target));
}

/** Generate Example Script: plan on the server, pick the path, ask before replacing edits, write. */
export async function generateExample(
  client: LanguageClient,
  args: GenerateExampleArgs = {},
): Promise<string | undefined> {
  if (!mayWriteFiles('Generate Example Script')) return undefined;
  const uri = args.uri ?? vscode.window.activeTextEditor?.document.uri.toString();
  if (!uri) {
    void vscode.window.showWarningMessage('Open a model card first, then run Generate Example Script.');
    return undefined;
  }
  const ask = (params: ExamplePlanParams): Promise<ExamplePlanResult | null> =>
    client.sendRequest(PlanExampleRequest, params);
  let plan = await ask({ uri, path: args.path });
  if (!plan) return undefined;
  if (!args.path) {
    const chosen = await vscode.window.showSaveDialog({
      defaultUri: vscode.Uri.file(plan.path),
      filters: { Python: ['py'] },
      title: 'Save the example script',
    });
    if (!chosen) return undefined;
    if (chosen.fsPath !== plan.path) plan = await ask({ uri, path: chosen.path });
    if (!plan) return undefined;
  }
  if (plan.outside) {
    void vscode.window.showErrorMessage('Cardwright writes example scripts only inside the workspace.');
    return undefined;
  }
  if (plan.existing === 'edited' && !args.overwrite) {
    const replace = await vscode.window.showWarningMessage(
      `${vscode.workspace.asRelativePath(plan.path)} exists and was changed since Cardwright wrote it (or Cardwright did not write it). Replace it?`,
      { modal: true },
      'Replace',
    );
    if (replace !== 'Replace') return undefined;
  }
  if (!(await writeAndOpen(vscode.Uri.file(plan.path), plan.text, plan.existing !== 'none'))) return undefined;
  await offerGettingStarted(client, uri, plan.path, args.addSection);
  return plan.path;
}

/** When the card does not say how to run the model, offer a section that points at the script. */
async function offerGettingStarted(
  client: LanguageClient,
  uri: string,
  scriptPath: string,
  add: boolean | undefined,
): Promise<void> {
  if (add === false) return;
  // Open the card first, so the server computes the edit for the version the editor holds.
  await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
  const section = await client.sendRequest(GettingStartedRequest, { uri, scriptPath });
  if (!section || section.edits.length === 0) return;
  if (add === undefined) {
    const choice = await vscode.window.showInformationMessage(
      'The card does not say how to run the model. Add a "How to Get Started" section that points at the script?',
      'Add Section',
    );
    if (choice !== 'Add Section') return;
  }
  // The user may have typed while the prompt was up: the edit then does not apply.
  await applyServerEdits(uri, section);
}

/** New Model Card / New Dataset Card: pick a folder, get the template from the server, write it. */
export async function newCard(
  client: LanguageClient,
  kind: NewCardParams['kind'],
  folder?: string,
): Promise<string | undefined> {
  if (!mayWriteFiles(kind === 'model-card' ? 'New Model Card' : 'New Dataset Card')) return undefined;
  let target = folder;
  if (!target) {
    const picked = await vscode.window.showOpenDialog({
      canSelectFolders: true,
      canSelectFiles: false,
      defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
      openLabel: kind === 'model-card' ? 'Create the model card here' : 'Create the dataset card here',
    });
    target = picked?.[0]?.path;
  }
  if (!target) return undefined;
  // `..` resolved first: `<workspace>/../x` is outside. The server refuses such a folder too.
  target = posix.normalize(target);
  if (!vscode.workspace.getWorkspaceFolder(vscode.Uri.file(target))) {
    void vscode.window.showErrorMessage('Cardwright writes new cards only inside the workspace.');
    return undefined;
  }
  const plan = await client.sendRequest(PlanNewCardRequest, { kind, folder: target });
  if (!plan) {
    void vscode.window.showWarningMessage(
      'That folder already has a README.md and a card file: Cardwright overwrites neither.',
    );
    return undefined;
  }
  await writeAndOpen(vscode.Uri.file(plan.path), plan.text, false);
  return plan.path;
}
