import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FileSystem } from '../../server/src/core/fileSystem';
import { affectedBy } from '../../server/src/core/inputs';
import { InputTracker, watchersFor } from '../../server/src/lsp/inputTracker';
import { memoryFileSystem } from '../support/memoryFileSystem';

/** A file system that counts the reads that reach it. */
function counting(fs: FileSystem): { fs: FileSystem; reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    fs: {
      readFile: (path) => (reads.push(`read ${path}`), fs.readFile(path)),
      exists: (path) => (reads.push(`exists ${path}`), fs.exists(path)),
      isDirectory: (path) => (reads.push(`isDirectory ${path}`), fs.isDirectory(path)),
      readDirectory: (path) => (reads.push(`list ${path}`), fs.readDirectory(path)),
    },
  };
}

describe('input tracking in the server', () => {
  it('records what a check reads, answers again from the cache, re-reads after a watch event', () => {
    const disk = counting(memoryFileSystem({ '/w/configs/train.yaml': 'seed: 1\n', '/w/runs/a/meta.yaml': 'x: 1\n' }));
    const tracker = new InputTracker(disk.fs, () => true);
    const check = (): string | undefined => {
      tracker.fs.exists('/w/runs/a');
      tracker.fs.readDirectory('/w/runs/a');
      tracker.fs.readFile('/w/missing.md');
      return tracker.fs.readFile('/w/configs/train.yaml');
    };
    const { result, inputs } = tracker.record(check);
    assert.equal(result, 'seed: 1\n');
    assert.deepEqual([...inputs.files].sort(), ['/w/configs/train.yaml', '/w/missing.md', '/w/runs/a']);
    assert.deepEqual([...inputs.folders], ['/w/runs/a']);
    const first = disk.reads.length;
    tracker.record(check); // a keystroke: nothing reaches the disk
    assert.equal(disk.reads.length, first);
    tracker.invalidate('/w/configs/train.yaml');
    tracker.record(check);
    assert.deepEqual(disk.reads.slice(first), ['read /w/configs/train.yaml']);
    tracker.invalidate('/w/runs'); // a folder replaced as a whole: everything below it is read again
    const before = disk.reads.length;
    tracker.record(check);
    assert.deepEqual(disk.reads.slice(before).sort(), ['exists /w/runs/a', 'list /w/runs/a']);
  });

  it('passes reads outside a check through, uncached; and does not cache without watchers', () => {
    const disk = counting(memoryFileSystem({ '/w/a.md': 'a' }));
    const tracker = new InputTracker(disk.fs, () => false);
    tracker.fs.readFile('/w/a.md');
    tracker.record(() => tracker.fs.readFile('/w/a.md'));
    tracker.record(() => tracker.fs.readFile('/w/a.md'));
    assert.equal(disk.reads.length, 3);
  });

  it('a change affects the checks that read it, listed its folder, or read below it', () => {
    const inputs = { files: new Set(['/w/configs/train.yaml', '/w/runs/a/meta.yaml']), folders: new Set(['/w/model']) };
    assert.ok(affectedBy(inputs, '/w/configs/train.yaml'));
    assert.ok(affectedBy(inputs, '/w/model/weights.safetensors'), 'created in a listed folder');
    assert.ok(affectedBy(inputs, '/w/runs'), 'a folder holding an input');
    assert.ok(!affectedBy(inputs, '/w/checkpoints/step-1/shard.json'));
    assert.ok(!affectedBy(inputs, '/w/configs/train.yaml.bak'));
    assert.ok(!affectedBy(inputs, '/w/model/sub/x.md'), 'below a listed folder, not in it');
  });

  it('watchers: one per folder, the names read there, `*` for a listed folder, globs made literal', () => {
    const inputs = {
      files: new Set(['/w/configs/train.yaml', '/w/configs/a[1].yaml', '/w/model/notes.md']),
      folders: new Set(['/w/model']),
    };
    assert.deepEqual(
      watchersFor(inputs, true).map((watcher) => watcher.globPattern),
      [
        '**/.cardwright.{yaml,yml}',
        { baseUri: 'file:///w/configs', pattern: '{a?1?.yaml,train.yaml}' },
        { baseUri: 'file:///w/model', pattern: '*' },
      ],
    );
    assert.deepEqual(
      watchersFor(inputs, false).map((watcher) => watcher.globPattern),
      ['**/.cardwright.{yaml,yml}', '/w/configs/{a?1?.yaml,train.yaml}', '/w/model/*'],
    );
  });
});
