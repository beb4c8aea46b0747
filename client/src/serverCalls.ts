import * as vscode from 'vscode';
import type { LinkEditResult } from '../../server/src/lsp/protocol';

/**
 * Applies edits the server computed for one version of a document as a WorkspaceEdit (so undo
 * works). False, with nothing applied, when the document has changed since.
 */
export async function applyServerEdits(uri: string, result: LinkEditResult): Promise<boolean> {
  const target = vscode.Uri.parse(uri);
  const document = await vscode.workspace.openTextDocument(target);
  if (document.version !== result.version) return false;
  const edit = new vscode.WorkspaceEdit();
  for (const change of result.edits) {
    const { start, end } = change.range;
    edit.replace(target, new vscode.Range(start.line, start.character, end.line, end.character), change.newText);
  }
  return vscode.workspace.applyEdit(edit);
}
