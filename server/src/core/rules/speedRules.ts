import { findConceptEvidence } from '../conceptMatch';
import { extraSynonyms } from '../conceptProfiles';
import { findConceptDefinition } from '../concepts';
import type { Span } from '../diagnostic';
import type { TextRun } from '../document/markdown';
import type { RuleFamily } from './rule';

/** A number with a unit of time per item, or items per unit of time. */
const NUMBER = String.raw`\d+(?:[.,]\d+)?\s?`;
const ITEM = String.raw`(?:tokens?|toks?|it|iters?|iterations?|steps?|items?|images?|imgs?|samples?|examples?|sentences?|queries|query|requests?|frames?|words?|batch(?:es)?|documents?|videos?|clips?)`;
const SPEED_FIGURES: readonly RegExp[] = [
  new RegExp(String.raw`\b${NUMBER}(?:ms|milliseconds?)\b`, 'g'),
  new RegExp(String.raw`\b${NUMBER}(?:s|secs?|seconds?)\s?(?:/|per )\s?${ITEM}\b`, 'gi'),
  new RegExp(String.raw`\b${NUMBER}k?\s?${ITEM}\s?(?:/|per )\s?(?:s|sec|second)\b`, 'gi'),
  new RegExp(String.raw`\b${NUMBER}(?:QPS|RPS|FPS|TPS)\b`, 'g'),
];

/** Prose that names the machine, even without a hardware section ("on one A100", "CPU only"). */
const HARDWARE_MENTION =
  /\b(?:GPUs?|CPUs?|TPUs?|NPUs?|A10G?|A[1-8]00|A30|A40|A6000|H[12]00|H800|L4|L40S?|T4|V100|P100|K80|RTX ?\d{3,4}|GTX ?\d{3,4}|Tesla|NVIDIA|Nvidia|AMD|Radeon|MI\d{3}X?|Xeon|EPYC|Ryzen|Core i[3579]|Apple M[1-4]|Raspberry Pi|Jetson|Gaudi|Inferentia|Trainium|Snapdragon)\b/;

/**
 * "Performance metrics don't mean much in a vacuum": a latency or throughput figure in a card that
 * never says what hardware produced it. Model cards only; the figure is the place to fix.
 */
export const speedRules: RuleFamily = {
  name: 'speed-without-hardware',
  kinds: ['model-card'],
  codes: [
    {
      code: 'speed-without-hardware',
      severity: 'warning',
      summary: 'A latency or throughput figure in a card that states no hardware.',
    },
  ],
  check({ doc, config, report }) {
    const runs = doc.markdown.textRuns;
    const figures = runs.flatMap(speedFigures);
    if (figures.length === 0) return;
    const hardware = findConceptDefinition('model-card', 'hardware');
    if (hardware && findConceptEvidence(doc, hardware, extraSynonyms(config, 'model-card', 'hardware'))) return;
    if (runs.some((run) => HARDWARE_MENTION.test(run.text))) return;
    for (const figure of figures) {
      report({
        code: 'speed-without-hardware',
        span: figure.span,
        message: `"${figure.text}" is a speed figure, but the card does not say what hardware it was measured on: name the GPU or CPU (and batch size) next to it, or in a "Hardware" section.`,
        data: { figure: figure.text },
      });
    }
  },
};

function speedFigures(run: TextRun): { text: string; span: Span }[] {
  const found: { text: string; span: Span }[] = [];
  // Every figure starts with a digit; most runs of text hold none, and one test spares four.
  if (!/\d/.test(run.text)) return found;
  for (const pattern of SPEED_FIGURES) {
    for (const match of run.text.matchAll(pattern)) {
      const start = run.span.start + (match.index ?? 0);
      const span = { start, end: start + match[0].length };
      if (!found.some((other) => span.start < other.span.end && other.span.start < span.end)) {
        found.push({ text: match[0], span });
      }
    }
  }
  return found.sort((a, b) => a.span.start - b.span.start);
}
