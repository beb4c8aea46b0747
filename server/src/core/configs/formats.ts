/**
 * Training-config formats Cardwright recognises, each with its bundled schema and the tool whose
 * documentation the messages cite. Recognition facts: docs/config-formats.md.
 */
export type ConfigFormat =
  | 'hf-training-args'
  | 'deepspeed'
  | 'lightning-cli'
  | 'axolotl'
  | 'mlproject'
  | 'dvc-yaml'
  | 'hydra'
  | 'torchtune'
  | 'ml-agents'
  | 'autotrain'
  | 'mergekit'
  | 'dvc-params';

export interface ConfigFormatInfo {
  format: ConfigFormat;
  /** The bundled schema's `$id`. */
  schemaId: string;
  /** How messages name the tool ("a value DeepSpeed documents"). */
  tool: string;
}

const SCHEMA_BASE = 'https://cardwright.dev/schemas/configs/';

export const CONFIG_FORMATS: Readonly<Record<ConfigFormat, ConfigFormatInfo>> = {
  'hf-training-args': {
    format: 'hf-training-args',
    schemaId: `${SCHEMA_BASE}hf-training-args.schema.json`,
    tool: 'Transformers',
  },
  deepspeed: { format: 'deepspeed', schemaId: `${SCHEMA_BASE}deepspeed.schema.json`, tool: 'DeepSpeed' },
  'lightning-cli': { format: 'lightning-cli', schemaId: `${SCHEMA_BASE}lightning-cli.schema.json`, tool: 'Lightning' },
  axolotl: { format: 'axolotl', schemaId: `${SCHEMA_BASE}axolotl.schema.json`, tool: 'Axolotl' },
  mlproject: { format: 'mlproject', schemaId: `${SCHEMA_BASE}mlproject.schema.json`, tool: 'MLflow' },
  'dvc-yaml': { format: 'dvc-yaml', schemaId: `${SCHEMA_BASE}dvc-yaml.schema.json`, tool: 'DVC' },
  hydra: { format: 'hydra', schemaId: `${SCHEMA_BASE}hydra.schema.json`, tool: 'Hydra' },
  torchtune: { format: 'torchtune', schemaId: `${SCHEMA_BASE}torchtune.schema.json`, tool: 'torchtune' },
  'ml-agents': { format: 'ml-agents', schemaId: `${SCHEMA_BASE}ml-agents.schema.json`, tool: 'ML-Agents' },
  autotrain: { format: 'autotrain', schemaId: `${SCHEMA_BASE}autotrain.schema.json`, tool: 'AutoTrain' },
  mergekit: { format: 'mergekit', schemaId: `${SCHEMA_BASE}mergekit.schema.json`, tool: 'mergekit' },
  'dvc-params': { format: 'dvc-params', schemaId: `${SCHEMA_BASE}dvc-params.schema.json`, tool: 'DVC' },
};

/** The format whose bundled schema has this id or short name (`deepspeed`, `hf-training-args`). */
export function formatForSchema(idOrName: string): ConfigFormat | undefined {
  const name = idOrName.replace(SCHEMA_BASE, '').replace(/\.schema\.json$/, '');
  return (Object.keys(CONFIG_FORMATS) as ConfigFormat[]).find((format) => format === name);
}
