import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver';
import type { ParsedDocument } from '../core/document/parsedDocument';
import type { FileSystem } from '../core/fileSystem';
import type { ProjectConfig } from '../core/projectConfig';
import { normalizePath } from '../core/git/repository';
import { isSameOrInside } from '../core/paths';
import { planExampleScript, planNewCard, type NewCardPlan } from '../core/scaffold/plan';
import type { Sha256 } from '../core/scaffold/generatedMarker';
import { folderOf, uriToPath } from './documentStore';
import { posix } from 'node:path';
import { gettingStartedEdit } from '../core/scaffold/gettingStarted';
import {
  ClientCommands,
  type ExamplePlanParams,
  type ExamplePlanResult,
  type LinkEditResult,
  type NewCardParams,
} from './protocol';

export interface ScaffoldDeps {
  fs: FileSystem;
  sha256: Sha256;
  workspaceFolders: readonly string[];
  document(uri: string): ParsedDocument | undefined;
  configFor(path: string): ProjectConfig;
}

/**
 * The example script for an open (or on-disk) card: text and target, and whether writing would
 * replace a file the user edited. The client picks the path, asks when needed, and writes it
 * through a WorkspaceEdit (so undo works).
 */
export function planExample(params: ExamplePlanParams, deps: ScaffoldDeps): ExamplePlanResult | null {
  const doc = deps.document(params.uri);
  const cardPath = uriToPath(params.uri);
  if (!doc || !cardPath) return null;
  const workspaceRoot = folderOf(cardPath, deps.workspaceFolders) ?? cardPath.slice(0, cardPath.lastIndexOf('/'));
  const plan = planExampleScript({
    doc,
    cardPath,
    workspaceRoot,
    fs: deps.fs,
    sha256: deps.sha256,
    now: new Date().toISOString(),
    // `..` resolved here, so `path` names the file the client would write and `outside` is true
    // for `<workspace>/../x.py` as for `/tmp/x.py`.
    outPath: params.path === undefined ? undefined : normalizePath(params.path),
  });
  return {
    path: plan.path,
    text: plan.text,
    flavour: plan.flavour,
    modelId: plan.modelId,
    existing: plan.existing,
    outside: plan.outside,
  };
}

/** A new card for a folder; null (nothing read there) for a folder outside the workspace folders. */
export function planCard(params: NewCardParams, deps: ScaffoldDeps): NewCardPlan | null {
  const folder = normalizePath(params.folder);
  if (!deps.workspaceFolders.some((root) => isSameOrInside(folder, root))) return null;
  if (!deps.fs.isDirectory(folder)) return null;
  return planNewCard(params.kind, folder, deps.fs, deps.configFor(folder + '/README.md')) ?? null;
}

/** The edit adding a getting-started section that points at `scriptPath`, or null if the card has one. */
export function gettingStartedSection(
  params: { uri: string; scriptPath: string },
  deps: ScaffoldDeps,
): LinkEditResult | null {
  const doc = deps.document(params.uri);
  const cardPath = uriToPath(params.uri);
  if (!doc || !cardPath) return null;
  const relative = posix.relative(posix.dirname(cardPath), params.scriptPath);
  const edit = gettingStartedEdit(doc, relative);
  if (!edit) return null;
  return {
    version: doc.version,
    edits: [{ range: doc.text.rangeOf(edit.span), newText: edit.newText }],
    notes: [],
    metricChanges: 0,
  };
}

/** "Generate an example script" on the card's missing getting-started section. */
export function exampleCodeActions(uri: string, diagnostics: readonly Diagnostic[]): CodeAction[] {
  return diagnostics
    .filter(
      (d) =>
        d.code === 'section-missing' && (d.data as { concept?: string } | undefined)?.concept === 'getting-started',
    )
    .map((diagnostic) => ({
      title: 'Generate an example script',
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      command: { title: 'Generate an example script', command: ClientCommands.generateExample, arguments: [{ uri }] },
    }));
}
