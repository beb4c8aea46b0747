import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { splitFrontMatter } from '../../server/src/core/document/frontMatter';
import { TextModel } from '../../server/src/core/document/textModel';

describe('splitFrontMatter', () => {
  it('finds the YAML between two fences (LF)', () => {
    const text = '---\nlicense: mit\n---\n# Title\n';
    const split = splitFrontMatter(text);
    assert.equal(split.state, 'closed');
    if (split.state !== 'closed') return;
    assert.equal(text.slice(split.content.start, split.content.end), 'license: mit\n');
    assert.equal(text.slice(split.body.start), '# Title\n');
  });

  it('handles CRLF and fences with trailing spaces', () => {
    const text = '---  \r\nlicense: mit\r\n--- \t\r\nbody';
    const split = splitFrontMatter(text);
    assert.equal(split.state, 'closed');
    if (split.state !== 'closed') return;
    assert.equal(text.slice(split.content.start, split.content.end), 'license: mit\r\n');
    assert.equal(text.slice(split.close.start, split.close.end), '--- \t');
    assert.equal(text.slice(split.body.start), 'body');
  });

  it('reports an unclosed block and treats the rest as body', () => {
    const split = splitFrontMatter('---\nlicense: mit\n# Title\n');
    assert.equal(split.state, 'unclosed');
  });

  it('reports a missing block when the first line is not a fence', () => {
    assert.equal(splitFrontMatter('# Title\n---\nx: 1\n---\n').state, 'missing');
    assert.equal(splitFrontMatter(' ---\nx: 1\n---\n').state, 'missing');
    assert.equal(splitFrontMatter('').state, 'missing');
  });

  it('accepts an empty block and a block closed at the end of the file', () => {
    const empty = splitFrontMatter('---\n---\n');
    assert.equal(empty.state, 'closed');
    const atEnd = splitFrontMatter('---\nx: 1\n---');
    assert.equal(atEnd.state, 'closed');
    if (atEnd.state === 'closed') assert.equal(atEnd.body.start, atEnd.body.end);
  });
});

describe('TextModel', () => {
  it('drops a BOM so columns match what VS Code shows', () => {
    const model = new TextModel('\uFEFF---\nlicense: mit\n---\n');
    assert.equal(model.hadBom, true);
    assert.equal(model.text.startsWith('---'), true);
    assert.deepEqual(model.positionAt(model.text.indexOf('mit')), { line: 1, character: 9 });
  });

  it('counts CRLF as one line break', () => {
    const model = new TextModel('a\r\nbc\r\nd');
    assert.deepEqual(model.positionAt(model.text.indexOf('d')), { line: 2, character: 0 });
    assert.deepEqual(model.lineSpan(1), { start: 3, end: 5 });
  });
});
