// The editor rows of the benchmark: keystroke -> published diagnostics on generated training
// configs (both servers, the schema named by a relative modeline) and model cards (Cardwright
// only), the peak memory of each server per document, and cold start (spawn -> `initialize`).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cardText, CONFIG_SCHEMA, configText } from './generate.mjs';
import { coldStart, LspServer } from './lsp-client.mjs';

/** Cardwright's default max-file-size is 2 MB: the 5 MB config must be checked for real. */
const PROJECT_CONFIG = 'max-file-size: 16777216\n';

export const CONFIG_SIZES = [
  { id: '1kb', label: '1 KB', bytes: 1_000, edits: 21, warmup: 20 },
  { id: '100kb', label: '100 KB', bytes: 100_000, edits: 9, warmup: 10 },
  { id: '1mb', label: '1 MB', bytes: 1_000_000, edits: 5, warmup: 2 },
  { id: '5mb', label: '5 MB', bytes: 5_000_000, edits: 3, warmup: 0 },
];

export const CARD_SIZES = [
  { id: '6kb', label: '6 KB', bytes: 6_000, edits: 21, warmup: 20 },
  { id: '140kb', label: '140 KB', bytes: 140_000, edits: 11, warmup: 10 },
];

/**
 * A keystroke pair on one line: `edit(invalid)` gives the change that makes the value invalid
 * (one more diagnostic) or valid again, as the document stands at that point.
 */
function toggle(line, column, validWord, invalidWord) {
  return (invalid) => {
    const [from, to] = invalid ? [validWord, invalidWord] : [invalidWord, validWord];
    return {
      range: { start: { line, character: column }, end: { line, character: column + from.length } },
      text: to,
    };
  };
}

/** The line and column of `needle` in `text` (its first occurrence). */
function locate(text, needle) {
  const offset = text.indexOf(needle);
  if (offset < 0) throw new Error(`generated text lacks ${JSON.stringify(needle)}`);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, column: before.at(-1).length };
}

/**
 * Times `edits` keystrokes that alternate an invalid and a valid value, each until the publish
 * for its version; counts the results whose diagnostic count is not the expected one. First come
 * `warmup` untimed keystrokes (an even number: the value ends valid), as any JIT benchmark warms
 * up: the rows are an editing session's steady state, both servers alike; the cold-start row is
 * the start.
 */
async function timeEdits(client, uri, baseline, edit, edits, firstVersion, timeoutMs, restore = false, warmup = 0) {
  for (let i = 0; i < warmup; i++) {
    const change = edit(i % 2 === 0);
    await client.edit(uri, firstVersion + i, change.range, change.text, timeoutMs);
  }
  const start = firstVersion + warmup;
  const times = [];
  let wrong = 0;
  for (let i = 0; i < edits; i++) {
    const invalid = i % 2 === 0;
    const change = edit(invalid);
    const { ms, diagnostics } = await client.edit(uri, start + i, change.range, change.text, timeoutMs);
    times.push(ms);
    if (diagnostics.length !== baseline + (invalid ? 1 : 0)) wrong++;
  }
  // An odd number of edits leaves the value invalid: put it back for the next series.
  if (restore && edits % 2 === 1) {
    const change = edit(false);
    await client.edit(uri, start + edits, change.range, change.text, timeoutMs);
  }
  return { times, wrong, nextVersion: start + edits + (restore ? edits % 2 : 0) };
}

/** Config rows: every size, each server in a fresh process (so its peak memory is this size's). */
export async function benchConfigs({ servers, scratch, runs, log, report }) {
  for (const size of CONFIG_SIZES) {
    const folder = join(scratch, `config-${size.id}`);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'schema.json'), JSON.stringify(CONFIG_SCHEMA, null, 2));
    writeFileSync(join(folder, '.cardwright.yaml'), PROJECT_CONFIG);
    const text = configText(size.bytes);
    const path = join(folder, 'train.yaml');
    writeFileSync(path, text);
    // A batch size of 0 is below the schema's minimum: one finding from each server. (Not the
    // first experiment's `lr_scheduler_type`: yaml-language-server validates the value its
    // `<<: *defaults` merge brings, not the one written beside it, and would never report it.)
    // Every experiment merges `*defaults`: yaml-language-server resolves each alias by walking
    // the whole document (yaml's Alias.resolve), so its time grows with the square of the size.
    const key = 'per_device_train_batch_size: ';
    const where = locate(text, `${key}8`);
    const edit = toggle(where.line, where.column + key.length, '8', '0');
    const edits = runs ?? size.edits;
    const timeoutMs = size.bytes >= 1_000_000 ? 600_000 : 300_000;
    const latency = { id: `config-${size.id}`, label: `${size.label} config: keystroke -> diagnostics`, unit: 'ms' };
    const memory = { id: `config-${size.id}-rss`, label: `${size.label} config: peak RSS`, unit: 'MB' };
    for (const server of servers) {
      log(`${server.name}: ${size.label} config (${(text.length / 1e6).toFixed(2)} MB), ${edits} edits`);
      const client = new LspServer(server, folder);
      try {
        await client.initialize();
        const opened = await client.open(path, 'yaml', text, timeoutMs);
        const result = await timeEdits(
          client,
          opened.uri,
          opened.diagnostics.length,
          edit,
          edits,
          2,
          timeoutMs,
          false,
          size.warmup,
        );
        latency[server.role] = { samples: result.times, wrong: result.wrong, baseline: opened.diagnostics.length };
        memory[server.role] = { samples: [client.peakRssMb()] };
      } catch (error) {
        latency[server.role] = { samples: [], error: String(error.message ?? error) };
        memory[server.role] = { samples: [client.peakRssMb()].filter((mb) => mb !== undefined) };
      } finally {
        await client.close();
      }
    }
    report(latency);
    report(memory);
  }
}

/** Card rows (Cardwright only): a body edit and a front-matter edit on each size. */
export async function benchCards({ servers, scratch, runs, log, report }) {
  const server = servers.find((candidate) => candidate.role === 'cardwright');
  for (const size of CARD_SIZES) {
    const folder = join(scratch, `card-${size.id}`);
    mkdirSync(folder, { recursive: true });
    const text = cardText(size.bytes);
    const path = join(folder, 'README.md');
    writeFileSync(path, text);
    const body = locate(text, 'A baseline text classifier');
    const front = locate(text, 'license: apache-2.0');
    const kinds = [
      { id: 'body', label: 'body edit', edit: toggle(body.line, body.column + 2, 'baseline', 'TODO') },
      { id: 'front', label: 'front-matter edit', edit: toggle(front.line, front.column + 9, 'apache-2.0', 'apache2') },
    ];
    const edits = runs ?? size.edits;
    log(`${server.name}: ${size.label} card (${(text.length / 1e3).toFixed(0)} KB), ${edits} edits of each kind`);
    const client = new LspServer(server, folder);
    try {
      await client.initialize();
      const opened = await client.open(path, 'markdown', text, 120_000);
      let version = 2;
      for (const kind of kinds) {
        const row = { id: `card-${size.id}-${kind.id}`, label: `${size.label} card: ${kind.label}`, unit: 'ms' };
        try {
          const result = await timeEdits(
            client,
            opened.uri,
            opened.diagnostics.length,
            kind.edit,
            edits,
            version,
            120_000,
            true,
            size.warmup,
          );
          version = result.nextVersion;
          row.cardwright = { samples: result.times, wrong: result.wrong, baseline: opened.diagnostics.length };
        } catch (error) {
          row.cardwright = { samples: [], error: String(error.message ?? error) };
        }
        report(row);
      }
      report({
        id: `card-${size.id}-rss`,
        label: `${size.label} card: peak RSS`,
        unit: 'MB',
        cardwright: { samples: [client.peakRssMb()] },
      });
    } finally {
      await client.close();
    }
  }
}

/** Cold start: spawn -> `initialize` answered, `runs` fresh processes per server, interleaved. */
export async function benchColdStart({ servers, scratch, runs, log, report }) {
  const folder = join(scratch, 'cold');
  mkdirSync(folder, { recursive: true });
  const count = runs ?? 7;
  log(`cold start: ${count} runs per server`);
  const row = { id: 'cold-start', label: 'spawn -> `initialize` answered', unit: 'ms' };
  for (const server of servers) row[server.role] = { samples: [] };
  for (let i = 0; i < count; i++) {
    for (const server of servers) row[server.role].samples.push(await coldStart(server, folder));
  }
  report(row);
}
