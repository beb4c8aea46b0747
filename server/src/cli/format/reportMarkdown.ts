/**
 * `cardwright report --format markdown`: one page for a pull-request comment or a job summary:
 * the headline, a cards x questions table per kind of card, provenance and drift, what blocks each
 * card, and the findings by code.
 */
import type { CardSummary, ReleaseReport } from '../../core/report/cardSummary';

const YES = '✓';
const NO = '✗';

/** A table cell: no line breaks, pipes escaped. */
function cell(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
}

function row(cells: readonly string[]): string {
  return `| ${cells.map(cell).join(' | ')} |`;
}

export function provenanceText(card: CardSummary): string {
  const provenance = card.provenance;
  if (!provenance) return 'not linked';
  const run = [provenance.tracker, provenance.runId ? `run ${provenance.runId.slice(0, 8)}` : 'run']
    .filter(Boolean)
    .join(' ');
  return `${run} · ${provenance.drift.length === 0 ? 'no drift' : provenance.drift.join(', ')}`;
}

function cardTable(cards: readonly CardSummary[]): string[] {
  const first = cards[0];
  if (!first?.concepts) return [];
  const headings = first.concepts.map((concept) => concept.heading);
  const lines = [
    row(['Card', ...headings, 'Provenance', 'Errors', 'Warnings', 'Ready']),
    row(['---', ...headings.map(() => ':-:'), '---', '--:', '--:', ':-:']),
  ];
  for (const card of cards) {
    const answered = new Map((card.concepts ?? []).map((concept) => [concept.heading, concept.answered]));
    lines.push(
      row([
        `\`${card.path}\``,
        ...headings.map((heading) => (answered.get(heading) ? YES : NO)),
        provenanceText(card),
        String(card.counts.error),
        String(card.counts.warning),
        card.blockers.length === 0 ? YES : NO,
      ]),
    );
  }
  return lines;
}

export function formatReportMarkdown(report: ReleaseReport): string {
  const lines = ['# Cardwright release report', '', `**${report.headline}**`, ''];
  const groups: [string, CardSummary[]][] = [
    ['Model cards', report.cards.filter((card) => card.kind === 'model-card')],
    ['Dataset cards', report.cards.filter((card) => card.kind === 'dataset-card')],
  ];
  for (const [title, cards] of groups) {
    if (cards.length === 0) continue;
    lines.push(`## ${title}`, '', ...cardTable(cards), '');
  }
  const blocked = report.cards.filter((card) => card.blockers.length > 0);
  if (blocked.length > 0) {
    lines.push('## What blocks publishing', '');
    for (const card of blocked) lines.push(`- \`${card.path}\`: ${card.blockers.join('; ')}`);
    lines.push('');
  }
  if (report.others.length > 0) {
    lines.push(
      '## Training configs and settings',
      '',
      row(['File', 'Kind', 'Errors', 'Warnings', 'Info']),
      row(['---', '---', '--:', '--:', '--:']),
    );
    for (const other of report.others) {
      lines.push(
        row([
          `\`${other.path}\``,
          other.kind,
          String(other.counts.error),
          String(other.counts.warning),
          String(other.counts.info),
        ]),
      );
    }
    lines.push('');
  }
  const codes = Object.entries(report.codes).sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
  lines.push(
    '## Findings',
    '',
    `${report.counts.error} errors, ${report.counts.warning} warnings, ${report.counts.info} info.`,
    '',
  );
  if (codes.length > 0) {
    lines.push(row(['Code', 'Findings']), row(['---', '--:']));
    for (const [code, count] of codes) lines.push(row([`\`${code}\``, String(count)]));
    lines.push('');
  }
  return lines.join('\n');
}
