/**
 * Release readiness of one card, from what a check already computed: which questions of the
 * profile it answers (and where), which run it is linked to and whether anything drifted, and its
 * findings by severity and code. Pure: the same facts feed `cardwright report`, and are meant for
 * the editor's Cards view and summary line.
 */
import { findConceptEvidence, type ConceptEvidence } from '../conceptMatch';
import { extraSynonyms, requiredConcepts } from '../conceptProfiles';
import { isCardKind, type ConceptId } from '../concepts';
import type { CardDiagnostic, Severity } from '../diagnostic';
import type { DocumentKind } from '../document/kind';
import type { ParsedDocument } from '../document/parsedDocument';
import type { ProjectConfig } from '../projectConfig';
import { readCardLinks } from '../provenance/cardLinks';

export interface ConceptStatus {
  id: ConceptId;
  /** The heading a card would give it ("Training Data"). */
  heading: string;
  /** What the reader asks ("what data the model was trained on"). */
  question: string;
  answered: boolean;
  /** How it is answered: a heading, a labelled line, a sentence, front matter, code. */
  via?: ConceptEvidence['via'];
  /** Where: the 0-based line and the text that answered it. */
  where?: { line: number; text: string };
}

/** The drift codes, in the order a reader should deal with them. */
export const DRIFT_CODES = [
  'run-not-found',
  'run-config-changed',
  'run-commit-unknown',
  'run-metric-mismatch',
  'revision-unpinned',
] as const;

export interface ProvenanceSummary {
  tracker?: string;
  runId?: string;
  runPath?: string;
  commit?: string;
  /** Drift codes reported on the card; empty: no drift. */
  drift: string[];
}

export interface CardSummary {
  path: string;
  kind: DocumentKind;
  title?: string;
  /** Cards only: the profile's questions. */
  concepts?: ConceptStatus[];
  /** Cards with a `provenance` block. */
  provenance?: ProvenanceSummary;
  counts: Record<Severity, number>;
  /** Findings per code. */
  codes: Record<string, number>;
  /** What stops it being published as it is: errors, unanswered questions, drift. */
  blockers: string[];
}

export function summarizeCard(
  path: string,
  doc: ParsedDocument,
  diagnostics: readonly CardDiagnostic[],
  config: ProjectConfig,
): CardSummary {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  const codes: Record<string, number> = {};
  for (const diagnostic of diagnostics) {
    counts[diagnostic.severity] += 1;
    codes[diagnostic.code] = (codes[diagnostic.code] ?? 0) + 1;
  }
  const summary: CardSummary = { path, kind: doc.kind, title: doc.title()?.text, counts, codes, blockers: [] };
  if (isCardKind(doc.kind)) {
    const kind = doc.kind;
    summary.concepts = requiredConcepts(config, kind).map((concept) => {
      const evidence = findConceptEvidence(doc, concept, extraSynonyms(config, kind, concept.id));
      const status: ConceptStatus = {
        id: concept.id,
        heading: concept.heading,
        question: concept.question,
        answered: evidence !== undefined,
      };
      if (evidence) status.via = evidence.via;
      // Where, when the answer has a place in the text (front matter and the intro have none).
      if (evidence?.span) {
        const text = evidence.text.length > 80 ? `${evidence.text.slice(0, 79)}…` : evidence.text;
        status.where = { line: doc.text.positionAt(evidence.span.start).line, text };
      }
      return status;
    });
    const links = readCardLinks(doc);
    if (links) {
      summary.provenance = {
        tracker: links.run?.tracker,
        runId: links.run?.id,
        runPath: links.run?.path.value,
        commit: links.code?.commit.value,
        drift: DRIFT_CODES.filter((code) => codes[code]),
      };
    }
  }
  summary.blockers = blockersOf(summary);
  return summary;
}

function blockersOf(summary: CardSummary): string[] {
  const blockers: string[] = [];
  if (summary.counts.error > 0) blockers.push(`${plural(summary.counts.error, 'error')} the Hub or the tools refuse`);
  const missing = summary.concepts?.filter((concept) => !concept.answered) ?? [];
  if (missing.length > 0) blockers.push(`${missing.length} unanswered: ${missing.map((c) => c.heading).join(', ')}`);
  if (summary.provenance?.drift.length) blockers.push(`drift: ${summary.provenance.drift.join(', ')}`);
  return blockers;
}

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

export interface ReleaseReport {
  /** "3 of 5 cards ready to publish". */
  headline: string;
  cards: CardSummary[];
  /** Training configs and settings files: findings only. */
  others: CardSummary[];
  ready: number;
  counts: Record<Severity, number>;
  codes: Record<string, number>;
}

/** The whole page: cards, the rest, the totals and the headline. */
export function releaseReport(summaries: readonly CardSummary[]): ReleaseReport {
  const cards = summaries.filter((summary) => summary.concepts !== undefined);
  const others = summaries.filter((summary) => summary.concepts === undefined);
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  const codes: Record<string, number> = {};
  for (const summary of summaries) {
    for (const severity of Object.keys(counts) as Severity[]) counts[severity] += summary.counts[severity];
    for (const [code, count] of Object.entries(summary.codes)) codes[code] = (codes[code] ?? 0) + count;
  }
  const ready = cards.filter((card) => card.blockers.length === 0).length;
  const configErrors = others.filter((other) => other.counts.error > 0).length;
  const headline =
    `${ready} of ${plural(cards.length, 'card')} ready to publish` +
    (configErrors > 0 ? `; ${plural(configErrors, 'config')} with errors` : '');
  return { headline, cards, others, ready, counts, codes };
}
