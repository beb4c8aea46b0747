import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { findPlaceholders, PLACEHOLDER_PATTERNS } from '../../server/src/core/placeholders';

describe('findPlaceholders', () => {
  it('finds what every pattern finds, its quick pre-test notwithstanding', () => {
    // Pieces of placeholders, their case and Unicode look-alikes (ſ, K, ı, İ), and ordinary text.
    const pieces = [
      '[More Information Needed]',
      '[needs more information]',
      'More information needed',
      'MORE INFORMATION NEEDED',
      'more inſormation needed',
      '{{ model_id }}',
      '{{Title: Subtitle}}',
      '{% if x %}',
      'TODO',
      'todo',
      'TBD',
      'FIXME',
      'Lorem ipsum',
      'lorem ıpsum',
      'İ',
      '\u212A',
      '[',
      '{',
      '{{',
      'model',
      ' ',
      '\n',
    ];
    let found = 0;
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 4 })), { maxLength: 8 }),
        (parts) => {
          const text = parts.join('');
          const expected = PLACEHOLDER_PATTERNS.flatMap((pattern) => [...text.matchAll(pattern)]).length;
          const actual = findPlaceholders(text);
          if (expected > 0) found++;
          // Every match is found (overlapping ones are merged, so at least one per text with any).
          assert.equal(actual.length > 0, expected > 0, JSON.stringify(text));
          assert.ok(actual.length <= expected);
        },
      ),
      { numRuns: 4000, seed: 4 },
    );
    assert.ok(found > 1000, `${found} texts held placeholders`);
  });

  it('returns them in order without overlaps', () => {
    const text = 'TODO: fill {{ name }} [More Information Needed] lorem ipsum';
    assert.deepEqual(
      findPlaceholders(text).map((match) => match.text),
      ['TODO', '{{ name }}', '[More Information Needed]', 'lorem ipsum'],
    );
    assert.deepEqual(findPlaceholders('A finished sentence about the model.'), []);
  });
});
