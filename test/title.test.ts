import { describe, expect, it } from 'vitest';
import type { Block } from '../src/document.js';
import { readTitleBlock } from '../src/title.js';
import { parse as parseText } from '../parsers/text/index.js';

async function fromLines(text: string) {
  const doc = await parseText(new TextEncoder().encode(text));
  return readTitleBlock(doc.blocks, doc.blocks.length);
}

/** A table of rows, each cell a block of its own, as the DOCX parser gives them. */
function fromRows(rows: string[][]) {
  let line = 0;
  const blocks: Block[] = rows.flatMap((cells, row) =>
    cells.map((text, column) => ({ kind: 'tableCell', text, table: { row, column }, provenance: { line: ++line } }) as Block),
  );
  return readTitleBlock(blocks, blocks.length);
}

const fields = ({ name, scope, seniorResponsibleOfficer, position, signOffDate }: Awaited<ReturnType<typeof fromLines>>) => ({
  name,
  scope,
  seniorResponsibleOfficer,
  position,
  signOffDate,
});

describe('title block', () => {
  it('parts a name and a post given together where no post is given apart, and nothing else after a comma', () => {
    const read = (sro: string, position = '') =>
      fields(fromRows([['Name of organisation', 'Northvale Police'], ['Senior Responsible Officer', sro], ...(position ? [['Position within organisation', position]] : [])]));
    expect(read('Det Ch Supt Jane Doe, Head of Crime and Intelligence')).toMatchObject({ seniorResponsibleOfficer: 'Det Ch Supt Jane Doe', position: 'Head of Crime and Intelligence' });
    expect(fields(fromRows([['SRO name and position', 'Dr Helen Carter, Chief Nursing Officer']]))).toMatchObject({ seniorResponsibleOfficer: 'Dr Helen Carter', position: 'Chief Nursing Officer' });
    // A post given apart stays the post; words after a comma that name no post stay in the name.
    expect(read('Jane Doe, Head of Community Safety', 'Director')).toMatchObject({ seniorResponsibleOfficer: 'Jane Doe, Head of Community Safety', position: 'Director' });
    expect(read('Jane Doe, MBE')).toMatchObject({ seniorResponsibleOfficer: 'Jane Doe, MBE', position: null });
    expect(read('Supt Jane Doe, Northvale Police')).toMatchObject({ seniorResponsibleOfficer: 'Supt Jane Doe, Northvale Police', position: null });
  });

  it('takes the introduction wrapped to open a block with "organisation" for prose, not the name\'s label, and reads the name from its own label', () => {
    const intro: Block = { kind: 'paragraph', text: "organisation identify if you're complying with the principles in the Code.", provenance: { page: 1, x: 60, y: 700 } };
    const rows: Block[] = [
      ['Name of organisation', 'Eastfield Hospitals NHS Foundation Trust'],
      ['Senior Responsible Officer', 'Dr Olusegun Adeyemi'],
    ].flatMap(([label, value], row) => [label!, value!].map((text, column) => ({ kind: 'tableCell', text, table: { row, column }, provenance: { page: 1, x: 60 + 200 * column, y: 650 - 20 * row } }) as Block));
    const read = readTitleBlock([intro, ...rows], rows.length + 1);
    expect(fields(read)).toMatchObject({ name: 'Eastfield Hospitals NHS Foundation Trust', seniorResponsibleOfficer: 'Dr Olusegun Adeyemi' });
  });

  it('reads a label the template\'s words then a slash and another name ("Date of sign off / review") as the label, its value beside it', () => {
    expect(fields(fromRows([['Date of sign off / review', '5 March 2025'], ['Signature'], ['Review date', 'March 2026']]))).toMatchObject({ signOffDate: '2025-03-05' });
  });

  it('reads a bilingual form\'s labels by the template\'s words after the slash', () => {
    expect(
      fields(
        fromRows([
          ["Enw'r sefydliad / Name of organisation", 'Cyngor Cwm Teifi / Cwm Teifi Council'],
          ['Uwch Swyddog Cyfrifol / Senior Responsible Officer', 'Rhian Pritchard'],
          ['Swydd yn y sefydliad / Position within organisation', 'Head of Community Safety'],
          ['Dyddiad llofnodi / Date of sign off', '14/03/2024'],
        ]),
      ),
    ).toEqual({ name: 'Cyngor Cwm Teifi / Cwm Teifi Council', scope: null, seniorResponsibleOfficer: 'Rhian Pritchard', position: 'Head of Community Safety', signOffDate: '2024-03-14' });
  });

  it('leaves a field blank where the next line or row is another field of its own', async () => {
    expect(
      fields(
        await fromLines(
          'Name of organisation: Anytown Borough Council\nSenior Responsible Officer:\nTelephone: 01632 960123\nPosition within organisation: Head of Service\nDate of sign off:\nDate of next review: April 2025\n',
        ),
      ),
    ).toEqual({ name: 'Anytown Borough Council', scope: null, seniorResponsibleOfficer: null, position: 'Head of Service', signOffDate: null });
    const table = fromRows([['Name of organisation', 'Westbury Town Council'], ['Senior Responsible Officer'], ['Position within organisation'], ['Contact email', 'cctv@westbury-tc.gov.uk'], ['Date of sign off'], ['Date of next review', 'March 2025']]);
    expect(fields(table)).toEqual({ name: 'Westbury Town Council', scope: null, seniorResponsibleOfficer: null, position: null, signOffDate: null });
    // A value alone on the row under its label is still its value.
    expect(fromRows([['Senior Responsible Officer'], ['Jo Bloggs'], ['Position within organisation'], ['Director']]).seniorResponsibleOfficer).toBe('Jo Bloggs');
  });

  it('reads a longer label as a label, and a label for something else as no field', async () => {
    expect(
      fields(await fromLines('Organisation type: Unitary authority\nName of organisation: Anytown Borough Council\nScope of this assessment: Town centre CCTV\nSRO: Jo Bloggs\nPosition held: Director\n')),
    ).toEqual({ name: 'Anytown Borough Council', scope: 'Town centre CCTV', seniorResponsibleOfficer: 'Jo Bloggs', position: 'Director', signOffDate: null });
    expect(fromRows([['Organisation type', 'District council'], ['Date of review', '1st April 2024']])).toMatchObject({ name: null, signOffDate: '2024-04-01' });
    // The form's guidance in brackets after a label is no value.
    expect(fromRows([['Scope of surveillance camera system (e.g. town centre, ANPR)', 'Town centre CCTV']]).scope).toBe('Town centre CCTV');
    // A line whose value runs on after its label in lower case keeps it.
    expect((await fromLines('Name of organisation\nHarrowby Parish Council\n\nPosition within organisation\nparish clerk\n')).position).toBe('parish clerk');
  });

  it('keeps a value that holds a colon, and a value on the row under a label across the table', async () => {
    expect(fields(await fromLines('Position within organisation:\nHead of Service: Community Safety\nDate assessment completed: 14/03/2024\n'))).toMatchObject({
      position: 'Head of Service: Community Safety',
      signOffDate: '2024-03-14',
    });
    expect(fields(fromRows([['Name of organisation'], ['Barset Borough Council', 'Unitary authority'], ['Senior Responsible Officer'], ['Jane Smith', 'Head of Community Safety']]))).toMatchObject({
      name: 'Barset Borough Council',
      seniorResponsibleOfficer: 'Jane Smith',
    });
    expect(fields(fromRows([['Name of organisation', 'Senior Responsible Officer', 'Date of sign off'], ['Barset Borough Council', 'Jane Smith', '14/03/2024']]))).toMatchObject({
      name: 'Barset Borough Council',
      seniorResponsibleOfficer: 'Jane Smith',
      signOffDate: '2024-03-14',
    });
  });

  it('reads labels in other words', async () => {
    expect(fields(await fromLines('Force: Northshire Police\nSystem scope: ANPR\nSenior Responsible Owner: Ben Carter\nJob title: Assistant Chief Constable\nSigned off: 01/04/2024\n'))).toEqual({
      name: 'Northshire Police',
      scope: 'ANPR',
      seniorResponsibleOfficer: 'Ben Carter',
      position: 'Assistant Chief Constable',
      signOffDate: '2024-04-01',
    });
    // The template's own label wins over one in other words: a partnership run under a council.
    expect((await fromLines('Local authority: Barset District Council\nName of organisation: Barset Town Centre Partnership Ltd\n')).name).toBe('Barset Town Centre Partnership Ltd');
    // Who signed off is no date; the date is the next label's.
    expect((await fromLines('Signed off: Jane Smith, Head of Community Safety\nDate: 14/03/2024\n')).signOffDate).toBe('2024-03-14');
    // "Force-wide" opens a scope, not a label.
    expect((await fromLines('Scope of surveillance camera system\nForce-wide overt CCTV at police stations\n')).scope).toBe('Force-wide overt CCTV at police stations');
    // A police force's "Rank".
    expect(fields(await fromLines('SRO: Helen Drake\nRank / Role: Assistant Chief Constable\n')).position).toBe('Assistant Chief Constable');
    expect(fromRows([['Senior Responsible Officer', 'Helen Drake'], ['Rank', 'Assistant Chief Constable']]).position).toBe('Assistant Chief Constable');
    // The template's own label outweighs it.
    expect(fromRows([['Rank', 'Superintendent'], ['Position within organisation', 'Information Governance Manager']]).position).toBe('Information Governance Manager');
  });

  it('ends a scope at a row of the table that holds a field of its own, and runs it on over rows of its value alone', () => {
    const owner = fromRows([['Organisation', 'Southmoor Police'], ['Scope', 'Body worn video'], ['Owner', 'Supt Ian Marsh'], ['Role', 'Head of Information Management']]);
    expect(fields(owner)).toMatchObject({ name: 'Southmoor Police', scope: 'Body worn video', position: 'Head of Information Management' });
    const rows: Block[] = [
      ...[['Scope of surveillance camera system', 'Town centre CCTV']].flatMap((cells) => cells.map((text, column) => ({ kind: 'tableCell', text, table: { row: 0, column }, provenance: {} }) as Block)),
      { kind: 'tableCell', text: 'Car park cameras at Station Road', table: { row: 1, column: 1 }, provenance: {} },
    ];
    expect(readTitleBlock(rows, rows.length).scope).toBe('Town centre CCTV\nCar park cameras at Station Road');
  });
});
