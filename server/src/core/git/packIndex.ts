/*
 * Pack index files (`objects/pack/pack-*.idx`, gitformat-pack(5)):
 *   v2: "\377tOc", version 2, a 256-entry fan-out table (4-byte big-endian counts of names whose
 *       first byte is <= i), then the N sorted object names, then CRCs and offsets (not needed).
 *   v1: the fan-out table at offset 0, then N entries of a 4-byte offset followed by the name.
 * Object names are 20 bytes (SHA-1) or 32 (SHA-256 repositories).
 */

export interface PackIndex {
  readonly count: number;
  /** Whether the pack holds the object with this full hex name. */
  has(name: string): boolean;
  /** Names starting with the hex `prefix`, in order, at most `limit`. */
  findByPrefix(prefix: string, limit: number): string[];
}

const V2_MAGIC = [0xff, 0x74, 0x4f, 0x63];
const FANOUT_BYTES = 256 * 4;

/** Parses an index, or undefined when the bytes are not one (truncated, another version). */
export function parsePackIndex(bytes: Uint8Array, hashLength = 20): PackIndex | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const isV2 = V2_MAGIC.every((byte, index) => bytes[index] === byte);
  if (isV2 && (bytes.length < 8 || view.getUint32(4) !== 2)) return undefined;
  const fanoutAt = isV2 ? 8 : 0;
  if (bytes.length < fanoutAt + FANOUT_BYTES) return undefined;
  const fanout = (index: number): number => (index < 0 ? 0 : view.getUint32(fanoutAt + index * 4));
  const count = fanout(255);
  // v2: names packed back to back; v1: each name after its 4-byte offset.
  const stride = isV2 ? hashLength : hashLength + 4;
  const firstName = fanoutAt + FANOUT_BYTES + (isV2 ? 0 : 4);
  if (bytes.length < firstName + count * stride - (isV2 ? 0 : 4)) return undefined;

  const nameAt = (index: number): string => {
    const start = firstName + index * stride;
    let hex = '';
    for (let offset = start; offset < start + hashLength; offset++)
      hex += (bytes[offset] ?? 0).toString(16).padStart(2, '0');
    return hex;
  };
  /** The first index in the fan-out bucket of `prefix` whose name is not below it. */
  const lowerBound = (prefix: string): { index: number; end: number } => {
    const firstByte = parseInt(prefix.slice(0, 2).padEnd(2, '0'), 16);
    // An odd one-digit prefix ("a") spans buckets a0..af.
    const lastByte = prefix.length >= 2 ? firstByte : firstByte + 15;
    let low = fanout(firstByte - 1);
    let high = fanout(lastByte);
    const end = high;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (nameAt(middle) < prefix) low = middle + 1;
      else high = middle;
    }
    return { index: low, end };
  };

  return {
    count,
    has(name) {
      const wanted = name.toLowerCase();
      if (!/^[0-9a-f]+$/.test(wanted) || wanted.length !== hashLength * 2) return false;
      const { index, end } = lowerBound(wanted);
      return index < end && nameAt(index) === wanted;
    },
    findByPrefix(prefix, limit) {
      const wanted = prefix.toLowerCase();
      if (!/^[0-9a-f]+$/.test(wanted)) return [];
      const names: string[] = [];
      for (let { index, end } = lowerBound(wanted); index < end && names.length < limit; index++) {
        const name = nameAt(index);
        if (!name.startsWith(wanted)) break;
        names.push(name);
      }
      return names;
    },
  };
}
