import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { publishDelay } from '../../server/src/lsp/diagnostics';

describe('publishDelay (when a changed document is checked)', () => {
  it('checks at once after a pause, whatever the check costs', () => {
    assert.equal(publishDelay(2, undefined), 0);
    assert.equal(publishDelay(40, undefined), 0, 'first change of a costly document');
    assert.equal(publishDelay(40, 500), 0, 'an edit long after the previous one');
    assert.equal(publishDelay(40, 40), 0, 'the previous check had time to finish');
  });

  it('coalesces changes that come faster than a check takes', () => {
    assert.equal(publishDelay(40, 5), 40);
    assert.equal(publishDelay(2_000, 5), 400, 'never more than 400 ms');
    assert.equal(publishDelay(5, 1), 0, 'cheap checks never wait');
  });
});
