// Crash recovery in a real VS Code: the language server is killed (SIGKILL, as a crash would end
// it); the client restarts it and the card's diagnostics come back. Killed five times in a row
// (well within three minutes), the client stops restarting and says so in a notification whose
// first button restarts the server by hand. Fast: each kill waits only for the next server.
import * as assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import * as vscode from 'vscode';
import { cardwrightApi, codeOf, openCard, until, waitForDiagnostics, type CardwrightApi } from './helpers';

const hasLanguageCode = (d: vscode.Diagnostic[]): boolean => d.map(codeOf).includes('language-code');

/** Kills the running server and resolves with the pid of the one the client starts instead. */
async function killAndAwaitRestart(api: CardwrightApi): Promise<number> {
  const pid = await until('the server to run', () => api.serverPid());
  process.kill(pid, 'SIGKILL');
  return until('a restarted server', () => {
    const next = api.serverPid();
    return next !== undefined && next !== pid ? next : undefined;
  });
}

describe('crash recovery (trusted folder)', () => {
  it('restarts a killed server, gives up after 5 crashes in 3 minutes and says so, and restarts by hand', async function () {
    this.timeout(150_000);
    const api = await cardwrightApi();
    const editor = await openCard('sentiment-model', 'README.md');
    const uri = editor.document.uri;
    await waitForDiagnostics(uri, hasLanguageCode);

    // 1st crash: the client clears what the dead server reported, restarts it, and the new
    // server's diagnostics arrive.
    const cleared = waitForDiagnostics(uri, (d) => d.length === 0);
    await killAndAwaitRestart(api);
    await cleared;
    await waitForDiagnostics(uri, hasLanguageCode);

    // 2nd to 4th: restarted each time.
    for (let crash = 2; crash <= 4; crash++) await killAndAwaitRestart(api);

    // 5th within three minutes: no restart, and the user is told.
    const last = await until('the server to run', () => api.serverPid());
    process.kill(last, 'SIGKILL');
    await until('the client to stop', () => (api.serverState() === 'stopped' ? true : undefined));
    const notice = await until('the notification', () =>
      api.notices().find((message) => /crashed 5 times in 3 minutes and will not be restarted/.test(message)),
    );
    assert.match(notice, /See the "Cardwright" output/);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    assert.equal(api.serverState(), 'stopped', 'not restarted after the 5th crash');
    assert.equal(api.serverPid(), undefined);

    // The notification's first button, "Restart Server", pressed as a keyboard user would
    // (notification.acceptPrimaryAction runs the newest notification's primary action).
    await vscode.commands.executeCommand('notification.acceptPrimaryAction');
    const restarted = await until('the server restarted by hand', () => api.serverPid(), 20_000);
    assert.notEqual(restarted, last);
    await waitForDiagnostics(uri, hasLanguageCode);

    // A restart by hand starts the count again: the next crash is restarted.
    await killAndAwaitRestart(api);
    await waitForDiagnostics(uri, hasLanguageCode);

    // And the command works on a running server too.
    const before = await until('the server to run', () => api.serverPid());
    await vscode.commands.executeCommand('cardwright.restartServer');
    const after = await until('the restarted server', () => {
      const pid = api.serverPid();
      return pid !== undefined && pid !== before ? pid : undefined;
    });
    assert.notEqual(after, before);
    await waitForDiagnostics(uri, hasLanguageCode);
  });
});
