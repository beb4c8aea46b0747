import Ajv2020, { _, type AnySchemaObject, type KeywordCxt, type Options, type ValidateFunction } from 'ajv/dist/2020';
import { RE2JS } from 're2js';
import addFormats from 'ajv-formats';
import draft07MetaSchema from 'ajv/dist/refs/json-schema-draft-07.json';

export type JsonSchema = AnySchemaObject;

/** Validators made ahead of time from some registered schemas (see precompiled.ts). */
export interface PrecompiledValidators {
  /** Whole schemas, by `$id`. */
  readonly byId: Readonly<Record<string, ValidateFunction>>;
  /** `anyOf` branches (the registry's own objects, as `resolve` gives them). */
  readonly byBranch: ReadonlyMap<object, ValidateFunction>;
}

/** Makes the validators on a registry's schema objects: `schemaAt(id, pointer)` gives them. */
export type PrecompiledLoader = (schemaAt: (id: string, pointer: string) => JsonSchema | undefined) => PrecompiledValidators;

/**
 * Annotation keywords our schemas carry for the editor (hover, completion, quick-fixes).
 * `knownValues` also validates: a value outside the list is reported as a warning, because the Hub
 * accepts it but will not recognise it (e.g. an unlisted `library_name`).
 */
const ANNOTATIONS = [
  'enumDescriptions',
  'knownValueDescriptions',
  'deprecationMessage',
  'markdownDescription',
  'defaultSnippets',
];

/** No validators made ahead of time: everything compiles with ajv. */
const NOTHING_PRECOMPILED: PrecompiledValidators = { byId: {}, byBranch: new Map() };

/**
 * ajv for our own schemas, with our keywords, holding `schemas` (their `$ref`s absolute): the
 * registry's compiler, and the build's for the precompiled validators (standalone.ts) with
 * `options` for source code. `knownValues` is written as code, not as a `validate` function, so
 * that ajv's standalone code can carry it (its errors are the same either way).
 */
export function bundledCompiler(schemas: Iterable<JsonSchema>, options: Options): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: true, verbose: true, allowUnionTypes: true, ...options });
  addFormats(ajv);
  ajv.addKeyword({ keyword: ANNOTATIONS });
  ajv.addKeyword({
    keyword: 'knownValues',
    schemaType: 'array',
    code(cxt: KeywordCxt) {
      cxt.fail(_`typeof ${cxt.data} == "string" && !${cxt.schemaValue}.includes(${cxt.data})`);
    },
  });
  for (const schema of schemas) ajv.addSchema(schema);
  return ajv;
}

/**
 * Compiles schemas once and hands out validators. One registry per process (created by the CLI or
 * the server and passed down), never module state, so tests get a fresh one for free.
 */
export class SchemaRegistry {
  private compiler?: Ajv2020;
  /** As given, by `$id`; `absolute` holds them with their `$ref`s made absolute, on first use. */
  private readonly given = new Map<string, JsonSchema>();
  private readonly absolute = new Map<string, JsonSchema>();
  private readonly subValidators = new WeakMap<object, ValidateFunction>();
  private readonly validateSchemas: boolean;
  private readonly loadPrecompiled: PrecompiledLoader;
  private loaded?: PrecompiledValidators;
  /** Schemas from the workspace: compiled apart, without strict mode (they are not ours). */
  private lax?: Ajv2020;
  private readonly workspaceIds = new Set<string>();

  /**
   * `validateSchemas: false` skips checking each schema against the JSON Schema meta-schema: the
   * bundled ones are checked by a unit test (test/unit/bundledSchemas.test.ts), and the check was
   * a fifth of every `cardwright check` process's start. `precompiled` validators (made at build
   * time from the bundled schemas, loaded on the first validation) are used instead of compiling;
   * ajv itself is set up only when something else needs compiling, as that costs a `cardwright
   * check` run some 200 ms.
   */
  constructor(
    schemas: readonly JsonSchema[],
    {
      validateSchemas = true,
      precompiled = () => NOTHING_PRECOMPILED,
    }: { validateSchemas?: boolean; precompiled?: PrecompiledLoader } = {},
  ) {
    this.validateSchemas = validateSchemas;
    this.loadPrecompiled = precompiled;
    for (const schema of schemas) {
      const id = schema.$id;
      if (typeof id !== 'string') throw new Error('A bundled schema has no $id');
      this.given.set(id, schema);
    }
  }

  private get precompiled(): PrecompiledValidators {
    if (!this.loaded) {
      try {
        this.loaded = this.loadPrecompiled((id, pointer) => this.lookup(`${id}#${pointer}`));
      } catch {
        // Made for schemas this registry lacks (some of them): ajv compiles instead.
        this.loaded = NOTHING_PRECOMPILED;
      }
    }
    return this.loaded;
  }

  private get ajv(): Ajv2020 {
    this.compiler ??= bundledCompiler(this.absoluteSchemas(), { validateSchema: this.validateSchemas });
    return this.compiler;
  }

  has(id: string): boolean {
    return this.given.has(id);
  }

  /** The schema object with `$ref`s made absolute (so any sub-schema can be compiled alone). */
  schema(id: string): JsonSchema | undefined {
    let schema = this.absolute.get(id);
    const given = this.given.get(id);
    if (!schema && given) {
      schema = absolutizeRefs(given, id) as JsonSchema;
      this.absolute.set(id, schema);
    }
    return schema;
  }

  ids(): string[] {
    return [...this.given.keys()];
  }

  /** Every registered schema with its `$ref`s made absolute. */
  absoluteSchemas(): JsonSchema[] {
    return this.ids().map((id) => this.schema(id) as JsonSchema);
  }

  /**
   * Compiles a schema read from the workspace under `id` (replacing an earlier version). Throws
   * with ajv's reason when it does not compile. Only called for trusted workspaces.
   */
  addWorkspaceSchema(id: string, schema: JsonSchema): void {
    this.lax ??= createLaxAjv();
    if (this.workspaceIds.has(id)) this.lax.removeSchema(id);
    const copy = { ...schema };
    delete copy.$id;
    this.lax.addSchema(copy, id);
    this.workspaceIds.add(id);
    try {
      this.lax.getSchema(id);
    } catch (error) {
      this.lax.removeSchema(id);
      this.workspaceIds.delete(id);
      throw error;
    }
  }

  /** The validator of a registered schema: precompiled, or compiled by ajv on first use and cached. */
  validator(id: string): ValidateFunction {
    if (this.workspaceIds.has(id) && this.lax) {
      const validate = this.lax.getSchema(id);
      if (validate) return validate;
    }
    if (!this.given.has(id)) throw new Error(`Unknown schema ${id}`);
    const validate = this.precompiled.byId[id] ?? this.ajv.getSchema(id);
    if (!validate) throw new Error(`Unknown schema ${id}`);
    return validate;
  }

  /** A validator for a sub-schema object of a registered schema (anyOf branches), cached. */
  subValidator(schema: JsonSchema): ValidateFunction {
    if (typeof schema.$id === 'string' && this.given.has(schema.$id)) return this.validator(schema.$id);
    let validate = this.subValidators.get(schema);
    if (!validate) {
      validate = this.precompiled.byBranch.get(schema) ?? this.ajv.compile(schema);
      this.subValidators.set(schema, validate);
    }
    return validate;
  }

  /** Follows `$ref` chains (absolute, as this registry stores them) to the schema object they name. */
  resolve(schema: JsonSchema | boolean | undefined): JsonSchema | undefined {
    let current = schema;
    for (let hops = 0; hops < 32; hops++) {
      if (current === undefined || typeof current === 'boolean') return undefined;
      const ref = current.$ref;
      if (typeof ref !== 'string') return current;
      current = this.lookup(ref);
    }
    return undefined;
  }

  private lookup(ref: string): JsonSchema | undefined {
    const [base = '', pointer = ''] = ref.split('#');
    let target: unknown = this.schema(base);
    for (const part of pointer.split('/').filter(Boolean)) {
      const key = decodeURIComponent(part).replace(/~1/g, '/').replace(/~0/g, '~');
      target = target && typeof target === 'object' ? (target as Record<string, unknown>)[key] : undefined;
    }
    return target && typeof target === 'object' ? (target as JsonSchema) : undefined;
  }
}

/**
 * `pattern`s of workspace schemas run on RE2 (re2js: linear time), not on the JavaScript engine: a
 * schema someone else wrote could hold `^(a+)+$`, which backtracks for minutes on one string and
 * would hang the server. Patterns RE2 cannot run (lookaround, backreferences) make the schema fail
 * to compile, which schema-unavailable reports. `u` (ajv's unicode flag) is RE2's default.
 */
const linearRegExp = Object.assign(
  (pattern: string): { test: (text: string) => boolean; toString: () => string } => {
    const compiled = RE2JS.compile(pattern);
    // ajv caches compiled patterns by their toString(): it must be the pattern's own.
    return { test: (text: string) => compiled.matcher(text).find(), toString: () => `re2:/${pattern}/` };
  },
  { code: 're2js' },
);

function createLaxAjv(): Ajv2020 {
  const ajv = new Ajv2020({
    allErrors: true,
    strict: false,
    verbose: true,
    allowUnionTypes: true,
    validateSchema: true,
    code: { regExp: linearRegExp },
  });
  addFormats(ajv);
  ajv.addMetaSchema(draft07MetaSchema);
  return ajv;
}

/** Rewrites relative `$ref`s against the schema's `$id`, returning a copy. */
function absolutizeRefs(node: unknown, baseId: string): unknown {
  if (Array.isArray(node)) return node.map((item) => absolutizeRefs(item, baseId));
  if (!node || typeof node !== 'object') return node;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    copy[key] = key === '$ref' && typeof value === 'string' ? new URL(value, baseId).href : absolutizeRefs(value, baseId);
  }
  return copy;
}
