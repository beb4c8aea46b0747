/**
 * Running Debian's Python (/usr/bin/python3, which sees the apt-installed python3-* packages)
 * from tests: compiling generated scripts, inspecting them with `ast`, running them.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const PYTHON = '/usr/bin/python3';

const INSPECT = join(__dirname, 'inspectPython.py');

export function runPython(
  args: readonly string[],
  options: { cwd?: string; timeout?: number; input?: string } = {},
): SpawnSyncReturns<string> {
  return spawnSync(PYTHON, args, {
    encoding: 'utf8',
    cwd: options.cwd,
    input: options.input,
    timeout: options.timeout ?? 120_000,
  });
}

export function hasPython(): boolean {
  return existsSync(PYTHON);
}

/** Whether Debian's Python can import `module` (a package installed with apt). */
export function canImport(module: string): boolean {
  return hasPython() && runPython(['-c', `import ${module}`]).status === 0;
}

/** `python3 -m py_compile` over the files; the error output when one does not compile. */
export function pyCompile(files: readonly string[]): string | undefined {
  const result = runPython(['-m', 'py_compile', ...files]);
  return result.status === 0 ? undefined : `${result.stdout}${result.stderr}`;
}

export interface PythonFacts {
  /** Dotted names of everything called ('<expr>' for a call on anything but a name chain). */
  calls: string[];
  identifiers: string[];
  strings: string[];
  comments: string[];
}

/** What Python's own parser sees in a file (test/support/inspectPython.py). */
export function inspectPython(file: string): PythonFacts {
  const result = runPython([INSPECT, file]);
  if (result.status !== 0) throw new Error(`inspectPython ${file}: ${result.stderr}`);
  return JSON.parse(result.stdout) as PythonFacts;
}

export interface PythonRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

const RUN_SCRIPTS = join(__dirname, 'runScripts.py');

/**
 * Runs each `[script, ...args]` in one Python process (test/support/runScripts.py), so heavy
 * imports happen once; `env` for that process (e.g. PYTHONPATH).
 */
export function runScripts(commands: readonly (readonly string[])[], env?: NodeJS.ProcessEnv): PythonRun[] {
  const result = spawnSync(PYTHON, [RUN_SCRIPTS], {
    encoding: 'utf8',
    input: JSON.stringify(commands),
    env,
    timeout: 600_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`runScripts: ${result.stderr}`);
  return JSON.parse(result.stdout) as PythonRun[];
}
