import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import type { DocumentKind } from '../../server/src/core/document/kind';
import { ParsedDocument } from '../../server/src/core/document/parsedDocument';
import { checkDocument } from '../../server/src/core/engine';
import { nodeFileSystem } from '../../server/src/node/nodeFileSystem';
import { schemas } from '../support/check';

const CORPUS = resolve(__dirname, '..', '..', '..', 'shared', 'corpus');

/** The corpus folders of cards, with the kind every file in them is. */
const CARD_FOLDERS: Record<string, DocumentKind> = { 'model-cards': 'model-card', 'dataset-cards': 'dataset-card' };

function filesBelow(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesBelow(path) : [path];
  });
}

describe('corpus sweep', { skip: existsSync(CORPUS) ? false : `no corpus at ${CORPUS}: sweep skipped` }, () => {
  it('checks every real card and config without a crash, with every range inside its file', (t) => {
    const counts = new Map<string, number>();
    let files = 0;
    for (const folder of readdirSync(CORPUS)) {
      const path = join(CORPUS, folder);
      if (!statSync(path).isDirectory()) continue;
      for (const file of filesBelow(path)) {
        const text = readFileSync(file, 'utf8');
        if (text.includes('\u0000')) continue;
        const doc = new ParsedDocument(
          { uri: file, fileName: file.split('/').pop() ?? file, version: 0, text },
          { kind: CARD_FOLDERS[folder] },
        );
        const diagnostics = checkDocument(doc, { schemas, fs: nodeFileSystem, path: file });
        files++;
        const lastLine = doc.text.lineCount - 1;
        for (const d of diagnostics) {
          counts.set(d.code, (counts.get(d.code) ?? 0) + 1);
          for (const position of [d.range.start, d.range.end]) {
            assert.ok(
              position.line >= 0 && position.line <= lastLine,
              `${file}: line ${position.line} outside the file`,
            );
            const { start, end } = doc.text.lineSpan(position.line);
            assert.ok(position.character <= end - start, `${file}: column ${position.character} past line end`);
          }
          assert.ok(doc.text.offsetAt(d.range.start) <= doc.text.offsetAt(d.range.end), `${file}: inverted range`);
        }
      }
    }
    assert.ok(files > 200, `expected the whole corpus, read ${files} files`);
    const table = [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([code, count]) => `${code}: ${count}`);
    t.diagnostic(`${files} corpus files; diagnostics per code: ${table.join(', ')}`);
  });
});
