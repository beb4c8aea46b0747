import picomatch from 'picomatch';
import { configBase } from './configs/associations';
import type { ProjectConfig } from './projectConfig';

/**
 * The settings in force for one file: the project settings with every `overrides:` entry whose
 * `files` match it applied in order (a later entry wins), its `rules` merged over the top-level
 * ones, its `profile` replacing the top-level one and its `kind` saying what the file is. Both
 * hosts (CLI and language server) call this where they resolve the settings of a document, before the editor's own settings go on top.
 */
export function configForFile(config: ProjectConfig, path: string | undefined): ProjectConfig {
  const overrides = config.overrides;
  if (!overrides || overrides.length === 0 || path === undefined) return config;
  const relative = relativeToConfig(config, path);
  if (relative === undefined) return config;
  let result = config;
  for (const entry of overrides) {
    if (!Array.isArray(entry.files) || !matchesGlobs(entry.files, relative)) continue;
    result = {
      ...result,
      rules: { ...result.rules, ...(entry.rules ?? {}) },
      ...(entry.profile !== undefined ? { profile: entry.profile } : {}),
      ...(entry.kind !== undefined ? { kind: entry.kind } : {}),
    };
  }
  return result;
}

/** True when the settings' `ignore:` globs match the file: it is never checked. */
export function isIgnored(config: ProjectConfig, path: string | undefined): boolean {
  const ignore = config.ignore;
  if (!ignore || ignore.length === 0 || path === undefined) return false;
  const relative = relativeToConfig(config, path);
  return relative !== undefined && matchesGlobs(ignore, relative);
}

/** The path relative to the settings file's folder, or undefined when it is not below it. */
function relativeToConfig(config: ProjectConfig, path: string): string | undefined {
  const base = configBase(config.source);
  if (base === undefined) return undefined;
  const prefix = base.endsWith('/') ? base : `${base}/`;
  return path.startsWith(prefix) ? path.slice(prefix.length) : undefined;
}

/**
 * Whether the globs match the relative path or one of its folders, so `vendor`, `vendor/` and
 * `vendor/**` all cover `vendor/x/README.md`. Dot files match like any other (`.github/**`).
 */
function matchesGlobs(globs: readonly string[], relative: string): boolean {
  const patterns = globs
    .filter((glob): glob is string => typeof glob === 'string' && glob !== '')
    .map((glob) => glob.replace(/^\.\//, '').replace(/\/+$/, ''));
  if (patterns.length === 0) return false;
  const matches = picomatch(patterns, { dot: true });
  const parts = relative.split('/');
  for (let length = parts.length; length >= 1; length--) {
    if (matches(parts.slice(0, length).join('/'))) return true;
  }
  return false;
}
