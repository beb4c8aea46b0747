import { dirname } from '../fileSystem';
import { DEFAULT_DRIFT_TOLERANCE } from '../projectConfig';
import { readCardLinks, type CardLinks } from '../provenance/cardLinks';
import { cardMetrics } from '../provenance/cardMetrics';
import { configReferences } from '../provenance/configReferences';
import { linkedRunState } from '../provenance/linkedRun';
import { matchingRunMetrics, valuesAgree } from '../provenance/metricNames';
import { resolveBlockPath } from '../provenance/paths';
import { unpinnedReferences } from '../provenance/revisionDrift';
import { readDataFile } from '../runs/fileData';
import type { RunRecord } from '../runs/runRecord';
import { hubPath } from '../schemas/messages';
import type { RuleContext, RuleFamily } from './rule';

/**
 * Drift between a card and the run its `provenance` block links: the run is gone, the card's
 * metrics are not the run's, or it names data and models without the revisions the run read.
 * The linked run is read once per check, from its folder (synchronously: the engine is).
 */
export const runDriftRules: RuleFamily = {
  name: 'run-drift',
  kinds: ['model-card'],
  codes: [
    { code: 'run-not-found', severity: 'warning', summary: 'The training run the provenance block links is gone.' },
    {
      code: 'run-metric-mismatch',
      severity: 'warning',
      summary: "A model-index metric differs from the linked run's value beyond the tolerance.",
    },
    {
      code: 'revision-unpinned',
      severity: 'warning',
      summary: 'A dataset or base model named without the revision the linked run or config knows.',
    },
  ],
  check(context) {
    const { doc, path } = context;
    if (!path) return; // an unsaved card has no folder for the block's relative paths
    const links = readCardLinks(doc);
    if (!links?.run) return;
    const folder = dirname(path);
    const runPath = resolveBlockPath(folder, links.run.path.value);
    const state = linkedRunState(runPath, { id: links.run.id }, context);
    if (state.state === 'gone') {
      const tracker = links.run.tracker ? `${links.run.tracker} ` : '';
      context.report({
        code: 'run-not-found',
        span: links.run.path.span,
        message: `The linked ${tracker}run "${links.run.path.value}" is gone: ${state.reason}. Link the run again (cardwright link), or remove the provenance block if the run is not kept.`,
        data: { path: links.run.path.value, resolved: runPath, reason: state.reason },
      });
    }
    const run = state.state === 'found' ? state.run : undefined;
    if (run) checkMetrics(context, run);
    checkRevisions(context, links, run, folder);
  },
};

function checkMetrics(context: RuleContext, run: RunRecord): void {
  const tolerance = context.config.drift?.tolerance ?? DEFAULT_DRIFT_TOLERANCE;
  for (const metric of cardMetrics(context.doc)) {
    if (metric.value === undefined || !metric.valueSpan) continue;
    const candidates = metric.names
      .map((name) => matchingRunMetrics(name, run.metrics))
      .find((list) => list.length > 0);
    const best = candidates?.[0];
    if (!candidates || !best) continue;
    const cardValue = metric.value;
    // Any of the run's values for this metric (eval or test) may be the one the card reports.
    if (candidates.some((candidate) => valuesAgree(cardValue, candidate.value, tolerance))) continue;
    context.report({
      code: 'run-metric-mismatch',
      span: metric.valueSpan,
      message: `"${hubPath([...metric.path, 'value'])}" is ${metric.written ?? cardValue}, but the linked run's ${best.name} is ${best.value} (tolerance ${tolerance * 100}%): report the run's value, or link the run that produced this one.`,
      data: { metric: metric.names[0], runMetric: best.name, cardValue, runValue: best.value, tolerance },
    });
  }
}

function checkRevisions(context: RuleContext, links: CardLinks, run: RunRecord | undefined, folder: string): void {
  const configPath = links.config ? resolveBlockPath(folder, links.config.path.value) : undefined;
  const config = configPath ? configReferences(readDataFile(context.fs, configPath)) : undefined;
  for (const ref of unpinnedReferences(context.doc, links, run, config)) {
    const where = ref.source === 'run' ? 'the linked run read' : 'the linked config pins';
    const what = ref.kind === 'dataset' ? 'dataset' : 'base model';
    context.report({
      code: 'revision-unpinned',
      span: ref.written.span,
      message: `The ${what} "${ref.id}" is named without a revision, but ${where} revision ${ref.revision}: pin it in the provenance block so the card says exactly which ${ref.kind === 'dataset' ? 'data' : 'weights'} the model came from.`,
      data: { kind: ref.kind, id: ref.id, revision: ref.revision, source: ref.source },
    });
  }
}
