import { describe, expect, it } from 'vitest';
import { parse } from '../parsers/text/index.js';
import { brief, enc } from './text-fixtures.js';

const GRID = [
  '+-----------------------+----------------------------------------------+',
  '| Name of organisation  | University of Ashbourne                      |',
  '+=======================+==============================================+',
  '| Scope of surveillance | Campus CCTV (City and Parkside campuses, 410 |',
  '| camera system         | cameras)                                     |',
  '|                       |                                              |',
  '|                       | -   Drone used by Estates                    |',
  '+-----------------------+----------------------------------------------+',
];
const RULED = ['  -------------------- ------------', '  Review the DPIA      DPO', '  Publish the report   CCTV Manager', '  -------------------- ------------'];

describe("text parser: pandoc's plain text tables", () => {
  it('reads a grid table\'s cells, a line for each paragraph and list item, each row where its first line is', async () => {
    const text = ['Self Assessment Tool', '', ...GRID, '', 'Principle 1'].join('\n');
    const doc = await parse(enc(text));
    expect(doc.blocks.map(brief)).toEqual([
      'paragraph:Self Assessment Tool',
      'tableCell@0.0:Name of organisation',
      'tableCell@0.1:University of Ashbourne',
      'tableCell@1.0:Scope of surveillance camera system',
      'tableCell@1.1:Campus CCTV (City and Parkside campuses, 410 cameras)',
      'tableCell@1.1:- Drone used by Estates',
      'paragraph:Principle 1',
    ]);
    expect(doc.blocks[3]!.provenance).toMatchObject({ line: 6, start: text.indexOf('| Scope') });
  });

  it('reads a title set a letter or two to a line in a narrow column as the word, so that "Y", "es" heads the Yes column', async () => {
    const text = [
      '+---+------------------------------+----+---+--------------+',
      '| N | Question                     | Y  | N | Comments     |',
      '| o |                              | es | o |              |',
      '| . |                              |    |   |              |',
      '+===+==============================+====+===+==============+',
      '| 1 | Have you paid the fee?       | X  |   | Renewed.     |',
      '+---+------------------------------+----+---+--------------+',
    ].join('\n');
    const doc = await parse(enc(text));
    expect(doc.blocks.map(brief)).toEqual([
      'tableCell@0.0:No.',
      'tableCell@0.1:Question',
      'tableCell@0.2:Yes',
      'tableCell@0.3:No',
      'tableCell@0.4:Comments',
      'tableCell@1.0:1',
      'tableCell@1.1:Have you paid the fee?',
      'option:yes:checked',
      'tableCell@1.4:Renewed.',
    ]);
    expect(doc.blocks.find((b) => b.kind === 'option')!.option).toMatchObject({ value: 'yes', mark: { state: 'checked' } });
  });

  it('reads columns under dash rules as a table only where a grid table shows the text is pandoc\'s', async () => {
    const alone = await parse(enc(['Action Plan', '', ...RULED].join('\n')));
    expect(alone.blocks.some((b) => b.kind === 'tableCell')).toBe(false);
    const withGrid = await parse(enc([...GRID, '', 'Action Plan', '', ...RULED].join('\n')));
    expect(withGrid.blocks.map(brief).slice(-4)).toEqual(['tableCell@0.0:Review the DPIA', 'tableCell@0.1:DPO', 'tableCell@1.0:Publish the report', 'tableCell@1.1:CCTV Manager']);
  });
});
