import { describe, expect, it } from 'vitest';
import { parse } from '../parsers/text/index.js';
import { brief, enc } from './text-fixtures.js';

/** A line as `pdftotext -layout` sets a No. | Question | Yes | No | Comments table: each cell at its column. */
const row = (no: string, question: string, yes = '', no_ = '', comment = '') =>
  `${` ${no}`.padEnd(8)}${question.padEnd(42)}${yes.padStart(2).padEnd(10)}${no_.padStart(1).padEnd(5)}${comment}`.trimEnd();
const HEADING = ' No.    Question                                 Yes       No   Comments / evidence';

describe('text parser: tables laid out in columns', () => {
  it('reads an X under the Yes or No heading as that option, ticked, and joins each cell\'s wrapped lines', async () => {
    const text = [
      'Principle 2',
      HEADING,
      row('1.', 'Has your organisation paid a', 'X', '', 'ICO registration ZA123456, renewed'),
      row('', 'registration fee to the Information', '', '', 'annually.'),
      row('', "Commissioner's Office?"),
      row('2.', 'Do you update your data protection', '', 'X'),
      row('', 'impact assessment regularly?'),
    ].join('\n');
    const doc = await parse(enc(text));
    expect(doc.blocks.map(brief)).toEqual([
      'paragraph:Principle 2',
      'tableCell@0.0:No.',
      'tableCell@0.1:Question',
      'tableCell@0.2:Yes',
      'tableCell@0.3:No',
      'tableCell@0.4:Comments / evidence',
      'tableCell@1.0:1.',
      "tableCell@1.1:Has your organisation paid a registration fee to the Information Commissioner's Office?",
      'option:yes:checked',
      'tableCell@1.4:ICO registration ZA123456, renewed annually.',
      'tableCell@2.0:2.',
      'tableCell@2.1:Do you update your data protection impact assessment regularly?',
      'option:no:checked',
    ]);
    const yes = doc.blocks.find((b) => b.option?.mark?.state === 'checked')!;
    expect(yes.provenance).toMatchObject({ line: 3, start: text.split('\n').slice(0, 2).join('\n').length + 1 + text.split('\n')[2]!.indexOf('X') });
  });

  it('reads box glyphs under the headings with their states', async () => {
    const doc = await parse(enc([HEADING, row('4.', 'Is the system used for any other', '☐', '☒', 'No. Only for the stated purposes.'), row('', 'purpose?')].join('\n')));
    expect(doc.blocks.map(brief).slice(5)).toEqual([
      'tableCell@1.0:4.',
      'tableCell@1.1:Is the system used for any other purpose?',
      'option:yes:unchecked',
      'option:no:checked',
      'tableCell@1.4:No. Only for the stated purposes.',
    ]);
  });

  it('gives a mark between the two headings, or alone on a line of its own, no option: the conversion may have moved it', async () => {
    const between = ` ${'1.'.padEnd(7)}${'Has your organisation paid a fee?'.padEnd(47)}X`;
    const alone = ['', '', ''].join('').padEnd(50) + 'X';
    const doc = await parse(enc([HEADING, between, row('2.', 'Do you update your data protection'), alone, row('', 'impact assessment regularly?')].join('\n')));
    const options = doc.blocks.filter((b) => b.kind === 'option' && b.option!.mark);
    expect(options.map((b) => [b.option!.value, b.option!.mark!.state, b.provenance.line])).toEqual([
      [null, 'checked', 2],
      [null, 'checked', 4],
    ]);
  });

  it('reads a box glyph for each option, in order across the options\' columns, by its place, however far the spacing moved them', async () => {
    // Four characters right of the headings, as a page whose titles were printed on the page before.
    const moved = ` ${'15.'.padEnd(7)}${'Have you appointed a single point of'.padEnd(45)}☒${' '.repeat(8)}☐    The Manager.`;
    const doc = await parse(enc([HEADING, moved, `${' '.repeat(8)}contact?`].join('\n')));
    expect(doc.blocks.filter((b) => b.kind === 'option').map((b) => `${b.option!.value}:${b.option!.mark?.state}`)).toEqual(['yes:checked', 'no:unchecked']);
    // A mark alone moved as far is no option's.
    const lone = ` ${'15.'.padEnd(7)}${'Have you appointed a single point of'.padEnd(45)}X     The Manager.`;
    const single = await parse(enc([HEADING, lone, `${' '.repeat(8)}contact?`].join('\n')));
    expect(single.blocks.filter((b) => b.kind === 'option').map((b) => `${b.option!.value}:${b.option!.mark?.state}`)).toEqual(['null:checked']);
  });

  it('reads no lone mark by its place on a later page the titles are not printed on again, where the page may be set to another grid', async () => {
    // Page 2 set four characters left of page 1: its X, under No, stands by page 1's Yes.
    const moved = ` ${'2.'.padEnd(7)}${'Do you update your assessment?'.padEnd(43)}X${' '.repeat(9)}Reviewed yearly.`;
    const pair = ` ${'3.'.padEnd(7)}${'Do you audit access?'.padEnd(39)}☐${' '.repeat(9)}☒    Monthly.`;
    const text = [HEADING, row('1.', 'Has your organisation paid a fee?', 'X', '', 'Renewed.'), '\f' + moved, pair].join('\n');
    const doc = await parse(enc(text));
    expect(doc.blocks.filter((b) => b.kind === 'option' && b.option!.mark).map((b) => `${b.option!.value}:${b.option!.mark!.state}:${b.provenance.page}`)).toEqual([
      'yes:checked:1',
      'null:checked:2',
      'yes:unchecked:2',
      'no:checked:2',
    ]);
  });

  it('reads titles a narrow table sets a single space apart, or abbreviates to "Y" and "N"', async () => {
    const narrow = ' No. Question                              Yes No Comments';
    const row1 = ` 1.  Has your organisation paid a fee?${' '.repeat(5)}X     Renewed.`;
    const doc = await parse(enc([narrow, row1].join('\n')));
    expect(doc.blocks.map(brief)).toEqual([
      'tableCell@0.0:No.',
      'tableCell@0.1:Question',
      'tableCell@0.2:Yes',
      'tableCell@0.3:No',
      'tableCell@0.4:Comments',
      'tableCell@1.0:1.',
      'tableCell@1.1:Has your organisation paid a fee?',
      'option:yes:checked',
      'tableCell@1.4:Renewed.',
    ]);
    const letters = ' Ref      Question                                         Y     N   Evidence';
    const row2 = ` 2.1      Has your organisation paid a registration         ☒    ☐`;
    const abbreviated = await parse(enc([letters, row2].join('\n')));
    expect(abbreviated.blocks.filter((b) => b.kind === 'option').map((b) => `${b.option!.value}:${b.option!.mark?.state}`)).toEqual(['yes:checked', 'no:unchecked']);
  });

  it('keeps a word typed in a Yes or No column as the answer\'s text, with no option ticked', async () => {
    const doc = await parse(enc([HEADING, row('3.', 'Have you carried out a data', 'Parti', '', 'DPIA drafted.'), row('', 'protection impact assessment?', 'ally')].join('\n')));
    expect(doc.blocks.filter((b) => b.option?.mark)).toEqual([]);
    expect(doc.blocks.map(brief).slice(5)).toEqual(['tableCell@1.0:3.', 'tableCell@1.1:Have you carried out a data protection impact assessment?', 'tableCell@1.2:Parti ally', 'tableCell@1.4:DPIA drafted.']);
  });

  it('reads a comment\'s next line set closer, starting under the No heading where the comment started, as the comment', async () => {
    const doc = await parse(enc([HEADING, ` 21.    Are the rules part of an induction${' '.repeat(19)}N/A – all CCTV users are`, `        process for all staff?${' '.repeat(31)}contractors.`].join('\n')));
    expect(doc.blocks.map(brief).slice(5)).toEqual(['tableCell@1.0:21.', 'tableCell@1.1:Are the rules part of an induction process for all staff?', 'tableCell@1.4:N/A – all CCTV users are contractors.']);
  });

  it('reads question words under a centred Question title, right of the number column, as the question', async () => {
    const heading = '   No.                      Question                     Yes   No               Comments / evidence';
    const first = `${'   1.'.padEnd(11)}${'What is the problem you face and have'.padEnd(47)}X${' '.repeat(6)}The problem is crime.`;
    const doc = await parse(enc([heading, first, `${' '.repeat(11)}you defined a purpose?`].join('\n')));
    expect(doc.blocks.map(brief).slice(5)).toEqual(['tableCell@1.0:1.', 'tableCell@1.1:What is the problem you face and have you defined a purpose?', 'option:yes:checked', 'tableCell@1.4:The problem is crime.']);
  });

  it('opens a row with no number at a question starting after the last one ended', async () => {
    const doc = await parse(enc([HEADING, row('', 'What is the lawful basis for your use', '', '', 'Part 3 DPA 2018.'), row('', 'of surveillance?'), row('', 'Is the system used for any other', '', 'X'), row('', 'purpose?')].join('\n')));
    expect(doc.blocks.map(brief).slice(5)).toEqual([
      'tableCell@1.1:What is the lawful basis for your use of surveillance?',
      'tableCell@1.4:Part 3 DPA 2018.',
      'tableCell@2.1:Is the system used for any other purpose?',
      'option:no:checked',
    ]);
  });

  it('goes on under the titles after a principle\'s heading breaks the table, but not into an action plan\'s numbered points', async () => {
    const text = [
      HEADING,
      row('6.', 'Have you identified any areas where', 'X'),
      row('', 'action is required?'),
      'Action Plan',
      row('1', 'Update the register of cameras.'),
      ' Principle 3 – There must be as much transparency as possible.',
      row('7.', 'Has there been proportionate', '', 'X'),
      row('', 'consultation?'),
    ].join('\n');
    const doc = await parse(enc(text));
    expect(doc.blocks.map(brief).slice(5)).toEqual([
      'tableCell@1.0:6.',
      'tableCell@1.1:Have you identified any areas where action is required?',
      'option:yes:checked',
      'paragraph:Action Plan',
      'paragraph:1 Update the register of cameras.',
      'paragraph:Principle 3 – There must be as much transparency as possible.',
      'tableCell@1.0:7.',
      'tableCell@1.1:Has there been proportionate consultation?',
      'option:no:checked',
    ]);
  });

  it('takes the titles printed again at a page\'s top for the columns from there on', async () => {
    const page = (n: number, rows: string[]) => [HEADING.replace('Yes       No', n === 1 ? 'Yes       No' : '   Yes       No'), ...rows, '', `Version 1.0                     Page ${n} of 2`].join('\n');
    const shifted = (no: string, question: string, mark: string) => `${` ${no}`.padEnd(8)}${question.padEnd(45)}${mark}`;
    const text = [page(1, [row('1.', 'Has your organisation paid a fee?', 'X')]), page(2, [shifted('2.', 'Do you update your assessment?', 'X')])].join('\f');
    const doc = await parse(enc(text));
    expect(doc.blocks.filter((b) => b.option?.mark).map((b) => [b.option!.value, b.provenance.page])).toEqual([
      ['yes', 1],
      ['yes', 2],
    ]);
  });
});
