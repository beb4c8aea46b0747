import type { ParsedDocument } from '../document/parsedDocument';
import { dirname, type FileSystem } from '../fileSystem';
import { readGitFacts } from '../git/gitReader';
import { readDataFile } from '../runs/fileData';
import { readBytes } from '../runs/runDeps';
import type { RunRecord } from '../runs/runRecord';
import type { LinkFacts } from './buildProvenance';
import { readCardLinks } from './cardLinks';
import { configReferences } from './configReferences';

export interface LinkFactsOptions {
  fs: FileSystem;
  sha256(bytes: Uint8Array): string;
  /** The config file to record instead of the run's (absolute), e.g. the CLI's `--config`. */
  configPath?: string;
  /** The card as it is now: an evaluation script its block already names is kept. */
  doc?: ParsedDocument;
}

/**
 * Reads what a link needs besides the run, synchronously, from files only: the card repository's
 * git facts (never by running git), the config's hash and the revisions it pins.
 */
export function readLinkFacts(cardPath: string, run: RunRecord, options: LinkFactsOptions): LinkFacts {
  const facts: LinkFacts = { cardPath };
  const git = readGitFacts(dirname(cardPath), options.fs);
  if (git) facts.git = git;
  if (options.configPath !== undefined) {
    const bytes = readBytes(options.fs, options.configPath);
    if (bytes) facts.config = { path: options.configPath, sha256: options.sha256(bytes) };
  }
  const configPath = options.configPath ?? run.config?.path;
  if (configPath !== undefined) facts.configReferences = configReferences(readDataFile(options.fs, configPath));
  const script = options.doc ? readCardLinks(options.doc)?.evaluationScript : undefined;
  if (script) facts.evaluationScript = script;
  return facts;
}
