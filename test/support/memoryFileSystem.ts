import type { FileSystem } from '../../server/src/core/fileSystem';

/**
 * An in-memory FileSystem: `files` maps absolute paths to text or bytes; folders are implied by
 * paths. Text is read back as UTF-8 bytes by `readBinary`, bytes as (lossy) text by `readFile`.
 */
export function memoryFileSystem(files: Record<string, string | Uint8Array>): FileSystem {
  const folders = new Set<string>();
  for (const path of Object.keys(files)) {
    for (let index = path.lastIndexOf('/'); index > 0; index = path.lastIndexOf('/', index - 1)) {
      folders.add(path.slice(0, index));
    }
    folders.add('/');
  }
  return {
    readFile: (path) => {
      const content = files[path];
      return typeof content === 'string' || content === undefined ? content : new TextDecoder().decode(content);
    },
    readBinary: (path) => {
      const content = files[path];
      return typeof content === 'string' ? new TextEncoder().encode(content) : content;
    },
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
