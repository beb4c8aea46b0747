// Bundled by test/unit/runs/noProcess.test.ts and run in a child node process whose
// child_process functions throw: discovery and git reads must work without starting anything.
import { openGitRepository, readGitFacts } from '../../server/src/core/git';
import { discoverRuns, readRun } from '../../server/src/core/runs';
import { nodeFileSystem } from '../../server/src/node/nodeFileSystem';
import { createNodeRunDeps } from '../../server/src/node/runDeps';

async function main(): Promise<void> {
  const [workspace = '', repository = '', runPath = ''] = process.argv.slice(2);
  const deps = createNodeRunDeps();
  const runs = await discoverRuns(workspace, deps);
  const run = await readRun(runPath, deps);
  const git = openGitRepository(repository, nodeFileSystem);
  const head = git?.head();
  const result = {
    runs: runs.map((r) => ({ tracker: r.tracker, path: r.path, notes: r.notes, metrics: r.metrics })),
    run: run && { id: run.id, metrics: run.metrics },
    git: {
      facts: readGitFacts(repository, nodeFileSystem),
      main: git?.resolve('main'),
      hasHead: head?.commit ? git?.hasObject(head.commit) : false,
      short: head?.commit ? git?.resolve(head.commit.slice(0, 8)) : undefined,
    },
  };
  process.stdout.write(JSON.stringify(result));
}

main().catch((error: unknown) => {
  process.stderr.write(String(error instanceof Error ? error.stack : error));
  process.exitCode = 1;
});
