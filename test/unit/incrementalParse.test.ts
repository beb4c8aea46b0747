/**
 * Reuse between versions: a body edit keeps the front matter's tree, a front-matter edit the
 * body's Markdown tree, and whatever is reused, the diagnostics are those of the reference path
 * (everything parsed afresh by `yaml` and remark over the whole text).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { cardText } from '../../bench/generate.mjs';
import { fastPaths } from '../../server/src/core/document/fastPaths';
import { ParsedDocument } from '../../server/src/core/document/parsedDocument';
import { checkDocument } from '../../server/src/core/engine';
import { DEFAULT_CONFIG } from '../../server/src/core/projectConfig';
import { schemas } from '../support/check';
import { memoryFileSystem } from '../support/memoryFileSystem';

const PATH = '/work/model/README.md';

function parse(text: string, version: number, previous?: ParsedDocument): ParsedDocument {
  return new ParsedDocument({ uri: PATH, fileName: 'README.md', version, text }, { kind: 'model-card', previous });
}

function diagnostics(doc: ParsedDocument): string {
  const fs = memoryFileSystem({ [PATH]: doc.text.text });
  return JSON.stringify(checkDocument(doc, { schemas, fs, config: DEFAULT_CONFIG, path: PATH }));
}

/** The reference: the same text with every fast path off. */
function referenceDiagnostics(text: string): string {
  fastPaths.enabled = false;
  try {
    return diagnostics(parse(text, 1));
  } finally {
    fastPaths.enabled = true;
  }
}

const CARD = cardText(8_000);

describe('reuse between versions', () => {
  it('keeps the front matter tree across a body edit, with the reference diagnostics', () => {
    const first = parse(CARD, 1);
    void first.markdown;
    const edited = CARD.replace('Sorting support tickets', 'Routing support tickets');
    const second = parse(edited, 2, first);
    assert.equal(second.yaml, first.yaml);
    assert.equal(diagnostics(second), referenceDiagnostics(edited));
  });

  it('keeps the body tree across a front-matter edit that moves it, with the reference diagnostics', () => {
    const first = parse(CARD, 1);
    const firstModel = first.markdown;
    const edited = CARD.replace('license: apache-2.0', 'license: apache-2.0\nbase_model: org/encoder');
    const second = parse(edited, 2, first);
    assert.notEqual(second.yaml, first.yaml);
    assert.equal(second.markdown.bodyTree, firstModel.bodyTree);
    assert.equal(second.markdown.sections[0]?.heading.span.start, edited.indexOf('# bench-model'));
    assert.equal(diagnostics(second), referenceDiagnostics(edited));
  });

  it('reads a body that starts with a `---` line as Markdown, as the reference does', () => {
    const text = '---\nlicense: mit\n---\n---\nnot: metadata\n---\n# Model\n\nText.\n';
    assert.equal(diagnostics(parse(text, 1)), referenceDiagnostics(text));
  });

  it('gives the reference diagnostics after any sequence of edits', () => {
    const edit = fc.record({
      at: fc.nat(),
      remove: fc.nat(12),
      insert: fc.constantFrom('', 'x', '\n', '---\n', '# H\n', 'license: mit\n', ' ', ':', '- a\n'),
    });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 6 }), (edits) => {
        let text = CARD;
        let previous = parse(text, 0);
        void previous.markdown;
        edits.forEach(({ at, remove, insert }, index) => {
          const position = at % (text.length + 1);
          text = text.slice(0, position) + insert + text.slice(position + remove);
          const doc = parse(text, index + 1, previous);
          assert.equal(diagnostics(doc), referenceDiagnostics(text));
          previous = doc;
        });
      }),
      { numRuns: 60, seed: 1206 },
    );
  });
});
