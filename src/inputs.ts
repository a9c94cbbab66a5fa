/** Turns the command line's files, folders, patterns and lists into the ordered list of inputs. */
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { SUPPORTED_EXTENSIONS } from './detect.js';
import { ioReason } from './errors.js';

export interface InputList {
  files: string[];
  /** Arguments that named nothing readable, with why. */
  problems: Array<{ path: string; message: string }>;
}

const supported = (name: string) => SUPPORTED_EXTENSIONS.includes(path.extname(name).toLowerCase());
const byPath = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Files are taken as given (whatever their extension: the format is read from
 * the bytes); folders are walked for supported files, and glob patterns the
 * shell left alone (quoted ones) expanded the same way, each sorted by path so
 * the order is the same on every machine. A file named twice is processed
 * once, where it first appears.
 */
export async function listInputs(args: readonly string[]): Promise<InputList> {
  const files: string[] = [];
  const problems: InputList['problems'] = [];
  const seen = new Set<string>();
  const add = (f: string) => {
    const key = path.resolve(f);
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
        const matched = await expand(arg);
        if (matched.length) matched.forEach(add);
        else problems.push({ path: arg, message: 'no file matches this pattern' });
      } else {
        problems.push({ path: arg, message: 'no such file or folder' });
      }
      continue;
    }
    if (info.isDirectory()) for (const f of await walk(arg, problems)) add(f);
    else add(arg);
  }
  return { files, problems };
}

/**
 * The paths in a list file (`--from`): one per line, relative to the current
 * folder like command-line arguments; blank lines and lines starting with `#`
 * are skipped. Each may be a file, a folder or a pattern.
 */
export async function readListFile(file: string): Promise<string[]> {
  const text = await readFile(file, 'utf8');
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

/** Like a folder, a pattern selects supported files only; relative patterns give relative paths. */
async function expand(pattern: string): Promise<string[]> {
  const absolute = path.isAbsolute(pattern);
  const matched = await glob(pattern, { absolute, onlyFiles: true, dot: false, expandDirectories: false });
  return matched
    .filter(supported)
    .map((f) => path.normalize(f))
    .sort(byPath);
}

/** A folder that cannot be listed is a problem of its own; the rest of the walk goes on. */
async function walk(dir: string, problems: InputList['problems']): Promise<string[]> {
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
    if (e.isDirectory()) out.push(...(await walk(full, problems)));
    else if (e.isFile() && supported(e.name)) out.push(full);
  }
  return out;
}
