#!/usr/bin/env -S node --single-threaded
/** The command line: arguments in, a batch run (or a merge of shards), a summary out. */
import { readdir, realpath, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_MAX_MEMORY_MB, MAX_TIMEOUT_S, planBatch, runBatch, toolVersion, type BatchResult, type DocumentEvent } from './batch.js';
import { DEFAULT_LIMITS, type Limits } from './document.js';
import { ioReason } from './errors.js';
import { isDocumentName, listInputs, readListFile } from './inputs.js';
import { MergeError, mergeOutputs } from './merge.js';
import { parseShard } from './shard.js';
import { abandonOutputs, OUTPUT_FILES, OutputError, printable } from './writers.js';

/** Set to show the stack of a crash rather than its message alone. */
const DEBUG = 'SCC_EXTRACT_DEBUG';

const HELP = `scc-extract: turn Surveillance Camera Code of Practice self-assessments into records

Usage:
  scc-extract <files, folders or patterns...> --out <dir> [options]
  scc-extract --from <list.txt> --out <dir> [options]
  scc-extract merge <shard out dirs...> --out <dir>
  npm run --silent extract -- <files or folders...> --out <dir> [options]

Inputs are PDF, DOCX, plain text or Markdown files; the format is read from the
bytes, not the extension. Folders are walked for .pdf, .docx, .txt, .text, .md
and .markdown files (and .doc, .odt and .rtf files, reported as unreadable),
passing over hidden entries, symbolic links and output folders; a quoted
pattern ('in/**/*.pdf') is expanded the same way.

Writes to <dir>:
  dataset.jsonl        one record per line, in input order
  answers.csv          every record's answers, one row each, in the same order
  records/<name>.json  the same records, one per file
  report.json          per document: counts and every missing or ambiguous
                       answer with its reason; per failed input: { path, code, message }
  report.md            the same report for people
  manifest.jsonl       per input: content hash, version and outcome, for re-runs
  run.json             this run: times, version, options, counts, peak memory

Running again into the same <dir> redoes only inputs whose bytes, settings or
the tool's version changed (and failures that may pass on a retry: timeout,
internal, io, encrypted); the outputs still cover every input.

Options:
  --out <dir>          output folder (required)
  --from <file>        read input paths from a file, one per line (# comments); repeatable
  --password <pw>      password for encrypted PDFs
  --concurrency <n>    worker threads (default: cores, here ${availableParallelism()}; at most twice that)
  --timeout <seconds>  time allowed for one document (default ${DEFAULT_LIMITS.timeoutMs / 1000}, at most ${MAX_TIMEOUT_S})
  --max-memory <MB>    heap allowed for one worker (default ${DEFAULT_MAX_MEMORY_MB})
  --max-bytes <n>      largest input accepted, bytes (default ${DEFAULT_LIMITS.maxInputBytes})
  --max-pages <n>      most PDF pages read (default ${DEFAULT_LIMITS.maxPages})
  --max-unzipped <n>   most bytes decompressed from one DOCX (default ${DEFAULT_LIMITS.maxDecompressedBytes})
  --force              redo every input, even those already done in <dir>
  --shard <i>/<n>      process only shard i of n (1-based) of the inputs; join with 'merge'
  --log json           one JSON line per document on stdout
  --summary            print each document's answer counts on stdout
  --version            print the version
  -h, --help           show this help

Exit status: 0 when every input was processed (missing answers are not
failures), 1 when any input failed, 2 on a usage error (including an --out
that cannot be written to, that is also an input folder or holds documents
inside one, or that holds records a run would remove while an input given
cannot be found), 130 or 143 when stopped by Ctrl-C or SIGTERM (what was
finished is kept). ${DEBUG}=1 shows where a crash happened.`;

/** One line on stderr; names and messages from inputs in it cannot act on the terminal. */
function tell(text: string): void {
  for (const line of text.split(/\r?\n/)) process.stderr.write(`${printable(line)}\n`);
}

function usage(message: string): never {
  tell(`scc-extract: ${message}`);
  tell(`Try 'scc-extract --help'.`);
  process.exit(2);
}

function positiveInt(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) usage(`--${name} needs a positive number, got '${value}'`);
  return n;
}

function parse(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: { type: 'string' },
        from: { type: 'string', multiple: true },
        password: { type: 'string' },
        concurrency: { type: 'string' },
        'max-bytes': { type: 'string' },
        'max-pages': { type: 'string' },
        'max-unzipped': { type: 'string' },
        'max-memory': { type: 'string' },
        timeout: { type: 'string' },
        force: { type: 'boolean' },
        shard: { type: 'string' },
        log: { type: 'string' },
        summary: { type: 'boolean' },
        version: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    usage((error as Error).message);
  }
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv);
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  if (values.version) {
    process.stdout.write(`${toolVersion()}\n`);
    return 0;
  }
  if (positionals[0] === 'merge') return merge(positionals.slice(1), values.out);

  const lists = values.from ?? [];
  if (positionals.length === 0 && lists.length === 0) usage('no input files or folders given');
  if (!values.out) usage('--out <dir> is required');
  if (values.log !== undefined && values.log !== 'json') usage(`--log takes 'json', got '${values.log}'`);
  if (values.log === 'json' && values.summary) usage(`--summary prints a table for people and --log json lines for programs, both on stdout: choose one (each JSON line has the document's counts)`);
  const shard = values.shard === undefined ? null : parseShard(values.shard);
  if (shard === null && values.shard !== undefined) usage(`--shard needs <i>/<n> with 1 <= i <= n, got '${values.shard}'`);

  const limits: Partial<Limits> = {};
  const maxBytes = positiveInt('max-bytes', values['max-bytes']);
  const maxPages = positiveInt('max-pages', values['max-pages']);
  const maxUnzipped = positiveInt('max-unzipped', values['max-unzipped']);
  const timeout = positiveInt('timeout', values.timeout);
  if (timeout !== undefined && timeout > MAX_TIMEOUT_S) usage(`--timeout is at most ${MAX_TIMEOUT_S} seconds (about 24 days), got '${values.timeout}'`);
  if (maxBytes) limits.maxInputBytes = maxBytes;
  if (maxPages) limits.maxPages = maxPages;
  if (maxUnzipped) limits.maxDecompressedBytes = maxUnzipped;
  if (timeout) limits.timeoutMs = timeout * 1000;
  const cores = availableParallelism();
  const asked = positiveInt('concurrency', values.concurrency) ?? cores;
  // Workers keep the cores busy: past twice as many, more only hold more documents in memory at once.
  const concurrency = Math.min(asked, 2 * cores);
  if (asked > concurrency) tell(`scc-extract: --concurrency ${asked} is more than twice the ${cores} cores; ${concurrency} workers are used`);
  const maxMemoryMb = positiveInt('max-memory', values['max-memory']) ?? DEFAULT_MAX_MEMORY_MB;

  const args = [...positionals];
  for (const list of lists) {
    try {
      args.push(...(await readListFile(list)));
    } catch (error) {
      usage(`cannot read --from ${list}: ${ioReason(error)}`);
    }
  }
  const mixed = await outputsAmongInputs(values.out, args);
  if (mixed) usage(`--out ${values.out} ${mixed}; give the outputs a folder of their own`);
  const plan = planBatch(await listInputs(args, { out: values.out }), shard);
  const json = values.log === 'json';
  const progress = process.stderr.isTTY && !(json && process.stdout.isTTY) ? new Progress(plan.inputs.length) : undefined;
  const started = performance.now();
  let done = 0;
  stopWith(() => {
    progress?.clear();
    return done < plan.inputs.length ? `after ${done} of ${plan.inputs.length} documents; their results are kept` : `as it wrote the dataset and report of all ${done} documents`;
  });
  const result = await runBatch(plan, {
    out: values.out,
    password: values.password,
    limits,
    concurrency,
    maxMemoryMb,
    force: values.force,
    onDocument: (e) => {
      done++;
      progress?.update(e);
      if (json) process.stdout.write(`${JSON.stringify(logLine(e))}\n`);
    },
  });
  progress?.clear();

  const seconds = (performance.now() - started) / 1000;
  tell(`${summaryLine(result, seconds)}; output in ${values.out}`);
  const shown = result.report.errors.slice(0, 20);
  for (const e of shown) tell(`  failed: ${e.path}: ${e.message}`);
  if (result.report.errors.length > shown.length) tell(`  … and ${result.report.errors.length - shown.length} more in ${values.out}/report.md`);
  if (json) {
    const summary = { inputs: plan.inputs.length, extracted: result.extracted, failed: result.failed, skipped: result.skipped, seconds: Number(seconds.toFixed(3)), out: values.out };
    process.stdout.write(`${JSON.stringify({ summary })}\n`);
  }
  if (values.summary) process.stdout.write(summaryTable(result));
  return result.failed > 0 ? 1 : 0;
}

/**
 * Why an output folder would mix with the inputs, or null: outputs written among the documents would pass for them,
 * and the folder for outputs from then on; inside a folder given, documents beside the outputs would go unread, as
 * walks and patterns pass over output folders.
 */
async function outputsAmongInputs(out: string, args: readonly string[]): Promise<string | null> {
  const outAt = (await stat(out).catch(() => null))?.isDirectory() ? await realpath(out) : null;
  if (!outAt) return null;
  let inside = false;
  for (const arg of args) {
    // A pattern's folder is the one its first wildcard stands in ("in" of "in/**/*.pdf"); a file's, the one it is in.
    const wild = arg.search(/[*?[{]/);
    const at = await realpath(wild < 0 ? arg : path.dirname(`${arg.slice(0, wild)}x`)).catch(() => null);
    const folder = at && ((await stat(at)).isDirectory() ? at : path.dirname(at));
    if (folder === outAt && folder === at) return 'is also an input folder';
    if (folder !== null && (folder === outAt || outAt.startsWith(`${folder}${path.sep}`))) inside = true;
  }
  const held = inside ? (await readdir(outAt, { withFileTypes: true })).find((e) => e.isFile() && !e.name.startsWith('.') && !OUTPUT_FILES.has(e.name) && isDocumentName(e.name)) : undefined;
  return held ? `holds documents (${held.name}) among the inputs` : null;
}

/**
 * On Ctrl-C or SIGTERM: the run's temporary files and lock go, and one line says where it stopped. Records and
 * manifest lines are whole as each document finishes, so what was done is kept.
 */
function stopWith(where: () => string): void {
  const stop = async (signal: NodeJS.Signals) => {
    const at = where();
    await abandonOutputs();
    tell(`scc-extract: stopped (${signal}) ${at}: run again with the same --out to finish`);
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  const onSignal = (signal: NodeJS.Signals) => void stop(signal);
  process.once('SIGINT', onSignal).once('SIGTERM', onSignal);
}

async function merge(dirs: string[], out: string | undefined): Promise<number> {
  if (dirs.length === 0) usage('merge needs the output folders of the shards');
  if (!out) usage('--out <dir> is required');
  stopWith(() => 'while merging');
  try {
    const result = await mergeOutputs(dirs, out);
    tell(`merged ${dirs.length} folders: ${result.extracted} extracted, ${result.failed} failed; output in ${out}`);
    return result.failed > 0 ? 1 : 0;
  } catch (error) {
    if (!(error instanceof MergeError)) throw error;
    tell(`scc-extract merge: ${error.message}`);
    return 1;
  }
}

function summaryLine(result: BatchResult, seconds: number): string {
  // Kept results are among the extracted and the failed, so the figures add up to the inputs.
  const kept = result.skipped ? ` (${result.skipped} of these kept unchanged from the last run)` : '';
  const removed = result.unlisted;
  const unlisted = removed ? `; the records of ${removed} earlier input${removed === 1 ? '' : 's'} not given this time are removed` : '';
  return `${result.extracted} extracted, ${result.failed} failed${kept} in ${seconds.toFixed(1)} s${unlisted}`;
}

function logLine(e: DocumentEvent) {
  return {
    path: e.path,
    status: e.status,
    ms: Math.round(e.ms),
    ...(e.code ? { code: e.code, message: e.message } : {}),
    ...e.counts,
  };
}

/** One line on a terminal, redrawn at most ten times a second. */
class Progress {
  private done = 0;
  private failed = 0;
  private skipped = 0;
  private firstWork: number | null = null;
  private drawn = 0;

  constructor(private readonly total: number) {}

  update(e: DocumentEvent): void {
    this.done++;
    if (e.status === 'failed') this.failed++;
    // Kept documents take no time, so the rate (and the ETA) counts only documents actually worked on.
    if (e.status === 'skipped') this.skipped++;
    else this.firstWork ??= performance.now() - e.ms;
    const now = performance.now();
    if (now - this.drawn < 100 && this.done < this.total) return;
    this.drawn = now;
    const worked = this.done - this.skipped;
    const rate = this.firstWork === null ? 0 : worked / Math.max(0.001, (now - this.firstWork) / 1000);
    const eta = rate > 0 ? `, ETA ${formatSeconds((this.total - this.done) / rate)}` : '';
    const kept = this.skipped ? `, ${this.skipped} unchanged` : '';
    process.stderr.write(`\r\x1b[K${this.done}/${this.total} documents, ${rate.toFixed(1)}/s${eta}, ${this.failed} failed${kept}`);
  }

  clear(): void {
    process.stderr.write('\r\x1b[K');
  }
}

function formatSeconds(s: number): string {
  if (s < 60) return `${Math.ceil(s)} s`;
  const m = Math.floor(s / 60);
  return m < 60 ? `${m} min ${Math.round(s % 60)} s` : `${Math.floor(m / 60)} h ${m % 60} min`;
}

function summaryTable(result: BatchResult): string {
  const rows = result.report.documents.map((d) => `${printable(d.path)}\t${d.counts.answered} answered\t${d.counts.missing} missing\t${d.counts.ambiguous} ambiguous`);
  return `${rows.join('\n')}\n`;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    // An output folder that will not do is the caller's to fix, as a bad argument is.
    if (error instanceof OutputError) {
      tell(`scc-extract: ${error.message}`);
      process.exit(2);
    }
    const shown = process.env[DEBUG] && error instanceof Error ? error.stack : error instanceof Error ? `${error.message} (${DEBUG}=1 shows where)` : String(error);
    for (const line of `scc-extract: ${shown}`.split('\n')) tell(line);
    process.exit(1);
  },
);
