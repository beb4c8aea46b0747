import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse } from 'yaml';
import { nodeSha256 } from '../../server/src/node/runDeps';
import { runCli } from '../support/cli';

/*
 * Linking real run folders from the corpus (../shared/corpus/runs): each is copied into a temp
 * workspace next to a small card, linked through the CLI, and the block written is checked field
 * by field. Skipped when the corpus is absent.
 */

const RUNS = resolve(__dirname, '..', '..', '..', 'shared', 'corpus', 'runs');
const MLFLOW_STORE = '03MuskaanJain__Iris_MLFlow__mlruns';
const WANDB_RUN = 'AuroraEchos__TinyLM__wandb__run-20260211_121423-kj3gdsjx';
const HF_RUN = 'P4P4N1CK__whisper-large-v2-japanese-5k-steps__root';

const CARD = (pipelineTag: string, extra = ''): string =>
  `---\nlicense: mit\npipeline_tag: ${pipelineTag}\n${extra}---\n\n# Model Card for corpus-model\n`;

type Block = Record<string, Record<string, unknown>>;

describe(
  'linking real runs from the corpus',
  { skip: existsSync(RUNS) ? false : `no corpus at ${RUNS}: skipped` },
  () => {
    let ws: string;
    before(() => {
      ws = mkdtempSync(join(tmpdir(), 'cardwright-corpus-link-'));
    });
    after(() => rmSync(ws, { recursive: true, force: true }));

    /** Copies `folder` of the corpus to `runs/<folder>`, writes the card, links it, returns the block. */
    function link(
      folder: string,
      card: string,
      runPath: string,
      ...options: string[]
    ): { block: Block; text: string; stdout: string } {
      const target = join(ws, 'runs', folder);
      if (!existsSync(target)) cpSync(join(RUNS, folder), target, { recursive: true });
      mkdirSync(join(ws, 'model'), { recursive: true });
      writeFileSync(join(ws, 'model/README.md'), card);
      const result = runCli(['link', 'model/README.md', '--run', runPath, ...options], ws);
      assert.equal(result.status, 0, result.stderr);
      const text = readFileSync(join(ws, 'model/README.md'), 'utf8');
      const data = parse(text.split('---\n')[1] ?? '') as { provenance: Block };
      const check = runCli(['check', '--format', 'json', 'model/README.md'], ws);
      const codes = (
        JSON.parse(check.stdout) as { files: { diagnostics: { code: string }[] }[] }
      ).files[0]?.diagnostics.map((d) => d.code);
      assert.deepEqual(
        codes?.filter((code) => code.startsWith('run-') || code === 'revision-unpinned' || code.startsWith('schema-')),
        [],
        'a fresh link has no drift and fits the schema',
      );
      return { block: data.provenance, text, stdout: result.stdout };
    }

    it('an MLflow folder-store run (Iris, decision tree)', () => {
      const id = '1c00447556424067ae62fe39e167bb34';
      const { block } = link(
        MLFLOW_STORE,
        CARD('tabular-classification'),
        `runs/${MLFLOW_STORE}/853099972095872099/${id}`,
      );
      assert.deepEqual(block, {
        code: { commit: '4ef3874fc02b1fbd4acf5315fb491172b904d53c' },
        run: { tracker: 'mlflow', id, path: `../runs/${MLFLOW_STORE}/853099972095872099/${id}`, name: 'DT' },
        evaluation: {
          metrics: {
            metric_0: 0.9333333333333333,
            metric_1: 0.9166666666666666,
            metric_2: 0.9166666666666666,
            metric_3: 0.0572049617767334,
          },
        },
      });
    });

    it('a W&B run (TinyLM): commit and remote, config hash, hardware, validation metrics', () => {
      const configPath = join(ws, 'runs', WANDB_RUN, 'files/config.yaml');
      const { block } = link(WANDB_RUN, CARD('text-generation'), `runs/${WANDB_RUN}`);
      assert.deepEqual(block, {
        code: {
          repository: 'git@github.com:AuroraEchos/TinyLM.git',
          commit: '9b6ecb7a19f14630d448bbc51e0e07c69df0cd51',
        },
        config: { path: `../runs/${WANDB_RUN}/files/config.yaml`, sha256: nodeSha256(readFileSync(configPath)) },
        run: { tracker: 'wandb', id: 'kj3gdsjx', path: `../runs/${WANDB_RUN}` },
        evaluation: { metrics: { 'val/ppl': 42.0227842285141, 'val/loss': 3.7382119528246895 } },
        hardware: { accelerator: 'NVIDIA GeForce RTX 4090', count: 1 },
      });
    });

    it('an HF Trainer output folder (Whisper): base model, eval metrics, and --write-metrics fills the WER', () => {
      const modelIndex =
        'model-index:\n- name: whisper-ja\n  results:\n  - task: {type: automatic-speech-recognition}\n    metrics:\n    - {type: wer, value: 80.1}\n';
      const { block, text, stdout } = link(
        HF_RUN,
        CARD('automatic-speech-recognition', modelIndex),
        `runs/${HF_RUN}`,
        '--write-metrics',
      );
      assert.deepEqual(block, {
        run: { tracker: 'hf-trainer', id: HF_RUN, path: `../runs/${HF_RUN}` },
        evaluation: { metrics: { eval_loss: 0.4200145900249481, eval_wer: 0.7449365679946583 } },
        base_model: { id: 'openai/whisper-large-v2' },
      });
      // The card wrote WER in percent: it stays in percent.
      assert.ok(text.includes('    - {type: wer, value: 74.4936567995}\n'), text);
      assert.match(
        stdout,
        /wrote model-index\[0\]\.results\[0\]\.metrics\[0\]\.value: 80\.1 -> 74\.4936567995 \(run's eval_wer\)/,
      );
    });
  },
);
