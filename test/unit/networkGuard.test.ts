// The network guard the CLI and server tests run under (test/support/networkGuard.cjs): every way
// out throws and is recorded, local IPC over a unix socket still works, and NETWORK_GUARD_ONLY
// leaves other programs alone. Without this, a guard that silently failed would prove nothing.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { assertNoNetwork, guardedEnv, readNetworkLog } from '../support/networkGuard';

// Each attempt prints "blocked <name>" when it throws or rejects, "allowed <name>" otherwise.
const ATTEMPTS = `
const net = require('node:net');
const attempts = {
  'net.connect': () => net.connect(443, '93.184.215.14'),
  'net.createConnection': () => net.createConnection({ host: 'example.com', port: 80 }),
  'tls.connect': () => require('node:tls').connect(443, 'example.com'),
  'http.get': () => require('node:http').get('http://example.com/'),
  'https.request': () => require('node:https').request({ hostname: 'huggingface.co', path: '/api/models' }),
  'http2.connect': () => require('node:http2').connect('https://example.com'),
  'dns.lookup': () => require('node:dns').lookup('example.com', () => {}),
  'dns.promises.resolve4': () => require('node:dns').promises.resolve4('example.com'),
  'dgram.send': () => require('node:dgram').createSocket('udp4').send('x', 53, '8.8.8.8'),
  fetch: () => fetch('https://huggingface.co/api/models'),
};
(async () => {
  for (const [name, attempt] of Object.entries(attempts)) {
    try {
      await attempt();
      console.log('allowed ' + name);
    } catch {
      console.log('blocked ' + name);
    }
  }
  // Local IPC: a unix socket server and a client in this process.
  const socket = require('node:path').join(process.argv[2], 'ipc.sock');
  const server = net.createServer((connection) => connection.end('pong'));
  await new Promise((resolve) => server.listen(socket, resolve));
  const reply = await new Promise((resolve, reject) => {
    const client = net.connect(socket);
    let data = '';
    client.on('data', (chunk) => (data += chunk)).on('end', () => resolve(data)).on('error', reject);
  });
  server.close();
  console.log('ipc ' + reply);
  process.exit(0);
})();
`;

function runGuarded(source: string, extraEnv: Record<string, string> = {}): { stdout: string; log: string } {
  const folder = mkdtempSync(join(tmpdir(), 'cardwright-guard-'));
  const script = join(folder, 'script.js');
  writeFileSync(script, source);
  // guardedEnv drops a run-wide filter; a test's own filter is applied after it.
  const { env, log } = guardedEnv(process.env);
  const result = spawnSync(process.execPath, [script, folder], {
    env: { ...env, ...extraEnv },
    encoding: 'utf8',
    timeout: 30_000,
  });
  assert.equal(result.status, 0, result.stderr);
  return { stdout: result.stdout, log };
}

describe('network guard', () => {
  it('blocks and records every outgoing connection attempt, and lets unix-socket IPC through', () => {
    const { stdout, log } = runGuarded(ATTEMPTS);
    const lines = stdout.trim().split('\n');
    assert.deepEqual(
      lines.filter((line) => !line.startsWith('blocked ')),
      ['ipc pong'],
    );
    assert.equal(lines.length, 11);
    const calls = readNetworkLog(log).flatMap((entry) => (entry.call ? [entry.call] : []));
    for (const expected of [
      /^net\.connect 93\.184\.215\.14:443$/,
      /^net\.connect example\.com:80$/,
      /^tls\.connect/,
      /^http\.get http:\/\/example\.com\/$/,
      /^https\.request \/\/huggingface\.co\/api\/models$/,
      /^http2\.connect https:\/\/example\.com/,
      /^dns\.lookup example\.com$/,
      /^dns\.promises\.resolve4 example\.com$/,
      /^dgram\.send$/,
      /^fetch https:\/\/huggingface\.co\/api\/models$/,
    ])
      assert.ok(
        calls.some((call) => expected.test(call)),
        `${expected} in ${calls.join('; ')}`,
      );
    assert.throws(() => assertNoNetwork(log, 'the script'), /the script tried to reach the network: net\.connect/);
  });

  it('guards only the scripts CARDWRIGHT_NETWORK_GUARD_ONLY names', () => {
    // Another program: not guarded (no network is tried here, since it would not be blocked).
    const { stdout, log } = runGuarded("console.log(typeof require('node:net').Socket.prototype.connect)", {
      CARDWRIGHT_NETWORK_GUARD_ONLY: 'dist/(cli|server)\\.js$',
    });
    assert.equal(stdout, 'function\n');
    assert.deepEqual(readNetworkLog(log), []);
    assert.throws(() => assertNoNetwork(log, 'the script'), /the network guard was not loaded into the script/);
  });
});
