import type { ClientCapabilities, InitializeResult } from 'vscode-languageserver';
import { Commands } from './commands';

// The protocol library's constants, written out: this module must not load the library (a unit
// test compares them with it).
/** TextDocumentSyncKind.Incremental */
export const INCREMENTAL = 2;
/** CodeActionKind.QuickFix */
export const QUICK_FIX = 'quickfix';
/** CodeActionKind.RefactorRewrite */
export const REFACTOR_REWRITE = 'refactor.rewrite';

/**
 * The answer to `initialize`: a function of the client's capabilities alone, so that the small
 * start-up bundle (main.ts) can send it before the protocol library and the checking code
 * (serverCore.ts) are loaded. Diagnostics are pulled when the client can pull them, pushed
 * otherwise.
 */
export function initializeResult(client: ClientCapabilities): InitializeResult {
  const pull = client.textDocument?.diagnostic !== undefined;
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: INCREMENTAL },
      ...(pull ? { diagnosticProvider: { interFileDependencies: true, workspaceDiagnostics: false } } : {}),
      codeActionProvider: { codeActionKinds: [QUICK_FIX, REFACTOR_REWRITE] },
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
