import { compareDiagnostics, type CardDiagnostic } from './diagnostic';
import type { ParsedDocument } from './document/parsedDocument';
import type { FileSystem } from './fileSystem';
import { DEFAULT_CONFIG, type ProjectConfig } from './projectConfig';
import { RULE_CODES, RULE_FAMILIES } from './rules';
import type { Finding } from './rules/rule';
import type { RunRecord } from './runs/runRecord';
import type { SchemaRegistry } from './schemas/registry';
import type { WorkspaceSchemaLoader } from './schemas/workspaceSchemas';
import { silence } from './suppressions';

export interface CheckOptions {
  schemas: SchemaRegistry;
  fs: FileSystem;
  config?: ProjectConfig;
  /** Absolute path of the document's file, for rules that look at its neighbours. */
  path?: string;
  /** Schema files from the workspace; leave out in an untrusted workspace (they are not compiled). */
  workspaceSchemas?: WorkspaceSchemaLoader;
  /**
   * SHA-256 of bytes as hex (the host's crypto: the core has none). Without it `run-config-changed`
   * is not checked.
   */
  sha256?: (bytes: Uint8Array) => string;
  /**
   * Run records the host has read (discoverRuns, readRun), by absolute record path, kept fresh by
   * the host (file watching). The drift checks use a linked run from here when it is present, else
   * read its folder; a record in `mlflow.db` needs the async SQLite reader, so its metrics and
   * existence are checked only when it is given here.
   */
  runs?: ReadonlyMap<string, RunRecord>;
  /** Report disable comments that suppress nothing (`--report-unused-disables`; also a setting). */
  reportUnusedDisables?: boolean;
}

/**
 * Runs every rule family that applies to the document's kind and returns its diagnostics, sorted
 * by position, with the project's severities applied. Pure apart from reads through `fs`.
 */
export function checkDocument(doc: ParsedDocument, options: CheckOptions): CardDiagnostic[] {
  const config = options.config ?? DEFAULT_CONFIG;
  const diagnostics: CardDiagnostic[] = [];
  const report = (finding: Finding): void => {
    const code = RULE_CODES.get(finding.code);
    if (!code) throw new Error(`Rule reported an unregistered code: ${finding.code}`);
    const setting = config.rules[finding.code];
    if (setting === 'off') return;
    diagnostics.push({
      code: finding.code,
      severity: setting ?? finding.severity ?? code.severity,
      message: finding.message,
      range: doc.text.rangeOf(finding.span),
      data: finding.data ?? {},
      ...(finding.related?.length
        ? {
            related: finding.related.map((item) => ({
              range: doc.text.rangeOf(item.span),
              message: item.message,
            })),
          }
        : {}),
    });
  };
  for (const family of RULE_FAMILIES) {
    if (!family.kinds.includes(doc.kind)) continue;
    // A file too large to parse gets only the finding that says so (sizeRules).
    if (doc.tooLarge && family.name !== 'file-too-large') continue;
    family.check({
      doc,
      schemas: options.schemas,
      fs: options.fs,
      config,
      path: options.path,
      workspaceSchemas: options.workspaceSchemas,
      sha256: options.sha256,
      runs: options.runs,
      report,
    });
  }
  // `cardwright-disable...` comments (suppressions.ts) apply to every family's findings.
  const silenced = silence(
    doc,
    diagnostics,
    options.reportUnusedDisables === true || config.reportUnusedDisables === true,
  );
  diagnostics.splice(0, diagnostics.length, ...silenced.kept);
  silenced.unused.forEach(report);
  return diagnostics.sort(compareDiagnostics);
}
