// Git facts read from `.git` files alone: git is never run (a repository's config can make it run programs).
export { configValue, parseGitConfig, type GitConfigEntry } from './config';
export { GitReader, openGitRepository, readGitFacts, type GitFacts, type Head } from './gitReader';
export { parsePackIndex, type PackIndex } from './packIndex';
export { parsePackedRefs, type PackedRef } from './refs';
export { stripCredentials } from './remoteUrl';
export { findRepository, type GitRepository } from './repository';
