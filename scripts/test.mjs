// Runs the named test suites (default: unit, cli, lsp, e2e; `stress`, the slow load tests in
// test/stress/, only when named: npm run test:stress) and prints one closing total.
// - unit, cli, lsp: node:test in one runner process (Node 20's --test takes no globs, hence the
//   walk); the spec reporter prints to the terminal and a TAP copy gives the counts.
// - e2e: test/e2e/run.sh (real VS Code via code-server; installs what it needs when missing).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const requested = process.argv.slice(2);
const suites = requested.length > 0 ? requested : ['unit', 'cli', 'lsp', 'e2e'];
const nodeSuites = suites.filter((suite) => suite !== 'e2e');

function testFiles(folder) {
  return readdirSync(folder)
    .sort()
    .flatMap((name) => {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) return testFiles(path);
      return name.endsWith('.test.ts') ? [path] : [];
    });
}

let passed = 0;
let failed = 0;
let ok = true;

if (nodeSuites.length > 0) {
  const files = nodeSuites.flatMap((suite) => testFiles(join('test', suite)));
  if (files.length === 0) {
    console.error(`No test files in ${nodeSuites.map((suite) => `test/${suite}`).join(', ')}`);
    process.exit(1);
  }
  const scratch = mkdtempSync(join(tmpdir(), 'cardwright-tap-'));
  const tap = join(scratch, 'results.tap');
  const args = ['--import', 'tsx', '--test'];
  args.push(
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=tap',
    `--test-reporter-destination=${tap}`,
  );
  // Every Cardwright CLI and language server any test starts (by whatever route: npm bins, hooks,
  // Neovim) runs under the network guard; runCli and LspClient also check their own process.
  const networkLog = join(scratch, 'network.jsonl');
  const guard = `--require ${JSON.stringify(join(process.cwd(), 'test', 'support', 'networkGuard.cjs'))}`;
  const env = {
    ...process.env,
    NODE_OPTIONS: [process.env.NODE_OPTIONS, guard].filter(Boolean).join(' '),
    CARDWRIGHT_NETWORK_LOG: networkLog,
    // The built entries, and the npm bins that point at them (argv[1] is the link's path).
    CARDWRIGHT_NETWORK_GUARD_ONLY: '(^|[\\\\/])(dist[\\\\/](cli|server)\\.js|cardwright(-language-server)?)$',
  };
  const result = spawnSync(process.execPath, [...args, ...files], { stdio: 'inherit', env });
  const summary = readFileSync(tap, 'utf8');
  passed += Number(/^# pass (\d+)$/m.exec(summary)?.[1] ?? 0);
  failed += Number(/^# fail (\d+)$/m.exec(summary)?.[1] ?? 0);
  const network = existsSync(networkLog) ? readFileSync(networkLog, 'utf8').split('\n').filter(Boolean) : [];
  const attempts = network.map((line) => JSON.parse(line)).filter((entry) => entry.call);
  for (const attempt of attempts) console.error(`network: ${attempt.script} tried ${attempt.call}`);
  if (attempts.length > 0) failed += 1;
  rmSync(scratch, { recursive: true, force: true });
  ok &&= result.status === 0 && attempts.length === 0;
}

if (suites.includes('e2e')) {
  const result = spawnSync('bash', ['test/e2e/run.sh'], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  process.stdout.write(result.stdout);
  const counts = /^e2e: (\d+) passed, (\d+) failed/m.exec(result.stdout);
  passed += Number(counts?.[1] ?? 0);
  failed += Number(counts?.[2] ?? 0);
  ok &&= result.status === 0 && counts !== null;
}

console.log(`\ntests: ${passed} passed, ${failed} failed`);
process.exit(ok && failed === 0 ? 0 : 1);
