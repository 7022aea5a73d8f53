// @ts-check
/**
 * A small PNG encoder (https://www.w3.org/TR/png-3/): 8-bit RGB or RGBA, every row filter 0, the
 * image data deflated with node:zlib, each chunk with its CRC-32. Enough for the mock's generated
 * images to be real files a browser decodes.
 */
import { deflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n += 1) {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** @param {Buffer} bytes */
export function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/**
 * @param {string} type
 * @param {Buffer} data
 */
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * Encodes an image whose pixel (x, y) is `pixel(x, y)`: [r, g, b] or [r, g, b, a] (0..255).
 * @param {number} width
 * @param {number} height
 * @param {(x: number, y: number) => number[]} pixel
 * @param {boolean} [alpha] RGBA (colour type 6) instead of RGB (2)
 */
export function encodePng(width, height, pixel, alpha = false) {
  const channels = alpha ? 4 : 3;
  const raw = Buffer.alloc(height * (1 + width * channels));
  for (let y = 0; y < height; y += 1) {
    const row = y * (1 + width * channels);
    raw[row] = 0; // filter: none
    for (let x = 0; x < width; x += 1) {
      const value = pixel(x, y);
      for (let c = 0; c < channels; c += 1) raw[row + 1 + x * channels + c] = value[c] ?? 255;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = alpha ? 6 : 2; // colour type
  // compression, filter and interlace methods are all 0
  return Buffer.concat([SIGNATURE, chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

/**
 * The size of a PNG from its IHDR, or null when the bytes are not one.
 * @param {Buffer} png
 */
export function pngSize(png) {
  if (png.length < 24 || !png.subarray(0, 8).equals(SIGNATURE) || png.subarray(12, 16).toString('ascii') !== 'IHDR') return null;
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}
