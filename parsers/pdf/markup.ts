/**
 * What a PDF viewer adds over a page without changing its content: text typed
 * with an "Add text" tool (FreeText annotations), pen strokes (Ink
 * annotations) and words highlighted or struck out (text markup
 * annotations), as Edge, Preview and Acrobat save them. A form filled in this
 * way shows its answers on screen and in print, but not in the page's content,
 * so they are read here: typed text as text items laid where it shows, pen
 * strokes as lines drawn on the page.
 */

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

/** Text typed over the page, line by line, as text items. Turned annotations are left out. */
export function typedText(annotations: readonly unknown[], inShownLayer: (id: string | undefined) => boolean): TypedItem[] {
  const items: TypedItem[] = [];
  for (const a of annotations as MarkupData[]) {
    if (a.annotationType !== FREETEXT || (a.rotation ?? 0) % 360 !== 0 || !Array.isArray(a.textContent) || !shows(a, inShownLayer)) continue;
    const size = a.defaultAppearanceData?.fontSize || 10;
    const [x0, y0, , y1] = a.rect ?? [];
    if (x0 === undefined || y0 === undefined || y1 === undefined) continue;
    // pdf.js gives the first line's start from the rectangle's lower left corner.
    const at = a.textPosition?.length === 2 ? [x0 + a.textPosition[0]!, y0 + a.textPosition[1]!] : [x0, y1 - size];
    if (!Number.isFinite(at[0]) || !Number.isFinite(at[1])) continue;
    a.textContent.forEach((line, i) => {
      if (typeof line !== 'string' || !line.trim()) return;
      items.push({ str: line, transform: [size, 0, 0, size, at[0]!, at[1]! - i * size * LINE_PITCH], width: estimatedWidth(line, size), height: size, fontName: '', hasEOL: false, dir: 'ltr', overlaid: true });
    });
  }
  return items;
}

/** Pen strokes drawn over the page, each as x, y pairs in user space, and whether its ink shows dark on white. */
export function penStrokes(annotations: readonly unknown[], inShownLayer: (id: string | undefined) => boolean): Array<{ points: ArrayLike<number>; dark: boolean }> {
  const out: Array<{ points: ArrayLike<number>; dark: boolean }> = [];
  for (const a of annotations as MarkupData[]) {
    if (a.annotationType !== INK || !Array.isArray(a.inkLists) || !shows(a, inShownLayer) || (a.opacity ?? 1) < 0.1) continue;
    const [r = 0, g = 0, b = 0] = Array.from(a.color ?? [0, 0, 0]);
    const dark = (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255 < 0.85;
    for (const points of a.inkLists) if (points.length >= 4) out.push({ points, dark });
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
