/**
 * Reads the parts of a .docx zip: the central directory (Zip64 included),
 * then only the entries asked for, inflated with fflate in slices while
 * counting the bytes out, so that neither a lying header nor a zip bomb can
 * make it allocate more than the decompression budget.
 */
import { Inflate } from 'fflate';
import { ExtractError } from '../../src/errors.js';

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

export interface Budget {
  /** Decompressed bytes still allowed. */
  remaining: number;
  readonly limit: number;
}

const SLICE = 16 * 1024;

function u16(b: Uint8Array, o: number): number {
  return b[o]! | (b[o + 1]! << 8);
}
function u32(b: Uint8Array, o: number): number {
  return (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16) | (b[o + 3]! << 24)) >>> 0;
}
function u64(b: Uint8Array, o: number): number {
  return u32(b, o) + u32(b, o + 4) * 0x100000000;
}

const decoder = new TextDecoder('utf-8');

/** The central directory, keyed by lower-cased part name (OPC part names are case-insensitive). */
export function readDirectory(bytes: Uint8Array): Map<string, ZipEntry> {
  const corrupt = (why: string) => new ExtractError('corrupt', `not a readable .docx (${why})`);
  // End of central directory: 22 bytes plus a comment of up to 65535.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x05 && bytes[i + 3] === 0x06) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw corrupt('no zip central directory: the file is truncated or not a zip');
  let count = u16(bytes, eocd + 10);
  let cdOffset = u32(bytes, eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) {
    const loc = eocd - 20;
    if (loc >= 0 && u32(bytes, loc) === 0x07064b50) {
      const z64 = u64(bytes, loc + 8);
      if (z64 + 56 > bytes.length || u32(bytes, z64) !== 0x06064b50) throw corrupt('bad Zip64 end of central directory');
      count = u64(bytes, z64 + 32);
      cdOffset = u64(bytes, z64 + 48);
    }
  }
  const entries = new Map<string, ZipEntry>();
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || u32(bytes, p) !== 0x02014b50) throw corrupt('damaged central directory');
    const flags = u16(bytes, p + 8);
    const method = u16(bytes, p + 10);
    let compressedSize = u32(bytes, p + 20);
    let size = u32(bytes, p + 24);
    const nameLen = u16(bytes, p + 28);
    const extraLen = u16(bytes, p + 30);
    const commentLen = u16(bytes, p + 32);
    let localOffset = u32(bytes, p + 42);
    const entryName = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLen));
    // Zip64 extended information: the 64-bit values replace those saturated at 0xFFFFFFFF, in this order.
    let e = p + 46 + nameLen;
    const extraEnd = e + extraLen;
    while (e + 4 <= extraEnd) {
      const id = u16(bytes, e);
      const len = u16(bytes, e + 2);
      if (id === 0x0001) {
        let q = e + 4;
        if (size === 0xffffffff) (size = u64(bytes, q)), (q += 8);
        if (compressedSize === 0xffffffff) (compressedSize = u64(bytes, q)), (q += 8);
        if (localOffset === 0xffffffff) localOffset = u64(bytes, q);
      }
      e += 4 + len;
    }
    entries.set(entryName.replace(/^\/+/, '').replace(/\\/g, '/').toLowerCase(), { name: entryName, method, flags, compressedSize, size, localOffset });
    p = extraEnd + commentLen;
  }
  return entries;
}

/** Inflates one entry, charging the budget as bytes come out. */
export function readEntry(bytes: Uint8Array, entry: ZipEntry, budget: Budget): Uint8Array {
  const corrupt = (why: string) => new ExtractError('corrupt', `not a readable .docx (${entry.name}: ${why})`);
  const tooLarge = () =>
    new ExtractError(
      'too-large',
      `${entry.name} inflates past the ${budget.limit} byte decompression limit (a zip bomb, or a document too large to read)`,
    );
  if (entry.flags & 1) throw new ExtractError('encrypted', `${entry.name} is encrypted inside the zip`);
  if (entry.size > budget.remaining) throw tooLarge();
  const p = entry.localOffset;
  if (p + 30 > bytes.length || u32(bytes, p) !== 0x04034b50) throw corrupt('bad local header');
  const start = p + 30 + u16(bytes, p + 26) + u16(bytes, p + 28);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw corrupt('data runs past the end of the file');
  const data = bytes.subarray(start, end);
  if (entry.method === 0) {
    budget.remaining -= data.length;
    if (budget.remaining < 0) throw tooLarge();
    return data;
  }
  if (entry.method !== 8) throw corrupt(`unsupported compression method ${entry.method}`);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const inflate = new Inflate((chunk) => {
    total += chunk.length;
    budget.remaining -= chunk.length;
    if (budget.remaining < 0) throw tooLarge();
    chunks.push(chunk);
  });
  try {
    if (data.length === 0) inflate.push(data, true);
    for (let i = 0; i < data.length; i += SLICE) inflate.push(data.subarray(i, i + SLICE), i + SLICE >= data.length);
  } catch (error) {
    if (error instanceof ExtractError) throw error;
    throw corrupt(`damaged compressed data: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(total);
  let o = 0;
  for (const c of chunks) out.set(c, o), (o += c.length);
  return out;
}
