// Run discovery: one adapter per tracker, one RunRecord shape (see runRecord.ts).
export { discoverRuns, readRun, readRunSync, RUN_ADAPTERS } from './discover';
export { readMlflowDatabase } from './mlflowDb';
export { readMlflowFolderRun } from './mlflowFolder';
export { parseModelReference } from './modelReference';
export type { FolderRuns, RunAdapter } from './runAdapter';
export { configFile, readBytes, type DiscoverOptions, type RunDeps } from './runDeps';
export * from './runRecord';
export { createSqlJsReader, isSqliteFile, type SqliteQueries, type SqliteReader } from './sqlite';
export { NOT_SYNCED, readWandbRun } from './wandb';
