import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { describe, it } from 'node:test';
import { ROOT } from '../support/cli';

/*
 * The Neovim configuration of docs/editors.md, run for real: a headless Neovim (Debian's 0.7)
 * whose init.lua is the documented block, with `cardwright-language-server` on PATH (the built
 * dist/server.js), opens a card, waits for Cardwright's diagnostics, asks the server for code
 * actions, applies the quick-fix's workspace edit and writes the file.
 */
const SERVER = join(ROOT, 'dist', 'server.js');
const version = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
const skip =
  version.status !== 0
    ? 'nvim is not installed (Debian: apt-get install neovim; .ci/run does)'
    : /NVIM v0\.[0-6]\./.test(version.stdout)
      ? `the documented configuration needs Neovim 0.7 or newer, not ${version.stdout.split('\n')[0]}`
      : false;

/** The Lua block after `<!-- cardwright-test: neovim-0.7 -->` in docs/editors.md. */
function documentedConfig(): string {
  const doc = readFileSync(join(ROOT, 'docs', 'editors.md'), 'utf8');
  const match = /<!-- cardwright-test: neovim-0\.7 -->\s*```lua\n([\s\S]*?)```/.exec(doc);
  assert.ok(match, 'docs/editors.md has the tested Neovim block');
  return match[1]!;
}

/** Drives the editor once the documented config is loaded; writes what it saw to $CARDWRIGHT_OUT. */
const DRIVER = String.raw`
local out = {}
local function finish()
  local file = io.open(vim.env.CARDWRIGHT_OUT, 'w')
  file:write(vim.fn.json_encode(out))
  file:close()
  vim.cmd('qall!')
end

local function diagnostics(bufnr)
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local lsp = (d.user_data or {}).lsp or {}
    table.insert(list, {
      lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
      severity = d.severity, message = d.message, source = d.source,
      code = d.code or lsp.code, data = lsp.data,
    })
  end
  return list
end

-- After startup, as a user opens a file: filetype detection is on by then.
local function drive()
local ok, err = pcall(function()
  vim.cmd('edit ' .. vim.fn.fnameescape(vim.env.CARDWRIGHT_CARD))
  local bufnr = vim.api.nvim_get_current_buf()
  out.filetype = vim.bo[bufnr].filetype
  out.received = vim.wait(30000, function() return #vim.diagnostic.get(bufnr) > 0 end, 50)
  out.diagnostics = diagnostics(bufnr)

  -- The quick-fix of the license value, asked for headlessly (what vim.lsp.buf.code_action() sends).
  local target
  for _, d in ipairs(out.diagnostics) do
    if d.code == 'schema-enum' then target = d end
  end
  if target == nil then return end
  local lsp_diagnostic = {
    range = {
      start = { line = target.lnum, character = target.col },
      ['end'] = { line = target.end_lnum, character = target.end_col },
    },
    severity = target.severity, message = target.message, source = target.source,
    code = target.code, data = target.data,
  }
  local params = {
    textDocument = vim.lsp.util.make_text_document_params(bufnr),
    range = lsp_diagnostic.range,
    context = { diagnostics = { lsp_diagnostic }, only = { 'quickfix' } },
  }
  local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', params, 10000) or {}
  out.actions = {}
  local chosen
  for _, response in pairs(responses) do
    for _, action in ipairs(response.result or {}) do
      table.insert(out.actions, action.title)
      if chosen == nil and action.edit ~= nil then chosen = action end
    end
  end
  if chosen == nil then return end
  out.applied = chosen.title
  vim.lsp.util.apply_workspace_edit(chosen.edit, 'utf-16')
  vim.cmd('write')
  -- The server re-checks the edited buffer: the fixed finding goes away.
  out.cleared = vim.wait(30000, function()
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      if (d.code or ((d.user_data or {}).lsp or {}).code) == 'schema-enum' then return false end
    end
    return true
  end, 50)
  out.after = diagnostics(bufnr)
end)
if not ok then out.error = tostring(err) end
finish()
end
vim.api.nvim_create_autocmd('VimEnter', { nested = true, callback = drive })
`;

interface NvimDiagnostic {
  lnum: number;
  col: number;
  severity: number;
  message: string;
  source?: string;
  code?: string;
}
interface NvimReport {
  filetype?: string;
  received?: boolean;
  diagnostics?: NvimDiagnostic[];
  actions?: string[];
  applied?: string;
  cleared?: boolean;
  after?: NvimDiagnostic[];
  error?: string;
}

describe('Neovim (docs/editors.md, vim.lsp.start_client)', { skip }, () => {
  it('gets Cardwright diagnostics on a card and applies a quick-fix, headless', () => {
    assert.ok(existsSync(SERVER), 'dist/server.js is missing: run `npm run build` first.');
    const scratch = mkdtempSync(join(tmpdir(), 'cardwright-nvim-'));
    const bin = join(scratch, 'bin');
    const project = join(scratch, 'project');
    mkdirSync(bin);
    mkdirSync(join(project, 'model'), { recursive: true });
    writeFileSync(join(bin, 'cardwright-language-server'), `#!/bin/sh\nexec "${process.execPath}" "${SERVER}" "$@"\n`);
    chmodSync(join(bin, 'cardwright-language-server'), 0o755);
    const card = join(project, 'model', 'README.md');
    writeFileSync(
      card,
      '---\nlicense: apache2\nlanguage: en\nlibrary_name: transformers\npipeline_tag: text-classification\n---\n\n# Model Card for tiny\n',
    );
    writeFileSync(join(scratch, 'init.lua'), `${documentedConfig()}\n${DRIVER}`);
    const out = join(scratch, 'out.json');
    const result = spawnSync('nvim', ['--headless', '-i', 'NONE', '-n', '-u', join(scratch, 'init.lua')], {
      cwd: project,
      encoding: 'utf8',
      timeout: 90_000,
      env: {
        PATH: [bin, process.env.PATH].join(delimiter),
        HOME: scratch,
        XDG_CONFIG_HOME: join(scratch, 'config'),
        XDG_DATA_HOME: join(scratch, 'data'),
        XDG_STATE_HOME: join(scratch, 'state'),
        XDG_CACHE_HOME: join(scratch, 'cache'),
        CARDWRIGHT_CARD: card,
        CARDWRIGHT_OUT: out,
      },
    });
    assert.ok(existsSync(out), `nvim wrote no report (status ${result.status}): ${result.stderr}${result.stdout}`);
    const report = JSON.parse(readFileSync(out, 'utf8')) as NvimReport;
    assert.equal(report.error, undefined, report.error);
    assert.equal(report.filetype, 'markdown');
    assert.equal(report.received, true, 'diagnostics arrived');
    const license = report.diagnostics?.find((d) => d.code === 'schema-enum');
    assert.ok(license, JSON.stringify(report.diagnostics));
    assert.equal(license.lnum, 1);
    assert.equal(license.col, 9);
    assert.equal(license.severity, 1, 'error');
    assert.match(license.message, /"license" with value "apache2" is not valid\. Did you mean "apache-2\.0"\?/);
    assert.ok(report.diagnostics!.some((d) => d.code === 'section-missing' && d.severity === 2));
    assert.ok(report.applied, `a quick-fix with an edit among ${JSON.stringify(report.actions)}`);
    assert.match(report.applied, /apache-2\.0/);
    assert.match(readFileSync(card, 'utf8'), /^---\nlicense: apache-2\.0\nlanguage: en\n/);
    assert.equal(report.cleared, true, 'the fixed finding went away');
    assert.ok(report.after!.length > 0 && report.after!.every((d) => d.code !== 'schema-enum'));
  });
});
