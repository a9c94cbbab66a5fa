/**
 * Rows of options set in table cells. A word processor's table draws its
 * cell borders as vertical rules, so a row "Yes | X | No | ␣" can be read
 * cell by cell: the space printed between an X and a label there is a cell
 * border, not typed spacing, and says nothing of which label the X is for.
 * What does is the order of the cells and, where the order alone could give
 * a mark to either label, an empty cell about as narrow as the mark's at
 * one end of the row only: the box left blank that the other label's X
 * would have gone in. Where neither settles it, the table's other rows do,
 * if they all go one way.
 */
import { markOrder, type MarkOrder } from '../../src/options.js';
import { centreX, width, type Rect } from './geometry.js';

/** A vertical rule drawn on the page (display space): a cell border. */
export interface CellBorder {
  x: number;
  top: number;
  bottom: number;
}

export interface CellItem {
  rect: Rect;
  /** A mark (a box, an X) rather than a label. */
  isMark: boolean;
}

type Kind = 'label' | 'mark' | 'blank';

/** The x of the cell borders crossing a band, left to right, each once. */
export function bordersAcross(top: number, bottom: number, borders: readonly CellBorder[]): number[] {
  const xs: number[] = [];
  for (const b of [...borders].filter((b) => b.top <= top && b.bottom >= bottom).sort((a, b) => a.x - b.x))
    if (xs.length === 0 || b.x - xs[xs.length - 1]! > 1) xs.push(b.x);
  return xs;
}

const gridKey = (xs: readonly number[]) => xs.map((x) => Math.round(x)).join(',');

/**
 * The grid of the table cells a band crosses (rows of one table share it), or
 * null outside a table. `minBorders` 2 names a row of one cell too (a
 * table's header row of merged cells).
 */
export function gridOf(top: number, bottom: number, borders: readonly CellBorder[], minBorders = 3): string | null {
  const xs = bordersAcross(top, bottom, borders);
  return xs.length >= minBorders ? gridKey(xs) : null;
}

/**
 * Pairs the marks of a row with labels, cell by cell: each mark with the
 * label in the cell after it or before it, whichever way pairs more (blank
 * narrow cells counted as boxes only when both ways pair as many). Returns
 * mark → label; a mark that could be either label's stays out of the map.
 * Returns undefined when the row is not set one item to a cell.
 * `isBlank` says whether nothing is printed or drawn in a cell.
 */
export function pairInCells<T extends CellItem>(
  items: readonly T[],
  borders: readonly CellBorder[],
  isBlank: (cell: Rect) => boolean,
  /** The way the other rows of the row's table (its grid, named by gridOf, and its band) go, where they all go one way. */
  settled: (grid: string, top: number, bottom: number) => MarkOrder | null = () => null,
): Map<T, T> | undefined {
  if (items.length < 2 || !items.some((it) => it.isMark) || !items.some((it) => !it.isMark)) return undefined;
  const top = Math.min(...items.map((it) => it.rect.top));
  const bottom = Math.max(...items.map((it) => it.rect.bottom));
  const xs = bordersAcross(top, bottom, borders);
  if (xs.length < 3) return undefined;
  const cellOf = (r: Rect) => {
    const i = xs.findIndex((x, k) => k + 1 < xs.length && centreX(r) > x && centreX(r) < xs[k + 1]!);
    return i >= 0 && r.x0 >= xs[i]! - 0.5 && r.x1 <= xs[i + 1]! + 0.5 ? i : -1;
  };
  const at = new Map<number, T>();
  for (const it of items) {
    const i = cellOf(it.rect);
    if (i < 0 || at.has(i)) return undefined;
    at.set(i, it);
  }
  const cell = (i: number): Rect => ({ x0: xs[i]!, x1: xs[i + 1]!, top, bottom });
  const markWidths = [...at].filter(([, it]) => it.isMark).map(([i]) => width(cell(i)));
  // About as wide as a mark's cell: a box left blank, or a cell that could be one (a blank number or status
  // cell is not told from a box cell, and only ever makes the row read either way).
  const narrow = (i: number) => markWidths.some((w) => width(cell(i)) >= 0.6 * w && width(cell(i)) <= 1.6 * w) && isBlank(cell(i));
  const first = Math.min(...at.keys());
  const last = Math.max(...at.keys());
  const kinds: Kind[] = [];
  for (let i = first; i <= last; i++) {
    const it = at.get(i);
    if (it) kinds.push(it.isMark ? 'mark' : 'label');
    else if (narrow(i)) kinds.push('blank');
    else return undefined;
  }
  const cells = Array.from({ length: last - first + 1 }, (_, k) => at.get(first + k));
  let order = markOrder(kinds.filter((k) => k !== 'blank').map((k) => k === 'mark'));
  if (order === null) {
    // Blank cells just outside the row count too: "␣ | Yes | X | No" is box first.
    if (first > 0 && narrow(first - 1)) {
      kinds.unshift('blank');
      cells.unshift(undefined);
    }
    if (last + 2 < xs.length && narrow(last + 1)) {
      kinds.push('blank');
      cells.push(undefined);
    }
    order = markOrder(kinds.map((k) => k !== 'label')) ?? settled(gridKey(xs), top, bottom);
  }
  const pairs = new Map<T, T>();
  if (order === null) return pairs;
  for (let k = 0; k + 1 < kinds.length; k++) {
    const [box, label] = order === 'mark-first' ? [k, k + 1] : [k + 1, k];
    if (kinds[box] === 'label' || kinds[label] !== 'label') continue;
    if (kinds[box] === 'mark') pairs.set(cells[box]!, cells[label]!);
    k++;
  }
  return pairs;
}
