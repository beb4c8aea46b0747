/**
 * The diagnostic shape shared by the core, the language server and the CLI. Structurally equal to
 * LSP's `Diagnostic` subset we use, so the LSP layer passes it through without conversion.
 */
export type Severity = 'error' | 'warning' | 'info' | 'hint';

export interface Position {
  /** 0-based line. */
  line: number;
  /** 0-based UTF-16 code unit offset in the line, as in LSP. */
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export interface CardDiagnostic {
  code: string;
  severity: Severity;
  message: string;
  range: Range;
  /** Machine-readable facts for quick-fixes and JSON output (e.g. `suggestions`, `path`). */
  data: Record<string, unknown>;
  /**
   * Other places in the same document that belong to the same finding (LSP `relatedInformation`,
   * SARIF `relatedLocations`), e.g. the further placeholders of one unfilled section.
   */
  related?: RelatedLocation[];
}

/** A further place of one finding, in the same document. */
export interface RelatedLocation {
  range: Range;
  message: string;
}

/** Half-open offset span into the document text. */
export interface Span {
  start: number;
  end: number;
}

export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };

export function compareDiagnostics(a: CardDiagnostic, b: CardDiagnostic): number {
  return (
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    a.code.localeCompare(b.code)
  );
}
