import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { PROFILE_NAMES } from '../../../server/src/core/conceptProfiles';
import type { CardKind } from '../../../server/src/core/concepts';
import { DEFAULT_CONFIG, type ProjectConfig } from '../../../server/src/core/projectConfig';
import {
  datasetFrontMatter,
  modelFrontMatter,
  newDatasetCard,
  newModelCard,
  profileSections,
} from '../../../server/src/core/scaffold/newCard';
import { checkText, codes } from '../../support/check';

const BERT_CONFIG = {
  _name_or_path: 'google-bert/bert-base-uncased',
  architectures: ['BertForSequenceClassification'],
  model_type: 'bert',
};

function frontMatterOf(card: string): Record<string, unknown> {
  const yaml = /^---\n([\s\S]*?)\n---\n/.exec(card)?.[1] ?? '';
  return parse(yaml) as Record<string, unknown>;
}

function card(kind: CardKind, config: ProjectConfig): string {
  const sections = profileSections(config, kind);
  return kind === 'model-card'
    ? newModelCard({
        sections,
        name: 'sentiment',
        files: ['config.json', 'model.safetensors'],
        configJson: BERT_CONFIG,
      })
    : newDatasetCard({ sections, name: 'reviews', files: ['train.csv', 'test.csv', 'README.md'] });
}

describe('new card front matter', () => {
  it('fills a model card from config.json and the model files', () => {
    assert.deepEqual(modelFrontMatter(['config.json', 'model.safetensors'], BERT_CONFIG), {
      library_name: 'transformers',
      pipeline_tag: 'text-classification',
      tags: ['bert'],
      base_model: 'google-bert/bert-base-uncased',
    });
    assert.deepEqual(modelFrontMatter(['config.json', 'model.safetensors'], { architecture: 'resnet50' }), {
      library_name: 'timm',
      pipeline_tag: 'image-classification',
      tags: ['timm'],
    });
    assert.deepEqual(modelFrontMatter(['model.joblib'], undefined), { library_name: 'sklearn' });
    assert.deepEqual(modelFrontMatter(['model.onnx'], undefined), {}, 'onnx is not a Hub library id');
    assert.deepEqual(modelFrontMatter([], { _name_or_path: '/tmp/out', model_type: 'a b' }), {});
  });

  it('fills a dataset card with a default config from the split files', () => {
    assert.deepEqual(
      datasetFrontMatter('reviews', ['data/train-0.parquet', 'data/train-1.parquet', 'dev.jsonl', 'x.py']),
      {
        pretty_name: 'reviews',
        configs: [
          {
            config_name: 'default',
            data_files: [
              { split: 'train', path: ['data/train-0.parquet', 'data/train-1.parquet'] },
              { split: 'validation', path: 'dev.jsonl' },
            ],
          },
        ],
      },
    );
  });

  it('writes the front matter as YAML that reads back as the same data', () => {
    const text = newModelCard({ sections: [], name: 'x', files: ['model.joblib'] });
    assert.deepEqual(frontMatterOf(text), { library_name: 'sklearn' });
    assert.match(text, /^# license: apache-2\.0 /m);
  });
});

describe('new card body', () => {
  it('writes each section with its question as a comment and a placeholder', () => {
    const text = newModelCard({
      sections: [{ heading: 'Uses', question: 'what the model is for' }],
      name: 'demo',
      files: [],
    });
    assert.match(text, /^# Model Card for demo\n/m);
    assert.match(text, /^## Uses\n\n<!-- Say what the model is for\. -->\n\[More Information Needed\]$/m);
  });

  it('keeps names and questions from breaking the Markdown', () => {
    const text = newDatasetCard({
      sections: [{ heading: '## Evil\nheading', question: 'x --> <script>' }],
      name: '# evil\n---\nname',
      files: [],
    });
    assert.match(text, /^# Dataset Card for evil --- name$/m);
    assert.match(text, /^## Evil heading$/m);
    assert.match(text, /^<!-- Say x -> <script>\. -->$/m);
    assert.equal(frontMatterOf(text).pretty_name, 'evil --- name');
  });
});

describe('new card, checked by the engine', () => {
  for (const kind of ['model-card', 'dataset-card'] as const) {
    const path = kind === 'model-card' ? '/work/model/README.md' : '/work/data/README.md';
    // The files the card was made from, so its links (configs' data_files) resolve.
    const files: Record<string, string> =
      kind === 'model-card'
        ? { '/work/model/model.safetensors': '' }
        : { '/work/data/train.csv': 'a\n1\n', '/work/data/test.csv': 'a\n2\n' };

    // The licence is the author's choice: a model card leaves it as a commented line, which
    // license-missing then asks for (the Hub would show none).
    const choices = kind === 'model-card' ? ['license-missing'] : [];

    it(`${kind}: no metadata diagnostics but the licence to choose`, () => {
      const { diagnostics } = checkText(card(kind, DEFAULT_CONFIG), { path, kind, files });
      assert.deepEqual(codes(diagnostics), choices);
    });

    for (const profile of PROFILE_NAMES) {
      it(`${kind}, profile ${profile}: only placeholder findings, one per section and the title`, () => {
        const config: ProjectConfig = { ...DEFAULT_CONFIG, profile };
        const text = card(kind, config);
        const { diagnostics } = checkText(text, { path, kind, config, files });
        const found = new Set(codes(diagnostics));
        assert.deepEqual([...found].sort(), [...choices, 'placeholder-text'], JSON.stringify(codes(diagnostics)));
        assert.equal(diagnostics.length, profileSections(config, kind).length + 1 + choices.length);
      });
    }
  }
});
