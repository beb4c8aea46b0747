import { dirname } from '../fileSystem';
import { readCardLinks } from '../provenance/cardLinks';
import { resolveBlockPath } from '../provenance/paths';
import { readBytes } from '../runs/runDeps';
import type { RuleFamily } from './rule';

/**
 * The config a card's provenance block records no longer hashes the same: the model was trained
 * with other settings than the file now says. Needs the host's SHA-256 (CheckOptions.sha256).
 */
export const configDriftRules: RuleFamily = {
  name: 'run-config-changed',
  kinds: ['model-card'],
  codes: [
    {
      code: 'run-config-changed',
      severity: 'warning',
      summary: 'The linked config file no longer has the SHA-256 the provenance block records.',
    },
  ],
  check({ doc, fs, path, sha256, report }) {
    const config = path && sha256 ? readCardLinks(doc)?.config : undefined;
    if (!path || !sha256 || !config) return;
    const resolved = resolveBlockPath(dirname(path), config.path.value);
    const bytes = readBytes(fs, resolved);
    if (!bytes) {
      report({
        code: 'run-config-changed',
        span: config.path.span,
        message: `The linked config "${config.path.value}" no longer exists: restore it, or link the config the model was trained with.`,
        data: { path: config.path.value, resolved, missing: true },
      });
      return;
    }
    const recorded = config.sha256;
    const current = sha256(bytes);
    if (!recorded || recorded.value.toLowerCase() === current) return;
    report({
      code: 'run-config-changed',
      span: recorded.span,
      message: `"${config.path.value}" has changed since the run was linked: its SHA-256 is now ${current.slice(0, 12)}…, not ${recorded.value.slice(0, 12)}…. The model was trained with the old settings: retrain and link the new run, or restore the file. Record the new hash only if the change does not affect training.`,
      data: { path: config.path.value, resolved, recorded: recorded.value, sha256: current },
    });
  },
};
