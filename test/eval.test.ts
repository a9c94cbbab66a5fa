import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BASELINE_FILE, checkboxKind, evaluate } from '../src/eval.js';
import type { ExtractRecord } from '../src/schema.js';
import { LOWER_IS_BETTER, type Figures } from '../src/scoring.js';

describe('corpus scores', async () => {
  const baseline = JSON.parse(readFileSync(BASELINE_FILE, 'utf8')) as Record<string, Figures>;
  const { figures, kinds, differences } = await evaluate();

  it('covers every format the baseline covers', () => {
    expect(Object.keys(figures).sort()).toEqual(Object.keys(baseline).sort());
  });

  for (const [format, base] of Object.entries(baseline)) {
    for (const key of Object.keys(base) as Array<keyof Figures>) {
      if (key === 'documents') continue;
      it(`${format} ${key} has not dropped below ${base[key]}`, () => {
        const now = figures[format]?.[key];
        const context = JSON.stringify(differences, null, 1).slice(0, 4000);
        if (LOWER_IS_BETTER.includes(key)) expect(now, context).toBeLessThanOrEqual(base[key]);
        else expect(now, context).toBeGreaterThanOrEqual(base[key]);
      });
    }
  }

  it('never reports a choice the source does not show', () => {
    expect(figures.all?.wrongAnswered).toBe(0);
  });

  it('counts each case once, under its format and the kind of box its choices were read from', () => {
    expect(Object.values(kinds).reduce((n, f) => n + f.documents, 0)).toBe(figures.all?.documents);
    expect(Object.keys(kinds)).toEqual(expect.arrayContaining(['pdf glyph', 'pdf vector', 'pdf acroform', 'pdf typed-mark', 'docx form-field', 'docx content-control']));
  });
});

describe('checkbox kind of a record', () => {
  const record = (...evidence: Array<[string, string | null]>) =>
    ({ answers: evidence.map(([kind, source]) => ({ evidence: { kind, source, quote: null, provenance: null } })) }) as unknown as ExtractRecord;

  it('is the box most of its choices were read from, a label struck through counting as one', () => {
    expect(checkboxKind(record(['mark', 'vector'], ['mark', 'glyph'], ['mark', 'vector'], ['inferred', null]))).toBe('vector');
    expect(checkboxKind(record(['sole-option', 'struck-option'], ['sole-option', null]))).toBe('struck-option');
    // A tie goes to the first by name, so the table is the same on every run.
    expect(checkboxKind(record(['mark', 'vector'], ['mark', 'glyph']))).toBe('glyph');
  });

  it('is "no box read" where every choice came from words or a lone option', () => {
    expect(checkboxKind(record(['inferred', null], ['sole-option', null], ['none', null]))).toBe('no box read');
  });
});

describe('corpus loading', () => {
  it('says what is wrong with a corpus folder that is missing, empty or holds a broken expected record', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'scc-corpus-'));
    await expect(evaluate(path.join(root, 'none'))).rejects.toThrow(/no corpus folder at .*none/);
    await expect(evaluate(root)).rejects.toThrow(/no cases in/);
    mkdirSync(path.join(root, 'case'));
    writeFileSync(path.join(root, 'case', 'input.txt'), 'text');
    writeFileSync(path.join(root, 'case', 'expected.json'), '{"answers": 3}');
    await expect(evaluate(root)).rejects.toThrow(/case[/\\]expected\.json is not an expected record: .*answers/);
  });
});
