import * as vscode from 'vscode';
import { ClientCommands, driftWords, type CardItem, type CardsResult } from '../../server/src/lsp/protocol';

type Concept = NonNullable<CardItem['concepts']>[number];
type Drift = NonNullable<CardItem['provenance']>['drift'][number];

/** The nodes of the Cards view: folders, cards, and under a card its concepts, provenance and counts. */
export type CardsNode =
  | { type: 'folder'; folder: vscode.Uri; label: string; cards: CardNode[] }
  | CardNode
  | { type: 'concept'; parent: CardNode; concept: Concept }
  | { type: 'provenance'; parent: CardNode }
  | { type: 'drift'; parent: CardsNode; drift?: Drift }
  | { type: 'counts'; parent: CardNode };

export interface CardNode {
  type: 'card';
  parent: CardsNode;
  card: CardItem;
}

const KIND_WORDS: Record<CardItem['kind'], string> = {
  'model-card': 'model card',
  'dataset-card': 'dataset card',
  'training-config': 'training config',
  'project-config': 'project config',
};

const VIA_WORDS: Record<string, string> = {
  heading: 'heading',
  label: 'labelled line',
  prose: 'sentence',
  'code-comment': 'code comment',
  'front-matter': 'front matter',
  intro: 'introduction',
  code: 'code',
};

/** The context value of a missing concept: its inline "Add Section" action (package.json menus). */
export const MISSING_CONCEPT = 'cardwright.concept.missing';

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

export function countsText(counts: CardItem['counts']): string {
  if (counts.error + counts.warning === 0) return 'no errors or warnings';
  return [counts.error ? plural(counts.error, 'error') : '', counts.warning ? plural(counts.warning, 'warning') : '']
    .filter(Boolean)
    .join(', ');
}

/** Draws what the server computed (`cardwright/cards`); knows nothing of cards itself. */
export class CardsTreeProvider implements vscode.TreeDataProvider<CardsNode> {
  private readonly emitter = new vscode.EventEmitter<CardsNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private roots: CardsNode[] = [];
  /** Card nodes by file path (URIs of one file can be spelled two ways). */
  readonly byPath = new Map<string, CardNode>();

  /** Cards with at least one error (the view's badge). */
  withErrors = 0;

  set(result: CardsResult): void {
    const folders = new Map<string, Extract<CardsNode, { type: 'folder' }>>();
    this.byPath.clear();
    this.withErrors = 0;
    for (const card of result.cards) {
      const uri = vscode.Uri.parse(card.uri);
      const folder = vscode.Uri.joinPath(uri, '..');
      let node = folders.get(folder.toString());
      if (!node) {
        node = { type: 'folder', folder, label: folderLabel(folder), cards: [] };
        folders.set(folder.toString(), node);
      }
      const cardNode: CardNode = { type: 'card', parent: node, card };
      node.cards.push(cardNode);
      this.byPath.set(uri.fsPath, cardNode);
      if (card.counts.error > 0) this.withErrors++;
    }
    this.roots = [...folders.values()].sort((a, b) => a.label.localeCompare(b.label));
    this.emitter.fire(undefined);
  }

  getChildren(node?: CardsNode): CardsNode[] {
    if (!node) return this.roots;
    if (node.type === 'folder') return node.cards;
    if (node.type === 'card') {
      const { card } = node;
      const children: CardsNode[] = (card.concepts ?? []).map((concept) => ({
        type: 'concept',
        parent: node,
        concept,
      }));
      if (card.provenance || card.kind === 'model-card') children.push({ type: 'provenance', parent: node });
      children.push({ type: 'counts', parent: node });
      return children;
    }
    if (node.type === 'provenance' && node.parent.card.provenance) {
      const drift = node.parent.card.provenance.drift;
      return drift.length
        ? drift.map((d) => ({ type: 'drift', parent: node, drift: d }))
        : [{ type: 'drift', parent: node }];
    }
    return [];
  }

  getParent(node: CardsNode): CardsNode | undefined {
    return node.type === 'folder' ? undefined : node.parent;
  }

  getTreeItem(node: CardsNode): vscode.TreeItem {
    const item = this.drawItem(node);
    // Stable ids: VS Code keeps expansion and selection across refreshes.
    item.id = idOf(node);
    return item;
  }

  private drawItem(node: CardsNode): vscode.TreeItem {
    const None = vscode.TreeItemCollapsibleState.None;
    switch (node.type) {
      case 'folder': {
        const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Expanded);
        item.iconPath = vscode.ThemeIcon.Folder;
        item.resourceUri = node.folder;
        return item;
      }
      case 'card':
        return cardItem(node.card);
      case 'concept':
        return conceptItem(node.parent.card, node.concept);
      case 'provenance': {
        const provenance = node.parent.card.provenance;
        const uri = vscode.Uri.parse(node.parent.card.uri);
        if (!provenance) {
          const item = new vscode.TreeItem('No linked run', None);
          item.iconPath = new vscode.ThemeIcon('debug-disconnect');
          item.description = 'Link Training Run';
          item.command = {
            title: 'Link',
            command: ClientCommands.linkTrainingRun,
            arguments: [{ uri: uri.toString() }],
          };
          return item;
        }
        const run = provenance.runId ?? provenance.runPath ?? 'unknown run';
        const item = new vscode.TreeItem(`Linked run ${run.slice(0, 12)}`, vscode.TreeItemCollapsibleState.Expanded);
        item.description = provenance.tracker;
        item.tooltip = provenance.resolvedRunPath ?? provenance.runPath;
        item.iconPath = new vscode.ThemeIcon('link');
        const runPath = provenance.resolvedRunPath ?? provenance.runPath;
        if (runPath) item.command = { title: 'Open Run', command: ClientCommands.openRun, arguments: [runPath] };
        return item;
      }
      case 'drift': {
        if (!node.drift) {
          const item = new vscode.TreeItem('No drift', None);
          item.iconPath = new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'));
          return item;
        }
        const card = (node.parent as { parent: CardNode }).parent.card;
        const item = new vscode.TreeItem(`Drift: ${driftWords(node.drift.code)}`, None);
        item.description = `line ${node.drift.line + 1}`;
        item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
        item.command = revealLine(card.uri, node.drift.line);
        return item;
      }
      case 'counts': {
        const { counts } = node.parent.card;
        const item = new vscode.TreeItem(countsText(counts), None);
        item.iconPath =
          counts.error > 0
            ? new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'))
            : counts.warning > 0
              ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'))
              : new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'));
        item.command = { title: 'Show Problems', command: ClientCommands.showProblems };
        return item;
      }
    }
  }
}

function idOf(node: CardsNode): string {
  switch (node.type) {
    case 'folder':
      return `folder:${node.folder.toString()}`;
    case 'card':
      return `card:${vscode.Uri.parse(node.card.uri).fsPath}`;
    case 'concept':
      return `${idOf(node.parent)}/concept:${node.concept.id}`;
    case 'drift':
      return `${idOf(node.parent)}/drift:${node.drift?.code ?? 'none'}`;
    default:
      return `${idOf(node.parent)}/${node.type}`;
  }
}

/** The folder relative to its workspace folder (named when several are open, or for the root itself). */
function folderLabel(folder: vscode.Uri): string {
  const root = vscode.workspace.getWorkspaceFolder(folder);
  if (!root) return folder.fsPath;
  if (root.uri.toString() === folder.toString()) return root.name;
  return vscode.workspace.asRelativePath(folder, (vscode.workspace.workspaceFolders?.length ?? 0) > 1);
}

function cardItem(card: CardItem): vscode.TreeItem {
  const uri = vscode.Uri.parse(card.uri);
  const item = new vscode.TreeItem(uri.path.slice(uri.path.lastIndexOf('/') + 1));
  item.collapsibleState = vscode.TreeItemCollapsibleState.Collapsed;
  item.resourceUri = uri;
  const answered = card.concepts?.filter((concept) => concept.answered).length;
  item.description = [
    KIND_WORDS[card.kind],
    card.concepts ? `${answered}/${card.concepts.length}` : undefined,
    card.counts.error ? plural(card.counts.error, 'error') : undefined,
  ]
    .filter(Boolean)
    .join(' · ');
  const tooltip = new vscode.MarkdownString();
  tooltip.appendText(card.title ?? KIND_WORDS[card.kind]);
  tooltip.appendMarkdown('\n\n');
  tooltip.appendText(card.blockers.length ? `Blocks publishing: ${card.blockers.join('; ')}` : 'Ready to publish');
  item.tooltip = tooltip;
  item.iconPath =
    card.counts.error > 0
      ? new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'))
      : card.blockers.length > 0 || card.counts.warning > 0
        ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'))
        : new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'));
  item.contextValue = 'cardwright.card';
  item.command = { title: 'Open', command: 'vscode.open', arguments: [uri] };
  return item;
}

function conceptItem(card: CardItem, concept: Concept): vscode.TreeItem {
  const item = new vscode.TreeItem(concept.heading, vscode.TreeItemCollapsibleState.None);
  item.tooltip = `${concept.heading}: ${concept.question}`;
  if (!concept.answered) {
    item.description = 'missing';
    item.iconPath = new vscode.ThemeIcon('circle-large-outline', new vscode.ThemeColor('list.warningForeground'));
    item.contextValue = MISSING_CONCEPT;
    return item;
  }
  item.iconPath = new vscode.ThemeIcon('check', new vscode.ThemeColor('testing.iconPassed'));
  item.contextValue = 'cardwright.concept.answered';
  const via = concept.via ? (VIA_WORDS[concept.via] ?? concept.via) : 'answered';
  if (concept.where) {
    item.description = `${via}, line ${concept.where.line + 1}: ${concept.where.text}`;
    item.command = revealLine(card.uri, concept.where.line);
  } else {
    item.description = via;
  }
  return item;
}

function revealLine(uri: string, line: number): vscode.Command {
  return {
    title: 'Reveal',
    command: 'vscode.open',
    arguments: [vscode.Uri.parse(uri), { selection: new vscode.Range(line, 0, line, 0) }],
  };
}
