import { parse as parseJsonc, printParseErrorCode, stripComments, type ParseError } from 'jsonc-parser';
import { isMap, isScalar } from 'yaml';
import type { Span } from '../diagnostic';
import { YamlTree, keyText } from '../document/yamlTree';
import { detectConfigFormat } from './detect';
import { CONFIG_FORMATS, formatForSchema, type ConfigFormat } from './formats';

/** Files that may be training configs: YAML, JSON (with comments) and MLflow's `MLproject`. */
export function isConfigCandidate(fileName: string): boolean {
  return /\.(ya?ml|json|jsonc)$/i.test(fileName) || fileName.toLowerCase() === 'mlproject';
}

/** Which schema a config is checked against, and who said so. */
export interface SchemaReference {
  /** A bundled schema `$id`, or a path/URL as written (workspace schema). */
  ref: string;
  origin: 'association' | 'modeline' | '$schema' | 'content';
  /** Where the reference is written (modeline, `$schema` value), for findings about it. */
  span?: Span;
  /** Set when `ref` names a bundled schema. */
  format?: ConfigFormat;
}

export interface ParsedConfig {
  /** The whole file as YAML (JSON parsed the same way after its comments are blanked out). */
  yaml?: YamlTree;
  /** JSON syntax errors (the first one only: the rest usually follow from it). */
  jsonErrors: { span: Span; message: string }[];
  schema?: SchemaReference;
  /**
   * A `*TEMPLATE*` file (`ds_config_TEMPLATE.json`): filled in by a script, so placeholders may
   * make it invalid until then. Its findings are at most warnings (configs/template.ts).
   */
  template: boolean;
}

/** `ds_config_TEMPLATE.json`, `train.template.yaml`: a file a script fills in before use. */
export function isTemplateConfig(fileName: string): boolean {
  return /template/i.test(fileName.replace(/\.[^.]*$/, ''));
}

const CONFIG_HINT =
  /"(zero_optimization|train_micro_batch_size_per_gpu|train_batch_size|per_device_train_batch_size|gradient_accumulation_steps)"\s*:/;

const MODELINE = /^#\s*yaml-language-server:\s*\$schema=(\S+)/m;

/**
 * Parses a YAML or JSON file and decides whether it is a training config: an association (from
 * `.cardwright.yaml` or the editor's settings) wins, then a `# yaml-language-server: $schema=`
 * modeline, then a `$schema` key, then recognition by name and content.
 */
export function parseConfig(
  text: string,
  fileName: string,
  association?: string,
  path?: string,
  siblings?: () => readonly string[],
): ParsedConfig {
  const template = isTemplateConfig(fileName);
  const json = /\.jsonc?$/i.test(fileName);
  const jsonErrors: ParseError[] = [];
  if (json) {
    try {
      parseJsonc(text, jsonErrors, { allowTrailingComma: true, disallowComments: false });
    } catch {
      // Nesting deep enough to overflow the parser's stack: not a config anyone trains with.
      return { jsonErrors: [], template };
    }
  }
  // A broken JSON file is only ours to report when it looks like a training config (DeepSpeed's
  // *_TEMPLATE.json files with bare placeholders): any other broken JSON is somebody else's file.
  if (jsonErrors.length > 0 && CONFIG_HINT.test(text)) {
    const [first] = jsonErrors;
    const span = { start: first!.offset, end: first!.offset + Math.max(first!.length, 1) };
    const message = describeJsonError(first!.error, text.slice(span.start, span.end), template);
    return { jsonErrors: [{ span, message }], template };
  }
  if (jsonErrors.length > 0) return { jsonErrors: [], template };
  // Comments become spaces, so offsets (and thus positions) stay those of the file.
  const yaml = new YamlTree(json ? stripComments(text, ' ') : text, 0);
  return { yaml, jsonErrors: [], schema: schemaReference(text, fileName, yaml, association, path, siblings), template };
}

function schemaReference(
  text: string,
  fileName: string,
  yaml: YamlTree,
  association?: string,
  path?: string,
  siblings?: () => readonly string[],
): SchemaReference | undefined {
  const reference = (ref: string, origin: SchemaReference['origin'], span?: Span): SchemaReference => {
    const format = formatForSchema(ref);
    return { ref: format ? CONFIG_FORMATS[format].schemaId : ref, origin, span, format };
  };
  if (association) return reference(association, 'association');
  // A URL names some other tool's schema (tsconfig, a CI workflow): such files are not ours
  // unless their content says they are training configs. A `file://` URL is a path written as a
  // URL (yaml-language-server takes both): it associates like a path, and the loader reads it
  // only inside the workspace and only when the workspace is trusted.
  const ours = (ref: string): boolean =>
    formatForSchema(ref) !== undefined || /^file:\/\//i.test(ref) || !/^[a-z][a-z0-9+.-]*:\/\//i.test(ref);
  const modeline = MODELINE.exec(text);
  if (modeline?.[1] && ours(modeline[1])) {
    const start = modeline.index + modeline[0].length - modeline[1].length;
    return reference(modeline[1], 'modeline', { start, end: start + modeline[1].length });
  }
  const root = yaml.root;
  if (isMap(root)) {
    const pair = root.items.find((item) => keyText(item) === '$schema');
    if (pair && isScalar(pair.value) && typeof pair.value.value === 'string' && ours(pair.value.value)) {
      return reference(pair.value.value, '$schema', yaml.spanOf(pair.value));
    }
  }
  if (yaml.syntaxErrors.length > 0 || yaml.valueError) return undefined;
  // A Hydra run folder's resolved config has no `defaults` left to recognise it by.
  if (path && /\/\.hydra\/config\.ya?ml$/.test(path)) return reference('hydra', 'content');
  // Hydra's own record of a run (its settings, the command-line overrides) is not a training config.
  if (path && /\/\.hydra\/(hydra|overrides)\.ya?ml$/.test(path)) return undefined;
  const format = detectConfigFormat({ fileName, data: yaml.value, text, siblings });
  return format ? { ref: CONFIG_FORMATS[format].schemaId, origin: 'content', format } : undefined;
}

function describeJsonError(code: number, near: string, template: boolean): string {
  const what = printParseErrorCode(code)
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
  const at = near.trim() ? ` at "${near.trim().slice(0, 40)}"` : '';
  return template
    ? `JSON syntax error: ${what}${at}. This is a template (TEMPLATE in its name): the script that fills it in must leave valid JSON, since tools read the result with a strict JSON parser.`
    : `JSON syntax error: ${what}${at}. Fill in or quote the value: tools read this file with a strict JSON parser.`;
}
