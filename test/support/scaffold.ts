/** Generating example scripts in tests: node:crypto's SHA-256 and a default card. */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import {
  generateExampleScript,
  type ExampleScript,
  type ExampleScriptInput,
} from '../../server/src/core/scaffold/exampleScript';

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export const GENERATED_AT = '2024-05-01T12:00:00.000Z';

/** A script for a card at `models/demo/README.md` with `overrides` applied. */
export function generate(overrides: Partial<ExampleScriptInput> = {}): ExampleScript {
  return generateExampleScript({
    metadata: {},
    cardPath: 'models/demo/README.md',
    folderName: 'demo',
    modelFiles: [],
    generatedAt: GENERATED_AT,
    hasLocalModel: false,
    sha256,
    ...overrides,
  });
}

/** A fresh temporary folder. */
export function scratchFolder(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `cardwright-${prefix}-`));
}

/** Writes `script` at its workspace-relative path below `root`; returns the file's path. */
export function writeScript(root: string, script: ExampleScript): string {
  const file = join(root, script.path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, script.text);
  return file;
}
