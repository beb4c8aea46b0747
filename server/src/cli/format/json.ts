import type { FileReport } from '../../core/workspace/checkFile';

/** The JSON contract of product.md §6: every checked file, 0-based LSP ranges. */
export function formatJson(reports: readonly FileReport[]): string {
  const files = reports.map((report) => ({
    path: report.path,
    kind: report.kind,
    diagnostics: report.diagnostics.map(({ code, severity, message, range, data, related }) => ({
      code,
      severity,
      message,
      range,
      data,
      // Further places of the same finding (e.g. the other placeholders of an unfilled section).
      ...(related?.length ? { related } : {}),
    })),
  }));
  return JSON.stringify({ version: 1, files }, null, 2) + '\n';
}
