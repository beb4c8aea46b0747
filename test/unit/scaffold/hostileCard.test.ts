/**
 * A card full of hostile text (quotes, triple quotes, backslashes, newlines, `__import__`, bidi
 * and astral characters, a lone surrogate) must come out as harmless string constants: checked
 * with Python's own parser, against the same script generated from a benign card.
 */
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { after, describe, it } from 'node:test';
import type { ExampleScriptInput } from '../../../server/src/core/scaffold/exampleScript';
import { hasPython, inspectPython, pyCompile } from '../../support/python';
import { generate, scratchFolder, writeScript } from '../../support/scaffold';

const HOSTILE =
  "evil'\"\n'''\"\"\"\\'\\\\\r\n__import__('os').system('x') # PWNED\n\u0000\u202e\u2028\u{1F600} é\uD800 {0} %s ${x}";

/** The card's values, all hostile (or all benign), per flavour. */
function card(text: string, library: string, task: string): Partial<ExampleScriptInput> {
  return {
    modelId: text,
    title: `Model Card for ${text}`,
    cardPath: `models/${text}/README.md`,
    folderName: text,
    modelFiles: [`${text}.joblib`, `${text}.onnx`, `${text}.pt`, `${text}.keras`],
    hasLocalModel: true,
    outPath: 'examples/out.py',
    revision: text,
    metadata: {
      library_name: library,
      pipeline_tag: task,
      mask_token: text,
      instance_prompt: text,
      tags: [text],
      base_model: text,
      'model-index': [{ name: text }],
    },
  };
}

/** Library and task pairs that reach every flavour and every use of a card value. */
const VARIANTS: [string, string][] = [
  ['transformers', 'fill-mask'],
  ['transformers', 'text-generation'],
  ['diffusers', 'text-to-image'],
  ['sentence-transformers', 'sentence-similarity'],
  ['timm', 'image-classification'],
  ['sklearn', 'tabular-classification'],
  ['onnx', 'image-classification'],
  ['pytorch', 'audio-classification'],
  ['keras', 'image-classification'],
  ['nemo', 'automatic-speech-recognition'],
];

describe('hostile card values', { skip: hasPython() ? false : 'no /usr/bin/python3' }, () => {
  const root = scratchFolder('hostile');
  after(() => rmSync(root, { recursive: true, force: true }));

  for (const [library, task] of VARIANTS) {
    // The hostile text as the task too: every flavour must survive an unknown, hostile task.
    for (const hostileTask of [task, HOSTILE]) {
      const label = `${library} / ${hostileTask === task ? task : 'hostile pipeline_tag'}`;
      it(`${label}: only string constants, the same calls as a benign card`, () => {
        const hostile = generate(card(HOSTILE, library, hostileTask));
        const benign = generate(card('benign', library, hostileTask === task ? task : 'benign-task'));
        assert.equal(hostile.flavour, benign.flavour);
        const hostileFile = writeScript(`${root}/hostile`, hostile);
        const benignFile = writeScript(`${root}/benign`, benign);
        assert.equal(pyCompile([hostileFile, benignFile]), undefined);

        // Pure printable ASCII: nothing for an editor or terminal to reinterpret.
        assert.match(hostile.text, /^[\t\n\x20-\x7e]*$/);
        assert.ok(!hostile.text.includes("__import__('os')"), 'the raw payload appears in the file');

        const facts = inspectPython(hostileFile);
        const reference = inspectPython(benignFile);
        assert.ok(facts.strings.includes(HOSTILE), 'the hostile id is a string constant, byte for byte');
        assert.deepEqual(facts.calls, reference.calls);
        assert.deepEqual(facts.identifiers, reference.identifiers);
        for (const identifier of facts.identifiers) assert.doesNotMatch(identifier, /PWNED|__import__/);
        assert.equal(facts.comments.length, reference.comments.length, 'a card value opened or closed a comment');
        for (const comment of facts.comments) assert.ok(!comment.includes("('os')"), comment);
        assert.equal(hostile.path, 'examples/out.py');
      });
    }
  }

  it('escapes the id wherever it comes from: model-index, title, folder', () => {
    const sources: [string, Partial<ExampleScriptInput>][] = [
      ['model-index', { metadata: { 'model-index': [{ name: HOSTILE }] } }],
      // A heading is one line; the title's Markdown emphasis marks (`*_) are dropped.
      ['title', { title: `Model Card for ${HOSTILE.replace(/[\r\n\u2028]/g, ' ')}` }],
      ['folder', { folderName: HOSTILE }],
    ];
    for (const [expected, source] of sources) {
      const script = generate(source);
      assert.equal(script.model.source, expected);
      assert.match(script.model.id, /import_*\('os'\)/);
      const file = writeScript(`${root}/sources`, script);
      assert.equal(pyCompile([file]), undefined);
      assert.ok(inspectPython(file).strings.includes(script.model.id), `${expected}: the id is a string constant`);
    }
  });

  it('keeps the default path inside the card folder, whatever the id', () => {
    const script = generate({ modelId: `../../${HOSTILE}/../../etc/passwd` });
    assert.match(script.path, /^models\/demo\/examples\/[a-z0-9_]+_inference\.py$/);
  });
});
