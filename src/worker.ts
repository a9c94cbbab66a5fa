/** Worker-thread entry: extracts one document per message, for src/pool.ts. */
import { parentPort } from 'node:worker_threads';
import type { Limits } from './document.js';
import { DEFAULT_LIMITS } from './document.js';
import { ExtractError, toExtractError, type ErrorCode } from './errors.js';
import { extract } from './extract.js';
import { timeoutMessage } from './pool.js';
import type { ExtractRecord } from './schema.js';

export interface ExtractJob {
  path: string;
  /** The file's bytes, transferred rather than copied. */
  bytes: ArrayBuffer;
  password?: string;
  limits?: Partial<Limits>;
}

export type ExtractReply = { ok: true; record: ExtractRecord } | { ok: false; code: ErrorCode; message: string };

if (!parentPort) throw new Error('src/worker.ts runs as a worker thread (see src/pool.ts)');
const port = parentPort;

// On a damaged file pdf.js can reject a promise of its own that nothing awaits, while the
// parse it belongs to fails by itself with a clear "corrupt" error (or is stopped by the
// time limit). Letting that rejection kill the worker would report the file as a crash.
process.on('unhandledRejection', () => {});

// This thread does nothing but extract. pdf.js inflates page content through the web
// DecompressionStream whenever that global exists, and Node's web streams cost more per
// stream than pdf.js's own inflate does on page-sized streams: about an eighth of a PDF's
// parse time. Without the global pdf.js uses its own, with the same result.
delete (globalThis as { DecompressionStream?: unknown }).DecompressionStream;

port.on('message', async (job: ExtractJob) => {
  const timeoutMs = job.limits?.timeoutMs ?? DEFAULT_LIMITS.timeoutMs;
  const signal = AbortSignal.timeout(timeoutMs);
  let reply: ExtractReply;
  try {
    const record = await extract(new Uint8Array(job.bytes), { path: job.path, password: job.password, limits: job.limits, signal });
    reply = { ok: true, record };
  } catch (error) {
    // A parser that gives up on the signal may throw the bare AbortError; it is still the time limit.
    const e = signal.aborted && !(error instanceof ExtractError) ? new ExtractError('timeout', timeoutMessage(timeoutMs)) : toExtractError(error);
    reply = { ok: false, code: e.code, message: e.message };
  }
  port.postMessage(reply);
});
