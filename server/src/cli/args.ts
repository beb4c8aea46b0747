import { parseArgs } from 'node:util';
import { DOCUMENT_KINDS, type DocumentKind } from '../core/document/kind';

/** The kinds `--kind` can force: settings files are recognised by name only. */
const FORCEABLE_KINDS = DOCUMENT_KINDS.filter((kind) => kind !== 'other' && kind !== 'project-config');

export type OutputFormat = 'text' | 'json' | 'sarif';

export interface CheckArgs {
  command: 'check';
  format: OutputFormat;
  kind?: DocumentKind;
  config?: string;
  maxWarnings?: number;
  /** Report disable comments that suppress nothing (`unused-disable`). */
  reportUnusedDisables: boolean;
  paths: string[];
}

export type ParsedArgs = CheckArgs | { command: 'help' } | { command: 'version' };

export class UsageError extends Error {}

export const USAGE = `Usage: cardwright check [--format text|json|sarif] [--kind KIND] [--config FILE] [--max-warnings N]
                        [--report-unused-disables] PATH...
       cardwright link CARD --run PATH [--config FILE] [--write-metrics] [--dry-run]
       cardwright example CARD [--out FILE] [--model-id ID] [--force]
       cardwright new model|dataset [--out FOLDER]

Checks model cards, dataset cards and training configs. PATHs are files or folders (folders are
scanned recursively, skipping node_modules, .git and git-ignored paths).

Options:
  --format text|json|sarif  output format (default: text)
  --kind KIND               treat every file as KIND: ${FORCEABLE_KINDS.join(', ')}
  --config FILE             use this .cardwright.yaml instead of the nearest one
  --max-warnings N          exit 1 when there are more than N warnings
  --report-unused-disables  report cardwright-disable comments that suppress nothing
  -h, --help                show this help
  -v, --version             show the version

Exit status: 0 no errors, 1 errors (or too many warnings), 2 bad usage or unreadable path.`;

export function parseCliArgs(argv: string[]): ParsedArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string' },
        kind: { type: 'string' },
        config: { type: 'string' },
        'max-warnings': { type: 'string' },
        'report-unused-disables': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.version) return { command: 'version' };
  if (values.help || positionals.length === 0) return { command: 'help' };
  const [command, ...paths] = positionals;
  if (command !== 'check') throw new UsageError(`Unknown command "${command}". Try "cardwright check PATH".`);
  if (paths.length === 0) throw new UsageError('Name at least one file or folder to check.');
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json' && format !== 'sarif') {
    throw new UsageError(`--format must be text, json or sarif, not "${format}".`);
  }
  const kind = values.kind;
  if (kind !== undefined && !(FORCEABLE_KINDS as readonly string[]).includes(kind)) {
    throw new UsageError(`--kind must be one of ${FORCEABLE_KINDS.join(', ')}, not "${kind}".`);
  }
  let maxWarnings: number | undefined;
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings']);
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) {
      throw new UsageError(`--max-warnings must be a whole number, not "${values['max-warnings']}".`);
    }
  }
  return {
    command: 'check',
    format,
    kind: kind as DocumentKind | undefined,
    config: values.config,
    maxWarnings,
    reportUnusedDisables: values['report-unused-disables'] === true,
    paths,
  };
}
