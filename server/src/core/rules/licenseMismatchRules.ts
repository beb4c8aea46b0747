import type { Span } from '../diagnostic';
import type { ParsedDocument } from '../document/parsedDocument';
import type { Section } from '../document/markdown';
import { readableMetadata, stringItems } from './metadata';
import type { RuleFamily } from './rule';

/**
 * The body states a licence for the model that is not the one in the metadata (`license:
 * cc-by-nc-4.0`, but the License section links CC BY-NC-ND 4.0). Conservative: only a clear
 * statement counts (a sentence in a "License" section, a "licensed / released under X" sentence,
 * a `License: X` line, a licence badge or link), never a sentence about the base model, the
 * dataset, the code or anything else the card builds on, and nothing is reported when any
 * statement agrees with the metadata or the metadata names a custom licence (`other`).
 */
export const licenseMismatchRules: RuleFamily = {
  name: 'license-mismatch',
  // Dataset cards are left out: nearly every sentence of theirs is about data, which is excluded.
  kinds: ['model-card'],
  codes: [
    {
      code: 'license-mismatch',
      severity: 'warning',
      summary: "The card's text names a different licence than its `license` metadata.",
    },
  ],
  check({ doc, report }) {
    const tree = doc.yaml;
    if (!tree || !readableMetadata(doc)) return;
    const declared = stringItems(tree, ['license']);
    const ids = declared.map((item) => item.value.toLowerCase());
    if (ids.length === 0 || ids.some((id) => id === 'other' || id === 'unknown')) return;
    const statements = licenceStatements(doc);
    if (statements.length === 0 || statements.some((statement) => ids.some((id) => sameLicence(statement.id, id)))) {
      return;
    }
    const [first, ...rest] = statements;
    if (!first) return;
    const metadata = declared.map((item) => item.value).join(', ');
    report({
      code: 'license-mismatch',
      span: first.span,
      message: `The text names the licence "${first.text}" (${first.id}), but the metadata says "license: ${metadata}": the Hub shows and filters by the metadata. Make them agree, or say in the sentence what the other licence covers.`,
      data: { stated: first.id, license: ids },
      related: [
        ...declared.map((item) => ({ span: item.span, message: `The metadata's licence: ${item.value}.` })),
        ...rest.map((statement) => ({ span: statement.span, message: `Also named: ${statement.text}.` })),
      ],
    });
  },
};

interface Statement {
  id: string;
  text: string;
  span: Span;
}

/** Licences by how a card names them in text: [pattern, id from the match]. */
const TEXT_PATTERNS: readonly [RegExp, (match: RegExpExecArray) => string | undefined][] = [
  [/\bCC[\s-]?0\b/gi, () => 'cc0-1.0'],
  [
    /\bCC[\s-]BY((?:[\s-](?:NC|SA|ND)\b)*)(?:[\s-]+(?:v|version\s*)?(\d\.\d))?/gi,
    (m) => ccId((m[1] ?? '').match(/NC|SA|ND/gi) ?? [], m[2]),
  ],
  [
    /\bCreative Commons Attribution((?:[\s-]+(?:Non-?Commercial|Share-?Alike|No-?Deriv(?:ative)?s?))*)(?:[\s-]+(?:International\s+)?(?:License\s+)?(?:v|version\s*)?(\d\.\d))?/gi,
    (m) =>
      ccId(
        (m[1] ?? '').match(/Non-?Commercial|Share-?Alike|No-?Deriv/gi)?.map((word) => word.slice(0, 3).toUpperCase()) ??
          [],
        m[2],
      ),
  ],
  [/\bApache(?:[\s-]+License)?(?:,?[\s-]+(?:Version|v)\.?)?[\s-]*2(?:\.0)?\b/gi, () => 'apache-2.0'],
  [/\bMIT[\s-]+Licen[cs]e\b/gi, () => 'mit'],
  [/\b(?:GNU\s+)?(A|L)?GPL[\s-]?v?([23])(?:\.0)?\b/gi, (m) => `${(m[1] ?? '').toLowerCase()}gpl-${m[2]}.0`],
  [/\bBSD[\s-]+([23])[\s-]Clause\b/gi, (m) => `bsd-${m[1]}-clause`],
  [/\bLlama[\s-]?([234](?:\.\d)?)\s+Community\s+Licen[cs]e\b/gi, (m) => `llama${m[1]}`],
  [/\bCreativeML\s+Open\s?RAIL[\s-]?M\b/gi, () => 'creativeml-openrail-m'],
];

/** Licence URLs: creativecommons.org, apache.org, opensource.org, gnu.org. */
const URL_PATTERNS: readonly [RegExp, (match: RegExpExecArray) => string | undefined][] = [
  [/creativecommons\.org\/licenses\/(by(?:-nc)?(?:-sa|-nd)?)\/(\d\.\d)/gi, (m) => `cc-${m[1]?.toLowerCase()}-${m[2]}`],
  [/creativecommons\.org\/publicdomain\/zero\/1\.0/gi, () => 'cc0-1.0'],
  [/apache\.org\/licenses\/LICENSE-2\.0/gi, () => 'apache-2.0'],
  [/opensource\.org\/licenses\/MIT\b/gi, () => 'mit'],
  [/gnu\.org\/licenses\/(a|l)?gpl-([23])\.0/gi, (m) => `${(m[1] ?? '').toLowerCase()}gpl-${m[2]}.0`],
];

/** A sentence that states a licence rather than mentions one. */
const STATES = /\b(?:licen[cs]ed|released|distributed|made available|published|provided|available)\s+under\b/i;
const LABEL = /^\W*licen[cs](?:e|ing)\b[^:\n]{0,20}:/i;
/** A sentence about something else than the model itself: its base model, data, code, a library. */
const ABOUT_SOMETHING_ELSE =
  /\b(?:base|original|parent|upstream|foundation|pre-?trained|underlying|source|teacher)\s+(?:model|checkpoint|weights)|\bdata(?:sets?)?\b|\bcorpus\b|\bcode(?:base)?\b|\bsoftware\b|\blibrar(?:y|ies)\b|\brepositor(?:y|ies)\b|\bscripts?\b|\bimages?\b|\binherit|\bsubject to\b|\bterms of\b|\bderived from\b|\bbased on\b|\bfine-?tuned\b|\bcompl(?:y|iance)\b|\bquantiz|\boriginal\b|\bexcept\b|\bunless\b|\bdual\b|\bor\b/i;

function licenceStatements(doc: ParsedDocument): Statement[] {
  const text = doc.text.text;
  const { body } = doc.frontMatter;
  const masked = mask(text, body, doc);
  const found: Statement[] = [];
  for (const sentence of sentences(masked, body)) {
    const value = text.slice(sentence.start, sentence.end);
    if (ABOUT_SOMETHING_ELSE.test(value.replace(/\([^)]*:\/\/[^)]*\)/g, ''))) continue;
    const section = innermost(doc.markdown.sections, sentence.start);
    const inLicenceSection = isLicenceSection(section);
    const mentionsLicence = /licen[cs]/i.test(value);
    const urls = matches(value, URL_PATTERNS);
    // Link destinations blanked (same length, so offsets hold): a URL is read by URL_PATTERNS.
    const names = matches(
      value.replace(/\]\([^)]*\)/g, (link) => ' '.repeat(link.length)),
      TEXT_PATTERNS,
    );
    const clear = inLicenceSection || STATES.test(value) || LABEL.test(value) || (mentionsLicence && urls.length > 0);
    if (!clear) continue;
    for (const match of [...names, ...urls]) {
      if (found.some((other) => other.id === match.id && other.span.start >= sentence.start)) continue;
      const start = sentence.start + match.index;
      found.push({ id: match.id, text: match.text, span: { start, end: start + match.text.length } });
    }
  }
  // Two different licences stated together ("MIT or Apache 2.0") leave nothing clear to compare.
  return found;
}

function matches(
  value: string,
  patterns: readonly [RegExp, (match: RegExpExecArray) => string | undefined][],
): { id: string; text: string; index: number }[] {
  const out: { id: string; text: string; index: number }[] = [];
  for (const [pattern, toId] of patterns) {
    for (const match of value.matchAll(pattern)) {
      const id = toId(match as RegExpExecArray);
      const index = match.index ?? 0;
      if (
        id &&
        !out.some((other) => index < other.index + other.text.length && other.index < index + match[0].length)
      ) {
        out.push({ id, text: match[0].trim(), index });
      }
    }
  }
  return out;
}

function ccId(parts: readonly string[], version: string | undefined): string {
  const order = ['NC', 'SA', 'ND'].filter((part) => parts.some((p) => p.toUpperCase() === part));
  return ['cc-by', ...order.map((part) => part.toLowerCase()), ...(version ? [version] : [])].join('-');
}

/**
 * A body licence agrees with a metadata id when equal, or when one is the other without its
 * version or variant (`cc-by-nc` and `cc-by-nc-4.0`, `gpl` and `gpl-3.0`, `bsd` and `bsd-3-clause`).
 */
export function sameLicence(stated: string, declared: string): boolean {
  if (stated === declared || (declared === 'cc' && stated.startsWith('cc'))) return true;
  // Llama versions and the OpenRAIL variants are named loosely in text.
  for (const family of ['llama', 'openrail']) if (stated.includes(family) && declared.includes(family)) return true;
  return declared.startsWith(`${stated}-`) || stated.startsWith(`${declared}-`);
}

/** The body with code blocks and HTML comments blanked (offsets kept). */
function mask(text: string, body: Span, doc: ParsedDocument): string {
  // Only the body is copied: the front matter (most of a model-index heavy card) is blank in the
  // result whatever it holds.
  const blanked: Span[] = doc.markdown.codeBlocks.map((block) => block.span);
  for (const comment of text.slice(0, body.end).matchAll(/<!--[\s\S]*?-->/g)) {
    blanked.push({ start: comment.index ?? 0, end: (comment.index ?? 0) + comment[0].length });
  }
  blanked.sort((a, b) => a.start - b.start);
  let out = ' '.repeat(body.start);
  let at = body.start;
  for (const span of blanked) {
    const start = Math.max(span.start, at);
    const end = Math.min(span.end, body.end);
    if (end <= start) continue;
    out += text.slice(at, start) + text.slice(start, end).replace(/[^\n]/g, ' ');
    at = end;
  }
  return out + text.slice(at, body.end);
}

/** Sentences: split at line breaks and at `. ` before a capital, trimmed, with their spans. */
function sentences(masked: string, body: Span): Span[] {
  const out: Span[] = [];
  const boundary = /\n|(?<=[.!?;])\s+(?=[A-Z*[(])/g;
  let at = body.start;
  const push = (end: number): void => {
    const raw = masked.slice(at, end);
    const start = at + (raw.length - raw.trimStart().length);
    const stop = at + raw.trimEnd().length;
    if (stop > start) out.push({ start, end: stop });
  };
  boundary.lastIndex = body.start;
  for (let match = boundary.exec(masked); match; match = boundary.exec(masked)) {
    push(match.index);
    at = match.index + match[0].length;
  }
  push(masked.length);
  return out;
}

function innermost(sections: readonly Section[], offset: number): Section | undefined {
  let found: Section | undefined;
  for (const section of sections) {
    if (section.extent.start <= offset && offset < section.extent.end) {
      if (!found || section.extent.start >= found.extent.start) found = section;
    }
  }
  return found;
}

function isLicenceSection(section: Section | undefined): boolean {
  for (let current = section; current; current = current.parent) {
    if (
      /^\W*(?:licen[cs](?:e|es|ing)(?:\s+information)?|copyright(?:\s+and\s+licen[cs]e)?)\W*$/i.test(
        current.heading.text,
      )
    ) {
      return true;
    }
  }
  return false;
}
