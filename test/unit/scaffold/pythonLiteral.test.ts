import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pythonLiteral } from '../../../server/src/core/scaffold/pythonLiteral';
import { hasPython, runPython } from '../../support/python';

const STRINGS = [
  '',
  'plain',
  "it's",
  'say "hi"',
  "'''",
  '"""',
  'back\\slash',
  'trailing backslash\\',
  'line\nbreak\r\ntab\t',
  '\u0000\u0007\u001b[31m\u007f',
  'é ü ß \u00a0',
  '\u2028\u2029\u202e\ufeff',
  '\u{1F600}\u{10FFFF}',
  'lone \uD800 surrogate \uDFFF',
  "__import__('os').system('x')",
  '{0} %s %(x)s ${x}',
];

describe('pythonLiteral', () => {
  it('writes strings as single-line, printable-ASCII, single-quoted literals', () => {
    for (const text of STRINGS) {
      const literal = pythonLiteral(text);
      assert.match(literal, /^'[\x20-\x7e]*'$/, JSON.stringify(text));
      // Every quote inside is escaped, so nothing but the last quote closes the literal.
      assert.doesNotMatch(literal.slice(1, -1).replace(/\\\\/g, ''), /(?<!\\)['"]/);
    }
    assert.equal(pythonLiteral("it's"), "'it\\'s'");
    assert.equal(pythonLiteral('a\nb'), "'a\\nb'");
    assert.equal(pythonLiteral('é\u{1F600}'), "'\\xe9\\U0001f600'");
  });

  it('writes numbers, booleans, null and undefined as Python values', () => {
    assert.equal(pythonLiteral(3), '3');
    assert.equal(pythonLiteral(-2.5), '-2.5');
    assert.equal(pythonLiteral(1e21), '1e+21');
    assert.equal(pythonLiteral(Number.NaN), "float('nan')");
    assert.equal(pythonLiteral(-Infinity), "-float('inf')");
    assert.equal(pythonLiteral(true), 'True');
    assert.equal(pythonLiteral(false), 'False');
    assert.equal(pythonLiteral(null), 'None');
    assert.equal(pythonLiteral(undefined), 'None');
    assert.equal(pythonLiteral(10n ** 30n), '1000000000000000000000000000000');
  });

  it('writes lists and mappings recursively, keys as strings', () => {
    assert.equal(pythonLiteral(['a', 1, [true, null]]), "['a', 1, [True, None]]");
    assert.equal(pythonLiteral({ "k'": { n: 1 } }), "{'k\\'': {'n': 1}}");
    assert.equal(pythonLiteral(new Map([[1, 'x']])), "{'1': 'x'}");
  });

  it('stops at cycles instead of looping', () => {
    const cyclic: unknown[] = ['x'];
    cyclic.push(cyclic);
    assert.equal(pythonLiteral(cyclic), "['x', None]");
  });

  it('reads back in Python as the same value', { skip: hasPython() ? false : 'no /usr/bin/python3' }, () => {
    const values: unknown[] = [...STRINGS, 0, -7, 0.1, 1e-7, 2 ** 53, true, null, ['x', { y: [1, 'z'] }]];
    const source = values.map((value) => pythonLiteral(value)).join('\n');
    const result = runPython(
      [
        '-c',
        'import ast, json, sys\nprint(json.dumps([ast.literal_eval(line) for line in sys.stdin.read().split("\\n")]))',
      ],
      { input: source },
    );
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(JSON.parse(result.stdout), values);
  });
});
