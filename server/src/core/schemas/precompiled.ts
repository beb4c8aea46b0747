import type { JsonSchema, PrecompiledValidators } from './registry';

/**
 * The validators of the bundled schemas every card check needs, as ajv standalone code made at
 * build time: compiling the model card schema with ajv was some 200 ms of each `cardwright check`
 * process. esbuild.mjs replaces this module in the bundles with the code standalone.ts writes.
 *
 * Run from sources (the tests, under tsx), nothing is precompiled and the registry compiles with
 * ajv: the reference that test/unit/precompiledValidators.test.ts compares the generated code with.
 */
export function precompiledValidators(
  // The generated code takes the registry's schema objects from it (see standalone.ts).
  _schemaAt: (id: string, pointer: string) => JsonSchema | undefined,
): PrecompiledValidators {
  return { byId: {}, byBranch: new Map() };
}
