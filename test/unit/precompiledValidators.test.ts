/**
 * The bundles validate cards with ajv standalone code made at build time
 * (server/src/core/schemas/standalone.ts replaces precompiled.ts): it must report exactly what the
 * registry's own ajv compiles from the same schemas, and leave nothing to compile at run time.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { YamlTree } from '../../server/src/core/document/yamlTree';
import { BUNDLED_SCHEMAS, createBundledRegistry } from '../../server/src/core/schemas/bundled';
import {
  SchemaRegistry,
  type PrecompiledLoader,
  type PrecompiledValidators,
} from '../../server/src/core/schemas/registry';
import {
  PRECOMPILED_ROOT_IDS,
  precompiledTargets,
  precompiledValidatorsSource,
} from '../../server/src/core/schemas/standalone';
import { validateData } from '../../server/src/core/schemas/validate';

const CORPUS = resolve(__dirname, '..', '..', '..', 'shared', 'corpus');
const [MODEL_CARD, DATASET_CARD, SETTINGS] = PRECOMPILED_ROOT_IDS as [string, string, string];

/** The generated module, run as the bundle runs it (its `require`s are ajv's runtime helpers). */
function loadGenerated(): PrecompiledLoader {
  const source = precompiledValidatorsSource().replace(
    'export function precompiledValidators',
    'function precompiledValidators',
  );
  const run = new Function('require', `${source}\nreturn precompiledValidators;`) as (
    req: NodeJS.Require,
  ) => PrecompiledLoader;
  return run(require);
}

/**
 * A registry on the generated validators that fails the test if it has to compile anything;
 * `made` is what the generated code gave it (after its first validation).
 */
function precompiledOnly(loader: PrecompiledLoader): { registry: SchemaRegistry; made: () => PrecompiledValidators } {
  let made: PrecompiledValidators | undefined;
  const registry = new SchemaRegistry(BUNDLED_SCHEMAS, {
    validateSchemas: false,
    precompiled: (schemaAt) => (made = loader(schemaAt)),
  });
  Object.defineProperty(registry, 'ajv', {
    get() {
      throw new Error('compiled at run time: a schema or anyOf branch is missing from the precompiled ones');
    },
  });
  return {
    registry,
    made: () => {
      registry.validator(SETTINGS);
      if (!made) throw new Error('the registry did not load the precompiled validators');
      return made;
    },
  };
}

/** Values of every JSON type, and ones that fail the usual keywords (enum, pattern, nesting). */
const ODD_VALUES: unknown[] = [
  42,
  1.5,
  true,
  null,
  'not-a-known-value',
  '',
  ['en', 3, null, { x: 1 }],
  [],
  { en: 'x', fr: ['y', 2], de: { z: 1 } },
  { name: 3, type: ['x'], value: { a: 1 }, args: 7, results: 'x', path: 5, split: [] },
  [{ name: 3, results: [{ task: 'x', metrics: [{ type: 1, value: {} }] }] }],
  [{ config_name: 5, data_files: [{ split: 1, path: [2] }, 7] }],
];

/** Documents of each root schema with each property given each odd value. */
function mutations(id: string, registry: SchemaRegistry): unknown[] {
  const properties = Object.keys((registry.schema(id)?.properties as object | undefined) ?? {});
  const base = id === SETTINGS ? { rules: {} } : { license: 'mit', language: ['en'], tags: ['a'] };
  return properties.flatMap((property) => ODD_VALUES.map((value) => ({ ...base, [property]: value })));
}

function corpusFrontMatters(): { id: string; data: unknown }[] {
  if (!existsSync(CORPUS)) return [];
  const out: { id: string; data: unknown }[] = [];
  for (const [folder, id] of [
    ['model-cards', MODEL_CARD],
    ['dataset-cards', DATASET_CARD],
  ] as const) {
    for (const name of readdirSync(join(CORPUS, folder))) {
      const text = readFileSync(join(CORPUS, folder, name), 'utf8');
      const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
      if (match?.[1] !== undefined) out.push({ id, data: new YamlTree(match[1], 0).value });
    }
  }
  return out;
}

describe('precompiled validators', () => {
  const reference = createBundledRegistry();
  const { registry: precompiled, made } = precompiledOnly(loadGenerated());
  const generated = made();

  it('cover the card and settings schemas, the schemas their anyOfs name whole, and every other anyOf branch', () => {
    const { ids, branches } = precompiledTargets(reference);
    for (const id of [...PRECOMPILED_ROOT_IDS, 'https://cardwright.dev/schemas/data/licenses.schema.json']) {
      assert.ok(ids.includes(id), id);
      assert.equal(typeof generated.byId[id], 'function', id);
    }
    assert.ok(branches.length > 20, `${branches.length} branches`);
    assert.ok(generated.byBranch.size >= branches.length, `${generated.byBranch.size} branch objects`);
    // Training-config schemas are left to compile on first use.
    assert.equal(generated.byId['https://cardwright.dev/schemas/configs/deepspeed.schema.json'], undefined);
  });

  it('report what ajv compiled at run time reports, on odd values of every property and on real cards', () => {
    const documents = [
      ...PRECOMPILED_ROOT_IDS.flatMap((id) => mutations(id, reference).map((data) => ({ id, data }))),
      ...corpusFrontMatters(),
    ];
    let withIssues = 0;
    for (const { id, data } of documents) {
      const expected = validateData(reference, id, data);
      const actual = validateData(precompiled, id, data);
      assert.deepEqual(actual, expected, `${id}: ${String(JSON.stringify(data)).slice(0, 200)}`);
      if (expected.length > 0) withIssues++;
    }
    // The comparison is not vacuous: most documents fail, many through anyOf explanations.
    assert.ok(withIssues > documents.length / 2, `${withIssues} of ${documents.length} documents had issues`);
  });

  it('are what the bundles use', () => {
    assert.throws(
      () => precompiled.validator('https://cardwright.dev/schemas/configs/deepspeed.schema.json'),
      /compiled at run time/,
    );
    assert.equal(precompiled.validator(MODEL_CARD), generated.byId[MODEL_CARD]);
  });

  it('leave a registry without the schemas they refer to compiling with ajv, as before', () => {
    const settingsOnly = new SchemaRegistry(
      BUNDLED_SCHEMAS.filter((schema) => schema.$id === SETTINGS),
      { precompiled: loadGenerated() },
    );
    const data = { rules: { 'no-such-rule': 'loud' }, profile: 7 };
    assert.deepEqual(validateData(settingsOnly, SETTINGS, data), validateData(reference, SETTINGS, data));
    assert.ok(validateData(settingsOnly, SETTINGS, data).length > 0);
  });

  it('carry no copies of the schemas: errors show the registry’s own schema objects', () => {
    const source = precompiledValidatorsSource();
    assert.doesNotMatch(source, /const schema\d+ = \{/);
    const validate = precompiled.validator(MODEL_CARD);
    assert.equal(validate({ license: 42 }), false);
    const error = validate.errors?.find((found) => found.instancePath === '/license' && found.keyword === 'anyOf');
    assert.ok(error);
    assert.equal(error.parentSchema, precompiled.schema(MODEL_CARD)?.properties?.license);
  });
});
