/**
 * Checkboxes drawn as vector graphics: small squares (or radio circles) on the page, ticked when
 * a cross, a tick or a fill is drawn inside them. Read from a pdf.js operator
 * list, following the current transform through save/restore, `cm` and form
 * XObjects. What is painted fully transparent, clipped away or covered by
 * white painted over it later is not seen, so it is not read.
 */
import type { Rect } from './geometry.js';
import { apply, centreX, centreY, containsPoint, inside, mul, rectFromPoints, width, height, IDENTITY, type Matrix } from './geometry.js';
import type { CellBorder } from './cells.js';
import { readPicture, type PictureContent, type RawImage } from './pictures.js';

/** The operator codes used here (pdf.js OPS), passed in to keep this module free of pdf.js. */
export interface Ops {
  setFont: number;
  showText: number;
  save: number;
  restore: number;
  transform: number;
  constructPath: number;
  paintFormXObjectBegin: number;
  paintFormXObjectEnd: number;
  setFillRGBColor: number;
  setStrokeRGBColor: number;
  setFillColorN: number;
  setGState: number;
  clip: number;
  eoClip: number;
  setTextRenderingMode: number;
  setLineWidth: number;
  stroke: number;
  closeStroke: number;
  fill: number;
  eoFill: number;
  fillStroke: number;
  eoFillStroke: number;
  closeFillStroke: number;
  closeEOFillStroke: number;
  paintImageXObject: number;
  paintInlineImageXObject: number;
}

/** What is in a box: read from its drawing, or from a picture of it ('marked', or 'unclear' where it is neither). */
export type VectorContent = 'empty' | 'cross' | 'tick' | 'fill' | 'stroke' | 'marked' | 'unclear';

export interface VectorBox {
  rect: Rect;
  content: VectorContent;
  /** A circle (a radio button), not a square. */
  round: boolean;
  /** Printed as a picture, not drawn. */
  picture: boolean;
}

export interface Shape {
  rect: Rect;
  stroke: boolean;
  fill: boolean;
  fillDark: boolean;
  /** Painted in a colour that shows on a white page (not white or near it). */
  inked: boolean;
  isRect: boolean;
  /** A closed path of curves about as wide as high: a circle, as radio buttons are drawn, or a square with rounded corners. */
  isRound: boolean;
  /** Round, with four straight sides between its curves: a square with rounded corners, not a circle or a dot. */
  roundedSquare: boolean;
  /** Ends where it starts. */
  closed: boolean;
  /** Straight segments of the path as drawn, [x0, y0, x1, y1]. */
  segments: Array<[number, number, number, number]>;
  /** Curves among them. */
  curves?: number;
  /** Where it is stroked, the line's width in display space. */
  strokeWidth?: number;
  /** A box-sized picture whose pixels are still to be read (see readPictures): its object's name, or its pixels. */
  pending?: string | RawImage;
  /** A picture of a box, and what it shows. */
  picture?: 'empty' | 'marked' | 'unclear';
  /** The fill's colour ("#rrggbb"), where one colour fills it. */
  fillColour?: string;
}

const MIN_BOX = 5;
const MAX_BOX = 25;

// pdf.js path buffer codes (DrawOPS).
const MOVE = 0;
const LINE = 1;
const CURVE = 2;
const QUAD = 3;
const CLOSE = 4;

/** Colours seen so far: a page sets a handful, once for each path or word it paints. */
const LUMINANCES = new Map<string, number>();

/** Luminance of a "#rrggbb" colour, 0 (black) to 1 (white). */
export function luminance(hex: string): number {
  const known = LUMINANCES.get(hex);
  if (known !== undefined) return known;
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  const [r, g, b] = m ? ([m[1]!, m[2]!, m[3]!].map((h) => parseInt(h, 16) / 255) as [number, number, number]) : [0, 0, 0];
  const value = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  if (LUMINANCES.size < 4096) LUMINANCES.set(hex, value);
  return value;
}

/** Graphics state that decides whether a path shows. */
interface PaintState {
  ctm: Matrix;
  fillColour: string;
  /** Filled with a pattern (a hatch, a gradient): ink of no one colour. */
  fillPattern: boolean;
  strokeColour: string;
  /** In user space, as set (scaled by the CTM where it strokes). */
  lineWidth: number;
  fillAlpha: number;
  strokeAlpha: number;
  blendMode: string;
  softMask: boolean;
  /** The clip's bounds in display space, or null where nothing is clipped. */
  clip: Rect | null;
  /** The clip is exactly its bounds: rectangles only, no text clip. */
  clipExact: boolean;
}

/** Alpha below this shows nothing worth reading. */
const INVISIBLE_ALPHA = 0.1;

export function collectShapes(fnArray: ArrayLike<number>, argsArray: ArrayLike<unknown>, display: readonly number[], ops: Ops, maxOps: number): Shape[] {
  const shapes: Shape[] = [];
  /** Light fills painted over what came before, each with how many shapes came before it. */
  const covers: Array<{ rect: Rect; after: number }> = [];
  let s: PaintState = { ctm: [...IDENTITY], fillColour: '#000000', fillPattern: false, strokeColour: '#000000', lineWidth: 1, fillAlpha: 1, strokeAlpha: 1, blendMode: 'source-over', softMask: false, clip: null, clipExact: true };
  const clipTo = (bounds: Rect, exact: boolean) => {
    s.clip = s.clip ? intersection(s.clip, bounds) : bounds;
    s.clipExact &&= exact;
  };
  let pendingClip = false;
  const stack: PaintState[] = [];
  const n = Math.min(fnArray.length, maxOps);
  const strokeOps = new Set([ops.stroke, ops.closeStroke, ops.fillStroke, ops.eoFillStroke, ops.closeFillStroke, ops.closeEOFillStroke]);
  const fillOps = new Set([ops.fill, ops.eoFill, ops.fillStroke, ops.eoFillStroke, ops.closeFillStroke, ops.closeEOFillStroke]);
  for (let i = 0; i < n; i++) {
    const fn = fnArray[i]!;
    const args = argsArray[i] as unknown[] | null;
    switch (fn) {
      case ops.save:
        stack.push({ ...s });
        break;
      case ops.transform:
        if (args && args.length >= 6) s.ctm = mul(s.ctm, args as number[]);
        break;
      case ops.paintFormXObjectBegin: {
        stack.push({ ...s });
        const matrix = args?.[0];
        if (Array.isArray(matrix) || ArrayBuffer.isView(matrix)) s.ctm = mul(s.ctm, Array.from(matrix as ArrayLike<number>));
        const box = formBox(mul(display, s.ctm), args?.[1]);
        if (box) clipTo(box.rect, box.exact);
        break;
      }
      case ops.restore:
      case ops.paintFormXObjectEnd:
        s = stack.pop() ?? s;
        break;
      case ops.setTextRenderingMode:
        // Text that adds to the clip makes a clip no bounds describe.
        if (typeof args?.[0] === 'number' && args[0] >= 4) s.clipExact = false;
        break;
      case ops.setFillRGBColor:
        if (typeof args?.[0] === 'string') s.fillColour = args[0];
        s.fillPattern = false;
        break;
      case ops.setFillColorN:
        s.fillPattern = true;
        break;
      case ops.setStrokeRGBColor:
        if (typeof args?.[0] === 'string') s.strokeColour = args[0];
        break;
      case ops.setLineWidth:
        if (typeof args?.[0] === 'number') s.lineWidth = args[0];
        break;
      case ops.setGState:
        for (const entry of (Array.isArray(args?.[0]) ? args[0] : []) as unknown[]) {
          if (!Array.isArray(entry)) continue;
          const [key, value] = entry as [unknown, unknown];
          if (key === 'CA' && typeof value === 'number') s.strokeAlpha = value;
          else if (key === 'LW' && typeof value === 'number') s.lineWidth = value;
          else if (key === 'ca' && typeof value === 'number') s.fillAlpha = value;
          else if (key === 'BM' && typeof value === 'string') s.blendMode = value;
          else if (key === 'SMask') s.softMask = value === true;
        }
        break;
      case ops.clip:
      case ops.eoClip:
        pendingClip = true;
        break;
      case ops.constructPath: {
        const op = args?.[0] as number;
        const buffers = args?.[1] as Array<ArrayLike<number> | null> | undefined;
        const buffer = buffers?.[0];
        const m = mul(display, s.ctm);
        const subs = buffer ? subpaths(buffer, m) : [];
        const lineScale = Math.sqrt(Math.abs(m[0]! * m[3]! - m[1]! * m[2]!));
        if (pendingClip) {
          pendingClip = false;
          if (subs.length > 0) clipTo(rectFromPoints(subs.flatMap((sub) => sub.points)), subs.length === 1 && isAxisRect(subs[0]!.points));
        }
        const stroke = strokeOps.has(op) && s.strokeAlpha >= INVISIBLE_ALPHA;
        const fill = fillOps.has(op) && s.fillAlpha >= INVISIBLE_ALPHA;
        if (!buffer || (!stroke && !fill)) break;
        const fillDark = fill && !s.fillPattern && luminance(s.fillColour) < 0.5;
        const inked = (stroke && luminance(s.strokeColour) < 0.85) || (fill && (s.fillPattern || luminance(s.fillColour) < 0.85));
        // Clipped to nothing, or to somewhere else: none of it shows.
        if (s.clip && (width(s.clip) <= 0.01 || height(s.clip) <= 0.01)) break;
        const holes = fill ? rectangleHoles(subs, op === ops.eoFill || op === ops.eoFillStroke || op === ops.closeEOFillStroke) : new Map<Subpath, Subpath>();
        const cutOut = new Set(holes.values());
        for (const sub of subs) {
          const rect = rectFromPoints(sub.points);
          if ((s.clip && !overlaps(rect, s.clip)) || cutOut.has(sub)) continue;
          const hole = holes.get(sub);
          if (hole) {
            // Painted as a frame: an outline as wide as the band between the two, nothing filled.
            const inner = rectFromPoints(hole.points);
            const band = Math.min(inner.x0 - rect.x0, rect.x1 - inner.x1, inner.top - rect.top, rect.bottom - inner.bottom);
            const frameInked = s.fillPattern || luminance(s.fillColour) < 0.85;
            shapes.push({ rect, stroke: true, fill: false, fillDark: false, inked: frameInked, isRect: true, isRound: false, roundedSquare: false, closed: true, segments: sub.segments, curves: 0, strokeWidth: band });
            continue;
          }
          const isRound = sub.curves >= 4 && sub.closed && Math.abs(width(rect) - height(rect)) <= 0.1 * Math.max(width(rect), height(rect));
          const roundedSquare = isRound && sub.segments.length - sub.curves >= 4;
          const isRect = isAxisRect(sub.points);
          // Paint too light to be ink hides what is under it only where it replaces it (no blend mode, no soft mask, no
          // transparency), and only as one rectangle, clipped to bounds that are exact (no hole, no shape of text).
          const hides = s.blendMode === 'source-over' && !s.softMask && !s.fillPattern && s.fillAlpha >= 0.95 && s.clipExact && subs.length === 1;
          if (fill && isRect && hides && luminance(s.fillColour) >= 0.85) covers.push({ rect: s.clip ? intersection(rect, s.clip) : rect, after: shapes.length });
          shapes.push({
            rect, stroke, fill, fillDark, inked, isRect, isRound, roundedSquare, closed: sub.closed, segments: sub.segments, curves: sub.curves,
            ...(stroke ? { strokeWidth: s.lineWidth * lineScale } : {}),
            ...(fill && !s.fillPattern ? { fillColour: s.fillColour.toLowerCase() } : {}),
          });
        }
        break;
      }
      case ops.paintImageXObject:
      case ops.paintInlineImageXObject: {
        // Painted in the unit square: where that lands, as an upright square the size of a box, is all that is kept.
        const image = args?.[0];
        if (s.fillAlpha < INVISIBLE_ALPHA || !(typeof image === 'string' || (typeof image === 'object' && image !== null))) break;
        const m = mul(display, s.ctm);
        const corners = [apply(m, 0, 0), apply(m, 1, 0), apply(m, 1, 1), apply(m, 0, 1)];
        const rect = rectFromPoints(corners);
        const [w, h] = [width(rect), height(rect)];
        if (!isAxisRect(corners) || w < MIN_BOX || w > MAX_BOX || h < MIN_BOX || h > MAX_BOX || Math.abs(w - h) > 0.2 * Math.max(w, h)) break;
        if (s.clip && (width(s.clip) <= 0.01 || height(s.clip) <= 0.01 || !inside(rect, s.clip, 0.5))) break;
        const pending = image as string | RawImage;
        shapes.push({ rect, stroke: false, fill: false, fillDark: false, inked: false, isRect: false, isRound: false, roundedSquare: false, closed: true, segments: [], pending });
        break;
      }
      default:
        break;
    }
  }
  if (covers.length === 0) return shapes;
  // A mark painted over in white (a correction) is gone from the page.
  return shapes.filter((shape, k) => !covers.some((c) => c.after > k && inside(shape.rect, c.rect, 0.3)));
}

/**
 * Box-sized pictures among the shapes read: a framed one as a box, with what
 * it shows; one with no frame as a mark filled in wherever it lies (a tick
 * pasted into a drawn box). Blank ones, and those whose pixels cannot be had,
 * are dropped.
 */
export async function readPictures(shapes: readonly Shape[], pixels: (name: string) => Promise<RawImage | null>): Promise<Shape[]> {
  const read: Shape[] = [];
  // A page prints the same picture of a box many times, under one name.
  const named = new Map<string, PictureContent | null>();
  const shows = async (pending: string | RawImage) => {
    if (typeof pending !== 'string') return readPicture(pending);
    if (!named.has(pending)) {
      const image = await pixels(pending);
      named.set(pending, image ? readPicture(image) : null);
    }
    return named.get(pending)!;
  };
  for (const shape of shapes) {
    const { pending, ...rest } = shape;
    if (pending === undefined) {
      read.push(shape);
      continue;
    }
    const content = await shows(pending);
    if (content === 'mark') read.push({ ...rest, fill: true, fillDark: true, inked: true });
    else if (content !== null) read.push({ ...rest, stroke: true, inked: true, isRect: true, picture: content });
  }
  return read;
}

/** The colours of Word's highlighter (all but black, which redacts), as a PDF export paints them under the words. */
const HIGHLIGHTER = new Set(['#ffff00', '#00ff00', '#00ffff', '#ff00ff', '#0000ff', '#ff0000', '#000080', '#008080', '#008000', '#800080', '#800000', '#808000', '#808080', '#c0c0c0']);

/**
 * A highlighter's colour: Word's, or a bright, strong one as other editors paint behind a word (Google Docs'
 * yellow #ffeb3b), not a grey nor the pale tint a table's cells are shaded with.
 */
function highlighterColour(hex: string): boolean {
  if (HIGHLIGHTER.has(hex)) return true;
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return false;
  const [r, g, b] = [m[1]!, m[2]!, m[3]!].map((c) => parseInt(c, 16) / 255) as [number, number, number];
  return Math.max(r, g, b) >= 0.6 && Math.max(r, g, b) - Math.min(r, g, b) >= 0.45;
}

/** Rectangles filled in a highlighter's colour: where words may be highlighted. */
export function highlighterFills(shapes: readonly Shape[]): Rect[] {
  return shapes.filter((s) => s.fill && !s.stroke && s.isRect && s.fillColour !== undefined && highlighterColour(s.fillColour)).map((s) => s.rect);
}

/** Pen strokes (x, y pairs in user space), as shapes stroked on the page. */
export function penShapes(strokes: ReadonlyArray<{ points: ArrayLike<number>; dark: boolean; width: number }>, display: readonly number[]): Shape[] {
  const shapes: Shape[] = [];
  const scale = Math.sqrt(Math.abs(display[0]! * display[3]! - display[1]! * display[2]!));
  for (const { points, dark, width } of strokes) {
    const buffer: number[] = [];
    for (let k = 0; k + 1 < points.length; k += 2) buffer.push(k === 0 ? MOVE : LINE, points[k]!, points[k + 1]!);
    for (const sub of subpaths(buffer, display)) {
      const rect = rectFromPoints(sub.points);
      shapes.push({ rect, stroke: true, fill: false, fillDark: false, inked: dark, isRect: isAxisRect(sub.points), isRound: false, roundedSquare: false, closed: sub.closed, segments: sub.segments, strokeWidth: width * scale });
    }
  }
  return shapes;
}

/** A form's bounding box (its BBox) where `m` puts it, and whether it is upright (a clip exactly its bounds): a form shows only what lies inside it. */
export function formBox(m: readonly number[], bbox: unknown): { rect: Rect; exact: boolean } | null {
  if (!(Array.isArray(bbox) || ArrayBuffer.isView(bbox)) || (bbox as ArrayLike<number>).length < 4) return null;
  const [x0, y0, x1, y1] = Array.from(bbox as ArrayLike<number>) as [number, number, number, number];
  const corners = [apply(m, x0, y0), apply(m, x1, y0), apply(m, x1, y1), apply(m, x0, y1)];
  return { rect: rectFromPoints(corners), exact: isAxisRect(corners) };
}

export function intersection(a: Rect, b: Rect): Rect {
  return { x0: Math.max(a.x0, b.x0), top: Math.max(a.top, b.top), x1: Math.min(a.x1, b.x1), bottom: Math.min(a.bottom, b.bottom) };
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.x0 <= b.x1 && b.x0 <= a.x1 && a.top <= b.bottom && b.top <= a.bottom;
}

/**
 * Rectangles filled with a rectangle inside each cut out of it (filled even-odd, or the inner one wound the other
 * way), as WeasyPrint paints a box's border: each outer one with its hole.
 */
function rectangleHoles(subs: readonly Subpath[], evenOdd: boolean): Map<Subpath, Subpath> {
  const holes = new Map<Subpath, Subpath>();
  const area = (sub: Subpath) => Math.abs(signedArea(sub.points));
  // Largest first, each taking the largest inside it as its hole: a square inside the hole ("▣", a ticked box drawn
  // in one path) is painted again, a filled shape of its own.
  const rects = subs.filter((sub) => isAxisRect(sub.points)).sort((a, b) => area(b) - area(a));
  if (rects.length < 2) return holes;
  const cut = new Set<Subpath>();
  for (const outer of rects) {
    if (cut.has(outer)) continue;
    const o = rectFromPoints(outer.points);
    const inner = rects.find((sub) => {
      if (sub === outer || cut.has(sub) || holes.has(sub)) return false;
      const i = rectFromPoints(sub.points);
      const band = Math.min(i.x0 - o.x0, o.x1 - i.x1, i.top - o.top, o.bottom - i.bottom);
      return band > 0 && band <= 0.25 * Math.min(width(o), height(o)) && (evenOdd || Math.sign(signedArea(sub.points)) !== Math.sign(signedArea(outer.points)));
    });
    if (!inner) continue;
    holes.set(outer, inner);
    cut.add(inner);
  }
  return holes;
}

function signedArea(points: ReadonlyArray<[number, number]>): number {
  let area = 0;
  for (let k = 0; k < points.length; k++) {
    const [x0, y0] = points[k]!;
    const [x1, y1] = points[(k + 1) % points.length]!;
    area += x0 * y1 - x1 * y0;
  }
  return area / 2;
}

export interface Subpath {
  points: Array<[number, number]>;
  segments: Array<[number, number, number, number]>;
  /** Curve segments in it. */
  curves: number;
  /** Ends where it starts. */
  closed: boolean;
}

export function subpaths(buffer: ArrayLike<number>, m: readonly number[]): Subpath[] {
  const out: Subpath[] = [];
  let cur: Subpath | null = null;
  let start: [number, number] = [0, 0];
  let last: [number, number] = [0, 0];
  for (let k = 0; k < buffer.length; ) {
    const code = buffer[k++]!;
    if (code === MOVE) {
      last = start = apply(m, buffer[k]!, buffer[k + 1]!);
      k += 2;
      cur = open(out, last);
    } else if (code === LINE) {
      const p = apply(m, buffer[k]!, buffer[k + 1]!);
      k += 2;
      cur ??= open(out, last);
      cur.points.push(p);
      cur.segments.push([last[0], last[1], p[0], p[1]]);
      last = p;
    } else if (code === CURVE || code === QUAD) {
      const count = code === CURVE ? 3 : 2;
      const pts: Array<[number, number]> = [];
      for (let j = 0; j < count; j++) pts.push(apply(m, buffer[k + 2 * j]!, buffer[k + 2 * j + 1]!));
      k += 2 * count;
      cur ??= open(out, last);
      const end = pts[pts.length - 1]!;
      cur.points.push(...pts);
      cur.segments.push([last[0], last[1], end[0], end[1]]);
      cur.curves++;
      last = end;
    } else if (code === CLOSE) {
      if (cur && (last[0] !== start[0] || last[1] !== start[1])) cur.segments.push([last[0], last[1], start[0], start[1]]);
      if (cur) cur.closed = true;
      last = start;
    } else break; // unknown code: stop reading this path
  }
  for (const sub of out) {
    const [first, end] = [sub.points[0]!, sub.points[sub.points.length - 1]!];
    sub.closed ||= sub.points.length > 2 && Math.hypot(first[0] - end[0], first[1] - end[1]) < 0.5;
  }
  return out;
}

function open(out: Subpath[], at: [number, number]): Subpath {
  const sub: Subpath = { points: [at], segments: [], curves: 0, closed: false };
  out.push(sub);
  return sub;
}

export function isAxisRect(points: Array<[number, number]>): boolean {
  const pts = [...points];
  const first = pts[0];
  const lastPt = pts[pts.length - 1];
  if (first && lastPt && pts.length === 5 && Math.abs(first[0] - lastPt[0]) < 0.01 && Math.abs(first[1] - lastPt[1]) < 0.01) pts.pop();
  if (pts.length !== 4) return false;
  for (let i = 0; i < 4; i++) {
    const a = pts[i]!;
    const b = pts[(i + 1) % 4]!;
    if (Math.abs(a[0] - b[0]) > 0.05 && Math.abs(a[1] - b[1]) > 0.05) return false;
  }
  return true;
}

/**
 * Squares drawn as four separate strokes, one per side (in one path or
 * several), as some exporters draw form boxes.
 */
function squaresOfLines(shapes: Shape[]): Shape[] {
  type Seg = [number, number, number, number];
  const segs: Seg[] = shapes.filter((s) => s.stroke && !s.isRect).flatMap((s) => s.segments);
  const len = ([x0, y0, x1, y1]: Seg) => Math.hypot(x1 - x0, y1 - y0);
  const sized = (s: Seg) => len(s) >= MIN_BOX && len(s) <= MAX_BOX;
  const hs = segs.filter((s) => Math.abs(s[1] - s[3]) < 0.05 && sized(s)).map(([x0, y, x1]) => ({ x0: Math.min(x0, x1), x1: Math.max(x0, x1), y }));
  const vs = segs.filter((s) => Math.abs(s[0] - s[2]) < 0.05 && sized(s)).map(([x, y0, , y1]) => ({ x, top: Math.min(y0, y1), bottom: Math.max(y0, y1) }));
  if (hs.length > 2000 || vs.length > 2000) return [];
  const out: Shape[] = [];
  for (const a of hs) {
    const w = a.x1 - a.x0;
    const tol = Math.max(0.6, 0.1 * w);
    for (const b of hs) {
      const h = b.y - a.y;
      if (h <= 0 || Math.abs(h - w) > 0.2 * w || Math.abs(b.x0 - a.x0) > tol || Math.abs(b.x1 - a.x1) > tol) continue;
      const covers = (x: number) => vs.some((v) => Math.abs(v.x - x) <= tol && v.top <= a.y + tol && v.bottom >= b.y - tol);
      if (covers(a.x0) && covers(a.x1)) out.push({ rect: { x0: a.x0, x1: a.x1, top: a.y, bottom: b.y }, stroke: true, fill: false, fillDark: false, inked: true, isRect: true, isRound: false, roundedSquare: false, closed: true, segments: [] });
    }
  }
  return out;
}

/** Small squares, and small circles drawn as outlines (radio buttons), with what is drawn inside each. */
export function findBoxes(drawn: Shape[]): VectorBox[] {
  const shapes = [...drawn, ...squaresOfLines(drawn)];
  // A dark filled square with rounded corners is a ticked box as web pages and online editors draw one, where the
  // page has empty ones like it: alone it is a bullet or a status colour.
  const sized = (s: Shape, o: Shape) => Math.abs(width(s.rect) - width(o.rect)) <= 0.15 * width(o.rect);
  const emptyRounded = shapes.filter((s) => s.roundedSquare && s.stroke && !s.fillDark);
  const squares = shapes.filter((s) => {
    const tickedRounded = s.roundedSquare && s.fillDark && !s.stroke && emptyRounded.some((o) => sized(s, o));
    if (!(s.isRect && (s.stroke || s.fillDark)) && !(s.isRound && s.stroke) && !tickedRounded) return false;
    const w = width(s.rect);
    const h = height(s.rect);
    return w >= MIN_BOX && w <= MAX_BOX && h >= MIN_BOX && h <= MAX_BOX && Math.abs(w - h) <= 0.2 * Math.max(w, h);
  });
  // A square inside a larger square is what is drawn in it, not a box of its own.
  const boxes = squares.filter((s) => !squares.some((o) => o !== s && width(o.rect) > width(s.rect) + 0.5 && inside(s.rect, o.rect, 0.5)));
  const seen: Rect[] = [];
  const out: VectorBox[] = [];
  for (const box of boxes) {
    if (seen.some((r) => Math.abs(r.x0 - box.rect.x0) < 0.5 && Math.abs(r.top - box.rect.top) < 0.5)) continue; // drawn twice (fill, then stroke)
    seen.push(box.rect);
    const twin = boxes.filter((o) => Math.abs(o.rect.x0 - box.rect.x0) < 0.5 && Math.abs(o.rect.top - box.rect.top) < 0.5);
    out.push({ rect: box.rect, content: box.picture ?? contentOf(box, twin, shapes), round: box.isRound, picture: box.picture !== undefined });
  }
  return out;
}

function contentOf(box: Shape, twins: Shape[], shapes: Shape[]): VectorContent {
  if (twins.some((t) => t.fillDark && !t.stroke) || (box.fillDark && !box.stroke)) return 'fill';
  const size = Math.min(width(box.rect), height(box.rect));
  const within = shapes.filter((s) => !twins.includes(s) && s !== box && inside(s.rect, box.rect, 1.5) && Math.max(width(s.rect), height(s.rect)) >= 0.3 * size);
  if (within.some((s) => s.fillDark && width(s.rect) * height(s.rect) >= 0.15 * size * size)) return 'fill';
  // Strokes inside the box, leaving out the box's own sides when those are drawn as separate lines.
  const r = box.rect;
  const onBorder = ([x0, y0, x1, y1]: [number, number, number, number]) =>
    (Math.abs(y0 - y1) < 0.05 && (Math.abs(y0 - r.top) <= 1.5 || Math.abs(y0 - r.bottom) <= 1.5)) ||
    (Math.abs(x0 - x1) < 0.05 && (Math.abs(x0 - r.x0) <= 1.5 || Math.abs(x0 - r.x1) <= 1.5));
  // A mark bigger than the box, drawn after it and centred on it: a tick stamped over the box by a PDF filler.
  const order = shapes.indexOf(box);
  const over = shapes.filter(
    (s, i) =>
      i > order &&
      order >= 0 &&
      !twins.includes(s) &&
      !s.isRect &&
      !s.isRound &&
      (s.fillDark || (s.stroke && s.inked)) &&
      !inside(s.rect, box.rect, 1.5) &&
      containsPoint(box.rect, centreX(s.rect), centreY(s.rect)) &&
      width(s.rect) <= 2 * size &&
      height(s.rect) <= 2 * size &&
      Math.min(width(s.rect), height(s.rect)) >= 0.5 * size,
  );
  if (over.length > 0) return over.some((s) => s.fillDark) ? 'fill' : 'tick';
  // A stroke in white shows nothing: some forms draw the unticked state that way.
  const marks = within.filter((s) => s.stroke && s.inked && !s.isRect);
  // A line drawn by hand comes as many short segments, an open path: it is a mark where together they span the
  // box. A path that follows the box's own sides is the box.
  const ownSides = (s: Shape) => Math.max(Math.abs(s.rect.x0 - r.x0), Math.abs(s.rect.x1 - r.x1), Math.abs(s.rect.top - r.top), Math.abs(s.rect.bottom - r.bottom)) <= 1.5;
  if (marks.some((s) => !s.closed && s.segments.length >= 4 && width(s.rect) >= 0.5 * size && height(s.rect) >= 0.5 * size && !ownSides(s))) return 'tick';
  const strokes = marks.flatMap((s) => s.segments).filter((seg) => !onBorder(seg) && Math.hypot(seg[2] - seg[0], seg[3] - seg[1]) >= 0.2 * size);
  if (strokes.length === 0) return 'empty';
  const long = strokes.filter(([x0, y0, x1, y1]) => Math.abs(x1 - x0) >= 0.35 * size && Math.abs(y1 - y0) >= 0.35 * size);
  const down = long.some(([x0, y0, x1, y1]) => (x1 - x0) * (y1 - y0) > 0);
  const up = long.some(([x0, y0, x1, y1]) => (x1 - x0) * (y1 - y0) < 0);
  if (down && up) {
    // A cross has two long diagonals; a tick has a short stroke then a long one.
    const lengths = long.map(([x0, y0, x1, y1]) => Math.hypot(x1 - x0, y1 - y0)).sort((a, b) => b - a);
    return lengths.length >= 2 && lengths[1]! >= 0.75 * lengths[0]! ? 'cross' : 'tick';
  }
  return strokes.length >= 2 ? 'tick' : 'stroke';
}

/** A thin horizontal line on the page (display space): a rule, an underline, a strikethrough. */
export interface Rule {
  x0: number;
  x1: number;
  y: number;
}

/**
 * Rings drawn round words on the page, as a reviewer circles an option and a
 * "Print to PDF" flattens it into the page: inked, stroked, closed paths of
 * curves (or of many short lines, a pen's), each round at least one of
 * `words` (most of it inside). Radio buttons, drawn beside their labels, are
 * round no word.
 */
export function ringsRound(shapes: readonly Shape[], words: readonly Rect[]): Rect[] {
  const inside = (w: Rect, r: Rect) => {
    const x = Math.max(0, Math.min(w.x1, r.x1) - Math.max(w.x0, r.x0));
    const y = Math.max(0, Math.min(w.bottom, r.bottom) - Math.max(w.top, r.top));
    return x * y >= 0.8 * width(w) * height(w);
  };
  return shapes
    .filter((s) => s.stroke && !s.fill && s.inked && s.closed && !s.isRect && ((s.curves ?? 0) >= 4 || s.segments.length >= 8) && words.some((w) => width(w) > 0 && inside(w, s.rect)))
    .map((s) => s.rect);
}

/**
 * A mark drawn over a box printed as a glyph and flattened into the page: a
 * pen's tick or cross, or a filler's tick stamped as a filled shape. Inked,
 * no rectangle or circle, centred on the box, at least half as wide or high
 * as the box and at most three times its size, and a stroke shaped as a tick
 * or crossed by another. A ring round the box, a line through it or under it,
 * a question mark, a slash and a cell's border are no marks.
 */
export function markOverGlyph(box: Rect, shapes: readonly Shape[]): Shape | null {
  const size = width(box);
  if (!(size > 0)) return null;
  const rings = new Set(ringsRound(shapes, [box]));
  const over = shapes.filter(
    (s) =>
      !s.isRect &&
      !s.isRound &&
      !rings.has(s.rect) &&
      (s.fillDark || (s.stroke && s.inked)) &&
      containsPoint(box, centreX(s.rect), centreY(s.rect), 0.25 * size) &&
      Math.max(width(s.rect), height(s.rect)) <= 3 * size &&
      Math.min(width(s.rect), height(s.rect)) >= 0.5 * size,
  );
  // A stroke is a mark in the shape of one: a tick, or one of a cross's two strokes (a "?" or a slash is not).
  const crossed = (s: Shape) => {
    const slope = diagonal(s, size);
    return slope !== 0 && over.some((o) => o !== s && diagonal(o, size) === -slope && overlaps(o.rect, s.rect));
  };
  return over.find((s) => s.fillDark || isTick(s, size) || crossed(s)) ?? null;
}

/** A stroke's path as drawn: its segments' ends in order. */
function pathOf(s: Shape): Array<[number, number]> {
  const first = s.segments[0];
  return first ? [[first[0], first[1]], ...s.segments.map(([, , x, y]): [number, number] => [x, y])] : [];
}

/** A tick: down to a low point between its ends, then up past where it started (display space: y grows downwards). */
function isTick(s: Shape, size: number): boolean {
  const p = pathOf(s);
  let low = 0;
  p.forEach((q, i) => {
    if (q[1] > p[low]![1]) low = i;
  });
  if (low === 0 || low === p.length - 1) return false;
  const [first, last, bottom] = [p[0]!, p[p.length - 1]!, p[low]!];
  return bottom[1] - first[1] >= 0.2 * size && bottom[1] - last[1] >= 0.4 * size && (first[0] - bottom[0]) * (last[0] - bottom[0]) < 0;
}

/** A stroke from corner to corner: 1 falling left to right, -1 rising, 0 for neither. */
function diagonal(s: Shape, size: number): -1 | 0 | 1 {
  const p = pathOf(s);
  if (p.length < 2) return 0;
  const dx = p[p.length - 1]![0] - p[0]![0];
  const dy = p[p.length - 1]![1] - p[0]![1];
  if (Math.abs(dx) < 0.4 * size || Math.abs(dy) < 0.4 * size) return 0;
  return dx * dy > 0 ? 1 : -1;
}

/** Thickest line a rule is: a stroke any wider is a highlighter pen's, laid over words to mark them, not to strike. */
const MAX_RULE_WIDTH = 2.5;

/**
 * Thin horizontal lines: stroked horizontal segments and filled bars at most
 * 2 pt high, in a colour that shows. Strikethrough is drawn either way.
 */
export function findRules(shapes: readonly Shape[]): Rule[] {
  const out: Rule[] = [];
  for (const s of shapes) {
    if (!s.inked) continue;
    const w = width(s.rect);
    const h = height(s.rect);
    if (s.isRect) {
      if (h <= 2 && w >= 3 * h && w >= 1) out.push({ x0: s.rect.x0, x1: s.rect.x1, y: (s.rect.top + s.rect.bottom) / 2 });
    } else if (s.stroke && (s.strokeWidth ?? 1) <= MAX_RULE_WIDTH) {
      for (const [x0, y0, x1, y1] of s.segments) {
        const len = Math.abs(x1 - x0);
        if (Math.abs(y1 - y0) <= 0.3 && len >= 1) out.push({ x0: Math.min(x0, x1), x1: Math.max(x0, x1), y: (y0 + y1) / 2 });
      }
    }
  }
  return out;
}

/** Shortest vertical line taken for a cell border, unless a shorter one is asked for. */
const MIN_BORDER = 8;

/**
 * Vertical lines that can be table cell borders: stroked vertical segments,
 * filled bars at most 2 pt wide, and the sides of stroked rectangles (cells
 * drawn one by one), in a colour that shows, at least `shortest` long. The
 * sides of the page's boxes are left out.
 */
export function findCellBorders(shapes: readonly Shape[], boxes: readonly VectorBox[], shortest = MIN_BORDER): CellBorder[] {
  const out: CellBorder[] = [];
  const add = (x: number, y0: number, y1: number) => {
    const [top, bottom] = y0 < y1 ? [y0, y1] : [y1, y0];
    if (bottom - top < shortest) return;
    if (boxes.some((b) => (Math.abs(b.rect.x0 - x) <= 1 || Math.abs(b.rect.x1 - x) <= 1) && top >= b.rect.top - 1 && bottom <= b.rect.bottom + 1)) return;
    out.push({ x, top, bottom });
  };
  for (const s of shapes) {
    if (!s.inked) continue;
    const w = width(s.rect);
    const h = height(s.rect);
    if (s.isRect) {
      if (s.fill && w <= 2 && h >= 3 * w) add((s.rect.x0 + s.rect.x1) / 2, s.rect.top, s.rect.bottom);
      else if (s.stroke) {
        add(s.rect.x0, s.rect.top, s.rect.bottom);
        add(s.rect.x1, s.rect.top, s.rect.bottom);
      }
    } else if (s.stroke) {
      for (const [x0, y0, x1, y1] of s.segments) if (Math.abs(x1 - x0) <= 0.3) add((x0 + x1) / 2, y0, y1);
    }
  }
  return out;
}
