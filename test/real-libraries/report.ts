/** What a generated script's JSON report must say after a real run (test/real-libraries/run.ts). */
import assert from 'node:assert/strict';

export interface Report {
  flavour: string;
  device: string;
  device_requested: string;
  note: string | null;
  samples: number;
  latency_ms: { mean: number; p50: number; p95: number; min: number; max: number };
  throughput_per_s: number | null;
  hardware: { cpu: string; cores: number; gpu: string | null; gpu_count: number };
  libraries: Record<string, string>;
}

export interface RunFacts {
  requested: string;
  flavour: string;
  stderr: string;
  cuda: { torch?: string; onnxruntime?: boolean };
}

/** Where the model should have run: the CPU-only flavours, and ONNX Runtime without CUDA, stay on the CPU. */
function expectedDevice(facts: RunFacts): string {
  if (facts.requested !== 'cuda') return 'cpu';
  if (facts.flavour === 'scikit-learn') return 'cpu';
  if (facts.flavour === 'onnxruntime') return facts.cuda.onnxruntime ? 'cuda' : 'cpu';
  return 'cuda';
}

export function checkReport(report: Report, facts: RunFacts): void {
  assert.equal(report.flavour, facts.flavour);
  assert.equal(report.samples, 5);
  assert.equal(report.device_requested, facts.requested);
  const { mean, p50, p95, min, max } = report.latency_ms;
  assert.ok(
    min > 0 && min <= p50 && p50 <= p95 && p95 <= max,
    `latencies out of order: ${JSON.stringify(report.latency_ms)}`,
  );
  assert.ok(mean >= min && mean <= max, 'mean outside min..max');
  assert.ok((report.throughput_per_s ?? 0) > 0, 'no throughput');
  assert.ok(report.hardware.cpu.length > 0 && report.hardware.cores >= 1, 'no CPU facts');
  const expected = expectedDevice(facts);
  assert.equal(report.device.split(':')[0], expected, `ran on ${report.device}, expected ${expected}`);
  if (expected === 'cuda') {
    assert.ok(report.hardware.gpu, 'a CUDA run names its GPU');
    if (facts.cuda.torch) assert.equal(report.hardware.gpu, facts.cuda.torch);
  } else {
    assert.equal(report.hardware.gpu, null, 'a CPU run names no GPU');
  }
  const warned = /warning: --device \S+ was asked for, but the model ran on/.test(facts.stderr);
  assert.equal(
    warned,
    expected !== facts.requested,
    'a warning exactly when the device differs from the one asked for',
  );
}
