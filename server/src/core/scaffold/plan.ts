import type { CardKind } from '../concepts';
import type { ParsedDocument } from '../document/parsedDocument';
import { basename, dirname, joinPath, type FileSystem } from '../fileSystem';
import type { ProjectConfig } from '../projectConfig';
import { readableMetadata } from '../rules/metadata';
import { generateExampleScript } from './exampleScript';
import { isModelFile } from './flavour';
import type { Sha256 } from './generatedMarker';
import { isUnchangedSinceGenerated } from './generatedMarker';
import { newDatasetCard, newModelCard, profileSections } from './newCard';
import { isInside, relativeInside } from '../paths';

/** What is at the target already: nothing, our own untouched output, or somebody's file. */
export type ExistingFile = 'none' | 'unchanged' | 'edited';

export interface ExamplePlan {
  /** Absolute path of the script. */
  path: string;
  text: string;
  flavour: string;
  reason: string;
  modelId: string;
  existing: ExistingFile;
  /** True when the path is outside the workspace: never written. */
  outside: boolean;
}

export interface ExamplePlanInput {
  doc: ParsedDocument;
  /** Absolute paths, forward slashes. */
  cardPath: string;
  workspaceRoot: string;
  fs: FileSystem;
  sha256: Sha256;
  now: string;
  modelId?: string;
  /** Absolute target path; default `<card folder>/examples/<slug>_inference.py`. */
  outPath?: string;
}

/**
 * Everything the CLI and the editor need to write an example script: the text, the target and
 * whether writing it would replace something the user wrote. The hosts decide what to do
 * (`--force`, or asking), and never write when `outside` is true.
 */
export function planExampleScript(input: ExamplePlanInput): ExamplePlan {
  const { doc, cardPath, workspaceRoot, fs } = input;
  const relative = (path: string): string => relativeInside(path, workspaceRoot) ?? path;
  const files = fs.readDirectory(dirname(cardPath));
  const script = generateExampleScript({
    metadata: readableMetadata(doc) ?? {},
    cardPath: relative(cardPath),
    modelId: input.modelId,
    title: doc.title()?.text,
    folderName: basename(dirname(cardPath)),
    modelFiles: files,
    generatedAt: input.now,
    hasLocalModel: files.some(isModelFile),
    sha256: input.sha256,
    outPath: input.outPath ? relative(input.outPath) : undefined,
  });
  const path = input.outPath ?? (script.path.startsWith('/') ? script.path : joinPath(workspaceRoot, script.path));
  return {
    path,
    text: script.text,
    flavour: script.flavour,
    reason: script.reason,
    modelId: script.model.id,
    existing: existingState(fs, path, input.sha256),
    outside: !isInside(path, workspaceRoot),
  };
}

export function existingState(fs: FileSystem, path: string, sha256: Sha256): ExistingFile {
  const current = fs.readFile(path);
  if (current === undefined) return 'none';
  return isUnchangedSinceGenerated(current, sha256) ? 'unchanged' : 'edited';
}

export interface NewCardPlan {
  path: string;
  text: string;
}

/**
 * A new card for `folder`: `README.md` when the folder has none (the Hub reads that name), else
 * `MODEL_CARD.md` / `DATASET_CARD.md`. Undefined when both exist: nothing is overwritten.
 */
export function planNewCard(
  kind: CardKind,
  folder: string,
  fs: FileSystem,
  config: ProjectConfig,
): NewCardPlan | undefined {
  const candidates = ['README.md', kind === 'model-card' ? 'MODEL_CARD.md' : 'DATASET_CARD.md'];
  const name = candidates.find((candidate) => !fs.exists(joinPath(folder, candidate)));
  if (!name) return undefined;
  const files = fs.readDirectory(folder);
  const sections = profileSections(config, kind);
  const cardName = basename(folder);
  const text =
    kind === 'model-card'
      ? newModelCard({
          sections,
          name: cardName,
          files,
          configJson: parseJson(fs.readFile(joinPath(folder, 'config.json'))),
        })
      : newDatasetCard({ sections, name: cardName, files });
  return { path: joinPath(folder, name), text };
}

function parseJson(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
