import type { CardDiagnostic } from '../../server/src/core/diagnostic';
import type { DocumentKind } from '../../server/src/core/document/kind';
import { ParsedDocument } from '../../server/src/core/document/parsedDocument';
import { checkDocument } from '../../server/src/core/engine';
import { basename, dirname } from '../../server/src/core/fileSystem';
import type { ProjectConfig } from '../../server/src/core/projectConfig';
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
  config?: ProjectConfig;
}

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
  return { doc, diagnostics: checkDocument(doc, { schemas, fs, config: options.config, path }) };
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
