import { findConceptDefinition } from '../concepts';
import { findConceptEvidence } from '../conceptMatch';
import type { ParsedDocument } from '../document/parsedDocument';
import { appendSection } from '../fixes/appendSection';
import type { TextEditSpan } from '../fixes/fix';

/**
 * After an example script is written: a "How to Get Started with the Model" section that points
 * at it, appended to a model card that does not yet say how to run the model. Undefined when the
 * card already answers that question (nothing is duplicated).
 */
export function gettingStartedEdit(doc: ParsedDocument, scriptPath: string): TextEditSpan | undefined {
  const concept = findConceptDefinition('model-card', 'getting-started');
  if (doc.kind !== 'model-card' || !concept || findConceptEvidence(doc, concept)) return undefined;
  return appendSection(doc, 'How to Get Started with the Model', [
    'Run the example script, which loads the model, runs it on sample inputs and reports latency and the hardware it ran on:',
    '',
    '```sh',
    `python ${scriptPath} --samples 20`,
    '```',
  ]);
}
