import { describe, expect, it } from 'vitest';
import { glyphMark, readOptionRun } from '../src/options.js';

const summary = (line: string) =>
  readOptionRun(line)?.options.map((o) => `${o.value ?? '?'}:${o.mark ? `${o.mark.state}/${o.mark.source}` : 'none'}`) ?? null;

describe('readOptionRun', () => {
  it('attaches marks to the label they precede or follow', () => {
    expect(summary('☒ Yes ☐ No')).toEqual(['yes:checked/glyph', 'no:unchecked/glyph']);
    expect(summary('Yes ☐   No ☒')).toEqual(['yes:unchecked/glyph', 'no:checked/glyph']);
    expect(summary('[ ] Yes [X] No')).toEqual(['yes:unchecked/glyph', 'no:checked/glyph']);
    expect(summary('Yes [x]  No [ ]  N/A [ ]')).toEqual(['yes:checked/glyph', 'no:unchecked/glyph', 'na:unchecked/glyph']);
  });

  it('reads Symbol-font private-use boxes', () => {
    expect(summary('\uF0FE Yes \uF0A8 No')).toEqual(['yes:checked/glyph', 'no:unchecked/glyph']);
    expect(glyphMark('\uF06F')?.state).toBe('unchecked');
    expect(glyphMark('\uF078')?.state).toBe('checked');
  });

  it('keeps a converter placeholder as a box of unknown state', () => {
    expect(summary('|_|')).toEqual(['?:unknown/placeholder']);
    expect(summary('|_| Yes |_| No')).toEqual(['yes:unknown/placeholder', 'no:unknown/placeholder']);
  });

  it('takes an X as a typed mark only beside an option label', () => {
    expect(summary('X Yes')).toEqual(['yes:checked/typed-mark']);
    expect(summary('Yes   No X')).toEqual(['yes:none', 'no:checked/typed-mark']);
    expect(readOptionRun('Leics Police do not use X cameras')).toBeNull();
    expect(readOptionRun('Camera X')).toBeNull();
  });

  it('splits options printed after a question', () => {
    const run = readOptionRun('Do you have a written policy?  Yes  No');
    expect(run?.lead).toBe('Do you have a written policy?');
    expect(run?.options.map((o) => [o.value, o.mark])).toEqual([
      ['yes', null],
      ['no', null],
    ]);
  });

  it('leaves answers that merely contain option words alone', () => {
    expect(readOptionRun('No, not applicable')).toBeNull();
    expect(readOptionRun('Yes. We have a policy.')).toBeNull();
    expect(readOptionRun('The answer is yes no maybe')).toBeNull();
    expect(readOptionRun('No')).toBeNull();
    expect(readOptionRun('No Yes')).toBeNull();
  });
});
