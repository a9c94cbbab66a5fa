/** Helpers the PDF parser's tests share. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PDFDocument, StandardFonts, rgb, type PDFPage } from 'pdf-lib';
import { GlyphFont } from '../corpus/build/pdf-glyph-font.js';
import type { Block } from '../src/document.js';

export const CORPUS = fileURLToPath(new URL('../corpus', import.meta.url));

export const input = (name: string) => new Uint8Array(readFileSync(join(CORPUS, `pdf-${name}`, 'input.pdf')));

/** A new PDF with one blank A4 page; `t` prints Helvetica at `size` and `w` measures it. */
export async function a4(size: number) {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const page = pdf.addPage([595, 842]);
  const t = (s: string, x: number, y: number) => page.drawText(s, { x, y, size, font });
  const w = (s: string) => font.widthOfTextAtSize(s, size);
  // A line through words printed with t, as LibreOffice draws strikethrough: about 2.8 pt over the baseline.
  const strike = (s: string, x: number, y: number, at = 2.8) => page.drawLine({ start: { x, y: y + at }, end: { x: x + w(s), y: y + at }, thickness: 0.5 });
  return { pdf, font, page, t, w, strike };
}

/** A square drawn on a page with its bottom left near (x, y), crossed or empty. */
export function drawBox(page: PDFPage, x: number, y: number, crossed: boolean, side = 9): void {
  page.drawRectangle({ x, y: y - 1, width: side, height: side, borderWidth: 0.75, borderColor: rgb(0, 0, 0) });
  if (!crossed) return;
  page.drawLine({ start: { x: x + 1.5, y: y + 0.5 }, end: { x: x + side - 1.5, y: y + side - 2.5 }, thickness: 0.75 });
  page.drawLine({ start: { x: x + 1.5, y: y + side - 2.5 }, end: { x: x + side - 1.5, y: y + 0.5 }, thickness: 0.75 });
}

/** A table's border, a half-point line from (x0, y0) to (x1, y1). */
export function drawRule(page: PDFPage, x0: number, y0: number, x1: number, y1: number): void {
  page.drawLine({ start: { x: x0, y: y0 }, end: { x: x1, y: y1 }, thickness: 0.5 });
}

/** A question with "Yes ☐  No ☐" after it on its line, the boxes drawn, one of them crossed if asked. */
export function questionRow(page: PDFPage, t: (s: string, x: number, y: number) => void, y: number, question: string, { crossed = '', side = 9 } = {}): void {
  t(question, 50, y);
  t('Yes', 400, y);
  drawBox(page, 420, y, crossed === 'yes', side);
  t('No', 440, y);
  drawBox(page, 455, y, crossed === 'no', side);
}

/** A question with "☐ Yes ☐ No" as box glyphs after it, the one named ticked ("☒"). */
export function glyphRow(page: PDFPage, glyphs: GlyphFont, t: (s: string, x: number, y: number) => void, y: number, question: string, ticked: 'yes' | 'no' | 'none'): void {
  t(question, 50, y);
  glyphs.draw(page, ticked === 'yes' ? 'cross' : 'empty', 400, y, 10);
  t('Yes', 413, y);
  glyphs.draw(page, ticked === 'no' ? 'cross' : 'empty', 440, y, 10);
  t('No', 453, y);
}

/** Option blocks as `value:state:source`, other blocks as their text. */
export const show = (b: Block) => (b.option ? `${b.option.value}:${b.option.mark?.state ?? '-'}:${b.option.mark?.source ?? '-'}` : b.text);
