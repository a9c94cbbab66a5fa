import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GlyphFont } from '../corpus/build/pdf-glyph-font.js';
import { readBoxGlyph, readType3BoxGlyph } from '../parsers/pdf/glyphs.js';
import { parse } from '../parsers/pdf/index.js';
import { pdfjs } from '../parsers/pdf/pdfjs.js';
import { CORPUS, a4, glyphRow, show } from './pdf-fixtures.js';

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
