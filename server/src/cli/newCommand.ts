import { writeFileSync } from 'node:fs';
import { planNewCard } from '../core/scaffold/plan';
import { ProjectConfigResolver } from '../core/projectConfig';
import { helpText, parseCommand, stringValue, UsageError, type CommandSpec } from './options';
import type { CliIo } from './run';
import { absolutePath, display } from './cliPaths';

export const NEW_SPEC: CommandSpec = {
  usage: 'cardwright new model|dataset [--out FOLDER]',
  summary: `Writes a new card into FOLDER: README.md, or MODEL_CARD.md / DATASET_CARD.md when a README.md
exists (nothing is ever overwritten). Its metadata is filled from what the folder shows
(config.json, weights, data files); each section of the profile carries the question it answers.`,
  options: [
    { name: 'out', type: 'string', value: 'FOLDER', description: 'the folder to write the card into (default: .)' },
  ],
  footer: 'Exit status: 0 written, 1 the folder has both files already, 2 bad usage.',
};

/** `cardwright new model|dataset`: never overwrites a file. */
export function runNew(argv: string[], io: CliIo): number {
  const { values, positionals, help } = parseCommand(NEW_SPEC, argv);
  if (help) {
    io.stdout(helpText(NEW_SPEC) + '\n');
    return 0;
  }
  const out = stringValue(values, 'out');
  const kind = positionals[0] === 'model' ? 'model-card' : positionals[0] === 'dataset' ? 'dataset-card' : undefined;
  if (!kind || positionals.length !== 1)
    throw new UsageError('say which card: cardwright new model, or cardwright new dataset.');
  const folder = absolutePath(io.cwd, out ?? '.');
  if (!io.fs.isDirectory(folder)) throw new UsageError(`"${out ?? '.'}" is not a folder.`);
  const config = new ProjectConfigResolver(io.fs).forFolder(folder).config;
  const plan = planNewCard(kind, folder, io.fs, config);
  if (!plan) {
    io.stderr('cardwright: the folder already has both README.md and its card file: nothing was written.\n');
    return 1;
  }
  writeFileSync(plan.path, plan.text, { flag: 'wx' });
  io.stdout(`Wrote ${display(plan.path, io.cwd)}: fill in each section, then run cardwright check.\n`);
  return 0;
}
