import { dirname } from '../fileSystem';
import type { GitFacts } from '../git/gitReader';
import type { RunRecord, Tracker } from '../runs/runRecord';
import { revisionFor, type ConfigReferences } from './configReferences';
import { evaluationMetrics } from './metricNames';
import { relativePath, relativeRecordPath } from './paths';

/**
 * The `provenance` block of a model card (schemas/provenance.schema.json), as data. Keys are in
 * the order the block is written. Paths are relative to the card's folder.
 */
export interface ProvenanceBlock {
  code?: { repository?: string; commit: string; branch?: string; dirty?: boolean };
  config?: { path: string; sha256: string };
  data?: ProvenanceDataset[];
  run: { tracker: Tracker; id: string; path: string; name?: string };
  evaluation?: { script?: string; metrics?: Record<string, number> };
  hardware?: { accelerator?: string; count?: number; cpu?: string };
  base_model?: { id: string; revision?: string };
}

export interface ProvenanceDataset {
  id: string;
  revision?: string;
  digest?: string;
  split?: string;
}

/** What a link knows besides the run: where the card is, its repository, the chosen config. */
export interface LinkFacts {
  /** The card's absolute path: the block's paths are relative to its folder. */
  cardPath: string;
  /** The card's repository as it is now (readGitFacts): its HEAD is used only when the run recorded no commit. */
  git?: GitFacts;
  /** The config to record (absolute path and hash), instead of the file the run recorded (`--config`). */
  config?: { path: string; sha256: string };
  /** Models and datasets the training config pins: revisions the run did not record. */
  configReferences?: ConfigReferences;
  /** Kept from the card's current block: no tracker records the evaluation script. */
  evaluationScript?: string;
}

export interface BuiltProvenance {
  block: ProvenanceBlock;
  /** Where facts came from when not from the run itself, for the user to review. */
  notes: string[];
}

/** The provenance block for linking `run` to the card at `facts.cardPath`. */
export function buildProvenance(run: RunRecord, facts: LinkFacts): ProvenanceBlock {
  return buildProvenanceWithNotes(run, facts).block;
}

export function buildProvenanceWithNotes(run: RunRecord, facts: LinkFacts): BuiltProvenance {
  const folder = dirname(facts.cardPath);
  const notes: string[] = [];
  const code = codeEntry(run, facts.git, notes);
  const config = facts.config ?? run.config;
  const data = run.datasets.map((dataset) => datasetEntry(dataset, facts.configReferences));
  const metrics = evaluationMetrics(run.tracker, run.metrics);
  const hardware = hardwareEntry(run);
  const baseModel = baseModelEntry(run, facts.configReferences);
  // In the block's key order, leaving out what is not known.
  const block: ProvenanceBlock = {
    ...(code ? { code } : {}),
    ...(config ? { config: { path: relativePath(folder, config.path), sha256: config.sha256 } } : {}),
    ...(data.length > 0 ? { data } : {}),
    run: runEntry(run, folder),
  };
  if (facts.evaluationScript || Object.keys(metrics).length > 0) {
    block.evaluation = {
      ...(facts.evaluationScript ? { script: facts.evaluationScript } : {}),
      ...(Object.keys(metrics).length > 0 ? { metrics } : {}),
    };
  }
  if (hardware) block.hardware = hardware;
  if (baseModel) block.base_model = baseModel;
  if (!config) notes.push('config: the run recorded no config file; name one with --config to have it checked');
  return { block, notes };
}

function runEntry(run: RunRecord, folder: string): ProvenanceBlock['run'] {
  const entry: ProvenanceBlock['run'] = {
    tracker: run.tracker,
    id: run.id,
    path: relativeRecordPath(folder, run.path),
  };
  if (run.name && run.name !== run.id) entry.name = run.name;
  return entry;
}

/**
 * The run's own commit when it recorded one. Otherwise the card repository's HEAD, which is only
 * the commit the run used when nothing was committed since: the note says so.
 */
function codeEntry(run: RunRecord, git: GitFacts | undefined, notes: string[]): ProvenanceBlock['code'] {
  const recorded = run.code;
  if (recorded?.commit) {
    const repository = recorded.remote ?? git?.remote;
    if (!recorded.remote && git?.remote) notes.push(`code: repository from the card's repository (${git.remote})`);
    return {
      ...(repository ? { repository } : {}),
      commit: recorded.commit,
      ...(recorded.branch ? { branch: recorded.branch } : {}),
      ...(recorded.dirty !== undefined ? { dirty: recorded.dirty } : {}),
    };
  }
  if (!git?.commit) return undefined;
  notes.push(
    `code: the run recorded no commit; the card repository's HEAD (${git.commit.slice(0, 12)}${git.branch ? ` on ${git.branch}` : ''}) was used: check it is the commit that trained`,
  );
  return {
    ...(git.remote ? { repository: git.remote } : {}),
    commit: git.commit,
    ...(git.branch ? { branch: git.branch } : {}),
  };
}

function datasetEntry(dataset: RunRecord['datasets'][number], references?: ConfigReferences): ProvenanceDataset {
  const revision = dataset.revision ?? (references ? revisionFor(references.datasets, dataset.id) : undefined);
  return {
    id: dataset.id,
    ...(revision ? { revision } : {}),
    ...(dataset.digest ? { digest: dataset.digest } : {}),
    ...(dataset.split ? { split: dataset.split } : {}),
  };
}

function hardwareEntry(run: RunRecord): ProvenanceBlock['hardware'] {
  const { accelerator, count, cpu } = run.hardware ?? {};
  if (!accelerator && !cpu) return undefined;
  return {
    ...(accelerator ? { accelerator } : {}),
    ...(accelerator && count !== undefined ? { count } : {}),
    ...(cpu ? { cpu } : {}),
  };
}

/** The run's base model, else the one the config names; the revision from either. */
function baseModelEntry(run: RunRecord, references?: ConfigReferences): ProvenanceBlock['base_model'] {
  const id = run.baseModel?.id ?? references?.models[0]?.id;
  if (!id) return undefined;
  const revision = run.baseModel?.revision ?? (references ? revisionFor(references.models, id) : undefined);
  return revision ? { id, revision } : { id };
}
