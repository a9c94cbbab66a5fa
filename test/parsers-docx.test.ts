import { zipSync, strToU8 } from 'fflate';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { QUESTIONS } from '../src/catalogue.js';
import type { Block, NormalisedDocument } from '../src/document.js';
import { ExtractError } from '../src/errors.js';
import { extract } from '../src/extract.js';
import { parse } from '../parsers/docx/index.js';
import { parseXml } from '../parsers/docx/xml.js';
import type { XmlNode } from '../parsers/docx/mammoth.js';
import { renderDocx, type BoxEncoding } from '../corpus/build/docx.js';
import { DOCX_CASES } from '../corpus/build/docx-cases.js';
import { printedWording } from '../corpus/build/spec.js';
import {
  PAGE_BREAK,
  RENDERED_PAGE_BREAK,
  cell,
  contentControlCheckbox,
  deletedRun,
  formCheckbox,
  glyphBox,
  insertedRuns,
  packageDocx,
  para,
  row,
  run,
  symbolBox,
  table,
  xmlPart,
  REL,
  HEADER_CT,
  FOOTER_CT,
  COMMENTS_CT,
} from '../corpus/build/docx-ooxml.js';

/* ------------------------------------------------------------ helpers -- */

const SECT = '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr>';

function docx(body: string, extra: Partial<Parameters<typeof packageDocx>[0]> = {}): Uint8Array {
  return packageDocx({ body, relationships: [], parts: [], sectPr: SECT, ...extra });
}

/** A row of cells, one paragraph each, in a table of these column widths. */
const rowIn =
  (cols: readonly number[]) =>
  (...cells: string[]): string =>
    row(cells.map((c, i) => cell(para(c), { width: cols[i]! })));

/** A template question row: question, box, Yes, box, No. */
function questionRow(question: string, yesBox: string, noBox: string, labels = [run('Yes'), run('No')]): string {
  return row([
    cell(para(run(question)), { width: 5000 }),
    cell(para(yesBox), { width: 500 }),
    cell(para(labels[0]!), { width: 800 }),
    cell(para(noBox), { width: 500 }),
    cell(para(labels[1]!), { width: 800 }),
  ]);
}

const GRID = [5000, 500, 800, 500, 800];
const Q = 'Do you have a written policy on the disclosure of information to any third party?';
const ANSWER = 'The disclosure policy is reviewed annually.';

function body(doc: NormalisedDocument): Block[] {
  return doc.blocks.filter((b) => !b.furniture);
}

function options(doc: NormalisedDocument): Array<{ value: string | null; state: string | null; source: string | null; detail?: string }> {
  return doc.blocks
    .filter((b) => b.kind === 'option')
    .map((b) => ({ value: b.option!.value, state: b.option!.mark?.state ?? null, source: b.option!.mark?.source ?? null, detail: b.option!.mark?.detail }));
}

/** Index of the first block whose text contains `text`. */
function at(doc: NormalisedDocument, text: string): number {
  return doc.blocks.findIndex((b) => b.text.includes(text));
}

/** Question → its options → answer, in that order in the block stream. */
function expectOrder(doc: NormalisedDocument): void {
  const q = at(doc, Q);
  expect(q).toBeGreaterThanOrEqual(0);
  let k = q + 1;
  while (doc.blocks[k]?.kind === 'option') k++;
  expect(k - q - 1, 'options right after the question').toBeGreaterThanOrEqual(2);
  expect(at(doc, ANSWER)).toBe(k);
}

async function errorOf(bytes: Uint8Array, limits?: Parameters<typeof parse>[1]): Promise<ExtractError> {
  try {
    await parse(bytes, { name: 'bad.docx', ...limits });
  } catch (error) {
    expect(error).toBeInstanceOf(ExtractError);
    return error as ExtractError;
  }
  throw new Error('expected an ExtractError');
}

/* ---------------------------------------------------------- encodings -- */

describe('docx checkbox encodings', () => {
  it('reads legacy FORMCHECKBOX fields in table cells, from w:checked or else w:default', async () => {
    const doc = await parse(
      docx(
        table(
          [
            questionRow(Q, formCheckbox(true, { name: 'Check1' }), formCheckbox(false, { name: 'Check2', separate: true })),
            row([cell(para(run(ANSWER)), { width: 7600, span: 5 })]),
            questionRow('Second question?', formCheckbox(false, { name: 'Check3', viaDefault: true }), formCheckbox(true, { name: 'Check4', viaDefault: true })),
          ],
          GRID,
        ),
      ),
    );
    expect(options(doc)).toEqual([
      { value: 'yes', state: 'checked', source: 'form-field', detail: 'w:checked' },
      { value: 'no', state: 'unchecked', source: 'form-field', detail: 'w:default w:val="0"' },
      { value: 'yes', state: 'unchecked', source: 'form-field', detail: 'w:default w:val="0"' },
      { value: 'no', state: 'checked', source: 'form-field', detail: 'w:default w:val="1"' },
    ]);
    expectOrder(doc);
    const yes = doc.blocks.find((b) => b.kind === 'option')!;
    expect(yes.table).toEqual({ row: 0, column: 2 });
    expect(yes.provenance.line).toBeGreaterThan(0);
    expect(doc.blocks.some((b) => /FORMCHECKBOX/.test(b.text))).toBe(false);
  });

  it('reads a Yes or No typed after FORMCHECKBOX fields in one cell, each field keeping its own state', async () => {
    const cellOf = (yes: boolean, no: boolean, typed: string, name: string) =>
      para(`${formCheckbox(yes, { name: `${name}y` })}${run(' Yes  ')}${formCheckbox(no, { name: `${name}n` })}${run(' No  ')}${run(typed)}`);
    const doc = await parse(
      docx(table([row([cell(para(run(Q)), { width: 5000 }), cell(cellOf(false, false, 'Yes', 'a'), { width: 2600 })]), row([cell(para(run('Second question?')), { width: 5000 }), cell(cellOf(true, false, 'No', 'b'), { width: 2600 })])], [5000, 2600])),
    );
    expect(options(doc).map((o) => [o.value, o.state, o.source])).toEqual([
      ['yes', 'checked', 'typed-mark'],
      ['no', 'unchecked', 'form-field'],
      ['yes', 'checked', 'form-field'],
      ['no', 'checked', 'typed-mark'],
    ]);
  });

  it('reads w:checked w:val="0" as unchecked even when w:default is 1', async () => {
    const field = formCheckbox(false, { name: 'Check1' }).replace('<w:default w:val="0"/>', '<w:default w:val="1"/><w:checked w:val="0"/>');
    const doc = await parse(docx(table([questionRow(Q, field, formCheckbox(true, { name: 'Check2' }))], GRID)));
    expect(options(doc).map((o) => [o.value, o.state, o.detail])).toEqual([
      ['yes', 'unchecked', 'w:checked w:val="0"'],
      ['no', 'checked', 'w:checked'],
    ]);
  });

  it('reads the entry a legacy FORMDROPDOWN field shows: at w:result, else w:default, else the first; none where it asks for a choice', async () => {
    const dropdown = (list: string, result = '') =>
      '<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="Dropdown1"/><w:enabled/>' +
      `<w:ddList>${list}</w:ddList></w:ffData></w:fldChar></w:r>` +
      '<w:r><w:instrText xml:space="preserve"> FORMDROPDOWN </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>' +
      `${result}<w:r><w:fldChar w:fldCharType="end"/></w:r>`;
    const entries = (...values: string[]) => values.map((v) => `<w:listEntry w:val="${v}"/>`).join('');
    const cells = (field: string) => row([cell(para(run('Question?')), { width: 5000 }), cell(para(field), { width: 1500 }), cell(para(run('Comment.')), { width: 3000 })]);
    const doc = await parse(
      docx(
        table(
          [
            cells(dropdown(`<w:result w:val="2"/>${entries('Select', 'Yes', 'No')}`)),
            cells(dropdown(`<w:default w:val="1"/>${entries('Select', 'Yes', 'No')}`)),
            cells(dropdown(entries('Yes', 'No'))),
            cells(dropdown(`<w:result w:val="7"/><w:default w:val="2"/>${entries('Select', 'Yes', 'No')}`)),
            cells(dropdown(`<w:result w:val="1"/>${entries('Select', 'Yes', 'No')}`, run('No'))),
            cells(dropdown(entries('Choose an item.', 'Yes', 'No'))),
            cells(dropdown(`<w:result w:val="0"/>${entries(' ', 'Yes', 'No')}`)),
            cells(dropdown(`<w:result w:val="0"/>${entries('- Select -', 'Yes', 'No')}`) + run(' see notes')),
          ],
          [5000, 1500, 3000],
        ),
      ),
    );
    expect(body(doc).map((b) => b.text).filter((t) => t !== 'Question?' && t !== 'Comment.')).toEqual(['No', 'Yes', 'Yes', 'No', 'Yes', 'see notes']);
  });

  it('pairs boxes printed after their labels (Yes ☐ No ☒) with the label before them', async () => {
    const labelFirst = row([
      cell(para(run(Q)), { width: 5000 }),
      cell(para(run('Yes')), { width: 800 }),
      cell(para(formCheckbox(false, { name: 'C1' })), { width: 500 }),
      cell(para(run('No')), { width: 800 }),
      cell(para(formCheckbox(true, { name: 'C2' })), { width: 500 }),
    ]);
    const doc = await parse(docx(table([labelFirst, row([cell(para(run(ANSWER)), { width: 7600, span: 5 })])], GRID)));
    expect(options(doc).map((o) => [o.value, o.state, o.source])).toEqual([
      ['yes', 'unchecked', 'form-field'],
      ['no', 'checked', 'form-field'],
    ]);
    expectOrder(doc);
  });

  it('reads w14 checkbox content controls in table cells and in paragraphs', async () => {
    const doc = await parse(
      docx(
        table([questionRow(Q, contentControlCheckbox(false), contentControlCheckbox(true))], GRID) +
          para(run(ANSWER)) +
          para(run('Inline question?\t') + contentControlCheckbox(true) + run(' Yes   ') + contentControlCheckbox(false) + run(' No')),
      ),
    );
    expect(options(doc)).toEqual([
      { value: 'yes', state: 'unchecked', source: 'content-control', detail: 'w14:checked w14:val="0"' },
      { value: 'no', state: 'checked', source: 'content-control', detail: 'w14:checked w14:val="1"' },
      { value: 'yes', state: 'checked', source: 'content-control', detail: 'w14:checked w14:val="1"' },
      { value: 'no', state: 'unchecked', source: 'content-control', detail: 'w14:checked w14:val="0"' },
    ]);
    // The control's ☒ / ☐ text is not read a second time as a glyph.
    expect(doc.blocks.some((b) => b.option?.mark?.source === 'glyph')).toBe(false);
    expect(doc.blocks.find((b) => b.text === 'Inline question?')?.kind).toBe('paragraph');
  });

  it('leaves a question ambiguous where a checkbox control shows one state and stores the other', async () => {
    const shows = (stored: boolean, glyph: string) =>
      `<w:sdt><w:sdtPr><w14:checkbox><w14:checked w14:val="${stored ? 1 : 0}"/></w14:checkbox></w:sdtPr><w:sdtContent>${run(glyph, { font: 'MS Gothic' })}</w:sdtContent></w:sdt>`;
    const sym = (stored: boolean, char: string) =>
      `<w:sdt><w:sdtPr><w14:checkbox><w14:checked w14:val="${stored ? 1 : 0}"/></w14:checkbox></w:sdtPr><w:sdtContent><w:r><w:sym w:font="Wingdings" w:char="${char}"/></w:r></w:sdtContent></w:sdt>`;
    const doc = await parse(docx(table([questionRow(Q, shows(true, '☐'), shows(false, '☒')), questionRow('Two?', sym(false, 'F0FE'), sym(false, 'F0A8'))], GRID)));
    expect(options(doc).map((o) => o.state)).toEqual(['conflicting', 'conflicting', 'conflicting', 'unchecked']);
    expect(options(doc)[0]!.detail).toBe('w14:checked w14:val="1", but it shows ☐');
    expect(doc.diagnostics.filter((d) => d.code === 'docx-checkbox-shows-other-state')).toHaveLength(3);
    // A control with its own symbols ("X" ticked, a blank unticked) is compared with those.
    const custom = (stored: boolean, shown: string) =>
      `<w:sdt><w:sdtPr><w14:checkbox><w14:checked w14:val="${stored ? 1 : 0}"/><w14:checkedState w14:val="0058" w14:font="Arial"/><w14:uncheckedState w14:val="0020" w14:font="Arial"/></w14:checkbox></w:sdtPr><w:sdtContent>${run(shown)}</w:sdtContent></w:sdt>`;
    const own = await parse(docx(table([questionRow(Q, custom(false, 'X'), custom(true, ' '))], GRID)));
    expect(options(own).map((o) => o.state)).toEqual(['conflicting', 'conflicting']);
  });

  it('reads w:checked and w14:checked values "off", "false" and "0" as unticked, "on" and "true" as ticked', async () => {
    const field = (val: string) => formCheckbox(false, { name: `f${val}` }).replace('<w:default w:val="0"/>', `<w:default w:val="0"/><w:checked w:val="${val}"/>`);
    const control = (val: string, glyph: string) =>
      `<w:sdt><w:sdtPr><w14:checkbox><w14:checked w14:val="${val}"/></w14:checkbox></w:sdtPr><w:sdtContent>${run(glyph, { font: 'MS Gothic' })}</w:sdtContent></w:sdt>`;
    const doc = await parse(docx(table([questionRow(Q, field('off'), field('on')), questionRow('Two?', control('false', '☐'), control('true', '☒'))], GRID)));
    expect(options(doc).map((o) => o.state)).toEqual(['unchecked', 'checked', 'unchecked', 'checked']);
  });

  it('pairs "Yes | X | No" cells by an empty box cell at one end, else the way the table\'s other rows or the tables before it do; else leaves the X unlabelled', async () => {
    const cols = [5000, 800, 500, 800, 500];
    const r = rowIn(cols);
    const four = (...cells: string[]) => row(cells.map((c, i) => cell(para(c), { width: [5000, 800, 500, 800][i]! })));
    // "Yes | X | No | ·": the empty cell after "No" is its box, so the X is Yes's, whatever the tables before say.
    const boxFirst = table([r(run('One?'), '', run('Yes'), run('X'), run('No')), r(run('Two?'), run('X'), run('Yes'), '', run('No'))], cols);
    const trailing = table([r(run('Three?'), run('Yes'), run('X'), run('No'), '')], cols);
    // No box cell at either end: the table before with its labels in the same columns decides.
    const bare = table([r(run('Four?'), run('Note'), run('Yes'), run('X'), run('No'))], cols);
    // One with its labels elsewhere does not: it may come from another template.
    const other = table([four(run('Five?'), run('Yes'), run('X'), run('No'))], [5000, 800, 500, 800]);
    const doc = await parse(docx(boxFirst + para(run(ANSWER)) + trailing + para(run(ANSWER)) + bare + para(run(ANSWER)) + other));
    expect(options(doc).map((o) => [o.value, o.state])).toEqual([
      ['yes', 'unchecked'],
      ['no', 'checked'],
      ['yes', 'checked'],
      ['no', 'unchecked'],
      ['yes', 'checked'],
      ['no', 'unchecked'],
      ['no', 'checked'],
    ]);
    const alone = await parse(docx(bare));
    expect(options(alone).map((o) => [o.value, o.state])).toEqual([]);
  });

  it('takes no side for the table\'s boxes from an X typed in a wide cell after the last label', async () => {
    const cols = [5000, 500, 800, 500, 800, 3000];
    const r = rowIn(cols);
    // A row ticked Yes shows the boxes stand before their labels. Then "· Yes X No ·": the X between the labels, an
    // empty narrow cell before "Yes" and a wide comments cell after "No".
    const rows = [r(run('Zero?'), run('X'), run('Yes'), '', run('No'), ''), r(run('One?'), '', run('Yes'), run('X'), run('No'), ''), r(run('Two?'), '', run('Yes'), run('X'), run('No'), '')];
    const trailing = r(run('Three?'), '', run('Yes'), '', run('No'), run('X'));
    const doc = await parse(docx(table([...rows, trailing], cols)));
    const pairs = options(doc).map((o) => [o.value, o.state]);
    // Boxes before their labels, Yes's wider than No's, comments after: an X in Yes's box still shows the side.
    const widths = [5000, 1000, 800, 450, 800, 3000];
    const uneven = rowIn(widths);
    const boxFirst = await parse(docx(table([uneven(run('Four?'), run('X'), run('Yes'), '', run('No'), ''), uneven(run('Five?'), '', run('Yes'), run('X'), run('No'), '')], widths)));
    expect(options(boxFirst).map((o) => [o.value, o.state])).toEqual([
      ['yes', 'checked'],
      ['no', 'unchecked'],
      ['yes', 'unchecked'],
      ['no', 'checked'],
    ]);
    // The narrow empty cell before "Yes" is its box: each X between is No's.
    expect(pairs.slice(0, 6)).toEqual([
      ['yes', 'checked'],
      ['no', 'unchecked'],
      ['yes', 'unchecked'],
      ['no', 'checked'],
      ['yes', 'unchecked'],
      ['no', 'checked'],
    ]);
  });

  it('reads a block-level checkbox content control wrapping the paragraph in a cell', async () => {
    const sdt = (checked: boolean) =>
      `<w:sdt><w:sdtPr><w14:checkbox><w14:checked w14:val="${checked ? 1 : 0}"/></w14:checkbox></w:sdtPr><w:sdtContent>${para(run(checked ? '☒' : '☐'))}</w:sdtContent></w:sdt>`;
    const r = row([
      cell(para(run(Q)), { width: 5000 }),
      `<w:tc><w:tcPr><w:tcW w:w="500" w:type="dxa"/></w:tcPr>${sdt(true)}</w:tc>`,
      cell(para(run('Yes')), { width: 800 }),
      `<w:tc><w:tcPr><w:tcW w:w="500" w:type="dxa"/></w:tcPr>${sdt(false)}</w:tc>`,
      cell(para(run('No')), { width: 800 }),
    ]);
    const doc = await parse(docx(table([r], GRID)));
    expect(options(doc).map((o) => [o.value, o.state, o.source])).toEqual([
      ['yes', 'checked', 'content-control'],
      ['no', 'unchecked', 'content-control'],
    ]);
  });

  it('reads w:sym boxes in Wingdings, Wingdings 2 and Segoe UI Symbol, and Wingdings characters typed as text', async () => {
    const doc = await parse(
      docx(
        table(
          [
            questionRow(Q, symbolBox(true, 'Wingdings'), symbolBox(false, 'Wingdings')),
            row([cell(para(run(ANSWER)), { width: 7600, span: 5 })]),
            questionRow('Two?', symbolBox(false, 'Wingdings 2'), symbolBox(true, 'Wingdings 2')),
            questionRow('Three?', symbolBox(true, 'Segoe UI Symbol'), symbolBox(false, 'Segoe UI Symbol')),
            questionRow('Four?', run('\u00FE', { font: 'Wingdings' }), run('\u00A8', { font: 'Wingdings' })),
          ],
          GRID,
        ),
      ),
    );
    expect(options(doc)).toEqual([
      { value: 'yes', state: 'checked', source: 'symbol', detail: 'w:sym Wingdings F0FE' },
      { value: 'no', state: 'unchecked', source: 'symbol', detail: 'w:sym Wingdings F0A8' },
      { value: 'yes', state: 'unchecked', source: 'symbol', detail: 'w:sym Wingdings 2 F0A3' },
      { value: 'no', state: 'checked', source: 'symbol', detail: 'w:sym Wingdings 2 F054' },
      { value: 'yes', state: 'checked', source: 'symbol', detail: 'w:sym Segoe UI Symbol 2612' },
      { value: 'no', state: 'unchecked', source: 'symbol', detail: 'w:sym Segoe UI Symbol 2610' },
      { value: 'yes', state: 'checked', source: 'symbol', detail: 'Wingdings U+00FE' },
      { value: 'no', state: 'unchecked', source: 'symbol', detail: 'Wingdings U+00A8' },
    ]);
    expectOrder(doc);
  });

  it('reads typed ☒ ☐ ✓ glyphs beside labels in paragraphs', async () => {
    const doc = await parse(
      docx(
        para(run(Q)) +
          para(glyphBox(false) + run(' Yes     ') + glyphBox(true) + run(' No')) +
          para(run(ANSWER)) +
          para(run('Next question?\tYes ✓    No')),
      ),
    );
    expect(options(doc)).toEqual([
      { value: 'yes', state: 'unchecked', source: 'glyph', detail: 'U+2610' },
      { value: 'no', state: 'checked', source: 'glyph', detail: 'U+2612' },
      { value: 'yes', state: 'checked', source: 'glyph', detail: 'U+2713' },
      { value: 'no', state: null, source: null, detail: undefined },
    ]);
    expectOrder(doc);
  });

  it('reads an X or ✓ typed in the cell beside an option as a typed mark, the empty cell beside the other as unticked', async () => {
    const doc = await parse(
      docx(
        table([questionRow(Q, '', run('X', { bold: true })), questionRow('Two?', run('✓'), '')], GRID) +
          para(run(ANSWER)) +
          table([questionRow('Untouched?', '', '')], GRID),
      ),
    );
    expect(options(doc)).toEqual([
      { value: 'yes', state: 'unchecked', source: 'typed-mark', detail: 'empty cell' },
      { value: 'no', state: 'checked', source: 'typed-mark', detail: 'X' },
      { value: 'yes', state: 'checked', source: 'typed-mark', detail: '✓' },
      { value: 'no', state: 'unchecked', source: 'typed-mark', detail: 'empty cell' },
    ]);
    // The X cell is folded into the option, and a row with no marks keeps plain labels.
    expect(doc.blocks.some((b) => b.text === 'X')).toBe(false);
    const untouched = at(doc, 'Untouched?');
    expect(doc.blocks.slice(untouched + 1).map((b) => [b.kind, b.text])).toEqual([
      ['tableCell', 'Yes'],
      ['tableCell', 'No'],
    ]);
  });

  it('reads an X or tick typed under "Yes" and "No" column headings as that column\'s option', async () => {
    const cols = [5000, 800, 800, 3000];
    const r = rowIn(cols);
    const doc = await parse(
      docx(
        table(
          [
            r(run('Question'), run('Yes'), run('No'), run('Comments')),
            r(run(Q), run('X'), '', run(ANSWER)),
            r(run('Two?'), '', run('✓'), ''),
            r(run('Both?'), run('X'), run('X'), ''),
            r(run('Worded?'), run('Partly'), '', run('See the plan.')),
            r(run('Boxed?'), contentControlCheckbox(false), run('In progress'), ''),
            r(run('Later?'), '', run('X'), ''),
          ],
          cols,
        ),
      ),
    );
    expect(options(doc).map((o) => [o.value, o.state, o.source, o.detail])).toEqual([
      ['yes', 'checked', 'typed-mark', 'X'],
      ['no', 'checked', 'glyph', 'U+2713'],
      ['yes', 'checked', 'typed-mark', 'X'],
      ['no', 'checked', 'typed-mark', 'X'],
      [null, 'unchecked', 'content-control', 'w14:checked w14:val="0"'],
      ['no', 'checked', 'typed-mark', 'X'],
    ]);
    // Words in a heading column are the organisation's answer, not a row of answers in those columns; the rows
    // below them are still read.
    expect(doc.blocks.find((b) => b.text === 'Partly')?.kind).toBe('tableCell');
    expect(doc.blocks.find((b) => b.text === 'In progress')?.kind).toBe('tableCell');
    expect(doc.blocks.some((b) => b.text === 'X' || b.text === '✓')).toBe(false);
  });

  it('reads a checklist\'s box bullets (a list level printing ☐, ☑ or a Wingdings box) as the boxes of its options', async () => {
    const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
    const level = (text: string, font: string) =>
      `<w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="${text}"/><w:rPr><w:rFonts w:ascii="${font}" w:hAnsi="${font}"/></w:rPr></w:lvl>`;
    const numbering = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="${W}"><w:abstractNum w:abstractNumId="0">${level('\u2022', 'Arial')}</w:abstractNum><w:abstractNum w:abstractNumId="1">${level('\u2610', 'Segoe UI Symbol')}</w:abstractNum><w:abstractNum w:abstractNumId="2">${level('\uF0FE', 'Wingdings')}</w:abstractNum><w:abstractNum w:abstractNumId="3">${level('\uF0FC', 'Wingdings')}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num><w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num><w:num w:numId="4"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0">${level('\u2611', 'Segoe UI Symbol')}</w:lvlOverride></w:num><w:num w:numId="5"><w:abstractNumId w:val="3"/></w:num></w:numbering>`;
    const item = (numId: number, text: string) => `<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="${numId}"/></w:numPr></w:pPr>${run(text)}</w:p>`;
    const doc = await parse(
      docx(
        [
          para(run(Q)),
          item(2, 'Yes'),
          item(3, 'No'),
          para(run('Two?')),
          item(4, 'Yes'),
          item(2, 'No'),
          // Word's bullet library's tick, and a box bullet before a line with boxes of its own, are only bullets.
          para(run('Ticks?')),
          item(5, 'Yes'),
          item(5, 'No'),
          para(run('Own boxes?')),
          item(2, 'Yes \u2612 No \u2610'),
          para(run('Bulleted?')),
          item(1, 'Yes'),
          item(1, 'No'),
        ].join(''),
        {
          parts: [{ name: 'numbering.xml', xml: numbering, contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml' }],
        },
      ),
    );
    expect(options(doc).map((o) => [o.value, o.state, o.source, o.detail])).toEqual([
      ['yes', 'unchecked', 'glyph', 'list bullet U+2610'],
      ['no', 'checked', 'glyph', 'list bullet U+1F5F9'],
      ['yes', 'checked', 'glyph', 'list bullet U+2611'],
      ['no', 'unchecked', 'glyph', 'list bullet U+2610'],
      ['yes', 'checked', 'glyph', 'U+2612'],
      ['no', 'unchecked', 'glyph', 'U+2610'],
    ]);
    // A list of round bullets prints no box.
    expect(doc.blocks.slice(-2).map((b) => [b.kind, b.text])).toEqual([
      ['listItem', 'Yes'],
      ['listItem', 'No'],
    ]);
  });

  it('reads marks under "Yes" and "No" headings after a "No." heading over the question numbers, past a choice typed in a heading column', async () => {
    const cols = [600, 4400, 800, 800, 3000];
    const r = rowIn(cols);
    const doc = await parse(
      docx(
        table(
          [
            r(run('No.'), run('Question'), run('Yes'), run('No'), run('Comments')),
            r(run('1'), run(Q), run('X'), '', run(ANSWER)),
            r(run('2'), run('Typed?'), run('N/A'), '', ''),
            r(run('3'), run('Two?'), '', run('X'), ''),
          ],
          cols,
        ),
      ),
    );
    expect(options(doc).map((o) => [o.value, o.state, o.source])).toEqual([
      ['yes', 'checked', 'typed-mark'],
      ['no', 'checked', 'typed-mark'],
    ]);
    // The word typed in a heading column is the organisation's, left as it is.
    expect(doc.blocks.find((b) => b.text === 'N/A')?.kind).toBe('tableCell');
  });

  it('keeps a column headed "Yes/No" a heading, its cells\' letters text, not a row of options', async () => {
    const cols = [5000, 1200, 3000];
    const r = rowIn(cols);
    const doc = await parse(docx(table([r(run('Question'), run('Yes/No'), run('Comments')), r(run(Q), run('Y'), run('See the policy.'))], cols)));
    expect(options(doc)).toEqual([]);
    expect(doc.blocks.filter((b) => b.kind === 'tableCell').map((b) => b.text)).toEqual(['Question', 'Yes/No', 'Comments', Q, 'Y', 'See the policy.']);
  });

  it('stops reading under Yes/No headings at a row of the options the other way round', async () => {
    const cols = [5000, 800, 800, 3000];
    const r = rowIn(cols);
    const doc = await parse(
      docx(
        table(
          [r(run('Question'), run('Yes'), run('No'), run('Comments')), r(run(Q), run('X'), '', ''), r(run('Question'), run('No'), run('Yes'), run('Comments')), r(run('Two?'), run('X'), '', '')],
          cols,
        ),
      ),
    );
    expect(options(doc).map((o) => [o.value, o.state])).toEqual([['yes', 'checked']]);
  });

  it('stops reading under column headings at a row of other headings, and skips rows that cannot be lined up with them', async () => {
    const cols = [5000, 800, 800, 3000];
    const r = rowIn(cols);
    const answer = row([cell(para(run('Open?')), { width: 5000 }), cell(para(run(ANSWER)), { width: 4600, span: 3 })]);
    const doc = await parse(
      docx(
        table(
          [
            r(run('Question'), run('Yes'), run('No'), run('Comments')),
            answer,
            r(run(Q), '', run('X'), ''),
            // A row one cell short (its first cell merged from the row above) would shift every column.
            row([cell(para(run('Short?')), { width: 5000 }), cell(para(run('X')), { width: 800 }), cell(para(''), { width: 800 })]),
            r(run('Question'), run('Fully met'), run('Partly met'), run('Comments')),
            r(run('Graded?'), run('X'), '', ''),
          ],
          cols,
        ),
      ),
    );
    expect(options(doc).map((o) => [o.value, o.state])).toEqual([['no', 'checked']]);
  });

  it('reads marks in a table without headings under those of an earlier table of the same columns, and no other', async () => {
    const cols = [700, 4400, 800, 800, 2938];
    const tbl = (rows: string[][], grid = cols) => table(rows.map((cells) => row(cells.map((c, i) => cell(para(c), { width: grid[i]! })))), grid);
    const headed = tbl([
      [run('Ref'), run('Question'), run('Yes'), run('No'), run('Comments')],
      [run('1.1'), run('One?'), run('X'), '', ''],
    ]);
    const doc = await parse(
      docx(
        headed +
          para(run('Principle 2')) +
          tbl([
            [run('2.1'), run('Two?'), '', run('X'), run('Noted.')],
            [run('2.2'), run('Three?'), run('X'), '', ''],
          ]) +
          // The same number of columns, other widths: another table's columns, whatever they hold.
          tbl([[run('3.1'), run('Four?'), run('X'), '', '']], [700, 4400, 1600, 800, 2138]) +
          // Headings that end within a table (a row of other headings) do not reach the tables after it.
          tbl([[run('Ref'), run('Question'), run('Fully met'), run('Partly met'), run('Comments')]]) +
          tbl([[run('4.1'), run('Five?'), run('X'), '', '']]),
      ),
    );
    expect(options(doc).map((o) => [o.value, o.state, o.source])).toEqual([
      ['yes', 'checked', 'typed-mark'],
      ['no', 'checked', 'typed-mark'],
      ['yes', 'checked', 'typed-mark'],
    ]);
    expect(doc.blocks.filter((b) => b.text === 'X').map((b) => b.table)).toEqual([
      { row: 0, column: 2 },
      { row: 0, column: 2 },
    ]);
    // A row that only looks like headings (labels with their box beside them) has read no mark: it is not carried.
    const lookalike = await parse(docx(tbl([[run('5.1'), run('Six?'), run('Yes'), run('No'), run('X')]]) + tbl([[run('5.2'), run('Seven?'), run('X'), '', '']])));
    expect(lookalike.blocks.find((b) => b.text === 'X' && b.table?.column === 2)?.kind).toBe('tableCell');
  });

  it('keeps cells in their grid columns past cells merged from the row above (w:vMerge) and skipped columns (w:gridBefore, w:gridAfter)', async () => {
    const cols = [1300, 700, 2700, 750, 750, 3438];
    const merged = (content: string, width: number, how: 'restart' | 'continue') =>
      cell(para(content), { width }).replace('<w:tcPr>', how === 'restart' ? '<w:tcPr><w:vMerge w:val="restart"/>' : '<w:tcPr><w:vMerge/>');
    const cells = (first: string, rest: string[]) => row([first, ...rest.map((c, i) => cell(para(c), { width: cols[i + 1]! }))]);
    const skipping = (gridPr: string, rest: string[], from: number) =>
      `<w:tr><w:trPr>${gridPr}</w:trPr>${rest.map((c, i) => cell(para(c), { width: cols[i + from]! })).join('')}</w:tr>`;
    const doc = await parse(
      docx(
        table(
          [
            row(['Principle', 'Ref', 'Question', 'Yes', 'No', 'Comments'].map((t, i) => cell(para(run(t)), { width: cols[i]! }))),
            cells(merged(run('Principle 1'), 1300, 'restart'), [run('1.1'), run('One?'), run('X'), '', '']),
            cells(merged('', 1300, 'continue'), [run('1.2'), run('Two?'), '', run('X'), run('Noted.')]),
            skipping('<w:gridAfter w:val="1"/>', ['', run('1.3'), run('Three?'), run('X'), ''], 0),
            skipping('<w:gridBefore w:val="1"/>', [run('1.4'), run('Four?'), '', run('X'), ''], 1),
          ],
          cols,
        ),
      ),
    );
    expect(options(doc).map((o) => [o.value, o.state])).toEqual([
      ['yes', 'checked'],
      ['no', 'checked'],
      ['yes', 'checked'],
      ['no', 'checked'],
    ]);
    expect(doc.blocks.filter((b) => b.kind === 'option').map((b) => b.table)).toEqual([
      { row: 1, column: 3 },
      { row: 2, column: 4 },
      { row: 3, column: 3 },
      { row: 4, column: 4 },
    ]);

    // Yes and No under a heading spanning both, the other headings merged down beside them.
    const five = [650, 4700, 750, 750, 2788];
    const two = await parse(
      docx(
        table(
          [
            row([
              merged(run('Ref'), 650, 'restart'),
              merged(run('Question'), 4700, 'restart'),
              cell(para(run('Response')), { width: 1500, span: 2 }),
              merged(run('Comments'), 2788, 'restart'),
            ]),
            row([merged('', 650, 'continue'), merged('', 4700, 'continue'), cell(para(run('Yes')), { width: 750 }), cell(para(run('No')), { width: 750 }), merged('', 2788, 'continue')]),
            row(['1.1', 'One?', '', 'X', ''].map((t, i) => cell(para(t && run(t)), { width: five[i]! }))),
          ],
          five,
        ),
      ),
    );
    expect(options(two).map((o) => [o.value, o.state])).toEqual([['no', 'checked']]);

    // A cell merged from above is no box: "Yes | X | No" after it says no more than in the row above which label the X is beside.
    const g = [1000, 800, 500, 800];
    const labels = (first: string) => row([first, ...['Yes', 'X', 'No'].map((t, i) => cell(para(run(t)), { width: g[i + 1]! }))]);
    const pair = await parse(docx(table([labels(merged(run('Principle 1'), 1000, 'restart')), labels(merged('', 1000, 'continue'))], g)));
    expect(options(pair)).toEqual([]);
    // Marked as merged with no cell above it to merge into, a cell is read as it is.
    const stray = await parse(docx(table([row([merged(run('Kept text.'), 1000, 'continue'), cell(para(run('One?')), { width: 3000 })])], [1000, 3000])));
    expect(body(stray).map((b) => b.text)).toEqual(['Kept text.', 'One?']);
  });

  it('reads an X typed after a label in a paragraph', async () => {
    const doc = await parse(docx(para(run(Q)) + para(run('Yes     No X'))));
    expect(options(doc).map((o) => [o.value, o.state, o.source])).toEqual([
      ['yes', null, null],
      ['no', 'checked', 'typed-mark'],
    ]);
  });

  it('reads a struck-through option (w:strike, w:dstrike) as unticked and leaves the other as printed', async () => {
    const doc = await parse(
      docx(
        para(run(Q)) +
          para(run('Yes') + run('     ') + run('No', { strike: true })) +
          para(run(ANSWER)) +
          table([questionRow('Two?', '', '', [run('Yes', { dstrike: true }), run('No')])], GRID) +
          para(run('Three?  ') + run('Yes', { strike: true }) + run('/No')),
      ),
    );
    expect(options(doc)).toEqual([
      { value: 'yes', state: null, source: null, detail: undefined },
      { value: 'no', state: 'unchecked', source: 'struck-option', detail: 'w:strike' },
      { value: 'yes', state: 'unchecked', source: 'struck-option', detail: 'w:dstrike' },
      { value: 'yes', state: 'unchecked', source: 'struck-option', detail: 'w:strike' },
      { value: 'no', state: null, source: null, detail: undefined },
    ]);
    expectOrder(doc);
    expect(doc.blocks.find((b) => b.text === 'Three?')?.kind).toBe('paragraph');
    // A strike switched off, in any of the spellings OOXML allows, strikes nothing.
    for (const off of ['off', 'false', '0']) {
      const unstruck = await parse(docx(para(run(Q)) + para(run('Yes') + run('     ') + run('No').replace('<w:r>', `<w:r><w:rPr><w:strike w:val="${off}"/></w:rPr>`))));
      expect(options(unstruck).map((o) => o.source), off).toEqual([null, null]);
    }
  });

  it('reads a highlighted option (w:highlight) as chosen where the options have no boxes, and no other highlight', async () => {
    const doc = await parse(
      docx(
        para(run(Q)) +
          para(run('Yes     ') + run('No', { highlight: 'yellow' })) +
          table([questionRow('Two?', '', '', [run('Yes', { highlight: 'green' }), run('No')])], GRID) +
          // Highlighted beside boxes: the boxes say what was chosen. Highlighted words in an answer are no option.
          para(run('Three?  ') + run('Yes', { highlight: 'yellow' }) + run(' ☐  No ☒')) +
          para(run('The policy was ') + run('reviewed', { highlight: 'yellow' }) + run(' in May.')),
      ),
    );
    expect(options(doc)).toEqual([
      { value: 'yes', state: null, source: null, detail: undefined },
      { value: 'no', state: 'checked', source: 'highlight', detail: 'w:highlight yellow' },
      { value: 'yes', state: 'checked', source: 'highlight', detail: 'w:highlight green' },
      { value: 'yes', state: 'unchecked', source: 'glyph', detail: 'U+2610' },
      { value: 'no', state: 'checked', source: 'glyph', detail: 'U+2612' },
    ]);
    expect(doc.blocks.at(-1)!.text).toBe('The policy was reviewed in May.');
  });

  it('reads text shading (w:shd), as Google Docs saves a highlight, like a highlight, unless grey, the ground\'s colour or every label\'s', async () => {
    const shaded = (text: string, shd: string) => run(text).replace('<w:r>', `<w:r><w:rPr><w:shd ${shd}/></w:rPr>`);
    const yellow = 'w:val="clear" w:color="auto" w:fill="FFFF00"';
    const grey = 'w:val="clear" w:color="auto" w:fill="D9D9D9"';
    const blue = 'w:val="clear" w:color="auto" w:fill="DEEAF6"';
    const doc = await parse(
      docx(
        para(run(Q)) +
          para(run('Yes     ') + shaded('No', yellow)) +
          para(run('Two?')) +
          // The template's styling: both labels on a grey ground.
          para(shaded('Yes', grey) + run('     ') + shaded('No', grey)) +
          para(run('Three?')) +
          // White, automatic or no shading shows nothing.
          para(shaded('Yes', 'w:val="clear" w:color="auto" w:fill="FFFFFF"') + run('     ') + shaded('No', 'w:val="nil"') + run(' ') + shaded('N/A', 'w:val="clear" w:fill="auto"')) +
          para(run('Four?')) +
          // Grey is a template's styling; a solid pattern shows its own colour.
          para(shaded('Yes', 'w:val="solid" w:color="00FF00" w:fill="auto"') + run('     ') + shaded('No', grey)) +
          // Text shaded the colour of its cell, as text pasted into a shaded cell keeps it: no highlight.
          table([questionRow('Five?', '', '', [shaded('Yes', blue), run('No')])], GRID).replace('<w:tcPr>', `<w:tcPr><w:shd ${blue}/>`) +
          para(run('Six?')) +
          para(shaded('Yes', 'w:val="clear" w:fill="D9D9D9"') + run('     ') + run('No')),
      ),
    );
    expect(options(doc)).toEqual([
      { value: 'yes', state: null, source: null, detail: undefined },
      { value: 'no', state: 'checked', source: 'highlight', detail: 'w:shd FFFF00' },
      { value: 'yes', state: null, source: null, detail: undefined },
      { value: 'no', state: null, source: null, detail: undefined },
      { value: 'yes', state: null, source: null, detail: undefined },
      { value: 'no', state: null, source: null, detail: undefined },
      { value: 'na', state: null, source: null, detail: undefined },
      { value: 'yes', state: 'checked', source: 'highlight', detail: 'w:shd 00FF00' },
      { value: 'no', state: null, source: null, detail: undefined },
      // Five: labels in cells of their own, nothing marked, are no options.
      { value: 'yes', state: null, source: null, detail: undefined },
      { value: 'no', state: null, source: null, detail: undefined },
    ]);
  });

  it('reads nothing from a legacy text field still showing its default text, and what was typed over it', async () => {
    const textField = (...result: string[]) => defaulted('Enter details here', ...result);
    const defaulted = (value: string, ...result: string[]) =>
      `<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="Text1"/><w:enabled/><w:textInput><w:default w:val="${value}"/></w:textInput></w:ffData></w:fldChar></w:r>` +
      '<w:r><w:instrText xml:space="preserve"> FORMTEXT </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>' +
      result.map((t) => `<w:r><w:t xml:space="preserve">${t}</w:t></w:r>`).join('') +
      '<w:r><w:fldChar w:fldCharType="end"/></w:r>';
    const doc = await parse(
      docx(
        para(run(Q)) +
          para(textField('Enter details ', 'here')) +
          para(run('Two?')) +
          para(textField('Reviewed in May; see Enter details here.')) +
          // A default that is a value is what the form was left saying.
          para(run('Three?')) +
          para(defaulted('None received', 'None received')),
      ),
    );
    expect(body(doc).map((b) => b.text)).toEqual([Q, 'Two?', 'Reviewed in May; see Enter details here.', 'Three?', 'None received']);
  });

  it('reads nothing from a prompt left in the placeholder style after its content control was removed', async () => {
    const prompt = (text: string) => run(text, { style: 'PlaceholderText' });
    const doc = await parse(docx(para(run(Q)) + para(prompt('Click or tap here to enter text.')) + para(run('Two?')) + para(prompt('Reviewed in May.'))));
    expect(body(doc).map((b) => b.text)).toEqual([Q, 'Two?', 'Reviewed in May.']);
  });

  it('leaves out an answer struck through outside a line of options ("Yes – …"): withdrawn; other struck words stay', async () => {
    const doc = await parse(
      docx(
        para(run(Q)) +
          para(run('Yes – consulted residents through the parish newsletter in 2021.', { strike: true })) +
          para(run('Two?')) +
          para(run('Yes – the policy was reviewed in 2022.', { strike: true }) + run(' Under review.')) +
          // A question struck as not applicable is still the question, and its struck words stay.
          para(run('Do you use body worn cameras?', { strike: true })) +
          para(run('The council ') + run('always', { strike: true }) + run(' checks the signs.')),
      ),
    );
    expect(body(doc).map((b) => b.text)).toEqual([Q, 'Two?', 'Under review.', 'Do you use body worn cameras?', 'The council always checks the signs.']);
  });

  it('reads nothing from a struck label in a bulleted list, where the bullet may be a checklist box that strikes the item it ticks', async () => {
    const doc = await parse(docx(para(run(Q)) + para(run('Yes', { strike: true }), { list: 0 }) + para(run('No'), { list: 0 })));
    expect(options(doc)).toEqual([]);
    expect(body(doc).map((b) => b.text)).toEqual([Q, 'Yes', 'No']);
    // Both on one bulleted line: no checklist item, the struck one is left out.
    const both = await parse(docx(para(run(Q)) + para(run('Yes / ') + run('No', { strike: true }), { list: 0 })));
    expect(options(both).map((o) => [o.value, o.source])).toEqual([
      ['yes', null],
      ['no', 'struck-option'],
    ]);
  });

  it('reads nothing from a content control still showing its placeholder, but reads a checkbox control so marked', async () => {
    const control = (props: string, content: string) => `<w:sdt><w:sdtPr><w:id w:val="7"/>${props}</w:sdtPr><w:sdtContent>${content}</w:sdtContent></w:sdt>`;
    const prompt = (text: string) => run(text, { style: 'PlaceholderText' });
    const list = '<w:dropDownList><w:listItem w:displayText="Choose an item." w:value=""/><w:listItem w:displayText="Yes" w:value="Yes"/></w:dropDownList>';
    const doc = await parse(
      docx(
        table(
          [
            row([cell(para(run('One?')), { width: 5000 }), cell(para(control(`<w:showingPlcHdr/>${list}`, prompt('Choose an item.'))), { width: 1500 })]),
            row([cell(para(run('Two?')), { width: 5000 }), cell(control('<w:showingPlcHdr/>', para(prompt('Click or tap here to enter text.'))), { width: 1500 })]),
            row([cell(para(run('Three?')), { width: 5000 }), cell(para(control(`<w:showingPlcHdr w:val="0"/>${list}`, run('Yes'))), { width: 1500 })]),
            // Filled in by a program that left the flag set: what it shows is the answer, not a prompt.
            row([cell(para(run('Filled?')), { width: 5000 }), cell(para(control(`<w:showingPlcHdr/>${list}`, run('No'))), { width: 1500 })]),
          ],
          [5000, 1500],
        ) +
          para(run('Four?  Yes ') + contentControlCheckbox(true).replace('<w:sdtPr>', '<w:sdtPr><w:showingPlcHdr/>') + run(' No ') + contentControlCheckbox(false)),
      ),
    );
    expect(body(doc).map((b) => b.text)).toEqual(['One?', 'Two?', 'Three?', 'Yes', 'Filled?', 'No', 'Four?', 'Yes', 'No']);
    expect(options(doc).map((o) => [o.value, o.state])).toEqual([
      ['yes', 'checked'],
      ['no', 'unchecked'],
    ]);
    // The emptied control leaves its cell in place: the next cell keeps its column.
    expect(doc.blocks.find((b) => b.text === 'Yes')?.table).toEqual({ row: 2, column: 1 });
  });

  it('reads nothing hidden (w:vanish): runs, a checkbox control, a hidden row', async () => {
    const vanish = (xml: string) => xml.replace(/<w:r>(<w:rPr>)?/g, (_, pr: string | undefined) => (pr ? '<w:r><w:rPr><w:vanish/>' : '<w:r><w:rPr><w:vanish/></w:rPr>'));
    const doc = await parse(
      docx(
        para(run(Q)) +
          para(run('Yes ') + vanish(contentControlCheckbox(true)) + run(' No ') + contentControlCheckbox(false)) +
          para(run('Signs checked in March.') + vanish(run(' Yes - last year every sign was replaced.'))) +
          table([questionRow('Two?', contentControlCheckbox(false), contentControlCheckbox(false)), questionRow('Two?', contentControlCheckbox(true), contentControlCheckbox(false)).replace('<w:tr>', '<w:tr><w:trPr><w:hidden/></w:trPr>')], GRID),
      ),
    );
    expect(options(doc).map((o) => [o.value, o.state])).toEqual([
      ['yes', null],
      ['no', 'unchecked'],
      ['yes', 'unchecked'],
      ['no', 'unchecked'],
    ]);
    expect(body(doc).map((b) => b.text)).toContain('Signs checked in March.');
    expect(body(doc).map((b) => b.text).join(' ')).not.toMatch(/last year/);
  });

  it('reads nothing a style hides: a character style, a paragraph style, one based on a hidden one; a run may show itself', async () => {
    const { unzipSync, strFromU8 } = await import('fflate');
    const styles = [
      '<w:style w:type="character" w:styleId="Note"><w:name w:val="Note"/><w:rPr><w:vanish/></w:rPr></w:style>',
      '<w:style w:type="paragraph" w:styleId="Guide"><w:name w:val="Guide"/><w:rPr><w:vanish/><w:i/></w:rPr></w:style>',
      '<w:style w:type="paragraph" w:styleId="Example"><w:name w:val="Example"/><w:basedOn w:val="Guide"/></w:style>',
    ].join('');
    const styled = (xml: string, style: string) => xml.replace('<w:p>', `<w:p><w:pPr><w:pStyle w:val="${style}"/></w:pPr>`);
    const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
    // A worked example as a checklist, its bullet a ticked box: hidden with its paragraph.
    const numbering = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="${W}"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="\u2611"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`;
    const example =
      `<w:p><w:pPr><w:pStyle w:val="Example"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>${run('Yes')}</w:p>` +
      // The same hidden by direct formatting, its paragraph mark with it.
      `<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr><w:rPr><w:vanish/></w:rPr></w:pPr><w:r><w:rPr><w:vanish/></w:rPr><w:t>No</w:t></w:r></w:p>`;
    const files = unzipSync(
      docx(
        para(run(Q)) +
          example +
          styled(para(run('Guidance: say Yes where the DPIA is signed off.')), 'Guide') +
          styled(para(run('Example: Yes - signed off by the DPO.')), 'Example') +
          para(run('Response: ') + run('Yes').replace('<w:r>', '<w:r><w:rPr><w:rStyle w:val="Note"/></w:rPr>')) +
          styled(para(run('Shown: ') + run('reviewed in May.').replace('<w:r>', '<w:r><w:rPr><w:vanish w:val="0"/></w:rPr>')), 'Guide'),
        { parts: [{ name: 'numbering.xml', xml: numbering, contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml' }] },
      ),
    );
    files['word/styles.xml'] = strToU8(strFromU8(files['word/styles.xml']!).replace('</w:styles>', `${styles}</w:styles>`));
    const doc = await parse(zipSync(files));
    expect(body(doc).map((b) => b.text)).toEqual([Q, 'Response:', 'reviewed in May.']);
    expect(options(doc)).toEqual([]);
  });

  it('reads box characters printed in a symbol font set for characters past ASCII alone, or by a character style', async () => {
    const styles =
      '<w:style w:type="character" w:styleId="Boxes"><w:name w:val="Boxes"/><w:rPr><w:rFonts w:ascii="Wingdings" w:hAnsi="Wingdings"/></w:rPr></w:style>' +
      '<w:style w:type="character" w:styleId="TickBoxes"><w:name w:val="Tick boxes"/><w:basedOn w:val="Boxes"/><w:rPr><w:color w:val="0000FF"/></w:rPr></w:style>';
    // "þ" (a ticked box in Wingdings) and "¨" (an empty one) take the w:hAnsi font; "Yes" and "No" the w:ascii one.
    const hAnsi = (text: string) => `<w:r><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Wingdings"/></w:rPr><w:t xml:space="preserve">${text}</w:t></w:r>`;
    const styled = (text: string) => `<w:r><w:rPr><w:rStyle w:val="TickBoxes"/></w:rPr><w:t>${text}</w:t></w:r>`;
    const { unzipSync, zipSync, strFromU8, strToU8 } = await import('fflate');
    const files = unzipSync(docx(para(run(Q)) + para(hAnsi('þ Yes ¨ No')) + para(run('Two?')) + para(styled('¨') + run(' Yes ') + styled('þ') + run(' No'))));
    files['word/styles.xml'] = strToU8(strFromU8(files['word/styles.xml']!).replace('</w:styles>', `${styles}</w:styles>`));
    const doc = await parse(zipSync(files));
    expect(options(doc).map((o) => [o.value, o.state, o.source])).toEqual([
      ['yes', 'checked', 'symbol'],
      ['no', 'unchecked', 'symbol'],
      ['yes', 'unchecked', 'symbol'],
      ['no', 'checked', 'symbol'],
    ]);
  });

  it('leaves the option left after the other was deleted as a plain block', async () => {
    const doc = await parse(docx(table([questionRow(Q, '', '', [run('Yes'), '']), questionRow('Two?', '', '', [deletedRun('Yes', 1), run('No')])], GRID)));
    expect(options(doc)).toEqual([]);
    expect(body(doc).map((b) => b.text)).toEqual([Q, 'Yes', 'Two?', 'No']);
  });
});

/* ------------------------------------------------- editing artefacts -- */

describe('docx tracked changes, comments, headers, text boxes, pages', () => {
  it('takes tracked changes as accepted: insertions kept, deletions and deleted paragraphs dropped', async () => {
    const doc = await parse(
      docx(
        para(run(Q)) +
          para(deletedRun('Old answer that was withdrawn.', 1), { deletedMark: true }) +
          para(run('Footage is kept for ') + deletedRun('28', 2) + insertedRuns(run('31'), 3) + run(' days.')) +
          table([`<w:tr><w:trPr><w:del w:id="4" w:author="A" w:date="2023-01-01T00:00:00Z"/></w:trPr>${cell(para(run('Deleted row text')), { width: 9000 })}</w:tr>`, row([cell(para(run('Kept row')), { width: 9000 })])], [9000]),
      ),
    );
    expect(body(doc).map((b) => b.text)).toEqual([Q, 'Footage is kept for 31 days.', 'Kept row']);
    expect(doc.diagnostics.map((d) => d.code)).toContain('docx-tracked-changes');
  });

  it('never reads comments, and reads headers and footers only as furniture', async () => {
    const comments = xmlPart(
      'w:comments',
      '<w:comment w:id="0" w:author="R" w:date="2023-01-01T00:00:00Z"><w:p><w:r><w:annotationRef/></w:r><w:r><w:t>Check this with legal services</w:t></w:r></w:p></w:comment>',
    );
    const doc = await parse(
      docx(
        para(run(Q)) +
          para('<w:commentRangeStart w:id="0"/>' + run(ANSWER) + '<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>'),
        {
          parts: [
            { name: 'comments.xml', contentType: COMMENTS_CT, xml: comments },
            { name: 'header1.xml', contentType: HEADER_CT, xml: xmlPart('w:hdr', para(run('OFFICIAL SENSITIVE'))) },
            { name: 'footer1.xml', contentType: FOOTER_CT, xml: xmlPart('w:ftr', para(run('Page ') + '<w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>')) },
          ],
          relationships: [
            { id: 'rIdC', type: REL.comments, target: 'comments.xml' },
            { id: 'rIdH', type: REL.header, target: 'header1.xml' },
            { id: 'rIdF', type: REL.footer, target: 'footer1.xml' },
          ],
          sectPr: '<w:sectPr><w:headerReference w:type="default" r:id="rIdH"/><w:footerReference w:type="default" r:id="rIdF"/></w:sectPr>',
        },
      ),
    );
    expect(body(doc).map((b) => b.text)).toEqual([Q, ANSWER]);
    expect(doc.blocks.some((b) => b.text.includes('legal services'))).toBe(false);
    const furniture = doc.blocks.filter((b) => b.furniture).map((b) => b.text);
    expect(furniture).toEqual(['OFFICIAL SENSITIVE', 'Page 1']);
    expect(doc.blocks[0]!.text).toBe('OFFICIAL SENSITIVE');
  });

  it('reads text boxes where they are anchored, once, with or without a VML fallback', async () => {
    const box = (text: string) => `<w:txbxContent>${para(run(text))}</w:txbxContent>`;
    // Anchored as Word anchors a text box: its offsets are numbers in the drawing, not text.
    const drawing = (text: string) =>
      `<w:drawing><wp:anchor><wp:positionH relativeFrom="column"><wp:posOffset>1828800</wp:posOffset></wp:positionH><wp:docPr id="1" name="t"/><a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:txbx>${box(text)}</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>`;
    const noFallback = `<w:r><mc:AlternateContent><mc:Choice Requires="wps">${drawing('Box without fallback')}</mc:Choice></mc:AlternateContent></w:r>`;
    const withFallback =
      `<w:r><mc:AlternateContent><mc:Choice Requires="wps">${drawing('Box with fallback')}</mc:Choice>` +
      `<mc:Fallback><w:pict><v:shape><v:textbox>${box('Box with fallback')}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>`;
    // A filler that edits one copy leaves the other stale, or empty: Word shows the DrawingML copy.
    const alternate = (shown: string, fallback: string) =>
      `<w:r><mc:AlternateContent><mc:Choice Requires="wps">${shown ? drawing(shown) : drawing('').replace(/<w:p>.*<\/w:p>/, '<w:p/>')}</mc:Choice>` +
      `<mc:Fallback><w:pict><v:shape><v:textbox>${fallback ? box(fallback) : '<w:txbxContent><w:p/></w:txbxContent>'}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>`;
    const doc = await parse(
      docx(
        para(run('Action Plan')) +
          para(noFallback) +
          para(run('Between')) +
          para(alternate('Box with fallback', 'Box with fallback')) +
          para(alternate('☐ Yes ☒ No', '☒ Yes ☐ No')) +
          para(alternate('Filled in', '')) +
          para(alternate('', 'Only in the fallback')) +
          para(run('After')),
      ),
    );
    expect(body(doc).map((b) => b.text)).toEqual(['Action Plan', 'Box without fallback', 'Between', 'Box with fallback', 'Yes', 'No', 'Filled in', 'Only in the fallback', 'After']);
    expect(body(doc).flatMap((b) => (b.option ? [`${b.option.value}:${b.option.mark?.state}`] : []))).toEqual(['yes:unchecked', 'no:checked']);
  });

  it('counts pages from explicit and rendered page breaks without counting a break twice', async () => {
    const doc = await parse(
      docx(
        para(run('Page one')) +
          para(run('Still one') + PAGE_BREAK) +
          para(RENDERED_PAGE_BREAK + run('Page two')) +
          para(RENDERED_PAGE_BREAK + run('Page three')) +
          para(run('Page four'), { pageBreakBefore: true }),
      ),
    );
    expect(body(doc).map((b) => [b.text, b.provenance.page])).toEqual([
      ['Page one', 1],
      ['Still one', 1],
      ['Page two', 2],
      ['Page three', 3],
      ['Page four', 4],
    ]);
    expect(doc.pages).toBe(4);
    expect(body(doc).map((b) => b.provenance.line)).toEqual([1, 2, 3, 4, 5]);
  });

  it('reads a document whose pictures point at relationships that are gone (a logo stripped by a redaction tool)', async () => {
    const picture =
      '<w:r><w:drawing><wp:inline><wp:docPr id="1" name="Logo"/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:blipFill><a:blip r:embed="rId99"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>';
    const vml = '<w:r><w:pict><v:shape><v:imagedata r:id="rId98" o:title="Crest"/></v:shape></w:pict></w:r>';
    const doc = await parse(docx(para(picture + run('Westbrook Borough Council')) + para(vml + run('Principle 1'))));
    expect(doc.blocks.map((b) => b.text)).toEqual(['Westbrook Borough Council', 'Principle 1']);
  });

  it('drops optional hyphens and reads non-breaking ones as hyphens', async () => {
    const doc = await parse(docx(para('<w:r><w:t>The pro</w:t><w:softHyphen/><w:t>cedures were re</w:t><w:noBreakHyphen/><w:t>approved on 28</w:t><w:noBreakHyphen/><w:t>01</w:t><w:noBreakHyphen/><w:t>2025.</w:t></w:r>')));
    expect(doc.blocks.map((b) => b.text)).toEqual(['The procedures were re-approved on 28-01-2025.']);
  });

  it('says where part of the document is kept in another format (w:altChunk), which is not read', async () => {
    const chunk = { name: 'part1.htm', contentType: 'text/html', xml: '<html><body><p>Principle 3</p></body></html>' };
    const bytes = docx(para(run('Principle 1')) + '<w:altChunk r:id="rIdA"/>', { parts: [chunk], relationships: [{ id: 'rIdA', type: REL.aFChunk, target: 'part1.htm' }] });
    const doc = await parse(bytes);
    expect(doc.blocks.map((b) => b.text)).toEqual(['Principle 1']);
    expect(doc.diagnostics.map((d) => d.code)).toContain('docx-alt-chunk');
    // Where no form is found, the error says so too.
    const error = await extract(bytes, { path: 'form.docx' }).catch((e: unknown) => e as ExtractError);
    expect(error).toMatchObject({ code: 'not-self-assessment', message: expect.stringMatching(/kept in another format \(w:altChunk/) });
  });

  it('gives headings, list items and hyperlinks their place', async () => {
    const doc = await parse(
      docx(
        para(run('Principle 1'), { style: 'Heading1' }) +
          para(run('Our objectives:')) +
          para(run('Deter crime'), { style: 'ListParagraph', list: 0 }) +
          para(run('See ') + '<w:hyperlink r:id="rIdL"><w:r><w:t>https://example.gov.uk/cctv</w:t></w:r></w:hyperlink>' + run(' for details.')),
        { relationships: [{ id: 'rIdL', type: REL.hyperlink, target: 'https://example.gov.uk/cctv', external: true }] },
      ),
    );
    expect(doc.blocks.map((b) => [b.kind, b.text, b.level])).toEqual([
      ['heading', 'Principle 1', 1],
      ['paragraph', 'Our objectives:', undefined],
      ['listItem', 'Deter crime', undefined],
      ['paragraph', 'See https://example.gov.uk/cctv for details.', undefined],
    ]);
    expect(doc.pages).toBeUndefined();
    expect(doc.format).toBe('docx');
  });
});

/* ------------------------------------------------------ corpus cases -- */

/** What the boxes of each rendered question say, read naively from the blocks after its printed question. */
function choicesAfterQuestions(doc: NormalisedDocument, spec: (typeof DOCX_CASES)[number]['spec']): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const questions = QUESTIONS.filter((q) => q.type !== 'open');
  for (const q of questions) {
    const wording = printedWording(spec, q);
    const i = doc.blocks.findIndex((b) => b.text.endsWith(wording) || b.text.endsWith(wording.slice(0, 60)) || b.text.includes(wording));
    expect(i, `${q.id} printed`).toBeGreaterThanOrEqual(0);
    const found: string[] = [];
    for (let j = i + 1; j < doc.blocks.length && doc.blocks[j]!.kind === 'option'; j++) {
      const o = doc.blocks[j]!.option!;
      if (o.mark?.state === 'checked') found.push(o.value!);
      else if (!o.mark) found.push(`${o.value}?`);
    }
    out.set(q.id, found);
  }
  return out;
}

const MARKED: BoxEncoding[] = ['form-field', 'form-field-default', 'content-control', 'symbol-wingdings', 'symbol-wingdings2', 'symbol-segoe', 'glyph', 'typed-mark', 'typed-tick'];
const SOURCE: Record<string, string> = {
  'form-field': 'form-field',
  'form-field-default': 'form-field',
  'content-control': 'content-control',
  'symbol-wingdings': 'symbol',
  'symbol-wingdings2': 'symbol',
  'symbol-segoe': 'symbol',
  glyph: 'glyph',
  'typed-mark': 'typed-mark',
  'typed-tick': 'typed-mark',
};

describe('docx corpus cases', () => {
  for (const c of DOCX_CASES) {
    it(`${c.name}: every ticked box is read, after its question, from the encoding it was written in`, async () => {
      const bytes = renderDocx(c.spec);
      expect(bytes.length).toBeLessThan(40_000);
      const doc = await parse(bytes, { name: c.name });
      const found = choicesAfterQuestions(doc, c.spec);
      for (const q of QUESTIONS.filter((x) => x.type !== 'open')) {
        const encoding = c.spec.docx.boxesFor?.[q.id] ?? c.spec.docx.boxes;
        const ticked = c.spec.answers[q.id]?.ticked ?? 'none';
        const got = found.get(q.id)!;
        if (MARKED.includes(encoding)) {
          const want = ticked === 'both' ? ['yes', 'no'] : ticked === 'none' ? [] : [ticked];
          // Paragraph-layout typed marks leave the other label without a box.
          expect(got.filter((v) => !v.endsWith('?')), `${c.name} ${q.id}`).toEqual(want);
          const i = doc.blocks.findIndex((b) => b.text.includes(printedWording(c.spec, q)));
          const mark = doc.blocks.slice(i + 1).find((b) => b.option?.mark)?.option?.mark;
          if (ticked !== 'none' || !encoding.startsWith('typed')) expect(mark?.source, `${c.name} ${q.id}`).toBe(SOURCE[encoding]);
        } else if (encoding.startsWith('struck')) {
          const left = got.filter((v) => v.endsWith('?')).map((v) => v.slice(0, -1));
          expect(left, `${c.name} ${q.id}`).toEqual(ticked === 'none' ? ['yes', 'no'] : [ticked]);
        } else {
          // Deleted: no option blocks, the label left follows the question.
          expect(got, `${c.name} ${q.id}`).toEqual([]);
        }
      }
      // Nothing from comments, deletions or headers becomes body text.
      const text = body(doc).map((b) => b.text).join('\n');
      expect(text).not.toMatch(/withdrawn|struck out by the reviewer|Draft: |legal services|after the upgrade|Add dates|OFFICIAL –|Version 2\.1/);
    });
  }

  it('reads answer text, lists and links across page breaks in reading order', async () => {
    const c = DOCX_CASES.find((x) => x.name === 'paragraph-long-answers')!;
    const doc = await parse(renderDocx(c.spec));
    const lines = c.spec.answers['P1.1']!.text!.split('\n');
    const start = doc.blocks.findIndex((b) => b.text === lines[0]);
    expect(start).toBeGreaterThan(0);
    expect(doc.blocks.slice(start, start + lines.length).map((b) => [b.kind, b.text])).toEqual(
      lines.map((l, i) => [i > 0 && !/[.!?:]$/.test(l) ? 'listItem' : 'paragraph', l]),
    );
    const pages = doc.blocks.slice(start, start + lines.length).map((b) => b.provenance.page!);
    expect(pages[pages.length - 1]).toBe(pages[0]! + 1);
    expect(doc.pages).toBeGreaterThan(12);
  });

  it('reads action plans from text boxes and headers as furniture', async () => {
    const c = DOCX_CASES.find((x) => x.name === 'header-footer-textbox')!;
    const doc = await parse(renderDocx(c.spec));
    const plan = doc.blocks.findIndex((b) => b.text === c.spec.actionPlans[3]);
    const heading = doc.blocks.findIndex((b, i) => b.text === 'Action Plan' && i < plan);
    expect(plan).toBeGreaterThan(heading);
    expect(doc.blocks[plan + 1]!.text).toBe('Principle 4');
    expect(doc.blocks.filter((b) => b.furniture).map((b) => b.text)).toEqual([c.spec.docx.header, `${c.spec.docx.footer} Page 1`]);
  });
});

/* --------------------------------------------------------- bad input -- */

function zipWith(files: Record<string, string | Uint8Array>, level: 0 | 9 = 9): Uint8Array {
  const out: Record<string, Uint8Array> = {};
  for (const [k, v] of Object.entries(files)) out[k] = typeof v === 'string' ? strToU8(v) : v;
  return zipSync(out, { level });
}

/** Rewrites the uncompressed size a zip declares for every entry. */
function lieAboutSizes(zip: Uint8Array, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let i = 0; i + 4 <= out.length; i++) {
    const sig = view.getUint32(i, true);
    if (sig === 0x04034b50) view.setUint32(i + 22, size, true);
    if (sig === 0x02014b50) view.setUint32(i + 24, size, true);
  }
  return out;
}

describe('docx bad input', () => {
  const good = docx(para(run('Hello')));

  it('rejects bytes that are not a zip', async () => {
    const e = await errorOf(strToU8('Name of organisation: this is plain text, not a Word file'));
    expect(e.code).toBe('corrupt');
    expect(e.message).toMatch(/not a zip/);
  });

  it('rejects a zip without word/document.xml', async () => {
    const e = await errorOf(zipWith({ 'hello.txt': 'hi', '[Content_Types].xml': '<Types/>' }));
    expect(e.code).toBe('corrupt');
    expect(e.message).toMatch(/word\/document\.xml/);
    expect(e.message).toMatch(/not a Word document/);
  });

  it('says what another office suite\'s file is: OpenDocument, Excel, PowerPoint', async () => {
    const odt = await errorOf(zipWith({ mimetype: 'application/vnd.oasis.opendocument.text', 'content.xml': '<office:document-content/>' }));
    expect([odt.code, odt.message]).toEqual(['unsupported-format', 'an OpenDocument text (.odt), not a Word document; save it as .docx or PDF']);
    const rels = (target: string) =>
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="${target}"/></Relationships>`;
    const xlsx = await errorOf(zipWith({ '_rels/.rels': rels('xl/workbook.xml'), 'xl/workbook.xml': '<workbook/>' }));
    expect([xlsx.code, xlsx.message]).toEqual(['unsupported-format', 'an Excel workbook, not a Word document; save it as .docx or PDF']);
    const pptx = await errorOf(zipWith({ '_rels/.rels': rels('ppt/presentation.xml'), 'ppt/presentation.xml': '<presentation/>' }));
    expect(pptx.message).toBe('a PowerPoint presentation, not a Word document; save it as .docx or PDF');
  });

  it('rejects a password-protected (OLE) document as encrypted or legacy .doc', async () => {
    const ole = new Uint8Array(2048);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    ole.set(Buffer.from('EncryptionInfo', 'utf16le'), 1024);
    const e = await errorOf(ole);
    expect(e.code).toBe('encrypted');
    expect(e.message).toMatch(/password-protected/);
    expect(e.message).toMatch(/encrypted or legacy \.doc/);
    const plain = new Uint8Array(2048);
    plain.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const e2 = await errorOf(plain);
    expect(e2.message).toMatch(/encrypted or legacy \.doc/);
  });

  it('stops a zip bomb at the decompression limit, by declared size and while inflating', async () => {
    const huge = new Uint8Array(8 * 1024 * 1024).fill(0x20);
    const bomb = zipWith({ 'word/document.xml': huge });
    expect(bomb.length).toBeLessThan(64 * 1024);
    const limits = { limits: { maxDecompressedBytes: 1024 * 1024 } };
    const declared = await errorOf(bomb, limits);
    expect(declared.code).toBe('too-large');
    expect(declared.message).toMatch(/decompression limit/);
    // A zip that lies about its sizes is caught by counting the bytes as they come out.
    const liar = await errorOf(lieAboutSizes(bomb, 100), limits);
    expect(liar.code).toBe('too-large');
    // The same document under the default limit is not too large (it is just not XML with a body).
    const fine = await errorOf(bomb);
    expect(fine.code).toBe('corrupt');
  });

  it('rejects malformed XML with the part and line', async () => {
    const broken = zipWith({
      'word/document.xml': `<?xml version="1.0"?>\n<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>\n<w:p><w:r><w:t>unclosed</w:r></w:p></w:body></w:document>`,
    });
    const e = await errorOf(broken);
    expect(e.code).toBe('corrupt');
    expect(e.message).toMatch(/word\/document\.xml is not well-formed XML/);
    expect(e.message).toMatch(/line 3/);
  });

  it('refuses DTDs (no entity-expansion bombs)', async () => {
    const lol = zipWith({
      'word/document.xml': '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>',
    });
    const e = await errorOf(lol);
    expect(e.code).toBe('corrupt');
    expect(e.message).toMatch(/document type/);
  });

  it('rejects a truncated zip and damaged compressed data', async () => {
    const truncated = await errorOf(good.subarray(0, good.length - 30));
    expect(truncated.code).toBe('corrupt');
    const damaged = good.slice();
    // Overwrite the middle of the compressed document.xml data.
    const start = Buffer.from(damaged).indexOf('word/document.xml') + 40;
    damaged.fill(0xff, start, start + 200);
    const e = await errorOf(damaged);
    expect(e.code).toBe('corrupt');
  });

  it('refuses elements nested too deep to walk as corrupt, wherever the walk runs out', async () => {
    const deep = (open: string, close: string, inner: string) => `${open.repeat(20_000)}${inner}${close.repeat(20_000)}`;
    const controls = await errorOf(docx(deep('<w:sdt><w:sdtContent>', '</w:sdtContent></w:sdt>', para(run('Hello')))));
    const tables = await errorOf(docx(deep('<w:tbl><w:tr><w:tc>', '</w:tc></w:tr></w:tbl>', para(run('Hello')))));
    for (const e of [controls, tables]) {
      expect(e.code).toBe('corrupt');
      expect(e.message).toMatch(/^nesting too deep: /);
    }
  });

  it('rejects input over the size limit and honours an aborted signal', async () => {
    expect((await errorOf(good, { limits: { maxInputBytes: 100 } })).code).toBe('too-large');
    const controller = new AbortController();
    controller.abort();
    expect((await errorOf(good, { signal: controller.signal })).code).toBe('timeout');
  });
});

/* ---------------------------------------------------------- xml parser -- */

describe('docx xml parser', () => {
  const require = createRequire(import.meta.url);
  const mammothXml = require('mammoth/lib/xml/reader.js') as { readString(xml: string, ns: Record<string, string>): Promise<XmlNode> };
  const NS = {
    'http://schemas.openxmlformats.org/wordprocessingml/2006/main': 'w',
    'http://schemas.openxmlformats.org/officeDocument/2006/relationships': 'r',
    'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing': 'wp',
    'http://schemas.openxmlformats.org/drawingml/2006/main': 'a',
    'http://schemas.openxmlformats.org/package/2006/relationships': 'relationships',
    'http://schemas.openxmlformats.org/markup-compatibility/2006': 'mc',
    'urn:schemas-microsoft-com:vml': 'v',
    'http://schemas.microsoft.com/office/word/2010/wordml': 'wordml',
    'http://schemas.microsoft.com/office/word/2010/wordprocessingShape': 'wps',
  };
  const plain = (n: XmlNode): unknown =>
    n.type === 'text'
      ? n.value
      : {
          name: n.name,
          attributes: Object.fromEntries(Object.entries(n.attributes).filter(([k]) => !k.startsWith('{http://www.w3.org/2000/xmlns/}'))),
          children: n.children.map(plain),
        };

  it('builds the same tree as mammoth’s xmldom reader', async () => {
    const { unzipSync, strFromU8 } = await import('fflate');
    for (const c of [DOCX_CASES[0]!, DOCX_CASES[10]!, DOCX_CASES[11]!]) {
      const files = unzipSync(renderDocx(c.spec));
      for (const part of ['word/document.xml', 'word/styles.xml', 'word/_rels/document.xml.rels']) {
        const xml = strFromU8(files[part]!);
        expect(plain(parseXml(xml))).toEqual(plain(await mammothXml.readString(xml, NS)));
      }
    }
    const tricky = `<root xmlns="urn:x" xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:t xml:space="preserve"> a &amp; b &#x263A; </w:t><inner xmlns:w="urn:other"><w:t/></inner></root>`;
    expect(plain(parseXml(tricky))).toEqual(plain(await mammothXml.readString(tricky, NS)));
    // CDATA is kept as text (mammoth's reader drops it).
    expect(plain(parseXml('<a>x <![CDATA[<raw>]]></a>'))).toEqual({ name: 'a', attributes: {}, children: ['x <raw>'] });
  });

  it('rejects what is not well-formed', () => {
    for (const bad of ['<a><b></a>', '<a>', '<a x=1/>', '<a>&nope;</a>', '<a/><b/>', 'text<a/>', '<p:a/>']) {
      expect(() => parseXml(bad), bad).toThrow();
    }
  });
});
