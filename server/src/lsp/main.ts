/**
 * dist/server.js, the language server's entry (also the `cardwright-language-server` bin).
 *
 * A cold start is mostly loading code, so this bundle holds none of the protocol library or the
 * checks: over `--stdio` or `--node-ipc` it reads the first message with Node's own modules,
 * answers `initialize` (capabilities.ts depends on the client's capabilities alone), and only
 * then loads dist/server-core.js. The core hands the same message to the protocol library, whose
 * state (client capabilities, watchdog, trace) is then set up as usual; its second answer to the
 * request is dropped (serverCore.ts). Other transports (`--socket`, `--pipe`) load the core at once.
 */
import { initializeResult } from './capabilities';
import type { FirstMessage } from './serverCore';
import type * as Core from './serverCore';

interface Message {
  jsonrpc?: string;
  id?: number | string;
  method?: string;
  params?: { capabilities?: Parameters<typeof initializeResult>[0] };
}

const transport = process.argv.includes('--stdio') ? 'stdio' : process.argv.includes('--node-ipc') ? 'ipc' : undefined;

function loadCore(first?: FirstMessage): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  (require('./server-core.js') as typeof Core).start(first);
}

/** The response to `message` when it is the `initialize` request, else undefined. */
function answerTo(message: Message | undefined): { jsonrpc: '2.0'; id: number | string; result: unknown } | undefined {
  if (message?.method !== 'initialize' || message.id === undefined) return undefined;
  return { jsonrpc: '2.0', id: message.id, result: initializeResult(message.params?.capabilities ?? {}) };
}

function parse(body: string): Message | undefined {
  try {
    const value: unknown = JSON.parse(body);
    return value && typeof value === 'object' ? (value as Message) : undefined;
  } catch {
    return undefined;
  }
}

/** Over stdio: the bytes of the first message are put back on stdin for the library to read. */
function startOverStdio(): void {
  let buffered = Buffer.alloc(0);
  const onData = (chunk: Buffer): void => {
    buffered = Buffer.concat([buffered, chunk]);
    const headerEnd = buffered.indexOf('\r\n\r\n');
    if (headerEnd < 0 && buffered.length < 1024) return;
    const length = /Content-Length:\s*(\d+)/i.exec(buffered.subarray(0, Math.max(headerEnd, 0)).toString('ascii'))?.[1];
    const end = headerEnd + 4 + Number(length ?? 0);
    if (length !== undefined && buffered.length < end) return;
    process.stdin.off('data', onData);
    process.stdin.off('end', onEnd);
    process.stdin.pause();
    const answer =
      length === undefined ? undefined : answerTo(parse(buffered.subarray(headerEnd + 4, end).toString('utf8')));
    if (answer) {
      const body = Buffer.from(JSON.stringify(answer), 'utf8');
      process.stdout.write(`Content-Length: ${body.length}\r\n\r\n`);
      process.stdout.write(body);
    }
    process.stdin.unshift(buffered);
    loadCore({ transport: 'stdio', answeredId: answer?.id });
    process.stdin.resume();
  };
  // Closed before a whole first message: end as the library would without `shutdown`.
  const onEnd = (): void => process.exit(1);
  process.stdin.on('data', onData);
  process.stdin.once('end', onEnd);
}

/** Over Node IPC (VS Code's client): messages arrive parsed; the first is handed to the core. */
function startOverIpc(): void {
  process.once('message', (message: unknown) => {
    const first = message && typeof message === 'object' ? (message as Message) : undefined;
    const answer = answerTo(first);
    if (answer) process.send?.(answer);
    // Only an object is a message: anything else is left for the library to receive no more of.
    loadCore({ transport: 'ipc', message: first, answeredId: answer?.id });
  });
}

if (transport === 'stdio') startOverStdio();
else if (transport === 'ipc') startOverIpc();
else loadCore();
