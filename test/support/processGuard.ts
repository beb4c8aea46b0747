import { readFileSync, writeFileSync } from 'node:fs';

/*
 * A `node --require` script that makes every child_process function throw and records the call,
 * written to $CARDWRIGHT_CALLS (JSON) when the process exits. Tests run Cardwright under it to
 * show that nothing (git above all: a repository's config can make it run programs) is started.
 */
export const PROCESS_GUARD = `
const childProcess = require('node:child_process');
const { writeFileSync } = require('node:fs');
const calls = [];
for (const name of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']) {
  childProcess[name] = (...args) => {
    calls.push(name + ' ' + String(args[0]));
    throw new Error('child_process.' + name + ' was called');
  };
}
process.on('exit', () => writeFileSync(process.env.CARDWRIGHT_CALLS, JSON.stringify(calls)));
`;

/** Writes the guard script to `path` (a `.cjs` file), for `node --require <path>`. */
export function writeProcessGuard(path: string): void {
  writeFileSync(path, PROCESS_GUARD);
}

/** The child_process calls a guarded process recorded in `callsPath`. */
export function readGuardCalls(callsPath: string): string[] {
  return JSON.parse(readFileSync(callsPath, 'utf8')) as string[];
}
