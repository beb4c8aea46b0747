import type { CardDiagnostic } from '../../server/src/core/diagnostic';
import type { DocumentKind } from '../../server/src/core/document/kind';
import { ParsedDocument } from '../../server/src/core/document/parsedDocument';
import { checkDocument } from '../../server/src/core/engine';
import { basename, dirname } from '../../server/src/core/fileSystem';
import { DEFAULT_CONFIG, type ProjectConfig } from '../../server/src/core/projectConfig';
import { createBundledRegistry } from '../../server/src/core/schemas/bundled';
import { memoryFileSystem } from './memoryFileSystem';

/** One registry for the whole test process, as the CLI and server have one each. */
export const schemas = createBundledRegistry();

export interface CheckTextOptions {
  /** Where the document lives (default `/work/model/README.md`). */
  path?: string;
  kind?: DocumentKind;
  /** Other files in the in-memory workspace, by absolute path. */
  files?: Record<string, string>;
  /** Default: METADATA_TEST_CONFIG. Pass DEFAULT_CONFIG to check as the CLI does with no settings file. */
  config?: ProjectConfig;
}

/** The codes about a card's Markdown body (issue 3), as opposed to its metadata. */
export const BODY_CODES = [
  'section-missing',
  'section-empty',
  'heading-duplicate',
  'placeholder-text',
  'speed-without-hardware',
  'link-broken',
];

/**
 * Most test cards are metadata and a title, written to exercise one metadata rule (or its fix):
 * body checks stay out of their expectations. The body tests pass DEFAULT_CONFIG (what the CLI
 * uses without a settings file) or a config of their own.
 */
export const METADATA_TEST_CONFIG: ProjectConfig = {
  ...DEFAULT_CONFIG,
  rules: Object.fromEntries(BODY_CODES.map((code) => [code, 'off'])),
};

/** Parses and checks `text` as the CLI would, over an in-memory workspace. */
export function checkText(
  text: string,
  options: CheckTextOptions = {},
): { doc: ParsedDocument; diagnostics: CardDiagnostic[] } {
  const path = options.path ?? '/work/model/README.md';
  const fs = memoryFileSystem({ ...options.files, [path]: text });
  const doc = new ParsedDocument(
    { uri: path, fileName: basename(path), version: 1, text },
    { kind: options.kind ?? 'model-card', siblings: () => fs.readDirectory(dirname(path)) },
  );
  return {
    doc,
    diagnostics: checkDocument(doc, { schemas, fs, config: options.config ?? METADATA_TEST_CONFIG, path }),
  };
}

/** The codes of the diagnostics, in order. */
export function codes(diagnostics: readonly CardDiagnostic[]): string[] {
  return diagnostics.map((d) => d.code);
}

/** The text a diagnostic's range covers. */
export function coveredText(doc: ParsedDocument, diagnostic: CardDiagnostic): string {
  const { start, end } = diagnostic.range;
  return doc.text.text.slice(doc.text.offsetAt(start), doc.text.offsetAt(end));
}
