/**
 * Which model a script is about (its id), what its file is called, and where it goes. Paths are
 * workspace-relative with forward slashes; nothing here can produce a path that leaves the
 * card's folder, whatever the card says.
 */

export interface ModelIdSources {
  /** `--model-id` or the command's input: wins over everything the card says. */
  modelId?: string;
  metadata: Record<string, unknown>;
  /** The card's first heading ("Model Card for acme/sentiment"). */
  title?: string;
  /** The card's folder name, the last resort. */
  folderName: string;
}

export interface ResolvedModelId {
  id: string;
  source: 'explicit' | 'model-index' | 'title' | 'folder';
}

function nonEmpty(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function modelIndexName(metadata: Record<string, unknown>): string | undefined {
  const index = metadata['model-index'];
  if (!Array.isArray(index)) return undefined;
  const first: unknown = index[0];
  return typeof first === 'object' && first !== null ? nonEmpty((first as Record<string, unknown>).name) : undefined;
}

const TITLE = /^model\s+card\s+for\s+(.+)$/i;

/** The model id: explicit, else `model-index[0].name`, else the "Model Card for X" title, else the folder. */
export function resolveModelId(sources: ModelIdSources): ResolvedModelId {
  const explicit = nonEmpty(sources.modelId);
  if (explicit) return { id: explicit, source: 'explicit' };
  const indexed = modelIndexName(sources.metadata);
  if (indexed) return { id: indexed, source: 'model-index' };
  const titled = nonEmpty(TITLE.exec(sources.title?.trim() ?? '')?.[1]?.replace(/[`*_]/g, ''));
  if (titled) return { id: titled, source: 'title' };
  return { id: sources.folderName.trim() || 'model', source: 'folder' };
}

/** A file-name-safe slug of the model's own name: `acme/Sentiment-Base` -> `sentiment_base`. */
export function modelSlug(modelId: string): string {
  const name =
    modelId
      .split('/')
      .filter((part) => part.trim() !== '')
      .pop() ?? '';
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 60)
    .replace(/_+$/, '');
  return slug || 'model';
}

function folderOf(path: string): string {
  const index = path.lastIndexOf('/');
  return index < 0 ? '' : path.slice(0, index);
}

function join(folder: string, name: string): string {
  return folder === '' ? name : `${folder}/${name}`;
}

/** `examples/<slug>_inference.py` in the card's folder (so a Hub repo carries its example). */
export function defaultScriptPath(cardPath: string, modelId: string): string {
  return join(folderOf(cardPath), `examples/${modelSlug(modelId)}_inference.py`);
}

function segments(folder: string): string[] {
  return folder.split('/').filter((part) => part !== '' && part !== '.');
}

/** The relative path from the folder of `fromFile` to the folder `toFolder` ('.' when the same). */
export function relativeFolder(fromFile: string, toFolder: string): string {
  const from = segments(folderOf(fromFile));
  const to = segments(toFolder);
  let shared = 0;
  while (shared < from.length && shared < to.length && from[shared] === to[shared]) shared++;
  const parts = [...from.slice(shared).map(() => '..'), ...to.slice(shared)];
  return parts.length === 0 ? '.' : parts.join('/');
}

/** The card's folder, workspace-relative ('' at the root). */
export function cardFolder(cardPath: string): string {
  return folderOf(cardPath);
}
