import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BASELINE_FILE, evaluate } from '../src/eval.js';
import { LOWER_IS_BETTER, type Figures } from '../src/scoring.js';

describe('corpus scores', async () => {
  const baseline = JSON.parse(readFileSync(BASELINE_FILE, 'utf8')) as Record<string, Figures>;
  const { figures, differences } = await evaluate();

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
