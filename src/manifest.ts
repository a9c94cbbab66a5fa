/**
 * `<out>/manifest.jsonl`: what the output folder holds, one line per input,
 * so a later run into the same folder can skip what is already done.
 *
 * During a run it is a journal: a line is appended once a document's record
 * is in place (one small write each, so `kill -9` cannot leave half a line
 * that matters; a torn last line is ignored on reading). At the end of a run
 * it is rewritten, atomically, as exactly the run's inputs in input order.
 */
import { open, readFile, unlink, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { Limits } from './document.js';
import { toJsonLines, writeAtomic } from './writers.js';

export const MANIFEST = 'manifest.jsonl';

/** Options that change what a record says; a change means the document is redone. */
export interface Settings {
  maxInputBytes: number;
  maxPages: number;
  maxDecompressedBytes: number;
  /** Whether a password was given; the password itself is never written down. */
  password: boolean;
}

export interface Counts {
  answered: number;
  missing: number;
  ambiguous: number;
}

export interface ManifestEntry {
  /** Position in the whole input list, before any --shard split. */
  index: number;
  path: string;
  /** sha256 of the bytes; null when the file could not be read. */
  sha256: string | null;
  version: string;
  settings: Settings;
  /** Record file, relative to the output folder, for an extracted document. */
  record?: string;
  counts?: Counts;
  error?: { code: string; message: string };
}

/**
 * Failures that may go away on their own (a busy machine, a full disk, a
 * worker that ran out of memory beside others) are tried again, and so are
 * encrypted files: the password is not recorded, so this run's may be the
 * right one. The rest fail the same way every time and are kept.
 */
const RETRIED = new Set(['timeout', 'internal', 'io', 'encrypted']);

export function settingsOf(limits: Limits, password: boolean): Settings {
  return {
    maxInputBytes: limits.maxInputBytes,
    maxPages: limits.maxPages,
    maxDecompressedBytes: limits.maxDecompressedBytes,
    password,
  };
}

/**
 * Every entry, in the order written: the last finished run's, then the
 * journal of any run killed since. An absent or unreadable manifest is empty.
 */
export async function readManifestLines(out: string): Promise<ManifestEntry[]> {
  const entries: ManifestEntry[] = [];
  let text: string;
  try {
    text = await readFile(path.join(out, MANIFEST), 'utf8');
  } catch {
    return entries;
  }
  for (const line of text.split('\n')) {
    if (!line) continue;
    try {
      const entry = JSON.parse(line) as ManifestEntry;
      if (typeof entry.path === 'string' && typeof entry.index === 'number') entries.push(entry);
    } catch {
      // A line cut short by a killed run: that document is simply redone.
    }
  }
  return entries;
}

/** The latest entry per input path. */
export const latestByPath = (entries: readonly ManifestEntry[]) => new Map(entries.map((e) => [e.path, e]));

/** The latest entry per input path in `out`'s manifest. */
export const readManifest = async (out: string) => latestByPath(await readManifestLines(out));

/** Whether `previous` stands for the document now at `path` with these bytes, version and settings. */
export function reusable(previous: ManifestEntry | undefined, sha256: string, version: string, settings: Settings, recordName: string): boolean {
  if (!previous || previous.sha256 !== sha256 || previous.version !== version) return false;
  if (JSON.stringify(previous.settings) !== JSON.stringify(settings)) return false;
  if (previous.error) return !RETRIED.has(previous.error.code);
  return previous.record === recordName;
}

export class ManifestJournal {
  private constructor(private readonly handle: FileHandle) {}

  static async open(out: string): Promise<ManifestJournal> {
    return new ManifestJournal(await open(path.join(out, MANIFEST), 'a'));
  }

  async append(entry: ManifestEntry): Promise<void> {
    await this.handle.write(`${JSON.stringify(entry)}\n`);
  }

  async close(): Promise<void> {
    await this.handle.close();
  }
}

/** The final manifest: these entries, in this order, replacing the journal. */
export async function writeManifest(out: string, entries: readonly ManifestEntry[]): Promise<void> {
  await writeAtomic(path.join(out, MANIFEST), toJsonLines(entries));
}

/**
 * Record files earlier runs wrote that the latest one has no record in: of
 * inputs no longer listed, and of inputs that fail now. Every line counts, so
 * that a record outlives no run killed after its input's failure was journalled.
 * Returns the records removed.
 */
export async function removeOrphans(out: string, previous: Iterable<ManifestEntry>, current: ReadonlySet<string>): Promise<string[]> {
  const orphans = new Set([...previous].flatMap((e) => (e.record && !current.has(e.record) && isRecordName(e.record) ? [e.record] : [])));
  const removed = await Promise.all(
    [...orphans].map((r) =>
      unlink(path.join(out, r)).then(
        () => true,
        (error: NodeJS.ErrnoException) => {
          if (error.code === 'ENOENT') return false;
          throw error;
        },
      ),
    ),
  );
  return [...orphans].filter((_, i) => removed[i]);
}

/** Only names this tool makes (`records/<name>.json`): a manifest edited by hand cannot point the clean-up or a merge elsewhere. */
export const isRecordName = (name: string) => /^records\/[\w.\-]+\.json$/.test(name) && !name.includes('..');
