/**
 * Hostile input: corpus documents damaged in seeded, repeatable ways, each run
 * through the worker pool (so a hang is cut off by the time limit rather than
 * hanging the test). Every case must give a schema-valid record or a clean
 * ExtractError: a known code other than `timeout`/`internal` and a message.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { glob } from 'tinyglobby';
import { describe, expect, it } from 'vitest';
import { rng } from '../corpus/build/spec.js';
import { DEFAULT_LIMITS } from '../src/document.js';
import type { ErrorCode } from '../src/errors.js';
import { WorkerPool } from '../src/pool.js';
import { RecordSchema } from '../src/schema.js';
import type { ExtractJob, ExtractReply } from '../src/worker.js';

const WORKER = path.resolve('dist/src/worker.js');
const CASES_PER_FORMAT = 100;
const TIMEOUT_MS = 10_000;

/** The codes a document may fail with; `timeout` and `internal` (a hang, a crash, a bug) are failures of this test. */
const CLEAN: readonly ErrorCode[] = ['unsupported-format', 'corrupt', 'encrypted', 'too-large', 'needs-ocr', 'not-self-assessment', 'invalid-record'];

type Random = () => number;
type Mutation = (bytes: Uint8Array, random: Random) => Uint8Array;

const int = (random: Random, n: number) => Math.floor(random() * n);

const GENERIC: Record<string, Mutation> = {
  'bit flips': (bytes, random) => {
    const out = bytes.slice();
    for (let i = 1 + int(random, 32); i > 0; i--) {
      const at = int(random, out.length);
      out[at] = out[at]! ^ (1 << int(random, 8));
    }
    return out;
  },
  truncation: (bytes, random) => bytes.slice(0, int(random, bytes.length)),
  'random byte run': (bytes, random) => {
    const out = bytes.slice();
    const at = int(random, out.length);
    for (let i = at; i < Math.min(out.length, at + 1 + int(random, 1024)); i++) out[i] = int(random, 256);
    return out;
  },
  'inserted byte run': (bytes, random) => {
    const at = int(random, bytes.length);
    const run = Uint8Array.from({ length: 1 + int(random, 4096) }, () => int(random, 256));
    return concat(bytes.subarray(0, at), run, bytes.subarray(at));
  },
  'repeated block': (bytes, random) => {
    const at = int(random, bytes.length);
    const block = bytes.subarray(at, at + 1 + int(random, 256));
    return concat(bytes.subarray(0, at), ...Array.from({ length: 200 }, () => block), bytes.subarray(at));
  },
};

const DOCX: Record<string, Mutation> = {
  'zip entry removed': (bytes, random) => {
    const entries = unzipSync(bytes);
    const names = Object.keys(entries);
    delete entries[names[int(random, names.length)]!];
    return zipSync(entries);
  },
  'zip entry garbled': (bytes, random) => {
    const entries = unzipSync(bytes);
    const names = Object.keys(entries);
    const name = names[int(random, names.length)]!;
    entries[name] = new Uint8Array(GENERIC['random byte run']!(entries[name]!, random));
    return zipSync(entries);
  },
  'document.xml cut short': (bytes, random) => {
    const entries = unzipSync(bytes);
    const xml = entries['word/document.xml'];
    if (xml) entries['word/document.xml'] = xml.slice(0, int(random, xml.length));
    return zipSync(entries);
  },
};

/** document.xml replaced by an entry that inflates past the DOCX decompression limit (made once: it is slow to compress). */
const DOCX_BOMB: Mutation = (bytes) => {
  const huge = new Uint8Array(DEFAULT_LIMITS.maxDecompressedBytes + 1024 * 1024);
  return zipSync({ ...unzipSync(bytes), 'word/document.xml': [huge, { level: 1 }] });
};

const PDF: Record<string, Mutation> = {
  'startxref moved': (bytes, random) => replaceLast(bytes, /startxref\s+(\d+)/g, () => `startxref\n${int(random, bytes.length * 2)}`),
  'xref table garbled': (bytes, random) => {
    const text = latin1(bytes);
    const start = text.lastIndexOf('xref');
    const end = text.indexOf('trailer', start);
    if (start < 0 || end < 0) return GENERIC['bit flips']!(bytes, random);
    const out = bytes.slice();
    for (let i = 0; i < 40; i++) {
      const at = start + int(random, end - start);
      out[at] = '0123456789 fn\n'.charCodeAt(int(random, 14));
    }
    return out;
  },
  'trailer removed': (bytes) => {
    const text = latin1(bytes);
    const at = text.lastIndexOf('trailer');
    return at < 0 ? bytes.slice(0, bytes.length >> 1) : bytes.slice(0, at);
  },
  'object stream cut': (bytes, random) => {
    const text = latin1(bytes);
    const streams = [...text.matchAll(/stream\r?\n/g)].map((m) => m.index! + m[0].length);
    if (!streams.length) return GENERIC.truncation!(bytes, random);
    const at = streams[int(random, streams.length)]!;
    return concat(bytes.subarray(0, at + int(random, 64)), bytes.subarray(at + 64 + int(random, 2048)));
  },
};

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

function replaceLast(bytes: Uint8Array, pattern: RegExp, by: () => string): Uint8Array {
  const text = latin1(bytes);
  const last = [...text.matchAll(pattern)].pop();
  if (!last) return bytes.slice(0, bytes.length - 10);
  return Buffer.from(text.slice(0, last.index) + by() + text.slice(last.index! + last[0].length), 'latin1');
}

interface Case {
  name: string;
  bytes: Uint8Array;
}

async function cases(): Promise<Case[]> {
  const seeds = (await glob('corpus/*/input.*')).sort();
  const byFormat = new Map<string, string[]>();
  for (const s of seeds) {
    const ext = path.extname(s).slice(1);
    const format = ext === 'md' ? 'txt' : ext;
    byFormat.set(format, [...(byFormat.get(format) ?? []), s]);
  }
  const random = rng(20240611);
  const out: Case[] = [];
  for (const [format, files] of [...byFormat].sort()) {
    const mutations = { ...GENERIC, ...(format === 'docx' ? DOCX : {}), ...(format === 'pdf' ? PDF : {}) };
    const names = Object.keys(mutations).sort();
    for (let i = 0; i < CASES_PER_FORMAT; i++) {
      const seed = files[i % files.length]!;
      const mutation = names[int(random, names.length)]!;
      out.push({ name: `${seed} / ${mutation} #${i}`, bytes: mutations[mutation]!(new Uint8Array(readFileSync(seed)), random) });
    }
    if (format === 'docx') out.push({ name: `${files[0]} / zip bomb`, bytes: DOCX_BOMB(new Uint8Array(readFileSync(files[0]!)), random) });
  }
  return out;
}

/** A failing case's bytes, saved so the parser's owner can reproduce it outside the test. */
function keep(name: string, bytes: Uint8Array): string {
  const dir = path.resolve('.fuzz-failures');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name.replace(/[^\w.#-]+/g, '_')}${path.extname(name.split(' / ')[0]!)}`);
  writeFileSync(file, bytes);
  return file;
}

describe('hostile input', () => {
  it('gives a valid record or a clean error for every damaged document, without a hang or a crash', { timeout: 180_000 }, async () => {
    if (!existsSync(WORKER)) throw new Error('dist/ is missing: build first (npx tsc -p .), as npm test does');
    const all = await cases();
    expect(all.length).toBeGreaterThanOrEqual(200);
    const pool = new WorkerPool<ExtractJob, ExtractReply>({
      size: availableParallelism(),
      workerUrl: WORKER,
      timeoutMs: TIMEOUT_MS,
      graceMs: 1000,
      maxMemoryMb: 512,
    });
    const problems: string[] = [];
    try {
      await Promise.all(
        all.map(async ({ name, bytes }) => {
          const buffer = bytes.slice().buffer;
          const ext = path.extname(name.split(' / ')[0]!);
          let reply: ExtractReply;
          try {
            reply = await pool.run({ path: `fuzz${ext}`, bytes: buffer, limits: { timeoutMs: TIMEOUT_MS } }, [buffer]);
          } catch (error) {
            const e = error as { code: string; message: string };
            reply = { ok: false, code: e.code as ErrorCode, message: e.message };
          }
          let problem: string | null = null;
          if (reply.ok) {
            const checked = RecordSchema.safeParse(reply.record);
            if (!checked.success) problem = `record fails the schema: ${checked.error.issues[0]?.message}`;
          } else if (!CLEAN.includes(reply.code) || !reply.message.trim()) {
            problem = `${reply.code}: ${reply.message}`;
          }
          if (problem) problems.push(`${name}: ${problem} (input kept as ${keep(name, bytes)})`);
        }),
      );
    } finally {
      await pool.close();
    }
    expect(problems).toEqual([]);
  });

  it('reads lines holding very long runs of white space without a hang', { timeout: 60_000 }, async () => {
    const base = readFileSync('corpus/text-glyph-inline/input.txt', 'utf8');
    const wide = (n: number, c = ' ') => c.repeat(n);
    // Each a line added after the first principle's heading, where an answer may stand, shaped to meet one reader's pattern.
    const lines = {
      'a letter column': `a${wide(200_000, '\u2003')}z`,
      'a bracketed mark': `See [${wide(200_000)}x`,
      'options set apart': `x${wide(200_000)}a  ☒ Yes ☐ No`,
      'labels after a question': `Is it reviewed?${wide(200_000, '\u2003')} ref  Yes No`,
      'a question mark': `Why?${wide(200_000, '\u2003')}x`,
    };
    const texts: Record<string, string> = Object.fromEntries(Object.entries(lines).map(([name, line]) => [name, base.replace(/^(Principle 1\n)/m, `$1${line}\n`)]));
    // A run of labels after a question's own words.
    texts['labels repeated after a question'] = base.replace(/^(21\. [^\n]*\?)  ☐ Yes  ☒ No$/m, `$1  ${'no '.repeat(60_000)}x`);
    const pool = new WorkerPool<ExtractJob, ExtractReply>({ size: availableParallelism(), workerUrl: WORKER, timeoutMs: TIMEOUT_MS * 2, maxMemoryMb: 512 });
    try {
      const replies = await Promise.all(
        Object.entries(texts).map(async ([name, text]) => {
          expect(text, name).not.toBe(base);
          const buffer = new TextEncoder().encode(text).buffer as ArrayBuffer;
          const reply = await pool.run({ path: 'wide.txt', bytes: buffer, limits: { timeoutMs: TIMEOUT_MS } }, [buffer]).catch((e: { code: string }) => ({ ok: false, code: e.code }));
          return [name, reply.ok ? 'read' : (reply as { code: string }).code] as const;
        }),
      );
      expect(Object.fromEntries(replies)).toEqual(Object.fromEntries(Object.keys(texts).map((name) => [name, 'read'])));
    } finally {
      await pool.close();
    }
  });
});
