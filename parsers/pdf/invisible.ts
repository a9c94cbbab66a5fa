/**
 * Text a page prints invisible: render mode 3 (neither filled nor stroked)
 * or 7 (added to the clip only, seen where something is painted through it
 * after, as gradient lettering is). OCR software lays the words it read from
 * a scan over the image this way, and a born-digital page can carry words
 * nobody sees. So is text painted over later by an opaque white rectangle (a
 * correction, as online editors' whiteout makes it), and text printed in white
 * with nothing dark drawn under it (a spreadsheet's helper list). pdf.js
 * hands all of them out in its text content like any other; which were seen is
 * read here from the page's operator list, following the text position as
 * pdf.js's own canvas does.
 */
import { apply, containsPoint, IDENTITY, mul, rectFromPoints, type Matrix, type Rect } from './geometry.js';
import { formBox, intersection, isAxisRect, luminance, subpaths, type Ops } from './vector.js';

/**
 * The operator codes used here (pdf.js OPS), passed in to keep this module free of pdf.js: the drawing's (see
 * vector.ts) and those that move the text position or paint without a path.
 */
export interface TextStateOps extends Ops {
  beginText: number;
  setTextMatrix: number;
  moveText: number;
  setLeadingMoveText: number;
  nextLine: number;
  setLeading: number;
  setCharSpacing: number;
  setWordSpacing: number;
  setHScale: number;
  setTextRise: number;
  paintImageMaskXObject: number;
  paintImageMaskXObjectGroup: number;
  paintImageMaskXObjectRepeat: number;
  paintSolidColorImageMask: number;
  shadingFill: number;
  setStrokeColorN: number;
}

/** Where one text-showing operation put its glyphs: along its baseline from start to end, in PDF user space. */
export interface TextRun {
  start: [number, number];
  end: [number, number];
  /** The font's height on the page. */
  size: number;
  /** Painted by its render mode (not 3 or 7). */
  shown: boolean;
  /** Painted, but nobody sees it: painted over in white later, or printed in white on nothing dark. */
  hidden?: boolean;
}

interface TextState {
  ctm: Matrix;
  textMatrix: Matrix;
  x: number;
  y: number;
  lineX: number;
  lineY: number;
  fontSize: number;
  fontDirection: number;
  fontMatrix: readonly number[];
  charSpacing: number;
  wordSpacing: number;
  hScale: number;
  rise: number;
  leading: number;
  mode: number;
  fill: string;
  stroke: string;
  /** Paint replaces what is under it: opaque, no blend mode, no soft mask. */
  opaque: boolean;
  /** The clip's bounds, or null where nothing is clipped; and whether the clip is exactly those bounds. */
  clip: Rect | null;
  clipExact: boolean;
  lineWidth: number;
}

/** The colour a pattern paints in, for this reading: not known, so taken for ink. */
const PATTERN = 'pattern';

type Glyph = { width?: number; isSpace?: boolean } | number | null;

const DEFAULT_FONT_MATRIX = [0.001, 0, 0, 0.001, 0, 0];

/** Follows the operations that set the fill or the stroke colour. */
function setColour(s: { fill: string; stroke: string }, fn: number, args: unknown[], ops: TextStateOps): void {
  if (fn === ops.setFillRGBColor && typeof args[0] === 'string') s.fill = args[0];
  else if (fn === ops.setStrokeRGBColor && typeof args[0] === 'string') s.stroke = args[0];
  // A pattern (a gradient, a tiling) is taken as ink: it hides nothing and shows what is painted in it.
  else if (fn === ops.setFillColorN) s.fill = PATTERN;
  else if (fn === ops.setStrokeColorN) s.stroke = PATTERN;
}

/** Render modes that paint nothing themselves: 3 (invisible) and 7 (clip only). */
const paints = (mode: number) => mode !== 3 && mode !== 7;

export function textRuns(
  fnArray: ArrayLike<number>,
  argsArray: ArrayLike<unknown>,
  ops: TextStateOps,
  fontMatrixOf: (font: string) => readonly number[] | undefined,
): TextRun[] {
  const runs: TextRun[] = [];
  /** The colour each run is painted in. */
  const colours: string[] = [];
  let s: TextState = {
    ctm: [...IDENTITY],
    textMatrix: [...IDENTITY],
    x: 0,
    y: 0,
    lineX: 0,
    lineY: 0,
    fontSize: 0,
    fontDirection: 1,
    fontMatrix: DEFAULT_FONT_MATRIX,
    charSpacing: 0,
    wordSpacing: 0,
    hScale: 1,
    rise: 0,
    leading: 0,
    mode: 0,
    fill: '#000000',
    stroke: '#000000',
    opaque: true,
    clip: null,
    clipExact: true,
    lineWidth: 1,
  };
  let pendingClip = false;
  /** Opaque light rectangles painted over the runs before `after`; what is painted dark under the runs from `from`. */
  const covers: Array<{ rect: Rect; after: number }> = [];
  const grounds: Array<{ rect: Rect | null; from: number }> = [];
  const fillOps = new Set([ops.fill, ops.eoFill, ops.fillStroke, ops.eoFillStroke, ops.closeFillStroke, ops.closeEOFillStroke]);
  const strokeOps = new Set([ops.stroke, ops.closeStroke, ops.fillStroke, ops.eoFillStroke, ops.closeFillStroke, ops.closeEOFillStroke]);
  const stack: TextState[] = [];
  const moveText = (x: number, y: number) => {
    s.x = s.lineX += x;
    s.y = s.lineY += y;
  };
  const num = (v: unknown, fallback = 0) => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i]!;
    const args = (argsArray[i] ?? []) as unknown[];
    switch (fn) {
      case ops.save:
        stack.push({ ...s });
        break;
      case ops.restore:
      case ops.paintFormXObjectEnd:
        s = stack.pop() ?? s;
        break;
      case ops.transform:
        if (args.length >= 6) s.ctm = mul(s.ctm, args.map((v) => num(v)));
        break;
      case ops.paintFormXObjectBegin: {
        stack.push({ ...s });
        const matrix = args[0];
        if (Array.isArray(matrix) || ArrayBuffer.isView(matrix)) s.ctm = mul(s.ctm, Array.from(matrix as ArrayLike<number>));
        const box = formBox(s.ctm, args[1]);
        if (box) {
          s.clip = s.clip ? intersection(s.clip, box.rect) : box.rect;
          s.clipExact &&= box.exact;
        }
        break;
      }
      case ops.beginText:
        s.textMatrix = [...IDENTITY];
        s.x = s.lineX = s.y = s.lineY = 0;
        break;
      case ops.setTextMatrix: {
        const m = (args.length === 1 ? Array.from(args[0] as ArrayLike<number>) : args).map((v) => num(v));
        if (m.length >= 6) s.textMatrix = m.slice(0, 6) as Matrix;
        s.x = s.lineX = s.y = s.lineY = 0;
        break;
      }
      case ops.moveText:
        moveText(num(args[0]), num(args[1]));
        break;
      case ops.setLeadingMoveText:
        s.leading = num(args[1]);
        moveText(num(args[0]), num(args[1]));
        break;
      case ops.nextLine:
        moveText(0, s.leading);
        break;
      case ops.setLeading:
        s.leading = -num(args[0]);
        break;
      case ops.setFont: {
        const size = num(args[1]);
        s.fontSize = Math.abs(size);
        s.fontDirection = size < 0 ? -1 : 1;
        s.fontMatrix = (typeof args[0] === 'string' && fontMatrixOf(args[0])) || DEFAULT_FONT_MATRIX;
        break;
      }
      case ops.setCharSpacing:
        s.charSpacing = num(args[0]);
        break;
      case ops.setWordSpacing:
        s.wordSpacing = num(args[0]);
        break;
      case ops.setHScale:
        s.hScale = num(args[0], 100) / 100;
        break;
      case ops.setTextRise:
        s.rise = num(args[0]);
        break;
      case ops.setTextRenderingMode:
        s.mode = num(args[0]);
        // Text that adds to the clip makes a clip no bounds describe.
        if (s.mode >= 4) s.clipExact = false;
        break;
      case ops.clip:
      case ops.eoClip:
        pendingClip = true;
        break;
      case ops.setLineWidth:
        s.lineWidth = num(args[0], 1);
        break;
      case ops.setGState:
        for (const entry of (Array.isArray(args[0]) ? args[0] : []) as unknown[]) {
          const [key, value] = Array.isArray(entry) ? (entry as [unknown, unknown]) : [];
          if ((key === 'ca' && typeof value === 'number' && value < 0.95) || (key === 'BM' && value !== 'source-over') || (key === 'SMask' && value === true)) s.opaque = false;
          else if ((key === 'ca' && typeof value === 'number') || key === 'BM' || key === 'SMask') s.opaque = true;
        }
        break;
      case ops.constructPath: {
        const buffer = (args[1] as Array<ArrayLike<number> | null> | undefined)?.[0];
        const subs = buffer ? subpaths(buffer, s.ctm) : [];
        if (pendingClip) {
          pendingClip = false;
          if (subs.length > 0) {
            const bounds = rectFromPoints(subs.flatMap((sub) => sub.points));
            s.clip = s.clip ? intersection(s.clip, bounds) : bounds;
            s.clipExact &&= subs.length === 1 && isAxisRect(subs[0]!.points);
          }
        }
        if (subs.length === 0) break;
        const bounds = rectFromPoints(subs.flatMap((sub) => sub.points));
        // A thick dark stroke (a badge drawn as one line) is as much a ground as a fill.
        if (strokeOps.has(args[0] as number) && luminance(s.stroke) < 0.85) {
          const half = (s.lineWidth * Math.hypot(s.ctm[0], s.ctm[1])) / 2;
          grounds.push({ rect: { x0: bounds.x0 - half, top: bounds.top - half, x1: bounds.x1 + half, bottom: bounds.bottom + half }, from: runs.length });
        }
        if (!fillOps.has(args[0] as number)) break;
        if (luminance(s.fill) < 0.85) grounds.push({ rect: bounds, from: runs.length });
        // Light paint hides what is under it only as one rectangle, within a clip that is exactly its bounds (no
        // hole, no shape of text), as vector.ts reads a correction over drawing.
        else if (s.opaque && s.clipExact && subs.length === 1 && isAxisRect(subs[0]!.points)) {
          const rect = rectFromPoints(subs[0]!.points);
          covers.push({ rect: s.clip ? intersection(rect, s.clip) : rect, after: runs.length });
        }
        break;
      }
      case ops.paintImageXObject:
      case ops.paintInlineImageXObject:
      case ops.paintImageMaskXObject:
      case ops.paintImageMaskXObjectGroup:
      case ops.paintImageMaskXObjectRepeat:
      case ops.paintSolidColorImageMask:
        grounds.push({ rect: rectFromPoints([apply(s.ctm, 0, 0), apply(s.ctm, 1, 0), apply(s.ctm, 1, 1), apply(s.ctm, 0, 1)]), from: runs.length });
        break;
      case ops.shadingFill:
        grounds.push({ rect: null, from: runs.length });
        break;
      case ops.showText: {
        const glyphs = (Array.isArray(args[0]) ? args[0] : []) as Glyph[];
        const widthScale = s.fontSize * num(s.fontMatrix[0], 0.001);
        let advance = 0;
        for (const g of glyphs) {
          if (typeof g === 'number') advance -= (g * s.fontSize) / 1000;
          else if (g) advance += num(g.width) * widthScale + ((g.isSpace ? s.wordSpacing : 0) + s.charSpacing) * s.fontDirection;
        }
        const toPage = mul(s.ctm, s.textMatrix);
        const from = s.x;
        s.x += advance * s.hScale * s.fontDirection;
        runs.push({
          start: apply(toPage, from, s.y + s.rise),
          end: apply(toPage, s.x, s.y + s.rise),
          size: s.fontSize * Math.hypot(toPage[2], toPage[3]),
          shown: paints(s.mode),
        });
        // Filled and stroked (2, 6): seen by the darker of the two.
        const paint = s.mode === 1 || s.mode === 5 ? s.stroke : s.mode === 2 || s.mode === 6 ? [s.fill, s.stroke].sort((a, b) => luminance(a) - luminance(b))[0]! : s.fill;
        colours.push(paint);
        break;
      }
      default:
        setColour(s, fn, args, ops);
        break;
    }
  }
  runs.forEach((run, k) => {
    if (!run.shown) return;
    const points = glyphPoints(run);
    // Each point under some rectangle painted after it: one correction, or two that overlap.
    const covered = points.every(([x, y]) => covers.some((c) => c.after > k && containsPoint(c.rect, x, y)));
    const [mx, my] = points[1]!;
    const white = luminance(colours[k]!) >= 0.95 && !grounds.some((g) => g.from <= k && (g.rect === null || containsPoint(g.rect, mx, my)));
    if (covered || white) run.hidden = true;
  });
  return runs;
}

/**
 * Whether textRuns could find any text here that nobody sees: text shown in
 * render mode 3 or 7, or in a colour near white, or a fill near white painted
 * after some text. Followed through saved states and forms as textRuns
 * follows them, with nothing else worked out; most pages set white only to
 * paint their sheet before any text, and are passed over at this cost.
 */
export function mayHideText(fnArray: ArrayLike<number>, argsArray: ArrayLike<unknown>, ops: TextStateOps): boolean {
  const fillOps = new Set([ops.fill, ops.eoFill, ops.fillStroke, ops.eoFillStroke, ops.closeFillStroke, ops.closeEOFillStroke]);
  let s = { fill: '#000000', stroke: '#000000', mode: 0 };
  const stack: Array<typeof s> = [];
  let shownText = false;
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i]!;
    const args = (argsArray[i] ?? []) as unknown[];
    switch (fn) {
      case ops.save:
      case ops.paintFormXObjectBegin:
        stack.push({ ...s });
        break;
      case ops.restore:
      case ops.paintFormXObjectEnd:
        s = stack.pop() ?? s;
        break;
      case ops.setTextRenderingMode:
        s.mode = typeof args[0] === 'number' && Number.isFinite(args[0]) ? args[0] : 0;
        break;
      case ops.showText: {
        if (!paints(s.mode)) return true;
        const paint = s.mode === 1 || s.mode === 5 ? luminance(s.stroke) : s.mode === 2 || s.mode === 6 ? Math.min(luminance(s.fill), luminance(s.stroke)) : luminance(s.fill);
        if (paint >= 0.95) return true;
        shownText = true;
        break;
      }
      case ops.constructPath:
        if (shownText && fillOps.has(args[0] as number) && luminance(s.fill) >= 0.85) return true;
        break;
      default:
        setColour(s, fn, args, ops);
        break;
    }
  }
  return false;
}

/** Points along a run a little in from its ends (where the glyphs' ink is, inside their side bearings), raised from the baseline into its glyphs. */
function glyphPoints(run: TextRun): Array<[number, number]> {
  const [dx, dy] = [run.end[0] - run.start[0], run.end[1] - run.start[1]];
  const length = Math.hypot(dx, dy) || 1;
  // Up from the baseline: the direction of the text turned a quarter anticlockwise.
  const [ux, uy] = [(-dy / length) * run.size * 0.3, (dx / length) * run.size * 0.3];
  return [0.2, 0.5, 0.8].map((t) => [run.start[0] + dx * t + ux, run.start[1] + dy * t + uy]);
}

/** A text item as pdf.js gives it: its transform in user space and its width along its direction. */
export interface PlacedItem {
  str?: string;
  transform?: number[];
  width?: number;
}

function holds(run: TextRun, x: number, y: number): boolean {
  const dx = run.end[0] - run.start[0];
  const dy = run.end[1] - run.start[1];
  const length = Math.hypot(dx, dy);
  const slack = Math.max(run.size * 0.25, 0.5);
  if (length < 0.01) return Math.hypot(x - run.start[0], y - run.start[1]) <= slack;
  const along = ((x - run.start[0]) * dx + (y - run.start[1]) * dy) / length;
  const across = Math.abs((y - run.start[1]) * dx - (x - run.start[0]) * dy) / length;
  return along >= -slack && along <= length + slack && across <= Math.max(run.size * 0.5, 0.5);
}

export interface InvisibleItems<T> {
  /** Items some of whose text is printed invisible, alone or run together by pdf.js with painted text. */
  unseen: Set<T>;
  /** Invisible text lying over or under painted text (a searchable copy of its words, an old answer under a new one): what is seen is the painted text. */
  copies: Set<T>;
  /** Text painted over in white, or printed in white on nothing dark: not on the page as it is seen. */
  covered: Set<T>;
}

/** How many points, evenly spread along an item's baseline, are looked at. */
const SAMPLES = 9;

/**
 * The items printed invisible: where a point along an item lies on text
 * printed invisible and on no text that is painted (painted text over
 * invisible text is seen). An item that starts where invisible text starts,
 * and lies mostly on painted text, is set apart as lying over or under it.
 */
export function invisibleItems<T extends PlacedItem>(items: readonly T[], runs: readonly TextRun[]): InvisibleItems<T> {
  const unseen = new Set<T>();
  const copies = new Set<T>();
  const covered = new Set<T>();
  const unpainted = runs.filter((r) => !r.shown);
  const hidden = runs.filter((r) => r.shown && r.hidden);
  if (unpainted.length + hidden.length === 0) return { unseen, copies, covered };
  const painted = runs.filter((r) => r.shown && !r.hidden);
  // Items and runs come in the order the page draws them: the k-th item starting at a point is the k-th run starting there.
  const startKey = (x: number, y: number) => `${Math.round(x * 2)},${Math.round(y * 2)}`;
  const runsAt = new Map<string, TextRun[]>();
  for (const r of runs) {
    const key = startKey(r.start[0], r.start[1]);
    const list = runsAt.get(key);
    if (list) list.push(r);
    else runsAt.set(key, [r]);
  }
  for (const item of items) {
    const m = item.transform;
    if (!item.str?.trim() || !m || m.length < 6) continue;
    const length = Math.hypot(m[0]!, m[1]!) || 1;
    const [ux, uy] = [m[0]! / length, m[1]! / length];
    const width = item.width ?? 0;
    let invisible = 0;
    let seen = 0;
    let gone = 0;
    for (let k = 0; k < SAMPLES; k++) {
      const along = (width * (k + 0.5)) / SAMPLES;
      const x = m[4]! + ux * along;
      const y = m[5]! + uy * along;
      if (painted.some((r) => holds(r, x, y))) seen++;
      else if (unpainted.some((r) => holds(r, x, y))) invisible++;
      else if (hidden.some((r) => holds(r, x, y))) gone++;
    }
    // The text the item itself is, where a run starts where it starts; invisible text lying on painted text is
    // under or over what is seen.
    const own = runsAt.get(startKey(m[4]!, m[5]!))?.shift();
    if (own?.hidden || (own === undefined && gone > 0 && seen === 0)) {
      covered.add(item);
      continue;
    }
    // Not painted text itself, and lying mostly on painted text: OCR run over the printed words, not aligned glyph
    // for glyph.
    const overPainted = own === undefined ? invisible > 0 && seen >= 2 * invisible : !own.shown && seen >= invisible;
    if (overPainted) copies.add(item);
    else if (invisible > 0) unseen.add(item);
  }
  return { unseen, copies, covered };
}
