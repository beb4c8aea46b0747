/** For every real card in the shared corpus with a library_name, the generated script compiles. */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { hasPython, pyCompile } from '../../support/python';
import { generate, scratchFolder, writeScript } from '../../support/scaffold';

const CARDS = resolve(__dirname, '..', '..', '..', '..', 'shared', 'corpus', 'model-cards');

/** The front matter as data, or undefined when the card has none (or it does not parse). */
function frontMatter(text: string): Record<string, unknown> | undefined {
  const match = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---\s*(?:\r?\n|$)/.exec(text);
  if (!match) return undefined;
  try {
    const data: unknown = parse(match[1] ?? '', { logLevel: 'error' });
    return typeof data === 'object' && data !== null && !Array.isArray(data)
      ? (data as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

const skip = !existsSync(CARDS)
  ? `no corpus at ${CARDS}: skipped`
  : !hasPython()
    ? 'no /usr/bin/python3: skipped'
    : false;

describe('corpus: example scripts', { skip }, () => {
  it('generates a script that compiles for every card with a library_name', (t) => {
    const root = scratchFolder('corpus');
    const flavours = new Map<string, number>();
    const files: string[] = [];
    for (const name of readdirSync(CARDS).sort()) {
      const text = readFileSync(join(CARDS, name), 'utf8');
      const metadata = frontMatter(text);
      if (typeof metadata?.library_name !== 'string') continue;
      // Corpus files are named owner__repo__...__README.md: the repo plays the card's folder.
      const folderName = name.split('__')[1] ?? name;
      const script = generate({
        metadata,
        cardPath: `${folderName}/README.md`,
        folderName,
        title: /^#\s+(.+)$/m.exec(text)?.[1],
        outPath: `scripts/${files.length}_${name.replace(/\W+/g, '_')}.py`,
      });
      flavours.set(script.flavour, (flavours.get(script.flavour) ?? 0) + 1);
      files.push(writeScript(root, script));
    }
    assert.ok(files.length >= 20, `expected the corpus' cards with a library_name, found ${files.length}`);
    assert.equal(pyCompile(files), undefined);
    rmSync(root, { recursive: true, force: true });
    const table = [...flavours].map(([flavour, count]) => `${flavour}: ${count}`).join(', ');
    t.diagnostic(`${files.length} corpus cards with a library_name compiled; flavours: ${table}`);
  });
});
