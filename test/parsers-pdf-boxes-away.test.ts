import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDict, PDFDocument, PDFName, PDFString, StandardFonts, rgb, type PDFPage } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { GlyphFont, type BoxGlyph } from '../corpus/build/pdf-glyph-font.js';
import { lastStats, parse } from '../parsers/pdf/index.js';
import { CORPUS, input, a4, drawBox, questionRow, show } from './pdf-fixtures.js';

/** Bordered cells 40 pt high from `top` down at the given x edges, their texts one to a cell ('' for none): ✔ and ✘ in ZapfDingbats, an X centred. */
async function cellRow(pdf: PDFDocument, page: PDFPage, edges: readonly number[], top: number, cells: readonly string[]): Promise<void> {
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const symbols = await pdf.embedFont(StandardFonts.ZapfDingbats);
  cells.forEach((s, c) => {
    page.drawRectangle({ x: edges[c]!, y: top - 40, width: edges[c + 1]! - edges[c]!, height: 40, borderWidth: 0.5, borderColor: rgb(0, 0, 0) });
    if (s === '✔' || s === '✘') page.drawText(s, { x: edges[c]! + 14, y: top - 24, size: 10, font: symbols });
    else if (s) page.drawText(s, { x: edges[c]! + (s === 'X' ? 16 : 4), y: top - 24, size: 10, font });
  });
}

/** A page headed "No. | Question | Yes | No | Comments", for rows of X typed in the columns (see xRow). */
async function xTablePage() {
  const page = await a4(10);
  for (const [s, x] of [['No.', 50], ['Question', 80], ['Yes', 300], ['No', 330], ['Comments', 360]] as const) page.t(s, x, 780);
  return page;
}

/** A numbered question row ("1. Question?") with an X typed at `x`, the number in a column of its own. */
function xRow(t: (s: string, x: number, y: number) => void, y: number, question: string, x: number): void {
  const [number, ...words] = question.split(' ');
  t(number!, 50, y);
  t(words.join(' '), 80, y);
  t('X', x, y);
}

/** A cross in a 9 pt box whose lower left corner is at (x, y), as content-stream operators. */
const cross = (x: number, y: number) => `0.75 w ${x + 1.5} ${y + 0.5} m ${x + 7.5} ${y + 6.5} l S ${x + 1.5} ${y + 6.5} m ${x + 7.5} ${y + 0.5} l S`;

/** Question rows 30 pt apart, each with its own drawing added over its Yes box, saved. */
function withRows(pdf: PDFDocument, page: PDFPage, t: (s: string, x: number, y: number) => void, rows: Array<[string, (x: number, y: number) => string]>): Promise<Uint8Array> {
  let content = '';
  rows.forEach(([question, draw], i) => {
    const y = 760 - 30 * i;
    questionRow(page, t, y, question);
    content += `${draw(420, y - 1)}\n`;
  });
  page.node.addContentStream(pdf.context.register(pdf.context.flateStream(content)));
  return pdf.save();
}

/**
 * A form checkbox as pdf-lib makes it (on state "Yes", as Acrobat names it unless its author sets another), with
 * another export value or a tooltip where given.
 */
function addCheckBox(pdf: PDFDocument, page: PDFPage, o: { name: string; x: number; y: number; checked: boolean; exportValue?: string; tooltip?: string }): void {
  const field = pdf.getForm().createCheckBox(o.name);
  field.addToPage(page, { x: o.x, y: o.y, width: 9, height: 9 });
  if (o.checked) field.check();
  const widget = field.acroField.getWidgets()[0]!;
  // Acrobat keeps a one-widget field and its widget in one dictionary, tooltip included.
  if (o.tooltip) widget.dict.set(PDFName.of('TU'), PDFString.of(o.tooltip));
  if (!o.exportValue) return;
  const ap = widget.dict.lookup(PDFName.of('AP'), PDFDict);
  for (const key of ['N', 'D']) {
    const states = ap.lookupMaybe(PDFName.of(key), PDFDict);
    const on = states?.get(PDFName.of('Yes'));
    if (states && on) {
      states.delete(PDFName.of('Yes'));
      states.set(PDFName.of(o.exportValue), on);
    }
  }
  if (o.checked) {
    widget.dict.set(PDFName.of('AS'), PDFName.of(o.exportValue));
    field.acroField.dict.set(PDFName.of('V'), PDFName.of(o.exportValue));
  }
}

/** A page with one question and its Yes and No form checkboxes, ticked as given. */
async function checkBoxRow(yes: boolean, no: boolean, noExportValue?: string) {
  const { pdf, page, t } = await a4(10);
  t('1. Do you publish an annual report?', 50, 740);
  t('Yes', 300, 740);
  addCheckBox(pdf, page, { name: 'q1y', x: 285, y: 738, checked: yes });
  t('No', 350, 740);
  addCheckBox(pdf, page, { name: 'q1n', x: 335, y: 738, checked: no, exportValue: noExportValue });
  return { pdf, page };
}

describe('PDF boxes away from their labels', () => {
  it('reads a dark filled square with rounded corners as a ticked box, a filled dot as none', async () => {
    const { page, t, pdf } = await a4(10);
    const rounded = 'M 2 0 L 8 0 C 9 0 10 1 10 2 L 10 8 C 10 9 9 10 8 10 L 2 10 C 1 10 0 9 0 8 L 0 2 C 0 1 1 0 2 0 Z';
    const circle = 'M 5 0 C 7.8 0 10 2.2 10 5 C 10 7.8 7.8 10 5 10 C 2.2 10 0 7.8 0 5 C 0 2.2 2.2 0 5 0 Z';
    t('1. Do you publish an annual report?', 50, 760);
    page.drawSvgPath(rounded, { x: 50, y: 748, color: rgb(0.1, 0.1, 0.1) });
    t('Yes', 64, 740);
    page.drawSvgPath(rounded, { x: 50, y: 732, borderColor: rgb(0.3, 0.3, 0.3), borderWidth: 1 });
    t('No', 64, 724);
    t('2. Do you audit disclosures?', 50, 700);
    page.drawSvgPath(circle, { x: 50, y: 688, color: rgb(0.1, 0.1, 0.1) });
    t('Yes', 64, 680);
    page.drawSvgPath(rounded, { x: 50, y: 672, borderColor: rgb(0.3, 0.3, 0.3), borderWidth: 1 });
    t('No', 64, 664);
    const d = await parse(await pdf.save());
    expect(d.blocks.map(show)).toEqual(['1. Do you publish an annual report?', 'yes:checked:vector', 'no:unchecked:vector', '2. Do you audit disclosures?', 'Yes', 'no:unchecked:vector']);
  });

  it('takes a filled rounded square for no box where the page has no empty one like it: a bullet or a status colour', async () => {
    const { page, t, pdf } = await a4(10);
    const rounded = 'M 2 0 L 8 0 C 9 0 10 1 10 2 L 10 8 C 10 9 9 10 8 10 L 2 10 C 1 10 0 9 0 8 L 0 2 C 0 1 1 0 2 0 Z';
    t('1. Do you publish an annual report?', 50, 760);
    t('Yes', 400, 760);
    t('No', 440, 760);
    // A green rating after the row, as a compliance table prints one.
    page.drawSvgPath(rounded, { x: 460, y: 768, color: rgb(0, 0.5, 0) });
    const d = await parse(await pdf.save());
    expect(d.blocks.map(show)).toEqual(['1. Do you publish an annual report?', 'yes:-:-', 'no:-:-']);
  });

  it('reads no cross painted fully transparent, clipped away or painted over in white, and reads one that shows', async () => {
    const { page, t, pdf } = await a4(10);
    page.node.Resources()!.set(
      PDFName.of('ExtGState'),
      pdf.context.obj({ Clear: { Type: 'ExtGState', CA: 0, ca: 0 }, Multiply: { Type: 'ExtGState', BM: 'Multiply' }, Normal: { Type: 'ExtGState', BM: 'Normal' } }),
    );
    const patch = (x: number, y: number) => `1 1 1 rg ${x + 0.7} ${y - 0.3} 7.6 7.6 re f`;
    const rows: Array<[string, (x: number, y: number) => string]> = [
      ['1. Do you publish an annual report?', (x, y) => `q /Clear gs ${cross(x, y)} Q`],
      ['2. Do you audit disclosures?', (x, y) => `q 20 20 1 1 re W n ${cross(x, y)} Q`],
      // Whited out: a correction over the cross.
      ['3. Do you consult the public?', (x, y) => `${cross(x, y)} q ${patch(x, y)} Q`],
      // White multiplied over the cross hides nothing; a blend mode set back to normal does.
      ['4. Do you review the system yearly?', (x, y) => `${cross(x, y)} q /Multiply gs ${patch(x, y)} Q`],
      ['5. Do you train operators?', (x, y) => `${cross(x, y)} q /Multiply gs /Normal gs ${patch(x, y)} Q`],
      // White painted first and the cross over it shows.
      ['6. Do you keep a log?', (x, y) => `q ${patch(x, y)} Q ${cross(x, y)}`],
    ];
    const d = await parse(await withRows(pdf, page, t, rows));
    expect(d.blocks.filter((b) => b.option).map(show)).toEqual([
      ...Array.from({ length: 3 }, () => ['yes:unchecked:vector', 'no:unchecked:vector']).flat(),
      'yes:checked:vector',
      'no:unchecked:vector',
      'yes:unchecked:vector',
      'no:unchecked:vector',
      'yes:checked:vector',
      'no:unchecked:vector',
    ]);
  });

  it('clips to a form\'s box and to nothing at all; a patch covers only as one rectangle within an exact clip', async () => {
    const { page, t, pdf } = await a4(10);
    // A form whose box is a corner of the page elsewhere: the cross drawn in it does not show.
    const away = pdf.context.register(pdf.context.flateStream(cross(420, 759), { Type: 'XObject', Subtype: 'Form', BBox: [0, 0, 5, 5] }));
    page.node.Resources()!.set(PDFName.of('XObject'), pdf.context.obj({ Away: away }));
    const rows: Array<[string, (x: number, y: number) => string]> = [
      ['1. Do you publish an annual report?', () => 'q /Away Do Q'],
      ['2. Do you audit disclosures?', (x, y) => `q ${x} ${y} 9 0 re W n ${cross(x, y)} Q`],
      // A white panel with a hole where the box is, and a white sheet clipped to a triangle that leaves the box's corner: the cross shows.
      ['3. Do you consult the public?', (x, y) => `${cross(x, y)} q 1 1 1 rg ${x - 20} ${y - 5} 60 20 re ${x - 1} ${y - 2} 11 11 re f* Q`],
      ['4. Do you review the system yearly?', (x, y) => `${cross(x, y)} q ${x - 40} ${y - 20} m ${x + 60} ${y - 20} l ${x - 40} ${y + 30} l h W n 1 1 1 rg ${x - 40} ${y - 20} 100 50 re f Q`],
      // A light grey patch hides it as white does.
      ['5. Do you train operators?', (x, y) => `${cross(x, y)} q 0.9 g ${x + 0.7} ${y - 0.3} 7.6 7.6 re f Q`],
    ];
    const d = await parse(await withRows(pdf, page, t, rows));
    expect(d.blocks.filter((b) => b.option).map(show)).toEqual([
      ...Array.from({ length: 2 }, () => ['yes:unchecked:vector', 'no:unchecked:vector']).flat(),
      ...Array.from({ length: 2 }, () => ['yes:checked:vector', 'no:unchecked:vector']).flat(),
      'yes:unchecked:vector',
      'no:unchecked:vector',
    ]);
  });

  it('takes a hatch painted over a crossed box for ink, not for a white patch, whatever colour was set before it', async () => {
    const { page, t, pdf } = await a4(10);
    const hatch = pdf.context.register(
      pdf.context.stream('0.3 w 0 0 m 4 4 l S', { Type: 'Pattern', PatternType: 1, PaintType: 1, TilingType: 1, BBox: [0, 0, 4, 4], XStep: 4, YStep: 4, Resources: {} }),
    );
    page.node.Resources()!.set(PDFName.of('Pattern'), pdf.context.obj({ Hatch: hatch }));
    const d = await parse(await withRows(pdf, page, t, [['1. Do you publish an annual report?', (x, y) => `${cross(x, y)} q 1 g /Pattern cs /Hatch scn ${x + 0.7} ${y - 0.3} 7.6 7.6 re f Q`]]));
    expect(d.blocks.filter((b) => b.option).map(show)).toEqual(['yes:checked:vector', 'no:unchecked:vector']);
  });

  it('reads no tick from what is drawn under a box, a ring inside it, or a box drawn as one open path', async () => {
    const { page, t, pdf } = await a4(10);
    questionRow(page, t, 760, '1. Do you publish an annual report?');
    t('2. Do you audit disclosures?', 50, 730);
    t('Yes', 400, 730);
    t('No', 440, 730);
    for (const x of [420, 455]) {
      // A dark badge behind each box, then the box over it.
      page.drawSvgPath('M 0 6 L 6 0 L 12 6 L 6 12 Z', { x: x - 1.5, y: 743.5, color: rgb(0.2, 0.2, 0.2) });
      drawBox(page, x, 730, false);
    }
    t('3. Do you consult the public?', 50, 700);
    t('Yes', 400, 700);
    t('No', 440, 700);
    // Each box one open path of five segments, with a ring of sixteen short ones inside.
    const ring = Array.from({ length: 16 }, (_, i) => `${(4.5 + 2.6 * Math.cos((i * Math.PI) / 8)).toFixed(2)} ${(4.5 + 2.6 * Math.sin((i * Math.PI) / 8)).toFixed(2)}`);
    for (const x of [420, 455]) {
      page.drawSvgPath('M 0 0 L 9 0 L 9 9 L 0 9 L 0 0.5 L 0 0.2', { x, y: 708, borderColor: rgb(0, 0, 0), borderWidth: 0.75 });
      page.drawSvgPath(`M ${ring.join(' L ')} Z`, { x, y: 708, borderColor: rgb(0, 0, 0), borderWidth: 0.5 });
    }
    t('4. Do you review the system yearly?', 50, 670);
    t('Yes', 400, 670);
    t('No', 440, 670);
    // Each box with a tick stroked in white: the unticked state as some forms draw it.
    for (const x of [420, 455]) {
      drawBox(page, x, 670, false);
      page.drawSvgPath('M 1.5 4.5 L 3.5 7 L 7.5 1.5', { x, y: 678, borderColor: rgb(1, 1, 1), borderWidth: 0.9 });
    }
    const d = await parse(await pdf.save());
    expect(d.blocks.filter((b) => b.option).map(show)).toEqual(Array.from({ length: 4 }, () => ['yes:unchecked:vector', 'no:unchecked:vector']).flat());
  });

  it('gives an "X" typed after a drawn box to that box\'s label; where the drawing is too large to read, to neither', async () => {
    const page1 = async (drawing: string, picture = 0) => {
      const { pdf, page, t } = await a4(10);
      if (picture) {
        const image = pdf.context.flateStream(new Uint8Array(picture), { Type: 'XObject', Subtype: 'Image', Width: 1000, Height: picture / 1000, ColorSpace: 'DeviceGray', BitsPerComponent: 8 });
        page.node.setXObject(PDFName.of('Im1'), pdf.context.register(image));
      }
      questionRow(page, t, 760, '1. Do you publish an annual report?');
      t('X', 430, 760);
      if (drawing) page.node.addContentStream(pdf.context.register(pdf.context.flateStream(drawing)));
      return parse(await pdf.save());
    };
    // The X sits nearer "No" than "Yes": only the box before it says whose it is. A large picture on the page is
    // not drawing to read.
    const small = await page1('', 5_000_000);
    expect(small.blocks.map(show)).toEqual(['1. Do you publish an annual report?', 'yes:checked:typed-mark', 'no:unchecked:vector']);
    // Five megabytes of drawing (a plan of the camera sites, say): no boxes read, and no answer made up.
    const large = await page1('0 0 m 1 1 l S\n'.repeat(400_000));
    expect(large.blocks.map(show)).toEqual(['1. Do you publish an annual report?', 'yes:unknown:vector', 'no:checked:typed-mark']);
    expect(large.diagnostics.map((x) => x.message)).toEqual(['page 1: its content decodes to over 4 MB, too large to look for drawn boxes']);
  });

  it('gives a box left at the end of a line to the label starting the next ("☒" then "Yes ☐ No")', async () => {
    const d = await parse(input('lo-header-footer-textbox'));
    const at = d.blocks.findIndex((b) => b.text.startsWith('Is the system being used for any other purpose'));
    expect(d.blocks.slice(at + 1, at + 4).map(show)).toEqual(['yes:checked:glyph', 'no:unchecked:glyph', 'Cameras are maintained under contract with a four hour response time.']);
  });

  it('reads a row of box glyphs wrapped over the lines of a narrow cell as one row, where its lines go on with their row', async () => {
    const { pdf, page, t } = await a4(10);
    const glyphs = new GlyphFont(pdf, 'unicode');
    const row = (y: number, question: [string, string], line1: Array<[string, number]>, line2: Array<[string, number]>, comment: string) => {
      t(question[0], 50, y);
      t(question[1], 50, y - 13);
      for (const [what, x] of line1) if (what === 'yes' || what === 'no') glyphs.draw(page, what === 'yes' ? 'cross' : 'empty', x, y, 10); else t(what, x, y);
      for (const [what, x] of line2) if (what === 'yes' || what === 'no') glyphs.draw(page, what === 'yes' ? 'cross' : 'empty', x, y - 13, 10); else t(what, x, y - 13);
      t(comment, 380, y);
    };
    // "☐ Yes ☒" over "No", and "Yes ☐ No" over "☒", each next-line item at the cell's left edge.
    row(760, ['1. Has your organisation paid a registration', 'fee to the Information Commissioner?'], [['no', 300], ['Yes', 313], ['yes', 335]], [['No', 300]], 'Registered in 2019.');
    row(720, ['2. Do you update your data protection', 'impact assessment regularly?'], [['Yes', 300], ['no', 321], ['No', 340]], [['yes', 300]], 'Reviewed every year.');
    // The same, the next line's label or box elsewhere in the cell: which box is whose stays unread.
    row(680, ['3. Do you review the system annually', 'against its purpose?'], [['no', 300], ['Yes', 313], ['yes', 335]], [['No', 320]], 'See the annual report.');
    row(640, ['4. Do you publish the results of the', 'annual review?'], [['Yes', 300], ['no', 321], ['No', 340]], [['yes', 330]], 'On the council website.');
    // The options alone on their row's last line, the next row's typed "No" under them: the next row starts there.
    t('5. Do you consult the public?', 50, 600);
    glyphs.draw(page, 'empty', 300, 587, 10);
    t('Yes', 313, 587);
    glyphs.draw(page, 'cross', 335, 587, 10);
    t('6. Do you audit disclosures?', 50, 574);
    t('No', 300, 574);
    // A cell so narrow that each box and label wraps: "Yes" over "☐ No" over "☒", and "☐" over "Yes" over "☒ No".
    const stacked = (y: number, question: string[], cell: Array<Array<'yes' | 'no' | string>>) =>
      cell.forEach((items, k) => {
        if (question[k]) t(question[k]!, 50, y - 13 * k);
        let x = 300;
        for (const item of items) {
          if (item === 'yes' || item === 'no') glyphs.draw(page, item === 'yes' ? 'cross' : 'empty', x, y - 13 * k, 10);
          else t(item, x, y - 13 * k);
          x += item === 'yes' || item === 'no' ? 13 : 22;
        }
      });
    stacked(540, ['7. Do you review the system', 'against its stated purpose', 'every year?'], [['Yes'], ['no', 'No'], ['yes']]);
    stacked(490, ['8. Is the review published', 'on the council website', 'each year?'], [['no'], ['Yes'], ['yes', 'No']]);
    // A question ended ("?") over the next row's question, unnumbered, and its typed "No": the next row starts there.
    stacked(440, ['Is the system reviewed each', 'year?', 'Do you publish the review?'], [[], ['no', 'Yes', 'yes'], ['No']]);
    const d = await parse(await pdf.save());
    expect(d.blocks.map(show)).toEqual([
      '1. Has your organisation paid a registration fee to the Information Commissioner?',
      'yes:unchecked:glyph',
      'no:checked:glyph',
      'Registered in 2019.',
      '2. Do you update your data protection impact assessment regularly?',
      'yes:unchecked:glyph',
      'no:checked:glyph',
      'Reviewed every year.',
      '3. Do you review the system annually against its purpose?',
      'null:unchecked:glyph',
      'yes:-:-',
      'null:checked:glyph',
      'See the annual report.',
      'No',
      '4. Do you publish the results of the annual review?',
      'yes:unchecked:glyph',
      'no:-:-',
      'null:checked:glyph',
      'On the council website.',
      '5. Do you consult the public?',
      'null:unchecked:glyph',
      'yes:-:-',
      'null:checked:glyph',
      '6. Do you audit disclosures?',
      'No',
      '7. Do you review the system against its stated purpose every year?',
      'yes:unchecked:glyph',
      'no:checked:glyph',
      '8. Is the review published on the council website each year?',
      'yes:unchecked:glyph',
      'no:checked:glyph',
      'Is the system reviewed each year?',
      'null:unchecked:glyph',
      'yes:-:-',
      'null:checked:glyph',
      'Do you publish the review?',
      'No',
    ]);
  });

  it('reads a narrow cell down past the lines of a question in a larger font set between its own', async () => {
    const { pdf, font, page, t } = await a4(10);
    const glyphs = new GlyphFont(pdf, 'unicode');
    const small = (s: string, x: number, y: number) => page.drawText(s, { x, y, size: 8, font });
    // Label first, wrapped after each box: "Yes" / "☒ No" / "☐ N/A" / "☐", in 8 pt, 8 pt apart, beside a question in
    // 10 pt, 12 pt apart, so the page's lines alternate between the two.
    ['3. Have you carried out a data protection impact', 'assessment, and were you and your DPO able to', 'sign off that privacy risks had been mitigated', 'adequately?'].forEach(
      (q, k) => t(q, 50, 700 - 12 * k),
    );
    small('Yes', 300, 700);
    glyphs.draw(page, 'cross', 300, 692, 8);
    small('No', 311, 692);
    glyphs.draw(page, 'empty', 300, 684, 8);
    small('N/A', 311, 684);
    glyphs.draw(page, 'empty', 300, 676, 8);
    const d = await parse(await pdf.save());
    expect(d.blocks.map(show)).toEqual([
      '3. Have you carried out a data protection impact assessment, and were you and your DPO able to sign off that privacy risks had been mitigated adequately?',
      'yes:checked:glyph',
      'no:unchecked:glyph',
      'na:unchecked:glyph',
    ]);
  });

  it('gives boxes set in columns under "Yes" and "No" headings the heading of their column', async () => {
    const { pdf, font, page, t } = await a4(10);
    const centre = (s: string, x: number) => x + font.widthOfTextAtSize(s, 10) / 2;
    const box = (cx: number, y: number, crossed: boolean) => {
      page.drawRectangle({ x: cx - 4.5, y, width: 9, height: 9, borderWidth: 0.75 });
      if (crossed) {
        page.drawLine({ start: { x: cx - 3, y: y + 1.5 }, end: { x: cx + 3, y: y + 7.5 }, thickness: 0.9 });
        page.drawLine({ start: { x: cx - 3, y: y + 7.5 }, end: { x: cx + 3, y: y + 1.5 }, thickness: 0.9 });
      }
    };
    t('Question', 50, 760);
    t('Yes', 400, 760);
    t('No', 450, 760);
    const yes = centre('Yes', 400);
    const no = centre('No', 450);
    t('1. Do you publish an annual report on the', 50, 740);
    t('scheme?', 50, 728);
    box(yes, 732, false);
    box(no, 732, true);
    t('2. Do you audit disclosures?', 50, 708);
    box(yes, 706, true);
    box(no, 706, false);
    // Below, a printed "Yes  No" under a question, then a square bullet at the same x as its "Yes": not an option.
    t('3. Do you consult the public?', 50, 680);
    t('Yes', 50, 664);
    t('No', 90, 664);
    page.drawRectangle({ x: 50, y: 645, width: 6, height: 6, color: rgb(0, 0, 0) });
    t('Consultation is done every year.', 62, 645);
    const d = await parse(await pdf.save());
    expect(d.blocks.map(show)).toEqual([
      'Question',
      '1. Do you publish an annual report on the scheme?',
      'yes:unchecked:vector',
      'no:checked:vector',
      '2. Do you audit disclosures?',
      'yes:checked:vector',
      'no:unchecked:vector',
      '3. Do you consult the public?',
      'yes:-:-',
      'no:-:-',
      'Consultation is done every year.',
    ]);
  });

  it('gives form checkboxes set in columns under "Yes" and "No" headings the heading of their column, whatever their default export value', async () => {
    const { pdf, page, t } = await a4(10);
    t('Question', 50, 760);
    t('Yes', 400, 760);
    t('No', 450, 760);
    const box = (name: string, x: number, y: number, checked: boolean, exportValue?: string) => addCheckBox(pdf, page, { name, x, y, checked, exportValue });
    t('1. Do you publish an annual report?', 50, 740);
    box('q1y', 403, 738, false);
    box('q1n', 452, 738, true);
    t('2. Do you audit disclosures?', 50, 716);
    box('q2y', 403, 714, true);
    box('q2n', 452, 714, false);
    // An export value its author named after another option than the heading's: which is meant cannot be told.
    t('3. Do you consult the public?', 50, 692);
    box('q3y', 403, 690, true, 'No');
    box('q3n', 452, 690, false);
    // A tooltip, which the page does not show, naming the other option than the heading: the heading stands.
    t('4. Do you review the policy?', 50, 668);
    addCheckBox(pdf, page, { name: 'q4y', x: 403, y: 666, checked: true, exportValue: '1', tooltip: 'No' });
    addCheckBox(pdf, page, { name: 'q4n', x: 452, y: 666, checked: false, exportValue: '1', tooltip: 'Yes' });
    const d = await parse(await pdf.save());
    expect(d.blocks.map(show)).toEqual([
      'Question',
      '1. Do you publish an annual report?',
      'yes:unchecked:acroform',
      'no:checked:acroform',
      '2. Do you audit disclosures?',
      'yes:checked:acroform',
      'no:unchecked:acroform',
      '3. Do you consult the public?',
      'null:checked:acroform',
      'no:unchecked:acroform',
      '4. Do you review the policy?',
      'yes:checked:acroform',
      'no:unchecked:acroform',
    ]);
  });

  it('reads no state from a form checkbox set to a state it has no appearance for, as LibreOffice 7.4 saves a ticked "No" box', async () => {
    const { pdf } = await checkBoxRow(true, false, 'No');
    const no = pdf.getForm().getCheckBox('q1n').acroField;
    no.dict.set(PDFName.of('V'), PDFName.of('Yes'));
    no.getWidgets()[0]!.dict.set(PDFName.of('AS'), PDFName.of('Yes'));
    const d = await parse(await pdf.save());
    expect(d.blocks.map(show)).toEqual(['1. Do you publish an annual report?', 'yes:checked:acroform', 'no:unknown:acroform']);
    expect(d.diagnostics.find((x) => x.code === 'appearance-value-mismatch')?.message).toMatch(/"q1n" is set to \/Yes, a state it has no appearance for \(its states are \/No and \/Off\)/);
    // A box with an appearance for Off alone, set to /Yes: pdf.js makes up a tick for it, other viewers show it empty.
    const bare = await checkBoxRow(false, false);
    const yes = bare.pdf.getForm().getCheckBox('q1y').acroField;
    const ap = yes.getWidgets()[0]!.dict.lookup(PDFName.of('AP'), PDFDict);
    for (const key of ['N', 'D']) ap.lookupMaybe(PDFName.of(key), PDFDict)?.delete(PDFName.of('Yes'));
    yes.dict.set(PDFName.of('V'), PDFName.of('Yes'));
    yes.getWidgets()[0]!.dict.set(PDFName.of('AS'), PDFName.of('Yes'));
    expect((await parse(await bare.pdf.save({ updateFieldAppearances: false }))).blocks.map(show)).toEqual(['1. Do you publish an annual report?', 'yes:unknown:acroform', 'no:unchecked:acroform']);
  });

  it('reads a form checkbox whose name for ticked is not ASCII, written in UTF-8 bytes, as ticked', async () => {
    // "Ναι" (Greek for yes), as /#CE#9D#CE#B1#CE#B9: pdf.js decodes the box's states as PDFDocEncoding, but not its value.
    const { pdf } = await checkBoxRow(false, true, Buffer.from('Ναι', 'utf8').toString('latin1'));
    const d = await parse(await pdf.save());
    expect(d.blocks.map(show)).toEqual(['1. Do you publish an annual report?', 'yes:unchecked:acroform', 'no:checked:acroform']);
    expect(d.diagnostics.filter((x) => x.code === 'appearance-value-mismatch')).toEqual([]);
  });

  it('reads a form checkbox as pdf.js does where the file keeps another object of its number later, in a copy of another PDF kept inside it', async () => {
    const { pdf } = await checkBoxRow(false, true);
    // Last year's form, attached uncompressed, its boxes the other way round under the same object numbers.
    const copy = (name: string, state: string) => {
      const ref = pdf.context.getObjectRef(pdf.getForm().getCheckBox(name).acroField.dict)!;
      return `${ref.objectNumber} 0 obj\n<< /Type /Annot /Subtype /Widget /FT /Btn /V /${state} /AS /${state} >>\nendobj\n`;
    };
    pdf.context.register(pdf.context.stream(copy('q1y', 'Yes') + copy('q1n', 'Off')));
    const d = await parse(await pdf.save({ useObjectStreams: false }));
    expect(d.blocks.map(show)).toEqual(['1. Do you publish an annual report?', 'yes:unchecked:acroform', 'no:checked:acroform']);
  });

  it('asks for annotations only on pages that have them, their own or a page-tree node\'s above them', async () => {
    await parse(input('glyph-msgothic'));
    expect(lastStats.annotationPages).toBe(0);
    const { pdf, page } = await checkBoxRow(true, false);
    const expected = ['1. Do you publish an annual report?', 'yes:checked:acroform', 'no:unchecked:acroform'];
    expect((await parse(await pdf.save())).blocks.map(show)).toEqual(expected);
    expect(lastStats.annotationPages).toBe(1);
    // The same widgets listed on the page tree's root: pdf.js, as other readers, takes them for the page's own.
    page.node.Parent()!.set(PDFName.of('Annots'), page.node.get(PDFName.of('Annots'))!);
    page.node.delete(PDFName.of('Annots'));
    expect((await parse(await pdf.save())).blocks.map(show)).toEqual(expected);
    expect(lastStats.annotationPages).toBe(1);
    // A copy of another PDF kept uncompressed inside this one (an attachment) whose page has the same object number
    // and no annotations, later in the file: which page object is meant is not told from the bytes alone.
    page.node.set(PDFName.of('Annots'), page.node.Parent()!.get(PDFName.of('Annots'))!);
    page.node.Parent()!.delete(PDFName.of('Annots'));
    pdf.context.register(pdf.context.stream(`${pdf.context.getObjectRef(page.node)!.objectNumber} 0 obj\n<< /Type /Page /Parent 1 0 R >>\nendobj`));
    expect((await parse(await pdf.save({ useObjectStreams: false }))).blocks.map(show)).toEqual(expected);
    expect(lastStats.annotationPages).toBe(1);
  });

  it('names a form checkbox by its tooltip where its export value names no option, unless its row\'s tooltips name one option twice or name them out of order', async () => {
    const { pdf, page, t } = await a4(10);
    t('Question', 50, 760);
    t('Response (Yes / No)', 400, 760);
    const box = (name: string, x: number, y: number, checked: boolean, tooltip: string) => addCheckBox(pdf, page, { name, x, y, checked, exportValue: '1', tooltip });
    t('1. Do you keep a log of disclosures?', 50, 740);
    box('q1y', 403, 738, true, 'Yes');
    box('q1n', 452, 738, false, 'No');
    t('2. Do you share footage with partners?', 50, 716);
    box('q2y', 403, 714, false, 'Yes');
    box('q2n', 452, 714, true, 'No');
    // A tooltip copied from the first box to the second: which box is which cannot be told.
    t('3. Do you consult the public?', 50, 692);
    box('q3y', 403, 690, false, 'Yes');
    box('q3n', 452, 690, true, 'Yes');
    // Tooltips copied the wrong way round: "No" on the left-hand box.
    t('4. Do you review the policy?', 50, 668);
    box('q4y', 403, 666, true, 'No');
    box('q4n', 452, 666, false, 'Yes');
    const d = await parse(await pdf.save());
    expect(d.blocks.map(show)).toEqual([
      'Question',
      'Response (Yes / No)',
      '1. Do you keep a log of disclosures?',
      'yes:checked:acroform',
      'no:unchecked:acroform',
      '2. Do you share footage with partners?',
      'yes:unchecked:acroform',
      'no:checked:acroform',
      '3. Do you consult the public?',
      '4. Do you review the policy?',
    ]);
  });

  it('reads an X or tick typed under "Yes" and "No" headings with a comments column after them, heading repeated on every page', async () => {
    const pdf = await PDFDocument.create();
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    const symbols = await pdf.embedFont(StandardFonts.ZapfDingbats);
    const rows = [
      ['1.1 Do you publish an annual report?', 'Published each June.', '1.2 Do you audit disclosures?', 'Not yet: an audit is planned.'],
      ['2.1 Do you consult the public?', 'Surveys every spring.', '2.2 Do you review the system yearly?', 'The board reviews it.'],
      ['3.1 Are the signs in place?', 'At every camera site.', '3.2 Is footage encrypted at rest?', 'Only on the new recorders.'],
    ];
    rows.forEach(([first, comment1, second, comment2], i) => {
      const page = pdf.addPage([595, 842]);
      const t = (s: string, x: number, y: number) => page.drawText(s, { x, y, size: 10, font });
      for (const [s, x] of [['Ref', 50], ['Question', 90], ['Yes', 330], ['No', 370], ['Comments', 420]] as const) t(s, x, 800);
      const y = 770 - 30 * i;
      t(first!, 50, y);
      t('X', 333, y);
      t(comment1!, 420, y);
      t(second!, 50, y - 40);
      page.drawText('✔', { x: 372, y: y - 40, size: 10, font: symbols });
      t(comment2!, 420, y - 40);
    });
    const d = await parse(await pdf.save());
    expect(d.blocks.filter((b) => !b.furniture).map(show)).toEqual(
      rows.flatMap(([first, comment1, second, comment2]) => [first, 'yes:checked:typed-mark', comment1, second, 'no:checked:glyph', comment2]),
    );
  });

  /** A page with a table's heading row at `top`, cells at the given x, and box glyphs of the kind named. */
  const headedPage = async (kind: 'unicode' | 'wingdings', size: [number, number], top: number, headings: ReadonlyArray<readonly [string, number]>) => {
    const pdf = await PDFDocument.create();
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    const glyphs = new GlyphFont(pdf, kind);
    const page = pdf.addPage(size);
    const t = (s: string, x: number, y: number) => page.drawText(s, { x, y, size: 10, font });
    for (const [s, x] of headings) t(s, x, top);
    /** Rows 40 pt apart from y = 770: a question (and a second line of it), a box glyph under Yes and one under No, a comment. */
    const glyphRows = (rows: ReadonlyArray<readonly [string, BoxGlyph, BoxGlyph, string]>, secondLine = '') =>
      rows.forEach(([question, yes, no, comment], i) => {
        const y = 770 - 40 * i;
        t(question, 50, y);
        if (secondLine) t(secondLine, 50, y - 13);
        glyphs.draw(page, yes, 290, y, 10);
        glyphs.draw(page, no, 326, y, 10);
        t(comment, 353, y);
      });
    return { pdf, page, t, glyphs, glyphRows };
  };

  it('reads a box glyph alone in its cell between a question and its comment, on the question\'s first line, under "Yes" and "No" headings', async () => {
    const { pdf, page, t, glyphs } = await headedPage('wingdings', [842, 595], 540, [['No.', 50], ['Question', 90], ['Yes', 440], ['No', 485], ['Comments', 520]]);
    // Each row's tick stands level with the first line of its question and of its comment, as cells set at their
    // top print it: text on both sides of it on the line.
    const rows = [
      ['14', 'Does your signage state who operates the system and include a', 'point of contact?', 440, 'Signs were renewed in 2023.'],
      ['15', 'If your cameras use body worn cameras, do you inform those', 'present that sound is recorded?', 485, 'Certification will be considered.'],
    ] as const;
    rows.forEach(([n, first, second, x, comment], i) => {
      const y = 510 - 40 * i;
      t(n, 50, y);
      t(first, 90, y);
      t(second, 90, y - 13);
      glyphs.draw(page, 'tick', x, y, 10);
      t(comment, 520, y);
    });
    const d = await parse(await pdf.save());
    expect(d.blocks.filter((b) => b.option).map(show)).toEqual(['yes:checked:glyph', 'no:checked:glyph']);
  });

  it('reads a box glyph in each of the "Yes" and "No" columns, one ticked, between a question and its comment', async () => {
    const { pdf, glyphRows } = await headedPage('unicode', [595, 842], 800, [['No.', 50], ['Question', 80], ['Yes', 286], ['No', 323], ['Comments / evidence', 353]]);
    glyphRows(
      [
        ['1. Has your organisation paid a fee', 'cross', 'empty', 'ICO registration renewed'],
        ['2. Do you update your assessment', 'empty', 'cross', 'No fundamental changes'],
        ['3. Have you carried out an assessment', 'cross', 'cross', 'Signed off in May'],
      ],
      'of the appointment?',
    );
    const d = await parse(await pdf.save());
    expect(d.blocks.filter((b) => b.option).map(show)).toEqual([
      'yes:checked:glyph',
      'no:unchecked:glyph',
      'yes:unchecked:glyph',
      'no:checked:glyph',
      'yes:checked:glyph',
      'no:checked:glyph',
    ]);
  });

  it('reads a comment "N/A" after a Yes and a No box each in its own cell as a comment, the boxes under their headings', async () => {
    const { pdf, glyphRows } = await headedPage('unicode', [595, 842], 800, [['No.', 50], ['Question', 120], ['Yes', 286], ['No', 323], ['Comments / evidence', 385]]);
    glyphRows([
      ['1. Do you use drones?', 'empty', 'cross', 'N/A'],
      ['2. Do you use body worn cameras?', 'cross', 'empty', 'N/A'],
    ]);
    const d = await parse(await pdf.save());
    expect(d.blocks.filter((b) => b.option).map(show)).toEqual(['yes:unchecked:glyph', 'no:checked:glyph', 'yes:checked:glyph', 'no:unchecked:glyph']);
    expect(d.blocks.filter((b) => b.text === 'N/A').map((b) => b.kind)).toEqual(['tableCell', 'tableCell']);
  });

  it('reads drawn boxes under "Yes" and "No" headings on a page printing no other label, a comment beside them under a heading centred over its column', async () => {
    const { pdf, page, t } = await headedPage('unicode', [595, 842], 800, [['No.', 50], ['Question', 80], ['Yes', 286], ['No', 318], ['Comments / evidence', 385]]);
    const rows = [
      ['1. Has your organisation paid a fee?', 'yes', 'ICO registration renewed annually.'],
      ['2. Do you update your assessment?', 'no', ''],
      ['3. Have you carried out an assessment?', 'yes', 'Signed off by the DPO.'],
    ] as const;
    rows.forEach(([question, crossed, comment], i) => {
      const y = 770 - 40 * i;
      t(question, 50, y);
      drawBox(page, 288, y, crossed === 'yes');
      drawBox(page, 318, y, crossed === 'no');
      t(comment, 334, y);
    });
    const d = await parse(await pdf.save());
    expect(d.blocks.filter((b) => b.option).map(show)).toEqual(['yes:checked:vector', 'no:unchecked:vector', 'yes:unchecked:vector', 'no:checked:vector', 'yes:checked:vector', 'no:unchecked:vector']);
  });

  it('reads marks under "Yes" and "No" headings past a row answered in words typed in one of their columns', async () => {
    const { pdf, t } = await headedPage('unicode', [595, 842], 800, [['No.', 50], ['Question', 120], ['Yes', 286], ['No', 323], ['Comments / evidence', 385]]);
    // The words may wrap down their narrow column, one under the other, even broken inside a word.
    const rows = [
      ['1. Has your organisation paid a fee?', ['X'], 290, 'Renewed annually.'],
      ['2. Have you carried out an assessment?', ['Partially'], 281, 'Sign-off awaited.'],
      ['3. Do you update it regularly?', ['X'], 326, ''],
      ['4. Do you review the system?', ['In', 'progress'], 318, ''],
      ['5. Is footage encrypted?', ['X'], 290, ''],
      ['6. Do you audit access?', ['In', 'prog', 'ress'], 320, ''],
      ['7. Are the signs in place?', ['X'], 326, ''],
    ] as const;
    rows.forEach(([question, typed, x, comment], i) => {
      const y = 770 - 40 * i;
      t(question, 50, y);
      t('of the appointment?', 50, y - 13);
      typed.forEach((word, k) => t(word, x, y - 13 * k));
      t(comment, 353, y);
    });
    const d = await parse(await pdf.save());
    expect(d.blocks.filter((b) => b.option).map(show)).toEqual(['yes:checked:typed-mark', 'no:checked:typed-mark', 'yes:checked:typed-mark', 'no:checked:typed-mark']);
    expect(d.blocks.find((b) => b.text === 'Partially')?.option).toBeUndefined();
  });

  it('keeps the "No." over the number column of a heading row repeated on every page a running line, not an option, where one page heads a column more', async () => {
    const pdf = await PDFDocument.create();
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    const questions = ['Do you publish an annual report?', 'Do you audit disclosures?', 'Do you consult the public?'];
    for (const [i, question] of questions.entries()) {
      const page = pdf.addPage([595, 842]);
      const t = (s: string, x: number, y: number) => page.drawText(s, { x, y, size: 10, font });
      // The last page's table heads an "N/A" column too, which no other page prints.
      const headings = [['No.', 50], ['Question', 90], ['Yes', 330], ['No', 370], ...(i === 2 ? [['N/A', 405]] : []), ['Comments', 440]] as const;
      for (const [s, x] of headings) t(s, x, 800);
      t(String(i + 1), 50, 680);
      t(question, 90, 680);
    }
    const d = await parse(await pdf.save());
    expect(d.blocks.filter((b) => !b.furniture).map(show)).toEqual(questions.flatMap((q, i) => [String(i + 1), q]));
  });

  it('reads the boxes of each page\'s first row under a heading row repeated at the top of every page, though they stand at one place on each', async () => {
    const pdf = await PDFDocument.create();
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    const glyphs = new GlyphFont(pdf, 'unicode');
    const questions = ['Do you publish an annual report?', 'Do you audit disclosures?', 'Do you consult the public?'];
    for (const [i, question] of questions.entries()) {
      const page = pdf.addPage([595, 842]);
      const t = (s: string, x: number, y: number) => page.drawText(s, { x, y, size: 10, font });
      for (const [s, x] of [['No.', 50], ['Question', 90], ['Yes', 330], ['No', 370], ['Comments', 440]] as const) t(s, x, 800);
      t(`${i + 1}.`, 50, 780);
      t(question, 90, 780);
      glyphs.draw(page, i === 1 ? 'empty' : 'cross', 332, 780, 10);
      glyphs.draw(page, i === 1 ? 'cross' : 'empty', 372, 780, 10);
    }
    const d = await parse(await pdf.save());
    expect(d.blocks.filter((b) => b.option).map(show)).toEqual(['yes:checked:glyph', 'no:unchecked:glyph', 'yes:unchecked:glyph', 'no:checked:glyph', 'yes:checked:glyph', 'no:unchecked:glyph']);
  });

  it('leaves a box in a footer that names each page differently ("Retention of images   Example: ☒ ☐") in the footer, under the Yes and No columns though it stands', async () => {
    const pdf = await PDFDocument.create();
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    const glyphs = new GlyphFont(pdf, 'unicode');
    for (const [i, question] of ['Do you publish an annual report?', 'Do you audit disclosures?', 'Do you consult the public?'].entries()) {
      const page = pdf.addPage([595, 842]);
      const t = (s: string, x: number, y: number) => page.drawText(s, { x, y, size: 10, font });
      for (const [s, x] of [['No.', 50], ['Question', 90], ['Yes', 330], ['No', 370], ['Comments', 440]] as const) t(s, x, 800);
      t(`${i + 1}.`, 50, 780);
      t(question, 90, 780);
      glyphs.draw(page, 'cross', 332, 780, 10);
      glyphs.draw(page, 'empty', 372, 780, 10);
      t(['Governance', 'Retention of images', 'Access and disclosure'][i]!, 50, 40);
      t('Example:', 270, 40);
      glyphs.draw(page, 'cross', 332, 40, 10);
      glyphs.draw(page, 'empty', 372, 40, 10);
    }
    const d = await parse(await pdf.save());
    const options = d.blocks.filter((b) => b.option);
    expect(options.map(show)).toEqual(['yes:checked:glyph', 'no:unchecked:glyph', 'yes:checked:glyph', 'no:unchecked:glyph', 'yes:checked:glyph', 'no:unchecked:glyph']);
    expect(options.every((b) => b.provenance.y! > 700)).toBe(true);
  });

  it('reads "No comments" typed in an answer row\'s comments cell as the answer\'s words, not as a "No" heading over the rows below', async () => {
    const { pdf, t } = await xTablePage();
    // Row 1 answered by the word "Yes" in its column, with "No comments" in its comments cell.
    for (const [s, x] of [['1.', 50], ['Do you publish an annual report?', 80], ['Yes', 300], ['No comments', 360]] as const) t(s, x, 750);
    xRow(t, 720, '2. Do you audit disclosures?', 333);
    xRow(t, 690, '3. Do you consult the public?', 303);
    const d = await parse(await pdf.save());
    // Row 2's X stands under No: never the Yes of a heading made of row 1's words.
    const row2 = d.blocks.filter((b) => b.option && Math.abs(b.provenance.y! - d.blocks.find((q) => q.text.startsWith('2.'))!.provenance.y!) < 2);
    expect(row2.map(show)).not.toContain('yes:checked:typed-mark');
    expect(d.blocks.map((b) => b.text)).toContain('No comments');
  });

  it('carries "Yes" and "No" headings past a row ticked in both columns, which is an answer, not a heading row of marks', async () => {
    const pdf = await PDFDocument.create();
    const edges = [50, 100, 320, 360, 400, 545];
    const first = pdf.addPage([595, 842]);
    for (const [r, cells] of [['Ref', 'Question', 'Yes', 'No', 'Comments'], ['2.1', 'Do you publish an annual report?', '✔', '✔', 'Both ticked.']].entries())
      await cellRow(pdf, first, edges, 800 - 40 * r, cells);
    await cellRow(pdf, pdf.addPage([595, 842]), edges, 780, ['2.2', 'Do you audit disclosures?', '', '✔', 'Planned.']);
    const d = await parse(await pdf.save());
    expect(d.blocks.filter((b) => b.option).map(show)).toEqual(['yes:checked:glyph', 'no:checked:glyph', 'no:checked:glyph']);
  });

  it('carries "Yes" and "No" headings on to a page whose first line reaches a little above its cell\'s top border, and reads "No Comments", a narrow heading set a word space from the next, as the "No" heading', async () => {
    const pdf = await PDFDocument.create();
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    const symbols = await pdf.embedFont(StandardFonts.ZapfDingbats);
    const edges = [50, 100, 320, 345, 370, 545];
    const first = pdf.addPage([595, 842]);
    await cellRow(pdf, first, edges, 800, ['Ref', 'Question', 'Yes', '', '']);
    first.drawText('No Comments', { x: 349, y: 776, size: 10, font });
    await cellRow(pdf, first, edges, 760, ['2.1', 'Do you publish an annual report?', '✔', '', '']);
    // The next page's first row set tight under its top border: the letters' ascent reaches over it.
    const next = pdf.addPage([595, 842]);
    edges.slice(0, -1).forEach((x, c) => next.drawRectangle({ x, y: 740, width: edges[c + 1]! - x, height: 40, borderWidth: 0.5, borderColor: rgb(0, 0, 0) }));
    next.drawText('2.2', { x: 54, y: 773, size: 10, font });
    next.drawText('Do you audit disclosures?', { x: 104, y: 773, size: 10, font });
    next.drawText('✔', { x: 351, y: 773, size: 10, font: symbols });
    const d = await parse(await pdf.save());
    expect(d.blocks.filter((b) => b.option).map(show)).toEqual(['yes:checked:glyph', 'no:checked:glyph']);
  });

  it('reads marks under the headings past answers typed in a column beside a box left in the other, or an option\'s word typed in the wrong one', async () => {
    const { pdf, page, t, glyphs } = await headedPage('unicode', [595, 842], 800, [['No.', 50], ['Question', 120], ['Yes', 286], ['No', 323], ['Comments / evidence', 385]]);
    // Row 2's Yes box gave way to "Parti" over "ally", row 3's to the word "No"; each left its No box.
    const rows = [
      ['1. Have you identified any camera', ['cross'], 'cross', 'Renewed annually.'],
      ['2. Have you conducted an evaluation', ['Parti', 'ally'], 'empty', 'Under way.'],
      ['3. Does the storage ensure integrity', ['No'], 'empty', 'Checked on export.'],
      ['4. Do you update it regularly', ['empty'], 'cross', ''],
    ] as const;
    rows.forEach(([question, yes, no, comment], i) => {
      const y = 770 - 40 * i;
      t(question, 50, y);
      if (yes[0] === 'cross' || yes[0] === 'empty') glyphs.draw(page, yes[0], 290, y, 10);
      else yes.forEach((word, k) => t(word, 286, y - 13 * k));
      glyphs.draw(page, no, 326, y, 10);
      t(comment, 353, y);
    });
    const d = await parse(await pdf.save());
    expect(d.blocks.filter((b) => b.option).map(show)).toEqual([
      'yes:checked:glyph',
      'no:checked:glyph',
      'no:unchecked:glyph',
      'no:unchecked:glyph',
      'yes:unchecked:glyph',
      'no:checked:glyph',
    ]);
  });

  it('takes an option\'s word over its own column, with words before it, for a table of the organisation\'s own, not a typed answer', async () => {
    const { pdf, page, t, glyphs } = await headedPage('unicode', [595, 842], 800, [['No.', 50], ['Question', 120], ['Yes', 286], ['No', 323], ['Comments / evidence', 385]]);
    t('1. Are signs in place at every site?', 50, 770);
    glyphs.draw(page, 'cross', 290, 770, 10);
    glyphs.draw(page, 'empty', 326, 770, 10);
    // The organisation's own list under the row: "Site | Yes", then a site with an X under its own "Yes".
    t('Site checked', 50, 740);
    t('Yes', 286, 740);
    t('Market Place', 50, 720);
    t('X', 290, 720);
    const d = await parse(await pdf.save());
    expect(d.blocks.filter((b) => b.option?.mark).map(show)).toEqual(['yes:checked:glyph', 'no:unchecked:glyph']);
  });

  it('carries "Yes" and "No" headings on to the next page past a row answered in words typed in one of their columns', async () => {
    const pdf = await PDFDocument.create();
    const edges = [50, 100, 320, 360, 400, 545];
    const first = pdf.addPage([595, 842]);
    for (const [r, cells] of [['Ref', 'Question', 'Yes', 'No', 'Comments'], ['2.1', 'Do you publish an annual report?', 'Partly', '', 'Draft only.']].entries())
      await cellRow(pdf, first, edges, 800 - 40 * r, cells);
    await cellRow(pdf, pdf.addPage([595, 842]), edges, 780, ['2.2', 'Do you audit disclosures?', '', 'X', 'Planned.']);
    const d = await parse(await pdf.save());
    expect(d.blocks.filter((b) => b.option).map(show)).toEqual(['no:checked:typed-mark']);
  });

  it('reads drawn boxes in a bordered table run on to a page without its "Yes" and "No" headings, that page printing no mark in its text', async () => {
    const pdf = await PDFDocument.create();
    const edges = [50, 100, 320, 360, 400, 545];
    const first = pdf.addPage([595, 842]);
    await cellRow(pdf, first, edges, 800, ['Ref', 'Question', 'Yes', 'No', 'Comments']);
    await cellRow(pdf, first, edges, 760, ['2.1', 'Do you publish an annual report?', '', '', 'Each June.']);
    drawBox(first, 335, 740, true);
    drawBox(first, 375, 740, false);
    const next = pdf.addPage([595, 842]);
    await cellRow(pdf, next, edges, 780, ['2.2', 'Do you audit disclosures?', '', '', 'Planned.']);
    drawBox(next, 335, 760, false);
    drawBox(next, 375, 760, true);
    const d = await parse(await pdf.save());
    expect(d.blocks.filter((b) => b.option).map(show)).toEqual(['yes:checked:vector', 'no:unchecked:vector', 'yes:unchecked:vector', 'no:checked:vector']);
  });

  it('reads an X or tick in a bordered table run on to later pages without its "Yes" and "No" headings, only in cells bounded as theirs are', async () => {
    const pdf = await PDFDocument.create();
    /** A page whose rows, from `top` down, are cells at the given x edges. */
    const tablePage = async (top: number, edges: number[], rows: string[][]) => {
      const page = pdf.addPage([595, 842]);
      for (const [r, cells] of rows.entries()) await cellRow(pdf, page, edges, top - 40 * r, cells);
    };
    const edges = [50, 100, 320, 360, 400, 545];
    await tablePage(800, edges, [
      ['Ref', 'Question', 'Yes', 'No', 'Comments'],
      ['2.1', 'Do you publish an annual report?', 'X', '', 'Each June.'],
    ]);
    await tablePage(780, edges, [
      ['2.2', 'Do you audit disclosures?', '', '✔', 'Planned.'],
      ['2.3', 'Do you consult the public?', 'X', '', 'Every spring.'],
    ]);
    // A choice typed alone in a column is an answer cell: the table goes on under the headings.
    await tablePage(770, edges, [
      ['2.31', 'Do you operate drones?', 'N/A', '', 'None in use.'],
      ['2.32', 'Do you audit access?', '', 'X', 'Monthly.'],
    ]);
    // A page opening with a row whose answer cell is merged across the columns: the table goes on.
    const merged = pdf.addPage([595, 842]);
    await cellRow(pdf, merged, [50, 100, 320, 545], 790, ['2.35', 'How do you handle complaints?', 'Through the corporate complaints procedure.']);
    await cellRow(pdf, merged, edges, 750, ['2.36', 'Do you publish complaint figures?', 'X', '', 'Yearly.']);
    // Still no headings, the table goes on; but here a word stands in the Yes column above the mark, no answer's.
    await tablePage(760, edges, [
      ['2.4', 'Do you review the system?', 'Met', '', 'The board.'],
      ['2.5', 'Are the signs in place?', 'X', '', 'At every site.'],
    ]);
    // Another table, its columns bounded elsewhere: the carried headings say nothing of its cells.
    await tablePage(740, [50, 100, 320, 362, 404, 545], [['2.6', 'Is footage encrypted?', 'X', '', 'On the new recorders.']]);
    const d = await parse(await pdf.save());
    // The refs are left out: some stand where a page's number might.
    expect(d.blocks.filter((b) => !b.furniture && !/^2\.\d+$/.test(b.text)).map(show)).toEqual([
      'Ref',
      'Question',
      'Comments',
      'Do you publish an annual report?',
      'yes:checked:typed-mark',
      'Each June.',
      'Do you audit disclosures?',
      'no:checked:glyph',
      'Planned.',
      'Do you consult the public?',
      'yes:checked:typed-mark',
      'Every spring.',
      'Do you operate drones?',
      'N/A',
      'None in use.',
      'Do you audit access?',
      'no:checked:typed-mark',
      'Monthly.',
      'How do you handle complaints?',
      'Through the corporate complaints procedure.',
      'Do you publish complaint figures?',
      'yes:checked:typed-mark',
      'Yearly.',
      'Do you review the system?',
      'Met',
      'The board.',
      'Are the signs in place?',
      'X',
      'At every site.',
      'Is footage encrypted?',
      'X',
      'On the new recorders.',
    ]);
  });

  it('does not carry "Yes" and "No" headings to a later page past another table\'s heading row, a word in their columns, or a page the table does not go on over', async () => {
    const pdf = await PDFDocument.create();
    let page = pdf.addPage([595, 842]);
    let y = 800;
    /** A row of cells at the given x edges under the last. */
    const row = async (edges: number[], cells: string[]) => {
      await cellRow(pdf, page, edges, y, cells);
      y -= 40;
    };
    const newPage = (top: number) => {
      page = pdf.addPage([595, 842]);
      y = top;
    };
    const edges = [50, 100, 320, 360, 400, 545];
    // Its tick column bounded as the first table's No column is.
    const shifted = [50, 140, 360, 400, 440, 545];
    await row(edges, ['Ref', 'Question', 'Yes', 'No', 'Comments']);
    await row(edges, ['2.1', 'Do you publish an annual report?', 'X', '', 'Each June.']);
    y -= 30;
    // Its heading row names no column the way the form does, but heads two columns with a tick and a cross.
    await row(shifted, ['Ref', 'Requirement', '✔', '✘', 'Comments / actions']);
    newPage(780);
    await row(shifted, ['3.1', 'Do you consult the public?', 'X', '', 'Every spring.']);
    newPage(760);
    await row(edges, ['Ref', 'Question', 'Yes', 'No', 'Comments']);
    await row(edges, ['4.1', 'Do you review the system?', '', 'X', 'The board.']);
    await row(edges, ['4.2', 'Overall', 'Fully met', '', '']);
    newPage(740);
    await row(edges, ['4.3', 'Are the signs in place?', 'X', '', 'At every site.']);
    newPage(720);
    await row(edges, ['Ref', 'Question', 'Yes', 'No', 'Comments']);
    await row(edges, ['5.1', 'Is footage encrypted?', 'X', '', 'On the new recorders.']);
    y -= 30;
    // A heading row of column titles only, over columns of marks left unheaded.
    await row(shifted, ['Ref', 'Question', '', '', 'Comments']);
    newPage(700);
    await row(shifted, ['6.1', 'Do you share footage?', 'X', '', 'With the police.']);
    // A page that opens with something else than the table, and a blank page: the table does not go on over them.
    newPage(680);
    await row(edges, ['Ref', 'Question', 'Yes', 'No', 'Comments']);
    await row(edges, ['7.1', 'Do you audit disclosures?', '', 'X', 'Not yet.']);
    newPage(660);
    page.drawText('Annex: the depot checklist, kept by the site manager.', { x: 54, y: 640, size: 10 });
    y = 620;
    await row(edges, ['7.2', 'Signage checked at the depot', 'X', '', 'Replaced in May.']);
    newPage(640);
    newPage(620);
    await row(edges, ['7.3', 'Cameras cleaned at the depot', 'X', '', 'Monthly.']);
    const d = await parse(await pdf.save());
    // The refs and the heading rows are left out: some refs stand where a page's number might.
    expect(d.blocks.filter((b) => b.option || (!b.furniture && !/^(\d\.\d|Ref|Question|Comments)$/.test(b.text))).map(show)).toEqual([
      'Do you publish an annual report?',
      'yes:checked:typed-mark',
      'Each June.',
      'Requirement',
      '✔',
      '✘',
      'Comments / actions',
      'Do you consult the public?',
      'X',
      'Every spring.',
      'Do you review the system?',
      'no:checked:typed-mark',
      'The board.',
      'Overall',
      'Fully met',
      'Are the signs in place?',
      'X',
      'At every site.',
      'Is footage encrypted?',
      'yes:checked:typed-mark',
      'On the new recorders.',
      'Do you share footage?',
      'X',
      'With the police.',
      'Do you audit disclosures?',
      'no:checked:typed-mark',
      'Not yet.',
      'Annex: the depot checklist, kept by the site manager.',
      'Signage checked at the depot',
      'X',
      'Replaced in May.',
      'Cameras cleaned at the depot',
      'X',
      'Monthly.',
    ]);
  });

  it('reads ZapfDingbats ticks a converter embedded again without their characters (cairo as URW D050000L, Ghostscript for PDF/A)', async () => {
    const expected = JSON.parse(readFileSync(join(CORPUS, 'pdf-zapf-ticks', 'expected.json'), 'utf8')) as { answers: Array<{ choice: string | null }> };
    const chosen = expected.answers.filter((a) => a.choice !== null).length;
    for (const name of ['rt7-pdf-zapf-ticks-pdftocairo', 'rt7-pdf-zapf-ticks-gs-pdfa']) {
      const d = await parse(new Uint8Array(readFileSync(join(CORPUS, name, 'input.pdf'))));
      const ticked = d.blocks.filter((b) => b.option?.mark?.state === 'checked');
      expect(ticked.length, name).toBe(chosen);
      expect(new Set(ticked.map((b) => `${b.option!.mark!.source} ${b.option!.mark!.detail}`)), name).toEqual(new Set(['glyph U+2714']));
      expect(d.blocks.filter((b) => /^(?:Yes|No)\s+4$/.test(b.text)), name).toEqual([]);
    }
  });

  it('gives box glyphs set in columns under "Yes" and "No" headings the heading of their column', async () => {
    const pdf = await PDFDocument.create();
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    const zapf = await pdf.embedFont(StandardFonts.ZapfDingbats);
    const page = pdf.addPage([595, 842]);
    const t = (s: string, x: number, y: number, f = font) => page.drawText(s, { x, y, size: 10, font: f });
    t('Question', 50, 760);
    t('Yes', 400, 760);
    t('No', 450, 760);
    t('1. Do you publish an annual report?', 50, 740);
    t('❑', 402, 740, zapf);
    t('✔', 451, 740, zapf);
    t('2. Do you audit disclosures?', 50, 720);
    t('✔', 402, 720, zapf);
    t('❑', 451, 720, zapf);
    const d = await parse(await pdf.save());
    expect(d.blocks.map(show)).toEqual([
      'Question',
      '1. Do you publish an annual report?',
      'yes:unchecked:glyph',
      'no:checked:glyph',
      '2. Do you audit disclosures?',
      'yes:checked:glyph',
      'no:unchecked:glyph',
    ]);
  });
});

describe('PDF labels closing a line', () => {
  it('takes a label closing a one-row table\'s first line, after the question, for an option', async () => {
    const { pdf, page, t, w } = await a4(10);
    const question = 'Is the system being used for any other purpose other than those specified? If so please';
    t(question, 60, 700);
    t('explain.', 60, 688);
    t('Yes', 60 + w(question) + 12, 700);
    drawBox(page, 60 + w(question) + 12 + w('Yes') + 3, 700, true);
    t('No', 60 + w(question) + 12, 688);
    drawBox(page, 60 + w(question) + 12 + w('Yes') + 3, 688, false);
    const d = await parse(await pdf.save());
    expect(d.blocks.map(show)).toEqual([`${question} explain.`, 'yes:checked:vector', 'no:unchecked:vector']);
  });
});

describe('PDF options at the top of a page', () => {
  it('reads a row opening each page, "☒ Yes ☐ No" beside its question, though its boxes recur at one height', async () => {
    const pdf = await PDFDocument.create();
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    const glyphs = new GlyphFont(pdf, 'unicode');
    const questions = ['1. Do you publish an annual report?', '2. Do you audit disclosures?', '3. Do you train your staff?'];
    questions.forEach((q, i) => {
      const page = pdf.addPage([595, 842]);
      page.drawText(q, { x: 60, y: 780, size: 10, font });
      glyphs.draw(page, i === 1 ? 'empty' : 'cross', 400, 780, 10);
      page.drawText('Yes', { x: 413, y: 780, size: 10, font });
      glyphs.draw(page, i === 1 ? 'cross' : 'empty', 440, 780, 10);
      page.drawText('No', { x: 453, y: 780, size: 10, font });
      page.drawText(`The answer to question ${i + 1} is given in the policy, section ${i + 4}.`, { x: 60, y: 740, size: 10, font });
    });
    const d = await parse(await pdf.save());
    expect(d.blocks.filter((b) => b.option).map(show)).toEqual(['yes:checked:glyph', 'no:unchecked:glyph', 'yes:unchecked:glyph', 'no:checked:glyph', 'yes:checked:glyph', 'no:unchecked:glyph']);
  });

  it('reads a heading wrapped a piece a line down a narrow column ("Y" over "es", "N" over "o", "N/" over "A") as the label it is', async () => {
    const { pdf, t } = await a4(10);
    for (const [s, x] of [['No.', 50], ['Question', 80], ['Y', 303], ['N', 326], ['N/', 348], ['Comments', 372]] as const) t(s, x, 780);
    for (const [s, x] of [['es', 303], ['o', 326], ['A', 348]] as const) t(s, x, 768.5);
    xRow(t, 750, '1. Do you publish an annual report?', 304);
    xRow(t, 725, '2. Do you audit disclosures?', 327);
    xRow(t, 700, '3. Do you fly drones?', 350);
    const d = await parse(await pdf.save());
    expect(d.blocks.filter((b) => b.option).map(show)).toEqual(['yes:checked:typed-mark', 'no:checked:typed-mark', 'na:checked:typed-mark']);
    expect(d.blocks.some((b) => /\b(es|o)\b/.test(b.text))).toBe(false);
  });

  it('takes a table nested in a comments cell ("Site | Yes | No") for the heading of its own rows only: the rows below stay under the table round it', async () => {
    const { pdf, t } = await xTablePage();
    xRow(t, 750, '1. Do you check your signs?', 304);
    t('Signs were checked at every site:', 360, 750);
    for (const [s, x] of [['Site', 365], ['Yes', 470], ['No', 510]] as const) t(s, x, 730);
    t('Market Square', 365, 712);
    t('X', 474, 712);
    t('Bus station', 365, 694);
    t('X', 513, 694);
    xRow(t, 660, '2. Do you publish a contact point?', 333);
    xRow(t, 630, '3. Do you review the system each year?', 304);
    const d = await parse(await pdf.save());
    const options = d.blocks.filter((b) => b.option);
    expect(options.map((b) => [show(b), b.provenance.x])).toEqual([
      ['yes:checked:typed-mark', 304],
      ['yes:checked:typed-mark', 474],
      ['no:checked:typed-mark', 513],
      ['no:checked:typed-mark', 333],
      ['yes:checked:typed-mark', 304],
    ]);
  });
});
