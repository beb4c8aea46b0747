import { ruleDocsUrl } from '../../core/docs';
import type { FileReport } from '../../core/workspace/checkFile';

export type SkipReason = 'git-ignored' | 'not-recognised' | 'ignored-by-config' | 'binary' | 'unreadable';

/** A path the check passed over, and why. */
export interface SkippedFile {
  path: string;
  reason: SkipReason;
}

/**
 * The JSON contract of product.md §6: every checked file, 0-based LSP ranges; and `skipped`, the
 * paths passed over with the reason.
 */
export function formatJson(
  reports: readonly FileReport[],
  skipped: readonly SkippedFile[] = [],
  /** Where the rule pages are (a folder or URL): each diagnostic then carries `docs`, its page. */
  docsBase?: string,
): string {
  const files = reports.map((report) => ({
    path: report.path,
    kind: report.kind,
    diagnostics: report.diagnostics.map(({ code, severity, message, range, data, related }) => ({
      code,
      severity,
      message,
      range,
      data,
      ...(docsBase !== undefined ? { docs: ruleDocsUrl(code, docsBase) } : {}),
      // Further places of the same finding (e.g. the other placeholders of an unfilled section).
      ...(related?.length ? { related } : {}),
    })),
  }));
  return JSON.stringify({ version: 1, files, skipped }, null, 2) + '\n';
}
