import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * The network guard (networkGuard.cjs): preloaded through NODE_OPTIONS into the CLI and the
 * language server the tests start, it makes every outgoing connection attempt throw and records
 * it. `guardedEnv` gives a child process the guard and a log of its own; `assertNoNetwork` fails
 * when the log shows an attempt (or shows the guard never loaded, which would prove nothing).
 */
export const NETWORK_GUARD = join(__dirname, 'networkGuard.cjs');

export interface NetworkLogEntry {
  pid: number;
  script?: string;
  loaded?: true;
  call?: string;
}

/**
 * `env` plus the guard in NODE_OPTIONS and a fresh log file (returned as `log`). Whatever the
 * process is called (dist/cli.js, an npm bin), it is guarded: a CARDWRIGHT_NETWORK_GUARD_ONLY
 * filter set by scripts/test.mjs for the whole run is dropped.
 */
export function guardedEnv(env: NodeJS.ProcessEnv = process.env): { env: NodeJS.ProcessEnv; log: string } {
  const log = join(mkdtempSync(join(tmpdir(), 'cardwright-net-')), 'network.jsonl');
  const require = `--require ${JSON.stringify(NETWORK_GUARD)}`;
  const { CARDWRIGHT_NETWORK_GUARD_ONLY: _filter, ...rest } = env;
  return {
    log,
    env: {
      ...rest,
      NODE_OPTIONS: env.NODE_OPTIONS ? `${env.NODE_OPTIONS} ${require}` : require,
      CARDWRIGHT_NETWORK_LOG: log,
    },
  };
}

export function readNetworkLog(log: string): NetworkLogEntry[] {
  if (!existsSync(log)) return [];
  return readFileSync(log, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as NetworkLogEntry);
}

/**
 * Throws when a guarded process tried to reach the network, or when the guard never loaded. The
 * log's folder is removed.
 */
export function assertNoNetwork(log: string, what: string): void {
  const entries = readNetworkLog(log);
  rmSync(dirname(log), { recursive: true, force: true });
  const calls = entries.flatMap((entry) => (entry.call ? [entry.call] : []));
  if (calls.length > 0) throw new Error(`${what} tried to reach the network: ${calls.join('; ')}`);
  if (!entries.some((entry) => entry.loaded)) throw new Error(`the network guard was not loaded into ${what}`);
}
