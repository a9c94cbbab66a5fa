import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { GlyphFont } from '../corpus/build/pdf-glyph-font.js';
import { parse } from '../parsers/pdf/index.js';
import { a4, drawBox, drawRule, show } from './pdf-fixtures.js';

describe('PDF options in table cells', () => {
  it('pairs an X or a drawn box with a label cell by cell: a blank cell as narrow as the mark\'s at one end of the row says which way the row goes', async () => {
    const { pdf, page, t } = await a4(10);
    const cell = (x: number, y: number, w: number) => page.drawRectangle({ x, y: y - 8, width: w, height: 26, borderWidth: 0.5, borderColor: rgb(0, 0, 0) });
    // Cells "Answer: | a | Yes | b | No | c": a, b and c are narrow, each blank, an X, a drawn box (# crossed, □ empty),
    // shaded or not there (-).
    const row = (y: number, a: string, b: string, c: string) => {
      t('Answer:', 62, y);
      let x = 60;
      for (const [w, s] of [[240, ''], [a === '' ? 20 : 14, a], [60, 'Yes'], [14, b], [60, 'No'], [14, c]] as const) {
        if (s === '-') continue;
        if (s === 'shaded') page.drawRectangle({ x, y: y - 8, width: w, height: 26, color: rgb(0.85, 0.95, 0.85) });
        cell(x, y, w);
        if (s === '□') drawBox(page, x + 2.5, y, false);
        else if (s === '#') {
          page.drawRectangle({ x: x + 2.5, y: y - 1, width: 9, height: 9, borderWidth: 0.75, borderColor: rgb(0, 0, 0) });
          page.drawLine({ start: { x: x + 4, y }, end: { x: x + 10, y: y + 6.5 }, thickness: 0.75 });
          page.drawLine({ start: { x: x + 4, y: y + 6.5 }, end: { x: x + 10, y }, thickness: 0.75 });
        } else if (s && s !== 'shaded') t(s, s.length > 1 ? x + 2 : x + 4, y);
        x += w;
      }
    };
    t('1. Do you publish an annual report?', 60, 780);
    row(760, '', 'X', ''); // blank cells at both ends: either way
    t('2. Do you audit disclosures?', 60, 720);
    row(700, '', 'X', '-'); // "␣ | Yes | X | No |", the last cell not there
    t('3. Do you consult the public?', 60, 660);
    row(640, '-', 'X', ''); // "Yes | X | No | ␣": the X set a cell border away from "No", far from "Yes"
    t('4. Do you review the system yearly?', 60, 600);
    row(580, '-', '#', '');
    // A blank cell at each end, one of them shaded and not quite as wide: either could be the blank box.
    t('5. Do you train your staff?', 60, 540);
    row(520, '', 'X', 'shaded');
    // An empty drawn box in the first cell: the row goes box first.
    t('6. Do you audit access?', 60, 480);
    row(460, '□', 'X', '');
    const d = await parse(await pdf.save());
    expect(d.blocks.filter((b) => b.kind === 'option' || /^\d\./.test(b.text)).map(show)).toEqual([
      '1. Do you publish an annual report?',
      'yes:-:-',
      'null:checked:typed-mark',
      'no:-:-',
      '2. Do you audit disclosures?',
      'yes:-:-',
      'no:checked:typed-mark',
      '3. Do you consult the public?',
      'yes:checked:typed-mark',
      'no:-:-',
      '4. Do you review the system yearly?',
      'yes:checked:vector',
      'no:-:-',
      '5. Do you train your staff?',
      'yes:-:-',
      'null:checked:typed-mark',
      'no:-:-',
      '6. Do you audit access?',
      'yes:unchecked:vector',
      'no:checked:typed-mark',
    ]);
  });
});

describe('PDF options in table cells, settled by the table', () => {
  it('reads a row the cells leave undecided the way the table\'s other rows go, and not another table\'s', async () => {
    const { pdf, page, t } = await a4(10);
    // Cells "Answer: | a | Yes | b | No | c", 26 pt high, every narrow cell 20 pt wide, the table set at `left`.
    const row = (y: number, left: number, a: string, b: string) => {
      t('Answer:', left + 2, y);
      let x = left;
      for (const [w, s] of [[240, ''], [20, a], [60, 'Yes'], [20, b], [60, 'No'], [20, '']] as const) {
        page.drawRectangle({ x, y: y - 8, width: w, height: 26, borderWidth: 0.5, borderColor: rgb(0, 0, 0) });
        if (s === '□' || s === '⊠') drawBox(page, x + 5.5, y, s === '⊠');
        else if (s) t(s, s.length > 1 ? x + 2 : x + 7, y);
        x += w;
      }
    };
    t('1. Do you publish an annual report?', 60, 780);
    row(760, 50, '□', '⊠'); // drawn boxes: box first
    t('2. Do you audit disclosures?', 60, 720);
    row(700, 50, '', 'X'); // blank cells at both ends: the table says box first
    t('3. Do you consult the public?', 60, 660);
    row(640, 40, '', 'X'); // the same row in a table of another shape: either way
    // A table of the first one's shape under a header row of one merged cell: a table of its own, not of one row.
    t('4. Do you review the system yearly?', 60, 605);
    page.drawRectangle({ x: 50, y: 568, width: 420, height: 26, borderWidth: 0.5, borderColor: rgb(0, 0, 0) });
    t('Tick the box after your answer', 52, 576);
    row(550, 50, '', 'X');
    const d = await parse(await pdf.save());
    expect(d.blocks.filter((b) => b.kind === 'option' || /^\d\./.test(b.text)).map(show)).toEqual([
      '1. Do you publish an annual report?',
      'yes:unchecked:vector',
      'no:checked:vector',
      '2. Do you audit disclosures?',
      'yes:-:-',
      'no:checked:typed-mark',
      '3. Do you consult the public?',
      'yes:-:-',
      'null:checked:typed-mark',
      'no:-:-',
      '4. Do you review the system yearly?',
      'yes:-:-',
      'null:checked:typed-mark',
      'no:-:-',
    ]);
  });
});

describe('PDF options stacked in a cell', () => {
  it('reads "☒ Yes" over "☐ No" in a cell beside comments, its first line level with the comments\' first', async () => {
    const pdf = await PDFDocument.create();
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    const glyphs = new GlyphFont(pdf, 'unicode');
    const page = pdf.addPage([595, 842]);
    const t = (s: string, x: number, y: number) => page.drawText(s, { x, y, size: 10, font });
    // Question | Response | Comments, every cell top-aligned: the second option's line is the comments' second line.
    const row = (top: number, question: string[], yes: 'cross' | 'empty', no: 'cross' | 'empty', comments: string[]) => {
      question.forEach((q, i) => t(q, 98, top - 14 * i));
      glyphs.draw(page, yes, 308, top, 10);
      t('Yes', 321, top);
      glyphs.draw(page, no, 308, top - 18, 10);
      t('No', 321, top - 18);
      comments.forEach((c, i) => t(c, 383, top - 14 * i));
    };
    row(760, ['4. Do you update your data protection', 'impact assessment regularly?'], 'cross', 'cross', ['The policy was approved', 'by Cabinet in 2024 and is', 'reviewed every two years.']);
    row(680, ['5. Do you publish an annual', 'report on the system?'], 'cross', 'empty', ['Published each June on', 'the council website.']);
    const d = await parse(await pdf.save());
    expect(d.blocks.filter((b) => b.option).map(show)).toEqual(['yes:checked:glyph', 'no:checked:glyph', 'yes:checked:glyph', 'no:unchecked:glyph']);
    expect(d.blocks.map((b) => b.text)).toContain('The policy was approved by Cabinet in 2024 and is reviewed every two years.');
  });
});

describe('PDF cells centred down a tall row', () => {
  it('puts the boxes printed on the number\'s line, level with the question\'s middle, in the number cell\'s place in the row', async () => {
    const { pdf, page, t } = await a4(10);
    const glyphs = new GlyphFont(pdf, 'unicode');
    ['Do you quarantine all relevant', 'information and images relating', 'to a reported incident until the', 'incident is resolved?'].forEach((q, i) => t(q, 135, 700 - 14 * i));
    t('34.', 100, 679);
    glyphs.draw(page, 'cross', 285, 679, 10);
    glyphs.draw(page, 'empty', 320, 679, 10);
    for (const [s, x] of [['Yes', 283], ['No', 318]] as const) t(s, x, 730);
    const d = await parse(await pdf.save());
    const number = d.blocks.find((b) => b.text === '34.')!;
    const options = d.blocks.filter((b) => b.option);
    expect(options.map(show)).toEqual(['yes:checked:glyph', 'no:unchecked:glyph']);
    expect(number.table).toBeDefined();
    for (const o of options) expect(o.table).toEqual(number.table);
    expect(d.blocks.find((b) => b.text.startsWith('Do you quarantine'))!.table).toEqual({ row: number.table!.row, column: number.table!.column + 1 });
  });
});

describe('PDF lone labels stacked in a cell', () => {
  it('reads "Yes" over "No" highlighted in a cell beside comments; typed answers in rows one under another stay typed', async () => {
    const { pdf, page, t, w } = await a4(10);
    const fill = (x: number, y: number, label: string) => page.drawRectangle({ x, y: y - 2.5, width: w(label), height: 11.5, color: rgb(1, 1, 0) });
    // Question | Response | Comments, top-aligned: both options highlighted.
    t('4. Do you update your data protection', 98, 760);
    fill(308, 760, 'Yes');
    t('Yes', 308, 760);
    t('The policy was approved', 383, 760);
    t('impact assessment regularly?', 98, 746);
    fill(308, 746, 'No');
    t('No', 308, 746);
    t('by Cabinet in 2024.', 383, 746);
    // Answers typed in the Response column of one-line rows.
    t('5. Do you publish an annual report?', 98, 700);
    t('Yes', 308, 700);
    t('Each June on the website', 383, 700);
    t('6. Do you audit disclosures?', 98, 686);
    t('No', 308, 686);
    t('Not this year', 383, 686);
    const d = await parse(await pdf.save());
    expect(d.blocks.filter((b) => b.option).map(show)).toEqual(['yes:checked:highlight', 'no:checked:highlight']);
    expect(d.blocks.map((b) => b.text)).toEqual(expect.arrayContaining(['5. Do you publish an annual report?', 'Yes', '6. Do you audit disclosures?', 'No']));
  });
});

describe('PDF words at a column\'s left edge', () => {
  it('parts a typed choice from a question that runs up to its column with no more than a word space, where lines above and below leave the edge free', async () => {
    const { pdf, page, t, w } = await a4(10);
    // The answers in a font of their own, as a cell's text is set apart from the next cell's, not run on with it.
    const arial = await pdf.embedFont(StandardFonts.HelveticaOblique);
    const answer = (s: string, y: number) => page.drawText(s, { x: 313.4, y, size: 10, font: arial });
    const rows = ['Is the information in a format that is easily', 'Is the system used for any other purpose?', 'Are the signs checked every month?', 'Is the footage retained for 31 days?'];
    rows.forEach((q, i) => {
      t(q, 89, 700 - 40 * i);
      answer(i === 0 ? 'Yes' : 'No', 700 - 40 * i);
    });
    // The first question's line is as long as its cell: its last word ends 3.7 pt before the column.
    const x = 313.4 - 3.7 - w('the information contained on your database');
    t('the information contained on your database', x, 500);
    answer('Yes', 500);
    t('is accurate and up to date?', x, 488);
    // A sentence across the page whose word happens to start at the column's edge stays one line: the line under it
    // runs across the edge.
    const head = 'Footage is kept for the police until the answer is';
    t(head, 313.4 - 3.7 - w(head), 400);
    answer('No longer needed,', 400);
    t('and then it is deleted from the recorder and from every copy made of it.', 313.4 - 3.7 - w(head), 388);
    const doc = await parse(await pdf.save());
    const texts = doc.blocks.map((b) => b.text);
    expect(texts).toContain('the information contained on your database is accurate and up to date?');
    expect(texts.filter((s) => s === 'Yes')).toHaveLength(2);
    expect(texts.some((s) => s.includes(`${head} No longer needed,`))).toBe(true);
  });
});

describe('PDF table rows parted by a drawn border', () => {
  /**
   * Two rows of a table: the first's options "☐ Yes ☒" at its foot, the next's typed "No" and comment at its top,
   * its number and question set lower (centred), so nothing left of the options cell says a row starts there. With
   * `border` the rows are parted by a line as LibreOffice draws them; without it the cell runs on down.
   */
  async function rows(border: 'line' | 'cells' | 'none') {
    const { pdf, page, t } = await a4(10);
    const glyphs = new GlyphFont(pdf, 'unicode');
    const [left, response, comments, right] = [45, 295, 365, 540];
    t('1. Do your governance arrangements include', 50, 757);
    t('a senior responsible officer', 50, 744);
    glyphs.draw(page, 'empty', 300, 744, 10);
    t('Yes', 313, 744);
    glyphs.draw(page, 'cross', 335, 744, 10);
    t('Certificate held by the', 370, 744);
    t('No', 300, 731);
    t('Fee paid by direct debit', 370, 731);
    t('2. Have you appointed a single point of', 50, 718);
    t('contact within your arrangements?', 50, 705);
    const line = (x0: number, y0: number, x1: number, y1: number) => drawRule(page, x0, y0, x1, y1);
    for (const x of [left, response, comments, right]) line(x, 770, x, 695);
    line(left, 770, right, 770);
    line(left, 695, right, 695);
    if (border === 'line') line(left, 740.6, right, 740.6);
    if (border === 'cells')
      for (const [x0, x1] of [[left, response], [response, comments], [comments, right]] as const) {
        page.drawRectangle({ x: x0, y: 740.6, width: x1 - x0, height: 29.4, borderWidth: 0.5, borderColor: rgb(0, 0, 0) });
        page.drawRectangle({ x: x0, y: 695, width: x1 - x0, height: 45.6, borderWidth: 0.5, borderColor: rgb(0, 0, 0) });
      }
    return (await parse(await pdf.save())).blocks.map(show);
  }

  it('gives no box above a row\'s border to a label below it, nor runs a paragraph on across it', async () => {
    const parted = [
      '1. Do your governance arrangements include a senior responsible officer',
      'null:unchecked:glyph',
      'yes:-:-',
      'null:checked:glyph',
      'Certificate held by the',
      'No',
      'Fee paid by direct debit',
      '2. Have you appointed a single point of contact within your arrangements?',
    ];
    expect(await rows('line')).toEqual(parted);
    // Cells drawn one by one as rectangles part the rows the same way.
    expect(await rows('cells')).toEqual(parted);
    // No border: the options cell runs on down to "No", and the comment with it.
    expect(await rows('none')).toEqual([
      '1. Do your governance arrangements include a senior responsible officer',
      'yes:unchecked:glyph',
      'no:checked:glyph',
      'Certificate held by the Fee paid by direct debit',
      '2. Have you appointed a single point of contact within your arrangements?',
    ]);
  });

  it('takes no underline for a border, and finds what stands above a label among options cut from a question\'s words', async () => {
    const { pdf, page, t, w } = await a4(10);
    const glyphs = new GlyphFont(pdf, 'unicode');
    const line = (x0: number, y0: number, x1: number, y1: number) => drawRule(page, x0, y0, x1, y1);
    t('Response', 300, 775);
    // The question runs up to its options a word space away, so the line reads as one run of words; the options
    // underlined, spaces either side too; "No" wrapped under them in the same cell.
    const question = '1. Do your governance arrangements include an officer';
    t(question, 287 - w(question), 757);
    glyphs.draw(page, 'empty', 300, 757, 10);
    t('Yes', 313, 757);
    glyphs.draw(page, 'cross', 335, 757, 10);
    line(286, 756.1, 348, 756.1);
    t('No', 300, 744);
    line(45, 770, 540, 770);
    line(45, 735, 540, 735);
    for (const x of [45, 295, 540]) line(x, 785, x, 735);
    const blocks = (await parse(await pdf.save())).blocks.map(show);
    // Which box is Yes's the line leaves open; the ☒ is No's.
    expect(blocks.slice(blocks.indexOf('Response') + 1)).toEqual([question, 'null:unchecked:glyph', 'yes:-:-', 'no:checked:glyph']);
  });

  it('gives a box after a slash to the option the cell wrapped onto its next line, not to the option before it', async () => {
    const { pdf, page, t, w } = await a4(10);
    const glyphs = new GlyphFont(pdf, 'unicode');
    const line = (x0: number, y0: number, x1: number, y1: number) => drawRule(page, x0, y0, x1, y1);
    // A narrow cell typed "Yes / ☒ No" wraps after the box; one typed "☒ Yes / No" after the slash.
    t('1. Do you publish an annual report?', 50, 757);
    t('Yes /', 300, 757);
    glyphs.draw(page, 'cross', 300 + w('Yes / '), 757, 10);
    t('No', 300, 745);
    t('2. Do you audit disclosures?', 50, 722);
    glyphs.draw(page, 'cross', 300, 722, 10);
    t('Yes /', 313, 722);
    t('No', 300, 710);
    for (const y of [770, 735, 700]) line(45, y, 540, y);
    for (const x of [45, 295, 345, 540]) line(x, 770, x, 700);
    const blocks = (await parse(await pdf.save())).blocks.map(show);
    expect(blocks).toEqual(['1. Do you publish an annual report?', 'yes:-:-', 'no:checked:glyph', '2. Do you audit disclosures?', 'yes:checked:glyph', 'No']);
  });

  it('reads "☒ Yes ☐" over "No" in a row whose cells are centred, past the row\'s number set level with its middle', async () => {
    const read = async (numberBeside: 'question' | 'comment') => {
      const { pdf, page, t } = await a4(10);
      const glyphs = new GlyphFont(pdf, 'unicode');
      if (numberBeside === 'question') {
        // The number shares its line with the question's third line, which goes on in lower case.
        ['1. Has your organisation paid a registration', 'fee to the Information Commissioner and', 'informed them of the appointment of a', 'Data Protection Officer?'].forEach((l, k) => t(l, 90, 700 - 14 * k));
        t('1', 60, 672);
      } else {
        // The number alone left of the cell, level with a line of the comment beside it.
        ['Has your organisation paid a registration fee', 'to the Information Commissioner?'].forEach((l, k) => t(l, 90, 710 - 14 * k));
        t('1', 60, 682);
        ['The fee is paid each April', 'by the information', 'governance team and', 'recorded on the register.'].forEach((l, k) => t(l, 390, 696 - 14 * k));
      }
      const [cross, empty] = numberBeside === 'question' ? [679, 665] : [689, 675];
      glyphs.draw(page, 'cross', 300, cross, 10);
      t('Yes', 313, cross);
      glyphs.draw(page, 'empty', 333, cross, 10);
      t('No', 300, empty);
      return (await parse(await pdf.save())).blocks.filter((b) => b.option).map(show);
    };
    expect(await read('question')).toEqual(['yes:checked:glyph', 'no:unchecked:glyph']);
    expect(await read('comment')).toEqual(['yes:checked:glyph', 'no:unchecked:glyph']);
  });

  it('takes the rows of a table set inside the options cell for no row borders: a label\'s row over its box\'s', async () => {
    const { pdf, page, t } = await a4(10);
    const glyphs = new GlyphFont(pdf, 'unicode');
    const line = (x0: number, y0: number, x1: number, y1: number) => drawRule(page, x0, y0, x1, y1);
    t('1. Does your signage highlight the use of', 50, 757);
    t('a surveillance camera system?', 50, 744);
    // The options cell holds a table of one column: "Yes", its box, "No", its box, a row each, 14 pt apart.
    t('Yes', 304, 757);
    glyphs.draw(page, 'empty', 304, 743, 10);
    t('No', 304, 729);
    glyphs.draw(page, 'cross', 304, 715, 10);
    for (const y of [768, 753.5, 739.5, 725.5, 711.5]) line(300, y, 340, y);
    for (const x of [300, 340]) line(x, 768, x, 711.5);
    // The outer table's borders.
    line(45, 770, 540, 770);
    line(45, 705, 540, 705);
    for (const x of [45, 295, 365, 540]) line(x, 770, x, 705);
    const blocks = (await parse(await pdf.save())).blocks.map(show);
    expect(blocks).toEqual(['1. Does your signage highlight the use of a surveillance camera system?', 'yes:unchecked:glyph', 'no:checked:glyph']);
  });

  it('pairs drawn boxes set on lines of their own under or over their labels down their column, but not across a row\'s border', async () => {
    type Item = 'Yes' | 'No' | 'x' | 'o';
    /** Rows whose options stack 12 pt apart at the cell's left edge (boxes 8 pt square, crossed or empty), and the table's lines. */
    const read = async (rows: Array<[number, string, Item[]]>, lines: Array<[number, number, number, number]>) => {
      const { pdf, page, t } = await a4(10);
      for (const [top, question, items] of rows) {
        t(question, 50, top);
        items.forEach((it, k) => (it === 'x' || it === 'o' ? drawBox(page, 300, top - 12 * k, it === 'x', 8) : t(it, 300, top - 12 * k)));
      }
      for (const [x0, y0, x1, y1] of lines) drawRule(page, x0, y0, x1, y1);
      return (await parse(await pdf.save())).blocks.map(show);
    };
    const across = (...ys: number[]) => ys.map((y): [number, number, number, number] => [45, y, 540, y]);
    const sides = (top: number, bottom: number) => [45, 295, 540].map((x): [number, number, number, number] => [x, top, x, bottom]);
    const grid = await read(
      [
        [757, '1. Do you update your assessment regularly?', ['Yes', 'o', 'No', 'x']],
        [697, '2. Have you identified any areas for action?', ['x', 'Yes', 'o', 'No']],
        // "Yes" / ☐ / "No" at a row's foot, and a crossed box at the top of the next row, under its border.
        [637, '3. Is the system reviewed each year?', ['Yes', 'o', 'No']],
        [597, '4. Is footage kept for 31 days?', ['x']],
      ],
      [...across(770, 710, 650, 608, 580), ...sides(770, 580)],
    );
    expect(grid).toEqual([
      '1. Do you update your assessment regularly?',
      'yes:unchecked:vector',
      'no:checked:vector',
      '2. Have you identified any areas for action?',
      'yes:checked:vector',
      'no:unchecked:vector',
      '3. Is the system reviewed each year?',
      'Yes',
      'No',
      '4. Is footage kept for 31 days?',
    ]);
    // Cells' sides drawn the table's full height and no line between its rows: the column runs on through both rows,
    // pairs no way as a whole, and no run within it is read (☒ / "Yes" / ☐ / "No" would start inside the first row).
    const twoRows = await read(
      [
        [757, '1. Do you update your assessment regularly?', ['Yes', 'o', 'No', 'x']],
        [709, '2. Have you identified any areas for action?', ['Yes', 'o', 'No']],
      ],
      sides(770, 670),
    );
    expect(twoRows).toEqual(['1. Do you update your assessment regularly?', 'Yes', 'No', '2. Have you identified any areas for action?', 'Yes', 'No']);
    // The top of a page in a table with no lines between its rows: the row above, split by the page break, ends in a
    // crossed box over the next row's "Yes" / ☐ / "No". Nothing closes a cell round the four.
    const split = await read(
      [
        [757, 'question, continued from the page before', ['x']],
        [745, '2. Have you identified any areas for action?', ['Yes', 'o', 'No']],
      ],
      [...across(770), ...sides(770, 700)],
    );
    expect(split).toEqual(['question, continued from the page before', '2. Have you identified any areas for action?', 'Yes', 'No']);
    // With no cells drawn nothing says where a row ends: the boxes stay unread.
    expect(await read([[757, '1. Do you update your assessment regularly?', ['Yes', 'o', 'No', 'x']]], [])).toEqual(['1. Do you update your assessment regularly?', 'Yes', 'No']);
  });
});
