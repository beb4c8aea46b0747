import { DOCUMENT_KINDS, type DocumentKind } from '../core/document/kind';
import { closestMatches } from '../core/suggest';
import type { Concurrency } from './checkWorkers';
import { helpText, parseCommand, stringValue, UsageError, type CommandSpec } from './options';

export { UsageError };

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
  /** Checking no file at all is not an error (`--allow-empty`). */
  allowEmpty: boolean;
  /** Check git-ignored files too (`--no-ignore`). */
  noIgnore: boolean;
  /**
   * The paths are whatever a hook passes (pre-commit: every staged file): files that are not
   * cards or configs are skipped without a word, and checking none of them is fine.
   */
  skipUnknown: boolean;
  /** Reuse results of unchanged files from the last run (`--cache`). */
  cache: boolean;
  /** `--cache-location`: the cache file, or the folder for it. */
  cacheLocation?: string;
  /** `--concurrency`: worker threads for many files. */
  concurrency: Concurrency;
  paths: string[];
}

export type ParsedArgs = CheckArgs | { command: 'help' } | { command: 'check-help' } | { command: 'version' };

export const CHECK_SPEC: CommandSpec = {
  usage: 'cardwright check [options] PATH...',
  summary: `Checks model cards, dataset cards and training configs. PATHs are files or folders (folders are
scanned recursively, skipping node_modules, .git and git-ignored paths). Files that are not cards
or configs are skipped; the summary on stderr says how many and why, and names a skipped file
you named yourself.`,
  options: [
    { name: 'format', type: 'string', value: 'FORMAT', description: 'text (default), json or sarif' },
    {
      name: 'kind',
      type: 'string',
      value: 'KIND',
      description: `treat every file as KIND: ${FORCEABLE_KINDS.join(', ')}`,
    },
    {
      name: 'config',
      type: 'string',
      value: 'FILE',
      description: 'use this .cardwright.yaml instead of the nearest one',
    },
    { name: 'max-warnings', type: 'string', value: 'N', description: 'exit 1 when there are more than N warnings' },
    {
      name: 'report-unused-disables',
      type: 'boolean',
      description: 'report cardwright-disable comments that suppress nothing',
    },
    { name: 'no-ignore', type: 'boolean', description: 'check git-ignored files too' },
    { name: 'allow-empty', type: 'boolean', description: 'exit 0 when no file was checked (default: exit 2)' },
    {
      name: 'skip-unknown',
      type: 'boolean',
      description:
        'for hooks that pass every staged file (pre-commit): skip files that are not\ncards or configs silently; implies --allow-empty',
    },
    {
      name: 'cache',
      type: 'boolean',
      description:
        'reuse the result of a file when neither it nor its settings, linked files\nand run changed since the last run',
    },
    {
      name: 'cache-location',
      type: 'string',
      value: 'PATH',
      description: 'the cache file, or a folder for it (default:\nnode_modules/.cache/cardwright/)',
    },
    {
      name: 'concurrency',
      type: 'string',
      value: 'N',
      description: 'worker threads for many files: a number, auto (default) or off',
    },
  ],
  footer:
    'Exit status: 0 no errors, 1 errors (or too many warnings), 2 bad usage, an unreadable path,\nor no file checked.',
};

export const USAGE = `Usage: cardwright check [options] PATH...
       cardwright link CARD --run PATH [--config FILE] [--write-metrics] [--dry-run]
       cardwright example CARD [--out FILE] [--model-id ID] [--force]
       cardwright new model|dataset [--out FOLDER]
       cardwright --version

Checks model cards, dataset cards and training configs (check), links a card to the training run
that produced it (link), writes a runnable example script for a card (example) and starts a new
card (new). Run "cardwright COMMAND --help" for a command's options.

Exit status: 0 success, 1 findings or a refused write, 2 bad usage.`;

const COMMANDS = ['check', 'link', 'example', 'new'];

export function parseCliArgs(argv: string[]): ParsedArgs {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') return { command: 'help' };
  if (first === '--version' || first === '-v') return { command: 'version' };
  if (first !== 'check') {
    const [suggestion] = closestMatches(first, first.startsWith('-') ? ['--help', '--version'] : COMMANDS, 1);
    const what = first.startsWith('-') ? 'option' : 'command';
    throw new UsageError(
      `unknown ${what} "${first}"${suggestion ? `: did you mean "${suggestion}"?` : '.'} Run "cardwright --help".`,
    );
  }
  const { values, positionals: paths, help } = parseCommand(CHECK_SPEC, rest);
  if (help) return { command: 'check-help' };
  if (paths.length === 0) throw new UsageError('name at least one file or folder to check: cardwright check PATH.');
  const format = stringValue(values, 'format') ?? 'text';
  if (format !== 'text' && format !== 'json' && format !== 'sarif') {
    throw new UsageError(`--format must be text, json or sarif, not "${format}".`);
  }
  const kind = stringValue(values, 'kind');
  if (kind !== undefined && !(FORCEABLE_KINDS as readonly string[]).includes(kind)) {
    throw new UsageError(`--kind must be one of ${FORCEABLE_KINDS.join(', ')}, not "${kind}".`);
  }
  let maxWarnings: number | undefined;
  const maxText = stringValue(values, 'max-warnings');
  if (maxText !== undefined) {
    maxWarnings = Number(maxText);
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) {
      throw new UsageError(`--max-warnings must be a whole number, not "${maxText}".`);
    }
  }
  const skipUnknown = values['skip-unknown'] === true;
  return {
    cache: values.cache === true,
    cacheLocation: stringValue(values, 'cache-location'),
    concurrency: parseConcurrency(stringValue(values, 'concurrency')),
    command: 'check',
    format,
    kind: kind as DocumentKind | undefined,
    config: stringValue(values, 'config'),
    maxWarnings,
    reportUnusedDisables: values['report-unused-disables'] === true,
    allowEmpty: values['allow-empty'] === true || skipUnknown,
    noIgnore: values['no-ignore'] === true,
    skipUnknown,
    paths,
  };
}

function parseConcurrency(text: string | undefined): Concurrency {
  if (text === undefined || text === 'auto') return 'auto';
  if (text === 'off') return 'off';
  const count = Number(text);
  if (!Number.isInteger(count) || count < 1 || count > 64) {
    throw new UsageError(`--concurrency must be a number of threads (1 to 64), auto or off, not "${text}".`);
  }
  return count;
}

export { helpText };
