/** One document, from bytes to a validated record. */
import { createHash } from 'node:crypto';
import { detectFormat } from './detect.js';
import type { Format, Limits, NormalisedDocument, Parse, ParseOptions } from './document.js';
import { DEFAULT_LIMITS } from './document.js';
import { ExtractError } from './errors.js';
import { match } from './matcher/index.js';
import { RecordSchema, SCHEMA_VERSION, type ExtractRecord } from './schema.js';

/** Parsers load on first use, so a batch of text files never pays for pdf.js. */
const PARSERS: Record<Format, () => Promise<{ parse: Parse }>> = {
  pdf: () => import('../parsers/pdf/index.js'),
  docx: () => import('../parsers/docx/index.js'),
  text: () => import('../parsers/text/index.js'),
  markdown: () => import('../parsers/markdown/index.js'),
};

export interface ExtractOptions {
  /** The path as given; recorded in the record, never opened here. */
  path: string;
  password?: string;
  limits?: Partial<Limits>;
  signal?: AbortSignal;
}

export async function parseDocument(bytes: Uint8Array, options: ExtractOptions): Promise<NormalisedDocument> {
  const limits: Limits = { ...DEFAULT_LIMITS, ...options.limits };
  if (bytes.byteLength === 0) throw new ExtractError('corrupt', 'empty file');
  if (bytes.byteLength > limits.maxInputBytes) {
    throw new ExtractError('too-large', `${bytes.byteLength} bytes exceeds the ${limits.maxInputBytes}-byte input limit (--max-bytes)`);
  }
  const format = detectFormat(bytes, options.path);
  const { parse } = await PARSERS[format]();
  const parseOptions: ParseOptions = { name: options.path, password: options.password, limits, signal: options.signal };
  return parse(bytes, parseOptions);
}

export async function extract(bytes: Uint8Array, options: ExtractOptions): Promise<ExtractRecord> {
  const doc = await parseDocument(bytes, options);
  const matched = withUnreadParts(doc, () => match(doc));
  const record = {
    schemaVersion: SCHEMA_VERSION,
    source: {
      path: options.path,
      sha256: sha256(bytes),
      format: doc.format,
      pages: doc.pages ?? null,
    },
    organisation: matched.organisation,
    answers: matched.answers,
    actionPlans: matched.actionPlans,
    diagnostics: matched.diagnostics,
  };
  const checked = RecordSchema.safeParse(record);
  if (!checked.success) {
    const first = checked.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ExtractError('invalid-record', `record failed validation: ${first.join('; ')}`);
  }
  return checked.data;
}

/** Diagnostics that say part of a document was not read, which may be why no form was found in it. */
const UNREAD_PARTS = new Set(['docx-alt-chunk']);

/** Runs the matcher; where it finds no form, its error names the parts of the document that were not read. */
function withUnreadParts<T>(doc: NormalisedDocument, run: () => T): T {
  try {
    return run();
  } catch (error) {
    const unread = doc.diagnostics.filter((d) => UNREAD_PARTS.has(d.code));
    if (!(error instanceof ExtractError) || error.code !== 'not-self-assessment' || unread.length === 0) throw error;
    throw new ExtractError(error.code, `${error.message}; ${unread.map((d) => d.message).join('; ')}`);
  }
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
