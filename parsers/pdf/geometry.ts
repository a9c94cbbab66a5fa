/**
 * Page geometry. Layout work happens in "display" space: the page as shown,
 * origin at the top left, y growing downwards (pdf.js viewport at scale 1),
 * so rotated pages read the same as upright ones. Provenance is converted
 * back to PDF user space.
 */

export type Matrix = [number, number, number, number, number, number];

export const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** m1 × m2 in pdf.js's convention (apply m2, then m1). */
export function mul(m1: readonly number[], m2: readonly number[]): Matrix {
  return [
    m1[0]! * m2[0]! + m1[2]! * m2[1]!,
    m1[1]! * m2[0]! + m1[3]! * m2[1]!,
    m1[0]! * m2[2]! + m1[2]! * m2[3]!,
    m1[1]! * m2[2]! + m1[3]! * m2[3]!,
    m1[0]! * m2[4]! + m1[2]! * m2[5]! + m1[4]!,
    m1[1]! * m2[4]! + m1[3]! * m2[5]! + m1[5]!,
  ];
}

export function apply(m: readonly number[], x: number, y: number): [number, number] {
  return [m[0]! * x + m[2]! * y + m[4]!, m[1]! * x + m[3]! * y + m[5]!];
}

/** An axis-aligned rectangle in display space (top < bottom). */
export interface Rect {
  x0: number;
  top: number;
  x1: number;
  bottom: number;
}

export function rectFromPoints(points: ReadonlyArray<readonly [number, number]>): Rect {
  let x0 = Infinity;
  let top = Infinity;
  let x1 = -Infinity;
  let bottom = -Infinity;
  for (const [x, y] of points) {
    if (x < x0) x0 = x;
    if (x > x1) x1 = x;
    if (y < top) top = y;
    if (y > bottom) bottom = y;
  }
  return { x0, top, x1, bottom };
}

export const width = (r: Rect) => r.x1 - r.x0;
export const height = (r: Rect) => r.bottom - r.top;
export const centreX = (r: Rect) => (r.x0 + r.x1) / 2;
export const centreY = (r: Rect) => (r.top + r.bottom) / 2;

export function inside(inner: Rect, outer: Rect, slack = 0): boolean {
  return inner.x0 >= outer.x0 - slack && inner.x1 <= outer.x1 + slack && inner.top >= outer.top - slack && inner.bottom <= outer.bottom + slack;
}

export function containsPoint(r: Rect, x: number, y: number, slack = 0): boolean {
  return x >= r.x0 - slack && x <= r.x1 + slack && y >= r.top - slack && y <= r.bottom + slack;
}

/** Vertical overlap of two rectangles as a share of the smaller height. */
export function verticalOverlap(a: Rect, b: Rect): number {
  const overlap = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
  const h = Math.min(height(a), height(b));
  return h > 0 ? overlap / h : 0;
}

/** Maps display space back to PDF user space (the inverse of the viewport transform). */
export function inverse(m: readonly number[]): Matrix {
  const det = m[0]! * m[3]! - m[1]! * m[2]!;
  return [m[3]! / det, -m[1]! / det, -m[2]! / det, m[0]! / det, (m[2]! * m[5]! - m[3]! * m[4]!) / det, (m[1]! * m[4]! - m[0]! * m[5]!) / det];
}
