import configSchema from '../../../schemas/cardwright-config.schema.json';
import type { ProfileName } from './conceptProfiles';
import type { CardKind, ConceptId } from './concepts';
import type { Severity, Span } from './diagnostic';
import { PROJECT_CONFIG_NAMES } from './document/kind';
import { YamlTree, type PathSegment } from './document/yamlTree';
import { dirname, joinPath, type FileSystem } from './fileSystem';
import { spanForKey, spanForValue } from './rules/metadata';
import { describeIssue, hubPath } from './schemas/messages';
import { SchemaRegistry, type JsonSchema } from './schemas/registry';
import { validateData, type SchemaIssue } from './schemas/validate';
import { closestMatches, didYouMean } from './suggest';

export type RuleSetting = Severity | 'off';

export interface SectionSettings {
  /** Replaces the profile's list for this kind of card. */
  required?: readonly ConceptId[];
  /** Extra phrases per concept, added to the built-in synonyms. */
  synonyms?: Readonly<Partial<Record<ConceptId, readonly string[]>>>;
}

/** `schemas:` entries: a schema path or URL and the globs of the files it applies to. */
export interface SchemaAssociation {
  schema: string;
  files: readonly string[];
}

/** The settings that decide what a check reports: from `.cardwright.yaml`, then editor settings. */
export interface ProjectConfig {
  /** The file the settings came from, when there is one (relative paths in it resolve from its folder). */
  source?: string;
  /** Per-code severity, or `off`. */
  rules: Readonly<Record<string, RuleSetting>>;
  /** A named profile or a custom list of concepts; absent means `release`. */
  profile?: ProfileName | readonly ConceptId[];
  sections?: Readonly<Partial<Record<CardKind, SectionSettings>>>;
  schemas?: readonly SchemaAssociation[];
  drift?: DriftSettings;
  /** Bytes beyond which a file is not parsed (`max-file-size`; default DEFAULT_MAX_FILE_SIZE). */
  maxFileSize?: number;
  /** `ignore:` globs of files never checked, relative to the settings file's folder. */
  ignore?: readonly string[];
  /** `overrides:` per-path settings, applied in order over the top-level ones (configForFile). */
  overrides?: readonly ConfigOverride[];
  /** `report-unused-disables: true`: a disable comment that suppresses nothing is a finding. */
  reportUnusedDisables?: boolean;
  /** The kind an `overrides:` entry gives the file (set by configForFile, never at the top level). */
  kind?: OverrideKind;
}

/** The kinds an `overrides:` entry can give files whose names do not say what they are. */
export type OverrideKind = 'model-card' | 'dataset-card' | 'training-config';

/** One `overrides:` entry: for the files its globs match, a profile and severities on top. */
export interface ConfigOverride {
  /** Globs relative to the settings file's folder. */
  files: readonly string[];
  profile?: ProjectConfig['profile'];
  rules?: Readonly<Record<string, RuleSetting>>;
  /** Check the matching files as this kind, whatever their names. */
  kind?: OverrideKind;
}

/** `drift:` settings: how the card is compared with its linked training run. */
export interface DriftSettings {
  /** Relative tolerance for `run-metric-mismatch` (default DEFAULT_DRIFT_TOLERANCE). */
  tolerance?: number;
}

/** 0.5%: rounding in a card (0.931 for 0.93126) passes, a different run's value does not. */
export const DEFAULT_DRIFT_TOLERANCE = 0.005;

export const DEFAULT_CONFIG: ProjectConfig = { rules: {} };

export const CONFIG_FILE_NAMES = PROJECT_CONFIG_NAMES;

export const CONFIG_SCHEMA_ID = configSchema.$id;

/** A setting that could not be used, placed on the file (`config-invalid`). */
export interface ConfigProblem {
  span: Span;
  message: string;
  path: PathSegment[];
  suggestions?: string[];
}

export interface ConfigReading {
  config: ProjectConfig;
  problems: ConfigProblem[];
}

/**
 * Reads a parsed `.cardwright.yaml`. The file is validated against
 * schemas/cardwright-config.schema.json; each part that fails is left out, so the documents under
 * it get the defaults for exactly the broken parts and the rest still applies. YAML syntax errors
 * are not listed here (`yaml-syntax` reports them): with one, the whole file falls back.
 */
export function readProjectConfig(tree: YamlTree, schemas: SchemaRegistry, source?: string): ConfigReading {
  const from = source === undefined ? {} : { source };
  if (tree.syntaxErrors.length > 0 || tree.valueError || tree.root == null) {
    return { config: { ...from, rules: {} }, problems: [] };
  }
  const data = withOffAsString(tree.value);
  const issues = validateData(schemas, CONFIG_SCHEMA_ID, data);
  const problems = issues.map((issue) => describeConfigIssue(tree, schemas, issue));
  const usable = prune(data, issues.map(prunedPath));
  return { config: { ...from, ...(isRecord(usable) ? fromValidData(usable) : { rules: {} }) }, problems };
}

/** Reads `.cardwright.yaml` text. `problems` are one-line messages with their line numbers. */
export function parseProjectConfig(
  text: string,
  source?: string,
  schemas: SchemaRegistry = configSchemaRegistry(),
): { config: ProjectConfig; problems: string[] } {
  const tree = new YamlTree(text, 0);
  const { config, problems } = readProjectConfig(tree, schemas, source);
  const line = (offset: number): number => text.slice(0, offset).split('\n').length;
  const messages = [
    ...tree.syntaxErrors.map((error) => `line ${line(error.span.start)}: YAML syntax error: ${error.message}`),
    ...problems.map((problem) => `line ${line(problem.span.start)}: ${problem.message}`),
  ];
  return { config, problems: messages };
}

/** A registry holding only the settings schema, for hosts that have no bundled registry at hand. */
export function configSchemaRegistry(): SchemaRegistry {
  // Not the precompiled validators: they are made for the bundled registry's schema objects.
  return new SchemaRegistry([configSchema as JsonSchema]);
}

/**
 * Finds the `.cardwright.yaml` that governs a folder: the nearest one up, stopping at the
 * repository root (the folder holding `.git`). Results are cached per folder for one run.
 */
export class ProjectConfigResolver {
  private readonly byFolder = new Map<string, { config: ProjectConfig; problems: string[] }>();

  constructor(
    private readonly fs: FileSystem,
    private readonly schemas: SchemaRegistry = configSchemaRegistry(),
  ) {}

  forFolder(folder: string): { config: ProjectConfig; problems: string[] } {
    const cached = this.byFolder.get(folder);
    if (cached) return cached;
    let result: { config: ProjectConfig; problems: string[] } | undefined;
    for (const name of CONFIG_FILE_NAMES) {
      const path = joinPath(folder, name);
      const text = this.fs.readFile(path);
      if (text !== undefined) {
        result = parseProjectConfig(text, path, this.schemas);
        break;
      }
    }
    if (!result) {
      const parent = dirname(folder);
      const atRoot = parent === folder || this.fs.exists(joinPath(folder, '.git'));
      result = atRoot ? { config: DEFAULT_CONFIG, problems: [] } : this.forFolder(parent);
    }
    this.byFolder.set(folder, result);
    return result;
  }
}

/**
 * YAML 1.1 readers (and some editors) turn an unquoted `off` into false: accept both spellings,
 * at the top and in each `overrides:` entry.
 */
function withOffAsString(data: unknown): unknown {
  if (!isRecord(data)) return data;
  const rulesOff = (rules: unknown): unknown =>
    isRecord(rules)
      ? Object.fromEntries(Object.entries(rules).map(([code, value]) => [code, value === false ? 'off' : value]))
      : rules;
  const overrides = Array.isArray(data.overrides)
    ? data.overrides.map((entry: unknown) =>
        isRecord(entry) && entry.rules !== undefined ? { ...entry, rules: rulesOff(entry.rules) } : entry,
      )
    : data.overrides;
  return {
    ...data,
    ...(data.rules !== undefined ? { rules: rulesOff(data.rules) } : {}),
    ...(overrides !== undefined ? { overrides } : {}),
  };
}

/** The data to leave out for an issue: the offending value, or the entry missing a required key. */
function prunedPath(issue: SchemaIssue): PathSegment[] {
  return issue.keyword === 'required' ? issue.path.slice(0, -1) : issue.path;
}

/** A copy of `data` without the values at `paths` (an empty path drops everything). */
function prune(data: unknown, paths: readonly PathSegment[][], at: PathSegment[] = []): unknown {
  const key = JSON.stringify(at);
  if (paths.some((path) => JSON.stringify(path) === key)) return undefined;
  if (!paths.some((path) => path.length > at.length && JSON.stringify(path.slice(0, at.length)) === key)) return data;
  if (Array.isArray(data)) {
    return data.map((item, index) => prune(item, paths, [...at, index])).filter((item) => item !== undefined);
  }
  if (isRecord(data)) {
    const entries = Object.entries(data).map(([name, value]) => [name, prune(value, paths, [...at, name])] as const);
    return Object.fromEntries(entries.filter(([, value]) => value !== undefined));
  }
  return data;
}

/** The settings from data the schema accepted (so the casts below only restate the schema). */
function fromValidData(data: Record<string, unknown>): Omit<ProjectConfig, 'source'> {
  return {
    rules: (data.rules ?? {}) as Record<string, RuleSetting>,
    ...(data.profile !== undefined ? { profile: data.profile as ProjectConfig['profile'] } : {}),
    ...(data.sections !== undefined ? { sections: data.sections as ProjectConfig['sections'] } : {}),
    ...(data.schemas !== undefined ? { schemas: data.schemas as SchemaAssociation[] } : {}),
    ...(data.drift !== undefined ? { drift: data.drift as DriftSettings } : {}),
    ...(data.ignore !== undefined ? { ignore: data.ignore as string[] } : {}),
    ...(data.overrides !== undefined ? { overrides: (data.overrides as RawOverride[]).map(readOverride) } : {}),
    ...(data['report-unused-disables'] !== undefined
      ? { reportUnusedDisables: data['report-unused-disables'] as boolean }
      : {}),
    ...(data['max-file-size'] !== undefined ? { maxFileSize: data['max-file-size'] as number } : {}),
  };
}

type RawOverride = Omit<ConfigOverride, 'files'> & { files: string | string[] };

/** `files:` may be one glob or a list. */
function readOverride(entry: RawOverride): ConfigOverride {
  return { ...entry, files: typeof entry.files === 'string' ? [entry.files] : entry.files };
}

function describeConfigIssue(tree: YamlTree, schemas: SchemaRegistry, issue: SchemaIssue): ConfigProblem {
  const path = issue.path;
  if (issue.keyword === 'additionalProperties') {
    const name = String(path[path.length - 1]);
    const known = Object.keys((schemas.resolve(issue.schema)?.properties as object | undefined) ?? {});
    const suggestions = closestMatches(name, known);
    const what = path[path.length - 2] === 'rules' ? 'a Cardwright diagnostic code' : 'a Cardwright setting';
    return {
      span: spanForKey(tree, path),
      path,
      suggestions,
      message: `"${hubPath(path)}" is not ${what}, so it is ignored.${didYouMean(suggestions)}`,
    };
  }
  const described = describeIssue(issue);
  const onKey = issue.keyword === 'required';
  return {
    span: onKey ? spanForKey(tree, path) : spanForValue(tree, path),
    path,
    suggestions: described.suggestions,
    message: `${described.message}: ${path.length <= 1 ? 'the default applies' : 'this entry is ignored'} until it is fixed.`,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
