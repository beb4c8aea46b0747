import { findConceptEvidence } from '../conceptMatch';
import { extraSynonyms, requiredConcepts } from '../conceptProfiles';
import { isCardKind } from '../concepts';
import type { RuleFamily } from './rule';

/**
 * A card must answer its reader's questions (product.md §2). Which ones is the profile's choice;
 * each is a concept answered by a heading, a labelled line, a sentence, a shape comment, an example
 * or a front-matter fact (conceptMatch.ts; the wording is data in conceptWording/).
 */
export const sectionMissingRules: RuleFamily = {
  name: 'section-missing',
  kinds: ['model-card', 'dataset-card'],
  codes: [
    {
      code: 'section-missing',
      severity: 'warning',
      summary: 'The card does not answer a question its profile requires (no section, labelled line or metadata).',
    },
  ],
  check({ doc, config, report }) {
    if (!isCardKind(doc.kind)) return;
    const kind = doc.kind;
    // One place for all of them: the title names the card, and adding a section is a card-level edit.
    const span = doc.cardAnchor();
    for (const concept of requiredConcepts(config, kind)) {
      if (findConceptEvidence(doc, concept, extraSynonyms(config, kind, concept.id))) continue;
      report({
        code: 'section-missing',
        span,
        message: `The card does not say ${concept.question}: add a section such as "${concept.heading}".`,
        data: { concept: concept.id, heading: concept.heading, question: concept.question },
      });
    }
  },
};
