import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { deflateSync } from 'node:zlib';
import { PDFDocument, PDFName, StandardFonts, concatTransformationMatrix, degrees, popGraphicsState, pushGraphicsState, type PDFPage } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { pdfCases, type PdfCase } from '../corpus/build/build-pdf-cases.js';
import { renderPdf } from '../corpus/build/pdf.js';
import { expectedFromSpec, printedNumber, printedWording, sampleSpec, type CaseSpec } from '../corpus/build/spec.js';
import { lastStats, parse } from '../parsers/pdf/index.js';
import { normaliseText, readPageText } from '../parsers/pdf/text.js';
import { PRINCIPLES, QUESTIONS, TEMPLATE_GUIDANCE, type Question } from '../src/catalogue.js';
import type { Block, NormalisedDocument } from '../src/document.js';
import { ExtractError } from '../src/errors.js';
import { CORPUS, input, a4, questionRow, show } from './pdf-fixtures.js';

const DIST = fileURLToPath(new URL('../dist', import.meta.url));

const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
const CASES = new Map(pdfCases().map((c) => [c.name, c]));
const GUIDANCE = new Set(TEMPLATE_GUIDANCE.map(norm));

function label(spec: CaseSpec, q: Question): string {
  const n = printedNumber(spec, q);
  const w = printedWording(spec, q);
  return norm(n === null ? w : `${n}. ${w}`);
}

interface Located {
  question: Block;
  options: Block[];
  answer: string;
}

/**
 * Reads the parser's blocks the way the template is laid out: each question's
 * block, the option blocks straight after it, then its answer paragraphs up to
 * the next question or the Action Plan. Fails the test when a question is not
 * found as one block.
 */
function locate(doc: NormalisedDocument, spec: CaseSpec): { questions: Map<string, Located>; actionPlans: Map<number, string> } {
  const blocks = doc.blocks.filter((b) => !b.furniture);
  const labels = QUESTIONS.map((q) => label(spec, q));
  const questions = new Map<string, Located>();
  const actionPlans = new Map<number, string>();
  let i = 0;
  const isStop = (b: Block) => b.kind === 'heading' || norm(b.text) === 'Action Plan' || labels.includes(norm(b.text));
  const collect = (from: number): [string, number] => {
    const texts: string[] = [];
    let j = from;
    for (; j < blocks.length && !isStop(blocks[j]!); j++) if (!GUIDANCE.has(norm(blocks[j]!.text))) texts.push(blocks[j]!.text);
    return [norm(texts.join(' ')), j];
  };
  for (const p of PRINCIPLES) {
    for (const q of QUESTIONS.filter((x) => x.principle === p.number)) {
      const want = label(spec, q);
      const at = blocks.findIndex((b, k) => k >= i && b.kind !== 'option' && norm(b.text) === want);
      if (at < 0) throw new Error(`${q.id}: no block reads "${want.slice(0, 60)}…"`);
      let j = at + 1;
      const options: Block[] = [];
      while (blocks[j]?.kind === 'option') options.push(blocks[j++]!);
      const [answer, next] = collect(j);
      questions.set(q.id, { question: blocks[at]!, options, answer });
      i = next;
    }
    expect(norm(blocks[i]?.text), `Action Plan of principle ${p.number}`).toBe('Action Plan');
    const [plan, next] = collect(i + 1);
    actionPlans.set(p.number, plan);
    i = next;
  }
  return { questions, actionPlans };
}

const parsed = new Map<string, NormalisedDocument>();
async function doc(name: string): Promise<NormalisedDocument> {
  if (!parsed.has(name)) parsed.set(name, await parse(input(name), { name }));
  return parsed.get(name)!;
}

/** What each style leaves as the mark of a ticked and an unticked box. */
function expectedMark(c: PdfCase, checked: boolean): { state: string; source: string; detail?: RegExp } | null {
  switch (c.style.marks) {
    case 'vector-cross':
      return checked ? { state: 'checked', source: 'vector', detail: /cross/ } : { state: 'unchecked', source: 'vector', detail: /empty/ };
    case 'vector-tick':
      return checked ? { state: 'checked', source: 'vector', detail: /tick/ } : { state: 'unchecked', source: 'vector' };
    case 'vector-fill':
      return checked ? { state: 'checked', source: 'vector', detail: /fill/ } : { state: 'unchecked', source: 'vector' };
    case 'typed-x':
      return checked ? { state: 'checked', source: 'typed-mark', detail: /"X" (inside|beside) a drawn box/ } : { state: 'unchecked', source: 'vector' };
    case 'acroform-checkbox':
    case 'acroform-radio':
      return { state: checked ? 'checked' : 'unchecked', source: 'acroform' };
    case 'glyph-unicode':
      return { state: checked ? 'checked' : 'unchecked', source: 'glyph', detail: checked ? /U\+2612/ : /U\+2610/ };
    case 'glyph-wingdings':
      return { state: checked ? 'checked' : 'unchecked', source: 'glyph', detail: checked ? /U\+F0FE/ : /U\+F0A8/ };
    case 'zapf-tick':
      return checked ? { state: 'checked', source: 'glyph', detail: /U\+2714/ } : null;
    case 'picture':
      return { state: checked ? 'checked' : 'unchecked', source: 'vector', detail: checked ? /^a picture of a marked box/ : /^a picture of an empty box/ };
    case 'labels-only':
      return null;
  }
}

/** A one-principle PDF for the bad-input tests. */
let small: Uint8Array;
beforeAll(async () => {
  small = await renderPdf(sampleSpec(7), { marks: 'vector-cross', layout: 'inline', principles: [2] });
});

async function failure(p: Promise<unknown>): Promise<ExtractError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(ExtractError);
    return e as ExtractError;
  }
  throw new Error('expected an ExtractError');
}

describe('PDF corpus: every question, its options and its answer, in order', () => {
  for (const c of CASES.values()) {
    it(`pdf-${c.name}`, async () => {
      const d = await doc(c.name);
      expect(d.format).toBe('pdf');
      expect(d.pages).toBeGreaterThan(10);
      const expectedJson = JSON.parse(readFileSync(join(CORPUS, `pdf-${c.name}`, 'expected.json'), 'utf8'));
      const fromSpec = expectedFromSpec(c.spec);
      // A form box whose value and appearance disagree is expected ambiguous, whatever the spec ticked.
      const conflicting = new Set(c.style.mismatch ?? []);
      expect(expectedJson.answers.map((a: { choice: unknown }) => a.choice), 'expected.json is stale: rebuild the corpus').toEqual(
        fromSpec.answers.map((a) => (conflicting.has(a.id) ? null : a.choice)),
      );
      const { questions, actionPlans } = locate(d, c.spec);
      for (const q of QUESTIONS) {
        const got = questions.get(q.id)!;
        const a = c.spec.answers[q.id] ?? {};
        expect(got.question.provenance.page, q.id).toBeGreaterThan(1);
        if (q.type === 'open') expect(got.options, q.id).toEqual([]);
        else {
          const values = q.type === 'yesno-na-text' ? ['yes', 'no', 'na'] : ['yes', 'no'];
          expect(got.options.map((o) => o.option!.value), `${q.id} option values`).toEqual(values);
          const ticked = a.ticked ?? 'none';
          got.options.forEach((o, k) => {
            const checked = ticked === 'both' ? values[k] !== 'na' : ticked === values[k];
            const want = checked && conflicting.has(q.id) ? { state: 'conflicting', source: 'acroform' } : expectedMark(c, checked);
            const mark = o.option!.mark;
            if (want === null) expect(mark, `${q.id} ${values[k]}`).toBeNull();
            else {
              expect(mark, `${q.id} ${values[k]}`).toMatchObject({ state: want.state, source: want.source });
              if (want.detail) expect(mark!.detail, `${q.id} ${values[k]}`).toMatch(want.detail);
            }
            expect(o.provenance.page, q.id).toBeGreaterThan(1);
            expect(o.provenance.x, q.id).toBeGreaterThan(0);
          });
        }
        expect(got.answer, `${q.id} answer`).toBe(norm(a.text));
      }
      for (const p of PRINCIPLES) expect(actionPlans.get(p.number), `action plan ${p.number}`).toBe(norm(c.spec.actionPlans[p.number]));
      // The title table, label then value.
      const texts = d.blocks.map((b) => norm(b.text));
      const nameAt = texts.indexOf('Name of organisation');
      expect(texts[nameAt + 1]).toBe(c.spec.organisation.name);
    });
  }
});

describe('PDF layout', () => {
  it('flags running headers, footers and page numbers as furniture, and nothing else', async () => {
    const d = await doc('vector-cross');
    const furniture = d.blocks.filter((b) => b.furniture).map((b) => b.text);
    const pages = d.pages!;
    for (let n = 2; n <= pages; n++) expect(furniture).toContain(`Page ${n} of ${pages}`);
    expect(furniture.filter((t) => t === 'Surveillance Camera Code of Practice - Self Assessment Tool')).toHaveLength(pages - 1);
    expect(furniture.filter((t) => t === 'OFFICIAL')).toHaveLength(pages - 1);
    expect(new Set(furniture)).toEqual(new Set([...furniture.filter((t) => /^Page \d+ of \d+$/.test(t)), 'Surveillance Camera Code of Practice - Self Assessment Tool', 'OFFICIAL', CASES.get('vector-cross')!.spec.organisation.name]));
    // Principle headings sit at the same height on every page but are not furniture.
    expect(d.blocks.filter((b) => /^Principle \d+$/.test(b.text)).every((b) => !b.furniture && b.kind === 'heading')).toBe(true);
    // A document without running lines has no furniture.
    expect((await doc('vector-tick-table')).blocks.some((b) => b.furniture)).toBe(false);
  });

  it('keeps a Symbol-font bullet with the text of its list item', () => {
    // Text items as pdf.js gives them: a bullet (U+F0B7 from Word's Symbol font) and, 18 pt right, its item.
    const item = (str: string, x: number, y: number, width: number) => ({ str, transform: [10, 0, 0, 10, x, y], width, fontName: 'f1' });
    const items = ['Policy', 'Procedures manual', 'Retention schedule'].flatMap((text, i) => [item('\uF0B7', 80, 700 - 12 * i, 4), item(text, 98, 700 - 12 * i, 6 * text.length)]);
    const page = readPageText(1, { items, styles: { f1: { ascent: 0.9, descent: -0.2 } } }, [1, 0, 0, -1, 0, 842], 595, 842);
    expect(page.lines.map((l) => l.parts.map((p) => p.text))).toEqual([['\uF0B7  Policy'], ['\uF0B7  Procedures manual'], ['\uF0B7  Retention schedule']]);
  });

  it('ticks the empty box an X is set over, wherever two-unit characters stand before it on the line', () => {
    const item = (str: string, x: number, width: number, overlaid = false) => ({ str, transform: [10, 0, 0, 10, x, 700], width, fontName: 'f1', overlaid });
    const read = (items: object[]) => readPageText(1, { items, styles: { f1: { ascent: 0.9, descent: -0.2 } } }, [1, 0, 0, -1, 0, 842], 595, 842).lines[0]!.parts;
    // "🗹 Done 🞎 Open", the boxes taking two UTF-16 units each, as one run of text.
    const line = item('\u{1F5F9} Done \u{1F78E} Open', 100, 90);
    const [part] = read([line]);
    const at = part!.text.indexOf('\u{1F78E}');
    const typed = read([line, item('X', part!.xs[at]!, part!.xe[at + 1]! - part!.xs[at]!, true)]);
    expect(typed.map((p) => p.text)).toEqual(['\u{1F5F9} Done \u{1F5F7} Open']);
  });

  it('flags a running footer on landscape pages among portrait ones', async () => {
    const pdf = await PDFDocument.create();
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    const sizes: Array<[number, number]> = [[595, 842], [842, 595], [842, 595], [595, 842]];
    sizes.forEach(([w, h], i) => {
      const page = pdf.addPage([w, h]);
      page.drawText(`Body text of page ${i + 1}, which differs from page to page.`, { x: 60, y: h - 120 - 20 * i, size: 10, font });
      page.drawText('Eastbrook Council - CCTV self assessment', { x: 60, y: 30, size: 8, font });
    });
    const d = await parse(await pdf.save());
    expect(d.blocks.filter((b) => b.text.startsWith('Eastbrook Council')).map((b) => b.furniture)).toEqual([true, true, true, true]);
    expect(d.blocks.filter((b) => b.text.startsWith('Body text')).some((b) => b.furniture)).toBe(false);
  });

  it('flags a running footer set somewhat larger than the body text, but not a heading at the head of each page', async () => {
    const pdf = await PDFDocument.create();
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    for (let i = 0; i < 4; i++) {
      const page = pdf.addPage([595, 842]);
      page.drawText(`Principle ${i + 2}`, { x: 60, y: 790, size: 12, font });
      for (let l = 0; l < 5; l++) page.drawText(`Body text in a table set in nine point, line ${l + 1} of page ${i + 1}.`, { x: 60, y: 700 - 11 * l, size: 9, font });
      page.drawText('Calderbrook Council CCTV Self-Assessment 2026', { x: 60, y: 30, size: 11, font });
    }
    const d = await parse(await pdf.save());
    expect(d.blocks.filter((b) => b.furniture).map((b) => b.text)).toEqual(Array(4).fill('Calderbrook Council CCTV Self-Assessment 2026'));
  });

  it("keeps a table row's Yes or No at the head of a page, where a repeated heading row's stand, out of the furniture", async () => {
    const pdf = await PDFDocument.create();
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    const at = (page: PDFPage, cells: Array<[string, number]>) => cells.forEach(([text, x]) => page.drawText(text, { x, y: 800, size: 9, font }));
    for (let i = 0; i < 4; i++) {
      const page = pdf.addPage([595, 842]);
      // Pages 1 and 2 open with the repeated heading row; pages 3 and 4 with a row cut off from it by the page break.
      if (i < 2) at(page, [['Question', 60], ['Yes', 400], ['No', 460]]);
      else at(page, [[['Do you review the system every year?', 'Is your signage clear and visible?'][i - 2]!, 60], ['Yes', 400], ['No', 460]]);
      page.drawText(`Body text of page ${i + 1}.`, { x: 60, y: 600, size: 9, font });
    }
    const d = await parse(await pdf.save());
    const noOn = (page: number) => d.blocks.find((b) => b.provenance.page === page && (b.text === 'No' || b.option?.value === 'no'));
    expect([1, 2].map((n) => noOn(n)?.furniture)).toEqual([true, true]);
    expect([3, 4].map((n) => noOn(n)?.furniture ?? false)).toEqual([false, false]);
  });

  it('flags bare page numbers that keep step with the pages, not an answer that is a number near the foot', async () => {
    const pdf = await PDFDocument.create();
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    for (let i = 0; i < 4; i++) {
      const page = pdf.addPage([595, 842]);
      page.drawText(`Body text of page ${i + 1}.`, { x: 60, y: 700, size: 10, font });
      // Numbering starts after the cover page: page 2 shows "1".
      if (i > 0) page.drawText(String(i), { x: 290, y: 30, size: 9, font });
    }
    pdf.getPage(2).drawText('12', { x: 60, y: 90, size: 10, font });
    const d = await parse(await pdf.save());
    expect(d.blocks.filter((b) => b.furniture).map((b) => b.text)).toEqual(['1', '2', '3']);
    const answer = d.blocks.find((b) => b.text === '12');
    expect(answer?.provenance.page).toBe(3);
    expect(answer?.furniture).toBeFalsy();
  });

  it('joins wrapped lines into one block, and an answer cut by a page break into one block', async () => {
    const d = await doc('page-break-answers');
    const c = CASES.get('page-break-answers')!;
    const q = QUESTIONS.find((x) => x.id === 'P2.1')!;
    expect(d.blocks.some((b) => b.text === label(c.spec, q))).toBe(true);
    // No text block starts mid-sentence: a continuation at the top of a page was joined to the block before.
    const body = d.blocks.filter((b) => !b.furniture && b.kind === 'paragraph');
    expect(body.filter((b) => /^\p{Ll}/u.test(b.text) && !/^https?:/.test(b.text)).map((b) => b.text.slice(0, 40))).toEqual([]);
    // A web address broken after a "/" at a line end is joined without a space.
    expect(body.filter((b) => b.text.startsWith('https://')).map((b) => b.text)).toContain(TEMPLATE_GUIDANCE[3]);
    // Some answer runs over a page break and still comes out whole, as one block.
    const answers = QUESTIONS.map((x) => norm(c.spec.answers[x.id]?.text)).filter(Boolean);
    // Every answer is one block, or two split where a page break fell between sentences (kept apart: that
    // looks the same as a new paragraph, and joining those could swallow an unnumbered question).
    const texts = body.map((b) => b.text);
    for (const answer of answers) {
      if (texts.includes(answer)) continue;
      const split = texts.findIndex((t, k) => t.endsWith('.') && `${t} ${texts[k + 1]}` === answer);
      expect(split, answer.slice(0, 50)).toBeGreaterThanOrEqual(0);
      expect(body[split + 1]!.provenance.page).toBe(body[split]!.provenance.page! + 1);
    }
    expect(answers.filter((a) => texts.includes(a)).length).toBeGreaterThan(answers.length - 4);
  });

  it('keeps the question first, then its options, then its answer in a two-column table', async () => {
    const d = await doc('glyph-wingdings-table');
    const blocks = d.blocks.filter((b) => !b.furniture);
    const at = blocks.findIndex((b) => b.text.startsWith('15. Have you appointed a single point of contact'));
    expect(blocks.slice(at, at + 4).map((b) => b.kind)).toEqual(['paragraph', 'option', 'option', 'paragraph']);
    expect(blocks[at]!.text.endsWith('contact details?')).toBe(true);
    // The title table comes out as cells, row by row.
    const cells = d.blocks.filter((b) => b.kind === 'tableCell').slice(0, 4);
    expect(cells.map((b) => [b.text, b.table])).toEqual([
      ['Name of organisation', { row: 0, column: 0 }],
      [CASES.get('glyph-wingdings-table')!.spec.organisation.name, { row: 0, column: 1 }],
      ['Scope of surveillance camera system', { row: 1, column: 0 }],
      [CASES.get('glyph-wingdings-table')!.spec.organisation.scope, { row: 1, column: 1 }],
    ]);
  });

  it('gives every block a page and a position on it', async () => {
    const d = await doc('realistic-multipage');
    for (const b of d.blocks) {
      expect(b.provenance.page).toBeGreaterThanOrEqual(1);
      expect(b.provenance.x).toBeGreaterThanOrEqual(0);
      expect(b.provenance.x).toBeLessThan(596);
      expect(b.provenance.y).toBeGreaterThan(0);
      expect(b.provenance.y).toBeLessThan(842);
    }
  });

  it('keeps justified text drawn word by word in one paragraph', async () => {
    const pdf = await PDFDocument.create();
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    const page = pdf.addPage([595, 842]);
    const words = [
      'Access to the recorded images is restricted to trained operators and supervisors who have a recorded business need,',
      'and every viewing, copy and disclosure is logged in the register kept in the control room. The data protection officer',
      'checks the register each month against the requests received from the police, insurers and members of the public,',
      'and reports any disclosure that was not properly authorised to the information governance board, which meets',
      'quarterly and publishes its minutes. Footage that is not needed as evidence is overwritten after thirty-one days',
      'unless a request has been received, in which case the relevant clip is exported to the secure evidence store.',
    ].join(' ').split(' ');
    // Lay the words out justified to 300 pt, each word drawn on its own, as some exporters do.
    const lines: string[][] = [[]];
    for (const w of words) {
      const line = lines[lines.length - 1]!;
      if (font.widthOfTextAtSize([...line, w].join(" "), 10) > 270) lines.push([w]);
      else line.push(w);
    }
    lines.forEach((line, i) => {
      const inked = line.reduce((n, w) => n + font.widthOfTextAtSize(w, 10), 0);
      const gap = i === lines.length - 1 ? 2.8 : (300 - inked) / Math.max(1, line.length - 1);
      let x = 60;
      for (const w of line) {
        page.drawText(w, { x, y: 760 - i * 12.5, size: 10, font });
        x += font.widthOfTextAtSize(w, 10) + gap;
      }
    });
    const d = await parse(await pdf.save());
    expect(lines.length).toBeGreaterThanOrEqual(10);
    expect(d.blocks.map((b) => b.kind)).toEqual(['paragraph']);
    expect(d.blocks[0]!.text).toBe(words.join(' '));
  });

  it('normalises ligatures and odd spaces, keeps a word processor\'s line-end hyphen', async () => {
    expect(normaliseText('e\uFB03cient \uFB01le\u00A0and\u2009thin\u200Bzero')).toBe('efficient file and thinzero');
    // A lone control character is a glyph its font maps to nothing (a box in a symbol font): kept, as unreadable.
    expect(normaliseText('\u0002')).toBe('\uFFFD');
    expect(normaliseText('ab\u0002c')).toBe('abc');
    const pdf = await PDFDocument.create();
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    const page = pdf.addPage([595, 842]);
    page.drawText('Signed\u00A0off by the\u00A0DPO', { x: 50, y: 700, size: 10, font });
    page.drawText('Footage is shared with our third-', { x: 50, y: 650, size: 10, font });
    page.drawText('party processor under contract and', { x: 50, y: 637, size: 10, font });
    page.drawText('kept for 31 days.', { x: 50, y: 624, size: 10, font });
    const d = await parse(await pdf.save());
    expect(d.blocks.map((b) => b.text)).toEqual(['Signed off by the DPO', 'Footage is shared with our third-party processor under contract and kept for 31 days.']);
  });
});

describe('PDF pages turned', () => {
  it('reads a landscape table printed sideways on a portrait page, turned upright', async () => {
    const { pdf, page, t } = await a4(10);
    // A quarter turn anticlockwise and no /Rotate: the page shows its text running up the sheet.
    page.pushOperators(pushGraphicsState(), concatTransformationMatrix(0, 1, -1, 0, 595, 0));
    questionRow(page, t, 500, '1. Do you publish an annual report?', { crossed: 'yes' });
    page.pushOperators(popGraphicsState());
    const d = await parse(await pdf.save());
    expect(d.blocks.map(show)).toEqual(['1. Do you publish an annual report?', 'yes:checked:vector', 'no:unchecked:vector']);
    expect(d.diagnostics.map((x) => x.message)).toEqual(['page 1: its text runs sideways as the page is shown; read turned by 90°']);
  });

  it('leaves a page as it is where upright text stands beside more that runs sideways', async () => {
    const { pdf, page, t } = await a4(10);
    questionRow(page, t, 760, '1. Do you publish an annual report?', { crossed: 'no' });
    page.pushOperators(pushGraphicsState(), concatTransformationMatrix(0, 1, -1, 0, 595, 0));
    for (let i = 0; i < 4; i++) t('Camera 12 | Market Square | fixed | 24 hours | monitored | recorded for 31 days', 60, 300 - 14 * i);
    page.pushOperators(popGraphicsState());
    const d = await parse(await pdf.save());
    expect(d.blocks.map(show)).toEqual(['1. Do you publish an annual report?', 'yes:unchecked:vector', 'no:checked:vector']);
    expect(d.diagnostics).toEqual([]);
  });
});

describe('PDF checkboxes', () => {
  it('reads boxes drawn as four separate lines, ticked with a separately drawn cross', async () => {
    const pdf = await PDFDocument.create();
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    const page = pdf.addPage([595, 842]);
    page.drawText('Do you have a written policy on disclosure?', { x: 50, y: 700, size: 10, font });
    const box = (x: number, y: number, crossed: boolean) => {
      const line = (x0: number, y0: number, x1: number, y1: number) => page.drawLine({ start: { x: x0, y: y0 }, end: { x: x1, y: y1 }, thickness: 0.6 });
      line(x, y, x + 10, y);
      line(x + 10, y, x + 10, y + 10);
      line(x + 10, y + 10, x, y + 10);
      line(x, y + 10, x, y);
      if (crossed) {
        line(x + 2, y + 2, x + 8, y + 8);
        line(x + 2, y + 8, x + 8, y + 2);
      }
    };
    box(360, 698, false);
    page.drawText('Yes', { x: 374, y: 700, size: 10, font });
    box(410, 698, true);
    page.drawText('No', { x: 424, y: 700, size: 10, font });
    const d = await parse(await pdf.save());
    expect(d.blocks.map((b) => (b.option ? `${b.option.value}:${b.option.mark?.state}:${b.option.mark?.detail}` : b.text))).toEqual([
      'Do you have a written policy on disclosure?',
      'yes:unchecked:empty box 10.0x10.0',
      'no:checked:cross box 10.0x10.0',
    ]);
  });

  it('lays out a rotated page as it is shown', async () => {
    const pdf = await PDFDocument.create();
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    const page = pdf.addPage([595, 842]);
    page.setRotation(degrees(90));
    // On a page shown turned a quarter clockwise, text reads across the screen when it runs up the page.
    page.drawText('First line of the answer,', { x: 100, y: 100, size: 10, font, rotate: degrees(90) });
    page.drawText('and the second line.', { x: 113, y: 100, size: 10, font, rotate: degrees(90) });
    const d = await parse(await pdf.save());
    expect(d.blocks.map((b) => b.text)).toEqual(['First line of the answer, and the second line.']);
    // Provenance stays in user space: the block's top-left corner as shown is the glyphs' top at the start.
    expect(d.blocks[0]!.provenance).toMatchObject({ page: 1, y: 100 });
    expect(d.blocks[0]!.provenance.x).toBeGreaterThan(88);
    expect(d.blocks[0]!.provenance.x).toBeLessThan(100);
  });

  it('reports an AcroForm box whose value and appearance disagree as conflicting, with a diagnostic', async () => {
    const d = await doc('acroform-checkbox');
    const mismatches = d.diagnostics.filter((x) => x.code === 'appearance-value-mismatch');
    expect(mismatches).toHaveLength(2);
    expect(mismatches[0]!.message).toMatch(/shows empty .*value is \/Yes; which was meant cannot be told/);
    expect(mismatches[0]!.provenance?.page).toBeGreaterThan(1);
    const { questions } = locate(d, CASES.get('acroform-checkbox')!.spec);
    const yes = questions.get('P2.1')!.options[0]!;
    expect(yes.option).toMatchObject({ value: 'yes', mark: { state: 'conflicting', source: 'acroform' } });
    expect(yes.option!.mark!.detail).toMatch(/V=\/Yes AS=\/Off/);
  });

  it('reads drawn boxes only on pages that need them', async () => {
    await parse(input('glyph-msgothic'));
    expect(lastStats.vectorPages).toBe(0);
    await parse(input('acroform-radio'));
    expect(lastStats.vectorPages).toBe(0);
    await parse(input('vector-cross'));
    expect(lastStats.vectorPages).toBe(12);
  });

  it('takes labels printed one under another as options, but not answers typed in a column', async () => {
    const { pdf, page, t } = await a4(10);
    t('4. Is the system being used for any other purpose? If so please explain.', 50, 760);
    t('Yes', 50, 740);
    t('No', 50, 720);
    t('N/A', 50, 694);
    t('Do you publish an annual report?', 50, 640);
    t('Yes', 400, 640);
    t('Do you audit disclosures?', 50, 627);
    t('No', 400, 627);
    const d = await parse(await pdf.save());
    expect(d.blocks.map((b) => (b.option ? `option:${b.option.value}:${b.option.mark}` : `${b.kind}:${b.text}`))).toEqual([
      'paragraph:4. Is the system being used for any other purpose? If so please explain.',
      'option:yes:null',
      'option:no:null',
      'paragraph:N/A',
      'tableCell:Do you publish an annual report?',
      'tableCell:Yes',
      'tableCell:Do you audit disclosures?',
      'tableCell:No',
    ]);
  });

  it('never invents a state: labels with no box keep mark null', async () => {
    const d = await doc('labels-only');
    const options = d.blocks.filter((b) => b.kind === 'option');
    const printed = QUESTIONS.reduce((n, q) => n + (q.type === 'open' ? 0 : q.type === 'yesno-na-text' ? 3 : 2), 0);
    expect(options).toHaveLength(printed);
    expect(options.every((b) => b.option!.mark === null)).toBe(true);
  });

  it('reads a typed X as the mark of the box it is in or beside, not the label before it', async () => {
    const d = await doc('typed-x');
    const typed = d.blocks.filter((b) => b.option?.mark?.source === 'typed-mark').map((b) => b.option!.mark!.detail);
    expect(typed.some((t) => /inside/.test(t!))).toBe(true);
    expect(typed.some((t) => /beside/.test(t!))).toBe(true);
  });
});

describe('PDF environment', () => {
  // A fresh process, so the built-ins can be taken before pdf.js first loads (core-js makes its replacements print as native code).
  it('leaves the built-ins pdf.js polyfills over as Node has them, and keeps the ones Node lacks', async () => {
    const script = `
      const before = { push: Array.prototype.push, parse: JSON.parse, stringify: JSON.stringify };
      await import(${JSON.stringify(pathToFileURL(join(DIST, 'parsers/pdf/index.js')).href)});
      const after = { push: Array.prototype.push, parse: JSON.parse, stringify: JSON.stringify };
      console.log(JSON.stringify({ ...Object.fromEntries(Object.keys(before).map((k) => [k, before[k] === after[k]])), withResolvers: typeof Promise.withResolvers }));`;
    const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script]);
    expect(JSON.parse(stdout)).toEqual({ push: true, parse: true, stringify: true, withResolvers: 'function' });
  });

  it('inflates compressed streams in place with zlib, and refuses data zlib refuses so that pdf.js reads it itself', async () => {
    const inflate = async (data: Uint8Array) => {
      const { readable, writable } = new DecompressionStream('deflate');
      const writer = writable.getWriter();
      await writer.ready;
      void writer.write(data).then(() => writer.close());
      const chunks: Uint8Array[] = [];
      for await (const chunk of readable as unknown as AsyncIterable<Uint8Array>) chunks.push(chunk);
      return Buffer.concat(chunks).toString('latin1');
    };
    // Not the platform's, which inflates on the thread pool.
    expect(DecompressionStream).not.toBe((await import('node:stream/web')).DecompressionStream);
    const content = deflateSync(Buffer.from('BT /F1 12 Tf (Yes) Tj ET'));
    expect(await inflate(content)).toBe('BT /F1 12 Tf (Yes) Tj ET');
    await expect(inflate(content.subarray(0, content.length - 6))).rejects.toThrow();
    await expect(inflate(deflateSync(Buffer.alloc(65 * 1024 * 1024)))).rejects.toThrow();
    const bytes = readFileSync(join(CORPUS, 'pdf-seed-cheshire-anpr', 'input.pdf'));
    expect(bytes.includes('/FlateDecode')).toBe(true);
    const doc = await parse(bytes);
    expect(doc.blocks.some((b) => /Senior Responsible Officer/i.test(b.text))).toBe(true);
  });
});

describe('PDF bad input', () => {
  it('parses the small fixture (so the failures below are the input’s fault)', async () => {
    const d = await parse(small);
    expect(d.blocks.filter((b) => b.kind === 'option')).toHaveLength(10);
  });

  it('truncated file', async () => {
    for (const cut of [0.4, 0.9, 0.995]) {
      const e = await failure(parse(small.slice(0, Math.floor(small.byteLength * cut)), { name: 'cut.pdf' }));
      expect(e.code).toBe('corrupt');
      expect(e.message).toMatch(/^truncated PDF/);
    }
  });

  it('not a PDF', async () => {
    const zip = await failure(parse(new Uint8Array([0x50, 0x4b, 3, 4, 20, 0, 0, 0, 8, 0]), { name: 'x.pdf' }));
    expect(zip.code).toBe('corrupt');
    expect(zip.message).toMatch(/not a PDF: it looks like a ZIP archive/);
    const html = await failure(parse(new TextEncoder().encode('<!DOCTYPE html><html>Not found</html>')));
    expect(html.message).toMatch(/not a PDF: it looks like HTML/);
    expect((await failure(parse(new Uint8Array(0)))).message).toMatch(/empty/);
  });

  it('data before the header: read from the header on, saying so', async () => {
    const wrapped = new Uint8Array([...new TextEncoder().encode('Content-Type: application/pdf\r\n\r\n'), ...new Uint8Array(3000), ...small]);
    const d = await parse(wrapped, { name: 'wrapped.pdf' });
    expect(d.blocks.filter((b) => b.kind === 'option')).toHaveLength(10);
    expect(d.diagnostics).toContainEqual({ code: 'data-before-header', message: '3033 bytes of other data stand before the %PDF- header; read from the header on' });
    expect((await failure(parse(new Uint8Array(3000), { name: 'zeros.pdf' }))).message).toMatch(/^not a PDF/);
  });

  it('no %%EOF after a whole cross-reference pointer: read, saying so; cut before it: truncated', async () => {
    const text = Buffer.from(small).toString('latin1');
    const unmarked = new Uint8Array(Buffer.from(text.slice(0, text.lastIndexOf('%%EOF')), 'latin1'));
    const d = await parse(unmarked, { name: 'unmarked.pdf' });
    expect(d.blocks.filter((b) => b.kind === 'option')).toHaveLength(10);
    expect(d.diagnostics.map((x) => x.code)).toContain('no-eof-marker');
    const cut = new Uint8Array(Buffer.from(text.slice(0, text.lastIndexOf('startxref') + 'startxref\n1'.length), 'latin1'));
    expect((await failure(parse(cut, { name: 'cut.pdf' }))).message).toMatch(/^truncated PDF/);
  });

  it('PDF header and trailer around garbage', async () => {
    const junk = new TextEncoder().encode('%PDF-1.7\n' + 'garbage '.repeat(200) + '\nstartxref\n9999\n%%EOF\n');
    const e = await failure(parse(junk));
    expect(e.code).toBe('corrupt');
  });

  it('encrypted with a user password: clear error, --password hint, opens with the password', async () => {
    const bytes = new Uint8Array(readFileSync(join(CORPUS, 'bad', 'pdf-encrypted-user-password.pdf')));
    const none = await failure(parse(bytes, { name: 'locked.pdf' }));
    expect(none.code).toBe('encrypted');
    expect(none.message).toMatch(/^encrypted PDF that needs a password.*--password/);
    const wrong = await failure(parse(bytes, { name: 'locked.pdf', password: 'guess' }));
    expect(wrong.code).toBe('encrypted');
    expect(wrong.message).toMatch(/wrong password/);
    const d = await parse(bytes, { password: 'secret' });
    expect(d.blocks.filter((b) => b.option?.mark?.state === 'checked').length).toBe(5);
  });

  it('an owner password alone does not stop reading, even with a password given for other files', async () => {
    const bytes = new Uint8Array(readFileSync(join(CORPUS, 'bad', 'pdf-encrypted-owner-only.pdf')));
    for (const password of [undefined, 'another file\'s']) {
      const d = await parse(bytes, { password });
      expect(d.blocks.some((b) => b.text === 'Principle 2')).toBe(true);
      expect(d.blocks.filter((b) => b.kind === 'option')).toHaveLength(10);
    }
  });

  it('an encrypted file, whose content cannot be read here, is still searched for text printed invisible', async () => {
    const d = await parse(new Uint8Array(readFileSync(join(CORPUS, 'bad', 'pdf-encrypted-ocr-layer.pdf'))));
    // An OCR layer's "X" beside "Yes" over a scan: the words are kept, but neither the X nor a word gives a choice.
    expect(d.blocks.map(show)).toEqual(['Principle 2', '1. Do you publish an annual report?', 'yes:unknown:typed-mark', 'no:-:-', 'The report is published each April.']);
    expect(d.blocks.every((b) => b.unshown)).toBe(true);
    expect(d.diagnostics.map((x) => x.code)).toEqual(['invisible-text']);
  });

  it('a page whose content decodes to over 64 MB is not read; a file of nothing else fails as too large', async () => {
    const bomb = deflateSync(new Uint8Array(65 * 1024 * 1024));
    const withBomb = async (text: boolean) => {
      const { pdf, page, t } = await a4(10);
      if (text) t('1. Do you publish an annual report?', 50, 760);
      const heavy = text ? pdf.addPage([595, 842]) : page;
      heavy.node.addContentStream(pdf.context.register(pdf.context.stream(bomb, { Filter: 'FlateDecode' })));
      return pdf.save();
    };
    const d = await parse(await withBomb(true));
    expect(d.blocks.map((b) => b.text)).toEqual(['1. Do you publish an annual report?']);
    expect(d.diagnostics.map((x) => x.message)).toEqual(['page 2: its content decodes to over 64 MB; not read']);
    const e = await failure(parse(await withBomb(false)));
    expect([e.code, e.message]).toEqual(['too-large', "every page's content decodes to over 64 MB; not read"]);
    // The same behind a hex filter, in an array of contents that is an object of its own, in a form inside a form.
    const hidden = async (how: 'hex' | 'array' | 'form') => {
      const { pdf, page } = await a4(10);
      const stream =
        how === 'hex'
          ? pdf.context.stream(Buffer.from(bomb).toString('hex'), { Filter: ['ASCIIHexDecode', 'FlateDecode'] })
          : pdf.context.stream(bomb, { Filter: 'FlateDecode', ...(how === 'form' ? { Type: 'XObject', Subtype: 'Form', BBox: [0, 0, 10, 10] } : {}) });
      const ref = pdf.context.register(stream);
      if (how === 'hex') page.node.addContentStream(ref);
      if (how === 'array') page.node.set(PDFName.of('Contents'), pdf.context.register(pdf.context.obj([ref])));
      if (how === 'form') {
        const outer = pdf.context.stream('/Inner Do', { Type: 'XObject', Subtype: 'Form', BBox: [0, 0, 10, 10], Resources: { XObject: { Inner: ref } } });
        page.node.setXObject(PDFName.of('Outer'), pdf.context.register(outer));
        page.node.addContentStream(pdf.context.register(pdf.context.stream('/Outer Do')));
      }
      return pdf.save();
    };
    for (const how of ['hex', 'array', 'form'] as const) expect((await failure(parse(await hidden(how)))).code).toBe('too-large');
  });

  it('too many pages or bytes: stops before reading pages', async () => {
    const many = await PDFDocument.create();
    for (let i = 0; i < 1200; i++) many.addPage([200, 200]);
    const e = await failure(parse(await many.save(), { name: 'big.pdf' }));
    expect(e.code).toBe('too-large');
    expect(e.message).toMatch(/1200 pages, over the 500-page limit/);
    expect((await failure(parse(small, { limits: { maxPages: 1 } }))).code).toBe('too-large');
    const bytes = await failure(parse(small, { limits: { maxInputBytes: 1000 } }));
    expect(bytes.code).toBe('too-large');
    expect(bytes.message).toMatch(/input limit/);
  });

  it('no text layer at all: needs OCR', async () => {
    const pdf = await PDFDocument.create();
    // A 1x1 grey PNG standing in for a scanned page.
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNoAAAAggCBd81ytgAAAABJRU5ErkJggg==', 'base64');
    const image = await pdf.embedPng(png);
    for (let i = 0; i < 2; i++) pdf.addPage([595, 842]).drawImage(image, { x: 0, y: 0, width: 595, height: 842 });
    const e = await failure(parse(await pdf.save(), { name: 'scan.pdf' }));
    expect(e.code).toBe('needs-ocr');
    expect(e.message).toMatch(/^image-only: needs OCR/);
  });

  it('respects the abort signal and the time limit', async () => {
    const aborted = await failure(parse(input('realistic-multipage'), { signal: AbortSignal.abort() }));
    expect(aborted.code).toBe('timeout');
    const controller = new AbortController();
    const pending = parse(input('realistic-multipage'), { signal: controller.signal });
    setTimeout(() => controller.abort(), 5);
    expect((await failure(pending)).code).toBe('timeout');
    const slow = await failure(parse(input('realistic-multipage'), { limits: { timeoutMs: 5 } }));
    expect(slow.code).toBe('timeout');
    expect(slow.message).toMatch(/took longer than 5 ms/);
    // pdf.js is still usable afterwards.
    expect((await parse(small)).blocks.length).toBeGreaterThan(10);
  });
});
