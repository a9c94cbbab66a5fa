/** Turns the command line's files and folders into the ordered list of inputs. */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { SUPPORTED_EXTENSIONS } from './detect.js';

export interface InputList {
  files: string[];
  /** Arguments that named nothing readable, with why. */
  problems: Array<{ path: string; message: string }>;
}

const supported = (name: string) => SUPPORTED_EXTENSIONS.includes(path.extname(name).toLowerCase());

/**
 * Files are taken as given (whatever their extension: the format is read from
 * the bytes); folders are walked for supported files, sorted by path so the
 * order is the same on every machine. A file named twice is processed once.
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
    } catch {
      problems.push({ path: arg, message: 'no such file or folder' });
      continue;
    }
    if (info.isDirectory()) for (const f of await walk(arg)) add(f);
    else add(arg);
  }
  return { files, problems };
}

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const full = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(full)));
    else if (e.isFile() && supported(e.name)) out.push(full);
  }
  return out;
}
