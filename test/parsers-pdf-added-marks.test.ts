import { PDFOperator, PDFOperatorNames, PDFString, rectangle, rgb } from 'pdf-lib';
import { describe, expect, it, vi } from 'vitest';
import { GlyphFont } from '../corpus/build/pdf-glyph-font.js';
import { parse } from '../parsers/pdf/index.js';
import { a4, questionRow, glyphRow, show } from './pdf-fixtures.js';

describe('PDF markup a viewer adds', () => {
  it('reads text typed over the page and pen strokes as the page shows them, and passes over hidden ones', async () => {
    const { pdf, page, t } = await a4(10);
    questionRow(page, t, 760, '1. Do you publish an annual report?');
    questionRow(page, t, 700, '2. Do you audit disclosures?');
    questionRow(page, t, 670, '3. Do you consult the public?');
    const annotate = (dict: Record<string, unknown>) => page.node.addAnnot(pdf.context.register(pdf.context.obj({ Type: 'Annot', F: 4, ...dict })));
    // An "X" typed into the Yes box with a viewer's text tool, its look saved with it.
    const look = pdf.context.register(
      pdf.context.stream('BT /Helv 10 Tf 1.5 1.5 Td (X) Tj ET', { Type: 'XObject', Subtype: 'Form', BBox: [0, 0, 10, 12], Resources: { Font: { Helv: pdf.context.obj({ Type: 'Font', Subtype: 'Type1', BaseFont: 'Helvetica' }) } } }),
    );
    annotate({ Subtype: 'FreeText', Rect: [419, 757, 429, 769], Contents: PDFString.of('X'), DA: PDFString.of('/Helv 10 Tf 0 g'), AP: { N: look } });
    // The answer typed under the question, with no saved look: read from its contents.
    annotate({ Subtype: 'FreeText', Rect: [50, 715, 380, 745], Contents: PDFString.of('We publish it each April.'), DA: PDFString.of('/Helv 10 Tf 0 g') });
    // A tick drawn with the pen in the No box.
    annotate({ Subtype: 'Ink', Rect: [450, 690, 470, 715], InkList: [[456.5, 703, 459, 700.5, 463, 707.5]], C: [0, 0, 0.6], BS: { W: 1 } });
    // A hidden "X" in question 3's Yes box.
    annotate({ Subtype: 'FreeText', F: 2, Rect: [419, 667, 429, 679], Contents: PDFString.of('X'), DA: PDFString.of('/Helv 10 Tf 0 g') });
    // An "X" typed over the word "No" of a question printed with no boxes: a mark beside "No", not part of the word.
    t('4. Do you keep a log?', 50, 640);
    t('Yes', 400, 640);
    t('No', 440, 640);
    annotate({ Subtype: 'FreeText', Rect: [441, 637, 451, 649], Contents: PDFString.of('X'), DA: PDFString.of('/Helv 10 Tf 0 g') });
    const d = await parse(await pdf.save());
    expect(d.blocks.map(show)).toEqual([
      '1. Do you publish an annual report?',
      'yes:checked:typed-mark',
      'no:unchecked:vector',
      'We publish it each April.',
      '2. Do you audit disclosures?',
      'yes:unchecked:vector',
      'no:checked:vector',
      '3. Do you consult the public?',
      'yes:unchecked:vector',
      'no:unchecked:vector',
      '4. Do you keep a log?',
      'yes:-:-',
      'no:checked:typed-mark',
    ]);
  });
});

describe('PDF text typed in a box saved without its look', () => {
  it('sets each line as the box aligns it: an X typed right-aligned in a box over both cells stands in the No box', async () => {
    const { pdf, page, t } = await a4(10);
    questionRow(page, t, 760, '1. Do you publish an annual report?');
    questionRow(page, t, 730, '2. Do you audit disclosures?');
    const typed = (y: number, q: number) =>
      page.node.addAnnot(
        pdf.context.register(pdf.context.obj({ Type: 'Annot', Subtype: 'FreeText', F: 4, Q: q, Rect: [419, y - 3, 468, y + 10], Contents: PDFString.of('X'), DA: PDFString.of('/Helv 10 Tf 0 g') })),
      );
    typed(760, 2);
    typed(730, 0);
    const d = await parse(await pdf.save());
    expect(d.blocks.filter((b) => b.option).map(show)).toEqual(['yes:unchecked:vector', 'no:checked:typed-mark', 'yes:checked:typed-mark', 'no:unchecked:vector']);
  });

  it('reads an X typed onto an empty box glyph, centred in a box over it, as that box ticked', async () => {
    const { pdf, page, t } = await a4(10);
    const glyphs = new GlyphFont(pdf, 'unicode');
    const row = (y: number, question: string, on: number) => {
      glyphRow(page, glyphs, t, y, question, 'none');
      page.node.addAnnot(
        pdf.context.register(pdf.context.obj({ Type: 'Annot', Subtype: 'FreeText', F: 4, Q: 1, Rect: [on - 3, y - 3, on + 13, y + 10], Contents: PDFString.of('X'), DA: PDFString.of('/Helv 10 Tf 0 g') })),
      );
    };
    row(760, '1. Do you publish an annual report?', 400);
    row(730, '2. Do you audit disclosures?', 440);
    const d = await parse(await pdf.save());
    expect(d.blocks.filter((b) => b.option).map(show)).toEqual(['yes:checked:glyph', 'no:unchecked:glyph', 'yes:unchecked:glyph', 'no:checked:glyph']);
  });
});

describe('PDF reading is quiet', () => {
  it('prints nothing of pdf.js\'s own: a typed text box saved without its look makes it warn', async () => {
    const { pdf, page, t } = await a4(10);
    t('1. Do you publish an annual report?', 50, 760);
    page.node.addAnnot(pdf.context.register(pdf.context.obj({ Type: 'Annot', Subtype: 'FreeText', F: 4, Rect: [50, 715, 380, 745], Contents: PDFString.of('Each April.'), DA: PDFString.of('/Helv 10 Tf 0 g') })));
    const said = [vi.spyOn(console, 'log'), vi.spyOn(console, 'warn'), vi.spyOn(console, 'error')];
    try {
      const d = await parse(await pdf.save());
      expect(d.blocks.map((b) => b.text)).toContain('Each April.');
      for (const spy of said) expect(spy).not.toHaveBeenCalled();
    } finally {
      for (const spy of said) spy.mockRestore();
    }
  });
});

describe('PDF drawing a viewer adds over options', () => {
  it('reads no box of a row a stamp, shape or stray pen stroke is drawn over; a page-wide stamp and drawing elsewhere leave rows read', async () => {
    const { pdf, page, t } = await a4(10);
    const glyphs = new GlyphFont(pdf, 'unicode');
    const row = (y: number, question: string, ticked: 'yes' | 'no') => glyphRow(page, glyphs, t, y, question, ticked);
    const annotate = (dict: Record<string, unknown>) => page.node.addAnnot(pdf.context.register(pdf.context.obj({ Type: 'Annot', F: 4, ...dict })));
    // A check-mark stamp on the empty Yes box of a row printed "☒ No".
    row(760, '1. Do you publish an annual report?', 'no');
    annotate({ Subtype: 'Stamp', Name: 'Check', Rect: [398, 755, 412, 771] });
    // "No" ringed with the oval tool beside a printed "☒ Yes".
    row(730, '2. Do you audit disclosures?', 'yes');
    annotate({ Subtype: 'Circle', Rect: [449, 725, 470, 743], C: [1, 0, 0] });
    // Drawn boxes, a pen tick whose stored strokes were left behind when its rectangle moved onto the No box.
    questionRow(page, t, 700, '3. Do you consult the public?', { crossed: 'yes' });
    const tick = pdf.context.register(pdf.context.stream('0 0 0.6 RG 1 w 3 6 m 6 3 l 11 11 l S', { Type: 'XObject', Subtype: 'Form', BBox: [0, 0, 13, 16] }));
    annotate({ Subtype: 'Ink', Rect: [453, 696, 466, 712], InkList: [[421, 703, 424, 700, 429, 708]], C: [0, 0, 0.6], BS: { W: 1 }, AP: { N: tick } });
    // Drawn boxes, No printed crossed, "Yes" ringed with the pen.
    questionRow(page, t, 580, '6. Do you review the signs?', { crossed: 'no' });
    annotate({ Subtype: 'Ink', Rect: [396, 575, 418, 592], InkList: [[398, 583, 407, 577, 416, 583, 407, 590, 398, 583]], C: [1, 0, 0], BS: { W: 1 } });
    // A rectangle drawn round the question's words, and an "APPROVED" stamp across the page: no row's options.
    row(670, '4. Do you train your staff?', 'yes');
    annotate({ Subtype: 'Square', Rect: [45, 665, 220, 683], C: [1, 0, 0] });
    row(640, '5. Do you keep a log?', 'no');
    annotate({ Subtype: 'Stamp', Name: 'Approved', Rect: [40, 600, 560, 660] });
    // Review markup that agrees with the tick: a frame round both options, a line under the ticked one, a strike
    // through the other; a strike through the ticked one withdraws it.
    row(550, '7. Do you audit disclosures?', 'yes');
    annotate({ Subtype: 'Square', Rect: [396, 545, 470, 563], C: [1, 0, 0] });
    row(520, '8. Do you publish the policy?', 'yes');
    annotate({ Subtype: 'Underline', Rect: [412, 517, 431, 521], QuadPoints: [412, 521, 431, 521, 412, 517, 431, 517], C: [1, 0, 0] });
    row(490, '9. Do you review it yearly?', 'yes');
    annotate({ Subtype: 'StrikeOut', Rect: [452, 488, 467, 498], QuadPoints: [452, 498, 467, 498, 452, 488, 467, 488], C: [1, 0, 0] });
    row(460, '10. Do you keep minutes?', 'yes');
    annotate({ Subtype: 'StrikeOut', Rect: [412, 458, 431, 468], QuadPoints: [412, 468, 431, 468, 412, 458, 431, 458], C: [1, 0, 0] });
    const d = await parse(await pdf.save());
    expect(d.blocks.filter((b) => b.option).map(show)).toEqual([
      'yes:unknown:glyph',
      'no:unknown:glyph',
      'yes:unknown:glyph',
      'no:unknown:glyph',
      'yes:unknown:vector',
      'no:unknown:vector',
      'yes:checked:glyph',
      'no:unchecked:glyph',
      'yes:unchecked:glyph',
      'no:checked:glyph',
      'yes:unknown:vector',
      'no:unknown:vector',
      'yes:checked:glyph',
      'no:unchecked:glyph',
      'yes:checked:glyph',
      'no:unchecked:glyph',
      'yes:checked:glyph',
      'no:unchecked:glyph',
      'yes:unknown:glyph',
      'no:unknown:glyph',
    ]);
    expect(d.diagnostics.filter((x) => x.code === 'drawn-over').map((x) => x.message)).toEqual([
      "page 1: a viewer's stamp, oval, pen stroke, strike-out drawn over the options of 5 rows, read as nothing here: their boxes are not read",
    ]);
  });
});

describe('PDF marks a filler stamps over drawn boxes', () => {
  it('reads a tick larger than its box, centred on it, and a tick drawn by hand in many short strokes', async () => {
    const { pdf, page, t } = await a4(10);
    questionRow(page, t, 760, '1. Do you publish an annual report?', { side: 8 });
    // A filled tick 11 pt wide over the 8 pt "No" box, a little off its centre.
    page.drawSvgPath('M 0 5 L 1.6 3.5 L 4.2 7.2 L 9.7 0.2 L 11 1.3 L 4.2 10 Z', { x: 453.5, y: 769, color: rgb(0, 0, 0) });
    questionRow(page, t, 730, '2. Do you audit disclosures?', { side: 8 });
    // A pen tick in the "Yes" box, fourteen strokes under a point each.
    const pen = Array.from({ length: 15 }, (_, i) => {
      const u = i / 14;
      return u < 0.35 ? `${(1 + (u / 0.35) * 2.4).toFixed(2)} ${(3 + (u / 0.35) * 3).toFixed(2)}` : `${(3.4 + ((u - 0.35) / 0.65) * 4).toFixed(2)} ${(6 - ((u - 0.35) / 0.65) * 5.5).toFixed(2)}`;
    });
    page.drawSvgPath(`M ${pen.join(' L ')}`, { x: 420, y: 737, borderColor: rgb(0, 0, 0.8), borderWidth: 0.9 });
    const d = await parse(await pdf.save());
    expect(d.blocks.map(show)).toEqual([
      '1. Do you publish an annual report?',
      'yes:unchecked:vector',
      'no:checked:vector',
      '2. Do you audit disclosures?',
      'yes:checked:vector',
      'no:unchecked:vector',
    ]);
    // The X typed in a box is its mark, no word of an answer.
    expect(d.blocks.filter((b) => !b.option && b.text.trim() === 'X')).toEqual([]);
  });
});

describe('PDF rings drawn into the page', () => {
  it('reads no boxes on a row with a ring drawn round an option not read ticked; a ring round the ticked one agrees', async () => {
    const { pdf, page, t, w } = await a4(10);
    const ring = (label: string, x: number, y: number) =>
      page.drawEllipse({ x: x + w(label) / 2, y: y + 3.5, xScale: w(label) / 2 + 4, yScale: 8, borderColor: rgb(0.9, 0, 0), borderWidth: 1 });
    // Drawn boxes, Yes crossed, "No" ringed by a reviewer and the ring flattened into the page.
    questionRow(page, t, 760, '1. Do you publish an annual report?', { crossed: 'yes' });
    ring('No', 440, 760);
    questionRow(page, t, 720, '2. Do you audit disclosures?', { crossed: 'yes' });
    ring('Yes', 400, 720);
    // Radio buttons drawn as circles beside their labels ring no word.
    questionRow(page, t, 680, '3. Do you consult the public?', { crossed: 'no' });
    page.drawCircle({ x: 390, y: 683.5, size: 4, borderColor: rgb(0, 0, 0), borderWidth: 0.75 });
    const d = await parse(await pdf.save());
    expect(d.blocks.filter((b) => b.option).map(show)).toEqual(['yes:unknown:vector', 'no:unknown:vector', 'yes:checked:vector', 'no:unchecked:vector', 'yes:unchecked:vector', 'no:checked:vector']);
    expect(d.diagnostics.filter((x) => x.code === 'drawn-over').map((x) => x.message)).toEqual([
      "page 1: a viewer's ring (flattened into the page) drawn over the options of 1 row, read as nothing here: their boxes are not read",
    ]);
  });

  it('takes the outline of a rounded box under a "Yes" or "No" column heading for the box, not a ring round it (a browser\'s checkbox)', async () => {
    const { pdf, page, t } = await a4(10);
    const rounded = 'M 2 0 H 8 Q 10 0 10 2 V 8 Q 10 10 8 10 H 2 Q 0 10 0 8 V 2 Q 0 0 2 0 Z';
    // As a browser prints a checkbox: an empty one a grey rounded outline, a ticked one filled, its tick in white.
    const box = (x: number, y: number, ticked: boolean) => {
      if (!ticked) return page.drawSvgPath(rounded, { x, y: y + 10, borderColor: rgb(0.45, 0.45, 0.45), borderWidth: 0.75 });
      page.drawSvgPath(rounded, { x, y: y + 10, color: rgb(0.1, 0.4, 0.9) });
      page.drawSvgPath('M 2 5 L 4 8 L 8 2', { x, y: y + 10, borderColor: rgb(1, 1, 1), borderWidth: 1.2 });
    };
    for (const [s, x] of [['Question', 60], ['Yes', 340], ['No', 390], ['Comments', 430]] as const) t(s, x, 780);
    t('1. Do you publish an annual report?', 60, 760);
    box(342, 758, true);
    box(391, 758, false);
    t('2. Do you audit disclosures?', 60, 735);
    box(342, 733, false);
    box(391, 733, true);
    const d = await parse(await pdf.save());
    expect(d.blocks.filter((b) => b.option).map(show)).toEqual(['yes:checked:vector', 'no:unchecked:vector', 'yes:unchecked:vector', 'no:checked:vector']);
  });

  it('reads a box painted as a frame, a square filled with a smaller one cut out of it (WeasyPrint\'s border), as an empty box, not a filled one, and an X typed in it as its mark alone', async () => {
    const { pdf, page, t } = await a4(10);
    // "x y 10 10 re  x-1 y-1 12 12 re f*": the band between the two is the border; the other way round, wound
    // opposite ways and filled nonzero, as other painters do.
    const frame = (x: number, y: number, evenOdd: boolean) =>
      page.pushOperators(
        rectangle(x, y, 10, 10),
        ...(evenOdd ? [rectangle(x - 1, y - 1, 12, 12)] : [rectangle(x - 1, y + 11, 12, -12)]),
        PDFOperator.of(evenOdd ? PDFOperatorNames.FillEvenOdd : PDFOperatorNames.FillNonZero),
      );
    for (const [s, x] of [['Question', 60], ['Yes', 340], ['No', 390], ['Comments', 430]] as const) t(s, x, 780);
    for (const [row, y, ticked, evenOdd] of [[1, 760, 340, true], [2, 735, 390, false]] as const) {
      t(`${row}. ${row === 1 ? 'Do you publish an annual report?' : 'Do you audit disclosures?'}`, 60, y);
      frame(341, y - 1, evenOdd);
      frame(391, y - 1, evenOdd);
      t('X', ticked + 2.5, y);
    }
    // A ticked box drawn in one path, "▣": a square inside the frame's hole is painted again.
    t('3. Do you consult the public?', 60, 710);
    page.pushOperators(rectangle(340, 708, 12, 12), rectangle(341, 709, 10, 10), rectangle(343, 711, 6, 6), PDFOperator.of(PDFOperatorNames.FillEvenOdd));
    frame(391, 709, true);
    const d = await parse(await pdf.save());
    expect(d.blocks.filter((b) => b.option).map(show)).toEqual([
      'yes:checked:typed-mark',
      'no:unchecked:vector',
      'yes:unchecked:vector',
      'no:checked:typed-mark',
      'yes:checked:vector',
      'no:unchecked:vector',
    ]);
    // The X typed in a box is its mark, no word of an answer.
    expect(d.blocks.filter((b) => !b.option && b.text.trim() === 'X')).toEqual([]);
  });
});
