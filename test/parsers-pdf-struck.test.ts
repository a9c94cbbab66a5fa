import { PDFDocument, StandardFonts, popGraphicsState, pushGraphicsState, rgb, setCharacterSqueeze } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { parse } from '../parsers/pdf/index.js';
import { input, a4, drawBox, drawRule, show } from './pdf-fixtures.js';

describe('PDF struck-through options', () => {
  it('reads a label struck through (a line, a thin bar, or two lines) as an option not chosen; underlines and borders are not strikes', async () => {
    const { pdf, page, t, w, strike } = await a4(10);
    t('1. Do you publish an annual report?', 50, 760);
    t('Yes', 50, 744);
    t('No', 90, 744);
    strike('Yes', 50, 744);
    t('2. Do you audit disclosures?', 50, 720);
    t('Yes', 50, 704);
    t('No', 90, 704);
    // Double strikethrough.
    strike('No', 90, 704, 2.2);
    strike('No', 90, 704, 3.4);
    t('3. Do you consult the public?', 50, 680);
    t('Yes', 50, 664);
    t('No', 90, 664);
    // A thin filled bar, in colour (a tracked deletion).
    page.drawRectangle({ x: 90, y: 666.5, width: w('No'), height: 0.6, color: rgb(0.7, 0.5, 0) });
    t('4. Do you review the system yearly?', 50, 640);
    t('Yes', 50, 624);
    t('No', 90, 624);
    // An underline below the baseline and a border through nothing: not strikes.
    page.drawLine({ start: { x: 50, y: 622.5 }, end: { x: 50 + w('Yes'), y: 622.5 }, thickness: 0.5 });
    page.drawLine({ start: { x: 40, y: 634 }, end: { x: 500, y: 634 }, thickness: 0.5 });
    t('5. Is the footage encrypted?', 50, 600);
    // A lone label, struck: an option not chosen, not a "Yes" left standing.
    t('Yes', 50, 584);
    strike('Yes', 50, 584);
    const d = await parse(await pdf.save());
    expect(d.blocks.map(show)).toEqual([
      '1. Do you publish an annual report?',
      'yes:unchecked:struck-option',
      'no:-:-',
      '2. Do you audit disclosures?',
      'yes:-:-',
      'no:unchecked:struck-option',
      '3. Do you consult the public?',
      'yes:-:-',
      'no:unchecked:struck-option',
      '4. Do you review the system yearly?',
      'yes:-:-',
      'no:-:-',
      '5. Is the footage encrypted?',
      'yes:unchecked:struck-option',
    ]);
    expect(d.blocks.filter((b) => b.option?.mark).map((b) => b.option!.mark!.detail)).toEqual([
      'label struck through',
      'label struck through (2 lines)',
      'label struck through',
      'label struck through',
    ]);
  });

  it('leaves out struck text that opens with a choice, with the struck words running on below it; other struck text stays', async () => {
    const { pdf, page, t, w, strike } = await a4(10);
    const struck = (s: string, x: number, y: number) => {
      t(s, x, y);
      strike(s, x, y);
    };
    t('1. Have you consulted the public about the system?', 50, 760);
    // Last year's answer struck, over 200 pt long and running onto a second line; this year's below it.
    struck('Yes – consulted residents through the parish newsletter and the town', 50, 744);
    struck('council website in 2021.', 50, 732);
    t('No – a consultation is planned for 2025.', 50, 720);
    t('2. Is there a DPIA for the system?', 50, 696);
    t('Response:', 50, 680);
    struck('No', 50 + w('Response: '), 680);
    t('Yes', 50 + w('Response: No '), 680);
    t('3. Is the system shared with a partner?', 50, 656);
    // A tracked deletion printed inline, the inserted answer after it.
    struck('Yes – joint with the harbour authority', 50, 640);
    t('No', 55 + w('Yes – joint with the harbour authority'), 640);
    t('4. Are the objectives recorded?', 50, 616);
    // Struck words that open with no choice are the organisation's to keep.
    t('Yes, in the Operational Requirement,', 50, 600);
    struck('approved in 2019', 50 + w('Yes, in the Operational Requirement, '), 600);
    // A border through nothing is not a strike.
    page.drawLine({ start: { x: 40, y: 590 }, end: { x: 500, y: 590 }, thickness: 0.5 });
    t('No changes since.', 50, 576);
    const d = await parse(await pdf.save());
    expect(d.blocks.map(show).join(' | ')).toBe(
      [
        '1. Have you consulted the public about the system?',
        'No – a consultation is planned for 2025.',
        '2. Is there a DPIA for the system?',
        'Response: Yes',
        '3. Is the system shared with a partner?',
        'No',
        '4. Are the objectives recorded?',
        'Yes, in the Operational Requirement, approved in 2019',
        'No changes since.',
      ].join(' | '),
    );
    expect(d.diagnostics.filter((x) => x.code === 'struck-text').map((x) => [x.message, x.provenance?.page])).toEqual([
      ['page 1: "Yes – consulted residents through the parish newsletter and the town council website in 2021." is struck through, withdrawn: left out of the answer', 1],
      ['page 1: "No" is struck through, withdrawn: left out of the answer', 1],
      ['page 1: "Yes – joint with the harbour authority" is struck through, withdrawn: left out of the answer', 1],
    ]);
  });

  it('reads the form\'s "Yes/No" printed as one word as it reads "Yes / No": a struck label is an option not chosen; nothing marked, it stays text', async () => {
    const { pdf, t, w, strike } = await a4(10);
    t('1. Is there a DPIA for the system?', 50, 760);
    t('Yes/No', 50, 744);
    strike('No', 50 + w('Yes/'), 744);
    t('2. Is the DPIA reviewed each year?', 50, 720);
    t('Yes / No', 50, 704);
    strike('Yes', 50, 704);
    t('3. Is the footage encrypted?', 50, 680);
    t('Yes/No', 50, 664);
    strike('Yes/No', 50, 664);
    t('4. Are the signs checked?', 50, 640);
    t('Yes/No', 50, 624);
    const d = await parse(await pdf.save());
    expect(d.blocks.map(show)).toEqual([
      '1. Is there a DPIA for the system?',
      'yes:-:-',
      'no:unchecked:struck-option',
      '2. Is the DPIA reviewed each year?',
      'yes:unchecked:struck-option',
      'no:-:-',
      '3. Is the footage encrypted?',
      'yes:unchecked:struck-option',
      'no:unchecked:struck-option',
      '4. Are the signs checked? Yes/No',
    ]);
  });

  it('reads the "Yes / No" prompt in a cell of its own, comments after it, where a strike or a highlight marks one; unmarked, it stays text', async () => {
    const { pdf, page, t, w, strike } = await a4(10);
    const row = (y: number, question: string, prompt: string, comment: string) => {
      t(question, 50, y);
      t(prompt, 300, y);
      t(comment, 400, y);
    };
    row(760, '1. Is there a DPIA for the system?', 'Yes/No', 'Signed off in March.');
    strike('No', 300 + w('Yes/'), 760);
    row(736, '2. Is the DPIA reviewed each year?', 'Yes / No', 'Not yet in place.');
    strike('Yes', 300, 736);
    // Word's highlighter as an export prints it: a yellow fill fitted round the word, under it.
    page.drawRectangle({ x: 299, y: 709.5, width: w('Yes') + 2, height: 11, color: rgb(1, 1, 0) });
    row(712, '3. Is the footage encrypted?', 'Yes / No', 'At rest and in transit.');
    row(688, '4. Are the signs checked?', 'Yes/No', 'Monthly.');
    const d = await parse(await pdf.save());
    expect(d.blocks.map(show)).toEqual([
      '1. Is there a DPIA for the system?',
      'yes:-:-',
      'no:unchecked:struck-option',
      'Signed off in March.',
      '2. Is the DPIA reviewed each year?',
      'yes:unchecked:struck-option',
      'no:-:-',
      'Not yet in place.',
      '3. Is the footage encrypted?',
      'yes:checked:highlight',
      'no:-:-',
      'At rest and in transit.',
      '4. Are the signs checked?',
      'Yes/No',
      'Monthly.',
    ]);
  });

  it('takes a highlighter pen\'s broad stroke for no strike, and reads a word replaced with its changes printed ("NoYes")', async () => {
    const { pdf, page, t, w } = await a4(10);
    t('1. Is there a DPIA for the system?', 50, 760);
    t('Yes - registered, DPO in post.', 50, 744);
    // A highlighter pen dragged along the answer: 9 pt wide, see-through.
    page.drawLine({ start: { x: 48, y: 747.5 }, end: { x: 52 + w('Yes - registered, DPO in post.'), y: 747.5 }, thickness: 9, opacity: 0.4, color: rgb(0.3, 0.9, 0.3) });
    t('2. Is the DPIA reviewed each year?', 50, 720);
    // Word prints a replaced word's deletion struck and the insertion straight after it.
    t('No', 50, 704);
    page.drawLine({ start: { x: 50, y: 706.8 }, end: { x: 50 + w('No'), y: 706.8 }, thickness: 0.5 });
    t('Yes - each March.', 50 + w('No'), 704);
    const d = await parse(await pdf.save());
    expect(d.blocks.map(show)).toEqual(['1. Is there a DPIA for the system? Yes - registered, DPO in post.', '2. Is the DPIA reviewed each year? Yes - each March.']);
  });

  it('reads digits that a font of their own prints alone (a rating column) as digits, beside ZapfDingbats ticks', async () => {
    const { pdf, page, t } = await a4(10);
    const zapf = await pdf.embedFont(StandardFonts.ZapfDingbats);
    const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
    const row = (y: number, question: string, tick: 'yes' | 'no' | 'none', rating: string) => {
      t(question, 50, y);
      t('Yes', 380, y);
      if (tick === 'yes') page.drawText('✔', { x: 400, y, size: 10, font: zapf });
      t('No', 420, y);
      if (tick === 'no') page.drawText('✔', { x: 437, y, size: 10, font: zapf });
      // Stretched to 128% (Tz), as wide as a broad bold face's digits (Verdana Bold's are 0.71 em).
      page.pushOperators(pushGraphicsState(), setCharacterSqueeze(128));
      page.drawText(rating, { x: 500, y, size: 10, font: bold });
      page.pushOperators(popGraphicsState());
    };
    t('Question', 50, 780);
    t('Rating', 490, 780);
    row(760, '1. Do you publish an annual report?', 'yes', '4');
    row(740, '2. Do you audit disclosures?', 'no', '3');
    row(720, '3. Do you consult the public?', 'none', '3');
    const d = await parse(await pdf.save());
    expect(d.blocks.filter((b) => b.option).map(show)).toEqual(['yes:checked:glyph', 'no:-:-', 'yes:-:-', 'no:checked:glyph']);
    expect(d.blocks.filter((b) => /^[34]$/.test(b.text)).length).toBe(3);
  });

  it('reads radio buttons flattened into the page: circles, the chosen one with a dot', async () => {
    const pdf = await PDFDocument.create();
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    const page = pdf.addPage([595, 842]);
    const form = pdf.getForm();
    const t = (s: string, x: number, y: number) => page.drawText(s, { x, y, size: 10, font });
    t('1. Do you publish an annual report?', 50, 760);
    const group = form.createRadioGroup('q1');
    group.addOptionToPage('yes', page, { x: 50, y: 741, width: 10, height: 10 });
    t('Yes', 64, 743);
    group.addOptionToPage('no', page, { x: 100, y: 741, width: 10, height: 10 });
    t('No', 114, 743);
    group.select('no');
    form.flatten();
    const d = await parse(await pdf.save());
    expect(d.blocks.map(show)).toEqual(['1. Do you publish an annual report?', 'yes:unchecked:vector', 'no:checked:vector']);
  });

  it('reads marks under the nearest heading row only when no other heading stands in its columns between', async () => {
    const { pdf, page, t } = await a4(10);
    for (const [s, x] of [['Question', 50], ['Yes', 330], ['No', 370]] as const) t(s, x, 800);
    t('1.1 Do you publish an annual report?', 50, 770);
    t('X', 333, 770);
    for (const [s, x] of [['Question', 50], ['Met', 330], ['Unmet', 366]] as const) t(s, x, 730);
    t('1.2 Do you audit disclosures?', 50, 700);
    t('X', 372, 700);
    const d = await parse(await pdf.save());
    expect(d.blocks.filter((b) => b.option).map(show)).toEqual(['yes:checked:typed-mark']);
  });

  it('reads X\'s under "Yes No" headings read as one part (narrow columns), with a comments column right after them', async () => {
    const { pdf, t, w } = await a4(9);
    for (const [s, x] of [['Ref', 60], ['Question', 90], ['Yes No', 300], ['Comments', 344]] as const) t(s, x, 780);
    const noX = 300 + w('Yes ');
    t('Has your organisation paid a registration fee', 90, 760);
    t('to the Information Commissioner\'s Office?', 90, 749);
    t('2.1', 60, 754);
    t('X', 302, 754);
    t('Certificate renewed in 2025.', 344, 754);
    t('Are you able to document that any use of automatic', 90, 720);
    t('facial recognition software is necessary?', 90, 709);
    t('2.2', 60, 714);
    t('X', noX + (w('No') - w('X')) / 2, 714);
    t('Yes - we will document this if it is ever proposed.', 344, 714);
    const d = await parse(await pdf.save());
    expect(d.blocks.filter((b) => b.option).map(show)).toEqual(['yes:checked:typed-mark', 'no:checked:typed-mark']);
  });

  it('reads no X under a column headed "Yes/No" (or "Yes / No") as either option, however near one half of the heading it stands', async () => {
    for (const heading of ['Yes/No', 'Yes / No']) {
      const { pdf, t } = await a4(9);
      for (const [s, x] of [['Ref', 60], ['Question', 90], [heading, 300], ['Comments', 350]] as const) t(s, x, 780);
      t('2.1', 60, 760);
      t('Has your organisation paid a registration fee to the ICO?', 90, 760);
      t('X', 300, 760);
      t('Certificate renewed in 2025.', 350, 760);
      t('2.2', 60, 740);
      t('Is facial recognition software documented?', 90, 740);
      t('X', 300, 740);
      const d = await parse(await pdf.save());
      expect(d.blocks.filter((b) => b.option?.mark?.state === 'checked' && b.option.value !== null).map(show)).toEqual([]);
    }
  });

  it('reads X\'s under "No | Yes" headings past an answer cell merged across the columns', async () => {
    const { pdf, t } = await a4(9);
    for (const [s, x] of [['Question', 60], ['No', 300], ['Yes', 330], ['Comments', 362]] as const) t(s, x, 780);
    t('20. Do you have clear policies and procedures in place?', 60, 760);
    t('X', 333, 760);
    t('22. How do you ensure continued competence of users?', 60, 740);
    t('Annual refresher training on data protection and the Code; procedure', 300, 740);
    t('changes are briefed at shift handover.', 300, 729);
    t('23. Have you considered occupational standards?', 60, 710);
    t('X', 303, 710);
    const d = await parse(await pdf.save());
    expect(d.blocks.filter((b) => b.option).map(show)).toEqual(['yes:checked:typed-mark', 'no:checked:typed-mark']);
  });

  it('takes a column to reach halfway to the next heading (headings set left, marks centred), and a mark on the line between for neither', async () => {
    const { pdf, t } = await a4(9);
    for (const [s, x] of [['Question', 60], ['Yes', 338], ['No', 383], ['Comments', 428]] as const) t(s, x, 780);
    t('1. Are you able to document the use of facial recognition?', 60, 760);
    t('X', 397, 760);
    t('2. Do you update your impact assessment regularly?', 60, 740);
    t('X', 366, 740);
    const d = await parse(await pdf.save());
    expect(d.blocks.filter((b) => b.option || /^\d\./.test(b.text)).map(show)).toEqual([
      '1. Are you able to document the use of facial recognition?',
      'no:checked:typed-mark',
      '2. Do you update your impact assessment regularly?',
    ]);
  });

  it('reads an X typed alone on the line right under printed "Yes   No", and not one a line further down', async () => {
    const { pdf, t } = await a4(10);
    t('1. Do you publish an annual report?', 60, 780);
    t('Yes', 340, 765);
    t('No', 390, 765);
    t('X', 393, 752);
    t('2. Do you audit disclosures?', 60, 720);
    t('Yes', 340, 705);
    t('No', 390, 705);
    t('X', 343, 680);
    const d = await parse(await pdf.save());
    expect(d.blocks.filter((b) => b.option || /^\d\./.test(b.text)).map(show)).toEqual([
      '1. Do you publish an annual report?',
      'no:checked:typed-mark',
      '2. Do you audit disclosures?',
      'yes:-:-',
      'no:-:-',
    ]);
  });

  it('does not carry "Yes | No" headings past another table\'s headings ("Y | N", "✔ | ✘" set further right)', async () => {
    const { pdf, t } = await a4(9);
    for (const [s, x] of [['Question', 60], ['Yes', 338], ['No', 383], ['Comments', 428]] as const) t(s, x, 800);
    t('1. Do you publish an annual report?', 60, 785);
    t('X', 345, 785);
    for (const [s, x] of [['Question', 60], ['Y', 390], ['N', 420], ['Comments', 450]] as const) t(s, x, 760);
    t('2. Do you audit disclosures?', 60, 745);
    t('X', 391, 745);
    const d = await parse(await pdf.save());
    expect(d.blocks.filter((b) => b.option || /^\d\./.test(b.text)).map(show)).toEqual([
      '1. Do you publish an annual report?',
      'yes:checked:typed-mark',
      '2. Do you audit disclosures?',
    ]);
    const ticks = await a4(9);
    for (const [s, x] of [['Question', 60], ['Yes', 338], ['No', 383], ['Comments', 428]] as const) ticks.t(s, x, 800);
    ticks.t('1. Do you publish an annual report?', 60, 785);
    ticks.t('X', 345, 785);
    const zapf = await ticks.pdf.embedFont(StandardFonts.ZapfDingbats);
    ticks.t('Question', 60, 760);
    ticks.page.drawText('\u2714', { x: 390, y: 760, size: 9, font: zapf });
    ticks.page.drawText('\u2718', { x: 430, y: 760, size: 9, font: zapf });
    ticks.t('2. Do you audit disclosures?', 60, 745);
    ticks.t('X', 391, 745);
    const e = await parse(await ticks.pdf.save());
    // The tick and cross headings stay unlabelled marks; the X under the tick is nobody's "No".
    expect(e.blocks.filter((b) => b.option || /^\d\./.test(b.text)).map(show)).toEqual([
      '1. Do you publish an annual report?',
      'yes:checked:typed-mark',
      'null:checked:glyph',
      'null:checked:glyph',
      '2. Do you audit disclosures?',
    ]);
  });

  it('carries "Yes | No" headings past the table\'s own rows in cells across their columns (an action plan\'s "Owner"), not past cells in each column', async () => {
    const read = async (ownerAcross: boolean) => {
      const { pdf, page, t } = await a4(9);
      for (const [s, x] of [['Question', 60], ['Yes', 338], ['No', 383], ['Comments', 428]] as const) t(s, x, 800);
      t('1. Do you publish an annual report?', 60, 785);
      t('X', 345, 785);
      // The action plan's rows: "Owner" in a cell across the Yes and No columns, or in the Yes column's own cell.
      for (const [s, x, y] of [['Action', 60, 770], ['Owner', 335, 770], ['Target date', 425, 770], ['Publish the report', 60, 757], ['CCTV Manager', 335, 757], ['July 2025', 425, 757]] as const) t(s, x, y);
      t('2. Do you audit disclosures?', 60, 740);
      t('X', 390, 740);
      for (const y of [810, 796, 781, 766, 753, 736]) drawRule(page, 55, y, 540, y);
      for (const x of [55, 330, 420, 540]) drawRule(page, x, 810, x, 736);
      if (ownerAcross) {
        drawRule(page, 375, 810, 375, 781);
        drawRule(page, 375, 753, 375, 736);
      } else drawRule(page, 375, 810, 375, 736);
      const d = await parse(await pdf.save());
      return d.blocks.filter((b) => b.option || /^\d\./.test(b.text)).map(show);
    };
    expect(await read(true)).toEqual(['1. Do you publish an annual report?', 'yes:checked:typed-mark', '2. Do you audit disclosures?', 'no:checked:typed-mark']);
    expect(await read(false)).toEqual(['1. Do you publish an annual report?', 'yes:checked:typed-mark', '2. Do you audit disclosures?']);
  });

  it('does not take a question\'s labels with a box of their own on their line for column headings', async () => {
    const { pdf, page, t } = await a4(10);
    const box = (x: number, y: number) => drawBox(page, x, y, true);
    // "Yes ☒No" (the Yes box lost), then "Yes☒ No" (the No box lost) under it: the first row is no heading.
    t('1. Do you publish an annual report?', 60, 780);
    t('Yes', 72, 760);
    box(110, 760);
    t('No', 122, 760);
    t('2. Do you audit disclosures?', 60, 730);
    t('Yes', 60, 710);
    box(80, 710);
    t('No', 120, 710);
    const d = await parse(await pdf.save());
    expect(d.blocks.map(show)).toEqual([
      '1. Do you publish an annual report?',
      'yes:-:-',
      'no:-:-',
      'null:checked:vector',
      '2. Do you audit disclosures?',
      'yes:-:-',
      'no:-:-',
      'null:checked:vector',
    ]);
  });

  it('pairs drawn boxes the way that pairs most, leaving out a drawn bullet; a box that could be either label\'s stays unlabelled', async () => {
    const { pdf, page, t } = await a4(11);
    const box = (x: number, y: number, crossed: boolean, side = 9) => drawBox(page, x, y, crossed, side);
    // "Yes      ⊠No": the box before "No" of a box-first row whose "Yes" box is missing, or Yes's box in a table.
    t('1. Do you publish an annual report?', 50, 760);
    t('Yes', 300, 760);
    box(338, 760, true);
    t('No', 349, 760);
    // "▫ Yes ⊠    No ☐": label first, with a small drawn square bullet in front.
    t('2. Do you audit disclosures?', 50, 720);
    box(288, 721, false, 5);
    t('Yes', 300, 720);
    box(322, 720, true);
    t('No', 360, 720);
    box(377, 720, false);
    // A Word table with left-aligned labels in wide cells: "Yes | ☒ | No | ☐", No's box far past the word.
    t('3. Do you consult the public?', 50, 680);
    t('Yes', 300, 680);
    box(345, 680, true);
    t('No', 365, 680);
    box(410, 680, false);
    // "○ Yes ☒   No": a round bullet (a stroked circle) before a row with one box: not taken for a box.
    t('4. Do you review the system yearly?', 50, 640);
    page.drawCircle({ x: 291, y: 644, size: 3.5, borderWidth: 0.75, borderColor: rgb(0, 0, 0) });
    t('Yes', 300, 640);
    box(321, 640, true);
    t('No', 350, 640);
    const d = await parse(await pdf.save());
    expect(d.blocks.map(show)).toEqual([
      '1. Do you publish an annual report?',
      'yes:-:-',
      'no:-:-',
      'null:checked:vector',
      '2. Do you audit disclosures?',
      'yes:checked:vector',
      'no:unchecked:vector',
      '3. Do you consult the public?',
      'yes:checked:vector',
      'no:unchecked:vector',
      '4. Do you review the system yearly?',
      'yes:-:-',
      'no:-:-',
      'null:checked:vector',
    ]);
  });

  it('gives a box between labels printed out of the template\'s order ("No ⊠   Yes") to neither', async () => {
    const { pdf, page, t } = await a4(11);
    t('1. Do you publish an annual report?', 60, 780);
    t('No', 70, 760);
    drawBox(page, 86, 760, true);
    t('Yes', 115, 760);
    const d = await parse(await pdf.save());
    expect(d.blocks.map(show)).toEqual(['1. Do you publish an annual report?', 'no:-:-', 'yes:-:-', 'null:checked:vector']);
  });

  it('leaves an X between two labels unlabelled, however near one of them it stands', async () => {
    const { pdf, page, t, w } = await a4(11);
    const row = (y: number, toX: number, toNo: number) => {
      t('Yes', 300, y);
      const x = 300 + w('Yes') + toX;
      t('X', x, y);
      t('No', x + w('X') + toNo, y);
    };
    t('1. Do you publish an annual report?', 50, 760);
    row(760, 18, 26);
    t('2. Do you audit disclosures?', 50, 720);
    row(720, 25, 12);
    const d = await parse(await pdf.save());
    // In a table with labels set left in wide cells, a label-first X stands nearer the next label: nearness says nothing.
    expect(d.blocks.map(show)).toEqual([
      '1. Do you publish an annual report?',
      'yes:-:-',
      'null:checked:typed-mark',
      'no:-:-',
      '2. Do you audit disclosures?',
      'yes:-:-',
      'null:checked:typed-mark',
      'no:-:-',
    ]);
  });

  it('takes a highlight behind a label for the option chosen, not a box, and still reads a filled box beside one', async () => {
    const { pdf, page, t, w } = await a4(11);
    t('1. Do you publish an annual report?', 50, 760);
    // Word's highlighter: a near-square of dark colour under the chosen word, a little right of the other label.
    page.drawRectangle({ x: 86, y: 741.5, width: w('No'), height: 12, color: rgb(1, 0, 1) });
    t('Yes', 50, 744);
    t('No', 86, 744);
    t('2. Do you audit disclosures?', 50, 720);
    page.drawRectangle({ x: 50, y: 703, width: 9, height: 9, color: rgb(0, 0, 0) });
    t('Yes', 62, 704);
    page.drawRectangle({ x: 90, y: 703, width: 9, height: 9, borderWidth: 0.75, borderColor: rgb(0, 0, 0) });
    t('No', 102, 704);
    const d = await parse(await pdf.save());
    expect(d.blocks.map(show)).toEqual(['1. Do you publish an annual report?', 'yes:-:-', 'no:checked:highlight', '2. Do you audit disclosures?', 'yes:checked:vector', 'no:unchecked:vector']);
  });

  it('reads the options LibreOffice prints struck through (struck text, tracked deletions)', async () => {
    const struck = await parse(input('lo-paragraph-struck-options'));
    const at = struck.blocks.findIndex((b) => b.text.startsWith('15. Have you appointed a single point of contact'));
    expect(struck.blocks.slice(at + 1, at + 3).map(show)).toEqual(['yes:unchecked:struck-option', 'no:-:-']);
    expect(struck.blocks[at + 1]!.option!.mark!.detail).toBe('label struck through (2 lines)');
    const deleted = await parse(input('lo-template-deleted-option'));
    const texts = deleted.blocks.map((b) => b.text);
    // P2.2: "Yes", and "No" deleted with changes tracked (printed struck through in colour).
    const p22 = texts.findIndex((t) => t.startsWith('2. Are you able to document'));
    expect(deleted.blocks.slice(p22 + 1, p22 + 3).map(show)).toEqual(['yes:-:-', 'no:unchecked:struck-option']);
    // P2.1: "No" deleted outright: "Yes" alone, left as text, a cell centred in its question's row.
    const p21 = texts.findIndex((t) => t.startsWith('1. Has your organisation paid'));
    expect(deleted.blocks.slice(p21, p21 + 2).map((b) => `${b.kind}:${b.text.slice(0, 20)}`)).toEqual(['tableCell:1. Has your organisa', 'tableCell:Yes']);
  });
});

describe('PDF labels highlighted or struck out', () => {
  it('reads a label highlighted by a viewer, or in a highlighter\'s colour fitted round it, as chosen; a shaded cell is no highlight', async () => {
    const { pdf, page, t, w } = await a4(10);
    const fill = (x: number, y: number, width: number, color: [number, number, number]) =>
      page.drawRectangle({ x, y: y - 2.5, width, height: 11.5, color: rgb(...color) });
    const annotate = (subtype: string, x: number, y: number, width: number) => {
      const [x0, y0, x1, y1] = [x, y - 2.5, x + width, y + 9];
      const annot = pdf.context.register(
        pdf.context.obj({ Type: 'Annot', Subtype: subtype, Rect: [x0, y0, x1, y1], QuadPoints: [x0, y1, x1, y1, x0, y0, x1, y0], C: [1, 1, 0], F: 4 }),
      );
      page.node.addAnnot(annot);
    };
    t('1. Do you publish an annual report?', 50, 760);
    fill(450, 760, w('No'), [1, 1, 0]);
    t('Yes', 400, 760);
    t('No', 450, 760);
    t('2. Do you audit disclosures?', 50, 730);
    annotate('Highlight', 400, 730, w('Yes'));
    t('Yes', 400, 730);
    t('No', 450, 730);
    t('3. Do you train your staff?', 50, 700);
    annotate('StrikeOut', 450, 700, w('No'));
    t('Yes', 400, 700);
    t('No', 450, 700);
    // A yellow table cell round "Yes", starting a cell margin before it: shading, not a highlight.
    t('4. Do you review the policy?', 50, 670);
    fill(394, 670, w('Yes') + 12, [1, 1, 0]);
    t('Yes', 400, 670);
    t('No', 450, 670);
    // "Yes / No" printed as one run of text, as Google Docs exports it: the highlight fits "No" alone.
    t('5. Do you publish your contact details?', 50, 640);
    fill(400 + w('Yes / '), 640, w('No'), [1, 1, 0]);
    t('Yes / No', 400, 640);
    // Nothing marked: the form's prompt, which stays text.
    t('6. Do you review the signs?', 50, 610);
    t('Yes / No', 400, 610);
    // Another editor's bright yellow fitted round "Yes"; a pale tint fitted round "No" is a cell's shading.
    t('7. Do you audit access to footage?', 50, 580);
    fill(400, 580, w('Yes'), [1, 0.92, 0.23]);
    t('Yes / No', 400, 580);
    t('8. Do you keep a log of requests?', 50, 550);
    fill(400 + w('Yes / '), 550, w('No'), [1, 0.95, 0.8]);
    t('Yes / No', 400, 550);
    const d = await parse(await pdf.save());
    expect(d.blocks.map((b) => (b.option ? `${b.option.value}:${b.option.mark?.state ?? '-'}:${b.option.mark?.source ?? '-'}` : b.text))).toEqual([
      '1. Do you publish an annual report?',
      'yes:-:-',
      'no:checked:highlight',
      '2. Do you audit disclosures?',
      'yes:checked:highlight',
      'no:-:-',
      '3. Do you train your staff?',
      'yes:-:-',
      'no:unchecked:struck-option',
      '4. Do you review the policy?',
      'yes:-:-',
      'no:-:-',
      '5. Do you publish your contact details?',
      'yes:-:-',
      'no:checked:highlight',
      '6. Do you review the signs?',
      'Yes / No',
      '7. Do you audit access to footage?',
      'yes:checked:highlight',
      'no:-:-',
      '8. Do you keep a log of requests?',
      'Yes / No',
    ]);
  });
});
