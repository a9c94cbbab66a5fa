/**
 * Everything written to the output folder. Each file appears under its final
 * name only once complete (written to a temporary name, then renamed), so a
 * run that is killed leaves either the old file or the new one, never half.
 */
import { createHash } from 'node:crypto';
import { constants, createWriteStream, readdirSync, readFileSync, rmSync, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { access, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ioReason } from './errors.js';
import { answerRows, CSV_HEADER } from './csv.js';
import type { ExtractRecord, Report } from './schema.js';

/** An output folder that cannot be used; nothing has been written to it. */
export class OutputError extends Error {}

/**
 * Runs `write` on the output folder made ready: it and its records/ folder
 * exist and can be written to, no other run is writing to it, and what a
 * killed run left half-written is gone. A folder that will not do fails here,
 * at once, before any work. The folder is let go however `write` ends.
 */
export async function withOutput<T>(out: string, write: () => Promise<T>): Promise<T> {
  const records = path.join(out, 'records');
  const info = await stat(out).catch(() => null);
  if (info && !info.isDirectory()) throw new OutputError(`cannot write to --out ${out}: it is a file, not a folder`);
  try {
    await makeFolders(records);
    await Promise.all([access(out, constants.W_OK), access(records, constants.W_OK)]);
  } catch (error) {
    throw new OutputError(`cannot write to --out ${out}: ${ioReason(error)}`);
  }
  const unlock = await lock(out);
  try {
    await Promise.all([removeStaleTemps(out, (name) => OUTPUT_FILES.has(name)), removeStaleTemps(records, (name) => RECORD_FILE.test(name))]);
    return await write();
  } finally {
    await unlock();
  }
}

/**
 * A folder and the folders above it, made one at a time: Node's recursive
 * mkdir loops for ever where a file system says a folder it cannot make
 * (under /proc) is missing.
 */
async function makeFolders(folder: string): Promise<void> {
  const missing: string[] = [];
  for (let at = path.resolve(folder); !(await stat(at).catch(() => null)); at = path.dirname(at)) {
    missing.unshift(at);
    if (path.dirname(at) === at) break;
  }
  for (const at of missing)
    await mkdir(at).catch(async (error: NodeJS.ErrnoException) => {
      // Made meanwhile by another run starting on the same folder.
      if (error.code !== 'EEXIST' || !(await stat(at)).isDirectory()) throw error;
    });
}

/** Hidden, as temporary files are: not one of the outputs. */
const LOCK_FILE = '.scc-extract.lock';
/** Times a lock that vanishes as it is read is tried again before giving up. */
const LOCK_TRIES = 20;

/** Lock files this process holds, by absolute path. */
const heldHere = new Set<string>();

/**
 * One run at a time per output folder: two would write over each other's
 * files and rename each other's temporary files away. The lock file holds the
 * pid of the run that has it, and where the system tells it, when that
 * process started; a lock whose process is gone (a run that was killed) is
 * taken over, and so is one whose pid a later process was given. So is one
 * naming this process that it does not hold: a killed run in a container had
 * the same pid as the next. A lock being written this instant holds no pid
 * yet and counts as held.
 */
async function lock(out: string): Promise<() => Promise<void>> {
  const file = path.resolve(out, LOCK_FILE);
  for (let tries = 0; ; tries++) {
    try {
      const started = startTime(process.pid);
      // Counted as held from before it is written to after it is gone, so a run stopped in between removes it; not
      // where another run in this process holds it.
      const ours = !heldHere.has(file);
      if (ours) heldHere.add(file);
      try {
        await writeFile(file, `${process.pid}${started === null ? '' : ` ${started}`}\n`, { flag: 'wx' });
      } catch (error) {
        if (ours) heldHere.delete(file);
        throw error;
      }
      return async () => {
        await rm(file, { force: true });
        heldHere.delete(file);
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw new OutputError(`cannot write to --out ${out}: ${ioReason(error)}`);
    }
    let held: string | null = null;
    try {
      held = await readFile(file, 'utf8');
    } catch (error) {
      // Gone as it was read (a run letting go): try again. Anything else there is not a lock this tool can use.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || tries >= LOCK_TRIES)
        throw new OutputError(`cannot use the lock file ${path.join(out, LOCK_FILE)}: ${ioReason(error)}; remove it if no run is writing to --out ${out}`);
      continue;
    }
    const m = /^(\d+)(?: (\d+))?\n$/.exec(held);
    const pid = m ? Number(m[1]) : null;
    const reused = (p: number) => m?.[2] !== undefined && (startTime(p) ?? m[2]) !== m[2];
    const gone = pid !== null && (pid === process.pid ? !heldHere.has(file) : !running(pid) || reused(pid));
    if (!gone) {
      const who = pid === null ? 'another scc-extract run' : `another scc-extract run (process ${pid})`;
      throw new OutputError(`${who} is writing to --out ${out}; wait for it to finish, or remove ${path.join(out, LOCK_FILE)} if none is`);
    }
    // Taken over only if no other run took it over since it was read.
    if ((await readFile(file, 'utf8').catch(() => null)) === held) await rm(file, { force: true });
  }
}

/**
 * When a process started, in the system's clock ticks since boot, where
 * /proc tells it (Linux): with its pid, it names one process for good.
 */
function startTime(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    // Field 22; the name before the fields, in parentheses, may hold spaces and parentheses itself.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The files this tool writes at the top of an output folder, and in its records/ folder. */
export const OUTPUT_FILES = new Set(['dataset.jsonl', 'answers.csv', 'manifest.jsonl', 'report.json', 'report.md', 'run.json']);
const RECORD_FILE = /^[\w.\-]+\.json$/;

/** Hidden, and named so that no one else's file is taken for one: `.<name>.scc-tmp-<pid>`. */
const tempName = (file: string) => path.join(path.dirname(file), `.${path.basename(file)}.scc-tmp-${process.pid}`);
const TEMP_NAME = /^\.(.+)\.scc-tmp-(\d+)$/;

/** Writes begun and not yet renamed: a stop waits for them, as a temporary file they open may appear after a sweep. */
const writing = new Set<Promise<void>>();
/** Set by a stop: no write begins after it. */
let stopping = false;
/** Longest a stop waits on writes under way (a hung network drive must not keep it from exiting). */
const STOP_WAIT_MS = 2000;

export function writeAtomic(file: string, data: string): Promise<void> {
  // The process exits once the stop has swept; a write asked for meanwhile never starts, and nothing waits on it.
  if (stopping) return new Promise(() => {});
  const written = writeThenRename(file, data);
  writing.add(written);
  const settled = () => void writing.delete(written);
  written.then(settled, settled);
  return written;
}

async function writeThenRename(file: string, data: string): Promise<void> {
  const tmp = tempName(file);
  try {
    await writeFile(tmp, data).catch(async (error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(tmp, data);
    });
    await rename(tmp, file);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
}

export const toJson = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** Longest record name kept whole: names well short of the file system's 255 bytes leave room for temporary names. */
const MAX_RECORD_NAME = 100;

/**
 * Record file names: the input's base name, with its folder's name in front
 * where several inputs share a base name (as corpus cases' input files do),
 * made unique in input order. A longer name keeps its start and ends in a
 * hash of the whole, so it is the same on every run and still tells inputs apart.
 */
export function recordNames(files: readonly string[]): string[] {
  // No ".." (a path's way up, also before ".json") and no leading dot (a hidden file): names a manifest may point at.
  const safe = (s: string) => s.replace(/[^\w.\-]+/g, '_').replace(/\.{2,}/g, '.').replace(/\.+$/, '').replace(/^\./, '_') || 'document';
  const base = (f: string) => safe(path.basename(f, path.extname(f)));
  const shorten = (name: string) =>
    name.length <= MAX_RECORD_NAME ? name : `${name.slice(0, MAX_RECORD_NAME - 9)}-${createHash('sha256').update(name).digest('hex').slice(0, 8)}`;
  const shared = new Map<string, number>();
  for (const f of files) shared.set(base(f).toLowerCase(), (shared.get(base(f).toLowerCase()) ?? 0) + 1);
  const used = new Map<string, number>();
  return files.map((f) => {
    const name = shorten((shared.get(base(f).toLowerCase()) ?? 0) > 1 ? `${safe(path.basename(path.dirname(path.resolve(f))))}-${base(f)}` : base(f));
    const n = (used.get(name.toLowerCase()) ?? 0) + 1;
    used.set(name.toLowerCase(), n);
    return `records/${n === 1 ? name : `${name}-${n}`}.json`;
  });
}

/** One compact JSON value per line. */
export const toJsonLines = (values: readonly unknown[]) => values.map((v) => `${JSON.stringify(v)}\n`).join('');

/**
 * dataset.jsonl, one line per record in input order, and answers.csv, the
 * records' answers as rows in the same order; streamed. A record that
 * arrives early waits as the name of its file in the output folder, not in
 * memory (except for the next few, written straight away), so memory does not
 * grow with the batch; records kept from an earlier run come out the same way.
 */
export class DatasetWriter {
  private readonly lines: OutputStream;
  private readonly rows: OutputStream;
  /** Position → where its record comes from, or null for an input with no record. */
  private readonly waiting = new Map<number, { file: string; record?: ExtractRecord } | null>();
  private next = 0;
  private draining: Promise<void> = Promise.resolve();
  private failure: Error | null = null;

  /** How far ahead of the next line a record is kept rather than read back later. */
  static readonly WINDOW = 16;

  /** Writes `dataset.jsonl` and `answers.csv` in the folder `out`. */
  constructor(out: string) {
    const fail = (error: Error) => void (this.failure ??= error);
    this.lines = new OutputStream(path.join(out, 'dataset.jsonl'), fail);
    this.rows = new OutputStream(path.join(out, 'answers.csv'), fail);
    this.rows.stream.write(CSV_HEADER);
  }

  /**
   * Input `index` is finished: its record is in `recordFile` (and is `record`,
   * when the caller has it), or it has none.
   */
  put(index: number, recordFile: string | null, record?: ExtractRecord): void {
    const keep = record !== undefined && index - this.next < DatasetWriter.WINDOW;
    this.waiting.set(index, recordFile === null ? null : { file: recordFile, record: keep ? record : undefined });
    this.draining = this.draining.then(() => this.drain()).catch((error: Error) => void (this.failure ??= error));
  }

  private async drain(): Promise<void> {
    while (this.waiting.has(this.next) && !this.failure) {
      const source = this.waiting.get(this.next);
      this.waiting.delete(this.next);
      this.next++;
      if (!source) continue;
      // Parsed and printed again so the line is exactly JSON.stringify(record), however the file is laid out.
      const record = source.record ?? (JSON.parse(await readFile(source.file, 'utf8')) as ExtractRecord);
      await Promise.all([this.lines.write(`${JSON.stringify(record)}\n`), this.rows.write(answerRows(record))]);
    }
  }

  /** Finishes the files under their real names, once all `count` inputs are in. */
  async close(count: number): Promise<void> {
    await this.draining;
    if (!this.failure && this.next !== count) this.failure = new Error(`dataset.jsonl: input ${this.next + 1} of ${count} never finished`);
    await Promise.all([this.lines.end(), this.rows.end()]);
    const streams = [this.lines, this.rows];
    if (this.failure) {
      await Promise.all(streams.map((s) => rm(tempName(s.file), { force: true })));
      throw this.failure;
    }
    for (const s of streams) await rename(tempName(s.file), s.file);
  }
}

/** A file written through a stream under its temporary name. */
class OutputStream {
  readonly stream: WriteStream;

  constructor(
    readonly file: string,
    fail: (error: Error) => void,
  ) {
    this.stream = createWriteStream(tempName(file));
    this.stream.on('error', fail);
  }

  async write(text: string): Promise<void> {
    if (!this.stream.write(text)) await once(this.stream, 'drain');
  }

  end(): Promise<void> {
    return new Promise<void>((resolve) => this.stream.end(resolve));
  }
}

/**
 * For a run stopped by a signal: no write begins, the writes under way finish
 * (or a short wait ends), then this process's temporary files and locks go, so
 * the folder is left as the documents finished so far made it.
 */
export async function abandonOutputs(): Promise<void> {
  stopping = true;
  let waited: NodeJS.Timeout | undefined;
  await Promise.race([Promise.allSettled(writing), new Promise((resolve) => (waited = setTimeout(resolve, STOP_WAIT_MS)))]);
  clearTimeout(waited);
  for (const file of heldHere) {
    const out = path.dirname(file);
    for (const dir of [out, path.join(out, 'records')]) {
      let names: string[] = [];
      try {
        names = readdirSync(dir);
      } catch {
        continue;
      }
      for (const n of names) if (TEMP_NAME.exec(n)?.[2] === String(process.pid)) rmSync(path.join(dir, n), { force: true });
    }
    // Only this run's: one stopped as it tried to take another run's lock leaves that one be.
    let held = '';
    try {
      held = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    if (held.split(/\s/)[0] === String(process.pid)) rmSync(file, { force: true });
  }
  heldHere.clear();
}

/** Temporary files of the files `ours` names, left by runs that were killed before they could rename them. */
async function removeStaleTemps(dir: string, ours: (name: string) => boolean): Promise<void> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return;
  }
  const stale = names.filter((n) => {
    const m = TEMP_NAME.exec(n);
    return m !== null && ours(m[1]!) && Number(m[2]) !== process.pid;
  });
  await Promise.all(stale.map((n) => rm(path.join(dir, n), { force: true })));
}

export function reportMarkdown(report: Report): string {
  const lines = ['# Extraction report', ''];
  const counts = report.documents.reduce(
    (c, d) => ({ answered: c.answered + d.counts.answered, missing: c.missing + d.counts.missing, ambiguous: c.ambiguous + d.counts.ambiguous }),
    { answered: 0, missing: 0, ambiguous: 0 },
  );
  lines.push(
    `${report.documents.length} documents extracted, ${report.errors.length} failed. ` +
      `Answers: ${counts.answered} answered, ${counts.missing} missing, ${counts.ambiguous} ambiguous.`,
    '',
  );
  if (report.errors.length) {
    lines.push('## Failed inputs', '', '| input | error | message |', '|---|---|---|');
    for (const e of report.errors) lines.push(`| ${cell(e.path)} | ${e.code} | ${cell(e.message)} |`);
    lines.push('');
  }
  for (const d of report.documents) {
    lines.push(`## ${printable(d.path)}`, '', `Record: \`${d.record}\`. ${d.counts.answered} answered, ${d.counts.missing} missing, ${d.counts.ambiguous} ambiguous.`, '');
    if (d.problems.length) {
      lines.push('| question | status | reason | where |', '|---|---|---|---|');
      for (const p of d.problems) lines.push(`| ${p.id} | ${p.status} | ${cell(p.reason)} | ${where(p.provenance)} |`);
      lines.push('');
    }
  }
  return lines.join('\n');
}

const cell = (s: string) => printable(s.replace(/\r?\n/g, ' ')).replace(/\|/g, '\\|');

/**
 * Text from inputs (file names, words quoted from a broken file) with its
 * control characters written out as `\xNN`, tabs apart: shown raw, an escape
 * sequence in a file name could recolour, retitle or clear the terminal
 * showing it, or hide the lines before it.
 */
export const printable = (s: string) => s.replace(/[\x00-\x08\x0a-\x1f\x7f-\x9f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);

function where(p: { page?: number; line?: number } | null): string {
  if (!p) return '';
  return [p.page !== undefined ? `page ${p.page}` : '', p.line !== undefined ? `line ${p.line}` : ''].filter(Boolean).join(', ');
}
