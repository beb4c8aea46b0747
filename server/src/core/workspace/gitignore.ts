import ignore, { type Ignore } from 'ignore';
import { dirname, joinPath, type FileSystem } from '../fileSystem';
import { relativeInside } from '../paths';

interface IgnoreLayer {
  base: string;
  rules: Ignore;
}

/**
 * The `.gitignore` files that apply below a folder: those of the folder's ancestors up to the
 * repository root (the folder holding `.git`), then those met while walking down.
 */
export class GitIgnoreStack {
  private constructor(
    private readonly fs: FileSystem,
    private readonly layers: readonly IgnoreLayer[],
  ) {}

  /** The stack for `folder`, with the ignore files of its ancestors inside the same repository. */
  static forFolder(fs: FileSystem, folder: string): GitIgnoreStack {
    const ancestors: string[] = [];
    let current = folder;
    for (;;) {
      ancestors.unshift(current);
      if (fs.exists(joinPath(current, '.git'))) break;
      const parent = dirname(current);
      if (parent === current) {
        ancestors.splice(0, ancestors.length - 1); // not in a repository: only the folder's own file
        break;
      }
      current = parent;
    }
    let stack = new GitIgnoreStack(fs, []);
    for (const ancestor of ancestors) stack = stack.enter(ancestor);
    return stack;
  }

  /** The stack for a subfolder: this one plus the subfolder's own `.gitignore`, if any. */
  enter(folder: string): GitIgnoreStack {
    const text = this.fs.readFile(joinPath(folder, '.gitignore'));
    if (text === undefined) return this;
    return new GitIgnoreStack(this.fs, [...this.layers, { base: folder, rules: ignore().add(text) }]);
  }

  /**
   * As git decides: within one file the last matching pattern wins (a `!pattern` re-includes);
   * across files the deepest `.gitignore` with a matching pattern decides, so a `!README.md` in a
   * subfolder re-includes what a parent's `*.md` excluded. (A path inside an excluded folder is
   * never asked about: the scan does not enter excluded folders, as git does not.)
   */
  ignores(path: string, isDirectory: boolean): boolean {
    for (let index = this.layers.length - 1; index >= 0; index--) {
      const layer = this.layers[index] as IgnoreLayer;
      const relative = relativeInside(path, layer.base);
      if (relative === undefined) continue;
      const verdict = layer.rules.test(relative + (isDirectory ? '/' : ''));
      if (verdict.ignored) return true;
      if (verdict.unignored) return false;
    }
    return false;
  }
}
