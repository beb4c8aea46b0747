import type { TextEditSpan } from '../../server/src/core/fixes';

/** Applies non-overlapping edits to `text` (last first, so offsets stay valid). */
export function applyEdits(text: string, edits: readonly TextEditSpan[]): string {
  let out = text;
  for (const edit of [...edits].sort((a, b) => b.span.start - a.span.start)) {
    out = out.slice(0, edit.span.start) + edit.newText + out.slice(edit.span.end);
  }
  return out;
}
