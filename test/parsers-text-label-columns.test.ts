import { describe, expect, it } from 'vitest';
import { parse } from '../parsers/text/index.js';
import { brief, enc } from './text-fixtures.js';

const row = (label: string, value = '') => ` ${label.padEnd(38)}${value}`.trimEnd();

describe('text parser: a title block of labels and values in two columns', () => {
  it('reads each label and its value as a row of two cells, a label\'s and a value\'s wrapped lines joined', async () => {
    const text = [
      row('Name of organisation', 'Hallbrook Town Council'),
      row('Scope of surveillance camera', 'Twelve public space CCTV cameras in Hallbrook Market'),
      row('system', 'Place and the recreation ground'),
      row('Senior Responsible Officer', 'Mr Peter Lowe'),
      row('Signature'),
      row('Date of sign off', '05/07/2023'),
    ].join('\n');
    const doc = await parse(enc(text));
    expect(doc.blocks.map(brief)).toEqual([
      'tableCell@0.0:Name of organisation',
      'tableCell@0.1:Hallbrook Town Council',
      'tableCell@1.0:Scope of surveillance camera system',
      'tableCell@1.1:Twelve public space CCTV cameras in Hallbrook Market Place and the recreation ground',
      'tableCell@2.0:Senior Responsible Officer',
      'tableCell@2.1:Mr Peter Lowe',
      'tableCell@3.0:Signature',
      'tableCell@4.0:Date of sign off',
      'tableCell@4.1:05/07/2023',
    ]);
    expect(doc.blocks[3]!.provenance).toMatchObject({ line: 2, start: text.indexOf('Twelve') });
  });

  it('joins a label wrapped a word to a line, each in capitals ("Senior" over "Responsible" over "Officer")', async () => {
    const text = [row('Name of', 'Kestle Borough Council'), row('organisation'), row('Senior', 'Gareth Pryce-Evans'), row('Responsible'), row('Officer'), row('Date of sign off', '12/12/2024')].join('\n');
    const doc = await parse(enc(text));
    expect(doc.blocks.map(brief)).toEqual([
      'tableCell@0.0:Name of organisation',
      'tableCell@0.1:Kestle Borough Council',
      'tableCell@1.0:Senior Responsible Officer',
      'tableCell@1.1:Gareth Pryce-Evans',
      'tableCell@2.0:Date of sign off',
      'tableCell@2.1:12/12/2024',
    ]);
  });

  it('leaves a block whose values are set beside the middle of their labels as lines: whose lines are whose cannot be told', async () => {
    const text = [
      row('Name of organisation', 'Westcombe Police'),
      row('Scope of surveillance camera', 'Overt public space'),
      row('system', 'CCTV'),
      row('Senior Responsible Officer'),
      row('', 'Chief Superintendent'),
      row('Position within organisation', 'Head of Support'),
    ].join('\n');
    const doc = await parse(enc(text));
    expect(doc.blocks.some((b) => b.kind === 'tableCell')).toBe(false);
  });

  it('does not take questions with their boxes in a column for labels and values', async () => {
    const text = [row('Is it published?', '☒ Yes ☐ No'), row('Signs are in place', '☐ Yes ☒ No'), row('Name of organisation', 'Hallbrook Town Council'), row('Date of sign off', '05/07/2023')].join('\n');
    const doc = await parse(enc(text));
    expect(doc.blocks.some((b) => b.kind === 'tableCell')).toBe(false);
  });
});
