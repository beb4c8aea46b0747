/**
 * The fast YAML path against the reference (`yaml` package): on hand-written documents, generated
 * configs and cards, every corpus file, and random mutations, the fast path either declines the
 * text or builds the very same nodes (ranges, values, scalar types, anchors) and data; and the
 * checks give identical diagnostics, ranges included, with the fast path on and off.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { cardText, configText } from '../../bench/generate.mjs';
import { fastPaths } from '../../server/src/core/document/fastPaths';
import { parseFastYaml } from '../../server/src/core/document/fastYaml';
import { splitFrontMatter } from '../../server/src/core/document/frontMatter';
import type { DocumentKind } from '../../server/src/core/document/kind';
import { ParsedDocument } from '../../server/src/core/document/parsedDocument';
import { YamlTree } from '../../server/src/core/document/yamlTree';
import { checkDocument } from '../../server/src/core/engine';
import { DEFAULT_CONFIG } from '../../server/src/core/projectConfig';
import { schemas } from '../support/check';
import { memoryFileSystem } from '../support/memoryFileSystem';
import { compareWithReference } from '../support/yamlCompare';

const CORPUS = join(__dirname, '..', '..', '..', 'shared', 'corpus');

/** Documents the fast path must accept, each exercising a rule of yaml's ranges. */
const ACCEPTED = [
  'a: 1 # c\nb:\n  - x\n  - &an {p: q}\n  # trailing\nc: *an\n\n# end\n',
  'a: { w: 1, x: 2 }\nb: [ a , b ]  # c\nc:\n  d: 1\n\n    # deep\n  # mid\n# top\ne: 2\nf:\n  - 1\n\n  # t\n',
  'a:\n  b:\n    c: 1\n    # x\n  d: 2\n',
  'k:\nl:   \nm: ""\nn: \'it\'\'s\'\no: "\\u00e9\\\\"\np: 1.50\nq: 0x1F\nr: .inf\ns: ~\nt: True\nu: 1e3\nv: -0.5\nw: +12\nx: 0o17\ny: 1_000\nz: .NaN\n',
  '- a\n- b: 1\n  c: [x, y]\n-\n- - n\n  - m\n- {}\n- []\n',
  'model:\n  # the encoder\n  hidden: 1\n  layers:\n  - 1\n  - 2\n  # after\n# top\nnext: 2\n',
  'a:\n  - 1\n\n    # deep after item\n  - 2\n',
  'base: &b {x: 1, y: 2}\nother:\n  <<: [*b]\n  x: 3\nthird: {<<: *b, z: 1}\n',
  'a: b#c\nd: http://x.y/z?q=1#frag\ne: \'quoted\' # c\nf: "x" \ng: [http://a, "b c", \'d\']\n',
  'url: https://huggingface.co/x\nlist:\n- 1\n- 2\nk: v',
  'a:\n  b: 1\n    # deeper\n  # same\n',
  '- a: 1\n  # c\n- b: 2\n',
  'a: &x\n  - 1\nb: *x\nc: &y 3\nd: *y\n',
  '"a b": 1\n\'c\': 2\n"": 3\nnull: 4\n1: 5\ntrue: 6\n__proto__: 7\ntoString: 8\n',
  '  license: mit\n  tags:\n  - a\n',
  'd: &d\n  x: 1\ne:\n  <<: *d\n  x: 2\n  y: 2\n',
];

/** Documents outside the fast path's subset: the reference parser must take them. */
const DECLINED = [
  'a: |\n  text\n',
  'a: >-\n  folded\n',
  'a: !!str 1\n',
  'a: [1,\n  2]\n',
  'a:\tb\n',
  'a: 1\r\nb: 2\r\n',
  'a: b: c\n',
  'a: "unclosed\n',
  'a: plain\n  continued\n',
  '? complex\n: key\n',
  '---\na: 1\n',
  'a: *missing\n',
  'a: 1\n b: 2\n',
  'just a scalar\n',
  '',
  'a: [x,]\n',
  '%YAML 1.2\n---\na: 1\n',
  'a: &x # comment\n  b: 1\n',
  'a:  # comment on an empty value\nb: 1\n',
];

describe('fast YAML path', () => {
  it('builds the same nodes and data as yaml on documents of every shape it accepts', () => {
    for (const text of ACCEPTED) assert.deepEqual(compareWithReference(text), [], JSON.stringify(text));
  });

  it('declines what it does not parse, so yaml reports it', () => {
    for (const text of DECLINED) assert.equal(parseFastYaml(text), undefined, JSON.stringify(text));
  });

  it('accepts the generated configs and cards of every size and matches yaml on them', () => {
    for (const bytes of [1_000, 30_000, 300_000]) {
      assert.deepEqual(compareWithReference(configText(bytes)), [], `config of ${bytes} bytes`);
      const card = cardText(bytes);
      const split = splitFrontMatter(card);
      assert.equal(split.state, 'closed');
      if (split.state === 'closed')
        assert.deepEqual(compareWithReference(card.slice(split.content.start, split.content.end)), []);
    }
  });

  it('matches yaml on every corpus file it accepts, and accepts most of them', { skip: !existsSync(CORPUS) }, () => {
    let accepted = 0;
    let total = 0;
    for (const { path, yaml } of corpusYaml()) {
      total++;
      const differences = compareWithReference(yaml);
      if (differences === undefined) continue;
      accepted++;
      assert.deepEqual(differences, [], path);
    }
    assert.ok(accepted > total / 2, `the fast path took ${accepted} of ${total} files`);
  });

  it('either declines or matches yaml on random mutations of the documents', () => {
    const seeds = [...ACCEPTED, configText(2_000)];
    const mutation = fc.record({
      seed: fc.nat(seeds.length - 1),
      at: fc.nat(),
      remove: fc.nat(4),
      insert: fc
        .array(
          fc.constantFrom(
            ' ',
            '\n',
            '#',
            ':',
            '-',
            '&a ',
            '*a',
            '[',
            ']',
            '{',
            '}',
            ',',
            '"',
            "'",
            'x',
            '1',
            '  ',
            '<<: ',
          ),
          {
            maxLength: 4,
          },
        )
        .map((parts) => parts.join('')),
    });
    fc.assert(
      fc.property(mutation, ({ seed, at, remove, insert }) => {
        const base = seeds[seed] ?? '';
        const position = base.length === 0 ? 0 : at % base.length;
        const text = base.slice(0, position) + insert + base.slice(position + remove);
        const differences = compareWithReference(text);
        assert.ok(
          differences === undefined || differences.length === 0,
          `${JSON.stringify(text)}: ${differences?.join('; ')}`,
        );
      }),
      { numRuns: 3000, seed: 20261206 },
    );
  });

  it('finds repeated keys in small and large mappings, each with its first occurrence', () => {
    const large = Array.from({ length: 20 }, (_, index) => `k${index}: ${index}`).join('\n');
    const text = `${large}\nk3: again\nsmall:\n  a: 1\n  b: 2\n  a: 3\n`;
    const tree = new YamlTree(text, 0);
    assert.deepEqual(
      tree.duplicateKeys.map(({ key, span, first }) => [key, text.slice(span.start, span.end), first.start]),
      [
        ['k3', 'k3', text.indexOf('k3:')],
        ['a', 'a', text.indexOf('a: 1')],
      ],
    );
  });

  it('gives the same diagnostics, ranges included, with the fast path on and off', () => {
    const documents = [
      ...[1_000, 50_000].map((bytes) => ({
        path: `/work/sweep-${bytes}.yaml`,
        text: configText(bytes, './schema.json', 'cosin'),
      })),
      { path: '/work/model/README.md', text: cardText(20_000), kind: 'model-card' as DocumentKind },
      ...(existsSync(CORPUS) ? corpusFiles() : []),
    ];
    for (const document of documents) {
      assert.deepEqual(diagnosticsOf(document, true), diagnosticsOf(document, false), document.path);
    }
  });
});

function diagnosticsOf(document: { path: string; text: string; kind?: DocumentKind }, fast: boolean): string {
  fastPaths.enabled = fast;
  try {
    const fs = memoryFileSystem({ [document.path]: document.text });
    const fileName = document.path.split('/').pop() ?? '';
    const doc = new ParsedDocument(
      { uri: document.path, fileName, version: 1, text: document.text },
      { kind: document.kind },
    );
    return JSON.stringify(checkDocument(doc, { schemas, fs, config: DEFAULT_CONFIG, path: document.path }));
  } finally {
    fastPaths.enabled = true;
  }
}

/** Every card and config of the corpus, with the kind its folder says. */
function corpusFiles(): { path: string; text: string; kind?: DocumentKind }[] {
  const files: { path: string; text: string; kind?: DocumentKind }[] = [];
  const walk = (folder: string): void => {
    for (const name of readdirSync(folder).sort()) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(md|ya?ml|json)$/i.test(name) && statSync(path).size < 1_000_000) {
        const kind: DocumentKind | undefined = path.includes('dataset-cards')
          ? 'dataset-card'
          : path.includes('model-cards')
            ? 'model-card'
            : undefined;
        files.push({ path, text: readFileSync(path, 'utf8').replace(/^\uFEFF/, ''), kind });
      }
    }
  };
  walk(CORPUS);
  return files;
}

/** The YAML of every corpus file: YAML files whole, cards' front matter. */
function corpusYaml(): { path: string; yaml: string }[] {
  return corpusFiles().flatMap(({ path, text }) => {
    if (/\.ya?ml$/i.test(path)) return [{ path, yaml: text }];
    const split = splitFrontMatter(text);
    return /\.md$/i.test(path) && split.state === 'closed'
      ? [{ path, yaml: text.slice(split.content.start, split.content.end) }]
      : [];
  });
}
