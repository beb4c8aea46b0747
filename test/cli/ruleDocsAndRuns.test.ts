import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ROOT, runCli } from '../support/cli';
import { buildMlflowDb, DB_RUNS } from '../support/mlflowDb';

const BROKEN = '---\nlicense: apache2\n---\n# Model Card for tiny\n';

function workspace(files: Record<string, string | Uint8Array>): string {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'cardwright-cli-docs-')));
  writeFileSync(join(root, '.cardwright.yaml'), 'rules:\n  section-missing: off\n');
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

describe('cardwright check: rule pages and linked runs', () => {
  it('names where the rule pages are after the summary: the docs/rules/ shipped beside dist/', () => {
    const root = workspace({ 'model/README.md': BROKEN });
    const result = runCli(['check', '.'], root);
    assert.equal(result.status, 1, result.stderr);
    const lines = result.stdout.trimEnd().split('\n');
    assert.match(lines.at(-2) ?? '', /^1 error, 0 warnings in \d+ files? checked$/);
    const pages = join(ROOT, 'docs', 'rules').split('\\').join('/');
    assert.equal(lines.at(-1), `Rule pages: ${pages}/<code>.md`);
    assert.ok(existsSync(join(pages, 'schema-enum.md')));
  });

  it('gives each JSON diagnostic its page, and no pages line on a clean run', () => {
    const root = workspace({ 'model/README.md': BROKEN });
    const report = JSON.parse(runCli(['check', '--format', 'json', '.'], root).stdout) as {
      files: { diagnostics: { code: string; docs?: string }[] }[];
    };
    const diagnostics = report.files.flatMap((file) => file.diagnostics);
    assert.ok(diagnostics.length > 0);
    for (const diagnostic of diagnostics) {
      assert.ok(diagnostic.docs?.endsWith(`/docs/rules/${diagnostic.code}.md`), diagnostic.docs);
      assert.ok(existsSync(diagnostic.docs ?? ''), `${diagnostic.docs} exists`);
    }
    const clean = workspace({ 'model/README.md': '---\nlicense: mit\n---\n# Model Card for tiny\n' });
    assert.doesNotMatch(runCli(['check', '.'], clean).stdout, /Rule pages/);
  });

  it('checks a card against its run in mlflow.db (read once, through the SQLite reader)', async () => {
    const card = (accuracy: string): string =>
      [
        '---',
        'license: mit',
        'model-index:',
        '- name: tiny',
        '  results:',
        '  - task: {type: text-classification}',
        '    metrics:',
        `    - {type: accuracy, value: ${accuracy}}`,
        'provenance:',
        `  run: {tracker: mlflow, id: ${DB_RUNS.finished}, path: "../runs/mlflow.db#${DB_RUNS.finished}"}`,
        '---',
        '# Model Card for tiny',
        '',
      ].join('\n');
    const db = await buildMlflowDb();
    const drifted = workspace({ 'model/README.md': card('0.95'), 'runs/mlflow.db': db });
    const report = JSON.parse(runCli(['check', '--format', 'json', 'model'], drifted).stdout) as {
      files: { diagnostics: { code: string; message: string }[] }[];
    };
    const mismatch = report.files.flatMap((file) => file.diagnostics).filter((d) => d.code === 'run-metric-mismatch');
    assert.equal(mismatch.length, 1, JSON.stringify(report));
    assert.match(mismatch[0]?.message ?? '', /0\.931/);
    const agreeing = workspace({ 'model/README.md': card('0.931'), 'runs/mlflow.db': db });
    assert.doesNotMatch(runCli(['check', 'model'], agreeing).stdout, /run-metric-mismatch|run-not-found/);
    const gone = workspace({
      'model/README.md': card('0.931').replace(DB_RUNS.finished, 'ffff').replace(`#${DB_RUNS.finished}`, '#ffff'),
      'runs/mlflow.db': db,
    });
    assert.match(runCli(['check', 'model'], gone).stdout, /run-not-found/);
  });
});
