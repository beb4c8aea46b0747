import type { ParsedDocument } from '../document/parsedDocument';
import type { Finding, RuleCode } from '../rules/rule';

/**
 * A `*TEMPLATE*` config (`ds_config_TEMPLATE.json`) is filled in by a script before any tool reads
 * it, so what it holds until then (placeholders, a value left to fill) is not yet a broken config:
 * every finding on it is at most a warning, and none fails CI. Rule families that can report an
 * error on a training config wrap their `report` with this.
 */
export function capTemplateFindings(
  doc: ParsedDocument,
  codes: readonly RuleCode[],
  report: (finding: Finding) => void,
): (finding: Finding) => void {
  if (!doc.config?.template) return report;
  const defaults = new Map(codes.map((code) => [code.code, code.severity]));
  return (finding) => {
    const severity = finding.severity ?? defaults.get(finding.code);
    if (severity !== 'error') return report(finding);
    report({ ...finding, severity: 'warning', data: { ...finding.data, template: true } });
  };
}
