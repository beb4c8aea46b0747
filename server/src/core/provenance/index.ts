// Link Training Run and drift (product.md §4): the provenance block, as data and as edits.
export {
  buildProvenance,
  buildProvenanceWithNotes,
  type BuiltProvenance,
  type LinkFacts,
  type ProvenanceBlock,
  type ProvenanceDataset,
} from './buildProvenance';
export { readCardLinks, type CardLinks, type WrittenValue } from './cardLinks';
export { configReferences, type ConfigReference, type ConfigReferences } from './configReferences';
export { renderTopLevel, setTopLevelKey, type EditOutcome } from './frontMatterEdit';
export { applyEdits, commonEnds, linkRun, provenanceEdit, type LinkOptions, type LinkResult } from './link';
export { readLinkFacts, type LinkFactsOptions } from './linkFacts';
export { linkedRunState, type LinkedRunHost, type LinkedRunState } from './linkedRun';
export { evaluationMetrics, matchingRunMetrics, metricKey, valuesAgree } from './metricNames';
export { metricsEdit, type MetricChange, type MetricsEditResult } from './metricsEdit';
export { relativePath, relativeRecordPath, resolveBlockPath } from './paths';
export { pinRevisionEdits, unpinnedReferences, type UnpinnedReference } from './revisionDrift';
