/* global document, getComputedStyle -- page.evaluate callbacks run in the browser */
// The HTML page of `cardwright report`, opened in the headless Chromium the e2e suite installs:
// every card of examples/ is a row, the page logs no console error, asks for nothing over the
// network (it is one self-contained file), and reads in light and dark. Screenshots go to
// test/e2e/.artifacts/ (report-light.png, report-dark.png). Needs `bash scripts/e2e-install.sh`
// and `npm run build`. Ends with `report-html: N passed, N failed`.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CHROMIUM_ARGS, e2eDir, repoRoot, runtimeDir } from './common.mjs';

const tools = JSON.parse(readFileSync(join(runtimeDir, 'env.json'), 'utf8'));
const artifacts = join(e2eDir, '.artifacts');
mkdirSync(artifacts, { recursive: true });
const scratch = mkdtempSync(join(tmpdir(), 'cardwright-report-html-'));
const cli = join(repoRoot, 'dist', 'cli.js');
const run = (...args) => {
  try {
    return execFileSync(process.execPath, [cli, ...args], { cwd: repoRoot, encoding: 'utf8' });
  } catch (error) {
    // examples/ has errors on purpose: report exits 1 and still writes the page.
    if (error.status === 1) return error.stdout;
    throw error;
  }
};

const results = [];
const check = (name, ok, detail = '') => {
  results.push(ok);
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${ok || !detail ? '' : `: ${detail}`}`);
};

const htmlPath = join(scratch, 'report.html');
run('report', 'examples', '--format', 'html', '--out', htmlPath);
const facts = JSON.parse(run('report', 'examples', '--format', 'json'));
const pageUrl = pathToFileURL(htmlPath).href;

const { chromium } = createRequire(import.meta.url)(tools.playwrightCore);
const browser = await chromium.launch({
  executablePath: tools.chromium,
  headless: true,
  env: { ...process.env, XDG_CONFIG_HOME: join(scratch, 'config'), XDG_CACHE_HOME: join(scratch, 'cache') },
  args: CHROMIUM_ARGS,
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const consoleErrors = [];
  const requests = [];
  page.on('console', (message) => message.type() === 'error' && consoleErrors.push(message.text()));
  page.on('pageerror', (error) => consoleErrors.push(String(error)));
  page.on('request', (request) => request.url() !== pageUrl && requests.push(request.url()));
  await page.goto(pageUrl, { waitUntil: 'load' });

  const rows = await page.$$eval('tr[data-card]', (nodes) => nodes.map((node) => node.getAttribute('data-card')));
  const expected = facts.cards.map((card) => card.path);
  check(
    'every card of examples/ is a row',
    JSON.stringify([...rows].sort()) === JSON.stringify([...expected].sort()),
    `${rows} vs ${expected}`,
  );
  const headline = await page.textContent('.headline');
  check('the headline is shown', headline === facts.headline, headline ?? '(none)');
  const marks = await page.$$eval('td.mark', (nodes) => nodes.length);
  check('each question of each card is marked answered or missing', marks >= expected.length * 7, String(marks));
  check('no console errors', consoleErrors.length === 0, consoleErrors.join(' | '));
  check('no network requests', requests.length === 0, requests.join(', '));

  await page.screenshot({ path: join(artifacts, 'report-light.png'), fullPage: true });
  const light = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await page.emulateMedia({ colorScheme: 'dark' });
  const dark = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await page.screenshot({ path: join(artifacts, 'report-dark.png'), fullPage: true });
  check('reads in dark mode too (its own colours)', light !== dark, `${light} / ${dark}`);
  await page.emulateMedia({ media: 'print', colorScheme: 'light' });
  const printWidth = await page.evaluate(() => getComputedStyle(document.body).maxWidth);
  check('has a print layout', printWidth === 'none', printWidth);
} finally {
  await browser.close();
  rmSync(scratch, { recursive: true, force: true });
}
const passed = results.filter(Boolean).length;
console.log(`report-html: ${passed} passed, ${results.length - passed} failed`);
process.exit(passed === results.length ? 0 : 1);
