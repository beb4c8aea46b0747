import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { applyServerEdits } from './serverCalls';
import {
  DiscoverRunsRequest,
  LinkRunRequest,
  type LinkEditResult,
  type LinkParams,
  type RunSummary,
} from '../../server/src/lsp/protocol';

/** For code actions and tests; whatever is missing is asked with QuickPicks. */
export interface LinkRunArgs {
  uri?: string;
  runPath?: string;
  writeMetrics?: boolean;
}

interface RunItem extends vscode.QuickPickItem {
  run: RunSummary;
}

/**
 * Link Training Run: the server finds the runs and computes the edits; this picks a run (and
 * whether to fill model-index metrics) and applies the edits as a WorkspaceEdit (undoable).
 */
export async function linkTrainingRun(
  client: LanguageClient,
  args: LinkRunArgs = {},
): Promise<LinkEditResult | undefined> {
  const uri = args.uri ?? vscode.window.activeTextEditor?.document.uri.toString();
  if (!uri) {
    void vscode.window.showWarningMessage('Open the model card to link, then run Link Training Run.');
    return undefined;
  }
  let runPath = args.runPath;
  if (!runPath) {
    const runs = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: 'Cardwright: finding training runs' },
      () => client.sendRequest(DiscoverRunsRequest, { uri }),
    );
    if (runs.length === 0) {
      void vscode.window.showInformationMessage(
        'No training runs found in this workspace (MLflow, W&B, HF Trainer, Lightning, Hydra or DVC).',
      );
      return undefined;
    }
    const picked = await vscode.window.showQuickPick<RunItem>(
      runs.map((run) => ({
        label: run.name,
        description: [run.tracker, run.start?.slice(0, 16).replace('T', ' '), run.status].filter(Boolean).join(' · '),
        detail:
          [run.metrics.join('  '), ...run.notes].filter(Boolean).join(' — ') ||
          vscode.workspace.asRelativePath(run.path),
        run,
      })),
      {
        title: 'Link Training Run',
        placeHolder: 'The run that produced this model',
        matchOnDescription: true,
        matchOnDetail: true,
      },
    );
    if (!picked) return undefined;
    runPath = picked.run.path;
  }
  let writeMetrics = args.writeMetrics;
  if (writeMetrics === undefined) {
    const choice = await vscode.window.showQuickPick(
      ['Link the run', 'Link the run and fill model-index metrics from it'],
      {
        title: 'Link Training Run',
      },
    );
    if (!choice) return undefined;
    writeMetrics = choice.includes('metrics');
  }
  // Open the card first, so the server computes the edits for the version the editor holds.
  await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
  const params: LinkParams = { uri, runPath, writeMetrics };
  const result = await client.sendRequest(LinkRunRequest, params);
  if (!result) return undefined;
  if (result.problem) {
    void vscode.window.showErrorMessage(`Cardwright could not link the run: ${result.problem}`);
    return result;
  }
  if (!(await applyServerEdits(uri, result))) {
    void vscode.window.showWarningMessage('The card changed while linking: run Link Training Run again.');
    return undefined;
  }
  const summary =
    result.edits.length === 0
      ? 'The card already records this run.'
      : 'Linked the run: the provenance block is in the front matter.';
  void vscode.window.showInformationMessage([summary, ...result.notes].join(' '));
  return result;
}
