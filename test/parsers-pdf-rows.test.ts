import { describe, expect, it } from 'vitest';
import { rowBorders as fromShapes } from '../parsers/pdf/rows.js';
import { findRules } from '../parsers/pdf/vector.js';
import type { Shape, VectorBox } from '../parsers/pdf/vector.js';

/** A stroked path in display space (y down), as the drawing reader makes them. */
const stroked = (segments: Array<[number, number, number, number]>, isRect = false): Shape => {
  const xs = segments.flatMap(([x0, , x1]) => [x0, x1]);
  const ys = segments.flatMap(([, y0, , y1]) => [y0, y1]);
  return {
    rect: { x0: Math.min(...xs), x1: Math.max(...xs), top: Math.min(...ys), bottom: Math.max(...ys) },
    stroke: true,
    fill: false,
    fillDark: false,
    inked: true,
    isRect,
    isRound: false,
    roundedSquare: false,
    closed: isRect,
    segments,
    strokeWidth: 0.5,
  };
};
const line = (x0: number, x1: number, y: number) => stroked([[x0, y, x1, y]]);
const rectangle = (x0: number, top: number, x1: number, bottom: number) =>
  stroked([[x0, top, x1, top], [x1, top, x1, bottom], [x1, bottom, x0, bottom], [x0, bottom, x0, top]], true);

// Two lines of 10 pt text, baselines 100 and 113, and words from x 300 to 340 on both, in a table whose cells'
// sides at x 250 and 360 run from y 60 to 140.
/** The row borders among `shapes`, their rules found as the parser finds them. */
const rowBorders = (shapes: Shape[], boxes: VectorBox[]) => fromShapes(shapes, findRules(shapes), boxes);

const above = { baseline: 100, size: 10 };
const below = { baseline: 113, size: 10 };
const side = (x: number, top = 60, bottom = 140) => stroked([[x, top, x, bottom]]);
const sides = [side(250), side(360)];

describe('rowBorders', () => {
  it('takes a line running past the words between the two lines for a row\'s border', () => {
    expect(rowBorders([line(240, 370, 103.4), ...sides], [])(above, below, 300, 340)).toBe(true);
    // Where the cells' sides stop at it, above and below.
    expect(rowBorders([line(240, 370, 103.4), side(250, 60, 103.4), side(250, 103.4, 140)], [])(above, below, 300, 340)).toBe(true);
    // A spreadsheet's rows, 7.5 pt high.
    expect(rowBorders([line(240, 370, 103.4), side(250, 95.9, 103.4), side(250, 103.4, 110.9)], [])(above, below, 300, 340)).toBe(true);
    // Drawn cell by cell, the pieces meeting end to end.
    expect(rowBorders([line(240, 320, 103.4), line(320, 370, 103.4), ...sides], [])(above, below, 300, 340)).toBe(true);
    // Cells drawn one by one as rectangles: the top of the lower cell.
    const cell = (x0: number, x1: number) => [rectangle(x0, 70, x1, 103.4), rectangle(x0, 103.4, x1, 140)];
    const drawn = [...cell(200, 290), ...cell(290, 360)];
    expect(rowBorders(drawn, [])(above, below, 300, 340)).toBe(true);
  });

  it('takes no underline, no line above both, no piece short of the words, no line within one cell and no box\'s edge for one', () => {
    // An underline, however far it runs.
    expect(rowBorders([line(240, 370, 101.5), ...sides], [])(above, below, 300, 340)).toBe(false);
    expect(rowBorders([line(240, 370, 100.9), ...sides], [])(above, below, 300, 340)).toBe(false);
    // A border above the upper line, or below the middle of the lower one.
    expect(rowBorders([line(240, 370, 88), ...sides], [])(above, below, 300, 340)).toBe(false);
    expect(rowBorders([line(240, 370, 110), ...sides], [])(above, below, 300, 340)).toBe(false);
    // Pieces with a gap between them.
    expect(rowBorders([line(240, 318, 103.4), line(322, 370, 103.4), ...sides], [])(above, below, 300, 340)).toBe(false);
    // A table set inside one cell, a label's row over its box's: its line crosses no side of the cell.
    expect(rowBorders([line(290, 358, 103.4), ...sides], [])(above, below, 300, 340)).toBe(false);
    // The bottom of a drawn box between the lines.
    const box: VectorBox = { rect: { x0: 330, x1: 339, top: 94.4, bottom: 103.4 }, content: 'empty', round: false, picture: false };
    expect(rowBorders([line(330, 339, 103.4), side(334)], [box])(above, below, 332, 336)).toBe(false);
    expect(rowBorders([line(330, 339, 103.4), side(334)], [])(above, below, 332, 336)).toBe(true);
  });
});
