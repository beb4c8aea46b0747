/**
 * Command-line options, one spec per command: parsing (node's parseArgs, strict), `--help` text
 * with every option described, and usage errors worded for people (`unknown option "--fromat":
 * did you mean "--format"?`) rather than parseArgs' own messages.
 */
import { parseArgs } from 'node:util';
import { closestMatches } from '../core/suggest';

export class UsageError extends Error {}

export interface OptionSpec {
  name: string;
  type: 'string' | 'boolean';
  short?: string;
  /** The value's placeholder in the help (`FILE`, `N`). */
  value?: string;
  description: string;
}

export interface CommandSpec {
  /** The synopsis after `Usage: `. */
  usage: string;
  /** What the command does, a paragraph. */
  summary: string;
  options: readonly OptionSpec[];
  /** Extra text after the options (exit statuses). */
  footer?: string;
}

const HELP: OptionSpec = { name: 'help', type: 'boolean', short: 'h', description: 'show this help' };

/** `--help` text: the synopsis, the summary, each option with its description, the footer. */
export function helpText(spec: CommandSpec): string {
  const options = [...spec.options, HELP];
  const labels = options.map((option) => {
    const long = `--${option.name}${option.value ? ` ${option.value}` : ''}`;
    return option.short ? `-${option.short}, ${long}` : `    ${long}`;
  });
  const width = Math.max(...labels.map((label) => label.length)) + 2;
  const rows = options.map((option, index) => {
    const [first = '', ...rest] = option.description.split('\n');
    return [
      `  ${(labels[index] ?? '').padEnd(width)}${first}`,
      ...rest.map((line) => `  ${' '.repeat(width)}${line}`),
    ].join('\n');
  });
  return [
    `Usage: ${spec.usage}`,
    '',
    spec.summary,
    '',
    'Options:',
    ...rows,
    ...(spec.footer ? ['', spec.footer] : []),
  ].join('\n');
}

export interface ParsedCommand {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
  help: boolean;
}

/** Parses `argv` against the spec; unknown options and missing values are usage errors. */
export function parseCommand(spec: CommandSpec, argv: readonly string[]): ParsedCommand {
  const options = [...spec.options, HELP];
  const known = new Map<string, OptionSpec>();
  for (const option of options) {
    known.set(`--${option.name}`, option);
    if (option.short) known.set(`-${option.short}`, option);
  }
  for (const token of argv) {
    if (token === '--') break;
    if (!token.startsWith('-') || token === '-') continue;
    const name = token.startsWith('--') ? token.split('=')[0]! : token.slice(0, 2);
    if (known.has(name)) continue;
    const [suggestion] = closestMatches(
      name,
      options.map((option) => `--${option.name}`),
      1,
    );
    throw new UsageError(`unknown option "${name}"${suggestion ? `: did you mean "${suggestion}"?` : '.'}`);
  }
  const config = Object.fromEntries(
    options.map((option) => [option.name, { type: option.type, ...(option.short ? { short: option.short } : {}) }]),
  );
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: config,
    });
    return { values: values as ParsedCommand['values'], positionals, help: values.help === true };
  } catch (error) {
    throw new UsageError(humanParseError(error, options));
  }
}

/** parseArgs' messages (`Option '--out <value>' argument missing`) in the CLI's own words. */
function humanParseError(error: unknown, options: readonly OptionSpec[]): string {
  const message = error instanceof Error ? error.message : String(error);
  const option = options.find((candidate) => message.includes(`--${candidate.name}`));
  if (option && /argument missing/.test(message))
    return `option "--${option.name}" needs a value (${option.value ?? 'a value'}).`;
  if (option && /does not take an argument/.test(message)) return `option "--${option.name}" takes no value.`;
  return message;
}

/** A string option's value, when given. */
export function stringValue(values: ParsedCommand['values'], name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}
