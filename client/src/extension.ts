import * as vscode from 'vscode';
import {
  LanguageClient,
  State,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import {
  CheckWorkspaceRequest,
  type CheckWorkspaceResult,
  type InitializationOptions,
} from '../../server/src/lsp/protocol';
import { addSection, CardsView, openRun, type AddSectionArgs } from './cardsView';
import { linkTrainingRun, type LinkRunArgs } from './linkRun';
import { RestartPolicy } from './restartPolicy';
import { generateExample, newCard, type GenerateExampleArgs } from './scaffold';
import { showTrustStatus } from './trust';

/** The documents the server is given; it decides per file whether it is a card or config. */
const DOCUMENT_SELECTOR = [
  ...['markdown', 'yaml', 'json', 'jsonc'].flatMap((language) => [
    { scheme: 'file', language },
    { scheme: 'untitled', language },
  ]),
  // MLflow's project file has no extension, so no language: match it by name.
  { scheme: 'file', pattern: '**/MLproject' },
];

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Cardwright', { log: true });
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: {
      module: serverModule,
      transport: TransportKind.ipc,
      options: { execArgv: ['--nolazy', '--inspect=6009'] },
    },
  };
  const restarts = new RestartPolicy();
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    outputChannel: output,
    // Evaluated at every (re)start, so granting trust and restarting takes effect.
    initializationOptions: (): InitializationOptions => ({
      trusted: vscode.workspace.isTrusted,
      // The rule pages ship in the extension: a diagnostic's code opens them here, offline.
      ruleDocsBase: vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules').toString(),
    }),
    // No file watchers here: the server registers watchers (workspace/didChangeWatchedFiles) for
    // exactly what open documents read (.cardwright.yaml, schema files, linked configs, runs and
    // links), so a training run writing checkpoints elsewhere in the workspace costs nothing.
    errorHandler: restarts.errorHandler(output),
  };
  client = new LanguageClient('cardwright', 'Cardwright', serverOptions, clientOptions);
  const languageClient = client;
  const cards = new CardsView(languageClient);

  context.subscriptions.push(
    output,
    vscode.commands.registerCommand('cardwright.checkWorkspace', () => checkWorkspace()),
    vscode.commands.registerCommand('cardwright.generateExample', (args?: GenerateExampleArgs) =>
      client ? generateExample(client, args) : undefined,
    ),
    vscode.commands.registerCommand('cardwright.linkTrainingRun', (args?: LinkRunArgs) =>
      client ? linkTrainingRun(client, args) : undefined,
    ),
    vscode.commands.registerCommand('cardwright.newModelCard', (folder?: string) =>
      client ? newCard(client, 'model-card', folder) : undefined,
    ),
    vscode.commands.registerCommand('cardwright.newDatasetCard', (folder?: string) =>
      client ? newCard(client, 'dataset-card', folder) : undefined,
    ),
    vscode.commands.registerCommand('cardwright.restartServer', async () => {
      restarts.reset();
      await client?.restart();
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(async () => {
      output.info('Workspace trusted: restarting the server with workspace schemas enabled.');
      await client?.restart();
    }),
    showTrustStatus(),
    // The Cards view and the summary line's commands.
    cards,
    vscode.commands.registerCommand('cardwright.cards.refresh', () => cards.refresh(true)),
    vscode.commands.registerCommand('cardwright.cards.addSection', (args: AddSectionArgs) =>
      addSection(languageClient, args),
    ),
    vscode.commands.registerCommand('cardwright.cards.reveal', (uri: string) => cards.reveal(uri)),
    vscode.commands.registerCommand('cardwright.cards.snapshot', (refresh?: boolean) =>
      cards.snapshot(refresh !== false),
    ),
    vscode.commands.registerCommand('cardwright.openRun', (runPath: string) => openRun(runPath)),
    // A restarted server (trust granted, Restart Server) knows nothing the view showed: list again.
    client.onDidChangeState(({ newState }) => {
      if (newState === State.Running) void cards.refresh(true);
    }),
  );
  await client.start();
  void cards.load();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

async function checkWorkspace(): Promise<CheckWorkspaceResult | undefined> {
  if (!client) return undefined;
  const result = await client.sendRequest(CheckWorkspaceRequest);
  const summary = `Cardwright checked ${result.files} files: ${result.errors} errors, ${result.warnings} warnings.`;
  void vscode.window.showInformationMessage(summary, 'Show Problems').then((choice) => {
    if (choice) void vscode.commands.executeCommand('workbench.actions.view.problems');
  });
  return result;
}
