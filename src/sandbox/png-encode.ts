/**
 * Writes a raster as a one-bit grey-scale PNG (what thermal label printers take) with
 * node:zlib, so the sandbox needs no image library at run time.
 */
import { crc32, deflateSync } from 'node:zlib';
import type { Raster } from './label-raster';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** PNG bytes of `raster`, each pixel black when darker than mid-grey. */
export function encodePng(raster: Raster): Uint8Array {
  const { width, height, pixels } = raster;
  const rowBytes = Math.ceil(width / 8);
  const data = Buffer.alloc((rowBytes + 1) * height);

  for (let y = 0; y < height; y++) {
    const row = y * (rowBytes + 1);
    // Filter byte 0 ("none") then the packed bits; bit set = white in grey-scale PNG.
    for (let x = 0; x < width; x++) {
      if (pixels[y * width + x]! >= 128) data[row + 1 + (x >> 3)]! |= 0x80 >> (x & 7);
    }
  }

  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([1, 0, 0, 0, 0], 8); // bit depth 1, grey-scale, deflate, no filter, no interlace
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(data)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, body: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(body.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), body])), 0);
  return Buffer.concat([head, body, crc]);
}
