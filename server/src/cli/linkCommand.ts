import { writeFileSync } from 'node:fs';
import { ParsedDocument } from '../core/document/parsedDocument';
import { splitFrontMatter } from '../core/document/frontMatter';
import { basename } from '../core/fileSystem';
import { commonEnds, linkRun, readLinkFacts, type LinkResult, type ProvenanceBlock } from '../core/provenance';
import { readRun, splitRecordPath, type RunRecord } from '../core/runs';
import { createNodeRunDeps, nodeSha256 } from '../node/runDeps';
import { helpText, parseCommand, stringValue, UsageError, type CommandSpec } from './options';
import type { CliIo } from './run';
import { absolutePath, display as displayPath } from './cliPaths';

export const LINK_SPEC: CommandSpec = {
  usage: 'cardwright link CARD --run PATH [--config FILE] [--write-metrics] [--dry-run]',
  summary: `Writes the provenance block of a training run into the model card CARD: the code commit, the
config and its SHA-256, datasets and base model with revisions, the run, its final metrics and
hardware. The rest of the front matter (keys, order, comments) is left as it is. Nothing is run:
not git, not the tracker; everything is read from files.`,
  options: [
    {
      name: 'run',
      type: 'string',
      value: 'PATH',
      description:
        'the run: a run folder (mlruns/<experiment>/<run id>, wandb/run-..., an HF Trainer\noutput folder, lightning_logs/version_N, a Hydra output folder, a DVC project)\nor mlflow.db#<run id>',
    },
    {
      name: 'config',
      type: 'string',
      value: 'FILE',
      description: 'record this config file and its hash instead of the one the run recorded',
    },
    {
      name: 'write-metrics',
      type: 'boolean',
      description: 'also fill model-index metric values from the run (adds a model-index if\nthe card has none)',
    },
    {
      name: 'dry-run',
      type: 'boolean',
      description: 'print what would change and the new front matter; write nothing',
    },
  ],
  footer: "Exit status: 0 linked, 1 the card's front matter cannot take the block, 2 bad usage or paths.",
};

interface LinkArgs {
  card: string;
  /** A run folder, or `<mlflow.db>#<run id>`. */
  run: string;
  config?: string;
  writeMetrics: boolean;
  dryRun: boolean;
}

function parseLinkArgs(argv: string[]): LinkArgs | 'help' {
  const { values, positionals, help } = parseCommand(LINK_SPEC, argv);
  if (help) return 'help';
  const [card, ...extra] = positionals;
  if (card === undefined || extra.length > 0) {
    throw new UsageError('name one model card: cardwright link CARD --run PATH.');
  }
  const run = stringValue(values, 'run');
  if (run === undefined) {
    throw new UsageError('name the run to link with --run PATH (a run folder, or mlflow.db#<run id>).');
  }
  return {
    card,
    run,
    config: stringValue(values, 'config'),
    writeMetrics: values['write-metrics'] === true,
    dryRun: values['dry-run'] === true,
  };
}

/**
 * `cardwright link CARD --run PATH`: reads the run (nothing is run: not git, not the tracker),
 * writes its provenance block into the card's front matter, and prints what changed. The user
 * asked for this write by running the command; `--dry-run` prints the result instead.
 */
export async function runLink(argv: string[], io: CliIo): Promise<number> {
  const args = parseLinkArgs(argv);
  if (args === 'help') {
    io.stdout(helpText(LINK_SPEC) + '\n');
    return 0;
  }
  const cardPath = absolute(io, args.card);
  const raw = io.fs.readFile(cardPath);
  if (raw === undefined || io.fs.isDirectory(cardPath)) throw new UsageError(`cannot read the card "${args.card}".`);
  const { file, recordId } = splitRecordPath(args.run);
  const runPath = recordId === undefined ? absolute(io, file) : `${absolute(io, file)}#${recordId}`;
  if (!io.fs.exists(absolute(io, file)))
    throw new UsageError(`cannot read the run "${args.run}": no such file or folder.`);
  const configPath = args.config === undefined ? undefined : absolute(io, args.config);
  if (configPath !== undefined && (!io.fs.exists(configPath) || io.fs.isDirectory(configPath))) {
    throw new UsageError(`cannot read the config file "${args.config}".`);
  }

  const deps = createNodeRunDeps(io.fs);
  const run = await readRun(runPath, deps);
  if (!run) {
    throw new UsageError(
      `"${args.run}" is not a run folder of a known tracker (MLflow, W&B, HF Trainer, Lightning, Hydra, DVC). A folder holding many runs (mlruns/, wandb/) or mlflow.db needs the run itself: mlruns/<experiment>/<run id>, wandb/run-<date>-<id>, mlflow.db#<run id>.`,
    );
  }
  const unread = run.notes.find((note) => /could not be read|were not read/.test(note));
  if (unread) throw new UsageError(`the run "${args.run}" ${unread}.`);

  const doc = new ParsedDocument(
    { uri: cardPath, fileName: basename(cardPath), version: 0, text: raw },
    { kind: 'model-card' },
  );
  const facts = readLinkFacts(cardPath, run, { fs: io.fs, sha256: nodeSha256, configPath, doc });
  const result = linkRun(doc, run, facts, { writeMetrics: args.writeMetrics });
  const shown = display(io, cardPath);
  if (result.problem !== undefined) {
    io.stderr(`cardwright: cannot link ${shown}: ${result.problem}.\n`);
    return 1;
  }
  const report = [...summary(shown, run, result, args.dryRun), ...unifiedHunk(shown, doc.text.text, result.text)];
  if (args.dryRun) {
    io.stdout(
      [...report, '', 'Front matter after linking (dry run, nothing written):', frontMatterOf(result.text)].join('\n') +
        '\n',
    );
    return 0;
  }
  if (result.edits.length > 0) {
    // The CLI writes with node's fs: the core only reads through io.fs. A BOM the file had is kept.
    writeFileSync(cardPath, (doc.text.hadBom ? '\uFEFF' : '') + result.text);
  }
  io.stdout(report.join('\n') + '\n');
  return 0;
}

function absolute(io: CliIo, path: string): string {
  return absolutePath(io.cwd, path);
}

function display(io: CliIo, path: string): string {
  return displayPath(path, io.cwd);
}

/** What the block says, one line per part, then the metric values written and the notes. */
function summary(card: string, run: RunRecord, result: LinkResult, dryRun: boolean): string[] {
  const block: ProvenanceBlock = result.block;
  const runName = `${run.tracker} run ${run.name}${run.name === run.id ? '' : ` (${run.id})`}`;
  const lines = [
    result.edits.length === 0
      ? `${card} is already linked to ${run.tracker} run ${run.name}: nothing to change.`
      : dryRun
        ? `Would link ${card} to ${runName} (dry run: nothing written).`
        : `Linked ${card} to ${runName}.`,
  ];
  const part = (name: string, text: string | undefined): void => {
    if (text) lines.push(`  ${name.padEnd(12)}${text}`);
  };
  part('run:', block.run.path);
  part(
    'code:',
    block.code &&
      [block.code.commit, block.code.branch && `on ${block.code.branch}`, block.code.repository]
        .filter(Boolean)
        .join(' '),
  );
  part('config:', block.config && `${block.config.path} (sha256 ${block.config.sha256.slice(0, 12)}…)`);
  part('data:', block.data?.map((d) => (d.revision ? `${d.id}@${d.revision.slice(0, 12)}` : d.id)).join(', '));
  part(
    'metrics:',
    block.evaluation?.metrics &&
      Object.entries(block.evaluation.metrics)
        .map(([k, v]) => `${k}=${v}`)
        .join(', '),
  );
  part(
    'hardware:',
    block.hardware &&
      [block.hardware.count, block.hardware.accelerator, block.hardware.cpu].filter(Boolean).join(' × '),
  );
  part('base model:', block.base_model && [block.base_model.id, block.base_model.revision].filter(Boolean).join('@'));
  for (const change of result.metricChanges) {
    const verb = dryRun ? 'would write' : 'wrote';
    lines.push(
      `  ${verb} ${change.path}: ${change.previous ?? '(none)'} -> ${change.value} (run's ${change.runMetric})`,
    );
  }
  for (const note of [...run.notes, ...result.notes]) lines.push(`  note: ${note}`);
  return lines;
}

/** The changed lines as one unified-diff hunk without context (the card's other lines are untouched). */
function unifiedHunk(card: string, before: string, after: string): string[] {
  if (before === after) return [];
  const old = before.split(/\r?\n/);
  const now = after.split(/\r?\n/);
  const { head, tail } = commonEnds(old, now);
  const removed = old.slice(head, old.length - tail);
  const added = now.slice(head, now.length - tail);
  const range = (start: number, count: number): string => `${count === 0 ? start : start + 1},${count}`;
  return [
    '',
    `--- ${card}`,
    `+++ ${card}`,
    `@@ -${range(head, removed.length)} +${range(head, added.length)} @@`,
    ...removed.map((line) => `-${line}`),
    ...added.map((line) => `+${line}`),
  ];
}

/** The front matter of `text`, fences included (the whole text when it has none). */
function frontMatterOf(text: string): string {
  const split = splitFrontMatter(text);
  return split.state === 'closed' ? text.slice(0, split.close.end) : text;
}
