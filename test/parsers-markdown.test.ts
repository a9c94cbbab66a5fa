import { describe, expect, it } from 'vitest';
import { parse } from '../parsers/markdown/index.js';
import type { Block } from '../src/document.js';

const enc = (s: string) => new TextEncoder().encode(s);
/** An option as its value and state, any other block as its kind and text. */
const show = (b: Block) => (b.option ? `${b.option.value}:${b.option.mark?.state}` : `${b.kind}:${b.text}`);

describe('markdown parser', () => {
  it('reads a grid table (pandoc\'s) as table cells, a line for each paragraph or list item, the rest where it was', async () => {
    const md = [
      'Intro',
      '',
      '+----------------+------------------------+',
      '| **Name of      | Mellstock District     |',
      '| organisation** | Council                |',
      '+================+========================+',
      '| **Scope**      | Town centre CCTV       |',
      '|                |                        |',
      '|                | -   74 cameras         |',
      '+----------------+------------------------+',
      '| Is it used?    | ☐ Yes ☒ No             |',
      '+----------------+------------------------+',
      '',
      'After the table.',
    ].join('\n');
    const doc = await parse(enc(md));
    expect(doc.blocks.map((b) => [show(b), b.provenance.line, b.table ? `${b.table.row},${b.table.column}` : ''])).toEqual([
      ['paragraph:Intro', 1, ''],
      ['tableCell:Name of organisation', 4, '0,0'],
      ['tableCell:Mellstock District Council', 4, '0,1'],
      ['tableCell:Scope', 7, '1,0'],
      ['tableCell:Town centre CCTV', 7, '1,1'],
      ['tableCell:- 74 cameras', 7, '1,1'],
      ['tableCell:Is it used?', 11, '2,0'],
      ['yes:unchecked', 11, ''],
      ['no:checked', 11, ''],
      ['paragraph:After the table.', 14, ''],
    ]);
    expect(doc.blocks.at(-1)!.provenance.start).toBe(md.indexOf('After the table.'));
  });

  it('reads pandoc\'s multiline tables (rows parted by blank lines) and simple tables (a line a row) as table cells', async () => {
    const md = [
      '  ---------------------------------------------------------------',
      '  1\\. Has your organisation paid a fee to     ☐   Yes   ☒   No',
      '  the Information Commissioner?',
      '',
      '  2\\. Do you publish a report?                ☒   Yes   ☐   No',
      '  ------------------------------------------ --- ----- --- ----',
      '',
      'Between.',
      '',
      '  -------------------------------- --- ----- --- ----',
      '  Is the system used otherwise?    ☐   Yes   ☒   No',
      '  No. It is only used for crime.',
      '  -------------------------------- --- ----- --- ----',
    ].join('\n');
    const doc = await parse(enc(md));
    expect(doc.blocks.map((b) => [show(b), b.provenance.line])).toEqual([
      ['tableCell:1. Has your organisation paid a fee to the Information Commissioner?', 2],
      ['yes:unchecked', 2],
      ['no:checked', 2],
      ['tableCell:2. Do you publish a report?', 5],
      ['yes:checked', 5],
      ['no:unchecked', 5],
      ['paragraph:Between.', 8],
      ['tableCell:Is the system used otherwise?', 11],
      ['yes:unchecked', 11],
      ['no:checked', 11],
      ['tableCell:No. It is only used for crime.', 12],
    ]);
  });

  it('reads a pandoc multiline table with a heading row through to its closing rule, not only to the rule under its heading', async () => {
    const md = [
      '  -------------------------------------------------------',
      '  No.   Question                        Yes   No   Comments',
      '  ----- ------------------------------- ----- ---- --------',
      '  1\\.   Has your organisation paid a    X          Renewed',
      '        registration fee?',
      '',
      '  2\\.   Do you publish a report?              X    ',
      '  -------------------------------------------------------',
    ].join('\n');
    const doc = await parse(enc(md));
    expect(doc.blocks.filter((b) => b.kind !== 'tableCell' || b.table!.row > 0).map(show)).toEqual([
      'tableCell:1.',
      'tableCell:Has your organisation paid a registration fee?',
      'yes:checked',
      'tableCell:Renewed',
      'tableCell:2.',
      'tableCell:Do you publish a report?',
      'no:checked',
    ]);
  });

  it('reads a table written as HTML (cells holding paragraphs or lists) as table cells, a line each, entities read', async () => {
    const md = [
      '**What is the problem you face?**',
      '',
      '<table>',
      '<tbody>',
      '<tr class="odd">',
      '<td><p>The council uses CCTV &amp; ANPR.</p>',
      '<ul>',
      '<li><p>Prevent crime</p></li>',
      '</ul></td>',
      '<td>☐ Yes ☒ No</td>',
      '</tr>',
      '</tbody>',
      '</table>',
      '',
      '<div>Signed:&nbsp;A.&#160;Patel</div>',
    ].join('\n');
    const doc = await parse(enc(md));
    expect(doc.blocks.map((b) => [show(b), b.provenance.line])).toEqual([
      ['paragraph:What is the problem you face?', 1],
      ['tableCell:The council uses CCTV & ANPR.', 6],
      ['tableCell:- Prevent crime', 6],
      ['yes:unchecked', 10],
      ['no:checked', 10],
      ['paragraph:Signed: A. Patel', 15],
    ]);
  });

  it('keeps printed question numbers, headings and list items, without Markdown syntax', async () => {
    const md = [
      '## Principle 4',
      '',
      '### 13. What governance arrangements are in place?',
      '',
      'A **board** meets [quarterly](#).',
      '',
      '- first point',
      '- second point',
      '',
      '14. Do your governance arrangements include a senior responsible officer?  Yes  No',
      '',
      '**Action Plan**',
      '',
      '<https://www.gov.uk/guidance/recommended-standards-for-the-cctv-industry>',
    ].join('\n');
    const doc = await parse(enc(md));
    expect(doc.blocks.map((b) => [b.kind, b.text, b.provenance.line])).toEqual([
      ['heading', 'Principle 4', 1],
      ['heading', '13. What governance arrangements are in place?', 3],
      ['paragraph', 'A board meets quarterly.', 5],
      ['listItem', 'first point', 7],
      ['listItem', 'second point', 8],
      ['listItem', '14. Do your governance arrangements include a senior responsible officer?', 10],
      ['option', 'Yes', 10],
      ['option', 'No', 10],
      ['paragraph', 'Action Plan', 12],
      ['paragraph', 'https://www.gov.uk/guidance/recommended-standards-for-the-cctv-industry', 14],
    ]);
    expect(doc.blocks[6]!.option).toEqual({ value: 'yes', mark: null });
  });

  it('reads task-list style boxes', async () => {
    const doc = await parse(enc('Is the information easily exportable?\n\n[x] Yes [ ] No\n'));
    expect(doc.blocks.slice(1).map((b) => [b.option?.value, b.option?.mark?.state])).toEqual([
      ['yes', 'checked'],
      ['no', 'unchecked'],
    ]);
  });

  it('splits "label<TAB>value" lines of a paragraph into cells', async () => {
    const doc = await parse(enc('Name of organisation\tWestvale Council\nDate of sign off\t1 May 2024\n'));
    expect(doc.blocks.map((b) => [b.kind, b.text, b.provenance.line])).toEqual([
      ['tableCell', 'Name of organisation', 1],
      ['tableCell', 'Westvale Council', 1],
      ['tableCell', 'Date of sign off', 2],
      ['tableCell', '1 May 2024', 2],
    ]);
  });

  it('reads GFM tables into cells and task-list options into boxes', async () => {
    const md = ['| | |', '|---|---|', '| **Name of organisation** | Fenmoor Town Council |', '', 'Is it exportable?', '', '- [ ] Yes', '- [x] No', '- [x] We also keep a log'].join('\n');
    const doc = await parse(enc(md));
    expect(doc.blocks.map((b) => [b.kind, b.text, b.option?.mark?.state ?? null])).toEqual([
      ['tableCell', 'Name of organisation', null],
      ['tableCell', 'Fenmoor Town Council', null],
      ['paragraph', 'Is it exportable?', null],
      ['option', 'Yes', 'unchecked'],
      ['option', 'No', 'checked'],
      ['listItem', '[x] We also keep a log', null],
    ]);
  });

  it('reads options in a table cell, and the comment after a <br> as the cell text', async () => {
    // As pandoc writes a Word form's table: Ref | Question | Response.
    const md = ['| Ref | Question | Response |', '|---|---|---|', '| 2 | Is it exportable? | ☐ Yes ☒ No<br>Exports go through the evidence portal. |'].join('\n');
    const doc = await parse(enc(md));
    expect(doc.blocks.slice(3).map((b) => [b.kind, b.text, b.option?.value ?? null, b.option?.mark?.state ?? null])).toEqual([
      ['tableCell', '2', null, null],
      ['tableCell', 'Is it exportable?', null, null],
      ['option', 'Yes', 'yes', 'unchecked'],
      ['option', 'No', 'no', 'checked'],
      ['tableCell', 'Exports go through the evidence portal.', null, null],
    ]);
  });

  it('reads an X or tick alone in a column headed "Yes" or "No" as that option ticked, and nothing from other rows', async () => {
    const md = [
      '| No. | Question | Yes | No | Comments |',
      '|---|---|---|---|---|',
      '| 1 | Is it registered? | X |  | Registration Z123. |',
      '| 2 | Is it exportable? |  | ✓ |  |',
      // A word in a heading column: the organisation's own, left as it is.
      '| 3 | Is it reviewed? | Partly |  | See plan. |',
      '| 4 | Is it audited? |  |  | Not yet. |',
    ].join('\n');
    const doc = await parse(enc(md));
    const show = (b: (typeof doc.blocks)[number]) => (b.option ? `${b.option.value}:${b.option.mark?.state}:${b.option.mark?.source}:${b.option.mark?.detail}` : b.text);
    expect(doc.blocks.slice(5).map(show)).toEqual([
      '1',
      'Is it registered?',
      'yes:checked:typed-mark:X',
      'Registration Z123.',
      '2',
      'Is it exportable?',
      'no:checked:glyph:U+2713',
      '3',
      'Is it reviewed?',
      'Partly',
      'See plan.',
      '4',
      'Is it audited?',
      'Not yet.',
    ]);
    // The columns the other way round, "No" before "Yes", in the table's heading row.
    const reversed = await parse(enc(['| Question | No | Yes |', '|---|---|---|', '| Is it registered? |  | X |', '| Is it exportable? | X |  |'].join('\n')));
    expect(reversed.blocks.filter((b) => b.option).map((b) => `${b.option!.value}:${b.option!.mark?.state}`)).toEqual(['yes:checked', 'no:checked']);
    // A table of sites or actions with Yes | No columns is no table of the form's questions.
    const sites = await parse(enc(['| Site | Yes | No | Notes |', '|---|---|---|---|', '| Town Hall car park | x |  | 4 cameras |'].join('\n')));
    expect(sites.blocks.filter((b) => b.option)).toEqual([]);
  });

  it('keeps bare URLs and e-mail addresses verbatim, entities included', async () => {
    const md = [
      'See www.gov.uk/cctv, https://ico.org.uk/a_b?x=1&amp;y=2. (or https://x.org/a(b)c).',
      '',
      '| Contact | dpo@council.gov.uk; xmpp:ops@council.gov.uk/desk |',
      '|---|---|',
      '',
      '- [x] Yes, mailto:foi@council.gov.uk',
    ].join('\n');
    const doc = await parse(enc(md));
    expect(doc.blocks.map((b) => b.text)).toEqual([
      'See www.gov.uk/cctv, https://ico.org.uk/a_b?x=1&amp;y=2. (or https://x.org/a(b)c).',
      'Contact',
      'dpo@council.gov.uk; xmpp:ops@council.gov.uk/desk',
      'Yes',
      'mailto:foi@council.gov.uk',
    ]);
  });

  it('reads a task-list option with words after it as the option and a paragraph of the words', async () => {
    const md = ['Is it published?', '', '- [x] Yes – on the council website since May.', '- [ ] No', '- [x] No-one may view it'].join('\n');
    const doc = await parse(enc(md));
    expect(doc.blocks.map((b) => [b.kind, b.text, b.option?.mark?.state ?? null])).toEqual([
      ['paragraph', 'Is it published?', null],
      ['option', 'Yes', 'checked'],
      ['paragraph', 'on the council website since May.', null],
      ['option', 'No', 'unchecked'],
      ['listItem', '[x] No-one may view it', null],
    ]);
  });
});
