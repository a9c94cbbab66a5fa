import { describe, expect, it } from 'vitest';
import { DEFAULT_TEXT_STYLE, renderText } from '../corpus/build/text.js';
import { sampleSpec } from '../corpus/build/spec.js';
import { QUESTIONS } from '../src/catalogue.js';
import type { Block } from '../src/document.js';
import { extract } from '../src/extract.js';
import { findRestatements } from '../src/restated.js';
import { contentWords, likeness } from '../src/similarity.js';

const text = (id: string) => QUESTIONS.find((q) => q.id === id)!.text;

/** A form with P4.2 ticked Yes and P11.4 ticked No, and a summary of its closed questions after it. */
async function withSummary(rows: string[]) {
  const spec = sampleSpec(51);
  spec.answers['P4.2'] = { ticked: 'yes' };
  spec.answers['P11.4'] = { ticked: 'no' };
  const form = renderText(spec, DEFAULT_TEXT_STYLE);
  const record = await extract(new TextEncoder().encode(`${form}\n\nSummary of closed questions\n\nQ\tQuestion\tResponse\n${rows.join('\n')}\n`), { path: 'doc.txt' });
  return (id: string) => record.answers.find((a) => a.id === id)!;
}

describe('answers given again in a summary after the form', () => {
  it('leave a question whose summary row says otherwise ambiguous, and one it agrees with answered', async () => {
    const answer = await withSummary([`Q14\t${text('P4.2')}\tNo`, `Q62\t${text('P11.4')}\tNo`]);
    expect(answer('P4.2')).toMatchObject({ choice: null, status: 'ambiguous', reason: 'ticked box says yes but the text says no', evidence: { quote: `${text('P4.2')} No` } });
    expect(answer('P11.4')).toMatchObject({ choice: 'no', status: 'answered', evidence: { kind: 'mark' } });
  });

  it('say nothing where the row gives no single response', async () => {
    const answer = await withSummary([`Q14\t${text('P4.2')}\tSee the action plan`, `Q62\t${text('P11.4')}`]);
    expect(answer('P4.2')).toMatchObject({ choice: 'yes', status: 'answered' });
    expect(answer('P11.4')).toMatchObject({ choice: 'no', status: 'answered' });
  });
});

describe('findRestatements', () => {
  const score = (q: (typeof QUESTIONS)[number], b: Block) => (b.kind === 'option' ? 0 : likeness(contentWords(q.text), b.text).score);
  const row = (cells: Array<Partial<Block>>): Block[] =>
    cells.map((c, column) => ({ kind: 'tableCell', text: '', provenance: { line: 1 }, table: { row: 0, column }, ...c }));

  it('takes a row quoting one question clearly, with one ticked box beside it', () => {
    const ticked = { state: 'checked', source: 'content-control', detail: '' } as const;
    const empty = { ...ticked, state: 'unchecked' } as const;
    const blocks = row([
      { text: text('P2.4') },
      { kind: 'option', text: 'Yes', option: { value: 'yes', mark: empty } },
      { kind: 'option', text: 'No', option: { value: 'no', mark: ticked } },
    ]);
    expect(findRestatements(blocks, () => true, score)).toEqual([{ value: 'no', principle: 2, number: 4, quote: `${text('P2.4')} No`, provenance: { line: 1 } }]);
    blocks[1]!.option!.mark = ticked;
    expect(findRestatements(blocks, () => true, score)).toEqual([]);
  });

  it('passes over a row that only borrows a question\'s words, and rows outside where it is told to look', () => {
    const loose = row([{ text: 'Governance: senior officer named in the terms of reference' }, { text: 'Yes' }]);
    expect(findRestatements(loose, () => true, score)).toEqual([]);
    const quoted = row([{ text: text('P4.2') }, { text: 'Yes' }]);
    expect(findRestatements(quoted, () => true, score)).toHaveLength(1);
    expect(findRestatements(quoted, () => false, score)).toEqual([]);
  });
});
