/**
 * A small reader for a few raw entries of PDF objects that pdf.js does not
 * hand out: a checkbox's value (/V) separately from its appearance state
 * (/AS). pdf.js reports a checkbox's /AS as its value, so a box whose
 * appearance and value disagree cannot be told from its API alone. Also how
 * large a page's content is, before pdf.js is asked to build all of it, and
 * whether it prints text invisible.
 *
 * Finds `N G obj` in the file (the last one wins, as with incremental
 * updates), or the object inside a Flate-compressed object stream. Encrypted
 * object streams are not read (names in plain objects are never encrypted).
 */
import { inflateSync } from 'node:zlib';

export interface RawEntries {
  /** Top-level entries as raw tokens: names as "/Yes", references as "12 0 R". */
  [key: string]: string;
}

interface Located {
  offset: number;
  body: string;
}

const MAX_INFLATE = 16 * 1024 * 1024;

/**
 * `3 Tr` or `7 Tr`, however the number is written ("3.0", "+3", "03") and
 * whatever white space or comment stands before the operator: text from here
 * on paints nothing itself.
 */
const INVISIBLE_RENDER_MODE = /(?<![\w.+-])\+?0*[37](?:\.0*)?(?:[\s\0]|%[^\r\n]*)+Tr(?![\w])/;
/** A component near white: 0.85 to 1. */
const HIGH = String.raw`(?:0?\.(?:8[5-9]|9)\d*|1(?:\.0*)?)`;
/** A CMYK component near none: 0 to 0.15. */
const LOW = String.raw`(?:0?\.(?:0\d*|1[0-5]?\d*)|0)`;
/**
 * A fill colour near white set, in grey, RGB, CMYK or a colour space's one or three components: what could paint
 * over text, or print text nobody sees on a white page.
 */
const LIGHT_FILL = new RegExp(String.raw`(?<![\w.+-])(?:${HIGH}\s+(?:g|sc|scn)|${HIGH}\s+${HIGH}\s+${HIGH}\s+(?:rg|sc|scn)|${LOW}\s+${LOW}\s+${LOW}\s+${LOW}\s+k)(?![\w])`);
/** Past this, a page is too large for its drawing to be read at all, so what its text shows is not asked. */
const MAX_SEARCHED_BYTES = 4 * 1024 * 1024;

export interface PageContent {
  /** How many bytes the content decodes to, Infinity past the cap; null where some stream cannot be read here (encrypted, or a filter other than Flate and ASCIIHex). */
  bytes: number | null;
  /** Whether it sets a render mode that paints no text itself (3 or 7); null where it cannot be read. */
  invisibleText: boolean | null;
  /** Whether it sets a fill colour near white (see LIGHT_FILL); null where it cannot be read. */
  lightFill: boolean | null;
}

export class RawObjects {
  private text: string | null = null;
  private streams: Map<number, Located> | null = null;
  private plain: Map<number, { offset: number; body: number }> | null = null;
  private encryptedFile: boolean | null = null;
  private readonly cache = new Map<number, RawEntries | null>();
  /** Objects defined more than once, and whether some object stream could not be read here. */
  private readonly repeated = new Set<number>();
  private unreadStreams = false;

  constructor(private readonly bytes: Uint8Array) {}

  private source(): string {
    this.text ??= Buffer.from(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength).toString('latin1');
    return this.text;
  }

  /** Whether the file is encrypted: its streams then cannot be read here. */
  private encrypted(): boolean {
    this.encryptedFile ??= /\/Encrypt\s/.test(this.source());
    return this.encryptedFile;
  }

  /** Whether any font in the file, in plain objects or object streams, is ZapfDingbats. */
  usesDingbats(): boolean {
    // Under its own name, or a clone's: URW's D050000L, which Ghostscript and cairo embed in its place.
    const re = /\/BaseFont\s*\/(?:[A-Z]{6}\+)?(?:ZapfDingbats|ITCZapfDingbats|Dingbats|D050000L)\b/;
    if (re.test(this.source())) return true;
    for (const located of this.objectStreams().values()) if (re.test(located.body)) return true;
    return false;
  }

  /** The top-level entries of object `num`'s dictionary, or null when it cannot be found or read. */
  entries(num: number): RawEntries | null {
    if (this.cache.has(num)) return this.cache.get(num)!;
    let result: RawEntries | null = null;
    try {
      const found = this.locate(num);
      if (found) result = topLevel(found.body);
    } catch {
      result = null;
    }
    this.cache.set(num, result);
    return result;
  }

  /** An entry, following /Parent for inheritable field entries such as /V. */
  inherited(num: number, key: string): string | undefined {
    const from = this.holder(num, key);
    return from === undefined ? undefined : this.entries(from)![key];
  }

  /** The object, `num` or one up its /Parent chain, whose own entry `key` is the one `num` inherits. */
  holder(num: number, key: string, depth = 0): number | undefined {
    const e = this.entries(num);
    if (!e) return undefined;
    if (e[key] !== undefined) return num;
    const parent = /^(\d+)\s+\d+\s+R$/.exec(e.Parent ?? '');
    if (parent && depth < 8) return this.holder(Number(parent[1]), key, depth + 1);
    return undefined;
  }

  /**
   * What the content of page object `num` holds: its content streams and the
   * form XObjects its resources name, forms inside forms too. Decoded sizes
   * are counted up to `cap`.
   */
  pageContent(num: number, cap: number): PageContent {
    // A page object not found here (in an encrypted object stream, say) has content that cannot be read, not none.
    if (this.entries(num) === null) return { bytes: null, invisibleText: null, lightFill: null };
    let bytes = 0;
    const texts: string[] = [];
    for (const stream of this.contentStreams(num)) {
      const data = this.streamData(stream, cap - bytes);
      if (data === null) return { bytes: null, invisibleText: null, lightFill: null };
      if (typeof data === 'number') return { bytes: Infinity, invisibleText: null, lightFill: null };
      bytes += data.length;
      if (bytes <= MAX_SEARCHED_BYTES) texts.push(Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('latin1'));
    }
    // The streams are read as one, as an operand may end one and its operator start the next.
    if (bytes > MAX_SEARCHED_BYTES) return { bytes, invisibleText: null, lightFill: null };
    const content = texts.join('\n');
    return { bytes, invisibleText: INVISIBLE_RENDER_MODE.test(content), lightFill: LIGHT_FILL.test(content) };
  }

  /** A page's content streams (an array of them may be an object of its own) and its form XObjects, forms inside forms too. */
  private contentStreams(page: number): Set<number> {
    const refs = (value: string | undefined) => [...(value ?? '').matchAll(/(\d+)\s+\d+\s+R/g)].map((m) => Number(m[1]));
    const streams = new Set<number>();
    for (const ref of refs(this.entries(page)?.Contents)) {
      const body = this.locate(ref)?.body.trim() ?? '';
      for (const stream of body.startsWith('[') ? refs(body) : [ref]) streams.add(stream);
    }
    const formsOf = (resources: string | undefined, depth: number) => {
      const xobjects = resources === undefined ? undefined : this.dictionary(resources)?.XObject;
      const named = xobjects === undefined ? [] : refs(Object.values(this.dictionary(xobjects) ?? {}).join(' '));
      for (const ref of named) {
        if (streams.has(ref) || this.entries(ref)?.Subtype !== '/Form') continue;
        streams.add(ref);
        if (depth < 8) formsOf(this.entries(ref)?.Resources, depth + 1);
      }
    };
    formsOf(this.inherited(page, 'Resources'), 0);
    return streams;
  }

  /** A dictionary given inline ("<< … >>") or by reference. */
  dictionary(value: string): RawEntries | null {
    const ref = /^(\d+)\s+\d+\s+R$/.exec(value.trim());
    return ref ? this.entries(Number(ref[1])) : topLevel(value);
  }

  /** Stream object `num` decoded, up to `cap` bytes (more gives Infinity); null where it cannot be read here. */
  private streamData(num: number, cap: number): Uint8Array | number | null {
    const at = this.plainObjects().get(num);
    if (!at || this.encrypted()) return null;
    const src = this.source();
    const keyword = src.indexOf('stream', at.body);
    const dict = this.entries(num);
    if (!dict || keyword < 0) return null;
    const lengthRef = /^(\d+)\s+\d+\s+R$/.exec(dict.Length ?? '');
    const length = Number(lengthRef ? this.locate(Number(lengthRef[1]))?.body.trim() : dict.Length);
    if (!Number.isInteger(length) || length < 0) return null;
    let start = keyword + 'stream'.length;
    if (src[start] === '\r') start++;
    if (src[start] === '\n') start++;
    let data: Uint8Array = this.bytes.subarray(start, start + length);
    // A predictor interleaves its own bytes with the content's.
    if (/\/Predictor\s+(?:[2-9]|1\d)/.test(dict.DecodeParms ?? '')) return null;
    for (const filter of (dict.Filter ?? '').match(/\/\w+/g) ?? []) {
      if (filter === '/ASCIIHexDecode') data = Buffer.from(Buffer.from(data).toString('latin1').replace(/[^0-9a-f]/gi, ''), 'hex');
      else if (filter !== '/FlateDecode') return null;
      else
        try {
          data = inflateSync(data, { maxOutputLength: cap + 1 });
        } catch (error) {
          return (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' ? Infinity : null;
        }
    }
    return data.length > cap ? Infinity : data;
  }

  private locate(num: number): Located | null {
    const src = this.source();
    const at = this.plainObjects().get(num);
    let plain: Located | null = null;
    if (at) {
      const end = src.indexOf('endobj', at.body);
      plain = { offset: at.offset, body: src.slice(at.body, end < 0 ? Math.min(src.length, at.body + 65536) : end) };
    }
    const packed = this.objectStreams().get(num) ?? null;
    if (plain && packed) return plain.offset > packed.offset ? plain : packed;
    return plain ?? packed;
  }

  /** Where each `N G obj` in the file starts, and where its body does; the last one wins. One pass over the file. */
  private plainObjects(): Map<number, { offset: number; body: number }> {
    if (this.plain) return this.plain;
    this.plain = new Map();
    for (const m of this.source().matchAll(/(?<![0-9])(\d+)\s+\d+\s+obj\b/g)) {
      const num = Number(m[1]);
      if (this.plain.has(num)) this.repeated.add(num);
      this.plain.set(num, { offset: m.index, body: m.index + m[0].length });
    }
    return this.plain;
  }

  /**
   * Whether object `num` read here is surely the one pdf.js reads: defined once in the file, and no object stream
   * left unread. The last definition wins here, which is right for an update appended to a file but not for a copy
   * of another PDF kept uncompressed inside it (an attachment), whose objects may share its numbers.
   */
  isSure(num: number): boolean {
    this.plainObjects();
    this.objectStreams();
    return !this.repeated.has(num) && !this.unreadStreams && !(this.plain!.has(num) && this.streams!.has(num));
  }

  private objectStreams(): Map<number, Located> {
    if (this.streams) return this.streams;
    this.streams = new Map();
    const src = this.source();
    if (this.encrypted()) {
      this.unreadStreams = /\/Type\s*\/ObjStm\b/.test(src);
      return this.streams;
    }
    for (const m of src.matchAll(/\/Type\s*\/ObjStm\b/g)) {
      const objStart = src.lastIndexOf(' obj', m.index!);
      const dictStart = src.lastIndexOf('<<', m.index!);
      if (objStart < 0 || dictStart < objStart) continue;
      const streamKw = src.indexOf('stream', m.index!);
      if (streamKw < 0) continue;
      const dict = src.slice(dictStart, streamKw);
      if (!/\/FlateDecode/.test(dict) || /\/DecodeParms/.test(dict)) {
        this.unreadStreams = true;
        continue;
      }
      const n = Number(/\/N\s+(\d+)/.exec(dict)?.[1]);
      const first = Number(/\/First\s+(\d+)/.exec(dict)?.[1]);
      const length = Number(/\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(dict)?.[1]);
      let dataStart = streamKw + 'stream'.length;
      if (src[dataStart] === '\r') dataStart++;
      if (src[dataStart] === '\n') dataStart++;
      const dataEnd = Number.isFinite(length) && length > 0 ? dataStart + length : src.indexOf('endstream', dataStart);
      let data: string | null = null;
      if (Number.isFinite(n) && Number.isFinite(first) && dataEnd > dataStart)
        try {
          data = inflateSync(this.bytes.subarray(dataStart, dataEnd), { maxOutputLength: MAX_INFLATE }).toString('latin1');
        } catch {
          data = null;
        }
      if (data === null) {
        this.unreadStreams = true;
        continue;
      }
      const header = data.slice(0, first).trim().split(/\s+/).map(Number);
      for (let i = 0; i + 1 < header.length && i / 2 < n; i += 2) {
        const objNum = header[i]!;
        const from = first + header[i + 1]!;
        const to = i + 3 < header.length ? first + header[i + 3]! : data.length;
        if (this.streams.has(objNum)) this.repeated.add(objNum);
        this.streams.set(objNum, { offset: m.index!, body: data.slice(from, to) });
      }
    }
    return this.streams;
  }
}

/** Top-level `/Key value` pairs of the first dictionary in `body`. */
export function topLevel(body: string): RawEntries {
  const out: RawEntries = {};
  let i = body.indexOf('<<');
  if (i < 0) return out;
  i += 2;
  let depth = 1;
  let key: string | null = null;
  let valueStart = -1;
  const finish = (end: number) => {
    if (key !== null && valueStart >= 0) out[key] = body.slice(valueStart, end).trim();
    key = null;
    valueStart = -1;
  };
  while (i < body.length && depth > 0) {
    const c = body[i]!;
    if (c === '%') {
      while (i < body.length && body[i] !== '\n' && body[i] !== '\r') i++;
      continue;
    }
    if (c === '(') {
      if (depth === 1 && key !== null && valueStart < 0) valueStart = i;
      let nest = 0;
      for (; i < body.length; i++) {
        const d = body[i];
        if (d === '\\') i++;
        else if (d === '(') nest++;
        else if (d === ')' && --nest === 0) break;
      }
      i++;
      continue;
    }
    if (c === '<' && body[i + 1] === '<') {
      if (depth === 1 && key !== null && valueStart < 0) valueStart = i;
      depth++;
      i += 2;
      continue;
    }
    if (c === '>' && body[i + 1] === '>') {
      depth--;
      if (depth === 0) {
        finish(i);
        break;
      }
      i += 2;
      continue;
    }
    if (c === '[' || c === '<') {
      if (depth === 1 && key !== null && valueStart < 0) valueStart = i;
      const close = c === '[' ? ']' : '>';
      let nest = 0;
      for (; i < body.length; i++) {
        if (body[i] === c) nest++;
        else if (body[i] === close && --nest === 0) break;
      }
      i++;
      continue;
    }
    if (c === '/' && depth === 1) {
      let j = i + 1;
      while (j < body.length && !/[\s/<>[\]()%]/.test(body[j]!)) j++;
      const name = body.slice(i + 1, j);
      if (key === null) {
        key = name;
        valueStart = -1;
      } else if (valueStart < 0) {
        out[key] = '/' + name;
        key = null;
      } else {
        finish(i);
        key = name;
      }
      i = j;
      continue;
    }
    if (depth === 1 && key !== null && valueStart < 0 && !/\s/.test(c)) valueStart = i;
    i++;
  }
  return out;
}
