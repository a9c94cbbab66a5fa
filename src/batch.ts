/** A batch: every input extracted, every output written, failures reported alone. */
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import pLimit from 'p-limit';
import type { Limits } from './document.js';
import { ExtractError, toExtractError } from './errors.js';
import { extract } from './extract.js';
import { ReportSchema, SCHEMA_VERSION, type ExtractRecord, type Report, type ReportEntry } from './schema.js';
import { DatasetWriter, recordNames, reportMarkdown, toJson, writeAtomic } from './writers.js';

export interface BatchOptions {
  out: string;
  password?: string;
  limits?: Partial<Limits>;
  concurrency: number;
  /** Told after each input, for progress display. */
  onDocument?: (event: DocumentEvent) => void;
}

export interface DocumentEvent {
  index: number;
  path: string;
  ok: boolean;
  message?: string;
  ms: number;
}

export interface BatchResult {
  report: Report;
  succeeded: number;
  failed: number;
}

export async function runBatch(files: readonly string[], options: BatchOptions, earlyErrors: Report['errors'] = []): Promise<BatchResult> {
  const names = recordNames(files);
  await mkdir(path.join(options.out, 'records'), { recursive: true });
  const dataset = new DatasetWriter(path.join(options.out, 'dataset.jsonl'));
  const entries: Array<ReportEntry | null> = new Array(files.length).fill(null);
  const errors: Array<Report['errors'][number] | null> = new Array(files.length).fill(null);
  const limit = pLimit(Math.max(1, options.concurrency));

  await Promise.all(
    files.map((file, index) =>
      limit(async () => {
        const started = performance.now();
        let record: ExtractRecord | null = null;
        try {
          const bytes = await readInput(file);
          record = await extract(bytes, { path: file, password: options.password, limits: options.limits });
          await writeAtomic(path.join(options.out, names[index]!), toJson(record));
          entries[index] = reportEntry(file, names[index]!, record);
        } catch (error) {
          const e = toExtractError(error);
          errors[index] = { path: file, code: e.code, message: e.message };
          record = null;
        }
        dataset.put(index, record);
        options.onDocument?.({ index, path: file, ok: record !== null, message: errors[index]?.message, ms: performance.now() - started });
      }),
    ),
  );
  await dataset.close();

  const report = ReportSchema.parse({
    schemaVersion: SCHEMA_VERSION,
    documents: entries.filter((e): e is ReportEntry => e !== null),
    errors: [...earlyErrors.map((e) => e), ...errors.filter((e): e is Report['errors'][number] => e !== null)],
  });
  await writeAtomic(path.join(options.out, 'report.json'), toJson(report));
  await writeAtomic(path.join(options.out, 'report.md'), reportMarkdown(report));
  return { report, succeeded: report.documents.length, failed: report.errors.length };
}

async function readInput(file: string): Promise<Uint8Array> {
  try {
    return await readFile(file);
  } catch (error) {
    throw new ExtractError('io', `cannot read the file: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

function reportEntry(file: string, recordFile: string, record: ExtractRecord): ReportEntry {
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
