import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { parse } from '../parsers/pdf/index.js';
import { a4, drawRule } from './pdf-fixtures.js';

describe('PDF paragraphs: a line goes on to the next only when it was wrapped', () => {
  /** Words laid into lines no wider than `width` points. */
  const wrapWords = (text: string, width: number, fits: (s: string) => number): string[] => {
    const lines: string[] = [];
    for (const w of text.split(' ')) {
      const last = lines[lines.length - 1];
      if (last !== undefined && fits(`${last} ${w}`) <= width) lines[lines.length - 1] = `${last} ${w}`;
      else lines.push(w);
    }
    return lines;
  };
  const PURPOSE =
    'The National Police Chiefs Council ANPR strategy and the Cheshire Constabulary ANPR Policy clearly identify why we use ANPR technology, and the objectives are reviewed by the ANPR board every year.';
  const GUIDE =
    'This self assessment tool has been prepared by the Surveillance Camera Commissioner to help you and your organisation identify if you are complying with the Surveillance Camera Code of Practice.';
  const LAWFUL =
    'The management and use of ANPR must be in accordance with the provisions of the National ANPR Standards that provide detailed safeguards to ensure that the use is lawful.';

  it('keeps labels over their values, short list lines and a heading over its text apart; joins wrapped lines, first-line indents too (plain text printed in a monospaced font)', async () => {
    // Like a text file printed from an editor: Courier, no space between paragraphs, a tab (36 pt) before some lines.
    const pdf = await PDFDocument.create();
    const font = await pdf.embedFont(StandardFonts.Courier);
    const page = pdf.addPage([595, 842]);
    const width = (s: string) => font.widthOfTextAtSize(s, 10);
    let y = 780;
    const line = (s: string, x = 57) => {
      page.drawText(s, { x, y, size: 10, font });
      y -= 11.5;
    };
    // A paragraph with a first-line indent: its first line is 36 pt shorter.
    const indented = (text: string) => {
      const [first, ...rest] = wrapWords(text, 480 - 36, width);
      line(first!, 93);
      for (const l of wrapWords(rest.join(' '), 480, width)) line(l);
    };
    line('Using this tool');
    for (const l of wrapWords(GUIDE, 480, width)) line(l);
    line('Name of organisation', 93);
    line('Cheshire Constabulary', 93);
    line('Date of sign off', 93);
    line('09/01/2026', 93);
    indented(PURPOSE);
    line('Disrupt and deter criminality', 93);
    line('Investigate Crime', 93);
    line('Improve Intelligence', 93);
    line('Improve safety on the roads', 93);
    indented(LAWFUL);
    indented(PURPOSE);
    const d = await parse(await pdf.save());
    expect(d.blocks.map((b) => b.text)).toEqual([
      'Using this tool',
      GUIDE,
      'Name of organisation',
      'Cheshire Constabulary',
      'Date of sign off',
      '09/01/2026',
      PURPOSE,
      'Disrupt and deter criminality',
      'Investigate Crime',
      'Improve Intelligence',
      'Improve safety on the roads',
      LAWFUL,
      PURPOSE,
    ]);
    // A paragraph's position is where its first line starts.
    expect(d.blocks[6]!.provenance.x).toBeCloseTo(93, 0);
  });

  it('keeps a table row under a line that reaches the margin out of its paragraph: its next cell starts within the line, a column gap away', async () => {
    const { pdf, t } = await a4(10);
    const TITLE = 'CCTV Self Assessment against the Surveillance Camera Code of Practice for the Wyford Council camera system';
    t(TITLE, 63, 745);
    // One line pitch below, so a wrapped line could follow; but the next line is two cells.
    t('Organisation', 63, 733);
    t('Wyford Council', 188, 733);
    t('Scope', 63, 714);
    t('Town centre CCTV and car parks', 188, 714);
    // A paragraph wrapped onto a line with a cell beside it, right of where the paragraph ends, is one paragraph.
    t('The purposes of the system are set out in the policy that the council', 63, 680);
    t('reviews each year.', 63, 668);
    t('Yes', 470, 668);
    // Wrapped onto a line with a note tabbed out towards the margin, or going on in lower case: one paragraph too.
    t('Footage is kept for 31 days unless it is needed as evidence, when it is kept until the', 63, 630);
    t('Data Protection Officer releases it.', 63, 618);
    t('Last reviewed: 09/2025', 420, 618);
    t('Footage is kept for 31 days unless it is needed as evidence, when it is kept until the case is', 63, 590);
    t('concluded.', 63, 578);
    t('Owner: CCTV Manager', 200, 578);
    const d = await parse(await pdf.save());
    expect(d.blocks.map((b) => b.text)).toEqual([
      TITLE,
      'Organisation',
      'Wyford Council',
      'Scope',
      'Town centre CCTV and car parks',
      'The purposes of the system are set out in the policy that the council reviews each year.',
      'Yes',
      'Footage is kept for 31 days unless it is needed as evidence, when it is kept until the Data Protection Officer releases it.',
      'Last reviewed: 09/2025',
      'Footage is kept for 31 days unless it is needed as evidence, when it is kept until the case is concluded.',
      'Owner: CCTV Manager',
    ]);
  });

  it("ends a cell's paragraph where the next table row starts beside it, not where a paragraph starts beside it in the same row", async () => {
    // Ref | Question | Comments, rows set one line pitch apart (no cell padding), in Courier so line widths are exact.
    const pdf = await PDFDocument.create();
    const font = await pdf.embedFont(StandardFonts.Courier);
    const page = pdf.addPage([595, 842]);
    const cell = (line: number, x: number, s: string) => page.drawText(s, { x, y: 700 - 11 * line, size: 9, font });
    const first = ['Harrowgate Vale District', 'Council runs 64 cameras.', 'The purpose is set out in', 'the Statement of Need as', 'approved in July 2023.'];
    const second = ['Article 6(1)(e) UK GDPR', 'and the 1998 Act apply.'];
    cell(0, 60, '1.1');
    ['What is the problem you face and', 'have you set objectives?', 'Please explain.'].forEach((s, i) => cell(i, 95, s));
    first.forEach((s, i) => cell(i, 290, s));
    cell(5, 60, '1.2');
    cell(5, 95, 'What is the lawful basis?');
    second.forEach((s, i) => cell(5 + i, 290, s));
    const d = await parse(await pdf.save());
    const texts = d.blocks.map((b) => b.text);
    expect(texts).toContain(first.join(' '));
    expect(texts).toContain(second.join(' '));
    expect(texts.indexOf(first.join(' '))).toBeLessThan(texts.indexOf('1.2'));
  });

  it("keeps a row's reference set level with its question's middle out of the question", async () => {
    // Ref | Question | Comments, each cell centred in its row: the one-line reference stands by the question's second line.
    const { pdf, t } = await a4(10);
    t('3.8', 68, 730);
    t('Is the system registered?', 96, 730);
    t('Does your signage state who operates the', 96, 700);
    t('3.9', 68, 687);
    t('system and include a point of contact for', 96, 687);
    t('No point of contact yet.', 386, 687);
    t('further information?', 96, 674);
    t('3.10', 68, 650);
    t('Do you publish the contact point?', 96, 650);
    // A two-line question: the reference stands between its lines.
    t('Have you identified any areas where action is', 96, 620);
    t('3.11', 68, 613.5);
    t('required to conform more fully?', 96, 607);
    const d = await parse(await pdf.save());
    const texts = d.blocks.map((b) => b.text);
    expect(texts).toContain('Does your signage state who operates the system and include a point of contact for further information?');
    expect(texts).toContain('3.9');
    expect(texts).toContain('Have you identified any areas where action is required to conform more fully?');
    expect(texts).toContain('3.11');
  });

  it('parts a table\'s rows set as close as wrapped lines by their borders, and reads cells centred in their row level with each other', async () => {
    // A title block of label | value, 11 pt, wrapped lines 12.8 pt apart and rows only 13.3: each row's lines,
    // the label's and the value's, and each cell's top relative to its row's when centred.
    const rows: Array<[string[], string[]]> = [
      [['Name of organisation'], ['Harrowfield Metropolitan Borough', 'Council']],
      [['Scope of surveillance camera', 'system'], ['Town centre public space CCTV, 64', 'cameras monitored from the control', 'room at the civic centre']],
      [['Senior Responsible Officer'], ['Dr Amelia Fairbrother-Watkins']],
      [['Position within organisation'], ['Head of Community Safety and', 'Enforcement']],
      [['Date of sign off'], ['14 March 2024']],
    ];
    const read = async (centred: boolean) => {
      const { pdf, page, t } = await a4(11);
      let top = 760;
      drawRule(page, 45, top + 10, 400, top + 10);
      for (const [label, value] of rows) {
        const lines = Math.max(label.length, value.length);
        const cell = (words: string[], x: number) => {
          const drop = centred ? ((lines - words.length) * 12.8) / 2 : 0;
          words.forEach((w, k) => t(w, x, top - drop - 12.8 * k));
        };
        cell(label, 50);
        cell(value, 210);
        top -= 12.8 * (lines - 1) + 13.3;
        drawRule(page, 45, top + 9.3, 400, top + 9.3);
      }
      for (const x of [45, 205, 400]) drawRule(page, x, 770, x, top + 9.3);
      return (await parse(await pdf.save())).blocks.map((b) => `${b.kind}:${b.text}`);
    };
    const expected = rows.flatMap(([label, value]) => [`tableCell:${label.join(' ')}`, `tableCell:${value.join(' ')}`]);
    expect(await read(false)).toEqual(expected);
    expect(await read(true)).toEqual(expected);
  });

  it('ends a paragraph whose last line ends a sentence where the next line starts right of its own lines, a cell\'s margin in', async () => {
    const { pdf, t } = await a4(10);
    // The principle quoted across the page, its last line the widest; the question under it in a table cell.
    t('Guiding Principle 1: “Use of a surveillance camera system must always be for a specified', 63, 760);
    t('purpose which is in pursuit of a legitimate aim and necessary to meet an identified pressing need.”', 63, 748);
    t('What is the problem you face and have you defined a purpose in trying to solve it?', 68, 736);
    const blocks = (await parse(await pdf.save())).blocks.map((b) => b.text);
    expect(blocks).toEqual([
      'Guiding Principle 1: “Use of a surveillance camera system must always be for a specified purpose which is in pursuit of a legitimate aim and necessary to meet an identified pressing need.”',
      'What is the problem you face and have you defined a purpose in trying to solve it?',
    ]);
  });

  it('joins ragged-right lines however short the next word, and a line ending in a hyphen; a short line ends its paragraph', async () => {
    const pdf = await PDFDocument.create();
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    const page = pdf.addPage([595, 842]);
    const width = (s: string) => font.widthOfTextAtSize(s, 10);
    let y = 780;
    const line = (s: string) => {
      page.drawText(s, { x: 60, y, size: 10, font });
      y -= 12.5;
    };
    const text =
      'Footage is kept for thirty-one days and is then overwritten unless a request has been received, in which case a copy is made to a secure store and kept until the request is closed or a court orders it kept for longer, as the policy on retention sets out in full for all the cameras we run.';
    for (const l of wrapWords(text, 300, width)) line(l);
    line('Senior Responsible Officer');
    line('Jane Smith');
    line('Footage is shared with our third-');
    line('party processor under contract.');
    line('');
    line('Recorders overwrite on a rolling 31-');
    line('day cycle.');
    const d = await parse(await pdf.save());
    expect(wrapWords(text, 300, width).length).toBeGreaterThanOrEqual(5);
    expect(d.blocks.map((b) => b.text)).toEqual([
      text,
      'Senior Responsible Officer',
      'Jane Smith',
      'Footage is shared with our third-party processor under contract.',
      'Recorders overwrite on a rolling 31-day cycle.',
    ]);
  });

  it('keeps text wrapped in a column narrower than the page in one paragraph, with or without something beside it', async () => {
    const pdf = await PDFDocument.create();
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    const page = pdf.addPage([595, 842]);
    const width = (s: string) => font.widthOfTextAtSize(s, 10);
    let y = 780;
    const line = (s: string, x = 60) => {
      page.drawText(s, { x, y, size: 10, font });
      y -= 12.5;
    };
    for (const l of wrapWords(GUIDE, 470, width)) line(l);
    y -= 10;
    // A question in a narrow cell, its options beside its first line.
    const question = '2. Are you able to document that any use of automatic facial recognition software or any other biometric recognition system is necessary and proportionate?';
    wrapWords(question, 250, width).forEach((l, i) => {
      if (i === 0) page.drawText('Yes   No', { x: 420, y, size: 10, font });
      line(l);
    });
    // On a page of its own, below a paragraph as wide as the page: text in a narrow box with nothing beside it.
    const two = pdf.addPage([595, 842]);
    const lines = [...wrapWords(GUIDE, 470, width), '', ...wrapWords(LAWFUL, 250, width)];
    lines.forEach((l, i) => l && two.drawText(l, { x: 60, y: 600 - i * 12.5, size: 10, font }));
    const d = await parse(await pdf.save());
    expect(d.blocks.filter((b) => b.kind !== 'option').map((b) => b.text)).toEqual([GUIDE, question, GUIDE, LAWFUL]);
  });

  it('joins across a page break only a paragraph whose last line on the page was wrapped', async () => {
    const pdf = await PDFDocument.create();
    const font = await pdf.embedFont(StandardFonts.Courier);
    const width = (s: string) => font.widthOfTextAtSize(s, 10);
    const pages = [pdf.addPage([595, 842]), pdf.addPage([595, 842]), pdf.addPage([595, 842])];
    const write = (page: number, lines: string[], y: number) => lines.forEach((l, i) => pages[page]!.drawText(l, { x: 57, y: y - i * 11.5, size: 10, font }));
    const answer = 'Cheshire Police adhere to the access rules in the National ANPR Standards for Policing, re-enforced in the local ANPR policy';
    const question = 'Do you have a written policy on the disclosure of information to any third party?';
    // Page 1 ends with an answer whose last line stops short (no full stop); page 2 opens with a question.
    write(0, [...wrapWords(GUIDE, 480, width), ...wrapWords(answer, 480, width)], 140);
    write(1, wrapWords(question, 480, width), 780);
    // Page 2 ends with a paragraph cut after a wrapped line; page 3 has the rest.
    const cut = wrapWords(PURPOSE, 480, width);
    write(1, cut.slice(0, 1), 80);
    write(2, cut.slice(1), 780);
    const d = await parse(await pdf.save());
    expect(d.blocks.map((b) => b.text)).toEqual([GUIDE, answer, question, PURPOSE]);
  });

  it('starts a table row under its heading row anew in every column, though a heading stops where the first word would not have fitted', async () => {
    const { pdf, page, t, w } = await a4(9);
    const [ref, question, response, comments] = [40, 75, 300, 378];
    // The heading row, and the first row a line pitch below it: its comment cell wider than the heading, its first
    // word too wide for the room the heading leaves.
    const comment = 'Consulted via a town newsletter.';
    const heading = 'Comments / evidence';
    expect(comments + w(comment) - (comments + w(heading))).toBeLessThan(w('Consulted') + 0.3 * 9 + 0.5 * 9);
    [['Ref', ref], ['Question', question], ['Response', response], [heading, comments]].forEach(([s, x]) => t(s as string, x as number, 760));
    t('7', ref, 748.75);
    t('Has there been proportionate consultation and', question, 748.75);
    t('Yes', response, 748.75);
    t(comment, comments, 748.75);
    t('engagement with the public and partners?', question, 737.5);
    // A cell wrapped within its row still goes on.
    t('No body worn cameras are used by the', comments, 700);
    t('council.', comments, 688.75);
    const d = await parse(await pdf.save());
    expect(d.blocks.filter((b) => !b.option).map((b) => b.text)).toEqual([
      'Ref',
      'Question',
      'Response',
      heading,
      '7',
      'Has there been proportionate consultation and engagement with the public and partners?',
      'Yes',
      comment,
      'No body worn cameras are used by the council.',
    ]);
  });
});
