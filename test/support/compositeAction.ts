import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';

/** The parts of a composite action's `action.yml` that the runner below reads. */
export interface CompositeAction {
  inputs?: Record<string, { default?: string; required?: boolean }>;
  outputs?: Record<string, { value: string }>;
  runs: {
    using: string;
    steps: { id?: string; name?: string; shell?: string; env?: Record<string, string>; run?: string }[];
  };
}

export interface ActionRun {
  /** Exit status of the first step that failed, else 0. */
  status: number;
  stdout: string;
  stderr: string;
  /** `$GITHUB_STEP_SUMMARY` after the run ('' when nothing was written). */
  summary: string;
  /** The action's outputs, evaluated from the steps' `$GITHUB_OUTPUT`. */
  outputs: Record<string, string>;
  /** Every step's outputs by step id. */
  steps: Record<string, Record<string, string>>;
}

export interface ActionRunOptions {
  actionPath: string;
  workspace: string;
  inputs?: Record<string, string>;
  /** The environment of every step (PATH, GITHUB_* extras); GITHUB_WORKSPACE and friends are set here. */
  env?: NodeJS.ProcessEnv;
}

/**
 * Runs a composite action's `run:` steps with bash, the way a GitHub runner does, on this
 * machine: `${{ inputs.* }}`, `${{ steps.*.outputs.* }}` and `${{ github.action_path }}` in the
 * steps' `env:` are evaluated (the scripts themselves must hold no expression), `$GITHUB_OUTPUT`
 * and `$GITHUB_STEP_SUMMARY` are files in a temporary folder, and the run stops at the first
 * failing step.
 */
export function runCompositeAction(options: ActionRunOptions): ActionRun {
  const action = parse(readFileSync(join(options.actionPath, 'action.yml'), 'utf8')) as CompositeAction;
  if (action.runs.using !== 'composite') throw new Error('not a composite action');
  const scratch = mkdtempSync(join(tmpdir(), 'cardwright-action-'));
  const summaryFile = join(scratch, 'step-summary.md');
  writeFileSync(summaryFile, '');
  const inputs: Record<string, string> = {};
  for (const [name, spec] of Object.entries(action.inputs ?? {})) inputs[name] = spec.default ?? '';
  Object.assign(inputs, options.inputs);
  const steps: Record<string, Record<string, string>> = {};
  const evaluate = (text: string): string =>
    text.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, expression: string) => {
      const input = /^inputs\.([\w-]+)$/.exec(expression);
      if (input) return inputs[input[1]!] ?? '';
      const output = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(expression);
      if (output) return steps[output[1]!]?.[output[2]!] ?? '';
      if (expression === 'github.action_path') return options.actionPath;
      throw new Error(`expression not supported by this test runner: ${expression}`);
    });
  let stdout = '';
  let stderr = '';
  let status = 0;
  for (const [index, step] of action.runs.steps.entries()) {
    if (step.run === undefined) throw new Error(`step ${index} is not a run: step`);
    if (step.run.includes('${{')) throw new Error(`step ${step.id ?? index} pastes an expression into its script`);
    if (step.shell !== 'bash') throw new Error(`step ${step.id ?? index} must say shell: bash`);
    const outputFile = join(scratch, `output-${index}`);
    writeFileSync(outputFile, '');
    const env: NodeJS.ProcessEnv = {
      ...options.env,
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: options.workspace,
      GITHUB_ACTION_PATH: options.actionPath,
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: summaryFile,
      RUNNER_TEMP: scratch,
    };
    for (const [name, value] of Object.entries(step.env ?? {})) env[name] = evaluate(String(value));
    // As the runner does: `bash --noprofile --norc -eo pipefail {0}` on the script in a file.
    const script = join(scratch, `step-${index}.sh`);
    writeFileSync(script, step.run);
    const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], {
      cwd: options.workspace,
      env,
      encoding: 'utf8',
      timeout: 120_000,
    });
    stdout += result.stdout;
    stderr += result.stderr;
    if (step.id) steps[step.id] = parseOutputs(readFileSync(outputFile, 'utf8'));
    if (result.status !== 0) {
      status = result.status ?? 1;
      break;
    }
  }
  const outputs: Record<string, string> = {};
  for (const [name, spec] of Object.entries(action.outputs ?? {})) outputs[name] = evaluate(spec.value);
  return { status, stdout, stderr, summary: readFileSync(summaryFile, 'utf8'), outputs, steps };
}

/** `name=value` lines and `name<<DELIMITER` blocks, as GitHub reads `$GITHUB_OUTPUT`. */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const block = /^([\w-]+)<<(.+)$/.exec(line);
    if (block) {
      const end = lines.indexOf(block[2]!, i + 1);
      outputs[block[1]!] = lines.slice(i + 1, end).join('\n');
      i = end;
    } else if (line.includes('=')) {
      outputs[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
    }
  }
  return outputs;
}
