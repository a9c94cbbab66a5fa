/**
 * What a PDF viewer adds over a page without changing its content: text typed
 * with an "Add text" tool (FreeText annotations), pen strokes (Ink
 * annotations) and words highlighted or struck out (text markup
 * annotations), as Edge, Preview and Acrobat save them. A form filled in this
 * way shows its answers on screen and in print, but not in the page's content,
 * so they are read here: typed text as text items laid where it shows, pen
 * strokes as lines drawn on the page.
 */

import type { Mark, MarkSource } from '../../src/document.js';
import { apply, rectFromPoints, type Rect } from './geometry.js';
import type { Candidate, OptionGroup } from './labels.js';

/** The fields of pdf.js's annotation data read here. */
export interface MarkupData {
  annotationType?: number;
  annotationFlags?: number;
  id?: string;
  rect?: number[];
  rotation?: number;
  /** FreeText: its lines as shown, and where the first starts, from the rectangle's lower left corner. */
  textContent?: string[];
  textPosition?: number[];
  defaultAppearanceData?: { fontSize?: number };
  /** Ink: each stroke as x, y pairs in user space. */
  inkLists?: Array<ArrayLike<number>>;
  color?: ArrayLike<number> | null;
  opacity?: number;
  /** Ink: the pen's width (its border's), in user space. */
  borderStyle?: { width?: number };
  /** Highlight and StrikeOut: the quadrilaterals marked, eight numbers each, in user space. */
  quadPoints?: ArrayLike<number> | null;
}

/** A text item as pdf.js's text content gives one. */
export interface TypedItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  fontName: string;
  hasEOL: boolean;
  dir: string;
  /** Laid over the page: never one word with the page's own text it lies on ("X" typed on "No"). */
  overlaid: true;
}

const FREETEXT = 3;
const HIGHLIGHT = 9;
const STRIKE_OUT = 12;
const INK = 15;
/** Annotations that draw over the page and are read as nothing here, by pdf.js's type number. */
const UNREAD: Record<number, string> = {
  4: 'line',
  5: 'rectangle',
  6: 'oval',
  7: 'polygon',
  8: 'polyline',
  10: 'underline',
  11: 'squiggly underline',
  13: 'stamp',
  14: 'caret',
  26: 'redaction',
};
const INVISIBLE = 1;
const HIDDEN = 2;
const NO_VIEW = 32;

const LINE_PITCH = 1.2;

/** Whether an annotation shows on the page: not flagged away, and in no layer switched off. */
function shows(a: MarkupData, inShownLayer: (id: string | undefined) => boolean): boolean {
  return ((a.annotationFlags ?? 0) & (INVISIBLE | HIDDEN | NO_VIEW)) === 0 && inShownLayer(a.id);
}

/**
 * Advance widths near enough to place typed words (a sans-serif like
 * Helvetica, in ems); the annotation's own font is not read.
 */
function estimatedWidth(text: string, size: number): number {
  let ems = 0;
  for (const c of text) {
    if (c === ' ') ems += 0.28;
    else if ("il.,:;|!'".includes(c)) ems += 0.25;
    else if ('mwMW'.includes(c)) ems += 0.85;
    else if (c >= 'A' && c <= 'Z') ems += 0.68;
    else ems += 0.53;
  }
  return ems * size;
}

/** How far from its box's edge a viewer sets typed text. */
const TEXT_INSET = 2;

/**
 * Text typed over the page, line by line, as text items. Turned annotations are left out. Where the file keeps no
 * look for the box, each line is set as its alignment (`alignmentOf`: the annotation's /Q, 0 left, 1 centred, 2
 * right; null where the file keeps a look) sets it in the box, as a viewer draws it.
 */
export function typedText(
  annotations: readonly unknown[],
  inShownLayer: (id: string | undefined) => boolean,
  alignmentOf: (id: string | undefined) => number | null,
): TypedItem[] {
  const items: TypedItem[] = [];
  for (const a of annotations as MarkupData[]) {
    if (a.annotationType !== FREETEXT || (a.rotation ?? 0) % 360 !== 0 || !Array.isArray(a.textContent) || !shows(a, inShownLayer)) continue;
    const size = a.defaultAppearanceData?.fontSize || 10;
    const [x0, y0, x1, y1] = a.rect ?? [];
    if (x0 === undefined || y0 === undefined || x1 === undefined || y1 === undefined) continue;
    // pdf.js gives the first line's start from the rectangle's lower left corner.
    const at = a.textPosition?.length === 2 ? [x0 + a.textPosition[0]!, y0 + a.textPosition[1]!] : [x0, y1 - size];
    if (!Number.isFinite(at[0]) || !Number.isFinite(at[1])) continue;
    const align = alignmentOf(a.id);
    a.textContent.forEach((line, i) => {
      if (typeof line !== 'string' || !line.trim()) return;
      const width = estimatedWidth(line, size);
      const x = align === 2 ? x1 - TEXT_INSET - width : align === 1 ? (x0 + x1 - width) / 2 : at[0]!;
      items.push({ str: line, transform: [size, 0, 0, size, x, at[1]! - i * size * LINE_PITCH], width, height: size, fontName: '', hasEOL: false, dir: 'ltr', overlaid: true });
    });
  }
  return items;
}

/** How far a pen stroke's points may stray outside its annotation's rectangle (its line's width, rounding). */
const STROKE_SLACK = 4;
/** Half a pen's width, about. */
const STROKE_WIDTH = 1.5;

/**
 * Whether an ink annotation's stored strokes lie within its rectangle. A viewer draws the annotation's appearance
 * in the rectangle; a program that moves it by its rectangle alone leaves the strokes where they were, and then
 * they do not say where the pen shows.
 */
function strokesWhereShown(a: MarkupData): boolean {
  const [x0, y0, x1, y1] = a.rect ?? [];
  if (x0 === undefined || y0 === undefined || x1 === undefined || y1 === undefined) return false;
  const [left, right, low, high] = [Math.min(x0, x1), Math.max(x0, x1), Math.min(y0, y1), Math.max(y0, y1)];
  return (a.inkLists ?? []).every((points) => {
    for (let k = 0; k + 1 < points.length; k += 2) {
      const [x, y] = [points[k]!, points[k + 1]!];
      if (x < left - STROKE_SLACK || x > right + STROKE_SLACK || y < low - STROKE_SLACK || y > high + STROKE_SLACK) return false;
    }
    return true;
  });
}

/** Pen strokes drawn over the page, each as x, y pairs in user space, and whether its ink shows dark on white. */
export function penStrokes(annotations: readonly unknown[], inShownLayer: (id: string | undefined) => boolean): Array<{ points: ArrayLike<number>; dark: boolean; width: number }> {
  const out: Array<{ points: ArrayLike<number>; dark: boolean; width: number }> = [];
  for (const a of annotations as MarkupData[]) {
    if (a.annotationType !== INK || !Array.isArray(a.inkLists) || !shows(a, inShownLayer) || (a.opacity ?? 1) < 0.1 || !strokesWhereShown(a)) continue;
    const [r = 0, g = 0, b = 0] = Array.from(a.color ?? [0, 0, 0]);
    const dark = (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255 < 0.85;
    const width = a.borderStyle?.width ?? 1;
    for (const points of a.inkLists) if (points.length >= 4) out.push({ points, dark, width });
  }
  return out;
}

/** Words marked over the page: where (x, y pairs of each quadrilateral's corners in user space) and how. */
export interface TextMarkup {
  corners: number[];
  how: 'highlight' | 'strike-out';
}

/** Words highlighted or struck out with a viewer's tools, each quadrilateral on its own. */
export function textMarkup(annotations: readonly unknown[], inShownLayer: (id: string | undefined) => boolean): TextMarkup[] {
  const out: TextMarkup[] = [];
  for (const a of annotations as MarkupData[]) {
    if ((a.annotationType !== HIGHLIGHT && a.annotationType !== STRIKE_OUT) || !a.quadPoints || !shows(a, inShownLayer) || (a.opacity ?? 1) < 0.1) continue;
    const q = Array.from(a.quadPoints);
    for (let k = 0; k + 8 <= q.length; k += 8) out.push({ corners: q.slice(k, k + 8), how: a.annotationType === HIGHLIGHT ? 'highlight' : 'strike-out' });
  }
  return out;
}

/** An annotation drawn over the page, by what it is, and its rectangle in user space. */
export interface DrawnOver {
  kind: string;
  rect: [number, number, number, number];
  /** How the matcher may have read it already: pen strokes as drawing, highlights and strikes over boxless labels. */
  read: 'pen' | 'highlight' | 'strike-out' | null;
}

/**
 * What a viewer drew over the page that may mark an option: stamps, shapes, pen strokes, underlines and the like,
 * and highlights and strikes, each where it shows.
 */
export function drawnOver(annotations: readonly unknown[], inShownLayer: (id: string | undefined) => boolean): DrawnOver[] {
  const out: DrawnOver[] = [];
  for (const a of annotations as MarkupData[]) {
    const type = a.annotationType ?? 0;
    const read = type === INK ? (strokesWhereShown(a) ? 'pen' : null) : type === HIGHLIGHT ? 'highlight' : type === STRIKE_OUT ? 'strike-out' : null;
    const kind = UNREAD[type] ?? (type === INK ? 'pen stroke' : read);
    const [x0, y0, x1, y1] = a.rect ?? [];
    if (!kind || x0 === undefined || y0 === undefined || x1 === undefined || y1 === undefined || !shows(a, inShownLayer) || (a.opacity ?? 1) < 0.1) continue;
    // Pen strokes shown where they are stored each mark where they run: one annotation may hold strokes on many rows.
    if (read === 'pen') for (const points of a.inkLists ?? []) out.push({ kind, rect: strokeBounds(points), read });
    else out.push({ kind, rect: [x0, y0, x1, y1], read });
  }
  return out;
}

/** A pen stroke's bounds, widened by a pen's width. */
function strokeBounds(points: ArrayLike<number>): [number, number, number, number] {
  const xs: number[] = [];
  const ys: number[] = [];
  for (let k = 0; k + 1 < points.length; k += 2) {
    xs.push(points[k]!);
    ys.push(points[k + 1]!);
  }
  return [Math.min(...xs) - STROKE_WIDTH, Math.min(...ys) - STROKE_WIDTH, Math.max(...xs) + STROKE_WIDTH, Math.max(...ys) + STROKE_WIDTH];
}

/** Drawings that can hide or withdraw what they lie on. */
const COVERS = new Set(['rectangle', 'oval', 'polygon', 'stamp', 'redaction', 'strike-out']);

/** How large a drawing over the page may be and still be a mark on one row: a stamp across the page is no answer. */
const MARK_REACH = { width: 0.5, height: 0.25 };

/** The marks a drawing of this kind is read as. */
const READ_AS: Record<NonNullable<DrawnOver['read']>, MarkSource> = { pen: 'vector', highlight: 'highlight', 'strike-out': 'struck-option' };

/**
 * Rows of options with a viewer's drawing over a label or box that their marks were not read from (a stamp on
 * "Yes" beside a printed "☒ No", a ring round "No", a white patch over "☒"): what the row shows cannot be told, so
 * none of its boxes is read. Returns the kinds of drawing found over options.
 */
export function markOverdrawn(groups: readonly OptionGroup[], over: readonly DrawnOver[], display: readonly number[], page: { width: number; height: number }): string[] {
  const shown = over
    .map((d) => {
      const [x0, y0, x1, y1] = d.rect;
      return { ...d, at: rectFromPoints([apply(display, x0, y0), apply(display, x1, y0), apply(display, x0, y1), apply(display, x1, y1)]) };
    })
    .filter((d) => d.at.x1 - d.at.x0 <= MARK_REACH.width * page.width && d.at.bottom - d.at.top <= MARK_REACH.height * page.height);
  // Nearly every page has nothing drawn over it, and the rows below are worked out group against group.
  if (shown.length === 0) return [];
  const meets = (a: Rect, b: Rect) => a.x0 < b.x1 && b.x0 < a.x1 && a.top < b.bottom && b.top < a.bottom;
  const spotsOf = (o: Candidate) => (o.box ? [o.rect, o.box] : [o.rect]);
  const isTicked = (m: Mark | null) => m?.state === 'checked';
  const kinds: string[] = [];
  for (const g of groups) {
    const ticked = [...g.options.filter((o) => isTicked(o.mark)).flatMap(spotsOf), ...(g.placed ?? []).filter((m) => isTicked(m.mark)).map((m) => m.rect)];
    const others = [...g.options.filter((o) => !isTicked(o.mark)).flatMap(spotsOf), ...(g.placed ?? []).filter((m) => !isTicked(m.mark)).map((m) => m.rect)];
    // A highlight or strike the row's marks were read from; a pen stroke over a drawn box read as ticked.
    const readFrom = (d: (typeof shown)[number]) =>
      d.read !== null &&
      g.options.some((o) => o.mark?.source === READ_AS[d.read!] && (d.read !== 'pen' || (o.mark.state === 'checked' && o.box !== undefined && meets(o.box, d.at))));
    // A frame round the row's options, all of them, marks none. Over an option read ticked, a drawing agrees with it
    // (an underline, a ring), unless it can cover it (a shape, a stamp, a redaction: a white patch over "☒") or
    // withdraws it (a strike-out); over another option, a strike-out agrees with the tick.
    const row = groups.filter((o) => o.options.some((x) => g.options.some((y) => x.line === y.line && x.line >= 0))).flatMap((o) => o.options.flatMap(spotsOf));
    const frames = (d: (typeof shown)[number]) => [...ticked, ...others, ...row].every((r) => r.x0 >= d.at.x0 - 1 && r.x1 <= d.at.x1 + 1 && r.top >= d.at.top - 1 && r.bottom <= d.at.bottom + 1);
    const hit = shown.find(
      (d) => !readFrom(d) && !frames(d) && ((d.read !== 'strike-out' && others.some((r) => meets(r, d.at))) || (COVERS.has(d.kind) && ticked.some((r) => meets(r, d.at)))),
    );
    if (!hit) continue;
    kinds.push(hit.kind);
    for (const o of g.options) o.mark = { state: 'unknown', source: o.mark?.source ?? 'vector', detail: `a viewer's ${hit.kind} is drawn over the options` };
  }
  return kinds;
}
