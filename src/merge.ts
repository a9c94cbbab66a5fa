/**
 * `scc-extract merge <shard out dirs...> --out <dir>`: the outputs of the
 * shards of one input list joined into the output a single run over the
 * whole list would have written, byte for byte (dataset.jsonl in the global
 * input order, records, report.json, report.md, manifest.jsonl).
 */
import { readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import { reportEntry, RUN_FILE, toolVersion, type RunInfo } from './batch.js';
import { isRecordName, readManifest, readManifestLines, removeOrphans, settingsOf, writeManifest, type ManifestEntry } from './manifest.js';
import { ReportSchema, SCHEMA_VERSION, type ExtractRecord, type ReportEntry } from './schema.js';
import { DatasetWriter, reportMarkdown, toJson, withOutput, writeAtomic } from './writers.js';

export class MergeError extends Error {}

export interface MergeResult {
  extracted: number;
  failed: number;
  inputs: number;
}

interface Part {
  dir: string;
  run: RunInfo;
  entries: ManifestEntry[];
}

export async function mergeOutputs(dirs: readonly string[], out: string): Promise<MergeResult> {
  const startedAt = new Date();
  const parts = await Promise.all(dirs.map(readPart));
  checkCompatible(parts);
  // Compared where they really are: a link to a shard is that shard.
  const real = (dir: string) => realpath(dir).catch(() => path.resolve(dir));
  const realOut = await real(out);
  if ((await Promise.all(parts.map((p) => real(p.dir)))).includes(realOut)) throw new MergeError('--out must be a folder other than the shards being merged');

  const entries = parts
    .flatMap((part) => part.entries.map((entry) => ({ entry, dir: part.dir })))
    .sort((a, b) => a.entry.index - b.entry.index);
  for (let i = 1; i < entries.length; i++) {
    if (entries[i]!.entry.index === entries[i - 1]!.entry.index) {
      throw new MergeError(`input ${entries[i]!.entry.path} appears in two shards (${entries[i - 1]!.dir}, ${entries[i]!.dir})`);
    }
  }
  const listed = parts[0]!.run.listed;
  if (entries.length !== listed.count) {
    throw new MergeError(`the shards hold ${entries.length} of the ${listed.count} inputs listed; re-run the shards that did not finish`);
  }

  return withOutput(out, () => writeMerged(out, dirs, parts, entries, startedAt));
}

/** What one run over the whole list would have written, into `out` once it is open. */
async function writeMerged(out: string, dirs: readonly string[], parts: readonly Part[], entries: ReadonlyArray<{ entry: ManifestEntry; dir: string }>, startedAt: Date): Promise<MergeResult> {
  const listed = parts[0]!.run.listed;
  const previous = await readManifestLines(out);
  const dataset = new DatasetWriter(out);
  const documents: ReportEntry[] = [];
  for (const [position, { entry, dir }] of entries.entries()) {
    if (!entry.record) {
      dataset.put(position, null);
      continue;
    }
    const text = await readFile(path.join(dir, entry.record), 'utf8');
    documents.push(reportEntry(entry.path, entry.record, JSON.parse(text) as ExtractRecord));
    await writeAtomic(path.join(out, entry.record), text);
    dataset.put(position, path.join(out, entry.record));
  }
  await dataset.close(entries.length);

  const report = ReportSchema.parse({
    schemaVersion: SCHEMA_VERSION,
    documents,
    errors: [...listed.problems, ...entries.flatMap(({ entry }) => (entry.error ? [{ path: entry.path, ...entry.error }] : []))],
  });
  await writeAtomic(path.join(out, 'report.json'), toJson(report));
  await writeAtomic(path.join(out, 'report.md'), reportMarkdown(report));
  await writeManifest(out, entries.map(({ entry }) => entry));
  await removeOrphans(out, previous, new Set(entries.flatMap(({ entry }) => (entry.record ? [entry.record] : []))));

  const first = parts[0]!.run;
  const finished = new Date();
  const run: RunInfo & { mergedFrom: string[] } = {
    ...first,
    version: toolVersion(),
    startedAt: startedAt.toISOString(),
    finishedAt: finished.toISOString(),
    shard: null,
    counts: {
      inputs: entries.length,
      extracted: report.documents.length,
      failed: report.errors.length,
      skipped: parts.reduce((n, p) => n + (p.run.counts?.skipped ?? 0), 0),
    },
    seconds: (finished.getTime() - startedAt.getTime()) / 1000,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    mergedFrom: dirs.map((d) => path.resolve(d)),
  };
  await writeAtomic(path.join(out, RUN_FILE), toJson(run));
  return { extracted: report.documents.length, failed: report.errors.length, inputs: entries.length };
}

async function readPart(dir: string): Promise<Part> {
  let run: RunInfo;
  try {
    run = JSON.parse(await readFile(path.join(dir, RUN_FILE), 'utf8')) as RunInfo;
  } catch {
    throw new MergeError(`${dir}: no ${RUN_FILE}; not an scc-extract output folder`);
  }
  if (!run.finishedAt) throw new MergeError(`${dir}: its run did not finish; run that shard again first`);
  const entries = [...(await readManifest(dir)).values()].sort((a, b) => a.index - b.index);
  const odd = entries.find((e) => e.record !== undefined && !isRecordName(e.record));
  if (odd) throw new MergeError(`${dir}: manifest names '${odd.record}' as a record; not a file this tool writes`);
  return { dir, run, entries };
}

/** Shards of one list, made by one version with the same settings, each once, none missing. */
function checkCompatible(parts: readonly Part[]): void {
  if (parts.length === 0) throw new MergeError('no output folders to merge');
  const first = parts[0]!.run;
  const count = first.shard?.count ?? 1;
  const seen = new Map<number, string>();
  for (const { dir, run } of parts) {
    if (run.listed.sha256 !== first.listed.sha256) throw new MergeError(`${dir} was run over a different input list from ${parts[0]!.dir}`);
    if (run.version !== first.version) throw new MergeError(`${dir} was made by version ${run.version}, ${parts[0]!.dir} by ${first.version}`);
    if (JSON.stringify(settingsOf(run.options.limits, run.options.password)) !== JSON.stringify(settingsOf(first.options.limits, first.options.password))) {
      throw new MergeError(`${dir} was run with different limits or password settings from ${parts[0]!.dir}`);
    }
    const shard = run.shard ?? { index: 1, count: 1 };
    if (shard.count !== count) throw new MergeError(`${dir} is shard ${shard.index}/${shard.count}, but ${parts[0]!.dir} is one of ${count}`);
    const twin = seen.get(shard.index);
    if (twin) throw new MergeError(`${dir} and ${twin} are both shard ${shard.index}/${count}`);
    seen.set(shard.index, dir);
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !seen.has(i));
  if (missing.length) throw new MergeError(`shard ${missing.map((i) => `${i}/${count}`).join(', ')} missing`);
}
