// Draws images/icon.png (128x128): a card with a folded corner, text lines and a check mark.
// Kept as code so the icon can be changed and regenerated without an image editor.
import { writeFileSync } from 'node:fs';
import { crc32, deflateSync } from 'node:zlib';

const SIZE = 128;
const pixels = Buffer.alloc(SIZE * SIZE * 4);

function blend(x, y, [r, g, b], alpha) {
  if (x < 0 || y < 0 || x >= SIZE || y >= SIZE || alpha <= 0) return;
  const i = (y * SIZE + x) * 4;
  const a = Math.min(1, alpha);
  const base = pixels[i + 3] / 255;
  const out = a + base * (1 - a);
  for (const [k, c] of [r, g, b].entries())
    pixels[i + k] = Math.round((c * a + pixels[i + k] * base * (1 - a)) / (out || 1));
  pixels[i + 3] = Math.round(out * 255);
}

/** Fills where `inside(x, y)` holds, with 4x4 supersampling for smooth edges. */
function fill(inside, color) {
  for (let y = 0; y < SIZE; y++)
    for (let x = 0; x < SIZE; x++) {
      let hits = 0;
      for (let sy = 0; sy < 4; sy++)
        for (let sx = 0; sx < 4; sx++) if (inside(x + (sx + 0.5) / 4, y + (sy + 0.5) / 4)) hits++;
      blend(x, y, color, hits / 16);
    }
}

const roundedRect = (x0, y0, x1, y1, r) => (x, y) => {
  const cx = Math.max(x0 + r, Math.min(x, x1 - r));
  const cy = Math.max(y0 + r, Math.min(y, y1 - r));
  return x >= x0 && x <= x1 && y >= y0 && y <= y1 && (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};
const segment = (ax, ay, bx, by, width) => (x, y) => {
  const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return (x - ax - t * (bx - ax)) ** 2 + (y - ay - t * (by - ay)) ** 2 <= (width / 2) ** 2;
};

fill(roundedRect(4, 4, 124, 124, 24), [36, 52, 94]); // background
fill((x, y) => roundedRect(28, 18, 100, 110, 8)(x, y) && !(x > 80 && y < 38 && x - 80 > y - 18), [245, 241, 230]); // card
fill((x, y) => x >= 80 && y <= 38 && x - 80 <= y - 18 && x <= 100 && y >= 18, [205, 196, 176]); // folded corner
for (const [y, length] of [
  [44, 44],
  [56, 52],
  [68, 36],
])
  fill(roundedRect(38, y, 38 + length, y + 5, 2.5), [150, 160, 180]);
fill(segment(52, 90, 64, 100, 9), [46, 160, 90]); // check mark
fill(segment(64, 100, 90, 74, 9), [46, 160, 90]);

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}
const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
const rows = Buffer.concat(
  Array.from({ length: SIZE }, (_, y) =>
    Buffer.concat([Buffer.from([0]), pixels.subarray(y * SIZE * 4, (y + 1) * SIZE * 4)]),
  ),
);
const png = Buffer.concat([
  Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(rows)),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(new URL('../images/icon.png', import.meta.url), png);
