import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
// @ts-expect-error: a plain .mjs build script without type declarations
import { buildHubLists, FILES, loadTasks, readCommitted } from '../../../scripts/generate-hub-lists.mjs';

type Lists = Record<string, Record<string, unknown>>;

/** Dates say when a file was generated, not what it holds. */
const withoutDate = (value: unknown): unknown =>
  JSON.parse(JSON.stringify(value).replace(/ on \d{4}-\d{2}-\d{2}\./g, '.'));

describe('Hub vocabularies in schemas/data', () => {
  it('match what the installed @huggingface/tasks gives (npm run generate:hub-lists after a bump)', async () => {
    const committed = readCommitted() as Lists;
    const generated = buildHubLists(await loadTasks(), committed) as Lists;
    for (const key of Object.keys(FILES as Record<string, string>)) {
      assert.deepEqual(
        withoutDate(committed[key]),
        withoutDate(generated[key]),
        `schemas/data/${String((FILES as Record<string, string>)[key])} is stale`,
      );
    }
  });

  it('keep the ids other code relies on', () => {
    const { pipelineTags, taskIds, libraryNames } = readCommitted() as Lists;
    assert.ok((pipelineTags!.enum as string[]).includes('text-generation'));
    assert.equal((pipelineTags!.enum as string[]).length, (pipelineTags!.enumDescriptions as string[]).length);
    assert.ok(!(pipelineTags!.enum as string[]).includes('conversational'), 'deprecated ids are reported elsewhere');
    assert.ok((taskIds!.knownValues as string[]).includes('sentiment-classification'));
    assert.ok((libraryNames!.knownValues as string[]).includes('transformers'));
  });
});
