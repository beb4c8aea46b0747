import { hubPath } from '../schemas/messages';
import { stringItems } from './metadata';
import type { RuleFamily } from './rule';

const HUB_DATASET_URL = /^https?:\/\/(?:www\.)?(?:huggingface\.co|hf\.co)\/datasets\/([\w.-]+(?:\/[\w.-]+)?)\/?/i;
const LOCAL_PATH = /^(\/|\.{1,2}[\\/]|~[\\/]|[a-z]:[\\/])|\\/i;
const URL = /^[a-z][a-z0-9+.-]*:\/\//i;

/** `datasets` names Hub datasets; a local path or a URL is refused by the Hub at push time. */
export const datasetIdRules: RuleFamily = {
  name: 'dataset-id',
  kinds: ['model-card'],
  codes: [
    { code: 'dataset-id', severity: 'error', summary: 'A local path or URL where a Hub dataset id is required.' },
  ],
  check({ doc, report }) {
    const tree = doc.yaml;
    if (!tree) return;
    for (const item of stringItems(tree, ['datasets'])) {
      const value = item.value.trim();
      if (!LOCAL_PATH.test(value) && !URL.test(value)) continue;
      const fromUrl = HUB_DATASET_URL.exec(value)?.[1];
      report({
        code: 'dataset-id',
        span: item.span,
        message: `"${hubPath(item.path)}" with value "${item.value}" is not valid. If possible, use a dataset id from https://hf.co/datasets.${fromUrl ? ` Did you mean "${fromUrl}"?` : ''}`,
        data: { path: item.path, value: item.value, ...(fromUrl ? { suggestions: [fromUrl] } : {}) },
      });
    }
  },
};
