import { isMap, parseDocument } from 'yaml';
import type { Severity } from './diagnostic';
import { dirname, joinPath, type FileSystem } from './fileSystem';

export type RuleSetting = Severity | 'off';

/** The settings that decide what a check reports: from `.cardwright.yaml`, then editor settings. */
export interface ProjectConfig {
  /** The file the settings came from, when there is one. */
  source?: string;
  /** Per-code severity, or `off`. */
  rules: Readonly<Record<string, RuleSetting>>;
}

export const DEFAULT_CONFIG: ProjectConfig = { rules: {} };

export const CONFIG_FILE_NAMES = ['.cardwright.yaml', '.cardwright.yml'];

const SETTINGS: readonly string[] = ['error', 'warning', 'info', 'hint', 'off'];

/** Reads a `.cardwright.yaml`. Entries it cannot use are skipped and listed in `problems`. */
export function parseProjectConfig(text: string, source?: string): { config: ProjectConfig; problems: string[] } {
  const problems: string[] = [];
  const doc = parseDocument(text);
  const rules: Record<string, RuleSetting> = {};
  if (doc.errors.length > 0) {
    problems.push(`YAML syntax error: ${doc.errors[0]?.message.split('\n')[0] ?? ''}`);
  } else if (doc.contents !== null && !isMap(doc.contents)) {
    problems.push('the file must be a mapping of settings');
  } else {
    const raw = (doc.toJS({ maxAliasCount: 100 }) ?? {}) as Record<string, unknown>;
    const rawRules = raw.rules;
    if (rawRules !== undefined && (typeof rawRules !== 'object' || rawRules === null || Array.isArray(rawRules))) {
      problems.push('"rules" must be a mapping of code to severity');
    } else {
      for (const [code, value] of Object.entries((rawRules ?? {}) as Record<string, unknown>)) {
        // YAML 1.1 readers turn an unquoted `off` into false; accept both spellings.
        const setting = value === false ? 'off' : value;
        if (typeof setting === 'string' && SETTINGS.includes(setting)) rules[code] = setting as RuleSetting;
        else problems.push(`"rules.${code}" must be one of ${SETTINGS.join(', ')}`);
      }
    }
  }
  return { config: { source, rules }, problems };
}

/**
 * Finds the `.cardwright.yaml` that governs a folder: the nearest one up, stopping at the
 * repository root (the folder holding `.git`). Results are cached per folder for one run.
 */
export class ProjectConfigResolver {
  private readonly byFolder = new Map<string, { config: ProjectConfig; problems: string[] }>();

  constructor(private readonly fs: FileSystem) {}

  forFolder(folder: string): { config: ProjectConfig; problems: string[] } {
    const cached = this.byFolder.get(folder);
    if (cached) return cached;
    let result: { config: ProjectConfig; problems: string[] } | undefined;
    for (const name of CONFIG_FILE_NAMES) {
      const path = joinPath(folder, name);
      const text = this.fs.readFile(path);
      if (text !== undefined) {
        result = parseProjectConfig(text, path);
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
