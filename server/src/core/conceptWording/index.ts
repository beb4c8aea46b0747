/**
 * The wording data, in one place: what Cardwright reads as an answer to a card's question.
 *
 * - headings.ts: headings and labels per concept, in English, Chinese, Japanese, Korean, French,
 *   German, Spanish, Portuguese and Russian;
 * - sentences.ts (English) and sentencesOtherLanguages.ts: sentence patterns (subject + verb);
 * - this file: what code blocks say (shape and sample-rate comments, stub blocks).
 *
 * Nothing here decides; conceptMatch.ts applies these lists and concepts.ts names the questions.
 * Every sentence pattern is tested with sentences it must and must not take
 * (test/unit/conceptWording.test.ts).
 */
import type { ConceptId } from '../concepts';
import { SENTENCES as ENGLISH_SENTENCES, type SentencePattern } from './sentences';
import { OTHER_LANGUAGE_SENTENCES } from './sentencesOtherLanguages';

export { DATASET_HEADINGS, MODEL_HEADINGS, type HeadingWording, type Language } from './headings';
export type { SentencePattern } from './sentences';

export const SENTENCES: readonly SentencePattern[] = [...ENGLISH_SENTENCES, ...OTHER_LANGUAGE_SENTENCES];

/** The sentence patterns that answer `id`, in list order (English first). */
export function sentencesFor(id: ConceptId): readonly SentencePattern[] {
  return SENTENCES.filter((sentence) => sentence.concepts.includes(id));
}

/**
 * A code comment that states a tensor shape or a sample rate: `# (1, 3, 224, 224) image tensor`,
 * `// 16 kHz mono audio`, `# shape: (batch, 768)`. Read only in comments: a call such as
 * `torch.randn(1, 3, 224, 224)` is code, not documentation.
 */
export const SHAPE_COMMENT =
  /(?:\(\s*(?:\d+|[a-z_]+)\s*(?:,\s*(?:\d+|[a-z_]+)\s*){1,5}\)|\[\s*\d+\s*(?:,\s*\d+\s*){1,5}\]|\b\d+(?:\.\d+)?\s?k?Hz\b|\bshape\b|\bdtype\b)/i;

/** A shape comment about what comes out (else it describes the input). */
export const OUTPUT_COMMENT =
  /\b(?:outputs?|logits|pred(?:s|iction|ictions)?|embeddings?|returns?|results?|scores?|probs|probabilities|masks?|boxes)\b/i;

/** Comment markers of the languages an example is written in (Python, shell, R; C-like). */
export const COMMENT = /(?:^|\s)(?:#|\/\/)\s?(.*)$/;

/**
 * Lines that do not make a code block an example: imports, `pass`, `...`, comments and blank
 * lines. A block of nothing else is a stub (`from stable_baselines3 import ...`, `# TODO: add code`).
 */
export const STUB_LINE =
  /^\s*(?:(?:from\s+[\w.]+\s+)?import\s+[\w.,\s*()]*|from\s+[\w.]+\s+import\s+(?:\.\.\.|…)|pass|\.\.\.|…|#.*|\/\/.*|<[^>]*>|)\s*$/;
