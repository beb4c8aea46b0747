// Runs the e2e suite inside a real VS Code extension host on a machine that cannot download VS
// Code: code-server (the VS Code 1.139 server and workbench, on Node 24) plus headless Debian
// chromium driven by playwright-core. Needs `bash scripts/e2e-install.sh` first. See README.md.
//
//   node test/e2e/launch-code-server.mjs --workspace DIR --tests FILE [--copy-workspace]
//        [--untrusted] [--extension DIR] [--grep RE] [--timeout-ms N] [--verbose]
//
// Exits 0 only when the suite wrote its results file and nothing failed; the last line printed is
// "N passed, N failed[, N skipped]" whenever results came back.
import { spawn } from 'node:child_process';
import {
  cpSync,
  createWriteStream,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { format } from 'node:util';
import {
  CHROMIUM_ARGS,
  e2eDir,
  parseOptions,
  prepareRun,
  readResults,
  report,
  runtimeDir,
  usageError,
} from './common.mjs';

const startedAt = Date.now();
const opts = parseOptions('launch-code-server.mjs');
const envFile = join(runtimeDir, 'env.json');
if (!existsSync(envFile)) usageError(`${envFile} is missing: run bash scripts/e2e-install.sh first`);
const tools = JSON.parse(readFileSync(envFile, 'utf8'));
const run = prepareRun(opts);

// The workbench's own info lines, and complaints from being offline (gallery lookups, GitHub
// sign-in, requests cancelled at shutdown), arrive on the same channel as the suite's output and
// concern none of it. --verbose shows them.
const NOISE = [
  /^\[(AgentHost[^\]]*|ChatModelSelection|AccountPolicyGate|Service Worker|reconnection-grace-time)\]/,
  /^(Resolving|Resolved) connection token|^Creating a socket|^Updating additional builtin extensions cache/,
  /getaddrinfo|ENOTFOUND|EAI_AGAIN|open-vsx\.org|net::ERR_|Failed to fetch|fetch failed/,
  /^Canceled: Canceled/,
];

let server; // code-server's ChildProcess, leader of its own process group
let context; // playwright's persistent browser context
let page;
const browserLog = [];

// Interrupted (Ctrl-C, CI stopping): code-server runs in its own process group, so end it here.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    killGroup('SIGKILL');
    rmSync(run.tmp, { recursive: true, force: true });
    process.exit(130);
  });
}

const outcome = await Promise.race([session(), delay(opts.timeoutMs, { timedOut: true }, { ref: false })]).catch(
  (error) => ({ error }),
);
await saveArtifacts(outcome);
await Promise.race([context?.close().catch(() => {}), delay(10_000)]);
await stopServer();
const results = readResults(run.resultsFile);
rmSync(run.tmp, { recursive: true, force: true });
process.exit(report(opts, outcome, results, startedAt));

// Resolves to { exitCode } from the workbench, or { error } when code-server dies first.
async function session() {
  const port = await freePort();
  const origin = `127.0.0.1:${port}`;
  server = startCodeServer(origin);
  const serverExit = new Promise((resolveExit) =>
    server.once('exit', (code, signal) => resolveExit({ error: new Error(`code-server exited (${code ?? signal})`) })),
  );
  const failedEarly = await Promise.race([waitForHealth(origin), serverExit]);
  if (failedEarly) return failedEarly;

  const { chromium } = createRequire(import.meta.url)(tools.playwrightCore);
  context = await chromium.launchPersistentContext(join(run.tmp, 'browser-profile'), {
    executablePath: tools.chromium,
    headless: true,
    // Or chromium keeps crash-report folders in ~/.config/chromium.
    env: {
      ...process.env,
      XDG_CONFIG_HOME: join(run.tmp, 'browser-config'),
      XDG_CACHE_HOME: join(run.tmp, 'browser-cache'),
    },
    viewport: { width: 1280, height: 800 },
    args: CHROMIUM_ARGS,
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (message) => browserLog.push(`[${message.type()}] ${message.text()}`));
  // The workbench calls these when started with enable-smoke-test-driver: the log carries the
  // extension host's console (mocha's reporter); the exit code says whether run() resolved.
  const exited = new Promise((resolveExit) =>
    page.exposeFunction('codeAutomationExit', (code) => resolveExit({ exitCode: code })),
  );
  await page.exposeFunction('codeAutomationLog', printLog);

  // The host:port in these URIs must be the page's own, or the workbench treats them as foreign.
  const remote = (path) => `vscode-remote://${origin}${pathToFileURL(path).pathname}`;
  const payload = [
    ['extensionDevelopmentPath', remote(opts.extension)],
    ['extensionTestsPath', remote(opts.tests)],
    ['extensionEnvironment', JSON.stringify(run.suiteEnv)],
  ];
  const query = `folder=${encodeURIComponent(run.workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  await page.goto(`http://${origin}/?${query}`);
  return Promise.race([exited, serverExit]);
}

function startCodeServer(origin) {
  const dirs = ['user-data', 'extensions', 'xdg-data', 'xdg-config', 't'].map((name) => join(run.tmp, name));
  dirs.forEach((dir) => mkdirSync(dir, { recursive: true }));
  const [userData, extensions, xdgData, xdgConfig, tmpDir] = dirs;
  // Its own config file, or code-server writes ~/.config/code-server/config.yaml.
  writeFileSync(join(run.tmp, 'config.yaml'), 'auth: none\n');
  const args = [
    tools.codeServerEntry,
    ...['--bind-addr', origin, '--auth', 'none', '--config', join(run.tmp, 'config.yaml')],
    ...['--user-data-dir', userData, '--extensions-dir', extensions],
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    // Without this the workbench silently ignores the test payload and the run hangs.
    ...['--vscode-option', 'enable-smoke-test-driver'],
    ...(opts.untrusted ? [] : ['--disable-workspace-trust']),
  ];
  // Node 24 first on PATH for code-server only. Variables of a surrounding VS Code or a loader in
  // NODE_OPTIONS would leak into the extension host, so they stay out.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^(VSCODE_|ELECTRON_)|^NODE_OPTIONS$/.test(key)),
  );
  Object.assign(env, {
    PATH: `${tools.nodeHome}/bin:${process.env.PATH}`,
    XDG_DATA_HOME: xdgData,
    XDG_CONFIG_HOME: xdgConfig,
    // Its IPC sockets outlive a killed server: keep them in the folder removed at the end.
    TMPDIR: tmpDir,
  });
  const child = spawn(join(tools.nodeHome, 'bin', 'node'), args, {
    env,
    detached: true, // own process group: one kill reaches the server, extension host and its children
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = createWriteStream(join(run.tmp, 'code-server.log'));
  for (const stream of [child.stdout, child.stderr]) {
    stream.pipe(log, { end: false });
    if (opts.verbose) stream.pipe(process.stderr, { end: false });
  }
  return child;
}

async function waitForHealth(origin) {
  for (;;) {
    try {
      if ((await globalThis.fetch(`http://${origin}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await delay(200);
  }
}

function freePort() {
  return new Promise((resolvePort, reject) => {
    const probe = createServer().once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolvePort(port));
    });
  });
}

function printLog(type, args) {
  // Arguments arrive as given to console.log (mocha passes a format string and values).
  const text = format(...(Array.isArray(args) ? args : [args]));
  if (!opts.verbose && NOISE.some((pattern) => pattern.test(text))) return;
  for (const line of text.split('\n')) {
    // A test asks for a picture of the workbench: `cardwright-e2e-screenshot: NAME`.
    const shot = /^cardwright-e2e-screenshot: ([\w-]+)$/.exec(line.trim());
    if (shot) {
      const folder = join(e2eDir, '.artifacts');
      mkdirSync(folder, { recursive: true });
      void page?.screenshot({ path: join(folder, `${shot[1]}.png`), timeout: 10_000 }).catch(() => {});
      continue;
    }
    console.log(type === 'error' || type === 'warn' ? `[${type}] ${line}` : line);
  }
}

// On any outcome but success, keep what explains it: a picture of the workbench and every log.
async function saveArtifacts(result) {
  if (result.exitCode === 0) return;
  const root = join(runtimeDir, 'artifacts');
  // Keep the last ten failures only, so the folder does not grow without end.
  if (existsSync(root)) {
    const old = readdirSync(root).sort().slice(0, -9);
    old.forEach((name) => rmSync(join(root, name), { recursive: true, force: true }));
  }
  const artifacts = join(root, new Date().toISOString().replace(/[:.]/g, '-'));
  mkdirSync(artifacts, { recursive: true });
  await page?.screenshot({ path: join(artifacts, 'workbench.png'), timeout: 10_000 }).catch(() => {});
  writeFileSync(join(artifacts, 'browser-console.log'), browserLog.join('\n'));
  for (const [from, to] of [
    ['code-server.log', 'code-server.log'],
    ['user-data/logs', 'server-logs'], // includes the extension host's exthost*.log
  ]) {
    if (existsSync(join(run.tmp, from))) cpSync(join(run.tmp, from), join(artifacts, to), { recursive: true });
  }
  console.error(`e2e: screenshot and logs in ${artifacts}`);
}

async function stopServer() {
  if (server && server.exitCode === null && server.signalCode === null) {
    const gone = new Promise((resolveExit) => server.once('exit', resolveExit));
    killGroup('SIGTERM');
    await Promise.race([gone, delay(5_000)]);
  }
  // The extension host or a language server may outlive the server itself: end the whole group.
  killGroup('SIGKILL');
}

function killGroup(signal) {
  try {
    if (server?.pid) process.kill(-server.pid, signal);
  } catch {
    // the group is already gone
  }
}
