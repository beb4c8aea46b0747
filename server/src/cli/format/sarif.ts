import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ArtifactLocation, Log, PhysicalLocation, ReportingDescriptor, Result } from 'sarif';
import type { Range, Severity } from '../../core/diagnostic';
import { ruleDocsUrl } from '../../core/docs';
import { RULE_FAMILIES } from '../../core/rules';
import type { RuleCode, RuleFamily } from '../../core/rules/rule';
import type { FileReport } from '../../core/workspace/checkFile';

const LEVELS: Record<Severity, Result.level> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

const KIND_NAMES: Record<string, string> = {
  'model-card': 'model cards',
  'dataset-card': 'dataset cards',
  'training-config': 'training configs',
  'project-config': '.cardwright.yaml',
};

/** The tag GitHub's code scanning filters by, per rule family (families not listed: `metadata`). */
const FAMILY_TAGS: Record<string, string> = {
  'section-missing': 'documentation',
  'section-empty': 'documentation',
  'heading-duplicate': 'documentation',
  'placeholder-text': 'documentation',
  'template-instructions': 'documentation',
  'speed-without-hardware': 'documentation',
  'link-broken': 'documentation',
  'config-reproducibility': 'reproducibility',
  'run-drift': 'reproducibility',
  'run-config-changed': 'reproducibility',
  'run-commit-unknown': 'reproducibility',
  'config-invalid': 'configuration',
  'unused-disable': 'configuration',
};

/** The version of the fingerprint below: bump it if what goes into the hash changes. */
export const FINGERPRINT_KEY = 'cardwright/v1';

/** Reads a checked file (path relative to the root) for the fingerprints; undefined when unreadable. */
export type ReadText = (path: string) => string | undefined;

/**
 * SARIF 2.1.0 for GitHub code scanning (and any SARIF viewer). Paths are relative to `%SRCROOT%`
 * (the working folder, given in `originalUriBaseIds`), columns 1-based in UTF-16 code units, as
 * SARIF's default `columnKind` says. Every rule carries the metadata GitHub shows (short and full
 * description, help with a link to its page, default level, tags); no `security-severity`, as these
 * are not security findings. Each result has stable `partialFingerprints`: a hash of the code, the
 * path and the text of the line it starts on (whitespace-trimmed), with a count for repeats, so
 * an alert survives lines added above it; GitHub's `primaryLocationLineHash` is left to
 * `upload-sarif`, which computes it from the file.
 */
export function formatSarif(
  reports: readonly FileReport[],
  version: string,
  rootUri: string,
  readText: ReadText = readFromRoot(rootUri),
): string {
  const entries = RULE_FAMILIES.flatMap((family) => family.codes.map((code) => ({ code, family })));
  const rules: ReportingDescriptor[] = entries.map(({ code, family }) => ruleDescriptor(code, family));
  const ruleIndex = new Map(entries.map(({ code }, index) => [code.code, index]));
  const results: Result[] = reports.flatMap((report) => {
    const lines = readText(report.path)?.split(/\r\n|\r|\n/);
    const seen = new Map<string, number>();
    return report.diagnostics.map((d): Result => {
      const lineText = (lines?.[d.range.start.line] ?? '').trim().replace(/\s+/g, ' ');
      const hash = createHash('sha256')
        .update([d.code, report.path, lineText].join('\0'), 'utf8')
        .digest('hex')
        .slice(0, 32);
      const occurrence = (seen.get(hash) ?? 0) + 1;
      seen.set(hash, occurrence);
      return {
        ruleId: d.code,
        ...(ruleIndex.has(d.code) ? { ruleIndex: ruleIndex.get(d.code) } : {}),
        level: LEVELS[d.severity],
        message: { text: d.message },
        locations: [{ physicalLocation: physicalLocation(report.path, d.range) }],
        partialFingerprints: { [FINGERPRINT_KEY]: `${hash}:${occurrence}` },
        ...(d.related?.length
          ? {
              relatedLocations: d.related.map((item, index) => ({
                id: index + 1,
                message: { text: item.message },
                physicalLocation: physicalLocation(report.path, item.range),
              })),
            }
          : {}),
      };
    });
  });
  const log: Log = {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [
      {
        tool: {
          driver: {
            name: 'cardwright',
            version,
            semanticVersion: version,
            informationUri: 'https://github.com/cardwright/cardwright',
            rules,
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: rootUri.endsWith('/') ? rootUri : `${rootUri}/` } },
        artifacts: reports.map((report) => ({ location: artifactLocation(report.path) })),
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

/** What GitHub shows for a rule: descriptions, help with a link to its page, level and tags. */
function ruleDescriptor(code: RuleCode, family: RuleFamily): ReportingDescriptor {
  const helpUri = ruleDocsUrl(code.code);
  const summary = code.summary.replace(/\.?$/, '.');
  const kinds = family.kinds.map((kind) => KIND_NAMES[kind] ?? kind);
  const full = `${summary} Default severity: ${code.severity}. Applies to: ${kinds.join(', ')}.`;
  return {
    id: code.code,
    name: code.code,
    shortDescription: { text: code.summary },
    fullDescription: { text: full },
    help: {
      text: `${full} Documentation, with a bad and a fixed example: ${helpUri}`,
      markdown: `${full}\n\n[Documentation of \`${code.code}\`](${helpUri}), with a bad and a fixed example.`,
    },
    helpUri,
    defaultConfiguration: { level: LEVELS[code.severity] },
    properties: { tags: ['cardwright', FAMILY_TAGS[family.name] ?? 'metadata', ...family.kinds] },
  };
}

/** A region of a checked file, 1-based lines and columns. */
function physicalLocation(path: string, range: Range): PhysicalLocation {
  return {
    artifactLocation: artifactLocation(path),
    region: {
      startLine: range.start.line + 1,
      startColumn: range.start.character + 1,
      endLine: range.end.line + 1,
      endColumn: range.end.character + 1,
    },
  };
}

/**
 * A path under the root as a relative URI reference against `%SRCROOT%` (forward slashes,
 * percent-encoded), which is what GitHub matches to the repository's files; a path outside the
 * root (shown absolute by the CLI) as an absolute `file:` URI.
 */
function artifactLocation(path: string): ArtifactLocation {
  if (isAbsolute(path)) return { uri: pathToFileURL(path).href };
  return { uri: path.split(/[\\/]/).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}

function readFromRoot(rootUri: string): ReadText {
  const root = rootUri.startsWith('file:') ? fileURLToPath(rootUri) : rootUri;
  return (path) => {
    try {
      return readFileSync(resolve(root, path), 'utf8');
    } catch {
      return undefined;
    }
  };
}
