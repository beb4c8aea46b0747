/**
 * The part of every example script that is the same whatever the model: options, the timing
 * loop, the hardware report and the output. Fixed Python text: values from the card enter only
 * through the constants block (exampleScript.ts), never here.
 */

/** Imports of the standard library only, so `--help` works without any ML library installed. */
export const STANDARD_IMPORTS = `import argparse
import json
import os
import platform
import statistics
import sys
import time`;

/** Where the default `--model` comes from, relative to the script so any working folder works. */
export const DEFAULT_MODEL = `SCRIPT_DIR = os.path.dirname(os.path.abspath(__file__))


def default_model():
    """The card's folder when it holds the model files (and still exists), else the Hub id."""
    if LOCAL_MODEL_DIR is not None:
        folder = os.path.normpath(os.path.join(SCRIPT_DIR, LOCAL_MODEL_DIR))
        if os.path.isdir(folder):
            return folder
    return MODEL_ID


def hub_kwargs(model):
    """Pins the card's revision, but only when loading the model it describes from the Hub."""
    if REVISION is not None and model == MODEL_ID:
        return {'revision': REVISION}
    return {}`;

export const RUNNER = `class Runner:
    """What load_runner() hands to the benchmark: run(index) does one inference on sample index."""

    def __init__(self, run, revision=None, note=None, device=None):
        self.run = run
        self.revision = revision
        self.note = note
        # Where the inferences really run, as the library reports it (None: where they were asked to).
        self.device = device`;

export const PARSE_ARGS = `def positive_int(text):
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError('must be at least 1')
    return value


def non_negative_int(text):
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError('must be 0 or more')
    return value


def parse_args(argv=None):
    parser = argparse.ArgumentParser(
        description='Load the model, run it on generated sample inputs and report its latency, '
        'throughput and the hardware it ran on.'
    )
    parser.add_argument(
        '--model',
        default=default_model(),
        help='Hub id or local folder (or file) of the model (default: %(default)s)',
    )
    parser.add_argument('--samples', type=positive_int, default=20, help='timed inferences (default: 20)')
    parser.add_argument('--warmup', type=non_negative_int, default=3, help='untimed inferences first (default: 3)')
    parser.add_argument('--device', choices=['auto', 'cpu', 'cuda', 'mps'], default='auto', help='where to run it')
    parser.add_argument('--json', action='store_true', help='print the results as one JSON object')
    return parser.parse_args(argv)`;

export const HARDWARE = `def cpu_name():
    """The CPU model from /proc/cpuinfo on Linux, else what the platform module knows."""
    try:
        with open('/proc/cpuinfo', encoding='utf-8', errors='replace') as cpuinfo:
            for line in cpuinfo:
                key, _, value = line.partition(':')
                value = value.strip()
                if key.strip().lower() in ('model name', 'hardware', 'cpu model') and value:
                    return value
    except OSError:
        pass
    return platform.processor() or platform.machine() or 'unknown'


def nvidia_gpus():
    """GPU names from the NVIDIA driver's files (Linux), for runs that did not load PyTorch."""
    root = '/proc/driver/nvidia/gpus'
    names = []
    try:
        for bus in sorted(os.listdir(root)):
            with open(os.path.join(root, bus, 'information'), encoding='utf-8', errors='replace') as info:
                for line in info:
                    key, _, value = line.partition(':')
                    if key.strip() == 'Model' and value.strip():
                        names.append(value.strip())
    except OSError:
        pass
    return names


def gpu_info(device):
    """Name and memory of the GPU the run used: from PyTorch when it is loaded (it is not imported
    just for this), else from the NVIDIA driver."""
    device = str(device)
    torch = sys.modules.get('torch')
    if device.startswith('cuda') and torch is not None and torch.cuda.is_available():
        index = int(device.partition(':')[2] or torch.cuda.current_device())
        properties = torch.cuda.get_device_properties(index)
        return {
            'name': properties.name,
            'memory_gb': round(properties.total_memory / 1024**3, 1),
            'count': torch.cuda.device_count(),
        }
    if device.startswith('cuda') and nvidia_gpus():
        return {'name': nvidia_gpus()[0], 'memory_gb': None, 'count': len(nvidia_gpus())}
    if device.startswith('mps'):
        return {'name': 'Apple silicon GPU (MPS)', 'memory_gb': None, 'count': 1}
    return None


def library_versions():
    """Versions of Python and of the libraries this run imported."""
    versions = {'python': platform.python_version()}
    for name in LIBRARIES:
        module = sys.modules.get(name)
        version = getattr(module, '__version__', None)
        if version is not None:
            versions[name] = str(version)
    return versions`;

export const BENCHMARK = `def benchmark(run, samples, warmup):
    """Warm-up calls (untimed), then one timed call per sample; latencies in milliseconds."""
    output = None
    for index in range(warmup):
        output = run(index)
    latencies_ms = []
    for index in range(samples):
        started = time.perf_counter()
        output = run(index)
        latencies_ms.append((time.perf_counter() - started) * 1000.0)
    return latencies_ms, output


def percentile(values, fraction):
    """Linear interpolation between the closest ranks, as numpy.percentile does by default."""
    ordered = sorted(values)
    position = (len(ordered) - 1) * fraction
    lower = int(position)
    upper = min(lower + 1, len(ordered) - 1)
    return ordered[lower] + (ordered[upper] - ordered[lower]) * (position - lower)


def short_repr(value, limit=200):
    text = repr(value)
    return text if len(text) <= limit else text[:limit] + '...'`;

export const REPORT = `def device_used(requested, resolved, runner):
    """The device the model really ran on; a warning when that is not the one asked for (a
    library without CUDA support falls back to the CPU without failing)."""
    used = str(runner.device or resolved)
    if requested != 'auto' and used.partition(':')[0] != requested:
        print('warning: --device %s was asked for, but the model ran on %s' % (requested, used), file=sys.stderr)
    return used


def build_result(args, device, runner, latencies_ms, output):
    total_seconds = sum(latencies_ms) / 1000.0
    gpu = gpu_info(device)
    return {
        'model': args.model,
        'model_id': MODEL_ID,
        'revision': runner.revision or REVISION,
        'flavour': FLAVOUR,
        'task': TASK,
        'device': device,
        'device_requested': args.device,
        'note': runner.note,
        'hardware': {
            'cpu': cpu_name(),
            'cores': os.cpu_count(),
            'gpu': gpu['name'] if gpu else None,
            'gpu_memory_gb': gpu['memory_gb'] if gpu else None,
            'gpu_count': gpu['count'] if gpu else 0,
            'platform': platform.platform(),
        },
        'libraries': library_versions(),
        'samples': len(latencies_ms),
        'warmup': args.warmup,
        'latency_ms': {
            'mean': round(statistics.fmean(latencies_ms), 4),
            'p50': round(percentile(latencies_ms, 0.50), 4),
            'p95': round(percentile(latencies_ms, 0.95), 4),
            'min': round(min(latencies_ms), 4),
            'max': round(max(latencies_ms), 4),
        },
        # One sample per call, so items per second is calls per second.
        'throughput_per_s': round(len(latencies_ms) / total_seconds, 3) if total_seconds > 0 else None,
        'example_output': short_repr(output),
    }


def print_table(result):
    hardware = result['hardware']
    latency = result['latency_ms']
    gpu = 'none'
    if hardware['gpu']:
        memory = hardware['gpu_memory_gb']
        gpu = hardware['gpu'] if memory is None else '%s (%s GB)' % (hardware['gpu'], memory)
    rows = [
        ('model', result['model']),
        ('model id', result['model_id']),
        ('revision', result['revision'] or 'unknown'),
        ('task', result['task'] or 'unknown'),
        ('device', result['device']),
        ('cpu', '%s, %s logical cores' % (hardware['cpu'], hardware['cores'])),
        ('gpu', gpu),
        ('platform', hardware['platform']),
        ('libraries', ', '.join('%s %s' % item for item in result['libraries'].items())),
        ('samples', '%d timed after %d warm-up' % (result['samples'], result['warmup'])),
        ('latency', 'avg %.2f ms, p50 %.2f ms, p95 %.2f ms' % (latency['mean'], latency['p50'], latency['p95'])),
        ('throughput', '%.1f items/s' % (result['throughput_per_s'] or 0.0)),
        ('output', result['example_output']),
    ]
    if result['note']:
        rows.insert(1, ('loaded', result['note']))
    width = max(len(name) for name, _ in rows)
    for name, value in rows:
        print('%s  %s' % (name.ljust(width), value))


def main(argv=None):
    args = parse_args(argv)
    device = resolve_device(args.device)
    runner = load_runner(args.model, device)
    device = device_used(args.device, device, runner)
    latencies_ms, output = benchmark(runner.run, args.samples, args.warmup)
    result = build_result(args, device, runner, latencies_ms, output)
    if args.json:
        print(json.dumps(result, indent=2, default=str))
    else:
        print_table(result)
    return 0


if __name__ == '__main__':
    sys.exit(main())`;
