/**
 * Cards for the load tests (test/stress/): many small varied ones, 1 MB ones, and the reference
 * they are compared with: the engine checking the same text fresh, in this process, exactly as
 * the server does for an open document with no settings (same path, file system and conversion).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname as nodeDirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { configForFile } from '../../server/src/core/configForFile';
import { ParsedDocument } from '../../server/src/core/document/parsedDocument';
import { checkDocument } from '../../server/src/core/engine';
import { basename, dirname } from '../../server/src/core/fileSystem';
import { ProjectConfigResolver } from '../../server/src/core/projectConfig';
import { toLspDiagnostics } from '../../server/src/lsp/convert';
import { nodeFileSystem } from '../../server/src/node/nodeFileSystem';
import { nodeSha256 } from '../../server/src/node/runDeps';
import { schemas } from './check';

const LICENSES = ['mit', 'apache-2.0', 'apache2', 'cc-by-4.0', 'other', 'gpl', 'bsd-3-clause'];
const LANGUAGES = ['en', 'en-US', 'fr', 'xx', 'de', 'zh-Hans', 'es'];
const PIPELINES = ['text-classification', 'token-classification', 'text2text', 'image-classification', 'fill-mask'];

/** The n-th of a family of small cards: model and dataset cards with different findings each. */
export function variedCard(n: number): string {
  const pick = <T>(list: readonly T[], salt: number): T => list[(n * 7 + salt) % list.length] as T;
  const dataset = n % 5 === 4;
  const lines = ['---', `license: ${pick(LICENSES, 1)}`, `language: ${pick(LANGUAGES, 2)}`];
  if (dataset) lines.push('task_categories:', `- ${pick(PIPELINES, 3)}`, 'size_categories:', '- 1K<n<10K');
  else lines.push(`pipeline_tag: ${pick(PIPELINES, 3)}`, `datasets:`, `- ${n % 3 === 0 ? './data/train.csv' : 'imdb'}`);
  if (n % 4 === 1) lines.push('lisence: mit');
  if (n % 6 === 2) lines.push('tags:');
  if (n % 7 === 3) lines.push('license: mit');
  lines.push('---', '', dataset ? `# Dataset Card for set-${n}` : `# Model Card for model-${n}`, '');
  const sections = dataset
    ? ['Dataset Summary', 'Dataset Structure', 'Data Fields', 'Considerations for Using the Data']
    : ['Model Details', 'Uses', 'Training Data', 'Evaluation', 'Limitations', 'How to Get Started'];
  for (const [index, heading] of sections.entries()) {
    if ((n + index) % 3 === 0) continue;
    lines.push(`## ${heading}`, '');
    if ((n + index) % 5 === 1) lines.push('[More Information Needed]');
    else if ((n + index) % 5 === 2) lines.push(`See [the notes](notes-${n}.md) and runs at 120 tokens/s.`);
    else lines.push(`Card ${n}, section ${index}: trained on imdb, evaluated with accuracy ${(n % 100) / 100}.`);
    lines.push('');
  }
  if (n % 8 === 5) lines.push('## Uses', '', 'TODO', '');
  return lines.join('\n');
}

/** Fills about `bytes` characters with `unit(0)`, `unit(1)`, ... */
function fill(bytes: number, unit: (index: number) => string): string {
  const parts: string[] = [];
  for (let index = 0, size = 0; size < bytes; index++) {
    const part = unit(index);
    parts.push(part);
    size += part.length;
  }
  return parts.join('');
}

/**
 * A model card of about `bytes` characters (under the 2 MB limit, so parsed and checked in full),
 * different for each n: long prose in a few sections, or many short sections with tables (the
 * slow shape: see test/stress/load.test.ts).
 */
export function largeCard(n: number, bytes = 1024 * 1024, shape: 'prose' | 'sections' = 'prose'): string {
  const head = `---\nlicense: ${n % 2 ? 'mit' : 'apache2'}\nlanguage: en\npipeline_tag: text-classification\n---\n\n# Model Card for big-${n}\n\n`;
  if (shape === 'prose') {
    const headings = ['Model Details', 'Training Data', 'Evaluation', 'Limitations'];
    return (
      head +
      fill(bytes - head.length, (index) => {
        const heading = index % 2000 === 0 ? `## ${headings[(index / 2000) % headings.length]} ${index}\n\n` : '';
        const end = index % 20 === 19 ? '\n\n' : ' ';
        return `${heading}Sentence ${index} of card ${n}: it was trained for ${index % 7} epochs on the corpus and evaluated.${end}`;
      })
    );
  }
  return (
    head +
    fill(
      bytes - head.length,
      (index) =>
        `## Section ${n}.${index}\n\nParagraph ${index} of card ${n}, trained on [data](data/${index}.csv).\n\n` +
        `| metric | value |\n| --- | --- |\n| acc | 0.${index} |\n\n`,
    )
  );
}

/** A training config of about `bytes` characters, different for each n. */
export function largeConfig(n: number, bytes = 1024 * 1024): string {
  const head = `# yaml-language-server: $schema=hf-training-args\nseed: ${n}\nlearning_rate: 0.0001\n`;
  return head + fill(bytes - head.length, (index) => `sweep_${n}_${index}: 0.00${index % 10}\n`);
}

/** Writes `text` at `path` (creating folders), so the server and the fresh check see the same disk. */
export function writeCard(path: string, text: string): void {
  mkdirSync(nodeDirname(path), { recursive: true });
  writeFileSync(path, text);
}

/**
 * What the server publishes for `text` open at `path` with no settings: a fresh ParsedDocument
 * and checkDocument over the real file system, converted as the server converts.
 */
export function freshDiagnostics(path: string, text: string): Diagnostic[] {
  const uri = pathToFileURL(path).href;
  const doc = new ParsedDocument(
    { uri, fileName: basename(path), version: 1, text },
    { siblings: () => nodeFileSystem.readDirectory(dirname(path)) },
  );
  if (doc.kind === 'other') return [];
  const config = configForFile(
    new ProjectConfigResolver(nodeFileSystem, schemas).forFolder(dirname(path)).config,
    path,
  );
  const diagnostics = checkDocument(doc, { schemas, fs: nodeFileSystem, config, path, sha256: nodeSha256 });
  return toLspDiagnostics(uri, diagnostics);
}

/** The parts of a diagnostic a user sees, in a form `assert.deepEqual` compares well. */
export function comparable(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map(
    (d) =>
      `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.severity} ${String(d.code)} ${d.message}`,
  );
}
