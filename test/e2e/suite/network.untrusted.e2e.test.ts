// The network guard in the untrusted launch: after every test (a root-level hook), no attempt to
// connect was recorded for the language server (see network.e2e.test.ts).
import { after, describe, it } from 'mocha';
import { assertServerStayedOffline, cardwrightApi } from './helpers';

describe('no network request (untrusted folder)', () => {
  it('runs the language server under the network guard', async () => {
    await assertServerStayedOffline(await cardwrightApi());
  });
});

after(async () => assertServerStayedOffline(await cardwrightApi()));
