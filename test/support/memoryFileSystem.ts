import type { FileSystem } from '../../server/src/core/fileSystem';

/** An in-memory FileSystem: `files` maps absolute paths to text; folders are implied by paths. */
export function memoryFileSystem(files: Record<string, string>): FileSystem {
  const folders = new Set<string>();
  for (const path of Object.keys(files)) {
    for (let index = path.lastIndexOf('/'); index > 0; index = path.lastIndexOf('/', index - 1)) {
      folders.add(path.slice(0, index));
    }
    folders.add('/');
  }
  return {
    readFile: (path) => files[path],
    exists: (path) => path in files || folders.has(path),
    isDirectory: (path) => folders.has(path),
    readDirectory: (path) => {
      const prefix = path === '/' ? '/' : `${path}/`;
      const names = new Set<string>();
      for (const candidate of [...Object.keys(files), ...folders]) {
        if (candidate.startsWith(prefix) && candidate !== path)
          names.add(candidate.slice(prefix.length).split('/')[0] ?? '');
      }
      names.delete('');
      return [...names];
    },
  };
}
