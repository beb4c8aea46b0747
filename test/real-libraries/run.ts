/**
 * The generated example scripts against the real ML libraries, wherever they are installed:
 * build_models.py makes tiny random models with the libraries themselves (no download), a card is
 * written beside each, its script generated and run on the CPU, and on CUDA when there is a GPU;
 * every JSON report is checked (latencies, device, GPU name). Missing libraries skip their models.
 *
 *   npm run test:real-libraries            # python3 on PATH
 *   CARDWRIGHT_PYTHON=/opt/venv/bin/python npm run test:real-libraries
 *
 * Not part of `npm test` (CI has no transformers, timm or onnxruntime): the stand-in suite in
 * test/unit/scaffold/stubRuns.test.ts is the gate there. Ends with `N passed, N failed, N skipped`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isModelFile } from '../../server/src/core/scaffold/flavour';
import { generate, writeScript } from '../support/scaffold';
import { checkReport, type Report } from './report';

const PYTHON = process.env.CARDWRIGHT_PYTHON ?? 'python3';
const keep = process.argv.includes('--keep');

interface Built {
  name: string;
  folder?: string;
  metadata?: Record<string, unknown>;
  skipped?: string;
}

interface Manifest {
  models: Built[];
  cuda: { torch?: string; onnxruntime?: boolean };
}

interface Row {
  model: string;
  flavour: string;
  requested: string;
  device: string;
  p50: string;
  gpu: string;
  result: string;
}

function python(args: string[], cwd?: string): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(PYTHON, args, { encoding: 'utf8', cwd, timeout: 600_000, maxBuffer: 64 << 20 });
  if (result.error) throw new Error(`${PYTHON}: ${result.error.message}`);
  return result;
}

function table(rows: Row[]): string {
  const columns: (keyof Row)[] = ['model', 'flavour', 'requested', 'device', 'p50', 'gpu', 'result'];
  const lines = [columns, columns.map(() => '---'), ...rows.map((row) => columns.map((column) => row[column]))];
  return lines.map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

function main(): number {
  const root = mkdtempSync(join(tmpdir(), 'cardwright-real-libraries-'));
  const versions = python(['-c', 'import platform; print(platform.python_version())']);
  console.log(`python: ${PYTHON} ${versions.stdout.trim()}; models in ${root}`);
  const built = python([join(__dirname, 'build_models.py'), join(root, 'models')]);
  if (built.status !== 0) {
    console.error(built.stderr);
    return 1;
  }
  const manifest = JSON.parse(built.stdout) as Manifest;
  const rows: Row[] = [];
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  for (const model of manifest.models) {
    if (!model.folder || !model.metadata) {
      skipped += 1;
      console.log(`skip ${model.name}: ${model.skipped ?? 'not built'}`);
      continue;
    }
    const files = readdirSync(model.folder);
    writeFileSync(join(model.folder, 'README.md'), `---\n${JSON.stringify(model.metadata)}\n---\n\n# ${model.name}\n`);
    const script = generate({
      metadata: model.metadata,
      cardPath: `models/${model.name}/README.md`,
      folderName: model.name,
      modelFiles: files,
      hasLocalModel: files.some(isModelFile),
    });
    const file = writeScript(root, script);
    // Asked for CUDA, a CPU-only library (scikit-learn, ONNX Runtime without its CUDA provider)
    // must say it ran on the CPU: checked on any machine. The others need a GPU for it.
    const cpuOnly =
      script.flavour === 'scikit-learn' || (script.flavour === 'onnxruntime' && !manifest.cuda.onnxruntime);
    const devices = manifest.cuda.torch !== undefined || cpuOnly ? ['cpu', 'cuda'] : ['cpu'];
    for (const device of devices) {
      const run = python([
        file,
        '--model',
        model.folder,
        '--json',
        '--samples',
        '5',
        '--warmup',
        '2',
        '--device',
        device,
      ]);
      const row: Row = {
        model: model.name,
        flavour: script.flavour,
        requested: device,
        device: '-',
        p50: '-',
        gpu: '-',
        result: '',
      };
      try {
        if (run.status !== 0)
          throw new Error(`exit ${String(run.status)}: ${run.stderr.trim().split('\n').slice(-3).join(' / ')}`);
        const report = JSON.parse(run.stdout) as Report;
        checkReport(report, { requested: device, flavour: script.flavour, stderr: run.stderr, cuda: manifest.cuda });
        row.device = report.device;
        row.p50 = report.latency_ms.p50.toFixed(2);
        row.gpu = report.hardware.gpu ?? 'none';
        row.result = report.note ? `ok (${report.note})` : 'ok';
        passed += 1;
      } catch (error) {
        row.result = `FAILED: ${(error as Error).message}`;
        failed += 1;
      }
      rows.push(row);
      console.log(`${row.result.startsWith('FAILED') ? 'FAIL' : 'ok  '} ${model.name} on ${device}`);
    }
  }
  console.log(`\n${table(rows)}\n`);
  if (!keep) rmSync(root, { recursive: true, force: true });
  console.log(`real-libraries: ${passed} passed, ${failed} failed, ${skipped} skipped`);
  return failed === 0 && passed > 0 ? 0 : 1;
}

process.exit(main());
