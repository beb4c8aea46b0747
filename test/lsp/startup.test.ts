import assert from 'node:assert/strict';
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CodeActionKind, TextDocumentSyncKind } from 'vscode-languageserver';
import { INCREMENTAL, QUICK_FIX, REFACTOR_REWRITE } from '../../server/src/lsp/capabilities';
import { Commands } from '../../server/src/lsp/protocol';
import { LspClient, SERVER } from '../support/lspClient';
import { guardedEnv } from '../support/networkGuard';

// dist/server.js answers `initialize` from a small bundle and loads the checking code
// (dist/server-core.js) once the answer is written: a short cold start, the same behaviour.
describe('language server start-up', () => {
  let root = '';
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'cardwright-startup-'));
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('starts from a small bundle: the protocol library and the checks are in dist/server-core.js', () => {
    const entry = readFileSync(SERVER, 'utf8');
    const core = readFileSync(join(SERVER, '..', 'server-core.js'), 'utf8');
    assert.ok(entry.length < 20_000 && core.length > 100 * entry.length, `${entry.length} and ${core.length} bytes`);
    assert.ok(entry.includes('server-core.js'));
    assert.ok(!entry.includes('vscode-languageserver'), 'the entry does not bundle the protocol library');
    // The constants capabilities.ts writes out are the library's.
    assert.equal(INCREMENTAL, TextDocumentSyncKind.Incremental);
    assert.equal(QUICK_FIX, CodeActionKind.QuickFix);
    assert.equal(REFACTOR_REWRITE, CodeActionKind.RefactorRewrite);
  });

  it('exits with status 1 when stdin closes before a whole first message', async () => {
    const child = spawn(process.execPath, [SERVER, '--stdio'], {
      env: guardedEnv().env,
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    const output: Buffer[] = [];
    child.stdout?.on('data', (chunk: Buffer) => output.push(chunk));
    child.stdin?.end('Content-Length: 50\r\n\r\n{"jsonrpc"');
    const status = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    assert.equal(status, 1);
    assert.equal(Buffer.concat(output).length, 0, 'nothing answered');
  });

  // main.ts answers `initialize` itself and the library answers it again: exactly one response
  // must reach the client, and everything after it must work, over both transports.
  for (const transport of ['stdio', 'ipc'] as const) {
    it(`answers initialize once over ${transport}, then publishes diagnostics`, async () => {
      const server = rawServer(transport);
      try {
        const initialize = { jsonrpc: '2.0', id: 1, method: 'initialize', params: initializeParams(root) };
        // Over stdio the first message arrives in pieces, the header split from its body.
        await server.send(initialize, transport === 'stdio' ? 3 : 1);
        const answer = await server.next((message) => message.id === 1);
        assert.deepEqual(
          (answer.result as { capabilities: { executeCommandProvider: unknown } }).capabilities.executeCommandProvider,
          { commands: Object.values(Commands) },
        );
        await server.send({ jsonrpc: '2.0', method: 'initialized', params: {} });
        const uri = `file://${join(root, 'README.md')}`;
        await server.send({
          jsonrpc: '2.0',
          method: 'textDocument/didOpen',
          params: {
            textDocument: { uri, languageId: 'markdown', version: 1, text: '---\nlicense: apache2\n---\n# x\n' },
          },
        });
        const published = await server.next(
          (message) =>
            message.method === 'textDocument/publishDiagnostics' && (message.params as { uri: string }).uri === uri,
        );
        assert.ok((published.params as { diagnostics: unknown[] }).diagnostics.length > 0);
        // A request after initialize gets its own answer (ids are not confused with the dropped one).
        await server.send({ jsonrpc: '2.0', id: 2, method: 'shutdown' });
        await server.next((message) => message.id === 2);
        assert.equal(server.received.filter((message) => message.id === 1).length, 1, 'one answer to initialize');
      } finally {
        server.kill();
      }
    });
  }

  for (const pull of [false, true]) {
    it(`answers initialize with every capability, then checks (${pull ? 'pull' : 'push'} diagnostics)`, async () => {
      const client = await LspClient.start({ root, pull });
      try {
        const capabilities = client.initializeResult.capabilities;
        assert.equal('diagnosticProvider' in capabilities, pull);
        assert.deepEqual(capabilities.executeCommandProvider?.commands, Object.values(Commands));
        assert.ok(capabilities.codeActionProvider && capabilities.hoverProvider && capabilities.codeLensProvider);
        assert.equal(client.initializeResult.serverInfo?.name, 'cardwright');
        // Sent at once: the core has loaded before the next message is handled.
        const uri = await client.open(join(root, 'README.md'), '---\nlicense: apache2\n---\n# tiny\n');
        const codes = pull
          ? (await client.pull(uri)).map((d) => d.code)
          : (await client.waitForPublished(uri, (p) => p.diagnostics.length > 0)).diagnostics.map((d) => d.code);
        assert.ok(
          codes.includes('schema-enum') || codes.some((code) => String(code).startsWith('license')),
          `${codes}`,
        );
      } finally {
        await client.stop();
      }
    });
  }
});

interface RawMessage {
  id?: number;
  method?: string;
  result?: unknown;
  params?: unknown;
}

function initializeParams(root: string): Record<string, unknown> {
  return { processId: process.pid, rootUri: `file://${root}`, capabilities: {}, workspaceFolders: null };
}

/** dist/server.js started as an editor would, spoken to in raw JSON-RPC (no client library). */
function rawServer(transport: 'stdio' | 'ipc'): {
  send: (message: object, pieces?: number) => Promise<void>;
  next: (match: (message: RawMessage) => boolean) => Promise<RawMessage>;
  received: RawMessage[];
  kill: () => void;
} {
  const { env } = guardedEnv();
  const child: ChildProcess =
    transport === 'ipc'
      ? fork(SERVER, ['--node-ipc'], { env, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] })
      : spawn(process.execPath, [SERVER, '--stdio'], { env, stdio: ['pipe', 'pipe', 'inherit'] });
  const received: RawMessage[] = [];
  const waiting: { match: (message: RawMessage) => boolean; resolve: (message: RawMessage) => void }[] = [];
  const deliver = (message: RawMessage): void => {
    received.push(message);
    for (const waiter of [...waiting]) {
      if (waiter.match(message)) {
        waiting.splice(waiting.indexOf(waiter), 1);
        waiter.resolve(message);
      }
    }
  };
  if (transport === 'ipc') {
    child.on('message', (message) => deliver(message as RawMessage));
  } else {
    let buffered = Buffer.alloc(0);
    child.stdout?.on('data', (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      for (;;) {
        const headerEnd = buffered.indexOf('\r\n\r\n');
        const length = Number(/Content-Length: (\d+)/.exec(buffered.subarray(0, headerEnd).toString())?.[1]);
        if (headerEnd < 0 || buffered.length < headerEnd + 4 + length) return;
        deliver(JSON.parse(buffered.subarray(headerEnd + 4, headerEnd + 4 + length).toString()) as RawMessage);
        buffered = buffered.subarray(headerEnd + 4 + length);
      }
    });
  }
  return {
    received,
    async send(message, pieces = 1) {
      if (transport === 'ipc') {
        child.send(message);
        return;
      }
      const body = Buffer.from(JSON.stringify(message));
      const bytes = Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`), body]);
      const size = Math.ceil(bytes.length / pieces);
      for (let at = 0; at < bytes.length; at += size) {
        child.stdin?.write(bytes.subarray(at, at + size));
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    next(match) {
      const found = received.find(match);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no such message within 20 s')), 20_000);
        waiting.push({
          match,
          resolve: (message) => {
            clearTimeout(timer);
            resolve(message);
          },
        });
      });
    },
    kill: () => child.kill(),
  };
}
