import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ParsedDocument } from '../../server/src/core/document/parsedDocument';
import type { Span } from '../../server/src/core/diagnostic';

function parse(text: string): ParsedDocument {
  return new ParsedDocument({ uri: '/w/README.md', fileName: 'README.md', version: 1, text }, { kind: 'model-card' });
}

function slice(doc: ParsedDocument, span: Span): string {
  return doc.text.text.slice(span.start, span.end);
}

const CARD = `---
license: mit
---
# Model Card for x

Intro text.

## Uses

**Input:** a review. **Output:** a label.

### Direct Use
<!-- guidance only -->

## Limits [optional]

\`\`\`python
# TODO not a heading and not prose
\`\`\`
`;

describe('Markdown section model', () => {
  it('nests sections by level, with extents and own parts in file offsets', () => {
    const doc = parse(CARD);
    const { sections } = doc.markdown;
    assert.deepEqual(
      sections.map((s) => [s.heading.level, s.heading.text, s.parent?.heading.text]),
      [
        [1, 'Model Card for x', undefined],
        [2, 'Uses', 'Model Card for x'],
        [3, 'Direct Use', 'Uses'],
        [2, 'Limits [optional]', 'Model Card for x'],
      ],
    );
    const [title, uses, direct, limits] = sections;
    assert.equal(slice(doc, title!.heading.textSpan), 'Model Card for x');
    assert.equal(slice(doc, uses!.heading.span), '## Uses');
    assert.ok(slice(doc, uses!.extent).startsWith('## Uses'));
    assert.ok(slice(doc, uses!.extent).endsWith('<!-- guidance only -->\n\n'));
    assert.equal(slice(doc, uses!.own).trim(), '**Input:** a review. **Output:** a label.');
    assert.equal(title!.ownText, 'Intro text.');
    assert.equal(direct!.hasOwnContent, false, 'an HTML comment is not content');
    assert.equal(limits!.hasOwnContent, true, 'a code block is content');
    assert.equal(limits!.ownText, '', 'but not prose');
    assert.equal(limits!.extent.end, CARD.length);
  });

  it('finds labelled lines: bold labels, plain `Label:` lines, list items and table row labels', () => {
    const doc = parse(
      '# T\n\n**Input:** a. **Output:** b.\n\nInputs: text\nOutputs: labels\n\n- **Hardware Type:** T4\n\n**Limitations**\n\n| **Input modalities** | Text |\n|---|---|\n| Params | 8B |\n\n<table><tr><td><strong>Output modalities</strong></td></tr></table>\n',
    );
    assert.deepEqual(
      doc.markdown.labelledLines.map((line) => [line.label, slice(doc, line.span)]),
      [
        ['Input', '**Input:**'],
        ['Output', '**Output:**'],
        ['Inputs', 'Inputs'],
        ['Outputs', 'Outputs'],
        ['Hardware Type', '**Hardware Type:**'],
        ['Limitations', '**Limitations**'],
        ['Input modalities', '**Input modalities**'],
        ['Text', 'Text'],
        ['Params', 'Params'],
        ['Output modalities', 'Output modalities'],
      ],
    );
  });

  it('records link targets exactly, for inline links, images, definitions and HTML', () => {
    const doc = parse(
      '# T\n\nSee [a](docs/a.md "t"), ![b](<my pic.png>), [c][ref], <https://x.org> and <img src="img/x.png">.\n\n[ref]: notes%20v2.md#top\n',
    );
    assert.deepEqual(
      doc.markdown.links.map((link) => [link.kind, link.destination, slice(doc, link.target)]),
      [
        ['link', 'docs/a.md', 'docs/a.md'],
        ['image', 'my pic.png', 'my pic.png'],
        ['html', 'img/x.png', 'img/x.png'],
        ['definition', 'notes%20v2.md#top', 'notes%20v2.md#top'],
      ],
    );
  });

  it('keeps prose apart from code, inline code and HTML comments', () => {
    const doc = parse('# T\n\nReal `{{ code }}` text <!-- TODO --> here.\n\n```\nTODO\n```\n');
    const prose = doc.markdown.textRuns.map((run) => run.text);
    assert.deepEqual(prose, ['T', 'Real ', ' text ', ' here.']);
    for (const run of doc.markdown.textRuns) assert.equal(slice(doc, run.span), run.text);
  });

  it('treats a heading with no text as nothing, so a spacer does not steal the content below it', () => {
    const doc = parse('# T\n\n### Results\n\n## \n\n| a | b |\n|---|---|\n| 1 | 2 |\n');
    assert.deepEqual(
      doc.markdown.sections.map((s) => [s.heading.text, s.hasOwnContent]),
      [
        ['T', false],
        ['Results', true],
      ],
    );
  });

  it('is parsed once per document version and shared', () => {
    const doc = parse(CARD);
    assert.equal(doc.markdown, doc.markdown);
  });

  it('ignores the front matter, also when remark would read its lines as a setext heading', () => {
    const doc = parse('---\nlicense: mit\ntags:\n---\nBody line\n');
    assert.deepEqual(doc.markdown.sections, []);
    assert.equal(doc.markdown.preambleText, 'Body line');
    // An unclosed block: its opening `---` is not a thematic break of the body, nor a heading rule.
    const unclosed = parse('---\nlicense: mit\n# Model Card for y\n');
    assert.deepEqual(
      unclosed.markdown.sections.map((s) => s.heading.text),
      ['Model Card for y'],
    );
  });

  it('gives title() from the section tree (setext too), with BOM-less CRLF offsets', () => {
    const doc = parse('\uFEFF---\r\nlicense: mit\r\n---\r\nModel Card for z\r\n================\r\n\r\nText.\r\n');
    const title = doc.title();
    assert.equal(title?.text, 'Model Card for z');
    assert.deepEqual(doc.text.rangeOf(title!.span), {
      start: { line: 3, character: 0 },
      end: { line: 3, character: 16 },
    });
    assert.equal(parse('Just text\n').title(), undefined);
    assert.equal(parse('### Deep first\n').title(), undefined, 'a level-3 heading is not a title');
  });
});
