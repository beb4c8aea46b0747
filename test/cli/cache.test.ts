import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { FileChecker } from '../../server/src/cli/checkPaths';
import { DEFAULT_CONFIG } from '../../server/src/core/projectConfig';
import { createBundledRegistry } from '../../server/src/core/schemas/bundled';
import { nodeFileSystem } from '../../server/src/node/nodeFileSystem';
import { FIXTURES, runCli, type CliResult } from '../support/cli';

/** The default cache file, under the working folder. */
const DEFAULT_CACHE = join('node_modules', '.cache', 'cardwright', 'check-cache.json');

function workspace(files: Record<string, string>): string {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'cardwright-cli-cache-')));
  mkdirSync(join(root, '.git'));
  for (const [path, content] of Object.entries(files)) write(root, path, content);
  return root;
}

function write(root: string, path: string, content: string): void {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), content);
}

/** The run's output without its time-dependent parts (none today: stdout, stderr and status). */
function outcome(result: CliResult): { status: number | null; stdout: string; stderr: string } {
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function codes(result: CliResult): string[] {
  const report = JSON.parse(result.stdout) as { files: { path: string; diagnostics: { code: string }[] }[] };
  return report.files.flatMap((file) => file.diagnostics.map((d) => `${file.path} ${d.code}`));
}

/** A card linking a file beside it and one outside the folder checked. */
function linkingWorkspace(): string {
  return workspace({ 'model/README.md': CARD, 'model/docs/usage.md': '# Usage\n', 'data/README.md': '# Data\n' });
}

const CARD = [
  '---',
  'license: mit',
  'language: en',
  'pipeline_tag: text-classification',
  '---',
  '',
  '# Model Card for tiny',
  '',
  'See [the usage notes](docs/usage.md) and [the data](../data/README.md).',
  '',
].join('\n');

describe('cardwright check --cache', () => {
  it('gives the same output as without it, first run and cached run, in every format', () => {
    const root = realpathSync(mkdtempSync(join(tmpdir(), 'cardwright-cli-cache-')));
    cpSync(join(FIXTURES, 'workspace'), root, { recursive: true });
    for (const format of ['text', 'json', 'sarif']) {
      const plain = outcome(runCli(['check', '--format', format, '.'], root));
      const first = outcome(runCli(['check', '--cache', '--format', format, '.'], root));
      assert.ok(existsSync(join(root, DEFAULT_CACHE)), 'the cache is written under node_modules/.cache/cardwright');
      const cached = outcome(runCli(['check', '--cache', '--format', format, '.'], root));
      assert.deepEqual(first, plain, format);
      assert.deepEqual(cached, plain, format);
    }
  });

  it('checks an edited file again', () => {
    const root = linkingWorkspace();
    const before = codes(runCli(['check', '--cache', '--format', 'json', 'model'], root));
    assert.ok(!before.includes('model/README.md schema-enum'), before.join('\n'));
    write(root, 'model/README.md', CARD.replace('license: mit', 'license: apache2'));
    const after = codes(runCli(['check', '--cache', '--format', 'json', 'model'], root));
    assert.ok(
      after.some((line) => /model\/README.md (schema-enum|license-\w+)/.test(line)),
      after.join('\n'),
    );
  });

  it('drops the entry of a card whose linked file was deleted or created', () => {
    const root = linkingWorkspace();
    const check = (): string[] => codes(runCli(['check', '--cache', '--format', 'json', 'model'], root));
    assert.ok(!check().includes('model/README.md link-broken'));
    rmSync(join(root, 'model/docs/usage.md'));
    assert.ok(check().includes('model/README.md link-broken'), 'the deleted link target is reported');
    write(root, 'model/docs/usage.md', '# Usage again\n');
    assert.ok(!check().includes('model/README.md link-broken'), 'and no longer once it is back');
    rmSync(join(root, 'data'), { recursive: true });
    assert.ok(check().includes('model/README.md link-broken'), 'a link outside the scanned folder counts too');
  });

  it('drops the entry of a card whose linked run changed', () => {
    const result =
      '{task: {type: text-classification}, dataset: {type: imdb, name: imdb}, metrics: [{type: accuracy, value: 0.912}]}';
    const card = `---\nlicense: mit\nmodel-index: [{name: tiny, results: [${result}]}]\n---\n# Model Card for tiny\n`;
    const root = workspace({ 'model/README.md': card });
    cpSync(join(FIXTURES, 'runs', 'hf-output'), join(root, 'runs', 'hf-output'), { recursive: true });
    const linked = runCli(['link', 'model/README.md', '--run', 'runs/hf-output'], root);
    assert.equal(linked.status, 0, linked.stderr);
    const check = (): string[] => codes(runCli(['check', '--cache', '--format', 'json', 'model'], root));
    assert.ok(!check().includes('model/README.md run-metric-mismatch'));
    const results = join(root, 'runs', 'hf-output', 'all_results.json');
    writeFileSync(results, readFileSync(results, 'utf8').replace('0.912', '0.5'));
    assert.ok(check().includes('model/README.md run-metric-mismatch'), 'the run read ahead is an input too');
    rmSync(join(root, 'runs'), { recursive: true });
    assert.ok(check().includes('model/README.md run-not-found'), 'and so is its folder');
  });

  it('drops every entry a changed .cardwright.yaml governs', () => {
    const root = linkingWorkspace();
    const check = (): string[] => codes(runCli(['check', '--cache', '--format', 'json', '.'], root));
    assert.ok(check().includes('model/README.md section-missing'));
    write(root, '.cardwright.yaml', 'rules:\n  section-missing: off\n');
    assert.ok(!check().includes('model/README.md section-missing'));
    write(root, 'model/.cardwright.yaml', 'rules:\n  section-missing: error\n');
    assert.ok(check().includes('model/README.md section-missing'), 'a settings file appearing nearer counts too');
  });

  it('ignores a corrupt cache file and replaces it; --cache-location names the file or its folder', () => {
    const root = linkingWorkspace();
    const plain = outcome(runCli(['check', 'model'], root));
    for (const [location, file] of [
      ['.cache/', '.cache/check-cache.json'],
      ['my-cache.json', 'my-cache.json'],
    ] as const) {
      write(root, file, '{"format": 1, "stamp": "x", "entries": {"trunc');
      assert.deepEqual(outcome(runCli(['check', '--cache', '--cache-location', location, 'model'], root)), plain);
      const written = JSON.parse(readFileSync(join(root, file), 'utf8')) as { entries: Record<string, unknown> };
      assert.ok(join(root, 'model/README.md').split('\\').join('/') in written.entries, 'rewritten whole');
      write(root, file, '[]');
      assert.deepEqual(outcome(runCli(['check', '--cache', '--cache-location', location, 'model'], root)), plain);
      assert.deepEqual(outcome(runCli(['check', '--cache', '--cache-location', location, 'model'], root)), plain);
    }
    assert.equal(existsSync(join(root, DEFAULT_CACHE)), false);
    // A cache file among the files checked is not one of them.
    const inside = runCli(['check', '--cache', '--cache-location', 'model/cache.json', 'model'], root);
    assert.deepEqual(outcome(runCli(['check', '--cache', '--cache-location', 'model/cache.json', 'model'], root)), {
      ...outcome(inside),
    });
    assert.deepEqual(outcome(inside), plain);
  });

  it('hashes what a check read only when the cache is on', async () => {
    const root = linkingWorkspace();
    const target = { path: join(root, 'model', 'README.md'), config: DEFAULT_CONFIG };
    const recorded = await new FileChecker(nodeFileSystem, createBundledRegistry()).check(target);
    const inputs = new Map(recorded.inputs);
    assert.ok(inputs.has(`t:${target.path}`), 'the card read is noted');
    assert.ok(inputs.has(`e:${join(root, 'model', 'docs', 'usage.md')}`), 'so is the linked file looked up');
    const plain = await new FileChecker(nodeFileSystem, createBundledRegistry(), { recordInputs: false }).check(target);
    assert.deepEqual(plain.inputs, []);
    assert.deepEqual(plain.result, recorded.result);
  });
});

describe('cardwright check --concurrency', () => {
  it('gives the same output in worker threads as in one thread (50 generated cards)', () => {
    const files: Record<string, string> = {};
    for (let index = 0; index < 50; index++)
      files[`cards/card-${String(index).padStart(2, '0')}/README.md`] = generatedCard(index);
    files['cards/card-07/docs/usage.md'] = '# Usage\n';
    files['.cardwright.yaml'] = 'overrides:\n  - files: ["cards/card-1*/**"]\n    rules:\n      section-missing: off\n';
    const root = workspace(files);
    for (const format of ['text', 'json', 'sarif']) {
      const single = outcome(runCli(['check', '--concurrency', 'off', '--format', format, '.'], root));
      const threads = outcome(runCli(['check', '--concurrency', '3', '--format', format, '.'], root));
      assert.ok(single.stdout.length > 1000, single.stderr);
      assert.deepEqual(threads, single, format);
    }
    const cached = outcome(runCli(['check', '--cache', '--concurrency', '2', '--format', 'json', '.'], root));
    assert.deepEqual(
      cached,
      outcome(runCli(['check', '--cache', '--concurrency', 'off', '--format', 'json', '.'], root)),
    );
  });

  it('refuses a concurrency that is not a number, auto or off', () => {
    const root = workspace({ 'model/README.md': CARD });
    const result = runCli(['check', '--concurrency', 'many', 'model'], root);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /--concurrency must be a number of threads \(1 to 64\), auto or off, not "many"/);
  });
});

/** A model or dataset card with some of the usual mistakes, chosen by `index`. */
function generatedCard(index: number): string {
  const dataset = index % 3 === 0;
  const licenses = ['mit', 'apache-2.0', 'apache2', 'cc-by-4.0', 'other'];
  const languages = ['en', 'en-US', 'fr', '[de, xx]', 'zh'];
  const meta = [
    `license: ${licenses[index % licenses.length]}`,
    `language: ${languages[index % languages.length]}`,
    dataset
      ? `task_categories: [text-classification]`
      : `pipeline_tag: ${index % 4 === 1 ? 'text-clasification' : 'fill-mask'}`,
    dataset ? `size_categories: [1K<n<10K]` : `library_name: transformers`,
    ...(index % 5 === 2 ? ['tags:'] : []),
    ...(index % 7 === 3 ? ['datasets: [./data/local]'] : []),
  ];
  const sections = [
    `# ${dataset ? 'Dataset' : 'Model'} Card for generated-${index}`,
    '',
    index % 2 === 0 ? 'A generated card for the worker test.' : '[More Information Needed]',
    '',
    '## Uses',
    '',
    index % 4 === 0 ? 'Classifies short reviews. **Input:** text. **Output:** a label.' : 'TODO',
    '',
    ...(index % 3 === 1 ? ['## Uses', '', 'Again.', ''] : []),
    '## Training Data',
    '',
    `Trained on ${index * 1000} reviews; see [the notes](docs/usage.md) and [missing](docs/missing-${index}.md).`,
    '',
    '## Evaluation',
    '',
    index % 2 === 1 ? 'It runs at 300 tokens per second.' : 'Accuracy 0.9 on the test split, on one A100 GPU.',
    '',
    '```python',
    'from transformers import pipeline',
    `classifier = pipeline("text-classification", model="org/generated-${index}")`,
    '```',
    '',
  ];
  return ['---', ...meta, '---', '', ...sections].join('\n');
}
