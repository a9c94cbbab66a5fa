/** The regression corpus: one folder per case, holding `input.<ext>` and `expected.json`. */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { ExpectedSchema, type Expected } from './schema.js';

export interface CorpusCase {
  name: string;
  input: string;
  expected: Expected;
}

/** Each case under `root`; a missing folder, an empty one or an expected record that does not parse is an error naming it. */
export async function loadCorpus(root: string): Promise<CorpusCase[]> {
  const cases: CorpusCase[] = [];
  const entries = await readdir(root, { withFileTypes: true }).catch(() => {
    throw new Error(`no corpus folder at ${path.resolve(root)}: run from a folder holding ${root}/<case>/input.<ext> and expected.json`);
  });
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (!entry.isDirectory()) continue;
    const dir = path.join(root, entry.name);
    const files = await readdir(dir);
    const input = files.find((f) => f.startsWith('input.'));
    if (!input || !files.includes('expected.json')) continue;
    let expected: Expected;
    try {
      expected = ExpectedSchema.parse(JSON.parse(await readFile(path.join(dir, 'expected.json'), 'utf8')));
    } catch (error) {
      const issue = error instanceof z.ZodError ? error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') : (error as Error).message;
      throw new Error(`${path.join(dir, 'expected.json')} is not an expected record: ${issue}`);
    }
    cases.push({ name: entry.name, input: path.join(dir, input), expected });
  }
  if (cases.length === 0) throw new Error(`no cases in ${path.resolve(root)}: each needs a folder holding input.<ext> and expected.json`);
  return cases;
}
