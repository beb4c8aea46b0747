import { fileURLToPath } from 'node:url';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocuments } from 'vscode-languageserver';
import { isProjectConfigFile, type DocumentKind } from '../core/document/kind';
import { ParsedDocument } from '../core/document/parsedDocument';
import { basename, dirname, type FileSystem } from '../core/fileSystem';
import { isInside } from '../core/paths';

/** The file path of a `file:` URI with forward slashes, or undefined for other schemes. */
export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri).split('\\').join('/');
  } catch {
    return undefined;
  }
}

/** The workspace folder holding `path`, if any (folders are absolute, forward slashes). */
export function folderOf(path: string, folders: readonly string[]): string | undefined {
  return folders.find((folder) => isInside(path, folder));
}

/**
 * Open documents parsed once per version. Diagnostics, code actions, completion, hover and
 * symbols all ask here, so a version is never parsed twice.
 */
export class DocumentStore {
  private readonly parsed = new Map<string, ParsedDocument>();

  constructor(
    private readonly documents: TextDocuments<TextDocument>,
    private readonly fs: FileSystem,
    /** The schema a project or the user's settings associate with a file, if any. */
    private readonly associationFor: (path: string) => string | undefined = () => undefined,
    /** The project's `max-file-size` for a file, if it sets one. */
    private readonly maxSizeFor: (path: string) => number | undefined = () => undefined,
    /** The kind an `overrides:` entry gives a file, if one does. */
    private readonly kindFor: (path: string) => DocumentKind | undefined = () => undefined,
  ) {}

  get(uri: string): ParsedDocument | undefined {
    const document = this.documents.get(uri);
    if (!document) return undefined;
    // Looked up twice rather than kept in a variable that would hold an outdated version alive.
    if (this.parsed.get(uri)?.version === document.version) return this.parsed.get(uri);
    return this.parse(uri, document);
  }

  /** The cached version, removed from the cache; returned only when a new version can reuse its trees. */
  private takeReusable(uri: string): ParsedDocument | undefined {
    const cached = this.parsed.get(uri);
    this.parsed.delete(uri);
    return cached?.frontMatter.state === 'closed' ? cached : undefined;
  }

  /**
   * Only a card's trees are reused (front matter, body): another file's previous version is let
   * go before the new one is parsed (no local variable holds it), so a 5 MB config is not held
   * twice at the peak.
   */
  private parse(uri: string, document: TextDocument): ParsedDocument {
    const previous = this.takeReusable(uri);
    const path = uriToPath(uri);
    const fileName = basename(path ?? new URL(uri).pathname);
    const doc = new ParsedDocument(
      { uri, fileName, version: document.version, text: document.getText() },
      {
        siblings: path ? () => this.fs.readDirectory(dirname(path)) : undefined,
        // A settings file stays one whatever an `overrides:` glob says.
        kind: path && !isProjectConfigFile(fileName) ? this.kindFor(path) : undefined,
        schema: path ? this.associationFor(path) : undefined,
        maxSize: path ? this.maxSizeFor(path) : undefined,
        // An edit in the body reuses the front matter's tree, one in the front matter the body's.
        previous,
      },
    );
    this.parsed.set(uri, doc);
    return doc;
  }

  /** The version the editor has now (to drop results computed for an older one). */
  currentVersion(uri: string): number | undefined {
    return this.documents.get(uri)?.version;
  }

  /**
   * Whether the file at `uri` is open. Compared by path: VS Code and node's pathToFileURL encode
   * characters such as `+` or `@` differently, so the same file can have two URI spellings.
   */
  isOpen(uri: string): boolean {
    if (this.documents.get(uri) !== undefined) return true;
    const path = uriToPath(uri);
    return path !== undefined && this.documents.keys().some((open) => uriToPath(open) === path);
  }

  /** How many parsed documents are held (cardwright/debugStats: closing every document empties it). */
  get parsedCount(): number {
    return this.parsed.size;
  }

  openUris(): string[] {
    return this.documents.keys();
  }

  forget(uri: string): void {
    this.parsed.delete(uri);
  }

  /** Associations or project files changed: documents are parsed again on next use. */
  forgetAll(): void {
    this.parsed.clear();
  }
}

/** A file on disk parsed as version 0 (a command's target that is not open). */
export function readDocument(fs: FileSystem, uri: string): ParsedDocument | undefined {
  const path = uriToPath(uri);
  const text = path ? fs.readFile(path) : undefined;
  return path && text !== undefined
    ? new ParsedDocument({ uri, fileName: basename(path), version: 0, text })
    : undefined;
}
