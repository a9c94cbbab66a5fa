/**
 * pdf.js set up for Node with nothing fetched: the legacy build, no eval, no
 * font loading, standard fonts and CMaps read from the installed package,
 * images never decoded, console quiet.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, inflateRawSync, inflateSync } from 'node:zlib';
// Must stay the first import that can reach pdf.js: it notes the built-ins before pdf.js loads.
import { restoreNatives } from './natives.js';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
// Loaded here rather than on the first document, so that its polyfills are in place before restoreNatives runs.
import { WorkerMessageHandler } from 'pdfjs-dist/legacy/build/pdf.worker.mjs';
import { ExtractError } from '../../src/errors.js';
import { MAX_PICTURE_PIXELS } from './pictures.js';

restoreNatives();

// pdf.js inflates a stream through the platform's DecompressionStream where
// there is one, and through its own JavaScript decoder where there is none or
// the platform's refuses the data. In Node the platform's is zlib on the
// thread pool behind web streams: every content stream and font file then
// waits on another thread and a chain of stream promises. Its own decoder
// costs more than zlib in place. So pdf.js is given a DecompressionStream
// that inflates in place with zlib, for the one way pdf.js uses it: the whole
// stream written, the writer closed, the result read. Data zlib refuses (a
// stream cut short, a bad checksum) fails here as in the platform's, and pdf.js
// falls back to its own decoder, which reads what it can. So it does for a
// stream that would inflate past 64 MB, refused here before zlib has built it
// all, so that no stream is held twice over in memory.
const MAX_INFLATED_BYTES = 64 * 1024 * 1024;
const INFLATE: Record<string, (data: Uint8Array) => Uint8Array> = {
  deflate: (data) => inflateSync(data, { maxOutputLength: MAX_INFLATED_BYTES }),
  'deflate-raw': (data) => inflateRawSync(data, { maxOutputLength: MAX_INFLATED_BYTES }),
  gzip: (data) => gunzipSync(data, { maxOutputLength: MAX_INFLATED_BYTES }),
};

class InflateInPlace {
  readonly writable: { getWriter(): { ready: Promise<void>; write(chunk: Uint8Array): Promise<void>; close(): Promise<void> } };
  readonly readable: AsyncIterable<Uint8Array>;

  constructor(format: string) {
    const inflate = INFLATE[format];
    if (!inflate) throw new TypeError(`unsupported compression format: ${format}`);
    const chunks: Uint8Array[] = [];
    let close!: () => void;
    const closed = new Promise<void>((resolve) => (close = resolve));
    this.writable = {
      getWriter: () => ({
        ready: Promise.resolve(),
        write: async (chunk) => void chunks.push(chunk),
        close: async () => close(),
      }),
    };
    this.readable = {
      async *[Symbol.asyncIterator]() {
        await closed;
        yield inflate(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks));
      },
    };
  }
}

globalThis.DecompressionStream = InflateInPlace as unknown as typeof DecompressionStream;

export { pdfjs };

const packageDir = join(dirname(fileURLToPath(import.meta.resolve('pdfjs-dist/legacy/build/pdf.mjs'))), '..', '..');

export const STANDARD_FONTS = join(packageDir, 'standard_fonts') + '/';
export const CMAPS = join(packageDir, 'cmaps') + '/';

type Listener = (event: { data: unknown }) => void;

/**
 * The channel between pdf.js's two halves, both on this thread. pdf.js's own
 * same-thread channel copies every message with structuredClone, as a real
 * worker boundary would: about a tenth of a PDF's reading time goes on copying
 * text items that nothing else holds. This one hands messages over as they
 * are, in order, each on its own microtask as pdf.js's does. The one thing
 * the sending half reuses after sending is a streamed chunk (a page's text
 * items, an operator list's arrays): it empties or replaces those once sent,
 * so a chunk's own fields and arrays are copied, one level deep.
 */
class SameThreadPort {
  private readonly listeners = new Set<Listener>();
  private readonly settled = Promise.resolve();

  postMessage(message: { chunk?: unknown }): void {
    const event = { data: 'chunk' in message ? { ...message, chunk: ownCopy(message.chunk) } : message };
    void this.settled.then(() => {
      for (const listener of this.listeners) listener.call(this, event);
    });
  }

  addEventListener(_type: 'message', listener: Listener): void {
    this.listeners.add(listener);
  }

  removeEventListener(_type: 'message', listener: Listener): void {
    this.listeners.delete(listener);
  }

  terminate(): void {
    this.listeners.clear();
  }
}

function ownCopy(chunk: unknown): unknown {
  if (Array.isArray(chunk)) return chunk.slice();
  if (chunk === null || typeof chunk !== 'object' || ArrayBuffer.isView(chunk)) return chunk;
  const copy: Record<string, unknown> = { ...chunk };
  for (const [key, value] of Object.entries(copy)) if (Array.isArray(value)) copy[key] = value.slice();
  return copy;
}

export function openDocument(bytes: Uint8Array, password: string | undefined) {
  const port = new SameThreadPort();
  WorkerMessageHandler.initializeFromPort(port);
  // The worker half keeps its own verbosity, set from the worker's: quiet it too, or its warnings reach stderr.
  const worker = new pdfjs.PDFWorker({
    port: port as unknown as NonNullable<ConstructorParameters<typeof pdfjs.PDFWorker>[0]>['port'],
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  const task = pdfjs.getDocument({
    worker,
    // pdf.js may take over the buffer it is given, and refuses a Node Buffer: it gets its own plain copy.
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    standardFontDataUrl: STANDARD_FONTS,
    cMapUrl: CMAPS,
    cMapPacked: true,
    useWorkerFetch: false,
    useWasm: false,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    enableXfa: false,
    disableAutoFetch: true,
    disableStream: true,
    disableRange: true,
    stopAtErrors: false,
    // Only a picture small enough to be a checkbox is looked at: larger ones (scans, logos) are not decoded.
    maxImageSize: MAX_PICTURE_PIXELS,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  // The password is given only when the file asks for one, once: pdf.js tries a given password in place of the
  // empty one, so a file with an owner password alone would fail in a batch run with a password for others.
  let given = false;
  task.onPassword = (update: (password: string | Error) => void, reason: number) => {
    if (reason === pdfjs.PasswordResponses.NEED_PASSWORD && password !== undefined && !given) {
      given = true;
      update(password);
    } else update(Object.assign(new Error(reason === pdfjs.PasswordResponses.INCORRECT_PASSWORD ? 'Incorrect Password' : 'No password given'), { name: 'PasswordException', code: reason }));
  };
  // A task given its worker leaves it running when destroyed.
  const destroyTask = task.destroy.bind(task);
  task.destroy = async () => {
    try {
      await destroyTask();
    } finally {
      worker.destroy();
      port.terminate();
    }
  };
  return task;
}

/** A pdf.js failure as an ExtractError that says what is wrong with the file. */
export function explain(error: unknown, password: string | undefined): ExtractError {
  if (error instanceof ExtractError) return error;
  const e = error as { name?: string; message?: string; code?: number };
  const message = e?.message ?? String(error);
  if (e?.name === 'PasswordException') {
    if (e.code === pdfjs.PasswordResponses.INCORRECT_PASSWORD)
      return new ExtractError('encrypted', `encrypted PDF and the password given does not open it (wrong password); pass the right one with --password`);
    return new ExtractError('encrypted', `encrypted PDF that needs a password to open (a user password is set); pass it with --password`);
  }
  if (/encrypt|security handler|crypt filter/i.test(message)) return new ExtractError('encrypted', `encrypted in a way this tool cannot open (${message})`);
  if (e?.name === 'InvalidPDFException') return new ExtractError('corrupt', `not a readable PDF (${message})`);
  if (e?.name === 'AbortException') return new ExtractError('timeout', `reading the PDF was stopped`);
  return new ExtractError('corrupt', `the PDF could not be read (${message})`);
}
