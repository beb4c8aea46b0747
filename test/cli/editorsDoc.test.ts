import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ROOT } from '../support/cli';

/*
 * The snippets of docs/editors.md that no editor here runs (Neovim 0.11, Helix, Zed) at least
 * parse, and all of them start the server the npm package installs, with --stdio.
 */
const doc = readFileSync(join(ROOT, 'docs', 'editors.md'), 'utf8');
const blocks = (language: string): string[] =>
  [...doc.matchAll(new RegExp('```' + language + '\\n([\\s\\S]*?)```', 'g'))].map((match) => match[1]!);

const hasNvim = spawnSync('nvim', ['--version']).status === 0;
const hasTomllib = spawnSync('python3', ['-c', 'import tomllib']).status === 0;

describe('docs/editors.md', () => {
  it('has Neovim (both forms), Helix and Zed configurations that start cardwright-language-server --stdio', () => {
    const lua = blocks('lua');
    assert.equal(lua.length, 2);
    assert.match(lua[0]!, /vim\.lsp\.config\('cardwright'[\s\S]*vim\.lsp\.enable\('cardwright'\)/);
    assert.match(lua[1]!, /vim\.lsp\.start_client/);
    for (const block of lua) {
      assert.match(block, /cmd = \{ 'cardwright-language-server', '--stdio' \}/);
      assert.match(block, /'markdown', 'yaml'/);
      assert.match(block, /init_options = \{ trusted = true \}/);
    }
    const toml = blocks('toml');
    assert.match(toml[0]!, /command = "cardwright-language-server"\nargs = \["--stdio"\]/);
    assert.match(blocks('rust')[0]!, /which\("cardwright-language-server"\)[\s\S]*"--stdio"/);
    const settings = JSON.parse(blocks('json')[0]!) as { languages: Record<string, { language_servers: string[] }> };
    assert.deepEqual(Object.keys(settings.languages), ['Markdown', 'YAML']);
  });

  it('its Lua parses', { skip: hasNvim ? false : 'nvim is not installed' }, () => {
    for (const block of blocks('lua')) {
      // loadstring compiles without running: the 0.11 block calls APIs that Neovim 0.7 lacks.
      const check = `local f, e = loadstring(vim.fn.json_decode(${JSON.stringify(JSON.stringify(block))}))
        if not f then io.stderr:write(e) vim.cmd('cquit 1') end`;
      const result = spawnSync(
        'nvim',
        ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `lua ${check.replace(/\n\s*/g, ' ')}`, '-c', 'qall!'],
        { encoding: 'utf8', timeout: 30_000 },
      );
      assert.equal(result.status, 0, `${result.stderr}\n${block}`);
    }
  });

  it('its TOML parses', { skip: hasTomllib ? false : 'python3 with tomllib (3.11+) is not installed' }, () => {
    const tomls = blocks('toml');
    assert.equal(tomls.length, 2);
    for (const block of tomls) {
      const result = spawnSync('python3', ['-c', 'import sys, tomllib; tomllib.loads(sys.stdin.read())'], {
        input: block,
        encoding: 'utf8',
      });
      assert.equal(result.status, 0, `${result.stderr}\n${block}`);
    }
    const helix = spawnSync(
      'python3',
      [
        '-c',
        'import sys, json, tomllib; d = tomllib.loads(sys.stdin.read()); print(json.dumps([d["language-server"]["cardwright"], [l["name"] for l in d["language"] if "cardwright" in l["language-servers"]]]))',
      ],
      { input: blocks('toml')[0], encoding: 'utf8' },
    );
    assert.deepEqual(JSON.parse(helix.stdout), [
      { command: 'cardwright-language-server', args: ['--stdio'], config: { trusted: true } },
      ['markdown', 'yaml'],
    ]);
  });
});
