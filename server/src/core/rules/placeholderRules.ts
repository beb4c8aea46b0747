import { isMap, isScalar, isSeq, type Node } from 'yaml';
import type { Span } from '../diagnostic';
import { keyText, type YamlTree } from '../document/yamlTree';
import type { Section } from '../document/markdown';
import { findCodeStub, findPlaceholders, isUnrenderedVariable } from '../placeholders';
import type { Finding, RuleFamily } from './rule';

/**
 * Template fillers and notes to self that would be published as they are: the Hub templates'
 * `[More Information Needed]`, unrendered `{{ variables }}`, TODO/TBD/FIXME and lorem ipsum, in
 * the body's prose, code blocks that are only a stub, and front-matter values
 * (`license: {license}`). One finding per fact: the placeholders of one section are one finding
 * on the first, the others its related locations.
 */
export const placeholderRules: RuleFamily = {
  name: 'placeholder-text',
  kinds: ['model-card', 'dataset-card'],
  codes: [
    {
      code: 'placeholder-text',
      severity: 'warning',
      summary: 'Template placeholder or unfinished text (`[More Information Needed]`, `{{ x }}`, TODO).',
    },
  ],
  check({ doc, report }) {
    if (doc.yaml) metadataFindings(doc.yaml).forEach(report);
    const occurrences: Occurrence[] = [];
    for (const run of doc.markdown.textRuns) {
      for (const match of findPlaceholders(run.text)) {
        const start = run.span.start + match.start;
        occurrences.push({ span: { start, end: start + match.text.length }, text: match.text, stub: false });
      }
    }
    for (const block of doc.markdown.codeBlocks) {
      const stub = findCodeStub(block.text, block.lang);
      if (!stub) continue;
      // The block's text is its content without the fences: find the marker line in the source.
      const at = doc.text.text.indexOf(stub.marker, block.span.start);
      const start = at >= 0 && at < block.span.end ? at : block.span.start;
      occurrences.push({ span: { start, end: start + stub.marker.length }, text: stub.marker, stub: true });
    }
    for (const group of groupBySection(doc.markdown.sections, doc.markdown.title, occurrences)) {
      report(sectionFinding(group));
    }
  },
};

interface Occurrence {
  span: Span;
  text: string;
  /** A code block that is only a stub (`# TODO: add code`, `...`). */
  stub: boolean;
}

interface Group {
  section?: Section;
  occurrences: Occurrence[];
}

/**
 * One finding per unfilled section: the occurrences grouped by the innermost section holding them
 * (the text before the first heading is a group of its own). When most sections are unfilled (a
 * card that is still the template), by top-level section instead, so a template gets at most one
 * finding per section of its outline.
 */
function groupBySection(sections: readonly Section[], title: Section | undefined, occurrences: Occurrence[]): Group[] {
  const innermost = (offset: number): Section | undefined => {
    let found: Section | undefined;
    for (const section of sections) {
      if (section.extent.start <= offset && offset < section.extent.end) {
        if (!found || section.extent.start >= found.extent.start) found = section;
      }
    }
    return found;
  };
  const sorted = [...occurrences].sort((a, b) => a.span.start - b.span.start);
  const placed = sorted.map((occurrence) => ({ occurrence, section: innermost(occurrence.span.start) }));
  const withPlaceholder = new Set(placed.map((item) => item.section).filter(Boolean));
  const filled = sections.filter(
    (section) => section.hasOwnContent && !withPlaceholder.has(section) && section !== title,
  ).length;
  const template = withPlaceholder.size >= 3 && withPlaceholder.size > filled;
  const groups = new Map<Section | undefined, Group>();
  for (const { occurrence, section } of placed) {
    const key = template ? topLevel(section, title) : section;
    const group = groups.get(key) ?? { section: key, occurrences: [] };
    group.occurrences.push(occurrence);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** The outermost section holding `section`, below a level-1 title that holds the whole card. */
function topLevel(section: Section | undefined, title: Section | undefined): Section | undefined {
  let current = section;
  while (current?.parent && !(current.parent === title && title.heading.level === 1)) current = current.parent;
  return current;
}

function sectionFinding(group: Group): Finding {
  const [first, ...rest] = group.occurrences;
  if (!first) throw new Error('empty placeholder group');
  const single = first.stub
    ? {
        code: 'placeholder-text',
        span: first.span,
        message: `This code block is only a stub ("${first.text}"): write the code a reader can run, or remove the block.`,
        data: { placeholder: first.text, stub: true },
      }
    : finding(first.span, first.text);
  if (rest.length === 0) return single;
  const where = group.section ? `Section "${group.section.heading.text}"` : 'The text before the first heading';
  const count = group.occurrences.length;
  return {
    ...single,
    message: `${where} still holds template placeholders: "${first.text}" and ${rest.length} more (${count} in all, listed as related locations). Write the information, or remove what they stand in for.`,
    data: {
      ...single.data,
      occurrences: count,
      ...(group.section ? { section: group.section.heading.text } : {}),
      // The editor marks each further place with a hint; the CLI reports the one finding.
      markRelated: true,
    },
    related: rest.map((occurrence) => ({
      span: occurrence.span,
      message: occurrence.stub
        ? `Also unfilled: a stub code block ("${occurrence.text}").`
        : `Also unfilled: "${occurrence.text}".`,
    })),
  };
}

function finding(span: Span, placeholder: string): Finding {
  const template = placeholder.startsWith('{');
  return {
    code: 'placeholder-text',
    span,
    message: template
      ? `Unfilled template placeholder ${placeholder}: replace it with the real value.`
      : `Placeholder text "${placeholder}": write the information, or remove what it stands in for.`,
    data: { placeholder },
  };
}

/**
 * The findings depend on the front matter's tree alone, which a body edit reuses (parsedDocument):
 * computed once per tree, not per keystroke (a model-index heavy card has thousands of values).
 */
const METADATA_FINDINGS = new WeakMap<YamlTree, readonly Finding[]>();

function metadataFindings(tree: YamlTree): readonly Finding[] {
  let findings = METADATA_FINDINGS.get(tree);
  if (!findings) {
    const found: Finding[] = [];
    checkMetadata(tree, (finding) => found.push(finding));
    findings = found;
    METADATA_FINDINGS.set(tree, findings);
  }
  return findings;
}

/**
 * Placeholders in metadata values, and the template's `{lang_0}` flow mappings that YAML reads as
 * data: one finding per top-level key (its further placeholders related), or one for the whole
 * block when most keys are still the template's.
 */
function checkMetadata(tree: YamlTree, report: (finding: Finding) => void): void {
  const found: { span: Span; text: string; variable?: boolean }[] = [];
  const visit = (node: Node | null | undefined): void => {
    if (isUnrenderedVariable(node)) {
      const span = tree.spanOf(node);
      found.push({ span, text: tree.source.slice(span.start - tree.base, span.end - tree.base), variable: true });
      return;
    }
    if (isScalar(node) && typeof node.value === 'string') {
      const match = findPlaceholders(node.value)[0];
      if (match) found.push({ span: tree.spanOf(node), text: match.text });
      return;
    }
    if (isMap(node)) for (const pair of node.items) visit(pair.value as Node | null);
    else if (isSeq(node)) for (const item of node.items) visit(item as Node | null);
  };
  const root = tree.root;
  if (!isMap(root)) {
    visit(root);
    for (const item of found) report(finding(item.span, item.text));
    return;
  }
  const groups: { key: string; items: { span: Span; text: string; variable?: boolean }[] }[] = [];
  for (const pair of root.items) {
    const before = found.length;
    visit(pair.value as Node | null);
    if (found.length > before) groups.push({ key: keyText(pair), items: found.slice(before) });
  }
  const template = groups.length >= 3 && groups.length * 2 > root.items.length;
  const findings = template ? [{ key: undefined, items: found }] : groups;
  for (const group of findings) {
    const [first, ...rest] = group.items;
    if (!first) continue;
    // `{lang_0}` is read as a mapping where the Hub expects a value: it refuses the push (an
    // error, reported once here rather than as one schema error per variable).
    const refused = group.items.some((item) => item.variable);
    const single = { ...finding(first.span, first.text), ...(refused ? { severity: 'error' as const } : {}) };
    if (rest.length === 0) {
      report(single);
      continue;
    }
    const where = group.key === undefined ? 'The metadata is still the template' : `"${group.key}" is still unfilled`;
    const hub = refused ? ' The Hub refuses metadata with unrendered {variables}.' : '';
    report({
      ...single,
      message: `${where}: ${first.text} and ${rest.length} more placeholder${rest.length === 1 ? '' : 's'} (listed as related locations). Replace them with the real values, or remove the keys.${hub}`,
      data: { ...single.data, occurrences: group.items.length, markRelated: true },
      related: rest.map((item) => ({ span: item.span, message: `Also unfilled: ${item.text}.` })),
    });
  }
}
