import { ruleDocsUrl } from '../../core/docs';
import type { FileReport } from '../../core/workspace/checkFile';

/**
 * `path:line:col severity code message`, 1-based like compilers, then a one-line summary, and when
 * there are findings, where each code's page is (`docsBase`: the bundled docs/rules/ or GitHub).
 */
export function formatText(reports: readonly FileReport[], docsBase?: string): string {
  const lines: string[] = [];
  let errors = 0;
  let warnings = 0;
  for (const report of reports) {
    for (const d of report.diagnostics) {
      if (d.severity === 'error') errors++;
      if (d.severity === 'warning') warnings++;
      const { line, character } = d.range.start;
      lines.push(`${report.path}:${line + 1}:${character + 1} ${d.severity} ${d.code} ${d.message}`);
    }
  }
  const files = reports.length === 1 ? '1 file' : `${reports.length} files`;
  lines.push(`${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${files} checked`);
  if (docsBase !== undefined && reports.some((report) => report.diagnostics.length > 0)) {
    lines.push(`Rule pages: ${ruleDocsUrl('<code>', docsBase)}`);
  }
  return lines.join('\n') + '\n';
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
