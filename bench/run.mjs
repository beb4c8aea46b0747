// `npm run bench`: Cardwright next to its peers in one run, on this machine (issue 13).
//
//   configs  keystroke -> published diagnostics on generated training configs of 1 KB, 100 KB,
//            1 MB and 5 MB, Cardwright's server and yaml-language-server as real LSP clients
//            over stdio, the schema named by a relative `# yaml-language-server: $schema=` modeline;
//            peak RSS (VmHWM) of each server per size
//   cards    the same on generated model cards of 6 KB and 140 KB, a body and a front-matter edit
//            (Cardwright only)
//   cold     spawn -> `initialize` answered, both servers
//   cli      `cardwright check` over the corpus cards in ../shared/corpus next to markdownlint-cli2
//            over the same files (wall time), and a re-run with `--cache` when the CLI has it
//
// Prints a markdown table (median and min-max per side, the peer's time over ours, the goal) and
// writes the samples to bench/results/<date>.json. Not part of CI: timings depend on the machine.
//
// Usage: npm run bench [-- --only configs,cards,cold,cli] [--runs N] [--server FILE] (N edits,
// starts or runs per row instead of the defaults; another build of the server, to compare).
// Builds dist/ first.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { benchCli } from './cli-bench.mjs';
import { benchCards, benchColdStart, benchConfigs } from './editor-bench.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const SECTIONS = { configs: benchConfigs, cards: benchCards, cold: benchColdStart, cli: benchCli };

const servers = (cardwright) => [
  { role: 'cardwright', name: 'cardwright', command: [process.execPath, cardwright, '--stdio'] },
  {
    role: 'peer',
    name: 'yaml-language-server',
    command: [process.execPath, join(ROOT, 'node_modules/yaml-language-server/bin/yaml-language-server'), '--stdio'],
  },
];

/** The goal of each row (issue 13): how it reads in the table, and whether the medians meet it. */
const GOALS = {
  'config-1kb': { text: 'keep (<= 20 ms)', met: (ours) => ours <= 20 },
  'config-100kb': { text: '>= 5x', met: (ours, peer) => peer / ours >= 5 },
  'config-1mb': { text: '<= 250 ms', met: (ours) => ours <= 250 },
  'config-5mb': { text: '<= 1.5 s', met: (ours) => ours <= 1500 },
  'config-5mb-rss': { text: '<= 500 MB', met: (ours) => ours <= 500 },
  'cold-start': { text: '<= 150 ms', met: (ours) => ours <= 150 },
  'card-6kb-body': { text: 'keep (<= 10 ms)', met: (ours) => ours <= 10 },
  'card-140kb-body': { text: '<= 50 ms', met: (ours) => ours <= 50 },
  'cli-check': { text: '>= 2x', met: (ours, peer) => peer / ours >= 2 },
  'cli-check-cached': { text: '< 1 s', met: (ours) => ours < 1000 },
};

function parseArgs(argv) {
  const options = { only: Object.keys(SECTIONS), runs: undefined, server: join(ROOT, 'dist/server.js') };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => argv[++i] ?? '';
    if (arg === '--only') options.only = value().split(',').filter(Boolean);
    else if (arg === '--runs') options.runs = Number(value());
    else if (arg === '--server') options.server = resolve(value());
    else if (arg === '--help' || arg === '-h') options.help = true;
    else throw new Error(`unknown argument ${arg} (see --help)`);
  }
  const unknown = options.only.filter((section) => !(section in SECTIONS));
  if (unknown.length) throw new Error(`--only takes ${Object.keys(SECTIONS).join(', ')}; not ${unknown.join(', ')}`);
  if (options.runs !== undefined && !(Number.isInteger(options.runs) && options.runs > 0))
    throw new Error('--runs takes a positive integer');
  return options;
}

function stats(side) {
  const samples = (side?.samples ?? []).filter((value) => typeof value === 'number').sort((a, b) => a - b);
  if (!samples.length) return undefined;
  const middle = Math.floor(samples.length / 2);
  const median = samples.length % 2 ? samples[middle] : (samples[middle - 1] + samples[middle]) / 2;
  return { median, min: samples[0], max: samples.at(-1), n: samples.length };
}

function format(value, unit) {
  if (unit === 'MB') return `${value.toFixed(0)} MB`;
  if (value >= 1000) return `${(value / 1000).toFixed(2)} s`;
  return `${value < 10 ? value.toFixed(1) : value.toFixed(0)} ms`;
}

function cell(side, summary, unit) {
  if (side?.error) return `failed: ${side.error}`;
  if (!summary) return '-';
  const range = summary.n > 1 ? ` (${format(summary.min, unit)}-${format(summary.max, unit)})` : '';
  const wrong = side.wrong ? `, ${side.wrong} wrong results` : '';
  return `${format(summary.median, unit)}${range}${wrong}`;
}

/** The table row for one measured row: medians, ratio (peer / ours: how many times less we take). */
function tableRow(row) {
  const ours = stats(row.cardwright);
  const peer = stats(row.peer);
  const ratio = ours && peer ? peer.median / ours.median : undefined;
  const goal = GOALS[row.id];
  const met = goal && ours && !row.cardwright?.wrong ? (goal.met(ours.median, peer?.median) ? 'yes' : 'no') : '-';
  Object.assign(row, { summary: { cardwright: ours, peer, ratio, goal: goal?.text, met } });
  return [
    row.label,
    row.note ?? cell(row.cardwright, ours, row.unit),
    cell(row.peer, peer, row.unit),
    ratio === undefined ? '-' : `${ratio.toFixed(ratio < 10 ? 2 : 0)}x`,
    goal?.text ?? '-',
    goal && !ours ? 'no' : met,
  ];
}

function machine() {
  return {
    cpu: cpus()[0]?.model ?? 'unknown CPU',
    cores: cpus().length,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    loadAverage: loadavg().map((load) => Number(load.toFixed(2))),
  };
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (options.help) {
    console.log('Usage: npm run bench [-- --only configs,cards,cold,cli] [--runs N] [--server FILE]');
    return;
  }
  const startedAt = new Date();
  const before = machine();
  const scratch = mkdtempSync(join(tmpdir(), 'cardwright-bench-'));
  const log = (message) => console.error(`[bench ${((Date.now() - startedAt) / 1000).toFixed(0)}s] ${message}`);
  const rows = [];
  const resultsDir = join(ROOT, 'bench', 'results');
  mkdirSync(resultsDir, { recursive: true });
  const subset = options.only.length === Object.keys(SECTIONS).length ? '' : `-${options.only.join('-')}`;
  const out = join(resultsDir, `${startedAt.toISOString().slice(0, 10)}${subset}.json`);
  const peers = 'yaml-language-server 2.0.0 (configs, cold start), markdownlint-cli2 0.24.1 (cli)';
  /** The samples so far: written after every row, so a long run that is stopped keeps them. */
  const save = (complete) => {
    const result = { date: startedAt.toISOString(), complete, machine: before, peers, options, rows };
    writeFileSync(out, JSON.stringify({ ...result, loadAverageNow: machine().loadAverage }, null, 2) + '\n');
  };
  const report = (row) => {
    rows.push(row);
    log(`| ${tableRow(row).join(' | ')} |`);
    save(false);
  };
  try {
    for (const section of Object.keys(SECTIONS).filter((name) => options.only.includes(name))) {
      await SECTIONS[section]({
        servers: servers(options.server),
        root: ROOT,
        scratch,
        runs: options.runs,
        log,
        report,
      });
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  save(true);
  const after = machine();
  const lines = [
    `Cardwright benchmark, ${startedAt.toISOString()}`,
    `Machine: ${before.cpu}, ${before.cores} cores, ${before.memoryGb} GB, Node ${before.node}; load average ${before.loadAverage.join(' ')} at start, ${after.loadAverage.join(' ')} at end`,
    `Peers: ${peers}. Ratio: the peer's median over Cardwright's (higher is better for Cardwright).`,
    '',
    '| row | Cardwright median (min-max) | peer median (min-max) | ratio | goal | met |',
    '|---|---|---|---|---|---|',
    ...rows.map((row) => `| ${tableRow(row).join(' | ')} |`),
  ];
  console.log(lines.join('\n'));
  console.log(`\nSamples: ${out}`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
