/**
 * Box glyphs printed in a font that maps them to no character (a subset
 * whose ToUnicode map an optimiser or print driver dropped). The text layer
 * then says nothing, but the glyph's outline still shows what is printed: a
 * square frame, empty inside but for the frame's own inner edge, is an empty
 * box; a frame with diagonal strokes inside (a cross or a tick) is a ticked
 * one. Any other outline (a filled or shadowed square, which are as often
 * bullets, a letter, a frame with something else inside) is left unread.
 * A Type 3 font (as a PostScript printer driver and Ghostscript make) draws
 * each glyph with its own drawing operations, where a frame may be stroked:
 * a stroked square is a frame with its inner edge.
 */
import { IDENTITY, mul, rectFromPoints, width, height, type Rect } from './geometry.js';
import { subpaths, type Ops, type Subpath } from './vector.js';

export type BoxGlyph = 'empty' | 'ticked';

/** How much of a path's length runs along the axes (curves counted by their chord). */
function straightness(sub: Subpath): number {
  let along = 0;
  let total = 0;
  for (const [x0, y0, x1, y1] of sub.segments) {
    const len = Math.hypot(x1 - x0, y1 - y0);
    total += len;
    if (Math.abs(x1 - x0) <= 0.02 * len || Math.abs(y1 - y0) <= 0.02 * len) along += len;
  }
  return total > 0 ? along / total : 0;
}

const within = (inner: Rect, outer: Rect, slack: number) =>
  inner.x0 >= outer.x0 - slack && inner.x1 <= outer.x1 + slack && inner.top >= outer.top - slack && inner.bottom <= outer.bottom + slack;

/** Whether `inner` sits in the middle of `outer`: the margins either side alike. */
function centred(inner: Rect, outer: Rect): boolean {
  const alike = (a: number, b: number) => Math.abs(a - b) <= Math.max(0.3 * Math.max(a, b), 0.01 * width(outer));
  return alike(inner.x0 - outer.x0, outer.x1 - inner.x1) && alike(inner.top - outer.top, outer.bottom - inner.bottom);
}

/** Reads a glyph outline (pdf.js path operations, in em units) as a box, or null. */
export function readBoxGlyph(path: ArrayLike<number>): BoxGlyph | null {
  return readBoxShape(subpaths(path, IDENTITY).map((sub) => ({ sub, stroked: false })));
}

/** Reads the parts of a glyph's drawing as a box, or null; a stroked part has no inner edge of its own. */
function readBoxShape(parts: ReadonlyArray<{ sub: Subpath; stroked: boolean }>): BoxGlyph | null {
  const drawn = parts.filter((p) => p.sub.segments.length > 0);
  const subs = drawn.map((p) => p.sub);
  const rects = subs.map((s) => rectFromPoints(s.points));
  const area = (r: Rect) => width(r) * height(r);
  const f = rects.reduce((best, r, i) => (area(r) > area(rects[best]!) ? i : best), 0);
  const frame = rects[f];
  if (!frame || (subs.length < 2 && !drawn[f]!.stroked)) return null;
  const size = Math.max(width(frame), height(frame));
  if (!(size > 0) || Math.abs(width(frame) - height(frame)) > 0.2 * size || straightness(subs[f]!) < 0.9) return null;
  let inner = drawn[f]!.stroked;
  let strokes = false;
  for (const [i, sub] of subs.entries()) {
    if (i === f) continue;
    const r = rects[i]!;
    if (!within(r, frame, 0.02 * size)) return null;
    const diagonal = sub.segments.some(([x0, y0, x1, y1]) => Math.abs(x1 - x0) >= 0.15 * size && Math.abs(y1 - y0) >= 0.15 * size);
    if (diagonal) strokes = true;
    // The frame's inner edge: a square nearly as big as the frame, its sides along the axes, in its middle (a
    // shadowed square, ❑, the list bullet, has its inside off to one side).
    else if (!inner && width(r) >= 0.6 * width(frame) && height(r) >= 0.6 * height(frame) && straightness(sub) >= 0.9 && centred(r, frame)) inner = true;
    else return null;
  }
  if (strokes) return 'ticked';
  return inner ? 'empty' : null;
}

/** Reads a Type 3 glyph's own operator list as a box, or null. */
export function readType3BoxGlyph(
  fnArray: ArrayLike<number>,
  argsArray: ArrayLike<unknown>,
  ops: Pick<Ops, 'save' | 'restore' | 'transform' | 'constructPath' | 'stroke' | 'closeStroke' | 'fillStroke' | 'eoFillStroke' | 'closeFillStroke' | 'closeEOFillStroke'>,
): BoxGlyph | null {
  const strokeOps = new Set([ops.stroke, ops.closeStroke, ops.fillStroke, ops.eoFillStroke, ops.closeFillStroke, ops.closeEOFillStroke]);
  const parts: Array<{ sub: Subpath; stroked: boolean }> = [];
  const saved: number[][] = [];
  let ctm: number[] = [...IDENTITY];
  for (let i = 0; i < fnArray.length; i++) {
    const args = argsArray[i] as unknown[] | null;
    if (fnArray[i] === ops.save) saved.push(ctm);
    else if (fnArray[i] === ops.restore) ctm = saved.pop() ?? ctm;
    else if (fnArray[i] === ops.transform && Array.isArray(args) && args.length === 6) ctm = mul(ctm, args as number[]);
    else if (fnArray[i] === ops.constructPath) {
      const buffer = (args?.[1] as Array<ArrayLike<number> | null> | undefined)?.[0];
      if (buffer) for (const sub of subpaths(buffer, ctm)) parts.push({ sub, stroked: strokeOps.has(args?.[0] as number) });
    }
  }
  return readBoxShape(parts);
}

/** Key of a glyph as the text layer shows it: its font's pdf.js name and the character it came out as. */
export const glyphKey = (font: string, char: string) => `${font}\u0000${char}`;

/** A glyph as pdf.js gives it in a showText operation: a Type 3 glyph names its own drawing by `operatorListId`. */
export interface ShownGlyph {
  unicode?: string;
  fontChar?: string;
  operatorListId?: string;
}

/**
 * The box glyphs among the characters `wanted` (by glyphKey), read from the
 * glyphs the page's operator list shows. `readGlyph` reads one glyph of a
 * font as a box, or gives null.
 */
export function readBoxGlyphs(
  fnArray: ArrayLike<number>,
  argsArray: ArrayLike<unknown>,
  ops: { setFont: number; showText: number },
  wanted: ReadonlySet<string>,
  readGlyph: (font: string, glyph: ShownGlyph) => BoxGlyph | null,
): Map<string, BoxGlyph> {
  const out = new Map<string, BoxGlyph | null>();
  let font = '';
  for (let i = 0; i < fnArray.length && out.size < wanted.size; i++) {
    const args = argsArray[i] as unknown[] | null;
    if (fnArray[i] === ops.setFont) font = typeof args?.[0] === 'string' ? args[0] : '';
    if (fnArray[i] !== ops.showText || !Array.isArray(args?.[0])) continue;
    for (const g of args[0] as Array<ShownGlyph | null>) {
      if (!g?.unicode || g.fontChar === undefined) continue;
      const key = glyphKey(font, g.unicode);
      if (!wanted.has(key) || out.has(key)) continue;
      out.set(key, readGlyph(font, g));
    }
  }
  return new Map([...out].filter((e): e is [string, BoxGlyph] => e[1] !== null));
}
