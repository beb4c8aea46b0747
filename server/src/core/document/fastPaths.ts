/**
 * The fast paths (the block-YAML parser, Markdown parsed from the body alone, results reused
 * between versions, the sentence patterns' prefilters) give exactly what the reference paths
 * give. The equivalence tests turn them off here to compute the reference results, and compare.
 */
export const fastPaths = { enabled: true };
