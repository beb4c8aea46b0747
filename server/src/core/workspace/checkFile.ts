import type { CardDiagnostic } from '../diagnostic';
import { isProjectConfigFile, type DocumentKind } from '../document/kind';
import { associatedSchema, configBase } from '../configs/associations';
import { ParsedDocument } from '../document/parsedDocument';
import { checkDocument } from '../engine';
import { basename, dirname, type FileSystem } from '../fileSystem';
import type { ProjectConfig } from '../projectConfig';
import type { RunRecord } from '../runs/runRecord';
import type { SchemaRegistry } from '../schemas/registry';
import type { WorkspaceSchemaLoader } from '../schemas/workspaceSchemas';

export interface FileReport {
  path: string;
  kind: DocumentKind;
  diagnostics: CardDiagnostic[];
  /** The parsed document the diagnostics were computed from (for summaries: no second parse). */
  doc?: ParsedDocument;
}

export interface CheckFileOptions {
  fs: FileSystem;
  schemas: SchemaRegistry;
  config: ProjectConfig;
  /** Compiles schema files the workspace names (the CLI always; the editor only when trusted). */
  workspaceSchemas?: WorkspaceSchemaLoader;
  /**
   * Force the kind (`--kind`, or `project-config` for a `--config` file); otherwise the settings'
   * `overrides:` kind for the file, else it is detected from name, content and neighbours. A file
   * named `.cardwright.yaml` is always a project config.
   */
  kind?: DocumentKind;
  /** Hashing for `run-config-changed` (see CheckOptions.sha256). */
  sha256?: (bytes: Uint8Array) => string;
  /** Linked runs the host read ahead (see CheckOptions.runs). */
  runs?: ReadonlyMap<string, RunRecord>;
  /** Report disable comments that suppress nothing (see CheckOptions.reportUnusedDisables). */
  reportUnusedDisables?: boolean;
}

/**
 * Checks one file on disk. Returns undefined for files that are not cards or configs (and for
 * binary files), which the CLI then leaves out of its report.
 */
export function checkFile(path: string, options: CheckFileOptions): FileReport | undefined {
  const doc = parseFile(path, options);
  return doc ? checkParsedFile(doc, path, options) : undefined;
}

/**
 * The first half of checkFile: the file parsed as it will be checked (kind, associated schema,
 * size limit from the settings), or undefined when it is not a card or config. A host that needs
 * something from the document before checking it (the run a card links) reads it from here and
 * then calls checkParsedFile: one parse.
 */
export function parseFile(path: string, options: CheckFileOptions): ParsedDocument | undefined {
  const text = options.fs.readFile(path);
  if (text === undefined || text.includes('\u0000')) return undefined;
  const doc = new ParsedDocument(
    { uri: path, fileName: basename(path), version: 0, text },
    {
      kind: isProjectConfigFile(basename(path)) ? 'project-config' : (options.kind ?? options.config.kind),
      siblings: () => options.fs.readDirectory(dirname(path)),
      schema: associatedSchema(options.config.schemas, configBase(options.config.source) ?? '', path),
      maxSize: options.config.maxFileSize,
    },
  );
  return doc.kind === 'other' ? undefined : doc;
}

/** The second half of checkFile: the diagnostics of a document parseFile returned. */
export function checkParsedFile(doc: ParsedDocument, path: string, options: CheckFileOptions): FileReport {
  return { path, kind: doc.kind, diagnostics: checkDocument(doc, { ...options, path }), doc };
}
