/**
 * A card saved in Latin-1 on disk, read by `cardwright check`: a file-not-utf8 warning at the
 * first undecodable byte, the other checks run on the text as read, and no crash.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { runCli } from '../support/cli';
import { LATIN1_CARD, latin1Bytes } from '../support/latin1';

describe('cardwright check on a file that is not UTF-8', () => {
  const folder = mkdtempSync(join(tmpdir(), 'cardwright-latin1-'));
  after(() => rmSync(folder, { recursive: true, force: true }));

  it('reports file-not-utf8 with its position and exits as for any warning', () => {
    writeFileSync(join(folder, 'README.md'), latin1Bytes(LATIN1_CARD));
    const config = 'learning_rate: 0.1\nnum_train_epochs: 3\noutput_dir: caf\u00e9\nseed: 1\nbf16: true\n';
    writeFileSync(join(folder, 'training_args.yaml'), latin1Bytes(config));
    const result = runCli(['check', '--format', 'json', '.'], folder);
    assert.equal(result.status, 0, result.stderr);
    const report = JSON.parse(result.stdout) as {
      files: { path: string; diagnostics: { code: string; severity: string; range: { start: unknown } }[] }[];
    };
    const found = report.files.map((file) => [
      file.path.replace(/^.*[\\/]/, ''),
      file.diagnostics.filter((d) => d.code === 'file-not-utf8').map((d) => [d.severity, d.range.start]),
    ]);
    assert.deepEqual(found, [
      ['README.md', [['warning', { line: 6, character: 20 }]]],
      ['training_args.yaml', [['warning', { line: 2, character: 15 }]]],
    ]);
    const text = runCli(['check', 'README.md'], folder);
    assert.match(text.stdout, /README\.md:7:21 warning file-not-utf8 The file is not valid UTF-8: the byte 0xE9/);
  });
});
