import { findConceptDefinition } from '../concepts';
import { findConceptEvidence } from '../conceptMatch';
import type { ParsedDocument } from '../document/parsedDocument';
import { lineBreak, type TextEditSpan } from '../fixes/fix';

/**
 * After an example script is written: a "How to Get Started with the Model" section that points
 * at it, appended to a model card that does not yet say how to run the model. Undefined when the
 * card already answers that question (nothing is duplicated).
 */
export function gettingStartedEdit(doc: ParsedDocument, scriptPath: string): TextEditSpan | undefined {
  const concept = findConceptDefinition('model-card', 'getting-started');
  if (doc.kind !== 'model-card' || !concept || findConceptEvidence(doc, concept)) return undefined;
  const eol = lineBreak(doc);
  const text = doc.text.text;
  let end = text.length;
  while (end > doc.frontMatter.body.start && /\s/.test(text[end - 1] ?? '')) end--;
  const level = '#'.repeat(Math.min((doc.markdown.title?.heading.level ?? 1) + 1, 6));
  const section = [
    `${level} How to Get Started with the Model`,
    '',
    `Run the example script, which loads the model, runs it on sample inputs and reports latency and the hardware it ran on:`,
    '',
    '```sh',
    `python ${scriptPath} --samples 20`,
    '```',
  ].join(eol);
  const atLineStart = end === 0 || text[end - 1] === '\n' || text[end - 1] === '\r';
  const lead = end > doc.frontMatter.body.start ? `${eol}${eol}` : atLineStart ? '' : eol;
  return { span: { start: end, end: text.length }, newText: `${lead}${section}${eol}` };
}
