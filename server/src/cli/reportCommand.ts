/**
 * `cardwright report [PATH...] --format markdown|html|json`: the release state of every card in
 * one page, for CI (a pull-request comment, a job summary, an artifact). Same checks and exit
 * statuses as `check`.
 */
import { writeFileSync } from 'node:fs';
import type { DocumentKind } from '../core/document/kind';
import { releaseReport, summarizeCard } from '../core/report/cardSummary';
import { checkPaths } from './checkPaths';
import { formatReportHtml } from './format/reportHtml';
import { formatReportMarkdown } from './format/reportMarkdown';
import { helpText, parseCommand, stringValue, UsageError, type CommandSpec } from './options';
import type { CliIo } from './run';
import { absolutePath } from './cliPaths';

export const REPORT_SPEC: CommandSpec = {
  usage: 'cardwright report [PATH...] [--format markdown|html|json] [--out FILE]',
  summary: `Checks the cards and configs under PATHs (default: .) and writes one page on their release
state: which questions each card answers, its linked run and any drift, what blocks publishing,
and the findings by code, under a headline such as "3 of 5 cards ready to publish".`,
  options: [
    { name: 'format', type: 'string', value: 'FORMAT', description: 'markdown (default), html or json' },
    { name: 'out', type: 'string', value: 'FILE', description: 'write the page to FILE instead of standard output' },
    { name: 'kind', type: 'string', value: 'KIND', description: 'treat every file as KIND (as check --kind)' },
    {
      name: 'config',
      type: 'string',
      value: 'FILE',
      description: 'use this .cardwright.yaml instead of the nearest one',
    },
    { name: 'no-ignore', type: 'boolean', description: 'include git-ignored files' },
  ],
  footer: 'Exit status: 0 no errors, 1 errors, 2 bad usage or no file checked.',
};

export function runReport(argv: string[], io: CliIo): number {
  const { values, positionals, help } = parseCommand(REPORT_SPEC, argv);
  if (help) {
    io.stdout(helpText(REPORT_SPEC) + '\n');
    return 0;
  }
  const format = stringValue(values, 'format') ?? 'markdown';
  if (format !== 'markdown' && format !== 'html' && format !== 'json') {
    throw new UsageError(`--format must be markdown, html or json, not "${format}".`);
  }
  const outcome = checkPaths(
    {
      paths: positionals.length > 0 ? positionals : ['.'],
      kind: stringValue(values, 'kind') as DocumentKind | undefined,
      config: stringValue(values, 'config'),
      noIgnore: values['no-ignore'] === true,
    },
    io,
  );
  if (outcome.reports.length === 0) {
    io.stderr('cardwright: no card or config was found to report on.\n');
    return 2;
  }
  const summaries = outcome.reports.flatMap((file) =>
    file.doc ? [summarizeCard(file.path, file.doc, file.diagnostics, file.config)] : [],
  );
  const report = releaseReport(summaries);
  const text =
    format === 'json'
      ? JSON.stringify({ version: 1, ...report }, null, 2) + '\n'
      : format === 'html'
        ? formatReportHtml(report, new Date().toISOString())
        : formatReportMarkdown(report);
  const out = stringValue(values, 'out');
  if (out !== undefined) {
    writeFileSync(absolutePath(io.cwd, out), text);
    io.stdout(`Wrote ${out}: ${report.headline}.\n`);
  } else {
    io.stdout(text);
  }
  return report.counts.error > 0 ? 1 : 0;
}
