/**
 * A small page-flow writer over pdf-lib for the PDF corpus builder: A4 pages,
 * Helvetica from pdf-lib's standard fonts (nothing downloaded), word wrapping,
 * and boxes that continue onto the next page.
 */
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';

export const A4: [number, number] = [595.28, 841.89];
export const MARGIN = { left: 56.7, right: 56.7, top: 62, bottom: 62 };
export const BLACK = rgb(0, 0, 0);
export const GREY = rgb(0.35, 0.35, 0.35);

export interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
  italic: PDFFont;
  zapf: PDFFont;
}

export class PdfWriter {
  readonly pages: PDFPage[] = [];
  page!: PDFPage;
  /** User-space y of the top of the next thing drawn. */
  y = 0;
  readonly left = MARGIN.left;
  readonly right = A4[0] - MARGIN.right;
  /** Called with each new page, e.g. to attach resources. */
  onNewPage: (page: PDFPage) => void = () => {};

  private constructor(
    readonly doc: PDFDocument,
    readonly fonts: Fonts,
    readonly size: number,
  ) {}

  static async create(size = 10): Promise<PdfWriter> {
    const doc = await PDFDocument.create();
    doc.setProducer('scc-extract corpus builder');
    doc.setCreator('Microsoft Word'); // what the real ones say; harmless
    // Fixed dates: the same spec gives the same bytes on every run.
    doc.setCreationDate(new Date('2023-03-14T09:00:00Z'));
    doc.setModificationDate(new Date('2023-03-14T09:00:00Z'));
    const fonts: Fonts = {
      regular: await doc.embedFont(StandardFonts.Helvetica),
      bold: await doc.embedFont(StandardFonts.HelveticaBold),
      italic: await doc.embedFont(StandardFonts.HelveticaOblique),
      zapf: await doc.embedFont(StandardFonts.ZapfDingbats),
    };
    const w = new PdfWriter(doc, fonts, size);
    w.newPage();
    return w;
  }

  get width(): number {
    return this.right - this.left;
  }

  get lineHeight(): number {
    return this.size * 1.3;
  }

  newPage(): void {
    this.page = this.doc.addPage(A4);
    this.pages.push(this.page);
    this.y = A4[1] - MARGIN.top;
    this.onNewPage(this.page);
  }

  /** Room left on this page above the bottom margin. */
  room(): number {
    return this.y - MARGIN.bottom;
  }

  ensure(height: number): void {
    if (this.room() < height) this.newPage();
  }

  wrap(text: string, width: number, font: PDFFont = this.fonts.regular, size = this.size): string[] {
    const lines: string[] = [];
    for (const para of text.split('\n')) {
      let line = '';
      for (const word of para.split(/\s+/).filter(Boolean).flatMap((wd) => this.breakWord(wd, width, font, size))) {
        const candidate = line ? `${line} ${word}` : word;
        if (font.widthOfTextAtSize(candidate, size) <= width || !line) line = candidate;
        else {
          lines.push(line);
          line = word;
        }
      }
      lines.push(line);
    }
    return lines;
  }

  /** A word wider than the line (a long URL) broken after a "/" or "-" where it fits, as a word processor does. */
  private breakWord(word: string, width: number, font: PDFFont, size: number): string[] {
    const pieces: string[] = [];
    let rest = word;
    while (font.widthOfTextAtSize(rest, size) > width) {
      let fit = 1;
      let sep = 0;
      for (let i = 1; i < rest.length; i++) {
        if (font.widthOfTextAtSize(rest.slice(0, i), size) > width) break;
        fit = i;
        if (/[/-]/.test(rest[i - 1]!)) sep = i;
      }
      const cut = sep > 0 ? sep : fit;
      pieces.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    pieces.push(rest);
    return pieces;
  }

  text(str: string, x: number, baseline: number, font: PDFFont = this.fonts.regular, size = this.size, color = BLACK): void {
    if (str) this.page.drawText(str, { x, y: baseline, size, font, color });
  }

  /** A wrapped paragraph at the cursor, breaking pages between lines. */
  paragraph(text: string, opts: { font?: PDFFont; size?: number; indent?: number; width?: number; after?: number; color?: typeof BLACK } = {}): void {
    const font = opts.font ?? this.fonts.regular;
    const size = opts.size ?? this.size;
    const x = this.left + (opts.indent ?? 0);
    const lh = size * 1.3;
    for (const line of this.wrap(text, opts.width ?? this.right - x, font, size)) {
      this.ensure(lh);
      this.text(line, x, this.y - size, font, size, opts.color);
      this.y -= lh;
    }
    this.y -= opts.after ?? size * 0.6;
  }

  rect(x: number, yTop: number, w: number, h: number, width = 0.75): void {
    this.page.drawRectangle({ x, y: yTop - h, width: w, height: h, borderColor: BLACK, borderWidth: width });
  }

  line(x0: number, y0: number, x1: number, y1: number, thickness = 0.75): void {
    this.page.drawLine({ start: { x: x0, y: y0 }, end: { x: x1, y: y1 }, thickness, color: BLACK });
  }

  /**
   * Text in a bordered box the full content width, continuing on the next page
   * when it does not fit (as an answer box does in an exported form). An empty
   * box is drawn `minLines` high.
   */
  box(text: string | null, opts: { minLines?: number; x?: number; width?: number } = {}): void {
    const x = opts.x ?? this.left;
    const w = opts.width ?? this.right - x;
    const pad = 5;
    const lh = this.lineHeight;
    const lines = text ? this.wrap(text, w - 2 * pad) : [];
    const minLines = opts.minLines ?? 2;
    this.ensure(pad * 2 + lh);
    let top = this.y;
    let cursor = top - pad;
    let i = 0;
    const bodyLines = Math.max(lines.length, text ? 0 : minLines);
    while (i < bodyLines) {
      if (cursor - lh < MARGIN.bottom) {
        this.rect(x, top, w, top - cursor);
        this.newPage();
        top = this.y;
        cursor = top - pad;
      }
      const l = lines[i];
      if (l) this.text(l, x + pad, cursor - this.size);
      cursor -= lh;
      i++;
    }
    cursor -= pad;
    this.rect(x, top, w, top - cursor);
    this.y = cursor - this.size * 0.9;
  }
}
