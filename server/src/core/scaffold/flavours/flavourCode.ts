/** What a flavour contributes to an example script, on top of the shared harness. */
import type { HelperId } from '../pythonHelpers';
import type { Modality } from '../tasks';

/** A module-level constant; `value` is written with pythonLiteral, whatever it holds. */
export interface ScriptConstant {
  name: string;
  value: unknown;
  /** Why the constant is there / how to change it (fixed text, never card text). */
  comment: string;
}

export interface FlavourCode {
  /** Module names whose versions the report lists (when the run imported them). */
  libraries: readonly string[];
  constants: readonly ScriptConstant[];
  helpers: readonly HelperId[];
  /** The Python `load_runner(model, device)` definition, and the functions only it uses. */
  loader: string;
}

/** What a flavour knows about the card when it writes its loader. */
export interface FlavourContext {
  /** The card's pipeline_tag, if any. */
  task?: string;
  modality: Modality;
  metadata: Record<string, unknown>;
  /** The file the model is saved in, for the flavours that load one file. */
  modelFile?: string;
}
