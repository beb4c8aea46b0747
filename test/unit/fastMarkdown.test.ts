/**
 * The fast Markdown path against the reference (remark with GFM): on hand-written documents, the
 * CommonMark spec's examples, generated documents and every corpus card, it either declines the
 * document or gives remark's very tree (types, offsets, lines, columns, values, depths, code
 * languages, alts, link targets); what it converts itself is most of a real card.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { tests as specExamples } from 'commonmark-spec';
import fc from 'fast-check';
import { cardText } from '../../bench/generate.mjs';
import { splitFrontMatter } from '../../server/src/core/document/frontMatter';
import { compareWithRemark } from '../support/mdastCompare';

const CORPUS = join(__dirname, '..', '..', '..', 'shared', 'corpus');

/** What real cards are made of: converted without remark. */
const CONVERTED = [
  // Definitions, and the shortcut references they make (case and spacing folded); others are text.
  '[a]: https://x.org\n[Logo B]: <logo.png> "The logo"\n\nsee [A], ![logo  b] and [c].\n\n[c d]: x \'t\'\n',
  '[a]: https://x.org\n\nsee [the *site*][a] and ![a pic][A].\n',
  '# Model card\n\nA **bold** label, *emphasis*, `code`, [a link](https://x.org/a) and ![img](a.png).\n',
  '## Uses\n\n- item one\n- item **two**\n  continued\n\n1. first\n2. second\n',
  '```python title\nfrom x import y\n```\n\n    indented code\n\n<!-- a comment -->\n\n<div align="center">\n<img src="a.png">\n</div>\n',
  'Setext\n======\n\nSub\n---\n\n***\n\n> quoted text\n',
  '## Results\n| Metric | Value |\n|:--|--:|\n| accuracy | 0.91 |\n| f1 |  |\n',
  'See https://x.org/a_b(c). and www.hf.co, or mail me@x.org.\n',
  // Brackets closed before an address: micromark links it (no label is open there).
  'arXiv [Cs.LG] (2024). Retrieved from http://arxiv.org/abs/2401.03955 and [ab] www.hf.co [y\n',
  '[More Information Needed]\n\n**Developed by:** [More Information Needed]\n\n### Speeds [optional]\n',
  'Line with break  \nnext line\\\nthird <b>bold</b> line with \\*stars\\*.\n',
  'Roughly ~10,000 examples, x <https://x.org> y <me@x.org>.\n',
  '  ## Indented heading ##  \n\n  ```\n  fenced, indented\n   deeper\n  ```\n',
  'text | with a pipe, {{ value | default("x") }}\n\n<u>Note:</u> inline HTML first.\n\n<br>\n\n<p align="center">\n',
  'intro line\n| a | b |\n|---|---|\n| 1 | 2 |\na line right after is a row\n',
  // micromark trims only spaces and tabs; a www address after a wide space is the transform's.
  'Hello\u00a0\n\n# Title\u3000\n\n网站\u3000www.example.com\n',
  '## Logo\n<img src="https://x.org/a.png" alt="Logo" width="800"/>\nText after it, in the HTML block.\n\n[tweet_eval] [a](b "title")\n',
];

/** Converted with a block handed to remark: the same tree. */
const HANDED_BACK = [
  // A control character in a destination: micromark ends the destination there.
  '[a](http://x\u0001y)\n',
  // Collapsed references: remark reads them with the document's definitions before them.
  '[a]: https://x.org\n\nsee [a][] and [the site][a], not [b][] or [not][defined].\n',
  '# Tasks\n\n- [x] done\n- [ ] todo\n',
  'a ~~struck~~ b\n',
  'Fish &amp; chips\n',
  '- item\n| a | b |\n|---|---|\n',
  // A tag of kind 7 breaks no paragraph; a number other than 1 breaks none either.
  'Demo:\n<source src="a.mp4" type="video/mp4">\n',
  '1. Step one\n   2. Sub step\n',
  '- <a\n  href="x">y</a>\n',
  '<img src=https://x.y/z.png>\n\nafter\n',
  '- item\n\n  ```py\n  code\n  ```\n',
  '***bold italic*** text\n',
  'a [link](<with space>) b\n',
  '> several\n> quoted lines\n',
];

/** Only remark can say: definitions and footnotes reach across blocks, CR line ends, empty items. */
const DECLINED = [
  // Definitions: next to another block, inside a list, with a title on its own line or an escape.
  '[a]: https://x.org\nsee [a]\n',
  '- [a]: https://x.org\n\nsee [a]\n',
  '[a]: https://x.org\n"title"\n\nsee [a]\n',
  '[a]: https://x.org/\\_\n\nsee [a]\n',
  // A control character ends a bare destination (no definition then); a label with a reference.
  '[a]: http://x\u0001y\n\n[a]\n',
  '[t][a&amp;b]\n\n[a&amp;b]: http://x\n',
  'Text[^1]\n\n[^1]: a note\n',
  // A lone CR, and CR LF beside LF ends.
  'a\rb\n',
  'a\r\nb\nc\n',
  // A reference that decodes to LF, in a document with CR LF ends.
  'a&#10;b\r\n',
  'a\n\n-\n',
  'a\u0000b\n',
];

function assertSameTree(text: string): ReturnType<typeof compareWithRemark> {
  const result = compareWithRemark(text);
  if (result.fast !== undefined) assert.equal(result.fast, result.reference, JSON.stringify(text));
  return result;
}

/** `runs` documents of up to `most` parts joined by `joiner` (a fixed seed: the same every run). */
function assertSameTreeOnGenerated(parts: readonly string[], joiner: string, most: number, runs = 6000): void {
  const documents = fc
    .array(fc.constantFrom(...parts), { minLength: 1, maxLength: most })
    .map((chosen) => chosen.join(joiner));
  fc.assert(
    fc.property(documents, (text) => {
      assertSameTree(text);
    }),
    { numRuns: runs, seed: 20261207 },
  );
}

describe('fast Markdown path', () => {
  it('converts the everyday markup of cards itself, as remark reads it', () => {
    for (const text of CONVERTED) {
      const result = assertSameTree(text);
      assert.ok(result.fast !== undefined && !result.handedBack, `handed back: ${JSON.stringify(text)}`);
    }
  });

  it('hands the blocks it does not convert to remark, keeping the tree remark gives', () => {
    for (const text of HANDED_BACK) {
      const result = assertSameTree(text);
      assert.ok(result.fast !== undefined && result.handedBack, `not handed back: ${JSON.stringify(text)}`);
    }
  });

  it('declines documents only remark can read', () => {
    for (const text of DECLINED) assert.equal(compareWithRemark(text).fast, undefined, JSON.stringify(text));
  });

  it('gives remark’s tree for every CommonMark spec example it accepts, and accepts most', () => {
    let accepted = 0;
    for (const example of specExamples) {
      if (assertSameTree(example.markdown.replace(/→/g, '\t')).fast !== undefined) accepted++;
    }
    assert.ok(accepted > specExamples.length * 0.75, `accepted ${accepted} of ${specExamples.length}`);
  });

  it('gives remark’s tree for generated cards of every size', () => {
    for (const bytes of [2_000, 40_000, 140_000]) {
      const card = cardText(bytes);
      const result = assertSameTree(card.slice(splitFrontMatter(card).body.start));
      assert.ok(result.fast !== undefined, `declined the generated card of ${bytes} bytes`);
    }
  });

  it('gives remark’s tree for random documents made of Markdown’s tricky pieces', () => {
    const pieces = [
      'a',
      'word',
      ' ',
      '  ',
      '\n',
      '\n\n',
      '\t',
      '*',
      '**',
      '_',
      '__',
      '`',
      '``',
      '~',
      '~~',
      '[',
      ']',
      '(',
      ')',
      '![',
      '](x)',
      '](http://a.b/c)',
      '](x "t")',
      "](y 'a\\\\b')",
      '](%20 (p))',
      '[tweet_eval]',
      '_a_b',
      '<b>',
      '</b>',
      '<br/>',
      '<!-- c -->',
      '<img src=https://x.y/z>',
      '<div>',
      '<u>',
      '<span a="b">',
      '<pre>',
      '<?x?>',
      '<a href=x/>',
      '#',
      '# ',
      '## ',
      '- ',
      '* ',
      '1. ',
      '> ',
      '    ',
      '|',
      ' | ',
      '|---|---|',
      '---',
      '***',
      '```',
      '```py\n',
      '\\',
      '\\*',
      '&amp;',
      '&',
      'https://x.org',
      'https://x.org/a_b(c).',
      'www.x.org',
      'www.x_y.org',
      'me@x.org',
      'a@b',
      'mailto:me@x.org',
      ':',
      '.',
      ',',
      '!',
      '?',
      '"',
      "'",
      '[More Information Needed]',
      '[x]',
      '[ ]',
      '<',
      '>',
      '=',
      'é',
      '@',
      '(a)',
      'x_y_z',
      // Definitions between blank lines: `[x]` and `[tweet_eval]` above are references then.
      '\n\n[x]: http://d\n\n',
      '\n\n[tweet_eval]: <t> "T"\n\n',
    ];
    assertSameTreeOnGenerated(pieces, '', 40);
  });

  it('gives remark’s tree for random documents made of the lines cards are made of', () => {
    // Block structure: tables next to paragraphs and lists, lazy lines, HTML, fences, tabs.
    const lines = [
      'text line',
      'See https://x.org and [a](b) then www.y.com.',
      '**Bold:** value',
      '| a | b |',
      '|---|---|',
      '|:--|--:|',
      '| 1 | 2 |',
      'x | y',
      '--|--',
      '',
      '',
      '',
      '# Heading',
      '## Sub [optional]',
      '- item',
      '  - nested',
      '1. one',
      '> quote',
      '> - q item',
      '```py',
      '```',
      '    code',
      '<div>',
      '</div>',
      '<img src="a.png"/>',
      '<br>',
      '<!-- c -->',
      '[More Information Needed]',
      '- [x] done',
      '***',
      '---',
      '===',
      'Text with `code | pipe`',
      '  continued',
      '\tTab',
      '<u>u</u> text',
      'a ~b~ c',
      'me@x.org',
      '[x]: http://def',
      '[Y z]: <u> "t"',
      'See [x] and ![x] and [X][] and [y  Z] and [y][x] and [q].',
      '[x] *a [x] b* **[x]** `[x]`',
    ];
    assertSameTreeOnGenerated(lines, '\n', 25);
    // The same with CR LF line ends (read with LF ends, the tree moved back).
    assertSameTreeOnGenerated(lines, '\r\n', 25, 2000);
  });

  it('reads documents with CR LF line ends as remark does', () => {
    for (const text of [...CONVERTED, ...HANDED_BACK]) {
      const crlf = text.replace(/\n/g, '\r\n');
      assert.notEqual(assertSameTree(crlf).fast, undefined, `declined: ${JSON.stringify(crlf)}`);
    }
    // A reference label over two lines keeps its CR LF (as remark's label does).
    for (const text of ['[x][a\r\nb]\r\n\r\n[a b]: http://x\r\n', '[a\r\nb]\r\n\r\n[a b]: http://x\r\n']) {
      assert.notEqual(assertSameTree(text).fast, undefined, JSON.stringify(text));
    }
  });

  it('gives remark’s tree for every corpus card, converting most of each itself', { skip: !existsSync(CORPUS) }, () => {
    let accepted = 0;
    let total = 0;
    for (const folder of ['model-cards', 'dataset-cards']) {
      for (const name of readdirSync(join(CORPUS, folder)).filter((file) => file.endsWith('.md'))) {
        const text = readFileSync(join(CORPUS, folder, name), 'utf8').replace(/^\uFEFF/, '');
        total++;
        if (assertSameTree(text.slice(splitFrontMatter(text).body.start)).fast !== undefined) accepted++;
      }
    }
    assert.ok(accepted > total * 0.9, `accepted ${accepted} of ${total}`);
  });
});
