import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { assertNoNetwork, guardedEnv } from './networkGuard';

export const ROOT = resolve(__dirname, '..', '..');
export const CLI = join(ROOT, 'dist', 'cli.js');
export const FIXTURES = join(ROOT, 'test', 'fixtures');

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the built CLI (`dist/cli.js`, as users run it) in `cwd`, under the network guard: throws
 * when it tried to reach the network.
 */
export function runCli(args: string[], cwd: string): CliResult {
  if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run `npm run build` first (npm test does).');
  const { env, log } = guardedEnv();
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, env, encoding: 'utf8', timeout: 60_000 });
  assertNoNetwork(log, `cardwright ${args.join(' ')}`);
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A fresh copy of a fixture folder in a temporary directory, for tests that add files to it. */
export function copyFixture(name: string): string {
  const target = mkdtempSync(join(tmpdir(), `cardwright-${name}-`));
  cpSync(join(FIXTURES, name), target, { recursive: true });
  return target;
}
