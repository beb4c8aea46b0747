// A `node --require` preload (put in NODE_OPTIONS by the test runners) that makes every way a
// node process reaches the network throw, and records each attempt: Cardwright makes no network
// request, and the tests fail when it tries (test/support/networkGuard.ts reads the record).
//
//   CARDWRIGHT_NETWORK_LOG         file that gets one JSON line per guarded process ({loaded}) and
//                                  per attempt ({call}); nothing is guarded without it
//   CARDWRIGHT_NETWORK_GUARD_ONLY  optional regular expression on the script (process.argv[1]):
//                                  guard only those, e.g. dist/(cli|server).js, so npm, git hooks
//                                  or a workbench started by the same test stay as they are
//
// Local IPC still works: a net connection to a path (a unix socket or a named pipe, as node-ipc
// and VS Code's language client use) is let through; child_process IPC uses no socket at all.
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- a --require preload is CommonJS */
const { appendFileSync } = require('node:fs');

const log = process.env.CARDWRIGHT_NETWORK_LOG;
const only = process.env.CARDWRIGHT_NETWORK_GUARD_ONLY;
if (log && (!only || new RegExp(only).test(process.argv[1] ?? ''))) install(log);

function install(logFile) {
  const write = (entry) =>
    appendFileSync(logFile, JSON.stringify({ pid: process.pid, script: process.argv[1], ...entry }) + '\n');
  const blocked = (call) => {
    write({ call });
    return new Error(`network access blocked by the test guard: ${call}`);
  };
  const replace = (target, name, describe) => {
    const original = target[name];
    if (typeof original !== 'function') return;
    target[name] = function guarded(...args) {
      const call = describe(args);
      if (call === undefined) return original.apply(this, args);
      throw blocked(call);
    };
  };
  const text = (value) => {
    if (typeof value === 'string') return value;
    if (value instanceof URL) return value.href;
    if (value && typeof value === 'object') {
      const { protocol = '', hostname, host, port, path = '' } = value;
      return `${protocol}//${hostname ?? host ?? 'localhost'}${port ? `:${port}` : ''}${path}`;
    }
    return String(value);
  };

  const net = require('node:net');
  // net.connect / createConnection pass one normalized array; socket.connect(options | path | port, ...).
  replace(net.Socket.prototype, 'connect', (args) => {
    const first = Array.isArray(args[0]) ? args[0][0] : args[0];
    if (typeof first === 'string' && !/^\d+$/.test(first)) return undefined; // a socket path: IPC
    if (first && typeof first === 'object' && typeof first.path === 'string') return undefined;
    const options = first && typeof first === 'object' ? first : { port: first, host: args[1] };
    return `net.connect ${options.host ?? 'localhost'}:${options.port}`;
  });
  const tls = require('node:tls');
  replace(tls, 'connect', (args) => `tls.connect ${text(args[0])}`);
  for (const name of ['http', 'https']) {
    const module = require(`node:${name}`);
    replace(module, 'request', (args) => `${name}.request ${text(args[0])}`);
    replace(module, 'get', (args) => `${name}.get ${text(args[0])}`);
  }
  replace(require('node:http2'), 'connect', (args) => `http2.connect ${text(args[0])}`);
  const dns = require('node:dns');
  const resolvers = ['lookup', 'lookupService', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveTxt'];
  for (const name of resolvers) {
    replace(dns, name, (args) => `dns.${name} ${text(args[0])}`);
    replace(dns.promises, name, (args) => `dns.promises.${name} ${text(args[0])}`);
  }
  replace(require('node:dgram').Socket.prototype, 'send', () => 'dgram.send');
  if (typeof globalThis.fetch === 'function') {
    globalThis.fetch = (input) => Promise.reject(blocked(`fetch ${text(input?.url ?? input)}`));
  }
  write({ loaded: true });
}
