import { dirname, joinPath, type FileSystem } from '../fileSystem';
import type { JsonSchema, SchemaRegistry } from './registry';

/** Schema files larger than this are refused: a schema is a few hundred kilobytes at most. */
const MAX_SCHEMA_BYTES = 2 * 1024 * 1024;

export type SchemaLoad = { id: string } | { problem: string };

/**
 * Loads JSON Schema files named by associations, modelines or `$schema` keys, relative to the
 * document. Never fetches a URL. Compiled schemas are cached by path and text, so a schema is
 * compiled again only when its file changes. Only created for trusted workspaces: ajv turns a
 * schema into code, so a schema from an untrusted folder is never compiled.
 */
export class WorkspaceSchemaLoader {
  private readonly loaded = new Map<string, { text: string; result: SchemaLoad }>();

  /**
   * @param roots the workspace folders (the editor's); without them a document's workspace is its
   *   repository (the nearest folder up with `.git` or `.cardwright.yaml`), else its own folder.
   */
  constructor(
    private readonly fs: FileSystem,
    private readonly registry: SchemaRegistry,
    private readonly roots?: () => readonly string[],
  ) {}

  load(ref: string, documentPath: string | undefined): SchemaLoad {
    const fileUrl = /^file:\/\//i.test(ref);
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(ref) && !fileUrl) {
      return { problem: `"${ref}" is a URL: Cardwright works offline and never downloads schemas. Save the schema in the workspace and name its path.` };
    }
    const path = resolvePath(fileUrl ? fileUrlPath(ref) : ref, documentPath);
    if (!path) return { problem: `"${ref}" is a relative path, but the document has no folder to resolve it from.` };
    // A file:// URL names any file on the machine: only one inside the document's workspace is read.
    if (fileUrl && !this.insideWorkspace(path, documentPath)) {
      return { problem: `"${ref}" is outside the workspace: only schema files inside it are read. Copy the schema into the workspace and name it by a relative path.` };
    }
    const text = this.fs.readFile(path);
    if (text === undefined) return { problem: `The schema file "${ref}" does not exist.` };
    if (text.length > MAX_SCHEMA_BYTES) return { problem: `The schema file "${ref}" is larger than 2 MB.` };
    const cached = this.loaded.get(path);
    if (cached && cached.text === text) return cached.result;
    const result = this.compile(path, text, ref);
    this.loaded.set(path, { text, result });
    return result;
  }

  private insideWorkspace(path: string, documentPath: string | undefined): boolean {
    const within = (root: string): boolean => path.startsWith(root.endsWith('/') ? root : `${root}/`);
    const roots = this.roots?.();
    if (roots && roots.length > 0) return roots.some(within);
    if (!documentPath) return false;
    let folder = dirname(documentPath);
    for (;;) {
      const marker = ['.git', '.cardwright.yaml', '.cardwright.yml'].some((name) => this.fs.exists(joinPath(folder, name)));
      if (marker) return within(folder);
      const parent = dirname(folder);
      if (parent === folder || parent === '.') return within(dirname(documentPath));
      folder = parent;
    }
  }

  private compile(path: string, text: string, ref: string): SchemaLoad {
    let schema: unknown;
    try {
      schema = JSON.parse(text);
    } catch (error) {
      return { problem: `The schema file "${ref}" is not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
    }
    if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) {
      return { problem: `The schema file "${ref}" must hold a JSON object.` };
    }
    const id = `file://${path}`;
    try {
      this.registry.addWorkspaceSchema(id, schema as JsonSchema);
    } catch (error) {
      return { problem: `The schema file "${ref}" does not compile: ${error instanceof Error ? error.message : String(error)}` };
    }
    return { id };
  }
}

/** The path of a `file:///abs/path` (or `file://localhost/abs/path`) URL, percent-decoded. */
function fileUrlPath(ref: string): string {
  const rest = ref.replace(/^file:\/\/(localhost)?/i, '');
  try {
    return decodeURIComponent(rest);
  } catch {
    return rest;
  }
}

function resolvePath(ref: string, documentPath: string | undefined): string | undefined {
  if (ref.startsWith('/')) return normalize(ref);
  if (!documentPath) return undefined;
  return normalize(joinPath(dirname(documentPath), ref));
}

/** Folds `.` and `..` segments (paths here are absolute with forward slashes). */
function normalize(path: string): string {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}
