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
import { crashHandler, tellServerGaveUp } from './crashHandler';
import { noticesShown } from './notices';
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

/** What `activate` returns to other extensions and to the e2e tests. */
export interface CardwrightApi {
  /** The language server's process id while it runs; undefined while it starts or is stopped. */
  serverPid(): number | undefined;
  serverState(): 'starting' | 'running' | 'stopped';
  /** The notifications Cardwright showed to say why it did not do something, oldest first. */
  notices(): readonly string[];
}

const RESTART_COMMAND = 'cardwright.restartServer';

export async function activate(context: vscode.ExtensionContext): Promise<CardwrightApi> {
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
    // Restart after a crash, but not forever (restartPolicy.ts); when it gives up, say so with a
    // button that restarts by hand.
    errorHandler: crashHandler(restarts, output, (message) => void tellServerGaveUp(message, output, RESTART_COMMAND)),
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
    vscode.commands.registerCommand(RESTART_COMMAND, async () => {
      restarts.reset();
      output.info('Restarting the server (Cardwright: Restart Server).');
      await restartServer(languageClient, output);
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(async () => {
      output.info('Workspace trusted: restarting the server with workspace schemas enabled.');
      restarts.reset();
      await restartServer(languageClient, output);
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
  return {
    serverPid: () => (client?.state === State.Running ? client.serverProcess?.pid : undefined),
    serverState: () =>
      client?.state === State.Running ? 'running' : client?.state === State.Starting ? 'starting' : 'stopped',
    notices: noticesShown,
  };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

/**
 * Restart Server must work when it is needed most: on a server too busy to answer `shutdown`
 * within the client's 2 s (stop() then throws, though the client has stopped and ends the
 * process), or one still starting. Whatever stop() says, a server is running afterwards.
 */
async function restartServer(languageClient: LanguageClient, output: vscode.LogOutputChannel): Promise<void> {
  try {
    await languageClient.restart();
  } catch (error) {
    output.warn(
      `Stopping the server failed (${error instanceof Error ? error.message : String(error)}): starting a new one.`,
    );
    if (languageClient.state !== State.Running) await languageClient.start();
  }
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
