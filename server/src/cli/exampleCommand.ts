import { writeFileSync, mkdirSync } from 'node:fs';
import { ParsedDocument } from '../core/document/parsedDocument';
import { basename, dirname } from '../core/fileSystem';
import { planExampleScript } from '../core/scaffold/plan';
import { nodeTextSha256 } from '../node/hash';
import { helpText, parseCommand, stringValue, UsageError, type CommandSpec } from './options';
import type { CliIo } from './run';
import { absolutePath, display, toPosix } from './cliPaths';

export const EXAMPLE_SPEC: CommandSpec = {
  usage: 'cardwright example CARD [--out FILE] [--model-id ID] [--force]',
  summary: `Writes a runnable Python script that loads the card's model, runs it on sample inputs and reports
latency (average, p50, p95), throughput and the hardware it ran on. An existing script is replaced
only when Cardwright wrote it and nobody edited it since, or with --force.`,
  options: [
    {
      name: 'out',
      type: 'string',
      value: 'FILE',
      description:
        'where to write the script, any path you choose\n(default: <card folder>/examples/<model>_inference.py)',
    },
    {
      name: 'model-id',
      type: 'string',
      value: 'ID',
      description: 'the Hub id the script loads (default: from the card)',
    },
    { name: 'force', type: 'boolean', description: 'replace a script you edited' },
  ],
  footer: 'Exit status: 0 written, 1 an edited script was left alone (use --force), 2 bad usage.',
};

/** `cardwright example CARD`: the CLI face of core/scaffold's planner. */
export function runExample(argv: string[], io: CliIo): number {
  const { values, positionals, help } = parseCommand(EXAMPLE_SPEC, argv);
  if (help) {
    io.stdout(helpText(EXAMPLE_SPEC) + '\n');
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('name one model card: cardwright example CARD.');
  const out = stringValue(values, 'out');
  const absolute = (path: string): string => absolutePath(io.cwd, path);
  const cardPath = absolute(positionals[0]!);
  const text = io.fs.readFile(cardPath);
  if (text === undefined) throw new UsageError(`cannot read "${positionals[0]}".`);
  const doc = new ParsedDocument(
    { uri: cardPath, fileName: basename(cardPath), version: 0, text },
    { kind: 'model-card' },
  );
  const workspaceRoot = toPosix(io.cwd);
  const plan = planExampleScript({
    doc,
    cardPath,
    workspaceRoot,
    fs: io.fs,
    sha256: nodeTextSha256,
    now: new Date().toISOString(),
    modelId: stringValue(values, 'model-id'),
    outPath: out !== undefined ? absolute(out) : undefined,
  });
  // On the command line the user chose the card and the path: the script goes where they said,
  // inside the working folder or not (the editor keeps to the workspace). Shown as they typed it.
  const shown = out ?? display(plan.path, io.cwd);
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
