import cardwrightConfig from '../../../../schemas/cardwright-config.schema.json';
import datasetCard from '../../../../schemas/dataset-card.schema.json';
import libraryNames from '../../../../schemas/data/library-names.schema.json';
import licenses from '../../../../schemas/data/licenses.schema.json';
import pipelineTags from '../../../../schemas/data/pipeline-tags.schema.json';
import sizeCategories from '../../../../schemas/data/size-categories.schema.json';
import taskIds from '../../../../schemas/data/task-ids.schema.json';
import modelCard from '../../../../schemas/model-card.schema.json';
import provenance from '../../../../schemas/provenance.schema.json';
import axolotl from '../../../../schemas/configs/axolotl.schema.json';
import deepspeed from '../../../../schemas/configs/deepspeed.schema.json';
import dvcYaml from '../../../../schemas/configs/dvc-yaml.schema.json';
import hfTrainingArgs from '../../../../schemas/configs/hf-training-args.schema.json';
import hydra from '../../../../schemas/configs/hydra.schema.json';
import lightningCli from '../../../../schemas/configs/lightning-cli.schema.json';
import mlproject from '../../../../schemas/configs/mlproject.schema.json';
import torchtune from '../../../../schemas/configs/torchtune.schema.json';
import mlAgents from '../../../../schemas/configs/ml-agents.schema.json';
import autotrain from '../../../../schemas/configs/autotrain.schema.json';
import mergekit from '../../../../schemas/configs/mergekit.schema.json';
import dvcParams from '../../../../schemas/configs/dvc-params.schema.json';
import { precompiledValidators } from './precompiled';
import { SchemaRegistry, type JsonSchema } from './registry';

/**
 * The schemas that ship inside the bundle (so the CLI and server need no file lookups to start).
 * The same files are in the package's `schemas/` folder for users who reference them by path.
 */
export const BUNDLED_SCHEMAS: readonly JsonSchema[] = [
  licenses,
  pipelineTags,
  libraryNames,
  taskIds,
  sizeCategories,
  // Before the model card schema, which refers to it.
  provenance,
  modelCard,
  datasetCard,
  cardwrightConfig,
  hfTrainingArgs,
  deepspeed,
  lightningCli,
  axolotl,
  mlproject,
  dvcYaml,
  hydra,
  torchtune,
  mlAgents,
  autotrain,
  mergekit,
  dvcParams,
];

export function createBundledRegistry(): SchemaRegistry {
  return new SchemaRegistry(BUNDLED_SCHEMAS, { validateSchemas: false, precompiled: precompiledValidators });
}
