// `npm run corpus-report [-- --missing CONCEPT] [-- --profile NAME]`: how many real cards in
// ../shared/corpus miss each concept of a profile (default `release`), to tune the synonym lists
// in server/src/core/concepts.ts. With --missing, lists the cards missing that concept with their
// headings and labels, for reading the findings by hand; with --evidence, prints what answered it.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { findConceptEvidence } from '../server/src/core/conceptMatch';
import { PROFILE_NAMES, requiredConcepts, type ProfileName } from '../server/src/core/conceptProfiles';
import type { CardKind } from '../server/src/core/concepts';
import { ParsedDocument } from '../server/src/core/document/parsedDocument';

// `npm run corpus-report | head` closes the pipe early: that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const CORPUS = resolve(__dirname, '..', '..', 'shared', 'corpus');
const FOLDERS: Record<CardKind, string> = { 'model-card': 'model-cards', 'dataset-card': 'dataset-cards' };

const { values } = parseArgs({
  options: {
    missing: { type: 'string' },
    evidence: { type: 'string' },
    profile: { type: 'string', default: 'release' },
  },
});
const profile = values.profile as ProfileName;
if (!PROFILE_NAMES.includes(profile)) throw new Error(`--profile must be one of ${PROFILE_NAMES.join(', ')}`);
if (!existsSync(CORPUS)) {
  console.log(`No corpus at ${CORPUS}: nothing to report.`);
  process.exit(0);
}

for (const kind of Object.keys(FOLDERS) as CardKind[]) {
  const folder = join(CORPUS, FOLDERS[kind]);
  const files = readdirSync(folder)
    .filter((name) => /\.(md|markdown)$/i.test(name))
    .sort();
  const concepts = requiredConcepts({ rules: {}, profile }, kind);
  const missing = new Map<string, string[]>(concepts.map((concept) => [concept.id, []]));
  const docs = new Map<string, ParsedDocument>();
  for (const name of files) {
    const text = readFileSync(join(folder, name), 'utf8');
    const doc = new ParsedDocument({ uri: name, fileName: name, version: 0, text }, { kind });
    docs.set(name, doc);
    for (const concept of concepts) {
      const evidence = findConceptEvidence(doc, concept);
      if (!evidence) missing.get(concept.id)?.push(name);
      else if (concept.id === values.evidence)
        console.log(
          `${concept.id} ${evidence.via}${evidence.pattern ? ` ${evidence.pattern}` : ''}: ${evidence.text.replace(/\s+/g, ' ').slice(0, 160)}  (${name})`,
        );
    }
  }
  console.log(`\n${kind}: ${files.length} cards, profile ${profile}`);
  for (const [id, names] of missing) {
    const share = files.length === 0 ? 0 : Math.round((100 * names.length) / files.length);
    console.log(`  ${id.padEnd(16)} missing in ${String(names.length).padStart(3)} (${share}%)`);
  }
  for (const name of missing.get(values.missing ?? '') ?? []) {
    const markdown = docs.get(name)?.markdown;
    const headings = markdown?.sections.map(
      (section) => `${'#'.repeat(section.heading.level)} ${section.heading.text}`,
    );
    console.log(`\n--- ${name}\n  headings: ${headings?.join(' | ') || '(none)'}`);
    console.log(`  labels: ${markdown?.labelledLines.map((line) => line.label).join(' | ') || '(none)'}`);
  }
}
