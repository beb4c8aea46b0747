import type { CardDiagnostic, Severity, Span } from '../diagnostic';
import type { DocumentKind } from '../document/kind';
import type { ParsedDocument } from '../document/parsedDocument';
import type { FileSystem } from '../fileSystem';
import type { ProjectConfig } from '../projectConfig';
import type { RunRecord } from '../runs/runRecord';
import type { SchemaRegistry } from '../schemas/registry';
import type { WorkspaceSchemaLoader } from '../schemas/workspaceSchemas';

/** A diagnostic code: a public, stable name with its default severity and a one-line summary. */
export interface RuleCode {
  code: string;
  severity: Severity;
  summary: string;
}

export interface Finding {
  code: string;
  span: Span;
  message: string;
  /** Only when softer or harder than the code's default for this particular finding. */
  severity?: Severity;
  data?: Record<string, unknown>;
  /** Further places of the same finding (one finding per fact, the other occurrences here). */
  related?: { span: Span; message: string }[];
}

export interface RuleContext {
  doc: ParsedDocument;
  schemas: SchemaRegistry;
  fs: FileSystem;
  /** The project settings in force for the document (profile, sections, severities). */
  config: ProjectConfig;
  /** Absolute path of the document, when it is a file (undefined for unsaved editors). */
  path?: string;
  /** Compiles schema files from the workspace; absent in an untrusted workspace. */
  workspaceSchemas?: WorkspaceSchemaLoader;
  /** SHA-256 as hex, from the host (CheckOptions.sha256); absent: hashes are not checked. */
  sha256?: (bytes: Uint8Array) => string;
  /** Run records the host has read and keeps fresh, by absolute record path (CheckOptions.runs). */
  runs?: ReadonlyMap<string, RunRecord>;
  report(finding: Finding): void;
}

/** One family of related codes, checked together (one file per family under `rules/`). */
export interface RuleFamily {
  name: string;
  codes: readonly RuleCode[];
  kinds: readonly DocumentKind[];
  check(context: RuleContext): void;
}

export type { CardDiagnostic };
