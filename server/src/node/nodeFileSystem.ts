import * as fs from 'node:fs';
import type { FileSystem } from '../core/fileSystem';

/** The core's file-system interface over node's `fs`, for the CLI and the language server. */
export const nodeFileSystem: FileSystem = {
  readFile(path) {
    try {
      return fs.readFileSync(path, 'utf8');
    } catch {
      return undefined;
    }
  },
  exists(path) {
    return fs.existsSync(path);
  },
  isDirectory(path) {
    try {
      return fs.statSync(path).isDirectory();
    } catch {
      return false;
    }
  },
  isSymbolicLink(path) {
    try {
      return fs.lstatSync(path).isSymbolicLink();
    } catch {
      return false;
    }
  },
  readDirectory(path) {
    try {
      return fs.readdirSync(path);
    } catch {
      return [];
    }
  },
  readBinary(path) {
    try {
      return fs.readFileSync(path);
    } catch {
      return undefined;
    }
  },
};
