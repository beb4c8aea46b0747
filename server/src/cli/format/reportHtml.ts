/**
 * `cardwright report --format html`: the report as one self-contained page for a CI artifact:
 * inline CSS only (no script, no external resource), readable in light and dark, printable.
 * Every text from a card is escaped.
 */
import type { CardSummary, ReleaseReport } from '../../core/report/cardSummary';
import { provenanceText } from './reportMarkdown';

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

const STYLE = `
:root { color-scheme: light dark; --fg: #1f2328; --bg: #ffffff; --muted: #59636e; --line: #d1d9e0;
  --ok: #1a7f37; --bad: #cf222e; --head: #f6f8fa; }
@media (prefers-color-scheme: dark) {
  :root { --fg: #e6edf3; --bg: #0d1117; --muted: #9198a1; --line: #3d444d; --ok: #3fb950; --bad: #f85149; --head: #151b23; }
}
body { font: 14px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); background: var(--bg);
  margin: 2rem auto; max-width: 72rem; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin-bottom: .25rem; }
.headline { font-size: 1.2rem; font-weight: 600; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1.5rem; }
th, td { border: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top; }
th { background: var(--head); font-weight: 600; }
td.mark { text-align: center; font-weight: 700; }
.yes { color: var(--ok); } .no { color: var(--bad); }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
code { font: 12px ui-monospace, SFMono-Regular, Menlo, monospace; }
.muted { color: var(--muted); }
@media print { body { margin: 0; max-width: none; } th { background: #eee !important; } a { color: inherit; } }
`;

function mark(yes: boolean, title: string): string {
  return `<td class="mark ${yes ? 'yes' : 'no'}" title="${escape(title)}">${yes ? '✓' : '✗'}</td>`;
}

function cardTable(title: string, cards: readonly CardSummary[]): string {
  const first = cards[0];
  if (!first?.concepts) return '';
  const headings = first.concepts.map((concept) => concept.heading);
  const head = ['Card', ...headings, 'Provenance', 'Errors', 'Warnings', 'Ready'].map(
    (text) => `<th>${escape(text)}</th>`,
  );
  const rows = cards.map((card) => {
    const concepts = new Map((card.concepts ?? []).map((concept) => [concept.heading, concept]));
    const cells = headings.map((heading) => {
      const concept = concepts.get(heading);
      const where = concept?.where
        ? `answered by ${concept.via} at line ${concept.where.line + 1}: ${concept.where.text}`
        : '';
      return mark(concept?.answered === true, concept?.answered ? where : `missing: ${concept?.question ?? heading}`);
    });
    return `<tr data-card="${escape(card.path)}"><td><code>${escape(card.path)}</code></td>${cells.join('')}<td>${escape(
      provenanceText(card),
    )}</td><td class="num">${card.counts.error}</td><td class="num">${card.counts.warning}</td>${mark(
      card.blockers.length === 0,
      card.blockers.join('; ') || 'ready',
    )}</tr>`;
  });
  return `<h2>${escape(title)}</h2>\n<table><thead><tr>${head.join('')}</tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table>`;
}

export function formatReportHtml(report: ReleaseReport, generatedAt: string): string {
  const sections: string[] = [];
  sections.push(
    cardTable(
      'Model cards',
      report.cards.filter((card) => card.kind === 'model-card'),
    ),
  );
  sections.push(
    cardTable(
      'Dataset cards',
      report.cards.filter((card) => card.kind === 'dataset-card'),
    ),
  );
  const blocked = report.cards.filter((card) => card.blockers.length > 0);
  if (blocked.length > 0) {
    const items = blocked.map(
      (card) => `<li><code>${escape(card.path)}</code>: ${escape(card.blockers.join('; '))}</li>`,
    );
    sections.push(`<h2>What blocks publishing</h2>\n<ul>${items.join('')}</ul>`);
  }
  if (report.others.length > 0) {
    const rows = report.others.map(
      (other) =>
        `<tr><td><code>${escape(other.path)}</code></td><td>${escape(other.kind)}</td><td class="num">${other.counts.error}</td><td class="num">${other.counts.warning}</td><td class="num">${other.counts.info}</td></tr>`,
    );
    sections.push(
      `<h2>Training configs and settings</h2>\n<table><thead><tr><th>File</th><th>Kind</th><th>Errors</th><th>Warnings</th><th>Info</th></tr></thead><tbody>${rows.join('')}</tbody></table>`,
    );
  }
  const codes = Object.entries(report.codes).sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
  const codeRows = codes.map(
    ([code, count]) => `<tr><td><code>${escape(code)}</code></td><td class="num">${count}</td></tr>`,
  );
  sections.push(
    `<h2>Findings</h2>\n<p>${report.counts.error} errors, ${report.counts.warning} warnings, ${report.counts.info} info.</p>` +
      (codeRows.length
        ? `<table><thead><tr><th>Code</th><th>Findings</th></tr></thead><tbody>${codeRows.join('')}</tbody></table>`
        : ''),
  );
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Cardwright release report</title>
<style>${STYLE}</style>
</head>
<body>
<h1>Cardwright release report</h1>
<p class="headline">${escape(report.headline)}</p>
<p class="muted">Generated ${escape(generatedAt)} by cardwright report.</p>
${sections.filter(Boolean).join('\n')}
</body>
</html>
`;
}
