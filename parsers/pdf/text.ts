/**
 * From pdf.js text items to lines and "parts": runs of text on one line that
 * are set apart from each other by a column gap (table cells, a label and its
 * value, a question and the Yes/No boxes beside it).
 */
import type { Rect } from './geometry.js';
import { mul } from './geometry.js';
import { glyphMark, optionValue } from '../../src/options.js';

const LIGATURES: Record<string, string> = {
  '\uFB00': 'ff',
  '\uFB01': 'fi',
  '\uFB02': 'fl',
  '\uFB03': 'ffi',
  '\uFB04': 'ffl',
  '\uFB05': 'st',
  '\uFB06': 'st',
};

/** A text item that is one glyph its font maps to no character: pdf.js gives its code, a control character. */
export const UNMAPPED_GLYPH = /^\s*[\u0001-\u0008\u000E-\u001F]\s*$/;

/** Ligatures spelt out, odd spaces made plain, invisible characters dropped. Soft hyphens stay (line joining reads them). */
export function normaliseText(s: string): string {
  // A lone control character is a glyph (a box, in a symbol font) whose font maps it to no character: kept as
  // U+FFFD so that a box beside a label is known to be there, unread.
  if (UNMAPPED_GLYPH.test(s)) return s.replace(/[\u0001-\u0008\u000E-\u001F]/, '\uFFFD');
  return s
    .replace(/[\uFB00-\uFB06]/g, (c) => LIGATURES[c] ?? c)
    .replace(/[\t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g, ' ')
    .replace(/[\u200B-\u200D\u2060\uFEFF\u0000-\u0008\u000B-\u001F\u007F]/g, '');
}

/** One positioned character (space characters inserted for gaps have zero width). */
export interface Part extends Rect {
  text: string;
  /** Start and end x of each character of `text`. */
  xs: number[];
  xe: number[];
  baseline: number;
  size: number;
  furniture?: boolean;
  /** Index of the line on its page. */
  line: number;
  /** For each character of `text`, whether it is printed invisible; absent where none is. */
  unseen?: boolean[];
}

export interface Line {
  index: number;
  baseline: number;
  top: number;
  bottom: number;
  size: number;
  parts: Part[];
}

/** A lone mark character ("X", "✓") with its box, for marks typed into drawn boxes. */
export interface MarkToken extends Rect {
  char: string;
  line: number;
  /** Printed invisible: read from text nobody sees as printed (an OCR layer, say). */
  unseen?: boolean;
}

export interface PageText {
  page: number;
  width: number;
  height: number;
  lines: Line[];
  /** Characters of text on the page, including any set aside (rotated text). */
  chars: number;
  tokens: MarkToken[];
}

interface Item extends Rect {
  text: string;
  baseline: number;
  size: number;
  unseen: boolean;
  overlaid: boolean;
  /** Whether its characters' widths differ as a proportional font's do (not an OCR layer's or a monospace font's). */
  proportional: boolean;
  /** A label joined from pieces wrapped down a narrow column (see joinStackedLabels): a cell of its own. */
  stacked?: boolean;
}

interface TextItemLike {
  str: string;
  transform: number[];
  width: number;
  fontName: string;
  /** Set by the caller on text printed invisible. */
  unseen?: boolean;
  /** Set by the caller on text laid over the page (typed in a viewer), kept apart from the text it overlaps. */
  overlaid?: boolean;
}

interface Style {
  ascent?: number;
  descent?: number;
  fontFamily?: string;
}

/** Nothing but box glyphs, ticks or an X. */
export function isMarkText(text: string): boolean {
  return [...text.replace(/\s+/g, '')].every((ch) => glyphMark(ch) !== null || ch === 'X' || ch === 'x');
}

/** A lone mark character: "X" or a tick not part of a word. */
const TOKEN_RE = /(?<![\p{L}\p{N}])[xX✓✔✗✘](?![\p{L}\p{N}])/gu;

/** ZapfDingbats codes for ticks, crosses and boxes, as pdf.js reads them when the font has no ToUnicode map. */
const DINGBATS: Record<string, string> = { '3': '✓', '4': '✔', '7': '✗', '8': '✘', n: '■', q: '❑', r: '❒' };

/** ZapfDingbats' own widths (em) of the codes in DINGBATS: a font that gives them other widths is not ZapfDingbats. */
const DINGBAT_WIDTHS: Record<string, number> = { '3': 0.755, '4': 0.846, '7': 0.571, '8': 0.677, n: 0.761, q: 0.759, r: 0.759 };

/**
 * Fonts that print nothing on the page but lone ZapfDingbats codes ("4", "8"), each as wide as ZapfDingbats draws
 * it (✔ 0.846 em, ✓ 0.755): a text font prints words too, or its digits alike in width (a rating column).
 */
function fontsOfLoneDingbats(items: readonly unknown[]): Set<string> {
  const lone = new Set<string>();
  const other = new Set<string>();
  for (const raw of items) {
    const it = raw as Partial<TextItemLike>;
    const str = it.str?.trim();
    if (!str || typeof it.fontName !== 'string') continue;
    const size = Array.isArray(it.transform) ? Math.hypot(it.transform[2]!, it.transform[3]!) : 0;
    const own = str.length === 1 ? DINGBAT_WIDTHS[str] : undefined;
    const dingbat = own !== undefined && size > 0 && Math.abs((it.width ?? 0) / size - own) <= 0.015;
    (dingbat ? lone : other).add(it.fontName);
  }
  return new Set([...lone].filter((f) => !other.has(f)));
}

/** Wingdings box codes read as Latin-1 (a lone "þ" is never English text): ticked box, crossed box, empty box. */
const WINGDINGS_LATIN1: Record<string, string> = { 'þ': '\uF0FE', 'ý': '\uF0FD', '¨': '\uF0A8' };

/**
 * Turns a page's text content into lines of parts. `viewportTransform` maps
 * user space to display space.
 */
export function readPageText(
  page: number,
  content: { items: unknown[]; styles: Record<string, Style> },
  viewportTransform: number[],
  pageWidth: number,
  pageHeight: number,
  /** Whether the document uses ZapfDingbats (asked only when a lone dingbat-like character is seen). */
  dingbats: () => boolean = () => false,
): PageText {
  const items: Item[] = [];
  let chars = 0;
  const dingbatFonts = fontsOfLoneDingbats(content.items);
  for (const raw of content.items) {
    const it = raw as Partial<TextItemLike>;
    if (typeof it.str !== 'string' || !Array.isArray(it.transform)) continue;
    let str = normaliseText(it.str);
    if (!str.trim()) continue;
    chars += str.trim().length;
    const tx = mul(viewportTransform, it.transform);
    // Only text that runs left to right across the page as shown; rotated text (stamps, margins) is left out.
    if (tx[0] <= 0 || Math.abs(tx[1]) > 0.1 * Math.abs(tx[0])) continue;
    const size = Math.hypot(tx[2], tx[3]) || Math.hypot(tx[0], tx[1]);
    if (!(size > 0.5)) continue;
    const style = content.styles[it.fontName ?? ''] ?? {};
    // Fonts without metrics (Type 3, non-embedded symbol fonts) report NaN or nothing.
    const metricless = !Number.isFinite(style.ascent);
    const ascent = metricless ? 0.8 : clamp(style.ascent!, 0.5, 1.1);
    const descent = Number.isFinite(style.descent) ? clamp(-style.descent!, 0.05, 0.5) : 0.2;
    // ZapfDingbats without a ToUnicode map comes out as the ASCII of its codes ("4" for ✔): not embedded (no metrics),
    // or embedded again by a converter (cairo, Ghostscript's PDF/A) in a font that prints nothing else.
    if ((metricless || dingbatFonts.has(it.fontName!)) && str.length === 1 && DINGBATS[str] && dingbats()) str = DINGBATS[str]!;
    // Wingdings boxes without a ToUnicode map come out as Latin-1 letters ("þ" for the ticked box).
    else if (str.length === 1 && WINGDINGS_LATIN1[str]) str = WINGDINGS_LATIN1[str]!;
    let x0 = tx[4];
    let w = Math.max(0, it.width ?? 0);
    const cw = str.length ? w / str.length : 0;
    const lead = str.length - str.trimStart().length;
    const trail = str.length - str.trimEnd().length;
    x0 += lead * cw;
    w -= (lead + trail) * cw;
    str = str.trim().replace(/ {2,}/g, '  ');
    const baseline = tx[5];
    items.push({ text: str, x0, x1: x0 + w, top: baseline - size * ascent, bottom: baseline + size * descent, baseline, size, unseen: it.unseen === true, overlaid: it.overlaid === true,
      // An OCR layer's glyphs are given one width each, stretched to the word the scan shows.
      proportional: it.unseen !== true && style.fontFamily !== 'monospace' });
  }
  const lines = groupLines(joinStackedLabels(dedupe(items)));
  const stops = columnStops(lines);
  const tokens: MarkToken[] = [];
  const out: Line[] = lines.map((lineItems, index) => {
    const free = stops.filter((x) => !crosses(lines[index - 1], x) && !crosses(lines[index + 1], x));
    const parts = markedBoxes(splitParts(lineItems, stops, free, index));
    for (const part of parts)
      for (const m of part.text.matchAll(TOKEN_RE))
        tokens.push({ char: m[0], x0: part.xs[m.index!]!, x1: part.xe[m.index!]!, top: part.top, bottom: part.bottom, line: index, ...(part.unseen?.[m.index!] ? { unseen: true } : {}) });
    return {
      index,
      baseline: median(lineItems.map((i) => i.baseline)),
      top: Math.min(...lineItems.map((i) => i.top)),
      bottom: Math.max(...lineItems.map((i) => i.bottom)),
      size: Math.max(...lineItems.map((i) => i.size)),
      parts,
    };
  });
  return { page, width: pageWidth, height: pageHeight, lines: out, chars, tokens };
}

/**
 * An X or tick set over an empty box glyph on its line (typed into the box with a viewer's text tool, or printed
 * over it) ticks that box: the glyph reads as ☒ and the mark goes. Left apart, the mark would stand between the
 * box and its label as a mark of no option. The mark may open a part that runs on into the label ("X Yes").
 */
function markedBoxes(parts: Part[]): Part[] {
  const marks = parts.filter((p) => /^[xX✓✔](?:\s|$)/.test(p.text));
  if (marks.length === 0) return parts;
  const emptied = new Set<Part>();
  for (const mark of marks) {
    const [x0, x1] = [mark.xs[0]!, mark.xe[0]!];
    for (const part of parts) {
      if (part === mark) continue;
      // Positions are kept by UTF-16 unit; a box glyph may take two.
      let i = -1;
      let ch = '';
      for (let k = 0; k < part.text.length; k += ch.length) {
        ch = String.fromCodePoint(part.text.codePointAt(k)!);
        const [from, to] = [part.xs[k]!, part.xe[k + ch.length - 1]!];
        const overlap = Math.min(to, x1) - Math.max(from, x0);
        if (glyphMark(ch)?.state === 'unchecked' && overlap >= 0.5 * Math.min(to - from, x1 - x0)) {
          i = k;
          break;
        }
      }
      if (i < 0) continue;
      // A ticked box of the same length keeps every position in place.
      part.text = part.text.slice(0, i) + (ch.length === 2 ? '\u{1F5F7}' : '\u2612') + part.text.slice(i + ch.length);
      const rest = mark.text.length - mark.text.slice(1).trimStart().length;
      mark.text = mark.text.slice(rest);
      mark.xs = mark.xs.slice(rest);
      mark.xe = mark.xe.slice(rest);
      if (mark.unseen) mark.unseen = mark.unseen.slice(rest);
      if (mark.text) mark.x0 = mark.xs[0]!;
      else emptied.add(mark);
      break;
    }
  }
  return emptied.size ? parts.filter((p) => !emptied.has(p)) : parts;
}

/**
 * An option's label wrapped down a column too narrow for it, a piece a line ("Y" over "es", "N" over "o", "N/"
 * over "A", "Ie /" over "Yes"): one label, where the first piece is printed. Each piece stands alone on its line
 * (no word runs on from it), the second straight below the first, aligned at the left or centred on it.
 */
function joinStackedLabels(items: Item[]): Item[] {
  const pieces = items.filter((it) => it.text.length <= 4 && /^[A-Z]/.test(it.text) && !it.unseen);
  if (pieces.length === 0) return items;
  const alone = (it: Item) => !items.some((o) => o !== it && Math.abs(o.baseline - it.baseline) <= 0.4 * it.size && o.x1 > it.x0 - 0.5 * it.size && o.x0 < it.x1 + 0.5 * it.size);
  const taken = new Set<Item>();
  for (const a of pieces) {
    if (taken.has(a) || !alone(a)) continue;
    const below = items.filter((b) => {
      const drop = b.baseline - a.baseline;
      return b !== a && !taken.has(b) && drop > 0.6 * a.size && drop <= 1.6 * a.size && Math.abs(b.size - a.size) <= 0.2 * a.size && b.x1 > a.x0 && b.x0 < a.x1 + a.size;
    });
    const b = below.length === 1 ? below[0]! : null;
    if (!b || b.text.length > 4 || b.unseen || !alone(b)) continue;
    const aligned = Math.abs(b.x0 - a.x0) <= 0.35 * a.size || Math.abs(b.x0 + b.x1 - a.x0 - a.x1) <= 0.7 * a.size;
    if (!aligned || !(/\/$/.test(a.text) || /^[a-z]/.test(b.text))) continue;
    const text = [`${a.text}${b.text}`, `${a.text} ${b.text}`].find((t) => optionValue(t) !== null && /^[\p{L}/ .]+$/u.test(t));
    if (!text) continue;
    taken.add(b);
    Object.assign(a, { text, x0: Math.min(a.x0, b.x0), x1: Math.max(a.x1, b.x1), stacked: true });
  }
  return taken.size ? items.filter((it) => !taken.has(it)) : items;
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

/**
 * Drops text drawn twice at (nearly) the same place, as some exporters do for
 * bold; of a painted copy and an invisible one, the painted one is kept.
 */
function dedupe(items: Item[]): Item[] {
  const seen = new Map<string, Item[]>();
  const dropped = new Set<Item>();
  for (const it of items) {
    const same = seen.get(it.text);
    const twin = same?.find((o) => !dropped.has(o) && Math.abs(o.x0 - it.x0) < 1.5 && Math.abs(o.baseline - it.baseline) < 1.5);
    if (twin && twin.unseen && !it.unseen) dropped.add(twin);
    else if (twin) {
      dropped.add(it);
      continue;
    }
    if (same) same.push(it);
    else seen.set(it.text, [it]);
  }
  return items.filter((it) => !dropped.has(it));
}

function groupLines(items: Item[]): Item[][] {
  const sorted = [...items].sort((a, b) => a.baseline - b.baseline || a.x0 - b.x0);
  const lines: Array<{ baseline: number; size: number; items: Item[] }> = [];
  for (const it of sorted) {
    const last = lines[lines.length - 1];
    if (last && Math.abs(it.baseline - last.baseline) <= 0.4 * Math.min(it.size, last.size)) {
      last.items.push(it);
      last.size = Math.max(last.size, it.size);
    } else lines.push({ baseline: it.baseline, size: it.size, items: [it] });
  }
  return lines.map((l) => l.items.sort((a, b) => a.x0 - b.x0));
}

/**
 * x positions where text starts after a gap on several lines of the page: the
 * left edges of table columns. A gap before one of these splits a line even
 * when it is narrow. A start counts only where the lines above and below leave
 * that x free (a column has a channel of white space down its edge; words of
 * justified text that happen to line up do not).
 */
function columnStops(lines: Item[][]): number[] {
  const counts = new Map<number, number>();
  lines.forEach((line, li) => {
    const seen = new Set<number>();
    for (let i = 1; i < line.length; i++) {
      const prev = line[i - 1]!;
      const it = line[i]!;
      if (it.x0 - prev.x1 < 0.8 * it.size) continue;
      if (crosses(lines[li - 1], it.x0) || crosses(lines[li + 1], it.x0)) continue;
      const key = Math.round(it.x0 / 2);
      if (seen.has(key)) continue;
      seen.add(key);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  });
  const stops: number[] = [];
  for (const [key, n] of counts) {
    const near = n + (counts.get(key - 1) ?? 0) + (counts.get(key + 1) ?? 0);
    if (near >= 3) stops.push(key * 2);
  }
  return stops;
}

/** Whether a line's text runs across x. */
const crosses = (line: Item[] | undefined, x: number) => line?.some((it) => it.x0 < x - 2 && it.x1 > x + 2) ?? false;

/** A choice typed in a response column, as its cell's first word. */
const CHOICE_WORD = /^(?:yes|no|n\/a)\b/i;

// Bullets include the private-use code points of Word's Symbol and Wingdings bullets.
const LIST_MARKER = /^(\(?\d{1,3}[.)]|\(?[a-zA-Z][.)]|[•●▪◦‣∙·–\-*\uF0B7\uF0A7\uF076\uF0D8]|Q\d{1,3}[.:]?)$/;

/**
 * A line's parts: text parted by a wide gap, or by a narrower one before a column's left edge (`stops`). A choice
 * typed at an edge the lines above and below leave free (`free`) is parted by a word space too: a question filling
 * its cell runs up to the response column's edge with no wider gap.
 */
function splitParts(items: Item[], stops: number[], free: number[], line: number): Part[] {
  const parts: Part[] = [];
  let cur: Part | null = null;
  let last: Item | null = null;
  for (const it of items) {
    if (cur) {
      const gap = it.x0 - cur.x1;
      const size = Math.min(it.size, cur.size);
      const atStop =
        (gap >= 0.8 * size && stops.some((s) => Math.abs(s - it.x0) <= 2.5)) ||
        (gap >= 0.25 * size && CHOICE_WORD.test(it.text) && free.some((s) => Math.abs(s - it.x0) <= 1.5));
      // Text laid on other text stands apart from it, not one word with it: typed over the page's own ("X" on
      // "No"), or one of them printed invisible (an OCR reading over the printed words).
      const layered = gap < 0 && last !== null && (it.overlaid || last.overlaid || it.unseen !== last.unseen);
      const column = gap >= 1.5 * size || atStop || layered || (gap >= 0.25 * size && (it.stacked || last?.stacked));
      last = it;
      if (column && !LIST_MARKER.test(cur.text)) {
        parts.push(cur);
        cur = null;
      } else {
        // A wide gap inside a part is kept as two spaces: readOptionRun reads it as "set apart".
        const sep = gap >= 0.8 * size ? '  ' : gap > 0.15 * size && !cur.text.endsWith(' ') ? ' ' : '';
        if (it.unseen) cur.unseen ??= new Array<boolean>(cur.text.length).fill(false);
        for (const ch of sep) {
          cur.text += ch;
          cur.xs.push(cur.x1);
          cur.xe.push(cur.x1);
          // A space between words printed invisible is as invisible as they are.
          cur.unseen?.push(it.unseen && cur.unseen.at(-1) === true);
        }
        appendItem(cur, it);
        continue;
      }
    }
    cur = { text: '', xs: [], xe: [], x0: it.x0, x1: it.x0, top: it.top, bottom: it.bottom, baseline: it.baseline, size: it.size, line };
    last = it;
    appendItem(cur, it);
  }
  if (cur) parts.push(cur);
  return parts;
}

/**
 * Helvetica's advance widths (per 1,000 units of the em) for printable ASCII,
 * from its AFM. pdf.js gives a run of text one width; each character's share
 * of it is taken in these proportions, which place a word after narrow
 * characters (" / ", "il") within a point or so in most fonts, where equal
 * shares can be several points out.
 */
const HELVETICA_WIDTHS = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584,
  584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278,
  278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500,
  500, 334, 260, 334, 584,
];

/**
 * A character's share of a run's width: Helvetica's for ASCII, about a
 * letter's for other letters and punctuation (dashes, quotes), an em for
 * symbols (boxes, ticks, a symbol font's private-use code points).
 */
function proportionalAdvance(ch: string): number {
  const c = ch.charCodeAt(0);
  if (c >= 32 && c < 127) return HELVETICA_WIDTHS[c - 32]!;
  return c >= 0x2100 ? 1000 : c >= 0x2000 ? 500 : 556;
}

function appendItem(p: Part, it: Item): void {
  const n = it.text.length;
  const advance = it.proportional ? proportionalAdvance : () => 1;
  let total = 0;
  for (let i = 0; i < n; i++) total += advance(it.text[i]!);
  const scale = total > 0 ? (it.x1 - it.x0) / total : 0;
  if (it.unseen) p.unseen ??= new Array<boolean>(p.text.length).fill(false);
  let x = it.x0;
  for (let i = 0; i < n; i++) {
    p.xs.push(x);
    x += advance(it.text[i]!) * scale;
    p.xe.push(x);
    p.unseen?.push(it.unseen);
  }
  p.text += it.text;
  p.x1 = Math.max(p.x1, it.x1);
  p.top = Math.min(p.top, it.top);
  p.bottom = Math.max(p.bottom, it.bottom);
  p.size = Math.max(p.size, it.size);
}
