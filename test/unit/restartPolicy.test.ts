// The client's restart policy after server crashes (client/src/restartPolicy.ts), on a fake
// clock: restart until the fifth crash within three minutes, then stop until restarted by hand.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CRASH_WINDOW_MS, MAX_CRASHES, RestartPolicy } from '../../client/src/restartPolicy';

function policyAt(clock: { now: number }): RestartPolicy {
  return new RestartPolicy({ now: () => clock.now });
}

describe('restart policy', () => {
  it('restarts after each of four crashes and gives up on the fifth within three minutes', () => {
    const clock = { now: 1_000_000 };
    const policy = policyAt(clock);
    assert.equal(MAX_CRASHES, 5);
    assert.equal(CRASH_WINDOW_MS, 180_000);
    const decisions = [];
    for (let i = 0; i < 5; i++) {
      decisions.push(policy.crashed());
      clock.now += 30_000;
    }
    assert.deepEqual(
      decisions.map((d) => [d.restart, d.crashes]),
      [
        [true, 1],
        [true, 2],
        [true, 3],
        [true, 4],
        [false, 5],
      ],
    );
    assert.match(policy.giveUpMessage(), /crashed 5 times in 3 minutes and will not be restarted/);
  });

  it('forgets crashes older than three minutes', () => {
    const clock = { now: 0 };
    const policy = policyAt(clock);
    for (let i = 0; i < 4; i++) policy.crashed();
    clock.now += CRASH_WINDOW_MS; // the first four are now exactly three minutes old: out
    assert.deepEqual(policy.crashed(), { restart: true, crashes: 1 });
    // Crashes spread over more than three minutes never stop the server.
    for (let i = 0; i < 20; i++) {
      clock.now += 50_000;
      assert.equal(policy.crashed().restart, true);
    }
  });

  it('restarts again after a restart by hand', () => {
    const clock = { now: 0 };
    const policy = policyAt(clock);
    for (let i = 0; i < 5; i++) policy.crashed();
    assert.equal(policy.crashed().restart, false, 'still given up');
    policy.reset();
    assert.deepEqual(policy.crashed(), { restart: true, crashes: 1 });
  });

  it('takes other limits', () => {
    const clock = { now: 0 };
    const policy = new RestartPolicy({ maxCrashes: 2, windowMs: 1000, now: () => clock.now });
    assert.equal(policy.crashed().restart, true);
    assert.equal(policy.crashed().restart, false);
    assert.match(policy.giveUpMessage(), /crashed 2 times in 1 seconds/);
  });
});
