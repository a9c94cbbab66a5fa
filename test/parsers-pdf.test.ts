import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { deflateSync } from 'node:zlib';
import { PDFDict, PDFDocument, PDFName, PDFString, StandardFonts, TextRenderingMode, concatTransformationMatrix, degrees, drawObject, popGraphicsState, pushGraphicsState, rgb, setCharacterSqueeze, setTextRenderingMode, type PDFPage } from 'pdf-lib';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { pdfCases, type PdfCase } from '../corpus/build/build-pdf-cases.js';
import { renderPdf } from '../corpus/build/pdf.js';
import { GlyphFont } from '../corpus/build/pdf-glyph-font.js';
import { expectedFromSpec, printedNumber, printedWording, sampleSpec, type CaseSpec } from '../corpus/build/spec.js';
import { readBoxGlyph, readType3BoxGlyph } from '../parsers/pdf/glyphs.js';
import { textRuns, type TextStateOps } from '../parsers/pdf/invisible.js';
import { lastStats, parse } from '../parsers/pdf/index.js';
import { pdfjs } from '../parsers/pdf/pdfjs.js';
import { readPicture, type RawImage } from '../parsers/pdf/pictures.js';
import { normaliseText, readPageText } from '../parsers/pdf/text.js';
import { PRINCIPLES, QUESTIONS, TEMPLATE_GUIDANCE, type Question } from '../src/catalogue.js';
import type { Block, NormalisedDocument } from '../src/document.js';
import { ExtractError } from '../src/errors.js';

const CORPUS = fileURLToPath(new URL('../corpus', import.meta.url));
const DIST = fileURLToPath(new URL('../dist', import.meta.url));
const input = (name: string) => new Uint8Array(readFileSync(join(CORPUS, `pdf-${name}`, 'input.pdf')));
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

  it('inflates compressed streams in place, not through the platform decoder on another thread', async () => {
    expect(typeof (globalThis as { DecompressionStream?: unknown }).DecompressionStream).toBe('undefined');
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

/** A new PDF with one blank A4 page; `t` prints Helvetica at `size` and `w` measures it. */
async function a4(size: number) {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const page = pdf.addPage([595, 842]);
  const t = (s: string, x: number, y: number) => page.drawText(s, { x, y, size, font });
  const w = (s: string) => font.widthOfTextAtSize(s, size);
  return { pdf, font, page, t, w };
}

/** A question's row with "Yes" and "No" printed bare, room for an X before "Yes" at x 400. */
function labelsAfterX(t: (s: string, x: number, y: number) => void, w: (s: string) => number) {
  return (y: number, question: string) => {
    t(question, 50, y);
    t('Yes', 400 + w('X '), y);
    t('No', 450, y);
  };
}

/** A square drawn on a page with its bottom left near (x, y), crossed or empty. */
function drawBox(page: PDFPage, x: number, y: number, crossed: boolean, side = 9): void {
  page.drawRectangle({ x, y: y - 1, width: side, height: side, borderWidth: 0.75, borderColor: rgb(0, 0, 0) });
  if (!crossed) return;
  page.drawLine({ start: { x: x + 1.5, y: y + 0.5 }, end: { x: x + side - 1.5, y: y + side - 2.5 }, thickness: 0.75 });
  page.drawLine({ start: { x: x + 1.5, y: y + side - 2.5 }, end: { x: x + side - 1.5, y: y + 0.5 }, thickness: 0.75 });
}

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

/** A question with "Yes ☐  No ☐" after it on its line, the boxes drawn, one of them crossed if asked. */
function questionRow(page: PDFPage, t: (s: string, x: number, y: number) => void, y: number, question: string, { crossed = '', side = 9 } = {}): void {
  t(question, 50, y);
  t('Yes', 400, y);
  drawBox(page, 420, y, crossed === 'yes', side);
  t('No', 440, y);
  drawBox(page, 455, y, crossed === 'no', side);
}

/** A question with "☐ Yes ☐ No" as box glyphs after it, the one named ticked ("☒"). */
function glyphRow(page: PDFPage, glyphs: GlyphFont, t: (s: string, x: number, y: number) => void, y: number, question: string, ticked: 'yes' | 'no' | 'none'): void {
  t(question, 50, y);
  glyphs.draw(page, ticked === 'yes' ? 'cross' : 'empty', 400, y, 10);
  t('Yes', 413, y);
  glyphs.draw(page, ticked === 'no' ? 'cross' : 'empty', 440, y, 10);
  t('No', 453, y);
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

/** Option blocks as `value:state:source`, other blocks as their text. */
const show = (b: Block) => (b.option ? `${b.option.value}:${b.option.mark?.state ?? '-'}:${b.option.mark?.source ?? '-'}` : b.text);

describe('PDF struck-through options', () => {
  it('reads a label struck through (a line, a thin bar, or two lines) as an option not chosen; underlines and borders are not strikes', async () => {
    const { pdf, page, t, w } = await a4(10);
    // Strikethrough as LibreOffice draws it: a stroked line about 2.8 pt over the baseline, the label's width.
    const strike = (s: string, x: number, y: number, at = 2.8) => page.drawLine({ start: { x, y: y + at }, end: { x: x + w(s), y: y + at }, thickness: 0.5 });
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
    const { pdf, page, t, w } = await a4(10);
    const strike = (s: string, x: number, y: number) => page.drawLine({ start: { x, y: y + 2.8 }, end: { x: x + w(s), y: y + 2.8 }, thickness: 0.5 });
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
    // P2.1: "No" deleted outright: "Yes" alone, left as text.
    const p21 = texts.findIndex((t) => t.startsWith('1. Has your organisation paid'));
    expect(deleted.blocks.slice(p21 + 1, p21 + 2).map((b) => `${b.kind}:${b.text}`)).toEqual(['paragraph:Yes']);
  });
});

describe('PDF box glyphs in a font with no character map', () => {
  // pdf.js path operations: 0 move, 1 line, 2 curve, 4 close; em units.
  const poly = (...pts: Array<[number, number]>) => [0, ...pts[0]!, ...pts.slice(1).flatMap((p) => [1, ...p]), 4];
  const square = (a: number, b: number) => poly([a, a], [b, a], [b, b], [a, b]);
  const frame = [...square(0.1, 0.8), ...square(0.15, 0.75)];
  const cross = poly([0.25, 0.2], [0.45, 0.4], [0.65, 0.2], [0.7, 0.25], [0.5, 0.45], [0.7, 0.65], [0.65, 0.7], [0.45, 0.5], [0.25, 0.7], [0.2, 0.65], [0.4, 0.45], [0.2, 0.25]);
  const circle = [0, 0.5, 0.1, 2, 0.8, 0.1, 0.9, 0.4, 0.9, 0.5, 2, 0.9, 0.8, 0.6, 0.9, 0.5, 0.9, 2, 0.2, 0.9, 0.1, 0.6, 0.1, 0.5, 2, 0.1, 0.2, 0.4, 0.1, 0.5, 0.1, 4];

  it('reads an empty frame as an empty box and a frame with a cross in it as a ticked one; anything else stays unread', () => {
    expect(readBoxGlyph(frame)).toBe('empty');
    expect(readBoxGlyph([...frame, ...cross])).toBe('ticked');
    // The cross cut into the frame's inside (four triangles, no inner square).
    expect(readBoxGlyph([...square(0.1, 0.8), ...poly([0.15, 0.2], [0.4, 0.45], [0.15, 0.7]), ...poly([0.2, 0.15], [0.7, 0.15], [0.45, 0.4])])).toBe('ticked');
    expect(readBoxGlyph(square(0.1, 0.8))).toBeNull(); // a filled square: as often a bullet
    expect(readBoxGlyph([...circle, ...square(0.3, 0.6)])).toBeNull(); // not a square frame
    expect(readBoxGlyph([...frame, ...square(0.3, 0.5)])).toBeNull(); // something else inside
    // ❑, the list bullet: a frame with a shadow, its inside off to one side.
    expect(readBoxGlyph([...poly([0.06, 0], [0.06, 0.73], [0.79, 0.73], [0.84, 0.67], [0.84, -0.05], [0.12, -0.05]), ...square(0.1, 0.69)])).toBeNull();
    expect(readBoxGlyph([...square(0.1, 0.5), ...square(0.6, 0.9)])).toBeNull();
  });

  it('reads a Type 3 glyph\'s own drawing: a stroked square as an empty box, with diagonals in it as a ticked one', () => {
    const OPS = pdfjs.OPS;
    // A glyph's operator list as Ghostscript writes one: scaled, then its paths stroked (or filled).
    const glyph = (...paths: Array<[number, number[]]>) =>
      readType3BoxGlyph(
        [OPS.save, OPS.transform, ...paths.map(() => OPS.constructPath), OPS.restore],
        [null, [0.01, 0, 0, 0.01, 0, 0], ...paths.map(([op, data]) => [op, [data], null]), null],
        OPS,
      );
    expect(glyph([OPS.stroke, square(10, 80)])).toBe('empty');
    expect(glyph([OPS.stroke, square(10, 80)], [OPS.stroke, poly([20, 20], [70, 70])], [OPS.stroke, poly([20, 70], [70, 20])])).toBe('ticked');
    expect(glyph([OPS.fill, square(10, 80)])).toBeNull(); // a filled square: as often a bullet
    expect(glyph([OPS.stroke, square(10, 50)], [OPS.stroke, square(60, 90)])).toBeNull();
    expect(glyph([OPS.stroke, square(10, 80)], [OPS.fill, square(30, 50)])).toBeNull(); // something else inside
  });

  it('reads the boxes of a form printed to PDF through PostScript, drawn as a Type 3 font', async () => {
    const expected = JSON.parse(readFileSync(join(CORPUS, 'pdf-glyph-msgothic', 'expected.json'), 'utf8')) as { answers: Array<{ choice: string | null }> };
    const d = await parse(new Uint8Array(readFileSync(join(CORPUS, 'rt7-pdf-glyph-msgothic-ps2pdf', 'input.pdf'))));
    const marks = d.blocks.filter((b) => b.option?.mark).map((b) => b.option!.mark!.state);
    expect(marks.filter((m) => m === 'checked').length).toBe(expected.answers.filter((a) => a.choice !== null).length);
    expect(marks.filter((m) => m === 'unknown')).toEqual([]);
  });

  it('reads them on the page, and says so', async () => {
    const d = await parse(new Uint8Array(readFileSync(join(CORPUS, 'rt2-pdf-box-font-no-tounicode', 'input.pdf'))));
    const marks = d.blocks.filter((b) => b.option?.mark).map((b) => b.option!.mark!.state);
    expect(marks.filter((m) => m === 'checked').length).toBeGreaterThan(30);
    expect(marks.filter((m) => m === 'unchecked').length).toBeGreaterThan(30);
    expect(marks.filter((m) => m !== 'checked' && m !== 'unchecked')).toEqual([]);
    const boxPages = [...new Set(d.blocks.filter((b) => b.option?.mark).map((b) => b.provenance.page))];
    expect(d.diagnostics.filter((x) => x.code === 'box-glyph-outline').map((x) => x.provenance?.page)).toEqual(boxPages);
  });
});

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

describe('PDF marks drawn over box glyphs', () => {
  it('reads a tick or cross drawn over an empty box glyph and flattened into the page as that box ticked; rings, strikes, underlines and borders are no marks', async () => {
    const { pdf, page, t } = await a4(10);
    const glyphs = new GlyphFont(pdf, 'unicode');
    // An ellipse of four curves round (x, y), as a viewer's oval tool draws one.
    const ring = (x: number, y: number, rx: number, ry: number) => {
      const [kx, ky] = [0.5523 * rx, 0.5523 * ry];
      return `${x + rx} ${y} m ${x + rx} ${y + ky} ${x + kx} ${y + ry} ${x} ${y + ry} c ${x - kx} ${y + ry} ${x - rx} ${y + ky} ${x - rx} ${y} c ${x - rx} ${y - ky} ${x - kx} ${y - ry} ${x} ${y - ry} c ${x + kx} ${y - ry} ${x + rx} ${y - ky} ${x + rx} ${y} c`;
    };
    const rows: Array<[string, (y: number) => string]> = [
      // A pen's tick over Yes, as a viewer flattens it: one open stroke.
      ['1. Do you publish an annual report?', (y) => `0 0 0.6 RG 1.2 w 401 ${y + 4} m 404 ${y + 1} l 412 ${y + 11} l S`],
      // A cross over No in two strokes.
      ['2. Do you audit disclosures?', (y) => `0 g 1 w 440 ${y - 1} m 450 ${y + 9} l S 440 ${y + 9} m 450 ${y - 1} l S`],
      // A filler's tick stamped as a filled shape, larger than the box.
      ['3. Do you consult the public?', (y) => `0 g 397 ${y + 4} m 401 ${y + 6} l 404 ${y + 2} l 414 ${y + 14} l 416 ${y + 12} l 404 ${y - 2} l h f`],
      // Ticks over both: both read, for the matcher to call ambiguous.
      ['4. Do you train your staff?', (y) => `0 g 1 w 401 ${y + 4} m 404 ${y + 1} l 412 ${y + 11} l S 441 ${y + 4} m 444 ${y + 1} l 452 ${y + 11} l S`],
      // A ring round the Yes box, a line struck through the No box and its label, an underline, and a cell's border.
      ['5. Do you keep a log?', (y) => `1 0 0 RG 1 w ${ring(405, y + 4.5, 11, 7.5)} S`],
      ['6. Do you review it yearly?', (y) => `0 g 0.8 w 438 ${y + 3.5} m 468 ${y + 3.5} l S 398 ${y - 2} m 432 ${y - 2} l S 395 ${y - 6} m 395 ${y + 14} l S`],
      // A question mark written over the Yes box and a slash through the No box: no tick, no cross.
      ['7. Do you keep minutes?', (y) => `0 g 1 w 401 ${y + 8} m 403 ${y + 12} 410 ${y + 12} 410 ${y + 8} c 410 ${y + 5} 405 ${y + 5} 405 ${y + 1} c S 441 ${y - 1} m 451 ${y + 10} l S`],
    ];
    let content = '';
    rows.forEach(([question, draw], i) => {
      const y = 760 - 30 * i;
      glyphRow(page, glyphs, t, y, question, 'none');
      content += `${draw(y)}\n`;
    });
    page.node.addContentStream(pdf.context.register(pdf.context.flateStream(content)));
    const d = await parse(await pdf.save());
    expect(d.blocks.filter((b) => b.option).map(show)).toEqual([
      'yes:checked:vector',
      'no:unchecked:glyph',
      'yes:unchecked:glyph',
      'no:checked:vector',
      'yes:checked:vector',
      'no:unchecked:glyph',
      'yes:checked:vector',
      'no:checked:vector',
      'yes:unchecked:glyph',
      'no:unchecked:glyph',
      'yes:unchecked:glyph',
      'no:unchecked:glyph',
      'yes:unchecked:glyph',
      'no:unchecked:glyph',
    ]);
    expect(d.blocks.find((b) => b.option?.mark?.source === 'vector')?.option?.mark?.detail).toBe('a mark drawn over the box glyph, flattened into the page');
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
    // Still no headings, the table goes on; but here a word stands in the Yes column above the mark.
    await tablePage(760, edges, [
      ['2.4', 'Do you review the system?', 'Partly', '', 'The board.'],
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
      'Partly',
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

describe('PDF boxes printed as pictures', () => {
  /** A grey picture `size` pixels square: a frame `frame` pixels wide (0 for none), and what `inked` paints inside. */
  const picture = (size: number, frame: number, inked: (x: number, y: number) => boolean = () => false): RawImage => {
    const data = new Uint8Array(size * size * 3).fill(255);
    for (let y = 0; y < size; y++)
      for (let x = 0; x < size; x++)
        if ((frame > 0 && (x < frame || y < frame || x >= size - frame || y >= size - frame)) || inked(x, y)) data.fill(0, (y * size + x) * 3, (y * size + x) * 3 + 3);
    return { width: size, height: size, kind: 2, data };
  };
  const cross = (size: number) => (x: number, y: number) => x > 5 && x < size - 6 && (Math.abs(x - y) <= 1 || Math.abs(x + y - size + 1) <= 1);

  it('reads a framed picture as an empty or a marked box, and one with ink but no frame as a mark', () => {
    expect(readPicture(picture(32, 2))).toBe('empty');
    expect(readPicture(picture(32, 2, cross(32)))).toBe('marked');
    expect(readPicture(picture(32, 2, (x, y) => x >= 10 && x < 22 && y >= 10 && y < 22))).toBe('marked');
    expect(readPicture(picture(32, 0, cross(32)))).toBe('mark');
    // A speck inside the frame is neither; a frame too small to see inside cannot be read.
    expect(readPicture(picture(32, 2, (x, y) => x >= 15 && x < 18 && y >= 14 && y < 19))).toBe('unclear');
    expect(readPicture(picture(8, 1))).toBe('unclear');
    expect(readPicture(picture(32, 0))).toBeNull();
    // A frame open on one side is no box.
    expect(readPicture(picture(32, 0, (x, y) => x < 2 || y < 2 || y >= 30))).toBe('mark');
  });

  it('reads one bit and transparent pictures as they show', () => {
    // One bit per pixel, a set bit white: a frame one pixel wide round 16 by 16, empty.
    const bits = new Uint8Array(2 * 16).fill(0xff);
    for (let y = 0; y < 16; y++) {
      if (y === 0 || y === 15) bits.fill(0, y * 2, y * 2 + 2);
      bits[y * 2]! &= 0x7f;
      bits[y * 2 + 1]! &= 0xfe;
    }
    expect(readPicture({ width: 16, height: 16, kind: 1, data: bits })).toBe('empty');
    // Black but fully transparent inside: nothing shows there.
    const rgba = new Uint8Array(32 * 32 * 4);
    for (let y = 0; y < 32; y++) for (let x = 0; x < 32; x++) if (x < 2 || y < 2 || x >= 30 || y >= 30) rgba[(y * 32 + x) * 4 + 3] = 255;
    expect(readPicture({ width: 32, height: 32, kind: 3, data: rgba })).toBe('empty');
  });

  it('pairs pictures of boxes with their labels, and a tick pasted into a drawn box marks it', async () => {
    const { pdf, page, t } = await a4(10);
    const image = (pixels: RawImage) =>
      pdf.context.register(pdf.context.flateStream(pixels.data as Uint8Array, { Type: 'XObject', Subtype: 'Image', Width: pixels.width, Height: pixels.height, ColorSpace: 'DeviceRGB', BitsPerComponent: 8 }));
    const place = (ref: ReturnType<typeof image>, x: number, y: number, side = 9) =>
      page.pushOperators(pushGraphicsState(), concatTransformationMatrix(side, 0, 0, side, x, y), drawObject(page.node.newXObject('Pic', ref)), popGraphicsState());
    const [empty, marked, tick] = [image(picture(32, 2)), image(picture(32, 2, cross(32))), image(picture(32, 0, cross(32)))];
    t('1. Do you publish an annual report?', 50, 760);
    t('Yes', 400, 760);
    place(marked, 422, 759);
    t('No', 450, 760);
    place(empty, 468, 759);
    t('2. Do you audit disclosures?', 50, 730);
    t('Yes', 400, 730);
    drawBox(page, 422, 730, false);
    t('No', 450, 730);
    drawBox(page, 468, 730, false);
    place(tick, 469, 730, 7);
    const d = await parse(await pdf.save());
    expect(d.blocks.map((b) => (b.option ? `${b.option.value}:${b.option.mark?.state}:${b.option.mark?.detail}` : b.text))).toEqual([
      '1. Do you publish an annual report?',
      'yes:checked:a picture of a marked box 9.0x9.0',
      'no:unchecked:a picture of an empty box 9.0x9.0',
      '2. Do you audit disclosures?',
      'yes:unchecked:empty box 9.0x9.0',
      'no:checked:fill box 9.0x9.0',
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
});

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
