/**
 * Schema files from the workspace are someone else's code: a `pattern` that backtracks
 * catastrophically runs on RE2 (linear time) instead of hanging the check, a pattern RE2 cannot
 * run and a `$ref` cycle give a clear schema-unavailable, and ordinary patterns still validate.
 * The timeouts guard against a hang (without RE2 the first case takes minutes); they are not
 * speed targets.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CardDiagnostic } from '../../server/src/core/diagnostic';
import { ParsedDocument } from '../../server/src/core/document/parsedDocument';
import { checkDocument } from '../../server/src/core/engine';
import { WorkspaceSchemaLoader } from '../../server/src/core/schemas/workspaceSchemas';
import { schemas } from '../support/check';
import { memoryFileSystem } from '../support/memoryFileSystem';

function checkWithSchema(schema: unknown, yaml: string): CardDiagnostic[] {
  const text = `# yaml-language-server: $schema=./schema.json\n${yaml}`;
  const fs = memoryFileSystem({ '/w/schema.json': JSON.stringify(schema), '/w/train.yaml': text });
  const doc = new ParsedDocument(
    { uri: '/w/train.yaml', fileName: 'train.yaml', version: 1, text },
    { siblings: () => fs.readDirectory('/w') },
  );
  return checkDocument(doc, {
    schemas,
    fs,
    path: '/w/train.yaml',
    workspaceSchemas: new WorkspaceSchemaLoader(fs, schemas),
  });
}

const withPattern = (pattern: string): unknown => ({
  type: 'object',
  properties: { x: { type: 'string', pattern } },
});

describe('hostile workspace schemas', () => {
  it('a catastrophically backtracking pattern is matched in linear time', { timeout: 10_000 }, () => {
    const found = checkWithSchema(withPattern('^(a+)+$'), `x: "${'a'.repeat(40)}!"\n`);
    assert.deepEqual(
      found.map((d) => d.code),
      ['schema-constraint'],
    );
    assert.match(found[0]!.message, /fails to match the required pattern: \^\(a\+\)\+\$/);
  });

  it('ordinary patterns still validate, each with its own verdict', () => {
    const schema = {
      type: 'object',
      properties: { x: { type: 'string', pattern: '^[a-z]+$' }, y: { type: 'string', pattern: '^\\d{3}$' } },
    };
    assert.deepEqual(
      checkWithSchema(schema, 'x: "B1"\ny: "123"\n').map((d) => `${d.code} ${String(d.data.path)}`),
      ['schema-constraint x'],
    );
    assert.deepEqual(checkWithSchema(schema, 'x: "ok"\ny: "123"\n'), []);
  });

  it('a pattern RE2 cannot run, and a $ref cycle, are reported, not thrown', { timeout: 10_000 }, () => {
    const lookahead = checkWithSchema(withPattern('^(?=a)a+$'), 'x: "b"\n');
    assert.deepEqual(
      lookahead.map((d) => d.code),
      ['schema-unavailable'],
    );
    assert.match(lookahead[0]!.message, /does not compile: .*unsupported Perl syntax/);
    const cycle = checkWithSchema(
      { $ref: '#/$defs/a', $defs: { a: { $ref: '#/$defs/b' }, b: { $ref: '#/$defs/a' } } },
      'x: 1\n',
    );
    assert.deepEqual(
      cycle.map((d) => d.code),
      ['schema-unavailable'],
    );
  });
});
