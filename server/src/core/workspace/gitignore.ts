import ignore, { type Ignore } from 'ignore';
import { dirname, joinPath, type FileSystem } from '../fileSystem';

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

  ignores(path: string, isDirectory: boolean): boolean {
    for (const layer of this.layers) {
      if (!path.startsWith(layer.base + '/')) continue;
      const relative = path.slice(layer.base.length + 1) + (isDirectory ? '/' : '');
      if (layer.rules.ignores(relative)) return true;
    }
    return false;
  }
}
