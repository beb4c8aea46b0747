import type { Log, PhysicalLocation, ReportingDescriptor, Result } from 'sarif';
import type { Range, Severity } from '../../core/diagnostic';
import { ruleDocsUrl } from '../../core/docs';
import { RULE_CODES } from '../../core/rules';
import type { FileReport } from '../../core/workspace/checkFile';

const LEVELS: Record<Severity, Result.level> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/**
 * SARIF 2.1.0 for code scanning. Paths are relative to `%SRCROOT%` (the working folder), columns
 * 1-based in UTF-16 code units, as SARIF's default `columnKind` says.
 */
export function formatSarif(reports: readonly FileReport[], version: string, rootUri: string): string {
  const codes = [...RULE_CODES.values()];
  const rules: ReportingDescriptor[] = codes.map((code) => ({
    id: code.code,
    name: code.code,
    shortDescription: { text: code.summary },
    helpUri: ruleDocsUrl(code.code),
    defaultConfiguration: { level: LEVELS[code.severity] },
  }));
  const results: Result[] = reports.flatMap((report) =>
    report.diagnostics.map((d) => ({
      ruleId: d.code,
      ruleIndex: codes.findIndex((code) => code.code === d.code),
      level: LEVELS[d.severity],
      message: { text: d.message },
      locations: [{ physicalLocation: physicalLocation(report.path, d.range) }],
      ...(d.related?.length
        ? {
            relatedLocations: d.related.map((item, index) => ({
              id: index + 1,
              message: { text: item.message },
              physicalLocation: physicalLocation(report.path, item.range),
            })),
          }
        : {}),
    })),
  );
  const log: Log = {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [
      {
        tool: {
          driver: { name: 'cardwright', version, informationUri: 'https://github.com/cardwright/cardwright', rules },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: rootUri } },
        artifacts: reports.map((report) => ({ location: { uri: encodeURI(report.path), uriBaseId: '%SRCROOT%' } })),
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

/** A region of a checked file, 1-based lines and columns. */
function physicalLocation(path: string, range: Range): PhysicalLocation {
  return {
    artifactLocation: { uri: encodeURI(path), uriBaseId: '%SRCROOT%' },
    region: {
      startLine: range.start.line + 1,
      startColumn: range.start.character + 1,
      endLine: range.end.line + 1,
      endColumn: range.end.character + 1,
    },
  };
}
