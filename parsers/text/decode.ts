import { ExtractError } from '../../src/errors.js';

/**
 * Bytes to text: UTF-8 (with or without BOM), UTF-16 with a BOM, else
 * Windows-1252, which is what older Word "Save as text" gives.
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const sample = bytes.subarray(0, 65536);
  if (sample.includes(0)) throw new ExtractError('unsupported-format', 'binary data, not text (NUL bytes found)');
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}
