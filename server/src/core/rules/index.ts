import { commitDriftRules } from './commitDriftRules';
import { configDriftRules } from './configDriftRules';
import { configReproRules } from './configReproRules';
import { datasetIdRules } from './datasetIdRules';
import { deprecatedRules } from './deprecatedRules';
import { emptyValueRules } from './emptyValueRules';
import { encodingRules } from './encodingRules';
import { frontMatterRules } from './frontMatterRules';
import { headingDuplicateRules } from './headingDuplicateRules';
import { languageRules } from './languageRules';
import { licenseMismatchRules } from './licenseMismatchRules';
import { licenseRules } from './licenseRules';
import { linkRules } from './linkRules';
import { modelIndexRules } from './modelIndexRules';
import { placeholderRules } from './placeholderRules';
import { projectConfigRules } from './projectConfigRules';
import type { RuleCode, RuleFamily } from './rule';
import { runDriftRules } from './runDriftRules';
import { schemaRules } from './schemaRules';
import { sizeRules } from './sizeRules';
import { sectionEmptyRules } from './sectionEmptyRules';
import { sectionMissingRules } from './sectionMissingRules';
import { speedRules } from './speedRules';
import { suppressionRules } from './suppressionRules';
import { templateInstructionRules } from './templateInstructionRules';
import { unknownKeyRules } from './unknownKeyRules';
import { yamlRules } from './yamlRules';

/** Every rule family, in the order their findings are produced. */
export const RULE_FAMILIES: readonly RuleFamily[] = [
  sizeRules,
  encodingRules,
  frontMatterRules,
  yamlRules,
  schemaRules,
  unknownKeyRules,
  deprecatedRules,
  licenseRules,
  licenseMismatchRules,
  modelIndexRules,
  templateInstructionRules,
  languageRules,
  datasetIdRules,
  emptyValueRules,
  sectionMissingRules,
  sectionEmptyRules,
  headingDuplicateRules,
  placeholderRules,
  speedRules,
  linkRules,
  projectConfigRules,
  configReproRules,
  runDriftRules,
  configDriftRules,
  commitDriftRules,
  suppressionRules,
];

/** Every diagnostic code by name: the public contract documented in docs/rules/. */
export const RULE_CODES: ReadonlyMap<string, RuleCode> = new Map(
  RULE_FAMILIES.flatMap((family) => family.codes.map((code) => [code.code, code] as const)),
);
