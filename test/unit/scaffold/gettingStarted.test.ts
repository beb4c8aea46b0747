import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { gettingStartedEdit } from '../../../server/src/core/scaffold/gettingStarted';
import { checkText } from '../../support/check';
import { applyEdits } from '../../support/edits';

describe('getting-started section for a generated script', () => {
  it('is appended, one level below the title, when the card does not say how to run the model', () => {
    const text = '---\r\nlicense: mit\r\n---\r\n# Model Card for x\r\n\r\nA model.\r\n';
    const { doc } = checkText(text);
    const edit = gettingStartedEdit(doc, 'examples/x_inference.py');
    assert.ok(edit);
    const after = applyEdits(text, [edit]);
    assert.match(
      after,
      /A model\.\r\n\r\n## How to Get Started with the Model\r\n\r\n.+\r\n\r\n```sh\r\npython examples\/x_inference\.py --samples 20\r\n```\r\n$/,
    );
  });

  it('is not added when the card already answers the question', () => {
    const { doc } = checkText('---\nlicense: mit\n---\n# Model Card for x\n\n## Usage\n\n```python\nprint(1)\n```\n');
    assert.equal(gettingStartedEdit(doc, 'run.py'), undefined);
  });
});
