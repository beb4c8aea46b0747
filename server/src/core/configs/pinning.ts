import type { PathSegment } from '../document/yamlTree';

/** A finding about what a reproduction needs, before it is placed in the file. */
export interface ReproFinding {
  code: 'config-no-seed' | 'config-no-precision' | 'config-no-hardware' | 'config-unpinned';
  /** The key the finding is about; absent: "where it would go" (the top of the mapping). */
  path?: PathSegment[];
  message: string;
  /** Only when softer or harder than the code's default for this finding. */
  severity?: 'info' | 'warning';
  data?: Record<string, unknown>;
}

/** A Hub repository id (`owner/name`), not a local path or URL. */
export function isHubId(value: unknown): value is string {
  return typeof value === 'string' && /^[\w.-]+\/[\w.-]+$/.test(value) && !value.startsWith('.') && !/^\w:/.test(value);
}

/**
 * Pinned means a commit sha. A version tag (`v1.2`) is taken as pinned too (tags rarely move);
 * any other name is a branch, which moves with every push.
 */
export function isPinned(revision: unknown): boolean {
  if (typeof revision !== 'string') return false;
  return /^[0-9a-f]{7,64}$/i.test(revision) || /^v?\d+(\.\d+)*$/.test(revision);
}

export interface UnpinnedReference {
  /** The key holding the id (`model_name_or_path`, `datasets[0].path`). */
  idPath: PathSegment[];
  id: string;
  /** The key that pins it (`model_revision`): named in the message, and written when absent. */
  revisionKey: string;
  /** Where the revision key is, when the file has it: the finding goes there (the line to fix). */
  revisionPath?: PathSegment[];
  revision: unknown;
}

/**
 * `config-unpinned` for an id without a pinned revision. It is placed on the revision key when
 * the file has one (`model_revision: main` is the line to change), else on the id's key.
 */
export function unpinned({ idPath, id, revisionKey, revisionPath, revision }: UnpinnedReference): ReproFinding {
  const moving = typeof revision === 'string' ? ` ("${revision}" is a branch: it moves with every push)` : '';
  const onRevision = revisionPath !== undefined && revision !== undefined;
  return {
    code: 'config-unpinned',
    path: onRevision ? revisionPath : idPath,
    message: `"${id}" is used without a pinned revision${moving}: set ${revisionKey} to the commit sha you trained with.`,
    data: { id, revisionKey, idPath, ...(onRevision ? { revisionPath } : {}) },
  };
}
