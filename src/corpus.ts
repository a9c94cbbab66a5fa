/** The regression corpus: one folder per case, holding `input.<ext>` and `expected.json`. */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { ExpectedSchema, type Expected } from './schema.js';

export interface CorpusCase {
  name: string;
  input: string;
  expected: Expected;
}

export async function loadCorpus(root: string): Promise<CorpusCase[]> {
  const cases: CorpusCase[] = [];
  for (const entry of (await readdir(root, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
    if (!entry.isDirectory()) continue;
    const dir = path.join(root, entry.name);
    const files = await readdir(dir);
    const input = files.find((f) => f.startsWith('input.'));
    if (!input || !files.includes('expected.json')) continue;
    const expected = ExpectedSchema.parse(JSON.parse(await readFile(path.join(dir, 'expected.json'), 'utf8')));
    cases.push({ name: entry.name, input: path.join(dir, input), expected });
  }
  return cases;
}
