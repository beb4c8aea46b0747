import { isMap, isScalar, isSeq, type Node } from 'yaml';
import type { Span } from '../diagnostic';
import type { YamlTree } from '../document/yamlTree';
import type { ParsedDocument } from '../document/parsedDocument';
import { dirname, type FileSystem } from '../fileSystem';
import type { Finding, RuleFamily } from './rule';

/**
 * Relative links, `license_link` and a dataset's `configs[].data_files` that point at files that
 * are not there; links with no destination (`[Paper]()`), and web or mail addresses written
 * without their scheme (`[site](www.example.org)`, `[contact](team@example.org)`), which the Hub
 * renders as links to files of the repository. Only the local workspace is looked at: URLs are
 * never fetched.
 */
export const linkRules: RuleFamily = {
  name: 'link-broken',
  kinds: ['model-card', 'dataset-card'],
  codes: [
    {
      code: 'link-broken',
      severity: 'warning',
      summary:
        'A relative link, `license_link` or `data_files` path to a file that does not exist; an empty link or an address without its scheme.',
    },
  ],
  check({ doc, fs, path, report }) {
    checkEmptyLinks(doc, report);
    const schemeless = new Set<number>();
    for (const link of doc.markdown.links) {
      const finding = schemelessLink(link.destination, link.target);
      if (finding && !(path && exists(fs, dirname(path), link.destination.trim()))) {
        schemeless.add(link.target.start);
        report(finding);
      }
    }
    if (!path) return; // an unsaved document has no folder to resolve against
    const folder = dirname(path);
    for (const link of doc.markdown.links) {
      if (schemeless.has(link.target.start)) continue;
      const target = localTarget(link.destination);
      if (target !== undefined && !exists(fs, folder, target)) {
        const message = `The link target "${target}" does not exist (relative to the card's folder): fix the path or add the file.`;
        report(broken(link.target, link.destination, resolve(folder, target), message));
      }
    }
    const tree = doc.yaml;
    if (!tree || tree.syntaxErrors.length > 0) return;
    for (const item of scalarsAt(tree, tree.locate(['license_link'])?.node)) {
      const target = localTarget(item.value);
      if (target !== undefined && !exists(fs, folder, target)) {
        const message = `"license_link" points to "${target}", which does not exist in the card's folder: add the license file or fix the path.`;
        report(broken(item.span, item.value, resolve(folder, target), message));
      }
    }
    if (doc.kind === 'dataset-card') checkDataFiles(tree, fs, folder, report);
  },
};

function broken(span: Span, written: string, resolved: string, message: string): Finding {
  return { code: 'link-broken', span, message, data: { target: written, resolved } };
}

/** `data_files: x`, `[x, y]`, or `[{split, path: x | [x, y]}]`, in each `configs` entry. */
function checkDataFiles(tree: YamlTree, fs: FileSystem, folder: string, report: (finding: Finding) => void): void {
  const configs = tree.locate(['configs'])?.node;
  if (!isSeq(configs)) return;
  for (const config of configs.items) {
    if (!isMap(config)) continue;
    const dataFiles = config.get('data_files', true) as Node | undefined;
    const values = isSeq(dataFiles)
      ? dataFiles.items.flatMap((item) =>
          isMap(item) ? scalarsAt(tree, item.get('path', true) as Node | undefined) : scalarsAt(tree, item as Node),
        )
      : scalarsAt(tree, dataFiles);
    for (const item of values) {
      const target = localTarget(item.value);
      if (target === undefined) continue;
      // A glob cannot be checked without listing; its literal folder part can.
      const literal = target.split('/');
      const glob = literal.findIndex((segment) => /[*?[{]/.test(segment));
      const checked = glob < 0 ? target : literal.slice(0, glob).join('/');
      if (checked === '' || exists(fs, folder, checked)) continue;
      const what = glob < 0 ? 'data file' : 'folder of the data files';
      const message = `The ${what} "${checked}" does not exist in the dataset's folder: load_dataset and the dataset viewer will fail on this config.`;
      report(broken(item.span, item.value, resolve(folder, checked), message));
    }
  }
}

/** String scalars at a node (one, or the items of a list), spans without their quotes. */
function scalarsAt(tree: YamlTree, node: Node | null | undefined): { value: string; span: Span }[] {
  const items = isSeq(node) ? node.items : [node];
  return items.flatMap((item) => {
    if (!isScalar(item) || typeof item.value !== 'string') return [];
    const span = tree.spanOf(item);
    const quoted = item.type === 'QUOTE_DOUBLE' || item.type === 'QUOTE_SINGLE';
    return [{ value: item.value, span: quoted ? { start: span.start + 1, end: span.end - 1 } : span }];
  });
}

/**
 * The local path a link names, decoded, without its `#fragment` or `?query`; undefined for what
 * is not a local file: fragments alone, URLs and other schemes (`mailto:`), site-absolute paths.
 */
export function localTarget(destination: string): string | undefined {
  const trimmed = destination.trim();
  if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith('/')) return undefined;
  if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed)) return undefined;
  const path = trimmed.replace(/[?#].*$/, '');
  if (path === '') return undefined;
  try {
    return decodeURIComponent(path);
  } catch {
    return path; // a stray `%` is a literal character in a file name
  }
}

function exists(fs: FileSystem, folder: string, target: string): boolean {
  return fs.exists(resolve(folder, target));
}

/** `folder` + a relative path, with `.` and `..` segments resolved. */
function resolve(folder: string, relative: string): string {
  const segments = folder.split('/');
  for (const segment of relative.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (segments.length > 1) segments.pop();
    } else {
      segments.push(segment);
    }
  }
  return segments.join('/') || '/';
}

/** `[Paper]()` and `![plot]()`: written as a link, leading nowhere (code blocks and inline code aside). */
function checkEmptyLinks(doc: ParsedDocument, report: (finding: Finding) => void): void {
  const text = doc.text.text;
  const { body } = doc.frontMatter;
  const code = doc.markdown.codeBlocks.map((block) => block.span);
  for (const match of text.slice(body.start, body.end).matchAll(/(!?)\[([^\]\n]*)\]\(\s*(?:<>)?\s*\)/g)) {
    const start = body.start + (match.index ?? 0);
    if (code.some((span) => span.start <= start && start < span.end)) continue;
    const line = text.slice(text.lastIndexOf('\n', start) + 1, start);
    if (((line.match(/`/g) ?? []).length & 1) === 1) continue; // inside inline code
    if (text.lastIndexOf('<!--', start) > text.lastIndexOf('-->', start)) continue; // in a comment
    const label = match[2] ?? '';
    report({
      code: 'link-broken',
      span: { start, end: start + match[0].length },
      message: `The ${match[1] ? 'image' : 'link'} "${label}" has no target: add the URL or path, or remove the link.`,
      data: { target: '', empty: true },
    });
  }
}

/**
 * A destination that is a web or mail address without its scheme: Markdown reads it as a relative
 * path (the Hub links to a file of the repository). With the scheme to add as the suggestion.
 */
export function schemelessLink(destination: string, span: Span): Finding | undefined {
  const value = destination.trim();
  let suggestion: string | undefined;
  if (/^[\w.+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}$/i.test(value)) suggestion = `mailto:${value}`;
  else if (/^www\.[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:[/?#]\S*)?$/i.test(value)) suggestion = `https://${value}`;
  else if (WEB_HOST.test(value)) suggestion = `https://${value}`;
  if (!suggestion) return undefined;
  const mail = suggestion.startsWith('mailto:');
  return {
    code: 'link-broken',
    span,
    message: `"${value}" is ${mail ? 'a mail address' : 'a web address'} without its scheme, so it links to a file "${value}" in the repository: write "${suggestion}".`,
    data: { target: value, suggestion },
  };
}

/** Hosts that are clearly web sites (a file name's extension is never one of these). */
const WEB_HOST =
  /^(?:huggingface\.co|hf\.co|github\.com|gitlab\.com|arxiv\.org|doi\.org|colab\.research\.google\.com|kaggle\.com|paperswithcode\.com|twitter\.com|x\.com|linkedin\.com|youtube\.com|openreview\.net|aclanthology\.org|zenodo\.org|wandb\.ai|pypi\.org)(?:[/?#]\S*)?$/i;
