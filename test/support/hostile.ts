/**
 * A "billion laughs" YAML document: each anchor lists the previous one nine times, so `levels`
 * levels expand to 9^levels scalars. Parsers must refuse it quickly instead of expanding it.
 */
export function aliasBomb(levels: number): string {
  const names = 'abcdefghijklmnopqrstuvwxyz';
  const lines = [`a: &a [${Array(9).fill('"x"').join(',')}]`];
  for (let level = 1; level < levels; level++) {
    const name = names[level] ?? `l${level}`;
    const previous = names[level - 1] ?? `l${level - 1}`;
    lines.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`);
  }
  return lines.join('\n') + '\n';
}
