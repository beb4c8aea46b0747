import type { FileReport } from '../../core/workspace/checkFile';

/** The JSON contract of product.md §6: every checked file, 0-based LSP ranges. */
export function formatJson(reports: readonly FileReport[]): string {
  const files = reports.map((report) => ({
    path: report.path,
    kind: report.kind,
    diagnostics: report.diagnostics.map(({ code, severity, message, range, data }) => ({
      code,
      severity,
      message,
      range,
      data,
    })),
  }));
  return JSON.stringify({ version: 1, files }, null, 2) + '\n';
}
