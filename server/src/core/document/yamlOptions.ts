import type { DocumentOptions, ParseOptions, SchemaOptions } from 'yaml';

/** How every card and config is parsed, by the `yaml` package and by the fast path alike. */
export const YAML_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  merge: true,
  // Duplicates are found by `findDuplicateKeys`, which knows the whole key's span.
  uniqueKeys: false,
  prettyErrors: false,
  // yaml reports some oddities (collection keys) with process.emitWarning: never print from the core.
  logLevel: 'error',
};
