import * as nodePath from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FileSystem } from '../core/fileSystem';
import { dirname } from '../core/fileSystem';
import { parseProjectConfig, ProjectConfigResolver, type ProjectConfig } from '../core/projectConfig';
import { createBundledRegistry } from '../core/schemas/bundled';
import { checkFile, type FileReport } from '../core/workspace/checkFile';
import { findCandidateFiles } from '../core/workspace/scan';
import { parseCliArgs, USAGE, UsageError, type CheckArgs } from './args';
import { formatJson } from './format/json';
import { formatSarif } from './format/sarif';
import { formatText } from './format/text';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
  fs: FileSystem;
  version: string;
}

/** Runs the command line and returns the exit code (0 clean, 1 findings, 2 usage). */
export function runCli(argv: string[], io: CliIo): number {
  try {
    const args = parseCliArgs(argv);
    if (args.command === 'help') {
      io.stdout(USAGE + '\n');
      return 0;
    }
    if (args.command === 'version') {
      io.stdout(io.version + '\n');
      return 0;
    }
    return runCheck(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`cardwright: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

function runCheck(args: CheckArgs, io: CliIo): number {
  const toAbsolute = (path: string): string => nodePath.resolve(io.cwd, path).split(nodePath.sep).join('/');
  const forced = args.config === undefined ? undefined : loadForcedConfig(toAbsolute(args.config), io);
  const resolver = new ProjectConfigResolver(io.fs);
  const warned = new Set<string>();
  const configFor = (path: string): ProjectConfig => {
    if (forced) return forced;
    const { config, problems } = resolver.forFolder(dirname(path));
    if (config.source && problems.length > 0 && !warned.has(config.source)) {
      warned.add(config.source);
      for (const problem of problems) io.stderr(`cardwright: ${display(config.source, io.cwd)}: ${problem}\n`);
    }
    return config;
  };

  const files = new Set<string>();
  for (const path of args.paths.map(toAbsolute)) {
    if (!io.fs.exists(path)) throw new UsageError(`cannot read "${display(path, io.cwd)}": no such file or folder.`);
    for (const file of findCandidateFiles(io.fs, path)) files.add(file);
  }
  const schemas = createBundledRegistry();
  const reports: FileReport[] = [];
  for (const file of files) {
    const report = checkFile(file, { fs: io.fs, schemas, config: configFor(file), kind: args.kind });
    if (report) reports.push({ ...report, path: display(report.path, io.cwd) });
  }

  if (args.format === 'json') io.stdout(formatJson(reports));
  else if (args.format === 'sarif') io.stdout(formatSarif(reports, io.version, pathToFileURL(io.cwd + '/').href));
  else io.stdout(formatText(reports));

  const all = reports.flatMap((report) => report.diagnostics);
  const errors = all.filter((d) => d.severity === 'error').length;
  const warnings = all.filter((d) => d.severity === 'warning').length;
  if (errors > 0) return 1;
  if (args.maxWarnings !== undefined && warnings > args.maxWarnings) {
    io.stderr(`cardwright: ${warnings} warnings, more than --max-warnings ${args.maxWarnings}.\n`);
    return 1;
  }
  return 0;
}

function loadForcedConfig(path: string, io: CliIo): ProjectConfig {
  const text = io.fs.readFile(path);
  if (text === undefined) throw new UsageError(`cannot read the config file "${display(path, io.cwd)}".`);
  const { config, problems } = parseProjectConfig(text, path);
  for (const problem of problems) io.stderr(`cardwright: ${display(path, io.cwd)}: ${problem}\n`);
  return config;
}

/** Paths in output: relative to the working folder when inside it, with forward slashes. */
function display(path: string, cwd: string): string {
  const relative = nodePath.relative(cwd, path).split(nodePath.sep).join('/');
  return relative === '' ? '.' : relative.startsWith('..') ? path : relative;
}
