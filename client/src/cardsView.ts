import { posix } from 'node:path';
import * as vscode from 'vscode';
import {
  CodeActionRequest,
  DiagnosticSeverity,
  type CodeAction,
  type CodeActionParams,
  type LanguageClient,
} from 'vscode-languageclient/node';
import { CardsChangedNotification, CardsRequest, type CardsResult } from '../../server/src/lsp/protocol';
import { CardsTreeProvider, type CardsNode } from './cardsTree';

export const CARDS_VIEW = 'cardwright.cards';

/** What `cardwright.cards.snapshot` returns: the tree as the view draws it (for tests). */
export interface TreeSnapshot {
  label: string;
  description?: string;
  contextValue?: string;
  command?: { command: string; arguments?: unknown[] };
  children: TreeSnapshot[];
}

/**
 * The Cards view: a tree in the Explorer filled by one request (`cardwright/cards`); refreshed
 * when the server says a summary may have changed (`cardwright/cardsChanged`, sent after checks,
 * debounced) and when files are created, deleted or renamed (then the server rescans).
 */
export class CardsView implements vscode.Disposable {
  readonly provider = new CardsTreeProvider();
  readonly view: vscode.TreeView<CardsNode>;
  private loaded: Promise<void> | undefined;
  private queued: { rescan: boolean } | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly client: LanguageClient) {
    this.view = vscode.window.createTreeView(CARDS_VIEW, { treeDataProvider: this.provider, showCollapseAll: true });
    this.view.message = 'Checking the cards of the workspace…';
    const rescan = (): void => void this.refresh(true);
    this.disposables.push(
      this.view,
      client.onNotification(CardsChangedNotification, () => void this.refresh(false)),
      vscode.workspace.onDidCreateFiles(rescan),
      vscode.workspace.onDidDeleteFiles(rescan),
      vscode.workspace.onDidRenameFiles(rescan),
      vscode.workspace.onDidChangeWorkspaceFolders(rescan),
    );
  }

  /** The first load shows progress in the view; later refreshes are quiet. */
  load(): Promise<void> {
    this.loaded ??= Promise.resolve(
      vscode.window.withProgress({ location: { viewId: CARDS_VIEW } }, () => this.refresh(true)),
    );
    return this.loaded;
  }

  private running: Promise<void> | undefined;

  /** One request at a time; a refresh asked for meanwhile runs once after it. */
  async refresh(rescan: boolean): Promise<void> {
    if (this.running) {
      this.queued = { rescan: rescan || this.queued?.rescan === true };
      return this.running;
    }
    this.running = (async () => {
      try {
        this.show(await this.client.sendRequest(CardsRequest, { rescan }));
      } catch (error) {
        this.view.message = `Cardwright could not list the cards: ${error instanceof Error ? error.message : String(error)}`;
      } finally {
        this.running = undefined;
      }
    })();
    await this.running;
    const queued = this.queued;
    this.queued = undefined;
    if (queued) await this.refresh(queued.rescan);
  }

  private show(result: CardsResult): void {
    this.provider.set(result);
    const withErrors = this.provider.withErrors;
    this.view.badge = withErrors
      ? { value: withErrors, tooltip: `${withErrors} card${withErrors === 1 ? '' : 's'} with errors` }
      : undefined;
    this.view.message =
      result.cards.length === 0
        ? 'No model card, dataset card or training config in this workspace.'
        : result.trusted
          ? undefined
          : 'Restricted Mode: checked with the bundled schemas only.';
  }

  /** Focuses the card's entry (the summary line's "questions answered"). */
  async reveal(uri: string): Promise<boolean> {
    await this.load();
    const node = this.provider.byPath.get(vscode.Uri.parse(uri).fsPath);
    if (node) await this.view.reveal(node, { select: true, focus: true, expand: true });
    return node !== undefined;
  }

  /** The tree as data, after a fresh load (for tests and for diagnosing the view). */
  async snapshot(
    refresh = true,
  ): Promise<{ badge: number; message?: string; selection: string[]; tree: TreeSnapshot[] }> {
    await this.load();
    if (refresh) await this.refresh(false);
    const walk = (nodes: CardsNode[]): TreeSnapshot[] =>
      nodes.map((node) => {
        const item = this.provider.getTreeItem(node);
        const label = typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
        return {
          label,
          description: typeof item.description === 'string' ? item.description : undefined,
          contextValue: item.contextValue,
          command: item.command
            ? { command: item.command.command, arguments: (item.command.arguments ?? []).map(plain) }
            : undefined,
          children: walk(this.provider.getChildren(node)),
        };
      });
    return {
      badge: Number(this.view.badge?.value ?? 0),
      message: this.view.message,
      selection: this.view.selection.map((node) => (node.type === 'card' ? node.card.uri : node.type)),
      tree: walk(this.provider.getChildren()),
    };
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}

/** Command arguments as JSON-able data (URIs as strings). */
function plain(value: unknown): unknown {
  if (value instanceof vscode.Uri) return value.toString();
  if (value instanceof vscode.Range) return { line: value.start.line };
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([key, v]) => [key, plain(v)]));
  }
  return value;
}

/** The tree node of a missing concept, or the same as plain data (tests, other callers). */
export type AddSectionArgs =
  | { type: 'concept'; parent: { card: { uri: string } }; concept: { id: string; heading: string; question: string } }
  | { uri: string; concept: string; heading: string; question?: string };

/**
 * "Add Section" on a missing concept: the server's own quick-fix for a `section-missing`
 * finding on that concept (as if the rule had reported it), applied as a WorkspaceEdit (undoable).
 */
export async function addSection(client: LanguageClient, args: AddSectionArgs): Promise<boolean> {
  const [uriText, concept, heading, question] =
    'uri' in args
      ? [args.uri, args.concept, args.heading, args.question]
      : [args.parent.card.uri, args.concept.id, args.concept.heading, args.concept.question];
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(uriText));
  const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  const diagnostic = {
    range,
    severity: DiagnosticSeverity.Warning,
    code: 'section-missing',
    source: 'cardwright',
    message: `The card does not say ${question ?? heading}.`,
    data: { concept, heading, question },
  };
  const params: CodeActionParams = {
    textDocument: { uri: client.code2ProtocolConverter.asUri(document.uri) },
    range,
    context: { diagnostics: [diagnostic], only: ['quickfix'] },
  };
  // The server learns of a document just opened with the next didOpen: ask again briefly.
  for (let attempt = 0; attempt < 20; attempt++) {
    const actions = ((await client.sendRequest(CodeActionRequest.type, params)) ?? []) as CodeAction[];
    const fix = actions.find((action) => action.edit && !action.title.startsWith('Disable'));
    if (fix?.edit) {
      const edit = await client.protocol2CodeConverter.asWorkspaceEdit(fix.edit);
      const applied = await vscode.workspace.applyEdit(edit);
      if (applied) {
        const editor = await vscode.window.showTextDocument(document);
        const end = document.lineCount - 1;
        editor.revealRange(new vscode.Range(end, 0, end, 0));
      }
      return applied;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  void vscode.window.showWarningMessage(`Cardwright has no section to add for "${heading}".`);
  return false;
}

/**
 * A linked run: a folder is revealed in the Explorer, a file (or `mlflow.db#id`) opened. False
 * when it did neither.
 */
export async function openRun(runPath: string): Promise<boolean> {
  // The path comes from the card's provenance block: `..` resolved, and nothing outside the
  // workspace folders is opened or revealed (a card could name ~/.ssh/id_rsa).
  const uri = vscode.Uri.file(posix.normalize(runPath.replace(/#[^/]*$/, '')));
  if (!vscode.workspace.getWorkspaceFolder(uri)) {
    void vscode.window.showWarningMessage(
      `The linked run is outside the workspace: Cardwright does not open ${runPath}.`,
    );
    return false;
  }
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.type & vscode.FileType.Directory) await vscode.commands.executeCommand('revealInExplorer', uri);
    else await vscode.commands.executeCommand('vscode.open', uri);
    return true;
  } catch {
    void vscode.window.showWarningMessage(`The linked run is not there any more: ${runPath}`);
    return false;
  }
}
