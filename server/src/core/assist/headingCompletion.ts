import type { Position } from '../diagnostic';
import type { ParsedDocument } from '../document/parsedDocument';
import { CONCEPTS, isCardKind } from '../concepts';
import type { Completion } from './completion';

/**
 * Section headings after `#` in a card's body: the headings of the questions a card answers
 * (the concepts), those not already present, each with its question as documentation.
 */
export function headingCompletions(doc: ParsedDocument, position: Position): Completion[] {
  if (!isCardKind(doc.kind)) return [];
  const offset = doc.text.offsetAt(position);
  if (offset < doc.frontMatter.body.start) return [];
  const lineStart = doc.text.offsetAt({ line: position.line, character: 0 });
  const before = doc.text.text.slice(lineStart, offset);
  const match = /^ {0,3}#{1,6}[ \t]*(.*)$/.exec(before);
  if (!match) return [];
  const typed = match[1] ?? '';
  const present = new Set(allHeadings(doc).map((text) => text.toLowerCase()));
  return CONCEPTS[doc.kind]
    .filter((concept) => !present.has(concept.heading.toLowerCase()))
    .map((concept) => ({
      label: concept.heading,
      kind: 'heading' as const,
      detail: `Answers ${concept.question}`,
      documentation: `A reader looks here for ${concept.question}.`,
      insertText: concept.heading,
      replace: { start: offset - typed.length, end: offset },
    }));
}

function allHeadings(doc: ParsedDocument): string[] {
  const out: string[] = [];
  const visit = (sections: typeof doc.markdown.sections): void => {
    for (const section of sections) {
      out.push(section.heading.text);
      visit(section.children);
    }
  };
  visit(doc.markdown.sections.filter((section) => !section.parent));
  return out;
}
