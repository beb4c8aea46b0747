import { writeFileSync, mkdirSync } from 'node:fs';
import * as nodePath from 'node:path';
import { parseArgs } from 'node:util';
import { ParsedDocument } from '../core/document/parsedDocument';
import { basename, dirname } from '../core/fileSystem';
import { planExampleScript } from '../core/scaffold/plan';
import { nodeTextSha256 } from '../node/hash';
import { UsageError } from './args';
import type { CliIo } from './run';

export const EXAMPLE_USAGE = `Usage: cardwright example CARD [--out FILE] [--model-id ID] [--force]

Writes a runnable Python script that loads the card's model, runs it on sample inputs and reports
latency (average, p50, p95), throughput and the hardware it ran on. Default output:
<card folder>/examples/<model>_inference.py. An existing script is replaced only when Cardwright
wrote it and nobody edited it since, or with --force.`;

/** `cardwright example CARD`: the CLI face of core/scaffold's planner. */
export function runExample(argv: string[], io: CliIo): number {
  const { values, positionals } = asUsageError(() =>
    parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: { type: 'string' },
        'model-id': { type: 'string' },
        force: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }),
  );
  if (values.help) {
    io.stdout(EXAMPLE_USAGE + '\n');
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('Name one model card: cardwright example CARD.');
  const absolute = (path: string): string => nodePath.resolve(io.cwd, path).split(nodePath.sep).join('/');
  const cardPath = absolute(positionals[0]!);
  const text = io.fs.readFile(cardPath);
  if (text === undefined) throw new UsageError(`cannot read "${positionals[0]}".`);
  const doc = new ParsedDocument(
    { uri: cardPath, fileName: basename(cardPath), version: 0, text },
    { kind: 'model-card' },
  );
  const workspaceRoot = io.cwd.split(nodePath.sep).join('/');
  const plan = planExampleScript({
    doc,
    cardPath,
    workspaceRoot,
    fs: io.fs,
    sha256: nodeTextSha256,
    now: new Date().toISOString(),
    modelId: values['model-id'],
    outPath: values.out !== undefined ? absolute(values.out) : undefined,
  });
  const shown = nodePath.relative(io.cwd, plan.path);
  if (plan.outside) throw new UsageError(`"${shown}" is outside the working folder: Cardwright writes only inside it.`);
  if (plan.existing === 'edited' && values.force !== true) {
    io.stderr(
      `cardwright: "${shown}" exists and was not written by Cardwright (or was edited since): use --force to replace it.\n`,
    );
    return 1;
  }
  mkdirSync(dirname(plan.path), { recursive: true });
  writeFileSync(plan.path, plan.text);
  io.stdout(
    `Wrote ${shown} (${plan.flavour}, model ${plan.modelId}; flavour from ${plan.reason}).\nRun it: python3 ${shown} --samples 20\n`,
  );
  return 0;
}

/** Runs an argument parser, turning its complaints into usage errors (exit status 2). */
export function asUsageError<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}
