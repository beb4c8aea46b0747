import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { CardDiagnostic } from '../../server/src/core/diagnostic';
import { DOCUMENT_KINDS, type DocumentKind } from '../../server/src/core/document/kind';
import { ParsedDocument } from '../../server/src/core/document/parsedDocument';
import { checkDocument } from '../../server/src/core/engine';
import { basename, dirname } from '../../server/src/core/fileSystem';
import { RULE_CODES } from '../../server/src/core/rules';
import { WorkspaceSchemaLoader } from '../../server/src/core/schemas/workspaceSchemas';
import { nodeSha256 } from '../../server/src/node/runDeps';
import { schemas } from '../support/check';
import { memoryFileSystem } from '../support/memoryFileSystem';
import { fixtureFiles } from '../support/runs';

/**
 * docs/rules/<code>.md is the public page of each diagnostic code (the editor links to it). Its
 * Bad and Fixed examples are checked here with the engine, so the pages cannot drift from it.
 */
const RULES_DIR = join(__dirname, '..', '..', 'docs', 'rules');

interface Example {
  text: string;
  file: string;
  /** From `kind=`; undefined lets detection run, as the CLI does without `--kind`. */
  kind?: DocumentKind;
  /**
   * From `files=a,b/c`: files created beside the example (for links and schema paths that must
   * resolve), empty except a `.json` file, which holds `{}` (valid JSON, a schema that accepts all).
   */
  neighbours: string[];
  /**
   * From `fixtures=runs/hf-output,...`: folders of test/fixtures copied beside the example at the
   * same relative path, for the drift codes, whose examples link real run folders.
   */
  fixtures: string[];
  /**
   * From `config=report-unused-disables`: the example is checked as with `cardwright check
   * --report-unused-disables` (the code that needs it, unused-disable, is off otherwise).
   */
  reportUnusedDisables: boolean;
  /** From `max-file-size=N`: the size limit the example is checked with (file-too-large). */
  maxSize?: number;
  /**
   * From `encoding=latin1`: the file on disk holds the example's text as Latin-1 bytes, and the
   * document is those bytes decoded as UTF-8, as the CLI reads them (file-not-utf8).
   */
  latin1: boolean;
}

interface RulePage {
  fileName: string;
  code: string;
  severity?: string;
  bad?: Example;
  fixed?: Example;
}

/**
 * The first fenced block (```markdown, ```yaml or ```json) after the line
 * `## <heading>`, with its `file=`, `kind=`, `files=` and `fixtures=` attributes.
 */
function exampleAfter(lines: string[], heading: string): Example | undefined {
  const start = lines.indexOf(`## ${heading}`);
  if (start < 0) return undefined;
  for (let index = start + 1; index < lines.length; index++) {
    const line = lines[index] ?? '';
    if (line.startsWith('## ')) return undefined;
    const open = /^(`{3,})(?:markdown|yaml|json)(?:\s+(.*))?$/.exec(line);
    if (!open) continue;
    const fence = open[1] ?? '```';
    const attributes = new Map(
      (open[2] ?? '')
        .split(/\s+/)
        .filter((token) => token.includes('='))
        .map((token) => [token.slice(0, token.indexOf('=')), token.slice(token.indexOf('=') + 1)] as const),
    );
    const end = lines.indexOf(fence, index + 1);
    assert.ok(end > index, `the example after "## ${heading}" is never closed`);
    const file = attributes.get('file');
    assert.ok(file, `the example after "## ${heading}" has no file= attribute`);
    const kind = attributes.get('kind');
    assert.ok(
      kind === undefined || DOCUMENT_KINDS.includes(kind as DocumentKind),
      `unknown kind=${kind} after "## ${heading}"`,
    );
    return {
      text: lines.slice(index + 1, end).join('\n') + '\n',
      file,
      kind: kind as DocumentKind | undefined,
      neighbours: (attributes.get('files') ?? '').split(',').filter(Boolean),
      fixtures: (attributes.get('fixtures') ?? '').split(',').filter(Boolean),
      reportUnusedDisables: attributes.get('config') === 'report-unused-disables',
      ...(attributes.has('max-file-size') ? { maxSize: Number(attributes.get('max-file-size')) } : {}),
      latin1: attributes.get('encoding') === 'latin1',
    };
  }
  return undefined;
}

function readPage(fileName: string): RulePage {
  const lines = readFileSync(join(RULES_DIR, fileName), 'utf8').replace(/\r\n/g, '\n').split('\n');
  const code = /^# (\S+)$/.exec(lines[0] ?? '')?.[1] ?? '';
  const severity = lines.map((line) => /^\*\*Default severity:\*\* (\w+)/.exec(line)?.[1]).find(Boolean);
  return { fileName, code, severity, bad: exampleAfter(lines, 'Bad'), fixed: exampleAfter(lines, 'Fixed') };
}

/**
 * Checks an example as the CLI checks a file (checkFile): detection from the file name, content
 * and neighbours unless `kind=` forces it, with the workspace schema loader the CLI always has.
 * test/support/check.ts always forces a kind, so it is not used here.
 */
function checkExample(example: Example): { kind: DocumentKind; diagnostics: CardDiagnostic[] } {
  const path = `/work/example/${example.file}`;
  const neighbours = Object.fromEntries(
    example.neighbours.map((name) => [`/work/example/${name}`, name.endsWith('.json') ? '{}' : '']),
  );
  const fixtures = example.fixtures.map((folder) => fixtureFiles(folder, `/work/example/${folder}`));
  const bytes = example.latin1 ? Uint8Array.from(example.text, (char) => char.charCodeAt(0)) : undefined;
  const text = bytes ? new TextDecoder().decode(bytes) : example.text;
  const fs = memoryFileSystem({ ...Object.assign({}, ...fixtures), ...neighbours, [path]: bytes ?? text });
  const doc = new ParsedDocument(
    { uri: path, fileName: basename(path), version: 0, text },
    { kind: example.kind, siblings: () => fs.readDirectory(dirname(path)), maxSize: example.maxSize },
  );
  if (doc.kind === 'other') return { kind: doc.kind, diagnostics: [] };
  return {
    kind: doc.kind,
    // With the hash function the CLI passes (run-config-changed needs it).
    diagnostics: checkDocument(doc, {
      schemas,
      fs,
      path,
      workspaceSchemas: new WorkspaceSchemaLoader(fs, schemas),
      sha256: nodeSha256,
      reportUnusedDisables: example.reportUnusedDisables,
    }),
  };
}

function describeDiagnostics(diagnostics: readonly CardDiagnostic[]): string {
  if (diagnostics.length === 0) return '(none)';
  return diagnostics
    .map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.code}: ${d.message}`)
    .join('\n');
}

const pageFiles = readdirSync(RULES_DIR)
  .filter((name) => name.endsWith('.md') && name !== 'README.md')
  .sort();
const pages = pageFiles.map(readPage);

describe('rule documentation pages', () => {
  it('has one page per code, named after it', () => {
    for (const page of pages) {
      assert.ok(page.code, `${page.fileName}: the first line must be "# <code>"`);
      assert.equal(page.fileName, `${page.code}.md`, `${page.fileName} documents "${page.code}"`);
      assert.ok(RULE_CODES.has(page.code), `${page.fileName} documents "${page.code}", which is not in RULE_CODES`);
    }
    const documented = new Set(pages.map((page) => page.code));
    const undocumented = [...RULE_CODES.keys()].filter((code) => !documented.has(code));
    assert.deepEqual(undocumented, [], 'codes without a page in docs/rules/');
  });

  it('lists every page in docs/rules/README.md with its default severity', () => {
    const readme = readFileSync(join(RULES_DIR, 'README.md'), 'utf8');
    for (const page of pages) {
      const row = readme.split('\n').find((line) => line.startsWith(`| [\`${page.code}\`](${page.fileName}) |`));
      assert.ok(row, `README.md has no table row linking ${page.fileName}`);
      const severity = row.split('|')[2]?.trim();
      assert.equal(severity, RULE_CODES.get(page.code)?.severity, `README.md: severity of ${page.code}`);
    }
  });

  for (const page of pages) {
    describe(page.fileName, () => {
      it('states the default severity of its code', () => {
        assert.equal(page.severity, RULE_CODES.get(page.code)?.severity);
      });

      it('has a Bad example that produces the code', () => {
        assert.ok(page.bad, 'no ```markdown file=... block after "## Bad"');
        const { kind, diagnostics } = checkExample(page.bad);
        assert.notEqual(kind, 'other', 'the example is not recognised as a card: add kind= or card metadata');
        assert.ok(
          diagnostics.some((d) => d.code === page.code),
          `expected ${page.code}, got:\n${describeDiagnostics(diagnostics)}`,
        );
      });

      it('has a Fixed example that does not produce the code', () => {
        assert.ok(page.fixed, 'no ```markdown file=... block after "## Fixed"');
        const { kind, diagnostics } = checkExample(page.fixed);
        assert.notEqual(kind, 'other', 'the example is not recognised as a card: add kind= or card metadata');
        assert.deepEqual(
          diagnostics.filter((d) => d.code === page.code),
          [],
          `expected no ${page.code}, got:\n${describeDiagnostics(diagnostics)}`,
        );
      });
    });
  }
});
