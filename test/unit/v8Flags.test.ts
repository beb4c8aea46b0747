/**
 * The V8 flags the CLI and the server set at start (server/src/node/regexpTiering.ts and
 * batchTiering.ts) must be ones this Node's V8 knows: an unknown flag is not an exception, only
 * a line on stderr ("Error: unrecognized flag") in front of every run's output.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const NODE_DIR = join(__dirname, '..', '..', 'server', 'src', 'node');

function stderrOf(module: string): string {
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(NODE_DIR, module)], { encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  return result.stderr;
}

describe('V8 flags set at start', () => {
  it('are known to this Node (nothing on stderr)', () => {
    assert.equal(stderrOf('regexpTiering.ts'), '');
    assert.equal(stderrOf('batchTiering.ts'), '');
  });

  it('would show an unknown flag on stderr (so the test above can fail)', () => {
    const result = spawnSync(
      process.execPath,
      ['-e', "require('v8').setFlagsFromString('--no-such-flag-for-cardwright')"],
      {
        encoding: 'utf8',
      },
    );
    assert.match(result.stderr, /unrecognized flag/);
  });
});
