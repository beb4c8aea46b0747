/**
 * Reads a model reference as `from_pretrained` received it (`_name_or_path` in an HF config).
 * A Hub id (`org/name`, or a legacy single name like `gpt2`) is returned as is; a path into the
 * Hub cache (`.../models--org--name/snapshots/<sha>`) gives the id and the exact revision.
 * Other local paths are not a reference anyone else can resolve: undefined.
 */
export function parseModelReference(nameOrPath: string): { id: string; revision?: string } | undefined {
  const normalized = nameOrPath.trim().replace(/\\/g, '/');
  const cached = /(?:^|\/)models--([^/]+)\/snapshots\/([0-9a-f]{40})(?:\/|$)/.exec(normalized);
  if (cached?.[1] && cached[2]) return { id: cached[1].split('--').join('/'), revision: cached[2] };
  if (/^[A-Za-z0-9][\w.-]*(\/[\w.-]+)?$/.test(normalized) && !normalized.includes('..')) return { id: normalized };
  return undefined;
}
