// The command-line rows of the benchmark: `cardwright check` over the real cards of the shared
// corpus (../shared/corpus, see its manifest.tsv) next to markdownlint-cli2 over the same files,
// wall time of a whole process; and, when the CLI has `--cache`, a re-run on unchanged files.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The corpus folders and the kind each holds (the files are named owner__repo__README.md). */
const CARD_FOLDERS = [
  { folder: 'model-cards', kind: 'model-card' },
  { folder: 'dataset-cards', kind: 'dataset-card' },
];

/** Wall time of one process in ms; rejects on a crash (exit status 0 and 1 are both results). */
function timed(command, args, cwd) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('exit', (status) => {
      const ms = performance.now() - started;
      if (status === 0 || status === 1) resolve(ms);
      else reject(new Error(`${command} ${args.join(' ')} exited with ${status}: ${stderr.slice(0, 400)}`));
    });
  });
}

/** Cardwright checks each folder with its kind: two processes, timed together. */
async function cardwrightRun(root, corpus, extra) {
  let total = 0;
  for (const { folder, kind } of CARD_FOLDERS) {
    total += await timed(
      process.execPath,
      [join(root, 'dist/cli.js'), 'check', '--kind', kind, ...extra, join(corpus, folder)],
      root,
    );
  }
  return total;
}

function markdownlintRun(root, corpus) {
  const bin = join(root, 'node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs');
  return timed(process.execPath, [bin, ...CARD_FOLDERS.map(({ folder }) => `${folder}/*.md`)], corpus);
}

export async function benchCli({ root, runs, log, report }) {
  const corpus = join(root, '..', 'shared', 'corpus');
  if (!existsSync(join(corpus, 'manifest.tsv'))) {
    log('cli: no ../shared/corpus here, skipped');
    return;
  }
  const files = CARD_FOLDERS.flatMap(({ folder }) =>
    readdirSync(join(corpus, folder))
      .filter((name) => name.endsWith('.md'))
      .map((name) => join(corpus, folder, name)),
  );
  const bytes = files.reduce((sum, file) => sum + statSync(file).size, 0);
  const what = `${files.length} corpus cards (${(bytes / 1e6).toFixed(1)} MB)`;
  // Every card must be checked, not skipped: the JSON report lists the files checked.
  let checked = 0;
  for (const { folder, kind } of CARD_FOLDERS) {
    const report = spawnSync(
      process.execPath,
      [join(root, 'dist/cli.js'), 'check', '--kind', kind, '--format', 'json', join(corpus, folder)],
      {
        cwd: root,
        encoding: 'utf8',
        maxBuffer: 256 * 1024 * 1024,
      },
    );
    checked += JSON.parse(report.stdout).files.length;
  }
  const count = runs ?? 3;
  log(`cli: ${what}, ${count} runs each (cardwright checked ${checked} of ${files.length})`);
  const row = { id: 'cli-check', label: `\`check\` over ${what}`, unit: 'ms', checked, files: files.length };
  row.cardwright = { samples: [] };
  row.peer = { samples: [] };
  for (let i = 0; i < count; i++) {
    row.cardwright.samples.push(await cardwrightRun(root, corpus, []));
    row.peer.samples.push(await markdownlintRun(root, corpus));
  }
  report(row);
  const help = spawnSync(process.execPath, [join(root, 'dist/cli.js'), 'check', '--help'], { encoding: 'utf8' }).stdout;
  const cached = { id: 'cli-check-cached', label: '`check --cache` re-run on unchanged files', unit: 'ms' };
  if (help.includes('--cache')) {
    await cardwrightRun(root, corpus, ['--cache']);
    cached.cardwright = { samples: [] };
    for (let i = 0; i < count; i++) cached.cardwright.samples.push(await cardwrightRun(root, corpus, ['--cache']));
  } else {
    cached.note = 'the CLI has no --cache flag yet';
  }
  report(cached);
}
