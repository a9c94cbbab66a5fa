/**
 * A batch: every input extracted in a pool of worker threads, every output
 * written atomically, failures reported alone, and whatever an earlier run
 * into the same folder already did kept rather than redone.
 */
import { createHash } from 'node:crypto';
import { constants, existsSync, readFileSync, type Stats } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import pLimit from 'p-limit';
import { DEFAULT_LIMITS, type Limits } from './document.js';
import { ExtractError, ioReason, toExtractError } from './errors.js';
import { sha256 } from './extract.js';
import type { InputList } from './inputs.js';
import { latestByPath, ManifestJournal, readManifestLines, removeOrphans, reusable, settingsOf, writeManifest, type Counts, type ManifestEntry } from './manifest.js';
import { WorkerPool } from './pool.js';
import { ReportSchema, SCHEMA_VERSION, type ExtractRecord, type Report, type ReportEntry } from './schema.js';
import { inShard, type Shard } from './shard.js';
import type { ExtractJob, ExtractReply } from './worker.js';
import { DatasetWriter, OutputError, recordNames, reportMarkdown, toJson, withOutput, writeAtomic } from './writers.js';

export const DEFAULT_MAX_MEMORY_MB = 1024;

/**
 * How much a function runs before V8 optimises it (its default is 66 KB of
 * bytecode). Each worker is a fresh isolate that optimises pdf.js and the
 * extractor anew, and at the default most of their functions are optimised,
 * deoptimised and optimised again over the first documents: compiling took
 * about as long as extracting. A larger budget leaves optimising to what stays
 * hot across documents. Speed only: no result depends on it.
 */
const INTERRUPT_BUDGET = 1_000_000;

/** How long a worker may take to stop itself after its document's time is up, before it is stopped. */
const MAX_GRACE_MS = 1000;

/**
 * The longest --timeout, in seconds. Node's timers hold at most 2^31 - 1 ms
 * (about 24.8 days) and fire at once past it, which would fail every document.
 */
export const MAX_TIMEOUT_S = Math.floor((2 ** 31 - 1 - MAX_GRACE_MS) / 1000);

export interface BatchInput {
  path: string;
  /** Position in the whole input list, before any --shard split. */
  index: number;
  /** Record file, relative to the output folder. */
  record: string;
}

/** What one run is to do. */
export interface Plan {
  /** This run's inputs, in input order. */
  inputs: BatchInput[];
  /** Arguments that named nothing readable; reported first. */
  problems: Report['errors'];
  shard: Shard | null;
  /** The whole input list before the split: its size, and a fingerprint `merge` checks shards against. */
  listed: { count: number; sha256: string };
}

export interface BatchOptions {
  out: string;
  password?: string;
  limits?: Partial<Limits>;
  /** Worker threads. */
  concurrency: number;
  /** Each worker's heap cap, in MB. */
  maxMemoryMb?: number;
  /** Redo every input, whatever the output folder already holds. */
  force?: boolean;
  /** The compiled worker entry; tests running the TypeScript sources point this at dist/. */
  workerUrl?: URL | string;
  /** Told after each input, for progress display and logs. */
  onDocument?: (event: DocumentEvent) => void;
}

export interface DocumentEvent {
  /** Position in this run's inputs. */
  index: number;
  path: string;
  /** `skipped`: unchanged since an earlier run into the same folder, whose result is kept. */
  status: 'ok' | 'failed' | 'skipped';
  ms: number;
  code?: string;
  message?: string;
  counts: Counts;
}

export interface BatchResult {
  report: Report;
  /** Inputs with a record in the dataset, new or kept. */
  extracted: number;
  failed: number;
  /** Inputs (extracted or failed) whose earlier result was kept. */
  skipped: number;
  /** Records of earlier inputs not given this time, removed. */
  unlisted: number;
}

/** The run's own account, beside the outputs: the only file with times in it. */
export interface RunInfo {
  tool: 'scc-extract';
  version: string;
  startedAt: string;
  finishedAt: string | null;
  options: {
    concurrency: number;
    maxMemoryMb: number;
    limits: Limits;
    password: boolean;
    force: boolean;
  };
  shard: Shard | null;
  listed: Plan['listed'] & { problems: Report['errors'] };
  counts: { inputs: number; extracted: number; failed: number; skipped: number } | null;
  seconds: number | null;
  /** Peak resident memory of the whole process, workers included. */
  peakRssMb: number | null;
}

export const RUN_FILE = 'run.json';

export function planBatch(list: InputList, shard: Shard | null = null): Plan {
  const names = recordNames(list.files);
  const all = list.files.map((file, index) => ({ path: file, index, record: names[index]! }));
  return {
    inputs: all.filter((input) => inShard(input.path, shard)),
    problems: list.problems.map((p) => ({ path: p.path, code: 'io', message: p.message })),
    shard,
    listed: { count: list.files.length, sha256: createHash('sha256').update(list.files.join('\n')).digest('hex') },
  };
}

const ZERO: Counts = { answered: 0, missing: 0, ambiguous: 0 };

interface Outcome {
  entry: ManifestEntry;
  report: ReportEntry | null;
  status: DocumentEvent['status'];
  /** A new record, handed on to the dataset and then let go. */
  record?: ExtractRecord;
}

export function runBatch(plan: Plan, options: BatchOptions): Promise<BatchResult> {
  return withOutput(options.out, () => runLocked(plan, options));
}

async function runLocked(plan: Plan, options: BatchOptions): Promise<BatchResult> {
  const startedAt = new Date();
  const { out } = options;
  const limits: Limits = { ...DEFAULT_LIMITS, ...options.limits };
  limits.timeoutMs = Math.min(limits.timeoutMs, MAX_TIMEOUT_S * 1000);
  const settings = settingsOf(limits, options.password !== undefined && options.password !== '');
  const version = toolVersion();
  const maxMemoryMb = options.maxMemoryMb ?? DEFAULT_MAX_MEMORY_MB;
  const concurrency = Math.max(1, Math.floor(options.concurrency));
  const run: RunInfo = {
    tool: 'scc-extract',
    version,
    startedAt: startedAt.toISOString(),
    finishedAt: null,
    options: { concurrency, maxMemoryMb, limits, password: settings.password, force: options.force ?? false },
    shard: plan.shard,
    listed: { ...plan.listed, problems: plan.problems },
    counts: null,
    seconds: null,
    peakRssMb: null,
  };

  const history = await readManifestLines(out);
  const previous = latestByPath(history);
  // The same file given by another path ("docs/a", "$PWD/docs/a") is no other input.
  const given = new Set(plan.inputs.map((i) => path.resolve(i.path)));
  const notGiven = (e: ManifestEntry) => e.record !== undefined && !given.has(path.resolve(e.path));
  // An input given that cannot be found (a path mistyped, a drive not mounted) may be the one whose records a run
  // would remove as no longer listed: nothing is done, as for an --out that will not do.
  const unlisted = [...previous.values()].filter(notGiven).length;
  const missing = plan.problems[0];
  if (missing && unlisted > 0)
    throw new OutputError(
      `${missing.path}: ${missing.message}; nothing was done, as this run would remove the records in --out ${out} of ${unlisted} earlier input${unlisted === 1 ? '' : 's'} not given this time: give every input, or another --out`,
    );
  await writeAtomic(path.join(out, RUN_FILE), toJson(run));
  const journal = await ManifestJournal.open(out);
  const dataset = new DatasetWriter(out);
  // V8's flags are the process's: set before the workers' isolates start, they apply to them.
  setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET}`);
  const pool = new WorkerPool<ExtractJob, ExtractReply>({
    size: concurrency,
    workerUrl: options.workerUrl ?? new URL('./worker.js', import.meta.url),
    timeoutMs: limits.timeoutMs,
    graceMs: Math.min(MAX_GRACE_MS, limits.timeoutMs / 10),
    maxMemoryMb,
  });
  // Twice the workers, so the next document is read while one is extracted, and no more, so memory stays flat.
  const limit = pLimit(concurrency * 2);
  const outcomes: Outcome[] = new Array(plan.inputs.length);

  const one = async (input: BatchInput, position: number): Promise<void> => {
    const started = performance.now();
    const base = { index: input.index, path: input.path, version, settings };
    const recordFile = path.join(out, input.record);
    let outcome: Outcome;
    try {
      const bytes = await readInput(input.path, limits.maxInputBytes);
      const hash = sha256(bytes);
      const before = previous.get(input.path);
      const reuse = !options.force && reusable(before, hash, version, settings, input.record);
      if (reuse && before!.error) outcome = { entry: { ...base, sha256: hash, error: before!.error }, report: null, status: 'skipped' };
      else outcome = (reuse ? await kept(input, recordFile, hash, base) : null) ?? (await extractOne(input, bytes, hash, base));
    } catch (error) {
      const e = toExtractError(error);
      outcome = { entry: { ...base, sha256: null, error: { code: e.code, message: e.message } }, report: null, status: 'failed' };
    }
    if (outcome.status !== 'skipped') await journal.append(outcome.entry);
    dataset.put(position, outcome.report ? recordFile : null, outcome.record);
    outcomes[position] = { entry: outcome.entry, report: outcome.report, status: outcome.status };
    options.onDocument?.({
      index: position,
      path: input.path,
      status: outcome.status,
      ms: performance.now() - started,
      code: outcome.entry.error?.code,
      message: outcome.entry.error?.message,
      counts: outcome.entry.counts ?? ZERO,
    });
  };

  /** An earlier run's record, if it is still there and is of these bytes at this path. */
  const kept = async (input: BatchInput, recordFile: string, hash: string, base: Omit<ManifestEntry, 'sha256'>): Promise<Outcome | null> => {
    let record: ExtractRecord;
    try {
      record = JSON.parse(await readFile(recordFile, 'utf8')) as ExtractRecord;
    } catch {
      return null;
    }
    if (record.source?.sha256 !== hash || record.source.path !== input.path) return null;
    const report = reportEntry(input.path, input.record, record);
    return { entry: { ...base, sha256: hash, record: input.record, counts: report.counts }, report, status: 'skipped' };
  };

  const extractOne = async (input: BatchInput, bytes: Uint8Array, hash: string, base: Omit<ManifestEntry, 'sha256'>): Promise<Outcome> => {
    const buffer = ownBuffer(bytes);
    let reply: ExtractReply;
    try {
      reply = await pool.run({ path: input.path, bytes: buffer, password: options.password, limits }, [buffer]);
    } catch (error) {
      const e = toExtractError(error);
      reply = { ok: false, code: e.code, message: e.message };
    }
    if (!reply.ok) return { entry: { ...base, sha256: hash, error: { code: reply.code, message: reply.message } }, report: null, status: 'failed' };
    try {
      await writeAtomic(path.join(out, input.record), toJson(reply.record));
    } catch (error) {
      const message = `cannot write the record: ${(error as NodeJS.ErrnoException).code ?? String(error)}`;
      return { entry: { ...base, sha256: hash, error: { code: 'io', message } }, report: null, status: 'failed' };
    }
    const report = reportEntry(input.path, input.record, reply.record);
    return { entry: { ...base, sha256: hash, record: input.record, counts: report.counts }, report, status: 'ok', record: reply.record };
  };

  try {
    await Promise.all(plan.inputs.map((input, position) => limit(() => one(input, position))));
  } finally {
    await Promise.all([pool.close(), journal.close()]);
  }
  await dataset.close(plan.inputs.length);

  const report = ReportSchema.parse({
    schemaVersion: SCHEMA_VERSION,
    documents: outcomes.flatMap((o) => (o.report ? [o.report] : [])),
    errors: [...plan.problems, ...outcomes.flatMap((o) => (o.entry.error ? [{ path: o.entry.path, ...o.entry.error }] : []))],
  });
  await writeAtomic(path.join(out, 'report.json'), toJson(report));
  await writeAtomic(path.join(out, 'report.md'), reportMarkdown(report));
  await writeManifest(out, outcomes.map((o) => o.entry));
  const removed = new Set(await removeOrphans(out, history, new Set(outcomes.flatMap((o) => (o.entry.record ? [o.entry.record] : [])))));

  const result: BatchResult = {
    report,
    extracted: report.documents.length,
    failed: report.errors.length,
    skipped: outcomes.filter((o) => o.status === 'skipped').length,
    unlisted: [...previous.values()].filter((e) => notGiven(e) && removed.has(e.record!)).length,
  };
  const finished = new Date();
  await writeAtomic(
    path.join(out, RUN_FILE),
    toJson({
      ...run,
      finishedAt: finished.toISOString(),
      counts: { inputs: plan.inputs.length, extracted: result.extracted, failed: result.failed, skipped: result.skipped },
      seconds: (finished.getTime() - startedAt.getTime()) / 1000,
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    } satisfies RunInfo),
  );
  return result;
}

/**
 * The file's bytes, refused unread when over the size limit or not a regular
 * file. It is opened without waiting, so that a named pipe cannot hang the
 * batch waiting for a writer, and checked before it is read, so that a device
 * such as /dev/zero cannot fill the memory.
 */
async function readInput(file: string, maxBytes: number): Promise<Uint8Array> {
  let handle;
  try {
    handle = await open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const info = await handle.stat();
    if (!info.isFile()) throw new ExtractError('io', `not a regular file: ${kindOf(info)}`);
    const { size } = info;
    if (size > maxBytes) throw new ExtractError('too-large', `${size} bytes exceeds the ${maxBytes}-byte input limit (--max-bytes)`);
    return await handle.readFile();
  } catch (error) {
    if (error instanceof ExtractError) throw error;
    throw new ExtractError('io', `cannot read the file: ${ioReason(error)}`);
  } finally {
    await handle?.close();
  }
}

function kindOf(info: Stats): string {
  if (info.isFIFO()) return 'a named pipe (FIFO)';
  if (info.isCharacterDevice()) return 'a character device';
  if (info.isBlockDevice()) return 'a block device';
  if (info.isSocket()) return 'a socket';
  return 'a folder';
}

/** A buffer that can be handed to a worker without taking others' bytes with it. */
function ownBuffer(bytes: Uint8Array): ArrayBuffer {
  if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer) return bytes.buffer;
  return new Uint8Array(bytes).buffer;
}

export function reportEntry(file: string, recordFile: string, record: ExtractRecord): ReportEntry {
  const count = (s: string) => record.answers.filter((a) => a.status === s).length;
  return {
    path: file,
    record: recordFile,
    counts: { answered: count('answered'), missing: count('missing'), ambiguous: count('ambiguous') },
    problems: record.answers
      .filter((a) => a.status !== 'answered')
      .map((a) => ({
        id: a.id,
        status: a.status as 'missing' | 'ambiguous',
        reason: a.reason ?? '',
        provenance: a.provenance.question ?? a.evidence.provenance,
      })),
  };
}

/** The version in the project's package.json, found from here in the sources and in dist/ alike. */
export function toolVersion(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (existsSync(pkg)) {
      const parsed = JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string; version?: string };
      if (parsed.name === 'scc-extract' && parsed.version) return parsed.version;
    }
    const up = path.dirname(dir);
    if (up === dir) throw new Error('cannot find the scc-extract package.json');
    dir = up;
  }
}
