// Draws the app icons (a blue rounded square with a white "R") with Node's built-in
// modules only, so the icons can be regenerated anywhere: node scripts/make-icons.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const outDir = new URL('../public/', import.meta.url);
const accent = [0x1d, 0x4e, 0xd8];
const white = [0xff, 0xff, 0xff];

// The letter lives in a 100 × 100 box: a stem, two bars joined by a half ring (the
// bowl), and a diagonal leg. Stroke width 12.
const stroke = 12;
const bowl = { cx: 52, cy: 37, outer: 17, inner: 5 };
const leg = { x1: 47, y1: 49, x2: 66, y2: 80, halfWidth: 6.5 };

function insideLetter(x, y) {
  if (y < 20 || y > 80) return false;
  if (x >= 30 && x <= 30 + stroke) return true;
  const inTopBar = y <= 20 + stroke;
  const inMiddleBar = y >= 54 - stroke && y <= 54;
  if ((inTopBar || inMiddleBar) && x >= 30 && x <= bowl.cx) return true;
  const distance = Math.hypot(x - bowl.cx, y - bowl.cy);
  if (x >= bowl.cx && distance <= bowl.outer && distance >= bowl.inner) return true;
  return distanceToLeg(x, y) <= leg.halfWidth && y >= leg.y1;
}

function distanceToLeg(x, y) {
  const dx = leg.x2 - leg.x1;
  const dy = leg.y2 - leg.y1;
  const t = Math.max(0, Math.min(1, ((x - leg.x1) * dx + (y - leg.y1) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (leg.x1 + t * dx), y - (leg.y1 + t * dy));
}

function insideRoundedSquare(x, y, radius) {
  const nearestX = Math.max(radius, Math.min(100 - radius, x));
  const nearestY = Math.max(radius, Math.min(100 - radius, y));
  return Math.hypot(x - nearestX, y - nearestY) <= radius;
}

/**
 * Renders one icon with 4 × 4 supersampling. `cornerRadius` 0 fills the whole square
 * (maskable and Apple icons, which the platform crops); `letterScale` shrinks the
 * letter towards the centre to keep it inside a maskable icon's safe zone.
 */
function renderIcon(size, { cornerRadius, letterScale }) {
  const samples = 4;
  const pixels = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let background = 0;
      let letter = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = ((px + (sx + 0.5) / samples) / size) * 100;
          const y = ((py + (sy + 0.5) / samples) / size) * 100;
          if (cornerRadius > 0 && !insideRoundedSquare(x, y, cornerRadius)) continue;
          background++;
          if (insideLetter(50 + (x - 50) / letterScale, 50 + (y - 50) / letterScale)) letter++;
        }
      }
      const total = samples * samples;
      const letterShare = background === 0 ? 0 : letter / background;
      const offset = (py * size + px) * 4;
      for (let channel = 0; channel < 3; channel++) {
        pixels[offset + channel] = Math.round(accent[channel] * (1 - letterShare) + white[channel] * letterShare);
      }
      pixels[offset + 3] = Math.round((background / total) * 255);
    }
  }
  return encodePng(size, size, pixels);
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = crcTable[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function pngChunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/** 8-bit RGBA PNG; every scanline uses filter 0 (none). */
function encodePng(width, height, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  header[9] = 6;
  const rowLength = width * 4;
  const raw = Buffer.alloc((rowLength + 1) * height);
  for (let row = 0; row < height; row++) {
    rgba.copy(raw, row * (rowLength + 1) + 1, row * rowLength, (row + 1) * rowLength);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(raw, { level: 9 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The same drawing as vector art, for the favicon. */
function faviconSvg() {
  const hex = (rgb) => `#${rgb.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
  const letterPath = [
    `M30 20h${bowl.cx - 30}a${bowl.outer} ${bowl.outer} 0 0 1 0 ${2 * bowl.outer}H${30 + stroke}v${80 - 54}H30z`,
    `M${30 + stroke} ${20 + stroke}h${bowl.cx - 30 - stroke}a${bowl.inner} ${bowl.inner} 0 0 1 0 ${2 * bowl.inner}H${30 + stroke}z`,
  ].join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">
  <rect width="100" height="100" rx="22" fill="${hex(accent)}"/>
  <path fill="${hex(white)}" fill-rule="evenodd" d="${letterPath}"/>
  <line x1="${leg.x1}" y1="${leg.y1}" x2="${leg.x2}" y2="${leg.y2 - leg.halfWidth / 2}" stroke="${hex(white)}" stroke-width="${2 * leg.halfWidth}"/>
</svg>
`;
}

const icons = [
  ['icons/icon-192.png', 192, { cornerRadius: 22, letterScale: 1 }],
  ['icons/icon-512.png', 512, { cornerRadius: 22, letterScale: 1 }],
  ['icons/icon-maskable-512.png', 512, { cornerRadius: 0, letterScale: 0.72 }],
  ['icons/apple-touch-icon-180.png', 180, { cornerRadius: 0, letterScale: 0.85 }],
];
for (const [file, size, options] of icons) writeFileSync(new URL(file, outDir), renderIcon(size, options));
writeFileSync(new URL('favicon.svg', outDir), faviconSvg());
