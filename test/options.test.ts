import { describe, expect, it } from 'vitest';
import type { Block } from '../src/document.js';
import { documentMarkOrder, glyphMark, optionValue, pairMarksWithLabels, readOptionRun } from '../src/options.js';

const summary = (line: string) =>
  readOptionRun(line)?.options.map(({ value, mark, typed = mark }) => `${value ?? '?'}:${typed ? `${typed.state}/${typed.source}` : 'none'}`) ?? null;

describe('readOptionRun', () => {
  it('attaches marks to the label they precede or follow', () => {
    expect(summary('☒ Yes ☐ No')).toEqual(['yes:checked/glyph', 'no:unchecked/glyph']);
    expect(summary('Yes ☐   No ☒')).toEqual(['yes:unchecked/glyph', 'no:checked/glyph']);
    expect(summary('[ ] Yes [X] No')).toEqual(['yes:unchecked/glyph', 'no:checked/glyph']);
    expect(summary('Yes [x]  No [ ]  N/A [ ]')).toEqual(['yes:checked/glyph', 'no:unchecked/glyph', 'na:unchecked/glyph']);
    // Boxes typed as brackets of either kind.
    expect(summary('Yes ( )   No (x)')).toEqual(['yes:unchecked/glyph', 'no:checked/glyph']);
    expect(summary('(X) Yes  (  ) No')).toEqual(['yes:checked/glyph', 'no:unchecked/glyph']);
    expect(summary('Yes ( )   No ( )')).toEqual(['yes:unchecked/glyph', 'no:unchecked/glyph']);
    expect(readOptionRun('Yes ( )   No (x)')?.options[1]?.mark?.detail).toBe('(x)');
    // "(*)" is a footnote's marker, not a ticked box.
    expect(readOptionRun('Yes / No (*)')?.options.some((o) => o.mark) ?? false).toBe(false);
  });

  it('reads a whole set of boxed options ending a line straight after words, and nothing less', () => {
    expect(summary('58. Have you identified any areas where action is required to conform more ☒ Yes ☐ No')).toEqual(['yes:checked/glyph', 'no:unchecked/glyph']);
    expect(summary('Staff said ☒ Yes')).toBeNull();
    expect(summary('The answer is Yes ☒ No ☐')).toBeNull();
  });

  it('leaves a box unlabelled where one of a pair is missing and the order could go either way', () => {
    // A box between two labels, or a label between two boxes: the box may belong to either side.
    expect(summary('Yes ☒ No')).toEqual(['yes:none', '?:checked/glyph', 'no:none']);
    expect(summary('☒ No ☐')).toEqual(['?:checked/glyph', 'no:none', '?:unchecked/glyph']);
    // Spacing settles it: the box stands right beside one label and a wide gap away from the other.
    expect(summary('Yes ✓    No')).toEqual(['yes:checked/glyph', 'no:none']);
    expect(summary('Yes    ☒ No')).toEqual(['yes:none', 'no:checked/glyph']);
    // A box at one end with the labels after (or before) it can only go one way.
    expect(summary('☒ Yes No')).toEqual(['yes:checked/glyph', 'no:none']);
    expect(summary('|_| Yes |_| No NA')).toEqual(['yes:unknown/placeholder', 'no:unknown/placeholder', 'na:none']);
    // Two boxes side by side and a label short: the label may be either box's, or a comment after both.
    expect(summary('Question?  ☐   ☒   N/A')).toEqual(['?:unchecked/glyph', '?:checked/glyph', 'na:none']);
    expect(summary('Yes ☒ ☐')).toEqual(['yes:none', '?:checked/glyph', '?:unchecked/glyph']);
  });

  it('reads a bilingual form\'s options by their English words, a Welsh word only with its own translation', () => {
    const read = (line: string) => readOptionRun(line)?.options.map((o) => `${o.value}:${o.mark?.state ?? 'none'}`);
    expect(read('☐ Ie / Yes ☒ Na / No ☐ Amh. / N/A')).toEqual(['yes:unchecked', 'no:checked', 'na:unchecked']);
    expect(read('☐ Yes / Ie ☒ No / Na')).toEqual(['yes:unchecked', 'no:checked']);
    expect(optionValue('Na / No')).toBe('no');
    expect(optionValue('Ie / Yes')).toBe('yes');
    // "Na" alone is as likely N/A; a pair that does not translate is no label.
    expect(optionValue('Na')).toBe('na');
    expect(optionValue('Ie / No')).toBeNull();
    // "NA" in capitals after "No" is English's third option, not Welsh.
    expect(readOptionRun('Yes / No / NA ☒')?.options.map((o) => `${o.value}:${o.mark?.state ?? 'none'}`)).toEqual(['yes:none', 'no:none', 'na:checked']);
  });

  it('gives a box the option on its side of a slash', () => {
    expect(summary('Yes / ✓ No')).toEqual(['yes:none', 'no:checked/glyph']);
    expect(summary('Yes ✓ / No')).toEqual(['yes:checked/glyph', 'no:none']);
    // "Yes / ☒" with its "No" wrapped onto the next line: the box is not Yes's.
    expect(summary('Yes / ☒')).toEqual(['yes:none', '?:checked/glyph']);
    // A box on each side of the slash: no way to tell.
    expect(summary('Yes ✓ / ✓ No')).toEqual(['yes:none', '?:checked/glyph', '?:checked/glyph', 'no:none']);
  });

  it('reads a label typed after a whole set of boxed options, naming one of them, as that option marked', () => {
    expect(summary('[ ] Yes [ ] No Yes')).toEqual(['yes:checked/typed-mark', 'no:unchecked/glyph']);
    expect(summary('Yes ☐ No ☐   No')).toEqual(['yes:unchecked/glyph', 'no:checked/typed-mark']);
    expect(readOptionRun('☐ Yes ☐ No Yes')?.options[0]).toMatchObject({ mark: { state: 'unchecked' }, typed: { detail: '"Yes" typed after the boxes' } });
    // A box ticked as well: kept, agreeing or not (the matcher finds two options marked).
    expect(summary('☒ Yes ☐ No Yes')).toEqual(['yes:checked/glyph', 'no:unchecked/glyph']);
    expect(summary('☐ Yes ☒ No Yes')).toEqual(['yes:checked/typed-mark', 'no:checked/glyph']);
    // A third option printed without a box, or a set missing a box, is no typed answer.
    expect(summary('☐ Yes ☐ No N/A')).toEqual(['yes:unchecked/glyph', 'no:unchecked/glyph', 'na:none']);
    expect(summary('☐ Yes No Yes')).toEqual(['yes:unchecked/glyph', 'no:none', 'yes:none']);
  });

  it('keeps a glyph its font maps to no character as a box of unknown state', () => {
    expect(summary('\uFFFD Yes \uFFFD No')).toEqual(['yes:unknown/glyph', 'no:unknown/glyph']);
  });

  it('reads Symbol-font private-use boxes', () => {
    expect(summary('\uF0FE Yes \uF0A8 No')).toEqual(['yes:checked/glyph', 'no:unchecked/glyph']);
    expect(glyphMark('\uF06F')?.state).toBe('unchecked');
    expect(glyphMark('\uF078')?.state).toBe('checked');
  });

  it('takes a box-like list bullet opening a line of other boxes for the bullet, not a box', () => {
    // Wingdings q (❑), o (□) and ü (✓) bullets of a list whose items are the options.
    expect(summary('\uF071   Yes ☒ No')).toEqual(['yes:none', '?:checked/glyph', 'no:none']);
    expect(summary('\uF06F   Yes ☒      No')).toEqual(['yes:checked/glyph', 'no:none']);
    expect(summary('\uF0FC   Yes ☐   No ☒')).toEqual(['yes:unchecked/glyph', 'no:checked/glyph']);
    expect(summary('❑   ☐ Yes   ☒ No')).toEqual(['yes:unchecked/glyph', 'no:checked/glyph']);
    expect(summary('\uF071   Yes X      No')).toEqual(['yes:checked/typed-mark', 'no:none']);
    // Only a whole row tells a bullet: "o Yes þ" alone may be a box-first row whose "No" went to the next page.
    expect(summary('\uF06F Yes \uF0FE')).toEqual(['?:unchecked/glyph', 'yes:none', '?:checked/glyph']);
    // A glyph that could not be read, opening a line of boxes that could, is not one of them.
    expect(summary('\uFFFD   Yes ☒   No ☐')).toEqual(['yes:checked/glyph', 'no:unchecked/glyph']);
    // Boxes of one kind are the row's boxes; after a question the glyph is no bullet; boxes alone (under column
    // headings) are all boxes.
    expect(summary('❑ ☒')).toEqual(['?:unchecked/glyph', '?:checked/glyph']);
    expect(summary('\uF0FC ☐')).toEqual(['?:checked/glyph', '?:unchecked/glyph']);
    expect(summary('❑ Yes ❑ No')).toEqual(['yes:unchecked/glyph', 'no:unchecked/glyph']);
    expect(summary('Do you audit?   ❑ Yes ☒ No')).toEqual(['yes:unchecked/glyph', 'no:checked/glyph']);
  });

  it('keeps a converter placeholder as a box of unknown state', () => {
    expect(summary('|_|')).toEqual(['?:unknown/placeholder']);
    expect(summary('|_| Yes |_| No')).toEqual(['yes:unknown/placeholder', 'no:unknown/placeholder']);
  });

  it('takes an X as a typed mark only beside an option label', () => {
    expect(summary('X Yes')).toEqual(['yes:checked/typed-mark']);
    expect(summary('Yes   No X')).toEqual(['yes:none', 'no:checked/typed-mark']);
    expect(readOptionRun('Leics Police do not use X cameras')).toBeNull();
    expect(readOptionRun('Camera X')).toBeNull();
    // After a question, only in a column of both labels a wide gap sets apart, as a layout conversion prints a table.
    expect(summary('6. Have you identified any areas?          X   Yes        No')).toEqual(['yes:checked/typed-mark', 'no:none']);
    expect(readOptionRun('Have you identified any areas? X Yes No')).toBeNull();
    expect(readOptionRun('Have you identified any areas?          X   Yes')).toBeNull();
  });

  it('places an X between two labels as the document\'s other rows place theirs, where they all go one way', () => {
    const placed = (line: string, order: 'mark-first' | 'label-first') =>
      readOptionRun(line, { documentOrder: order })?.options.map((o) => `${o.value ?? '?'}:${o.mark?.state ?? 'none'}`);
    expect(documentMarkOrder(['X   Yes        No', 'Question?', 'X   Yes   No'])).toBe('mark-first');
    expect(documentMarkOrder(['Yes   No   X', 'Yes   No X'])).toBe('label-first');
    // One row alone, or rows going both ways, or boxes printed as glyphs, say nothing of the document.
    expect(documentMarkOrder(['X   Yes        No'])).toBeUndefined();
    expect(documentMarkOrder(['X   Yes        No', 'Yes   No   X'])).toBeUndefined();
    expect(documentMarkOrder(['☒ Yes ☐ No', '☐ Yes ☒ No'])).toBeUndefined();
    expect(placed('Yes    X   No', 'mark-first')).toEqual(['yes:none', 'no:checked']);
    expect(placed('Yes    X   No', 'label-first')).toEqual(['yes:checked', 'no:none']);
    expect(summary('Yes    X   No')).toEqual(['yes:none', '?:checked/typed-mark', 'no:none']);
    // A glyph box between labels stays unplaced: its row may have wrapped from the line before.
    expect(placed('Yes ☒ No', 'mark-first')).toEqual(['yes:none', '?:checked', 'no:none']);
  });

  it('splits options printed after a question', () => {
    const run = readOptionRun('Do you have a written policy?  Yes  No');
    expect(run?.lead).toBe('Do you have a written policy?');
    expect(run?.options.map((o) => [o.value, o.mark])).toEqual([
      ['yes', null],
      ['no', null],
    ]);
  });

  it('leaves answers that merely contain option words alone', () => {
    expect(readOptionRun('No, not applicable')).toBeNull();
    expect(readOptionRun('Yes. We have a policy.')).toBeNull();
    expect(readOptionRun('The answer is yes no maybe')).toBeNull();
    expect(readOptionRun('No')).toBeNull();
    expect(readOptionRun('No Yes')).toBeNull();
  });
});

describe('pairMarksWithLabels', () => {
  const at = (line: number) => ({ line });
  const box = (glyph: string, line: number): Block => ({ kind: 'option', text: '', provenance: at(line), option: { value: null, mark: glyphMark(glyph) } });
  const label = (text: string, line: number): Block => ({ kind: 'paragraph', text, provenance: at(line) });
  const paired = (blocks: Block[]) => pairMarksWithLabels(blocks).map((b) => (b.kind === 'option' ? `${b.option!.value ?? '?'}:${b.option!.mark?.state}` : b.text));

  it('pairs boxes and labels on lines of their own the way their order says', () => {
    expect(paired([label('Q?', 1), box('☒', 2), label('Yes', 3), box('☐', 4), label('No', 5)])).toEqual(['Q?', 'yes:checked', 'no:unchecked']);
    expect(paired([label('Q?', 1), label('Yes', 2), box('☒', 3), label('No', 4), box('☐', 5)])).toEqual(['Q?', 'yes:checked', 'no:unchecked']);
  });

  it('pairs no box with a label where the first option is missing, unless it stands a little before with a box of its own', () => {
    // A table's headings printed after its first row's tick (pdftotext without -layout): "Yes" alone long before.
    expect(paired([label('Yes', 1), label('Q?', 2), box('✓', 3), label('No', 4), label('N/A', 5)])).toEqual(['Yes', 'Q?', '?:checked', 'No', 'N/A']);
    expect(paired([label('Yes', 1), label('Q?', 2), box('✓', 3), label('No', 4)])).toEqual(['Yes', 'Q?', '?:checked', 'No']);
    // "☐" / "Yes" / an action plan's lines / "☒" / "No": the row's Yes had its own box.
    expect(paired([label('Q?', 1), box('☐', 2), label('Yes', 3), label('Action Plan', 4), box('☒', 5), label('No', 6)])).toEqual([
      'Q?',
      'yes:unchecked',
      'Action Plan',
      'no:checked',
    ]);
  });

  it('leaves a box between two labels unpaired', () => {
    expect(paired([label('Q?', 1), label('Yes', 2), box('☒', 3), label('No', 4)])).toEqual(['Q?', 'Yes', '?:checked', 'No']);
  });

  it('unpairs boxes paired on their own line when a lone box beside them pairs the run another way', () => {
    const option = (value: 'yes' | 'no', glyph: string | null, line: number): Block => ({ kind: 'option', text: value === 'yes' ? 'Yes' : 'No', provenance: at(line), option: { value, mark: glyph ? glyphMark(glyph) : null } });
    // "☐" / "Yes ☒" / "No": Yes on the middle line, No read box first as a whole.
    expect(paired([label('Q?', 1), box('☐', 2), option('yes', '☒', 3), label('No', 4)])).toEqual(['Q?', '?:unchecked', '?:checked', 'No']);
    // "Q? ☐" / "Yes ☒ No": the question's line ends in the first box.
    expect(paired([label('Q?', 1), box('☐', 1), option('yes', '☒', 2), option('no', null, 2)])).toEqual(['Q?', '?:unchecked', '?:checked', 'no:undefined']);
    // More boxes than labels: the lone box is a stray, and the pairs stand.
    expect(paired([label('Q?', 1), box('☐', 2), option('yes', '☒', 3), option('no', '☐', 3)])).toEqual(['Q?', '?:unchecked', 'yes:checked', 'no:unchecked']);
    // "o Yes þ" / "No" (Wingdings, a box-first row wrapped): the empty-box bullet is Yes's box.
    expect(paired([label('Q?', 1), box('\uF06F', 2), option('yes', '\uF0FE', 2), label('No', 3)])).toEqual(['Q?', '?:unchecked', '?:checked', 'No']);
  });

  it('reads options set as a bulleted list, one per line, with a box after the chosen one', () => {
    const option = (value: 'yes' | 'no', glyph: string | null, line: number): Block => ({ kind: 'option', text: value, provenance: at(line), option: { value, mark: glyph ? glyphMark(glyph) : null } });
    // "❑ Yes" / "❑ No ☒" (Wingdings q bullets): the first line's bullet was read as Yes's box.
    expect(paired([label('Q?', 1), option('yes', '\uF071', 2), box('\uF071', 3), option('no', null, 3), box('☒', 3)])).toEqual(['Q?', 'yes:undefined', 'no:checked']);
    // With no box after any label, "❑ Yes" / "❑ No" are boxes before their labels.
    expect(paired([label('Q?', 1), option('yes', '\uF071', 2), option('no', '\uF071', 3)])).toEqual(['Q?', 'yes:unchecked', 'no:unchecked']);
  });

  it('keeps pairs that the run read as one row pairs the same way', () => {
    const option = (value: 'yes' | 'no' | 'na', glyph: string | null, line: number): Block => ({ kind: 'option', text: value, provenance: at(line), option: { value, mark: glyph ? glyphMark(glyph) : null } });
    // "☐ Yes ☒" / "No": box first as a whole, and ☒ already went with No.
    expect(paired([label('Q?', 1), box('☐', 2), option('yes', null, 2), box('☒', 2), label('No', 3)])).toEqual(['Q?', '?:unchecked', 'yes:undefined', 'no:checked']);
    // "☐ Yes ☒ No   N/A" and an evidence box on the next line: label first, Yes ☐ No ☒ N/A ☐, the same pairs.
    expect(paired([label('Q?', 1), option('yes', '☐', 2), option('no', '☒', 2), option('na', null, 2), box('☐', 3)])).toEqual(['Q?', 'yes:unchecked', 'no:checked', 'na:undefined', '?:unchecked']);
    // Lines of one paragraph or cell (a soft line break, a <br>) count as lines: "☐" / "Yes ☒" / "No" in one cell.
    expect(paired([label('Q?', 1), box('☐', 2), option('yes', '☒', 2), label('No', 2)])).toEqual(['Q?', '?:unchecked', '?:checked', 'No']);
  });

  it('pairs no box with a label across a row\'s border', () => {
    const ruled = (b: Block): Block => ({ ...b, ruledAbove: true });
    // "☐ Yes ☒" at a row's foot, the next row's "No" under the border: the ☒ stays unlabelled.
    expect(paired([label('Q?', 1), box('☐', 2), label('Yes', 2), box('☒', 2), ruled(label('No', 3))])).toEqual(['Q?', '?:unchecked', 'Yes', '?:checked', 'No']);
    // Read as one run, "☒" over the border, then "Yes ☐" and "No", would be box first: ☒ Yes, ☐ No. Below the border
    // the ☐ could be either label's.
    expect(paired([label('Q?', 1), box('☒', 2), ruled(label('Yes', 3)), box('☐', 3), label('No', 4)])).toEqual(['Q?', '?:checked', 'Yes', '?:unchecked', 'No']);
    expect(paired([label('Q?', 1), box('☒', 2), label('Yes', 3), box('☐', 3), label('No', 4)])).toEqual(['Q?', 'yes:checked', 'no:unchecked']);
    // "☐ Yes ☒" read on its line as Yes ☒ and a stray ☐: "No" under the border does not make the line box first.
    const option = (value: 'yes' | 'no', glyph: string | null, line: number): Block => ({ kind: 'option', text: value, provenance: at(line), option: { value, mark: glyph ? glyphMark(glyph) : null } });
    expect(paired([label('Q?', 1), box('☐', 2), option('yes', '☒', 2), ruled(label('No', 3))])).toEqual(['Q?', '?:unchecked', 'yes:checked', 'No']);
    expect(paired([label('Q?', 1), box('☐', 2), option('yes', '☒', 2), label('No', 3)])).toEqual(['Q?', '?:unchecked', '?:checked', 'No']);
    // Out of the page's order, a box under the border before a label above it: still parted.
    expect(paired([label('Q?', 1), ruled(box('☒', 4)), label('Yes', 2), label('No', 3)])).toEqual(['Q?', '?:checked', 'Yes', 'No']);
    // Ruled off from the row above, but on one line with the box before it: the border is above both.
    expect(paired([label('Q?', 1), ruled(box('☒', 2)), ruled(label('Yes', 2)), box('☐', 2), label('No', 2)])).toEqual(['Q?', 'yes:checked', 'no:unchecked']);
  });
});
