// Draws the toolbar icons (a milk drop over a dotted underline) as PNGs, so the repository needs no image tool.
// Run once with `node scripts/draw-icons.mjs`; the PNGs in public/icon/ are committed.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};

function drawIcon(size) {
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = [0];
    for (let x = 0; x < size; x++) {
      const u = (x + 0.5) / size;
      const v = (y + 0.5) / size;
      // Drop: a circle at the bottom joined to a point at the top.
      const cx = 0.5,
        cy = 0.52,
        r = 0.28;
      const inCircle = (u - cx) ** 2 + (v - cy) ** 2 <= r * r;
      const inTip = v >= 0.08 && v <= cy && Math.abs(u - cx) <= ((v - 0.08) / (cy - 0.08)) * r;
      const inUnderline = v >= 0.88 && v <= 0.96 && Math.floor(u * 5) % 2 === 0;
      const background = [0x2e, 0x7d, 0x6b, 255];
      const drop = [255, 255, 255, 255];
      const line = [0xf4, 0xc4, 0x30, 255];
      const roundedCorner =
        Math.min(u, 1 - u) < 0.12 &&
        Math.min(v, 1 - v) < 0.12 &&
        (Math.min(u, 1 - u) - 0.12) ** 2 + (Math.min(v, 1 - v) - 0.12) ** 2 > 0.0144;
      row.push(...(roundedCorner ? [0, 0, 0, 0] : inUnderline ? line : inCircle || inTip ? drop : background));
    }
    rows.push(Buffer.from(row));
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

for (const size of [16, 32, 48, 96, 128]) writeFileSync(`public/icon/${size}.png`, drawIcon(size));
