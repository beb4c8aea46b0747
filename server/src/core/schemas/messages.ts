import type { Severity } from '../diagnostic';
import type { PathSegment } from '../document/yamlTree';
import { knownRename, renamePhrase } from '../knownRenames';
import { closestMatches, didYouMean } from '../suggest';
import type { SchemaIssue } from './validate';

export type SchemaCode = 'schema-type' | 'schema-enum' | 'schema-required' | 'schema-constraint';

export interface SchemaMessage {
  code: SchemaCode;
  message: string;
  /** Set when the finding is softer than the code's default (values the Hub accepts but does not know). */
  severity?: Severity;
  suggestions?: string[];
}

/** `model-index[0].results[0].dataset.config`: the path style of the Hub's own errors. */
export function hubPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? segment : `.${segment}`;
  }
  return out === '' ? 'metadata' : out;
}

/** Enumerations longer than this are not spelled out in messages (the license list has ~90). */
const LIST_IN_MESSAGE = 10;

const TYPE_PHRASES: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  integer: 'an integer',
  boolean: 'a boolean',
  array: 'an array',
  object: 'of type object',
  null: 'null',
};

/** Turns a schema issue into the Hub's wording (Joi style), plus our suggestion. */
export function describeIssue(issue: SchemaIssue, tool?: string): SchemaMessage {
  const where = `"${hubPath(issue.path)}"`;
  const shown = typeof issue.value === 'string' ? `"${issue.value}"` : JSON.stringify(issue.value);
  switch (issue.keyword) {
    case 'type': {
      const types = issue.acceptedTypes ?? [].concat((issue.params.type as never) ?? []);
      const message =
        types.length === 1
          ? `${where} must be ${TYPE_PHRASES[types[0] ?? ''] ?? types[0]}`
          : `${where} must be one of [${types.join(', ')}]`;
      return { code: 'schema-type', message };
    }
    case 'enum':
    case 'const': {
      const allowed = (issue.keyword === 'const' ? [issue.params.allowedValue] : (issue.params.allowedValues as unknown[])) ?? [];
      const strings = allowed.filter((value): value is string => typeof value === 'string');
      const rename = knownRename(issue.path[0], issue.value);
      if (rename && !rename.key) {
        const message = `${where} with value ${shown} is not valid.${renamePhrase(rename)}`;
        return { code: 'schema-enum', message, suggestions: [...rename.use] };
      }
      const suggestions = typeof issue.value === 'string' ? closestMatches(issue.value, strings) : [];
      const message =
        allowed.length <= LIST_IN_MESSAGE
          ? `${where} must be one of [${allowed.map(String).join(', ')}]`
          : `${where} with value ${shown} is not valid.${didYouMean(suggestions)}`;
      return { code: 'schema-enum', message, suggestions };
    }
    case 'knownValues': {
      const known = (issue.schema.knownValues as string[] | undefined) ?? [];
      const rename = knownRename(issue.path[0], issue.value);
      if (rename) {
        return {
          code: 'schema-enum',
          severity: 'warning',
          suggestions: rename.key ? [] : [...rename.use],
          message: `${where} with value ${shown} is an old task id the Hub no longer lists.${renamePhrase(rename)}`,
        };
      }
      const suggestions = typeof issue.value === 'string' ? closestMatches(issue.value, known) : [];
      return {
        code: 'schema-enum',
        severity: 'warning',
        suggestions,
        message: tool
          ? `${where} with value ${shown} is not a value ${tool} documents.${didYouMean(suggestions)}`
          : `${where} with value ${shown} is not one the Hub knows: it is accepted, but ${
              issue.path[0] === 'library_name'
                ? 'the model page will show no "Use this model" snippet'
                : 'the Hub will not recognise it'
            }.${didYouMean(suggestions)}`,
      };
    }
    case 'anyOf':
      return { code: 'schema-constraint', message: `${where} does not match any of the allowed forms` };
    case 'required':
      return { code: 'schema-required', message: `${where} is required` };
    case 'additionalProperties':
      return { code: 'schema-constraint', message: `${where} is not allowed` };
    default:
      return { code: 'schema-constraint', message: `${where} ${constraintPhrase(issue)}` };
  }
}

function constraintPhrase(issue: SchemaIssue): string {
  const limit = issue.params.limit;
  switch (issue.keyword) {
    case 'pattern':
      return `with value ${JSON.stringify(issue.value)} fails to match the required pattern: ${String(issue.params.pattern)}`;
    case 'format':
      return `must be a valid ${String(issue.params.format)}`;
    case 'minimum':
      return `must be greater than or equal to ${String(limit)}`;
    case 'exclusiveMinimum':
      return `must be greater than ${String(limit)}`;
    case 'maximum':
      return `must be less than or equal to ${String(limit)}`;
    case 'exclusiveMaximum':
      return `must be less than ${String(limit)}`;
    case 'minItems':
      return `must contain at least ${String(limit)} items`;
    case 'maxItems':
      return `must contain less than or equal to ${String(limit)} items`;
    case 'minLength':
      return `length must be at least ${String(limit)} characters long`;
    case 'maxLength':
      return `length must be less than or equal to ${String(limit)} characters long`;
    case 'uniqueItems':
      return 'contains a duplicate value';
    case 'minProperties':
      return `must have at least ${String(limit)} keys`;
    default:
      return `does not match the schema (${issue.keyword})`;
  }
}
