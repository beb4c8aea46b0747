import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chooseFlavour, isModelFile } from '../../../server/src/core/scaffold/flavour';
import {
  defaultScriptPath,
  modelSlug,
  relativeFolder,
  resolveModelId,
} from '../../../server/src/core/scaffold/modelIdentity';

describe('chooseFlavour', () => {
  it('follows library_name, also for names that are not Hub ids', () => {
    const expected: Record<string, string> = {
      transformers: 'transformers',
      Transformers: 'transformers',
      peft: 'transformers',
      diffusers: 'diffusers',
      sentence_transformers: 'sentence-transformers',
      timm: 'timm',
      sklearn: 'scikit-learn',
      'scikit-learn': 'scikit-learn',
      onnx: 'onnxruntime',
      pytorch: 'pytorch',
      'pytorch-lightning': 'pytorch',
      PyTorch_Lightning: 'pytorch',
      keras: 'keras',
      'tf-keras': 'keras',
      nemo: 'generic',
      'stable-baselines3': 'generic',
    };
    for (const [library, flavour] of Object.entries(expected)) {
      assert.deepEqual(chooseFlavour({ library_name: library }, []), { flavour, reason: 'library_name' }, library);
    }
  });

  it('lets a known file format decide for a library it has no recipe for', () => {
    assert.deepEqual(chooseFlavour({ library_name: 'xgboost' }, ['model.joblib']), {
      flavour: 'scikit-learn',
      reason: 'model files',
    });
  });

  it('reads the model files when library_name is missing', () => {
    const expected: [string[], string][] = [
      [['model_index.json', 'unet'], 'diffusers'],
      [['modules.json', 'config.json', 'model.safetensors'], 'sentence-transformers'],
      [['sentence_bert_config.json'], 'sentence-transformers'],
      [['model.onnx'], 'onnxruntime'],
      [['clf.joblib'], 'scikit-learn'],
      [['model.pkl'], 'scikit-learn'],
      [['model.skops'], 'scikit-learn'],
      [['config.json', 'model.safetensors'], 'transformers'],
      [['config.json', 'pytorch_model.bin'], 'transformers'],
      [['model.keras'], 'keras'],
      [['weights.pth'], 'pytorch'],
    ];
    for (const [files, flavour] of expected) {
      assert.deepEqual(chooseFlavour({}, files), { flavour, reason: 'model files' }, files.join(','));
    }
  });

  it('then the tags (a framework tag last), then the task', () => {
    assert.equal(chooseFlavour({ tags: ['pytorch', 'timm', 'image-classification'] }, []).flavour, 'timm');
    assert.equal(chooseFlavour({ tags: ['pytorch'], pipeline_tag: 'fill-mask' }, []).flavour, 'transformers');
    assert.deepEqual(chooseFlavour({ tags: ['pytorch'] }, []), { flavour: 'pytorch', reason: 'tags' });
    assert.deepEqual(chooseFlavour({ pipeline_tag: 'text-to-image' }, []), {
      flavour: 'diffusers',
      reason: 'pipeline_tag',
    });
    assert.equal(chooseFlavour({ pipeline_tag: 'sentence-similarity' }, []).flavour, 'sentence-transformers');
    assert.equal(chooseFlavour({ pipeline_tag: 'tabular-regression' }, []).flavour, 'scikit-learn');
    assert.deepEqual(chooseFlavour({ pipeline_tag: 'robotics' }, []), {
      flavour: 'generic',
      reason: 'nothing matched',
    });
    assert.equal(chooseFlavour({ tags: 'not-a-list', library_name: 42 }, []).flavour, 'generic');
  });

  it('tells model files from the rest', () => {
    assert.ok(isModelFile('model.safetensors'));
    assert.ok(isModelFile('clf.JOBLIB'));
    assert.ok(!isModelFile('README.md'));
    assert.ok(!isModelFile('config.json'));
  });
});

describe('model id, slug and path', () => {
  const metadata = { 'model-index': [{ name: 'acme/indexed' }] };

  it('prefers the explicit id, then model-index, then the title, then the folder', () => {
    const sources = { metadata, title: 'Model Card for acme/titled', folderName: 'folder' };
    assert.deepEqual(resolveModelId({ ...sources, modelId: ' acme/explicit ' }), {
      id: 'acme/explicit',
      source: 'explicit',
    });
    assert.deepEqual(resolveModelId(sources), { id: 'acme/indexed', source: 'model-index' });
    assert.deepEqual(resolveModelId({ ...sources, metadata: {} }), { id: 'acme/titled', source: 'title' });
    assert.deepEqual(resolveModelId({ ...sources, metadata: { 'model-index': [{}] }, title: 'Sentiment model' }), {
      id: 'folder',
      source: 'folder',
    });
    assert.equal(
      resolveModelId({ metadata: {}, title: 'model card for `acme/code`', folderName: 'f' }).id,
      'acme/code',
    );
  });

  it('slugs the model name for the file name', () => {
    assert.equal(modelSlug('acme/Sentiment-Base.v2'), 'sentiment_base_v2');
    assert.equal(modelSlug('../../'), 'model');
    assert.equal(modelSlug('日本語'), 'model');
    assert.equal(defaultScriptPath('README.md', 'acme/x'), 'examples/x_inference.py');
    assert.equal(defaultScriptPath('models/a/README.md', 'acme/x'), 'models/a/examples/x_inference.py');
  });

  it('finds the card folder relative to the script', () => {
    assert.equal(relativeFolder('examples/x.py', ''), '..');
    assert.equal(relativeFolder('models/a/examples/x.py', 'models/a'), '..');
    assert.equal(relativeFolder('x.py', ''), '.');
    assert.equal(relativeFolder('tools/x.py', 'models/a'), '../models/a');
  });
});
