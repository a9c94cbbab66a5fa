import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { abandonOutputs, withOutput, writeAtomic } from '../src/writers.js';

// A stop ends the module's writing for good, so this file holds this one test.
it('on a stop, waits for writes under way before sweeping their temporary files, and begins no more', async () => {
  const out = mkdtempSync(path.join(tmpdir(), 'scc-stop-'));
  const records = path.join(out, 'records');
  let late: Promise<void> | undefined;
  await withOutput(out, async () => {
    // Not awaited, as a signal comes while a document's record is being written: its file is opened after this returns.
    let finished = 0;
    for (let i = 0; i < 20; i++) void writeAtomic(path.join(records, `doc-${i}.json`), 'x'.repeat(1 << 16)).then(() => finished++);
    await abandonOutputs();
    // The process exits here, in a run: nothing may still be opening a temporary file.
    expect(finished).toBe(20);
    expect(readdirSync(records).filter((f) => f.includes('.scc-tmp-'))).toEqual([]);
    late = writeAtomic(path.join(records, 'late.json'), '{}');
  });
  expect(readdirSync(out).filter((f) => f.includes('lock'))).toEqual([]);
  const settled = await Promise.race([late, new Promise((resolve) => setTimeout(() => resolve('pending'), 100))]);
  expect(settled).toBe('pending');
  expect(existsSync(path.join(records, 'late.json'))).toBe(false);
});
