/**
 * Everything written to the output folder. Each file appears under its final
 * name only once complete (written to a temporary name, then renamed), so a
 * run that is killed leaves either the old file or the new one, never half.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ExtractRecord, Report } from './schema.js';

const tempName = (file: string) => `${file}.${process.pid}.tmp`;

export async function writeAtomic(file: string, data: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = tempName(file);
  try {
    await writeFile(tmp, data);
    await rename(tmp, file);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
}

export const toJson = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/**
 * Record file names: the input's base name, with its folder's name in front
 * where several inputs share a base name (as corpus cases' input files do),
 * made unique in input order.
 */
export function recordNames(files: readonly string[]): string[] {
  const safe = (s: string) => s.replace(/[^\w.\-]+/g, '_') || 'document';
  const base = (f: string) => safe(path.basename(f, path.extname(f)));
  const shared = new Map<string, number>();
  for (const f of files) shared.set(base(f).toLowerCase(), (shared.get(base(f).toLowerCase()) ?? 0) + 1);
  const used = new Map<string, number>();
  return files.map((f) => {
    const name = (shared.get(base(f).toLowerCase()) ?? 0) > 1 ? `${safe(path.basename(path.dirname(path.resolve(f))))}-${base(f)}` : base(f);
    const n = (used.get(name.toLowerCase()) ?? 0) + 1;
    used.set(name.toLowerCase(), n);
    return `records/${n === 1 ? name : `${name}-${n}`}.json`;
  });
}

/**
 * dataset.jsonl, one line per record in input order, streamed: results that
 * arrive early wait only until those before them are in.
 */
export class DatasetWriter {
  private readonly stream: WriteStream;
  private readonly waiting = new Map<number, string | null>();
  private next = 0;

  constructor(private readonly file: string) {
    this.stream = createWriteStream(tempName(file));
  }

  /** The record for input `index`, or null when that input gave no record. */
  put(index: number, record: ExtractRecord | null): void {
    this.waiting.set(index, record ? `${JSON.stringify(record)}\n` : null);
    while (this.waiting.has(this.next)) {
      const line = this.waiting.get(this.next);
      this.waiting.delete(this.next);
      if (line) this.stream.write(line);
      this.next++;
    }
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve, reject) => this.stream.end((error?: Error | null) => (error ? reject(error) : resolve())));
    await rename(tempName(this.file), this.file);
  }
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
    lines.push(`## ${d.path}`, '', `Record: \`${d.record}\`. ${d.counts.answered} answered, ${d.counts.missing} missing, ${d.counts.ambiguous} ambiguous.`, '');
    if (d.problems.length) {
      lines.push('| question | status | reason | where |', '|---|---|---|---|');
      for (const p of d.problems) lines.push(`| ${p.id} | ${p.status} | ${cell(p.reason)} | ${where(p.provenance)} |`);
      lines.push('');
    }
  }
  return lines.join('\n');
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function where(p: { page?: number; line?: number } | null): string {
  if (!p) return '';
  return [p.page !== undefined ? `page ${p.page}` : '', p.line !== undefined ? `line ${p.line}` : ''].filter(Boolean).join(', ');
}
