import { readFileSync } from 'node:fs';
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
