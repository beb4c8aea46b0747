/**
 * Property-based tests (fast-check) over the core: cards and configs mutated from our fixtures
 * (and from ../shared/corpus when it is there), and plain random text, never make a check, a
 * quick-fix, the outline, completion or hover throw; every range lies inside the document; and
 * checking the same text twice gives the same result. Seeds are fixed so a failure reproduces.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { completeAt } from '../../server/src/core/assist/completion';
import { hoverAt } from '../../server/src/core/assist/hover';
import { documentSymbols, type OutlineSymbol } from '../../server/src/core/assist/symbols';
import type { CardDiagnostic, Range, Span } from '../../server/src/core/diagnostic';
import type { DocumentKind } from '../../server/src/core/document/kind';
import type { ParsedDocument } from '../../server/src/core/document/parsedDocument';
import { quickFixes } from '../../server/src/core/fixes';
import { DEFAULT_CONFIG } from '../../server/src/core/projectConfig';
import { checkText, schemas } from '../support/check';

const ROOT = join(__dirname, '..', '..');
const CORPUS = join(ROOT, '..', 'shared', 'corpus');

/** Text files below `folder` with a card or config suffix, sorted (stable seeds). */
function textFiles(folder: string, limit: number): string[] {
  if (!existsSync(folder)) return [];
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(md|ya?ml|json)$/i.test(name) && statSync(path).size < 200_000) found.push(path);
    }
  };
  walk(folder);
  // Every n-th file, so a large corpus is sampled across its folders.
  const step = Math.max(1, Math.floor(found.length / limit));
  return found.filter((_, index) => index % step === 0).slice(0, limit);
}

const SEEDS = [
  ...textFiles(join(ROOT, 'test', 'fixtures'), 40),
  ...textFiles(join(ROOT, 'examples'), 10),
  ...textFiles(CORPUS, 40),
].map((path) => ({ path, text: readFileSync(path, 'utf8') }));

/** Fragments that stress the parsers: fences, YAML indicators, anchors, tags, HTML, line ends. */
const TRICKY = [
  '---\n',
  '\n',
  '\r\n',
  '\r',
  ':',
  ': ',
  '- ',
  '  ',
  '\t',
  '{',
  '}',
  '[',
  ']',
  '&a ',
  '*a',
  '!!binary ',
  '!custom ',
  '#',
  '```',
  '~~~',
  '<!--',
  '-->',
  '<div>',
  '|',
  '>',
  '"',
  "'",
  '\\',
  '\u0000',
  '\uFEFF',
  '\u2028',
  '🙂',
  'é',
  '[More Information Needed]',
  '{{ model_id }}',
  '{lang_0}',
  '<!-- cardwright-disable -->',
  '# cardwright-disable-next-line\n',
  'license: ',
  'model-index:\n- name: x\n  results:\n  - task: {type: y}\n',
  'provenance:\n  run: {path: ../x}\n',
  ' '.repeat(200),
  'a'.repeat(500),
];

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.constantFrom(...TRICKY) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.string({ maxLength: 20, unit: 'binary' }) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 80 }) }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 200 }) }),
);

type Mutation =
  { kind: 'insert'; at: number; text: string } | { kind: 'delete' | 'duplicate'; at: number; length: number };

function mutate(text: string, mutations: readonly Mutation[]): string {
  let out = text;
  for (const change of mutations) {
    const at = out.length === 0 ? 0 : change.at % (out.length + 1);
    if (change.kind === 'insert') out = out.slice(0, at) + change.text + out.slice(at);
    else if (change.kind === 'delete') out = out.slice(0, at) + out.slice(at + change.length);
    else out = out.slice(0, at) + out.slice(at, at + change.length) + out.slice(at);
  }
  return out;
}

function lineLengths(text: string): number[] {
  return text.split(/\r\n|\r|\n/).map((line) => line.length);
}

function assertInside(range: Range, lines: readonly number[], what: string): void {
  for (const position of [range.start, range.end]) {
    assert.ok(position.line >= 0 && position.line < lines.length, `${what}: line ${position.line} of ${lines.length}`);
    assert.ok(position.character >= 0 && position.character <= (lines[position.line] ?? 0), `${what}: character`);
  }
  const ordered =
    range.start.line < range.end.line ||
    (range.start.line === range.end.line && range.start.character <= range.end.character);
  assert.ok(ordered, `${what}: start after end`);
}

function symbolSpans(symbols: readonly OutlineSymbol[]): Span[] {
  return symbols.flatMap((symbol) => [symbol.span, symbol.selection, ...symbolSpans(symbol.children)]);
}

/** Everything the editor asks of one document version: nothing may throw, ranges stay inside. */
function exercise(text: string, kind: DocumentKind, path: string): CardDiagnostic[] {
  const { doc, diagnostics } = checkText(text, { kind, path, config: DEFAULT_CONFIG });
  const lines = lineLengths(doc.text.text);
  for (const diagnostic of diagnostics) {
    assertInside(diagnostic.range, lines, `${diagnostic.code} range`);
    for (const related of diagnostic.related ?? []) assertInside(related.range, lines, `${diagnostic.code} related`);
    for (const fix of quickFixes(doc, diagnostic)) {
      for (const edit of fix.edits) {
        assert.ok(
          edit.span.start >= 0 && edit.span.start <= edit.span.end && edit.span.end <= doc.text.text.length,
          `${fix.title} edit`,
        );
      }
    }
  }
  for (const span of symbolSpans(documentSymbols(doc))) assertInside(doc.text.rangeOf(span), lines, 'symbol');
  probeAssist(doc, lines);
  return diagnostics;
}

/** Completion and hover at a few positions (first line, middle, last line). */
function probeAssist(doc: ParsedDocument, lines: readonly number[]): void {
  for (const line of [0, Math.floor(lines.length / 2), lines.length - 1]) {
    const position = { line, character: Math.min(2, lines[line] ?? 0) };
    completeAt(doc, position, schemas);
    hoverAt(doc, position, schemas);
  }
}

function kindOf(path: string): DocumentKind {
  if (/\.md$/i.test(path)) return /dataset/i.test(path) ? 'dataset-card' : 'model-card';
  return 'training-config';
}

describe('properties of the core', () => {
  it(`mutated cards and configs (${SEEDS.length} seeds): no throw, ranges inside, same result twice`, () => {
    assert.ok(SEEDS.length >= 20, 'seeds found');
    fc.assert(
      fc.property(
        fc.nat({ max: SEEDS.length - 1 }),
        fc.array(mutation, { minLength: 1, maxLength: 6 }),
        (index, mutations) => {
          const seed = SEEDS[index]!;
          const text = mutate(seed.text, mutations as Mutation[]);
          const path = `/work/${seed.path.endsWith('.md') ? 'model/README.md' : 'train/config.yaml'}`;
          const first = exercise(text, kindOf(seed.path), path);
          const second = checkText(text, { kind: kindOf(seed.path), path, config: DEFAULT_CONFIG }).diagnostics;
          assert.deepEqual(second, first);
        },
      ),
      { seed: 20261204, numRuns: 300 },
    );
  });

  it('random text as each kind of document: no throw, ranges inside', () => {
    const kinds: DocumentKind[] = ['model-card', 'dataset-card', 'training-config', 'project-config'];
    fc.assert(
      fc.property(fc.string({ maxLength: 400, unit: 'binary' }), fc.constantFrom(...kinds), (text, kind) => {
        exercise(text, kind, kind === 'project-config' ? '/work/.cardwright.yaml' : '/work/model/README.md');
      }),
      { seed: 4121, numRuns: 300 },
    );
  });
});
