/**
 * The bundled schemas are compiled without ajv's meta-schema check (it was a fifth of every
 * `cardwright check` start: server/src/core/schemas/registry.ts), so the check runs here instead.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Ajv2020 from 'ajv/dist/2020';
import { BUNDLED_SCHEMAS, createBundledRegistry } from '../../server/src/core/schemas/bundled';
import { SchemaRegistry } from '../../server/src/core/schemas/registry';

describe('bundled schemas', () => {
  it('are valid JSON Schema 2020-12 documents', () => {
    const ajv = new Ajv2020({ strict: false });
    for (const schema of BUNDLED_SCHEMAS) {
      const valid = ajv.validateSchema(schema);
      assert.equal(valid, true, `${String(schema.$id)}: ${ajv.errorsText(ajv.errors)}`);
    }
    // And a broken one is caught by the same check (so the loop above can fail).
    assert.equal(ajv.validateSchema({ type: 'strin' }), false);
  });

  it('compile with and without the meta-schema check to validators that agree', () => {
    const checked = new SchemaRegistry(BUNDLED_SCHEMAS);
    const unchecked = createBundledRegistry();
    const sample = { license: 'mit', language: ['en', 'xx-not-a-code'], pipeline_tag: 42, tags: 'one' };
    for (const id of checked.ids()) {
      const a = checked.validator(id);
      const b = unchecked.validator(id);
      assert.equal(a(sample), b(sample), id);
      assert.deepEqual(a.errors ?? null, b.errors ?? null, id);
    }
  });
});
