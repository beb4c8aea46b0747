import { writeFileSync } from 'node:fs';
import * as nodePath from 'node:path';
import { parseArgs } from 'node:util';
import { planNewCard } from '../core/scaffold/plan';
import { ProjectConfigResolver } from '../core/projectConfig';
import { UsageError } from './args';
import { asUsageError } from './exampleCommand';
import type { CliIo } from './run';

export const NEW_USAGE = `Usage: cardwright new model|dataset [--out FOLDER]

Writes a new card into FOLDER (default: the working folder): README.md, or MODEL_CARD.md /
DATASET_CARD.md when a README.md exists. Its metadata is filled from what the folder shows
(config.json, weights, data files); each section of the profile carries the question it answers.`;

/** `cardwright new model|dataset`: never overwrites a file. */
export function runNew(argv: string[], io: CliIo): number {
  const { values, positionals } = asUsageError(() =>
    parseArgs({
      args: argv,
      allowPositionals: true,
      options: { out: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    }),
  );
  if (values.help) {
    io.stdout(NEW_USAGE + '\n');
    return 0;
  }
  const kind = positionals[0] === 'model' ? 'model-card' : positionals[0] === 'dataset' ? 'dataset-card' : undefined;
  if (!kind || positionals.length !== 1)
    throw new UsageError('Say which card: cardwright new model, or cardwright new dataset.');
  const folder = nodePath
    .resolve(io.cwd, values.out ?? '.')
    .split(nodePath.sep)
    .join('/');
  if (!io.fs.isDirectory(folder)) throw new UsageError(`"${String(values.out)}" is not a folder.`);
  const config = new ProjectConfigResolver(io.fs).forFolder(folder).config;
  const plan = planNewCard(kind, folder, io.fs, config);
  if (!plan) {
    io.stderr('cardwright: the folder already has both README.md and its card file: nothing was written.\n');
    return 1;
  }
  writeFileSync(plan.path, plan.text, { flag: 'wx' });
  io.stdout(`Wrote ${nodePath.relative(io.cwd, plan.path)}: fill in each section, then run cardwright check.\n`);
  return 0;
}
