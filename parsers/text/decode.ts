import { ExtractError } from '../../src/errors.js';

/**
 * Bytes to text: UTF-8 (with or without BOM), UTF-16 with a BOM, else
 * Windows-1252, which is what older Word "Save as text" gives. Control
 * characters other than line breaks, tabs and form feeds, which nobody reading
 * the text sees, go: LibreOffice's HTML export leaves a U+0001 after each
 * checkbox content control ("☒\u0001  Yes"), which a converter to Markdown
 * keeps. The word before them moves right to fill their place, so that every
 * offset past it still points into the file, and the gaps between words stay
 * as the reader saw them ("  ☒  Yes", not "☒   Yes").
 */
export function decodeText(bytes: Uint8Array): string {
  const text = undecoded(bytes);
  let out = '';
  let done = 0;
  for (const m of text.matchAll(CONTROLS)) {
    let word = m.index;
    while (word > done && !/\s/.test(text[word - 1]!)) word--;
    out += text.slice(done, word) + ' '.repeat(m[0].length) + text.slice(word, m.index);
    done = m.index + m[0].length;
  }
  return done === 0 ? text : out + text.slice(done);
}

const CONTROLS = /[\x00-\x08\x0b\x0e-\x1f\x7f]+/g;

function undecoded(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const sample = bytes.subarray(0, 65536);
  if (sample.includes(0)) throw new ExtractError('unsupported-format', 'binary data, not text (NUL bytes found)');
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return decodeWindows1252(bytes);
  }
}

/** Windows-1252's 0x80-0x9F (curly quotes, dashes, €); Node's decoder maps these as Latin-1 control codes. */
const CP1252_HIGH =
  '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    out += String.fromCharCode(...chunk).replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
  }
  return out;
}
