import { DOCUMENT_KINDS } from '../document/kind';
import type { RuleFamily } from './rule';

/**
 * A file beyond the size limit (`max-file-size`, default 2 MB) is not parsed: this one finding
 * says so, and the engine runs no other rule on it. Generated files (vocabularies, dumps) and
 * hostile ones cannot stall the editor or CI.
 */
export const sizeRules: RuleFamily = {
  name: 'file-too-large',
  kinds: DOCUMENT_KINDS,
  codes: [
    {
      code: 'file-too-large',
      severity: 'info',
      summary: 'The file is larger than max-file-size: it was not parsed or checked.',
    },
  ],
  check({ doc, report }) {
    if (!doc.tooLarge) return;
    const text = doc.text.text;
    let end = 0;
    while (end < text.length && end < 200 && text[end] !== '\n' && text[end] !== '\r') end++;
    const megabytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
    report({
      code: 'file-too-large',
      span: { start: 0, end },
      message: `This file is ${megabytes(text.length)}, more than the ${megabytes(doc.sizeLimit)} Cardwright checks: it was not parsed. Raise max-file-size in .cardwright.yaml to check it anyway.`,
      data: { size: text.length, limit: doc.sizeLimit },
    });
  },
};
