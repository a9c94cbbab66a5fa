/**
 * A tiny Type 3 font that draws checkbox glyphs (an empty box, a box with a
 * cross, a box with a tick), written by hand so no font file is needed. Its
 * ToUnicode map says what text extraction reads for each glyph: either the
 * Unicode ballot boxes (☐ ☒ ☑, as MS Gothic leaves them) or the Wingdings
 * private-use code points (U+F0A8, U+F0FD, U+F0FE, as Word's Wingdings boxes do).
 */
import { PDFHexString, PDFName, beginText, endText, setFontAndSize, showText, moveText, type PDFDocument, type PDFPage, type PDFRef } from 'pdf-lib';

export type GlyphFlavour = 'unicode' | 'wingdings';
export type BoxGlyph = 'empty' | 'cross' | 'tick';

const CODES: Record<BoxGlyph, number> = { empty: 1, cross: 2, tick: 3 };
const UNICODE: Record<GlyphFlavour, Record<BoxGlyph, number>> = {
  unicode: { empty: 0x2610, cross: 0x2612, tick: 0x2611 },
  wingdings: { empty: 0xf0a8, cross: 0xf0fd, tick: 0xf0fe },
};

/** Glyph programs in a 1000-unit em; the box sits on the baseline. */
const BOX = '60 w 90 -10 640 640 re S';
const PROCS: Record<BoxGlyph, string> = {
  empty: `820 0 0 -60 820 700 d1\n${BOX}`,
  cross: `820 0 0 -60 820 700 d1\n${BOX}\n70 w 190 90 m 630 530 l S 190 530 m 630 90 l S`,
  tick: `820 0 0 -60 820 700 d1\n${BOX}\n80 w 200 330 m 350 150 l 640 560 l S`,
};

export class GlyphFont {
  private readonly ref: PDFRef;
  readonly key: PDFName;

  constructor(doc: PDFDocument, flavour: GlyphFlavour) {
    const ctx = doc.context;
    const procs = Object.fromEntries(
      (Object.keys(PROCS) as BoxGlyph[]).map((g) => [g, ctx.register(ctx.flateStream(PROCS[g]))]),
    );
    const map = (Object.keys(CODES) as BoxGlyph[])
      .map((g) => `<${CODES[g].toString(16).padStart(2, '0')}> <${UNICODE[flavour][g].toString(16).toUpperCase().padStart(4, '0')}>`)
      .join('\n');
    const cmap = [
      '/CIDInit /ProcSet findresource begin',
      '12 dict begin',
      'begincmap',
      '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
      '/CMapName /Adobe-Identity-UCS def',
      '/CMapType 2 def',
      '1 begincodespacerange',
      '<00> <FF>',
      'endcodespacerange',
      `${Object.keys(CODES).length} beginbfchar`,
      map,
      'endbfchar',
      'endcmap',
      'CMapName currentdict /CMap defineresource pop',
      'end',
      'end',
    ].join('\n');
    const font = ctx.obj({
      Type: 'Font',
      Subtype: 'Type3',
      Name: flavour === 'wingdings' ? 'Wingdings' : 'MSGothicBoxes',
      FontBBox: [0, -60, 820, 700],
      FontMatrix: [0.001, 0, 0, 0.001, 0, 0],
      CharProcs: procs,
      Encoding: { Type: 'Encoding', Differences: [1, 'empty', 'cross', 'tick'] },
      FirstChar: 1,
      LastChar: 3,
      Widths: [820, 820, 820],
      Resources: {},
      ToUnicode: ctx.register(ctx.flateStream(cmap)),
    });
    this.ref = ctx.register(font);
    this.key = PDFName.of(flavour === 'wingdings' ? 'FWing' : 'FBox');
  }

  /** Width of one glyph at a size. */
  width(size: number): number {
    return 0.82 * size;
  }

  draw(page: PDFPage, glyph: BoxGlyph, x: number, baseline: number, size: number): void {
    page.node.setFontDictionary(this.key, this.ref);
    page.pushOperators(
      beginText(),
      setFontAndSize(this.key.asString().slice(1), size),
      moveText(x, baseline),
      showText(PDFHexString.of(CODES[glyph].toString(16).padStart(2, '0'))),
      endText(),
    );
  }
}
