import { isMap, isScalar, isSeq, type Node } from 'yaml';
import type { Span } from '../diagnostic';
import type { YamlTree } from '../document/yamlTree';
import { dirname, type FileSystem } from '../fileSystem';
import type { Finding, RuleFamily } from './rule';

/**
 * Relative links, `license_link` and a dataset's `configs[].data_files` that point at files that
 * are not there. Only the local workspace is looked at: URLs are never fetched.
 */
export const linkRules: RuleFamily = {
  name: 'link-broken',
  kinds: ['model-card', 'dataset-card'],
  codes: [
    {
      code: 'link-broken',
      severity: 'warning',
      summary: 'A relative link, `license_link` or `data_files` path to a file that does not exist.',
    },
  ],
  check({ doc, fs, path, report }) {
    if (!path) return; // an unsaved document has no folder to resolve against
    const folder = dirname(path);
    for (const link of doc.markdown.links) {
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
