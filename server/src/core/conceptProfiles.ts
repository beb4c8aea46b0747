import { CONCEPTS, type CardKind, type Concept, type ConceptId } from './concepts';
import type { ProjectConfig } from './projectConfig';

/** Named sets of required concepts; `profile:` in `.cardwright.yaml` picks one (or lists concepts). */
export const PROFILE_NAMES = ['release', 'huggingface', 'mitchell2019', 'datasheets', 'minimal'] as const;

export type ProfileName = (typeof PROFILE_NAMES)[number];

const ALL_MODEL: readonly ConceptId[] = CONCEPTS['model-card'].map((concept) => concept.id);
const ALL_DATASET: readonly ConceptId[] = CONCEPTS['dataset-card'].map((concept) => concept.id);

/**
 * - `release`: every question a reader of a released model or dataset must get answered.
 * - `huggingface`: the main sections of the Hub's current templates.
 * - `mitchell2019`: "Model Cards for Model Reporting"; it says nothing about dataset cards.
 * - `datasheets`: "Datasheets for Datasets"; it says nothing about model cards.
 * - `minimal`: what it is for and where it fails (models); what it is and under which license (datasets).
 */
export const PROFILES: Readonly<Record<ProfileName, Readonly<Record<CardKind, readonly ConceptId[]>>>> = {
  release: { 'model-card': ALL_MODEL, 'dataset-card': ALL_DATASET },
  huggingface: {
    'model-card': ['intended-use', 'limitations', 'getting-started', 'training-data', 'evaluation'],
    'dataset-card': ['summary', 'uses', 'structure', 'creation', 'limitations'],
  },
  mitchell2019: {
    'model-card': ['intended-use', 'training-data', 'evaluation', 'limitations'],
    'dataset-card': [],
  },
  datasheets: {
    'model-card': [],
    'dataset-card': ['summary', 'structure', 'creation', 'uses', 'license'],
  },
  minimal: {
    'model-card': ['intended-use', 'limitations'],
    'dataset-card': ['summary', 'license'],
  },
};

export const DEFAULT_PROFILE: ProfileName = 'release';

/**
 * The concepts a card of `kind` must answer under `config`: `sections.<kind>.required` when set,
 * else the profile's list (a named profile, or a custom list of concept ids across both kinds).
 */
export function requiredConcepts(config: ProjectConfig, kind: CardKind): Concept[] {
  const profile = config.profile ?? DEFAULT_PROFILE;
  const ids = config.sections?.[kind]?.required ?? (typeof profile === 'string' ? PROFILES[profile][kind] : profile);
  return CONCEPTS[kind].filter((concept) => ids.includes(concept.id));
}

/** The project's extra synonyms for one concept of `kind`. */
export function extraSynonyms(config: ProjectConfig, kind: CardKind, id: ConceptId): readonly string[] {
  return config.sections?.[kind]?.synonyms?.[id] ?? [];
}
