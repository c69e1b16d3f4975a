// Draws Fleetdeck's icons into public/ from one geometry: a slate tile with three bars, a deck of endpoints
// whose middle one is rolling out. Writes PNGs (browsers, home screens, the web app manifest), favicon.ico
// (a PNG inside an ICO, for clients that ask for /favicon.ico) and the same drawing as SVG. Run it after
// changing the geometry: node scripts/draw-icons.mjs
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const publicDir = join(dirname(dirname(fileURLToPath(import.meta.url))), 'public');

// On a 64-unit square: the tile, and the bars as [x, y, width, height, colour].
const TILE = { radius: 14, colour: [15, 23, 42] };
const BARS = [
  [12, 14, 40, 8, [148, 163, 184]],
  [12, 28, 26, 8, [45, 212, 191]],
  [12, 42, 40, 8, [148, 163, 184]],
];
const BAR_RADIUS = 3;

const insideRoundedRect = (px, py, x, y, w, h, r) => {
  const cx = Math.min(Math.max(px, x + r), x + w - r);
  const cy = Math.min(Math.max(py, y + r), y + h - r);
  return (px - cx) ** 2 + (py - cy) ** 2 <= r * r && px >= x && px <= x + w && py >= y && py <= y + h;
};

/** RGBA pixels of the icon at `size`, each pixel the average of 4×4 samples for smooth edges. */
function draw(size) {
  const pixels = Buffer.alloc(size * size * 4);
  const samples = 4;
  for (let row = 0; row < size; row += 1) {
    for (let column = 0; column < size; column += 1) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy += 1) {
        for (let sx = 0; sx < samples; sx += 1) {
          const px = ((column + (sx + 0.5) / samples) / size) * 64;
          const py = ((row + (sy + 0.5) / samples) / size) * 64;
          if (!insideRoundedRect(px, py, 0, 0, 64, 64, TILE.radius)) continue;
          const bar = BARS.find(([x, y, w, h]) => insideRoundedRect(px, py, x, y, w, h, BAR_RADIUS));
          const colour = bar ? bar[4] : TILE.colour;
          sum[0] += colour[0];
          sum[1] += colour[1];
          sum[2] += colour[2];
          sum[3] += 255;
        }
      }
      const covered = sum[3] / 255;
      const offset = (row * size + column) * 4;
      for (let channel = 0; channel < 3; channel += 1)
        pixels[offset + channel] = covered ? Math.round(sum[channel] / covered) : 0;
      pixels[offset + 3] = Math.round(sum[3] / (samples * samples));
    }
  }
  return pixels;
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buffer) => {
  let c = 0xffffffff;
  for (const byte of buffer) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(size) {
  const pixels = draw(size);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let row = 0; row < size; row += 1)
    pixels.copy(rows, row * (size * 4 + 1) + 1, row * size * 4, (row + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function ico(size) {
  const image = png(size);
  const header = Buffer.alloc(22);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // icon
  header.writeUInt16LE(1, 4); // one image
  header.set([size, size, 0, 0], 6);
  header.writeUInt16LE(1, 10); // colour planes
  header.writeUInt16LE(32, 12); // bits per pixel
  header.writeUInt32LE(image.length, 14);
  header.writeUInt32LE(22, 18);
  return Buffer.concat([header, image]);
}

const svg = [
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">',
  `<rect width="64" height="64" rx="${TILE.radius}" fill="rgb(${TILE.colour.join(' ')})"/>`,
  ...BARS.map(
    ([x, y, w, h, colour]) =>
      `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="${BAR_RADIUS}" fill="rgb(${colour.join(' ')})"/>`,
  ),
  '</svg>',
  '',
].join('\n');

writeFileSync(join(publicDir, 'icon.svg'), svg);
writeFileSync(join(publicDir, 'favicon.ico'), ico(32));
writeFileSync(join(publicDir, 'apple-touch-icon.png'), png(180));
writeFileSync(join(publicDir, 'icon-192.png'), png(192));
writeFileSync(join(publicDir, 'icon-512.png'), png(512));
console.log('[icons] wrote public/icon.svg, favicon.ico, apple-touch-icon.png, icon-192.png, icon-512.png');
