/** Turns the command line's files, folders, patterns and lists into the ordered list of inputs. */
import { createReadStream } from 'node:fs';
import { readFile, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { RUN_FILE } from './batch.js';
import { REFUSED_EXTENSIONS, SUPPORTED_EXTENSIONS } from './detect.js';
import { ioReason } from './errors.js';
import { MANIFEST } from './manifest.js';

export interface InputList {
  files: string[];
  /** Arguments that named nothing readable, with why. */
  problems: Array<{ path: string; message: string }>;
}

export interface ListOptions {
  /** The run's output folder: never read as input, wherever a walk or a pattern meets it. */
  out?: string;
}

/** A name a folder walk takes: a document this tool reads, or one it refuses with a reason. */
export const isDocumentName = (name: string) => [...SUPPORTED_EXTENSIONS, ...REFUSED_EXTENSIONS].includes(path.extname(name).toLowerCase());
const byPath = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
type IsOutput = (dir: string) => Promise<boolean>;

/**
 * Files are taken as given (whatever their extension: the format is read from
 * the bytes); folders are walked for supported files and documents in formats
 * that are refused with a reason, and glob patterns the
 * shell left alone (quoted ones) expanded the same way, each sorted by path so
 * the order is the same on every machine. A file named twice, by any path or
 * link, is processed once, where it first appears. Output folders are passed over.
 */
export async function listInputs(args: readonly string[], options: ListOptions = {}): Promise<InputList> {
  const isOutput = outputFolders(options.out);
  const files: string[] = [];
  const problems: InputList['problems'] = [];
  const seen = new Set<string>();
  // The same file is the same input however it is reached: by another path, or through a link.
  const add = async (f: string) => {
    const key = await realpath(f).catch(() => path.resolve(f));
    if (!seen.has(key)) {
      seen.add(key);
      files.push(f);
    }
  };
  for (const arg of args) {
    let info;
    try {
      info = await stat(arg);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        problems.push({ path: arg, message: `cannot read: ${ioReason(error)}` });
      } else if (isDynamicPattern(arg)) {
        const matched = await expand(arg, isOutput);
        for (const f of matched) await add(f);
        if (matched.length === 0) problems.push({ path: arg, message: 'no file matches this pattern' });
      } else {
        problems.push({ path: arg, message: 'no such file or folder' });
      }
      continue;
    }
    if (!info.isDirectory()) await add(arg);
    else if (await isOutput(arg)) problems.push({ path: arg, message: 'an scc-extract output folder, not inputs: it is not read' });
    else {
      const found = problems.length;
      const walkedFiles = await walk(arg, problems, isOutput);
      // A folder with nothing to read is most likely the wrong one: said, not passed over in silence.
      if (walkedFiles.length === 0 && problems.length === found) problems.push({ path: arg, message: `no documents in this folder (none ending ${SUPPORTED_EXTENSIONS.join(', ')}, hidden files aside)` });
      for (const f of walkedFiles) await add(f);
    }
  }
  return { files, problems };
}

/** Far more than any list of paths: past it, the file is something else (a device that never ends, say). */
const MAX_LIST_BYTES = 64 * 1024 * 1024;

/**
 * The paths in a list file (`--from`): one per line, relative to the current
 * folder like command-line arguments; blank lines and lines starting with `#`
 * are skipped. Each may be a file, a folder or a pattern. A file that is not
 * UTF-8 text is refused as soon as that shows, before any of it is used.
 */
export async function readListFile(file: string): Promise<string[]> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    if (chunk.includes(0)) throw new Error('binary data (NUL bytes), not a list of paths');
    size += chunk.length;
    if (size > MAX_LIST_BYTES) throw new Error(`more than ${MAX_LIST_BYTES} bytes, not a list of paths`);
    chunks.push(chunk);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new Error('not UTF-8 text, not a list of paths');
  }
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

/** Like a folder, a pattern selects the files a walk does; relative patterns give relative paths. */
async function expand(pattern: string, isOutput: IsOutput): Promise<string[]> {
  const absolute = path.isAbsolute(pattern);
  const matched = (await glob(pattern, { absolute, onlyFiles: true, dot: false, expandDirectories: false })).filter(isDocumentName).map((f) => path.normalize(f));
  const outside = await Promise.all(matched.map(async (f) => !(await isOutput(path.dirname(f)))));
  return matched.filter((_, i) => outside[i]).sort(byPath);
}

/**
 * Output folders, the run's own and any other this tool wrote into: read as
 * inputs, their reports would fail as documents, and a run into a folder among
 * its own inputs could not be repeated.
 */
function outputFolders(out: string | undefined): IsOutput {
  const own = out === undefined ? null : path.resolve(out);
  const known = new Map<string, Promise<boolean>>();
  return (dir) => {
    const key = path.resolve(dir);
    let answer = known.get(key);
    if (!answer) known.set(key, (answer = key === own ? Promise.resolve(true) : holdsOutput(key)));
    return answer;
  };
}

/**
 * A run.json of this tool, or a manifest of this tool's entries beside a records folder (a run.json can be
 * deleted by hand). A folder of someone else's that happens to hold those names is walked.
 */
async function holdsOutput(dir: string): Promise<boolean> {
  try {
    const run = JSON.parse(await readFile(path.join(dir, RUN_FILE), 'utf8')) as { tool?: unknown } | null;
    if (run?.tool === 'scc-extract') return true;
  } catch {
    // No run.json, or someone else's: the manifest may still say so.
  }
  try {
    if (!(await stat(path.join(dir, 'records'))).isDirectory()) return false;
    const first = (await readFile(path.join(dir, MANIFEST), 'utf8')).split('\n', 1)[0]!;
    const entry = JSON.parse(first) as Record<string, unknown> | null;
    return !!entry && typeof entry.index === 'number' && typeof entry.version === 'string' && typeof entry.settings === 'object' && 'sha256' in entry;
  } catch {
    return false;
  }
}

/** A folder that cannot be listed is a problem of its own; the rest of the walk goes on. */
async function walk(dir: string, problems: InputList['problems'], isOutput: IsOutput): Promise<string[]> {
  let entries;
  try {
    entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => byPath(a.name, b.name));
  } catch (error) {
    problems.push({ path: dir, message: `cannot read the folder: ${ioReason(error)}` });
    return [];
  }
  const out: string[] = [];
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const full = path.join(dir, e.name);
    if (e.isDirectory() && !(await isOutput(full))) out.push(...(await walk(full, problems, isOutput)));
    else if (e.isFile() && isDocumentName(e.name)) out.push(full);
  }
  return out;
}
