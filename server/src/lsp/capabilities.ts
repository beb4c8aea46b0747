import {
  CodeActionKind,
  TextDocumentSyncKind,
  type ClientCapabilities,
  type InitializeResult,
} from 'vscode-languageserver';
import { Commands } from './protocol';

/**
 * The answer to `initialize`: a function of the client's capabilities alone, so that the small
 * start-up bundle (main.ts) can send it before the checking code (serverCore.ts) is loaded.
 * Diagnostics are pulled when the client can pull them, pushed otherwise.
 */
export function initializeResult(client: ClientCapabilities): InitializeResult {
  const pull = client.textDocument?.diagnostic !== undefined;
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      ...(pull ? { diagnosticProvider: { interFileDependencies: true, workspaceDiagnostics: false } } : {}),
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite] },
      completionProvider: { triggerCharacters: [':', ' ', '-', '#'] },
      hoverProvider: true,
      documentSymbolProvider: true,
      codeLensProvider: { resolveProvider: false },
      executeCommandProvider: { commands: Object.values(Commands) },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'cardwright', version: '0.1.0' },
  };
}
