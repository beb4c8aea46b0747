// The command-line rows of the benchmark: `cardwright check` over the real cards of the shared
// corpus (../shared/corpus, see its manifest.tsv) next to markdownlint-cli2 over the same files,
// one process each, wall time; and, when the CLI has `--cache`, a re-run on unchanged files.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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

/**
 * A temporary folder holding copies of the corpus's card folders (the scan does not follow
 * symbolic links to folders) and a `.cardwright.yaml` whose
 * `overrides:` give them their kinds (the files are named owner__repo__README.md, which says
 * nothing): one `cardwright check .` checks every card, as one markdownlint-cli2 run lints them.
 */
function benchWorkspace(corpus) {
  const folder = mkdtempSync(join(tmpdir(), 'cardwright-bench-cli-'));
  const overrides = CARD_FOLDERS.map(({ folder: name, kind }) => `  - files: ${name}\n    kind: ${kind}\n`);
  writeFileSync(join(folder, '.cardwright.yaml'), `overrides:\n${overrides.join('')}`);
  for (const { folder: name } of CARD_FOLDERS) cpSync(join(corpus, name), join(folder, name), { recursive: true });
  return folder;
}

/** One `cardwright check .` over the workspace (the settings file is checked too). */
function cardwrightRun(root, workspace, extra) {
  return timed(process.execPath, [join(root, 'dist/cli.js'), 'check', ...extra, '.'], workspace);
}

function markdownlintRun(root, workspace) {
  const bin = join(root, 'node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs');
  return timed(process.execPath, [bin, ...CARD_FOLDERS.map(({ folder }) => `${folder}/*.md`)], workspace);
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
  const workspace = benchWorkspace(corpus);
  // Every card must be checked, not skipped: the JSON report lists the files checked.
  const json = spawnSync(process.execPath, [join(root, 'dist/cli.js'), 'check', '--format', 'json', '.'], {
    cwd: workspace,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const checked = JSON.parse(json.stdout).files.filter((file) => file.kind !== 'project-config').length;
  const count = runs ?? 3;
  log(`cli: ${what}, ${count} runs each (cardwright checked ${checked} of ${files.length})`);
  // A run that skipped cards would be fast for the wrong reason: no row then.
  if (checked !== files.length) throw new Error(`cardwright checked ${checked} of the ${files.length} cards`);
  const row = { id: 'cli-check', label: `\`check\` over ${what}`, unit: 'ms', checked, files: files.length };
  row.cardwright = { samples: [] };
  row.peer = { samples: [] };
  for (let i = 0; i < count; i++) {
    row.cardwright.samples.push(await cardwrightRun(root, workspace, []));
    row.peer.samples.push(await markdownlintRun(root, workspace));
  }
  report(row);
  const help = spawnSync(process.execPath, [join(root, 'dist/cli.js'), 'check', '--help'], { encoding: 'utf8' }).stdout;
  const cached = { id: 'cli-check-cached', label: '`check --cache` re-run on unchanged files', unit: 'ms' };
  if (help.includes('--cache')) {
    await cardwrightRun(root, workspace, ['--cache']);
    cached.cardwright = { samples: [] };
    for (let i = 0; i < count; i++) cached.cardwright.samples.push(await cardwrightRun(root, workspace, ['--cache']));
  } else {
    cached.note = 'the CLI has no --cache flag yet';
  }
  report(cached);
  rmSync(workspace, { recursive: true, force: true });
}
