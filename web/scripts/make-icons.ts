/**
 * Writes the PWA's PNG icons (web/public/icon-*.png): the step-line logo of icon.svg drawn pixel
 * by pixel, so no image tool is needed. Run once after changing the logo: `npx tsx web/scripts/make-icons.ts`.
 */
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const BG = [0x0f, 0x14, 0x19];
const LINE = [0x3f, 0xb9, 0x50];
const DOT = [0x58, 0xa6, 0xff];

/** The logo in a 512 unit box: step segments and the end dot (same as icon.svg). */
const SEGMENTS: [number, number, number, number][] = [
  [96, 384, 96, 320],
  [96, 320, 192, 320],
  [192, 320, 192, 240],
  [192, 240, 288, 240],
  [288, 240, 288, 176],
  [288, 176, 416, 176],
];

function distToSegment(px: number, py: number, [x1, y1, x2, y2]: [number, number, number, number]): number {
  const dx = x2 - x1;
  const dy = y2 - y1;
  const t = Math.max(0, Math.min(1, ((px - x1) * dx + (py - y1) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (x1 + t * dx), py - (y1 + t * dy));
}

function pixel(u: number, v: number): number[] {
  if (Math.hypot(u - 416, v - 176) <= 28) return DOT;
  if (SEGMENTS.some((s) => distToSegment(u, v, s) <= 20)) return LINE;
  return BG;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const byte of buf) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** `inset` shrinks the logo toward the centre (maskable icons keep a safe zone). */
function png(size: number, inset: number): Buffer {
  const raw = Buffer.alloc(size * (size * 3 + 1));
  const scale = 512 / size;
  for (let y = 0; y < size; y++) {
    raw[y * (size * 3 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const u = 256 + ((x + 0.5) * scale - 256) / inset;
      const v = 256 + ((y + 0.5) * scale - 256) / inset;
      const [r = 0, g = 0, b = 0] = pixel(u, v);
      const at = y * (size * 3 + 1) + 1 + x * 3;
      raw[at] = r;
      raw[at + 1] = g;
      raw[at + 2] = b;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const out = new URL('../public/', import.meta.url);
writeFileSync(new URL('icon-192.png', out), png(192, 1));
writeFileSync(new URL('icon-512.png', out), png(512, 1));
writeFileSync(new URL('icon-maskable-512.png', out), png(512, 0.8));
