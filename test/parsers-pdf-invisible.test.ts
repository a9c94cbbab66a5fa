import { deflateSync } from 'node:zlib';
import { PDFDocument, PDFName, PDFString, StandardFonts, TextRenderingMode, popGraphicsState, pushGraphicsState, rgb, setTextRenderingMode, type PDFPage } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { mayHideText, textRuns, type TextStateOps } from '../parsers/pdf/invisible.js';
import { parse } from '../parsers/pdf/index.js';
import { a4, questionRow, show } from './pdf-fixtures.js';

/** A question's row with "Yes" and "No" printed bare, room for an X before "Yes" at x 400. */
function labelsAfterX(t: (s: string, x: number, y: number) => void, w: (s: string) => number) {
  return (y: number, question: string) => {
    t(question, 50, y);
    t('Yes', 400 + w('X '), y);
    t('No', 450, y);
  };
}

describe('PDF text printed invisible', () => {
  /** Draws `draw` in text render mode 3, which paints nothing, restoring the mode after it. */
  const invisibly = (page: PDFPage, draw: () => void) => {
    page.pushOperators(pushGraphicsState(), setTextRenderingMode(TextRenderingMode.Invisible));
    draw();
    page.pushOperators(popGraphicsState());
  };

  it('follows the text position through leading, scaling, saved states and forms', () => {
    const names = ['save', 'restore', 'transform', 'paintFormXObjectBegin', 'paintFormXObjectEnd', 'beginText', 'setFont', 'setTextMatrix', 'moveText', 'setLeadingMoveText', 'nextLine', 'setLeading', 'setCharSpacing', 'setWordSpacing', 'setHScale', 'setTextRise', 'setTextRenderingMode', 'showText'] as const;
    const ops = Object.fromEntries(names.map((name, i) => [name, i + 1])) as unknown as TextStateOps;
    const fns: number[] = [];
    const args: unknown[] = [];
    const op = (name: (typeof names)[number], ...a: unknown[]) => {
      fns.push(ops[name]);
      args.push(a);
    };
    // Two glyphs 500 units wide at 10 pt: 10 pt of text before any spacing.
    const two = [{ width: 500 }, { width: 500, isSpace: true }];
    op('beginText');
    op('setFont', 'F1', 10);
    op('setLeadingMoveText', 100, -12);
    op('showText', two);
    op('setHScale', 50);
    op('setWordSpacing', 4);
    op('setTextRenderingMode', 3);
    op('save');
    op('nextLine');
    op('showText', [...two, -1000]);
    op('restore');
    op('setTextMatrix', [2, 0, 0, 2, 0, 0]);
    op('showText', two);
    op('paintFormXObjectBegin', [1, 0, 0, 1, 300, 0], [0, 0, 100, 100]);
    op('beginText');
    op('setTextRenderingMode', 0);
    op('showText', two);
    op('paintFormXObjectEnd');
    op('showText', two);
    const runs = textRuns(fns, args, ops, () => undefined).map((r) => ({ start: r.start, end: r.end, size: r.size, shown: r.shown }));
    expect(runs).toEqual([
      { start: [100, -12], end: [110, -12], size: 10, shown: true },
      // The start of the next line, half as wide, the word spacing after the space glyph and ten points on for the -1000.
      { start: [100, -24], end: [100 + (10 + 4 + 10) * 0.5, -24], size: 10, shown: false },
      // A new text matrix, twice as large, starts at its origin.
      { start: [0, 0], end: [2 * (10 + 4) * 0.5, 0], size: 20, shown: false },
      { start: [300, 0], end: [300 + (10 + 4) * 0.5, 0], size: 10, shown: true },
      { start: [14, 0], end: [28, 0], size: 20, shown: false },
    ]);
  });

  it('passes over a page that paints white only under its text, and over no page where white could hide a word', () => {
    const names = ['save', 'restore', 'paintFormXObjectBegin', 'paintFormXObjectEnd', 'setFillRGBColor', 'setStrokeRGBColor', 'setTextRenderingMode', 'showText', 'constructPath', 'fill', 'stroke'] as const;
    const ops = Object.fromEntries(names.map((name, i) => [name, i + 1])) as unknown as TextStateOps;
    const page = (...steps: Array<[(typeof names)[number], ...unknown[]]>) =>
      mayHideText(
        steps.map(([name]) => ops[name]),
        steps.map(([, ...a]) => (a[0] === 'fill' || a[0] === 'stroke' ? [ops[a[0]]] : a)),
        ops,
      );
    const word: ['showText', unknown] = ['showText', [{ width: 500 }]];
    const whiteSheet: Array<[(typeof names)[number], ...unknown[]]> = [['setFillRGBColor', '#ffffff'], ['constructPath', 'fill']];
    expect(page(...whiteSheet, ['setFillRGBColor', '#000000'], word, ['constructPath', 'stroke'])).toBe(false);
    // White set inside a form or a saved state, ended before the words.
    expect(page(['paintFormXObjectBegin'], ['setFillRGBColor', '#ffffff'], ['paintFormXObjectEnd'], word)).toBe(false);
    expect(page(...whiteSheet, word, ['setFillRGBColor', '#ffffff'], word)).toBe(true);
    expect(page(word, ...whiteSheet)).toBe(true);
    // The sheet's white comes back with the state restored after the words: a patch then painted may cover them.
    expect(page(['setFillRGBColor', '#ffffff'], ['save'], ['setFillRGBColor', '#000000'], word, ['restore'], ['constructPath', 'fill'])).toBe(true);
    expect(page(['setTextRenderingMode', 3], word)).toBe(true);
    // Outlined in white: seen by its stroke.
    expect(page(['setTextRenderingMode', 1], ['setStrokeRGBColor', '#ffffff'], word)).toBe(true);
    expect(page(['setTextRenderingMode', 1], ['setFillRGBColor', '#ffffff'], word)).toBe(false);
  });

  it('keeps words printed invisible as text that gives no choice, and reads the words painted beside them', async () => {
    const { pdf, page, t } = await a4(10);
    questionRow(page, t, 760, '1. Do you publish an annual report?');
    // Last year's comment, left in the answer box in a mode nobody sees.
    invisibly(page, () => t('Yes - confirmed at the last review.', 50, 740));
    t('The report is published each April.', 50, 720);
    const d = await parse(await pdf.save());
    expect(d.blocks.map(show)).toEqual(['1. Do you publish an annual report?', 'yes:unchecked:vector', 'no:unchecked:vector', 'Yes - confirmed at the last review.', 'The report is published each April.']);
    expect(d.blocks.map((b) => b.unshown === true)).toEqual([false, false, false, true, false]);
    expect(d.diagnostics.map((x) => x.message)).toEqual([
      'page 1: some of its text is printed invisible (render mode 3 or 7): an OCR layer over a scan, or words nobody sees; kept as text, but no box or choice is read from it',
    ]);
  });

  it('reads no mark from an X painted over in white or printed in white on a white page; white on a dark cell is read', async () => {
    const { pdf, page, font, t, w } = await a4(10);
    const white = rgb(1, 1, 1);
    const row = labelsAfterX(t, w);
    // An X typed before "Yes", then covered by a white rectangle: a correction, as online editors make one.
    row(760, '1. Do you publish an annual report?');
    t('X', 400, 760);
    page.drawRectangle({ x: 399, y: 757, width: w('X') + 2, height: 12, color: white });
    // An X printed in white on the white page.
    row(730, '2. Do you audit disclosures?');
    page.drawText('X', { x: 400, y: 730, size: 10, font, color: white });
    // An X printed in white on a dark cell: seen.
    row(700, '3. Do you review the policy?');
    page.drawRectangle({ x: 397, y: 697, width: 10, height: 13, color: rgb(0.1, 0.1, 0.3) });
    page.drawText('X', { x: 400, y: 700, size: 10, font, color: white });
    const d = await parse(await pdf.save());
    expect(d.blocks.filter((b) => b.option).map(show)).toEqual(['yes:-:-', 'no:-:-', 'yes:-:-', 'no:-:-', 'yes:checked:typed-mark', 'no:-:-']);
    expect(d.blocks.map((b) => b.text)).not.toContain('X');
    expect(d.diagnostics.map((x) => x.code)).toEqual(['covered-text']);
  });

  it('reads white words on a dark pill stroked under them and outlined words, and a form\'s white sheet only within its box; two patches that overlap hide an X', async () => {
    const { pdf, page, font, t, w } = await a4(10);
    const white = rgb(1, 1, 1);
    const row = labelsAfterX(t, w);
    // An X in white on a dark pill drawn as one thick line: seen.
    row(760, '1. Do you publish an annual report?');
    page.drawLine({ start: { x: 398, y: 763 }, end: { x: 408, y: 763 }, thickness: 12, color: rgb(0.1, 0.1, 0.3) });
    page.drawText('X', { x: 400, y: 760, size: 10, font, color: white });
    // An X covered by two white patches that overlap, neither over all of it.
    row(730, '2. Do you audit disclosures?');
    t('X', 400, 730);
    page.drawRectangle({ x: 399, y: 727, width: w('X') / 2 + 1, height: 12, color: white });
    page.drawRectangle({ x: 399 + w('X') / 2, y: 727, width: w('X') / 2 + 1, height: 12, color: white });
    // An X outlined: filled white, stroked dark (render mode 2). Seen.
    row(700, '3. Do you review the policy?');
    const name = page.node.Resources()!.lookup(PDFName.of('Font'))!.toString().match(/\/(\w+)/)![1];
    page.node.addContentStream(pdf.context.register(pdf.context.flateStream(`BT /${name} 10 Tf 2 Tr 1 1 1 rg 0 0 0 RG 400 700 Td (X) Tj 0 Tr ET\n`)));
    // A letterhead strip stamped on last: its page-sized white sheet shows only within the strip's box, over nothing read.
    const strip = pdf.context.register(pdf.context.flateStream('1 1 1 rg 0 0 595 842 re f', { Type: 'XObject', Subtype: 'Form', BBox: [0, 800, 595, 842] }));
    page.node.Resources()!.set(PDFName.of('XObject'), pdf.context.obj({ Strip: strip }));
    page.node.addContentStream(pdf.context.register(pdf.context.flateStream('q /Strip Do Q\n')));
    const d = await parse(await pdf.save());
    expect(d.blocks.filter((b) => b.option).map(show)).toEqual(['yes:checked:typed-mark', 'no:-:-', 'yes:-:-', 'no:-:-', 'yes:checked:typed-mark', 'no:-:-']);
    expect(d.blocks.map((b) => b.text)).toContain('1. Do you publish an annual report?');
  });

  it('follows the text position past painted words to invisible words run on after them', async () => {
    const { pdf, page, t } = await a4(10);
    t('1. Do you publish an annual report?', 50, 760);
    // One text object: painted words, then invisible ones placed by the width of the painted ones alone.
    const font = page.node.Resources()!.lookup(PDFName.of('Font'))!.toString().match(/\/(\w+)/)![1];
    page.node.addContentStream(pdf.context.register(pdf.context.flateStream(`BT /${font} 10 Tf 50 740 Td (Reviewed yearly.) Tj 3 Tr ( Yes - confirmed.) Tj 0 Tr ET\n`)));
    const d = await parse(await pdf.save());
    // pdf.js runs the painted and the invisible words into one piece of text: none of it gives a choice.
    expect(d.blocks.map((b) => [b.text, b.unshown === true])).toEqual([
      ['1. Do you publish an annual report?', false],
      ['Reviewed yearly. Yes - confirmed.', true],
    ]);
  });

  it('reads the words of an OCR layer over a scan, but no box and no choice from them; a painted X on the scan is read', async () => {
    const { pdf, page, t, w } = await a4(10);
    // A scanned page: one greyscale image over all of it, and the words OCR read from it, invisible, over it.
    const image = pdf.context.register(pdf.context.stream(new Uint8Array([200]), { Type: 'XObject', Subtype: 'Image', Width: 1, Height: 1, ColorSpace: 'DeviceGray', BitsPerComponent: 8 }));
    page.node.Resources()!.set(PDFName.of('XObject'), pdf.context.obj({ Scan: image }));
    page.node.addContentStream(pdf.context.register(pdf.context.flateStream('q 595 0 0 842 0 0 cm /Scan Do Q\n')));
    invisibly(page, () => {
      t('1. Do you publish an annual report?', 50, 760);
      t('X Yes', 400, 760);
      t('No', 440, 760);
      t('2. Do you audit disclosures?', 50, 730);
      t('Yes', 410, 730);
      t('No', 440, 730);
      t('The report is published each April.', 50, 710);
    });
    // Typed onto the scan afterwards and painted: an X before "Yes".
    t('X', 410 - w('X '), 730);
    const d = await parse(await pdf.save());
    expect(d.blocks.map(show)).toEqual([
      '1. Do you publish an annual report?',
      'yes:unknown:typed-mark',
      'no:-:-',
      '2. Do you audit disclosures?',
      'yes:checked:typed-mark',
      'no:-:-',
      'The report is published each April.',
    ]);
    expect(d.blocks.filter((b) => !b.option).every((b) => b.unshown)).toBe(true);
    expect(d.diagnostics.map((x) => x.code)).toEqual(['invisible-text']);
  });

  it('reads the painted words, not an invisible old answer under them or a searchable copy over them', async () => {
    const { pdf, page, t } = await a4(10);
    t('1. Do you publish an annual report?', 50, 760);
    invisibly(page, () => t('Yes - confirmed at the last review.', 50, 740));
    t('No - not yet in place.', 50, 740);
    t('The report is due in April.', 50, 720);
    invisibly(page, () => t('The report is due in April.', 50, 720));
    const d = await parse(await pdf.save());
    expect(d.blocks.map((b) => [b.text, b.unshown === true])).toEqual([
      ['1. Do you publish an annual report?', false],
      ['No - not yet in place.', false],
      ['The report is due in April.', false],
    ]);
  });

  it('reads a line\'s painted options past invisible words on it: OCR of initials beside them, or of the line itself', async () => {
    const { pdf, page, t } = await a4(10);
    questionRow(page, t, 760, '1. Do you publish an annual report?', { crossed: 'no' });
    invisibly(page, () => t('JS 12/5', 490, 760));
    questionRow(page, t, 730, '2. Do you audit disclosures?', { crossed: 'yes' });
    // The OCR's own reading of the row, its box tokens the other way round, laid over the printed labels.
    invisibly(page, () => t('[ ] Yes [X] No', 395, 730));
    const d = await parse(await pdf.save());
    expect(d.blocks.filter((b) => b.option).map(show)).toEqual(['yes:unchecked:vector', 'no:checked:vector', 'yes:checked:vector', 'no:unchecked:vector']);
  });

  it('sees the invisible render mode however its number is written, across streams and comments, and behind a predictor', async () => {
    const pdf = await PDFDocument.create();
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    const variants = [['+3 Tr'], ['3.0 Tr'], ['03 %mode\nTr'], ['3\u0000Tr'], ['3', 'Tr']];
    for (const streams of variants) {
      const page = pdf.addPage([595, 842]);
      page.drawText('1. Do you publish an annual report?', { x: 50, y: 760, size: 10, font });
      const name = page.node.Resources()!.lookup(PDFName.of('Font'))!.toString().match(/\/(\w+)/)![1];
      const parts = [`BT /${name} 10 Tf 50 740 Td ${streams[0]}`, ...streams.slice(1)];
      parts[parts.length - 1] += ' (Yes - confirmed.) Tj ET';
      for (const part of parts) page.node.addContentStream(pdf.context.register(pdf.context.flateStream(`${part}\n`)));
    }
    // Deflated after a PNG "Sub" predictor: each byte stored as its difference from the one before.
    const page = pdf.addPage([595, 842]);
    page.drawText('1. Do you publish an annual report?', { x: 50, y: 760, size: 10, font });
    const name = page.node.Resources()!.lookup(PDFName.of('Font'))!.toString().match(/\/(\w+)/)![1];
    const plain = Buffer.from(`BT /${name} 10 Tf 50 740 Td 3 Tr (Yes - confirmed.) Tj ET\n`, 'latin1');
    const row = Buffer.concat([Buffer.from([1]), Buffer.from(plain.map((b, i) => (b - (i > 0 ? plain[i - 1]! : 0)) & 0xff))]);
    page.node.addContentStream(pdf.context.register(pdf.context.stream(deflateSync(row), { Filter: 'FlateDecode', DecodeParms: { Predictor: 12, Columns: plain.length } })));
    const d = await parse(await pdf.save());
    expect(d.diagnostics.map((x) => [x.code, x.provenance?.page])).toEqual([...variants, []].map((_, i) => ['invisible-text', i + 1]));
    expect(d.blocks.filter((b) => b.text === 'Yes - confirmed.').every((b) => b.unshown)).toBe(true);
  });
});

describe('PDF layers', () => {
  it('reads no box on a page that draws in a layer switched off, and boxes as usual where the layer shows', async () => {
    const withLayer = async (shown: boolean) => {
      const { pdf, page, t } = await a4(10);
      questionRow(page, t, 760, '1. Do you publish an annual report?');
      // Last year's cross in the Yes box, kept in a layer.
      const layer = pdf.context.register(pdf.context.obj({ Type: 'OCG', Name: PDFString.of('Previous assessment') }));
      pdf.catalog.set(PDFName.of('OCProperties'), pdf.context.obj({ OCGs: [layer], D: { Order: [layer], [shown ? 'ON' : 'OFF']: [layer] } }));
      page.node.Resources()!.set(PDFName.of('Properties'), pdf.context.obj({ oc1: layer }));
      const cross = '/OC /oc1 BDC 0.75 w 421.5 760.5 m 427.5 766.5 l S 421.5 766.5 m 427.5 760.5 l S EMC\n';
      page.node.addContentStream(pdf.context.register(pdf.context.flateStream(cross)));
      return parse(await pdf.save());
    };
    const shown = await withLayer(true);
    expect(shown.blocks.map(show)).toEqual(['1. Do you publish an annual report?', 'yes:checked:vector', 'no:unchecked:vector']);
    expect(shown.diagnostics).toEqual([]);
    const hidden = await withLayer(false);
    expect(hidden.blocks.map(show)).toEqual(['1. Do you publish an annual report?', 'yes:unknown:vector', 'no:unknown:vector']);
    expect(hidden.diagnostics.map((d) => d.code)).toEqual(['hidden-layer']);
    // Its text may hold words nobody sees: none of it gives a choice.
    expect(hidden.blocks.every((b) => b.unshown)).toBe(true);
    expect(shown.blocks.some((b) => b.unshown)).toBe(false);
  });

  it('reads no box where a membership dictionary hides a mark with every layer on, and passes over a checkbox in a layer switched off', async () => {
    const { pdf, page, t } = await a4(10);
    questionRow(page, t, 760, '1. Do you publish an annual report?');
    const layer = pdf.context.register(pdf.context.obj({ Type: 'OCG', Name: PDFString.of('Draft') }));
    const spare = pdf.context.register(pdf.context.obj({ Type: 'OCG', Name: PDFString.of('Spare') }));
    pdf.catalog.set(PDFName.of('OCProperties'), pdf.context.obj({ OCGs: [layer, spare], D: { Order: [layer, spare], ON: [layer], OFF: [spare] } }));
    // Shown only while the Draft layer is off: never, as the file opens.
    const membership = pdf.context.register(pdf.context.obj({ Type: 'OCMD', OCGs: [layer], P: 'AllOff' }));
    page.node.Resources()!.set(PDFName.of('Properties'), pdf.context.obj({ oc1: membership }));
    page.node.addContentStream(pdf.context.register(pdf.context.flateStream('/OC /oc1 BDC 0.75 w 421.5 760.5 m 427.5 766.5 l S 421.5 766.5 m 427.5 760.5 l S EMC\n')));
    const d = await parse(await pdf.save());
    expect(d.blocks.map(show)).toEqual(['1. Do you publish an annual report?', 'yes:unknown:vector', 'no:unknown:vector']);

    const form = await a4(10);
    form.t('1. Do you publish an annual report?', 50, 760);
    form.t('Yes', 400, 760);
    form.t('No', 440, 760);
    const off = form.pdf.context.register(form.pdf.context.obj({ Type: 'OCG', Name: PDFString.of('Last year') }));
    form.pdf.catalog.set(PDFName.of('OCProperties'), form.pdf.context.obj({ OCGs: [off], D: { Order: [off], OFF: [off] } }));
    const box = form.pdf.getForm().createCheckBox('q1');
    box.addToPage(form.page, { x: 420, y: 758, width: 9, height: 9 });
    box.check();
    box.acroField.getWidgets()[0]!.dict.set(PDFName.of('OC'), off);
    const comment = form.pdf.getForm().createTextField('c1');
    comment.addToPage(form.page, { x: 50, y: 700, width: 300, height: 20 });
    comment.setText('Yes - see the 2024 policy.');
    comment.acroField.getWidgets()[0]!.dict.set(PDFName.of('OC'), off);
    const f = await parse(await form.pdf.save());
    expect(f.blocks.map(show)).toEqual(['1. Do you publish an annual report?', 'yes:-:-', 'no:-:-']);
  });
});
