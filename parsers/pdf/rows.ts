/**
 * A table row's border between two lines of text. A box or label on one side
 * of it is no box or label of the other side's, and a paragraph does not run
 * on across it: what is below it is another row, however the words either
 * side of it read.
 */
import { height } from './geometry.js';
import { findCellBorders, type Rule, type Shape, type VectorBox } from './vector.js';

/** A line of text as far as a border is concerned: its baseline and font size. */
export interface Baseline {
  baseline: number;
  size: number;
}

/** Whether a drawn line parts `above` from `below` over x0..x1. */
export type RuledBetween = (above: Baseline, below: Baseline, x0: number, x1: number) => boolean;

/** How far a border runs past the words it parts, each side: a cell's padding, which an underline does not have. */
const PAST_WORDS = 1;
/** Pieces of a border drawn cell by cell meet within this. */
const JOIN = 1;
/**
 * How far below a line's baseline its underline may lie, in font sizes: a
 * font's underline is about a tenth below it, a row's border past the
 * letters' descent, a fifth or more.
 */
const UNDERLINE_DEPTH = 0.2;
/** Lowest cell drawn as a stroked rectangle whose top and bottom are borders. */
const MIN_CELL_HEIGHT = 8;
/** Shortest side of a cell a row border runs across: a spreadsheet's row printed in 6 pt. */
const MIN_SIDE = 4;

/**
 * The page's row borders: its `rules` (thin horizontal lines and bars, from
 * `findRules`), and the top and bottom of cells drawn one by one as stroked
 * rectangles, but not the edges
 * of its boxes. A border lies below the line above, past where its underline
 * would be, and above the middle of the line below, and runs past both ends of
 * x0..x1, alone or as pieces meeting end to end at one height (an underline
 * over spaces either side of its words does too). It runs across a cell's
 * side (a vertical line meeting it), as a table's row border runs across the
 * table: a table set inside one cell, a label's row over its box's, parts no
 * row.
 */
export function rowBorders(shapes: readonly Shape[], rules: readonly Rule[], boxes: readonly VectorBox[]): RuledBetween {
  const cells = shapes.filter((s) => s.inked && s.isRect && s.stroke && height(s.rect) >= MIN_CELL_HEIGHT);
  const lines: Rule[] = [
    ...rules,
    ...cells.flatMap((s) => [s.rect.top, s.rect.bottom].map((y) => ({ x0: s.rect.x0, x1: s.rect.x1, y }))),
  ]
    .filter((r) => !boxes.some((b) => r.x0 >= b.rect.x0 - 1 && r.x1 <= b.rect.x1 + 1 && r.y >= b.rect.top - 1 && r.y <= b.rect.bottom + 1))
    .sort((a, b) => a.y - b.y);
  // A spreadsheet's rows can be lower than the shortest cell border taken elsewhere.
  const sides = findCellBorders(shapes, boxes, MIN_SIDE);
  const acrossCells = (r: Rule) => sides.some((c) => c.x > r.x0 + 1 && c.x < r.x1 - 1 && c.top <= r.y + 1.5 && c.bottom >= r.y - 1.5);
  return (above, below, x0, x1) => {
    // Asked for every line a paragraph might run on to: the lines between the two are found by halving.
    let lo = 0;
    for (let hi = lines.length; lo < hi; ) {
      const mid = (lo + hi) >> 1;
      if (lines[mid]!.y > above.baseline + UNDERLINE_DEPTH * above.size) hi = mid;
      else lo = mid + 1;
    }
    const at: Rule[] = [];
    for (let k = lo; k < lines.length && lines[k]!.y < below.baseline - 0.5 * below.size; k++) at.push(lines[k]!);
    return joined(at).some((r) => r.x0 <= x0 - PAST_WORDS && r.x1 >= x1 + PAST_WORDS && acrossCells(r));
  };
}

/** Lines at one height (within 0.75 pt) meeting end to end, each run joined into one. */
function joined(lines: readonly Rule[]): Rule[] {
  const out: Rule[] = [];
  for (const r of [...lines].sort((a, b) => a.x0 - b.x0)) {
    const run = out.find((o) => Math.abs(o.y - r.y) <= 0.75 && r.x0 <= o.x1 + JOIN);
    if (run) run.x1 = Math.max(run.x1, r.x1);
    else out.push({ ...r });
  }
  return out;
}
