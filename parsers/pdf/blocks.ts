/**
 * Lines and parts to blocks in reading order: wrapped lines joined into
 * paragraphs, options placed after the question they belong to, table rows
 * read left to right, running headers and footers flagged as furniture.
 */
import type { Block, BlockKind, Provenance } from '../../src/document.js';
import { glyphMark, optionBlocks, optionValue } from '../../src/options.js';
import { apply, type Rect } from './geometry.js';
import type { Candidate, OptionGroup } from './labels.js';
import type { RuledBetween } from './rows.js';
import type { PageText, Part } from './text.js';

/**
 * The line pitch of wrapped text for each font size (keyed by size rounded to
 * half a point): the smallest baseline step seen often between lines that
 * start at the same x. A larger step between two lines is paragraph spacing.
 */
export function linePitches(pages: PageText[]): Map<number, number> {
  const steps = new Map<number, number[]>();
  for (const page of pages) {
    for (let i = 1; i < page.lines.length; i++) {
      const a = page.lines[i - 1]!.parts.find((p) => !p.furniture);
      const b = page.lines[i]!.parts.find((p) => !p.furniture);
      if (!a || !b || Math.abs(a.x0 - b.x0) > 3 || Math.abs(a.size - b.size) > 0.3) continue;
      const key = Math.round(a.size * 2) / 2;
      const list = steps.get(key) ?? [];
      list.push(b.baseline - a.baseline);
      steps.set(key, list);
    }
  }
  const out = new Map<number, number>();
  for (const [key, list] of steps) {
    const sorted = list.filter((d) => d >= 0.9 * key && d <= 2.5 * key).sort((x, y) => x - y);
    const pitch = sorted.find((d) => sorted.filter((o) => Math.abs(o - d) <= 0.3).length >= 3);
    if (pitch !== undefined) out.set(key, pitch);
  }
  return out;
}

/** The largest baseline step between wrapped lines of text of this size: any more is paragraph spacing. */
function wrapStep(size: number, pitch: number | undefined): number {
  return Math.min(1.75 * size, pitch === undefined ? Infinity : pitch + Math.max(1.2, 0.1 * pitch));
}

export interface PageLayout {
  text: PageText;
  /** Maps display space back to user space. */
  toUser: readonly number[];
  /** Parts that are not text (taken by options). */
  consumed: Set<Part>;
  /** Option groups kept, each anchored to its lead part or placed by its own position. */
  groups: OptionGroup[];
  /** Typed answers from form text fields. */
  fields: Array<{ rect: Rect; text: string }>;
  /** Line pitch by font size, from `linePitches`. */
  pitches: Map<number, number>;
  /** The rows' borders, where the page's drawing was read. */
  ruled?: RuledBetween;
}

interface Para {
  parts: Part[];
  /** Where the first line starts. */
  x0: number;
  /** Where the second line starts (lines after a first-line indent), once there is one. */
  bodyX0: number | null;
  x1: number;
  top: number;
  baseline: number;
  lastBaseline: number;
  lastX1: number;
  size: number;
  furniture: boolean;
  after: OptionGroup[];
}

interface Unit {
  baseline: number;
  /** The baseline of its last line. */
  lastBaseline: number;
  x0: number;
  x1: number;
  size: number;
  blocks: Block[];
  /** A paragraph of text, for telling table rows. */
  textual: boolean;
}

const STARTS_ITEM = /^(\(?\d{1,3}[.)]|Q\d{1,3}[.:)]?|[•●▪◦‣∙–\-*])\s/;
const BULLET = /^[•●▪◦‣∙–\-*]\s+/;

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

export function provenance(page: number, toUser: readonly number[], x: number, top: number): Provenance {
  const [ux, uy] = apply(toUser, x, top);
  return { page, x: round(ux), y: round(uy) };
}

/** Width of the first word of a part, with the space before it. */
function firstWordWidth(part: Part): number {
  const end = part.text.search(/\s/);
  const last = (end < 0 ? part.text.length : end) - 1;
  return (part.xe[last] ?? part.x1) - part.x0 + 0.3 * part.size;
}

/** How far left of a paragraph's first line its next lines may start: a first-line indent (about a tab). */
function indentAllowance(size: number): number {
  return Math.max(4 * size, 40);
}

/** Lines above and below a paragraph looked at for the width of its column. */
const EDGE_WINDOW = 25;

/**
 * The right edge of the text column a paragraph is set in, for telling a
 * wrapped line from one that stops short.
 *
 * The lines that could run on from the paragraph's first line (starting about
 * where it does, a tab either way for first-line indents, a line pitch apart)
 * are its run. The run is a column of its own, and its widest line the edge,
 * when something is printed beside it (the next table cell, options, a value
 * beside a label) or when two or more of its lines end at its widest cut
 * mid-sentence (prose wrapped in a cell or a box).
 *
 * Otherwise the edge is how far the lines around it (up to EDGE_WINDOW lines
 * either way) that start about where it does reach: the second widest of them,
 * so one line running into the margin (a long web address) does not move it.
 * Lines reaching past where the next column starts beside any of them (a row
 * spanning a table whose other rows have a second column) do not count.
 * Every estimate errs short, towards taking a line as wrapped.
 */
function columnEdge(first: Part, page: PageText, textParts: Part[][], pitch: number | undefined): number {
  const size = first.size;
  const reach = indentAllowance(size);
  const near = (o: Part) => Math.abs(o.x0 - first.x0) <= reach && Math.abs(o.size - size) <= 0.2 * size;
  const besideOf = (i: number, own: Part | undefined, right: number) => page.lines[i]!.parts.find((o) => o !== own && !o.furniture && o.x0 > right + 0.3 * size);
  const run: Part[] = [first];
  const limit = wrapStep(size, pitch);
  let end = first.line;
  for (let i = first.line + 1; i < page.lines.length && run.length < 60; i++) {
    const prev = run[run.length - 1]!;
    if (page.lines[i]!.baseline - prev.baseline > limit) break;
    // A line between two of the run's (options set at mid-height beside a question) does not end it.
    const next = textParts[i]!.find(near);
    if (next) {
      run.push(next);
      end = i;
    }
  }
  let local = 0;
  for (const r of run) local = Math.max(local, r.x1);
  // Something printed right of the run, on its lines or between them.
  for (let i = first.line; i <= end; i++) {
    const own = run.find((r) => r.line === i);
    if (besideOf(i, own, own ? own.x1 : local)) return local;
  }
  // Two lines or more ending at the run's widest, each cut mid-sentence (the next goes on in lower case, or it
  // ends in a hyphen or comma): prose wrapped there. Short lines of about one length (a list, labels) are not.
  const atWidest = (r: Part) => local - r.x1 <= Math.max(3 * size, 0.05 * (local - first.x0));
  const cutThere = run.slice(0, -1).filter((r, k) => atWidest(r) && (/[-,]$/.test(r.text) || /^\p{Ll}/u.test(run[k + 1]!.text)));
  if (cutThere.length >= 2) return local;
  const from = Math.max(0, first.line - EDGE_WINDOW);
  const to = Math.min(page.lines.length - 1, end + EDGE_WINDOW);
  const mates: Part[] = [];
  let bound = Infinity;
  for (let i = from; i <= to; i++) {
    for (const o of textParts[i]!) {
      if (!near(o)) continue;
      mates.push(o);
      const next = besideOf(i, o, o.x1);
      if (next) bound = Math.min(bound, next.x0);
    }
  }
  const ends = mates.filter((o) => o.x1 < bound).map((o) => o.x1).sort((x, y) => y - x);
  return Math.max(local, ends.length >= 3 ? ends[1]! : (ends[0] ?? local));
}

/**
 * Whether a line was wrapped: it reaches so near the right edge of its column
 * that the next line's first word would not have fitted after it (nor is it
 * more than a tenth of the column's width short of the edge). A line that
 * stops short of that ends its paragraph: a label over its value, a list of
 * short lines, a heading over its text. A line ending in a hyphen is wrapped.
 */
function wrapped(p: Para, next: Part, edge: number): boolean {
  const last = p.parts[p.parts.length - 1]!;
  if (edge === Infinity || /[\u00AD\u2010-]$/.test(last.text.trim())) return true;
  const left = Math.min(p.x0, p.bodyX0 ?? p.x0, next.x0);
  return edge - last.x1 <= Math.max(firstWordWidth(next) + 0.5 * Math.max(last.size, next.size), 0.1 * (edge - left));
}

function canJoin(
  p: Para,
  part: Part,
  cellAfter: (part: Part) => Part | undefined,
  rowStartsBeside: (part: Part) => boolean,
  startsLine: (part: Part) => boolean,
  pitch: number | undefined,
  edge: (p: Para) => number,
): boolean {
  const size = Math.max(p.size, part.size);
  const dy = part.baseline - p.lastBaseline;
  // Further apart than wrapped lines of this size are: paragraph spacing.
  if (dy < 0.5 * size || dy > wrapStep(size, pitch)) return false;
  if (Math.abs(part.size - p.size) > 0.2 * p.size) return false;
  // The second line may start left of the first by a first-line indent (both starting their lines, not
  // cells beside others); later lines line up with the second.
  const indented = p.bodyX0 === null && startsLine(p.parts[0]!) && startsLine(part);
  const left = indented ? p.x0 - indentAllowance(size) : Math.min(p.x0, p.bodyX0 ?? p.x0) - 0.6 * size;
  if (part.x0 < left || part.x0 > p.x0 + 3 * size || part.x0 >= p.lastX1) return false;
  // A part left of the paragraph with the paragraph's column going on beside it is a cell of its own (a row's
  // reference set level with its question's middle line, the row's cells centred), not the paragraph's next line.
  const beside = cellAfter(part);
  if (part.x1 < p.x0 && beside && Math.abs(beside.x0 - (p.bodyX0 ?? p.x0)) <= 0.6 * size) return false;
  // So is one that ends before the paragraph starts, less than a line pitch below it (between two of its lines).
  if (part.x1 < p.x0 && dy < (pitch === undefined ? 0.9 * size : pitch - Math.max(1.2, 0.1 * pitch))) return false;
  if (STARTS_ITEM.test(part.text) || glyphMark([...part.text.trim()][0] ?? '')) return false;
  const last = p.parts[p.parts.length - 1]!;
  // A bare "Yes" or "No" is a whole answer cell: it neither takes nor gives a next line.
  if (optionValue(last.text) || optionValue(part.text)) return false;
  // Table rows: a line ending a sentence with a cell beside it, then a line with a cell beside it, start a new
  // row; so does a line ending a sentence, then one level with a paragraph starting in a cell to its left.
  if (/[.?!:]["'”’)\]]?$/.test(last.text) && ((cellAfter(last) && cellAfter(part)) || rowStartsBeside(part))) return false;
  // Under a line with nothing beside it, a line whose next cell starts within the paragraph's width, a column gap
  // away, is a table's row ("Organisation | Wyford Council" under a title), not the paragraph wrapped; but not a
  // sentence going on in lower case, nor a line with a note tabbed out towards the margin ("Last reviewed: 09/2025").
  const row = beside && beside.x0 < p.x0 + 0.6 * (p.x1 - p.x0) && beside.x0 - part.x1 >= 3 * size && !/^\p{Ll}/u.test(part.text.trim());
  if (row && !cellAfter(last)) return false;
  // A sentence that ends where the next line's first word would still have fitted closes its paragraph.
  // The width is known only from a paragraph of two lines or more: a one-line one is joined.
  if (p.parts.length >= 2 && /[.?!:]["'”’)\]]?$/.test(last.text) && p.x1 - last.x1 > firstWordWidth(part) + 0.5 * size) return false;
  // So does one whose next line starts right of where its own lines after the first start: a cell's text, set in
  // by the cell's margin, under a paragraph across the page.
  if (p.bodyX0 !== null && part.x0 > p.bodyX0 + 2 && /[.?!:]["'”’)\]]?$/.test(last.text)) return false;
  // A line that stops short of its column's right edge was not wrapped: the next line starts a new paragraph.
  return wrapped(p, part, edge(p));
}

/** White space that collapsing to single spaces changes: runs, and any character other than a plain space. */
const SPACES = /\s{2,}|[^\S ]/g;

function joinLines(parts: Part[]): string {
  let text = '';
  for (const part of parts) {
    const t = part.text.trim();
    if (!text) text = t;
    else if (text.endsWith('\u00AD') || text.endsWith('\u2010')) text = text.slice(0, -1) + t;
    // A hyphen at a line end from a word processor is part of the word ("third-party"): keep it, no space.
    else if (/[\p{L}\d]-$/u.test(text) && /^\p{Ll}/u.test(t)) text += t;
    // A web address broken after a "/" or "-" goes on without a space.
    else if (/(?:https?:\/\/|www\.)\S*[/\-]$/.test(text) && /^[\w%~.-]/.test(t)) text += t;
    else text += ' ' + t;
  }
  return text.replace(/\u00AD/g, '').replace(SPACES, ' ').trim();
}

function buildParas(layout: PageLayout): { paras: Para[]; edge: (p: Para) => number; rowsInDoubt: boolean } {
  const paras: Para[] = [];
  let rowsInDoubt = false;
  const page = layout.text;
  const cellAfter = (part: Part) =>
    page.lines[part.line]?.parts.filter((o) => o !== part && !o.furniture && o.x0 > part.x1).sort((a, b) => a.x0 - b.x0)[0];
  // Parts that start a paragraph with no line of their column just above: the first line of a table row's cell.
  const started = new Set<Part>();
  const rowStartsBeside = (part: Part) => page.lines[part.line]!.parts.some((o) => o.x1 < part.x0 && started.has(o));
  const lineAbove = (part: Part) =>
    open.some((p) => {
      const dy = part.baseline - p.lastBaseline;
      return dy > 0 && dy <= wrapStep(p.size, layout.pitches.get(Math.round(p.size * 2) / 2)) && Math.min(p.x0, p.bodyX0 ?? p.x0) < part.x1 && p.x1 > part.x0;
    });
  const startsLine = (part: Part) => !page.lines[part.line]!.parts.some((o) => o !== part && !o.furniture && !layout.consumed.has(o) && o.x1 <= part.x0);
  const leads = new Set(layout.groups.map((g) => g.lead).filter((l): l is Part => l !== null));
  const isText = (o: Part) => !o.furniture && !layout.consumed.has(o) && o.text.trim() !== '';
  // Every paragraph's column edge reads the text parts of the lines around it: found once per page.
  const textParts = page.lines.map((l) => l.parts.filter(isText));
  const withOptions = (part: Part) => leads.has(part) || page.lines[part.line]!.parts.some((o) => layout.consumed.has(o) && o.x0 >= part.x1 - 1);
  const edges = new Map<Para, number>();
  const edge = (p: Para): number => {
    // A line with options printed after its text (on the line or cut from the same part) is not judged.
    if (withOptions(p.parts[p.parts.length - 1]!)) return Infinity;
    let e = edges.get(p);
    if (e === undefined) {
      e = columnEdge(p.parts[0]!, page, textParts, layout.pitches.get(Math.round(p.size * 2) / 2));
      edges.set(p, e);
    }
    return e;
  };
  // A row's border between a paragraph's last line and the part below it.
  const ruledOff = (p: Para, part: Part) => layout.ruled?.({ baseline: p.lastBaseline, size: p.size }, part, part.x0, part.x1) === true;
  // Cells that went on from a paragraph above them.
  const joined = new Set<Part>();
  // Every other cell of the line left of this one starts anew under a cell of the paragraph's last line: a table's
  // next row, which this cell starts too. Under a heading row the first row is only a line pitch below, and a
  // heading ("Comments / evidence") may stop where the next word would not have fitted, as if wrapped.
  const rowStartsAnew = (part: Part, p: Para) => {
    const left = page.lines[part.line]!.parts.filter((o) => o.x1 <= part.x0 && isText(o));
    if (left.length < 2 || left.some((o) => joined.has(o))) return false;
    const above = textParts[p.parts[p.parts.length - 1]!.line]!;
    return left.every((o) => above.some((a) => a.x0 < o.x1 && o.x0 < a.x1));
  };
  let open: Para[] = [];
  for (const line of page.lines) {
    open = open.filter((p) => line.baseline - p.lastBaseline <= 2 * p.size);
    const used = new Set<Para>();
    for (const part of line.parts) {
      if (layout.consumed.has(part) || !part.text.trim()) continue;
      const fresh = (): Para => ({
        parts: [part],
        x0: part.x0,
        bodyX0: null,
        x1: part.x1,
        top: part.top,
        baseline: part.baseline,
        lastBaseline: part.baseline,
        lastX1: part.x1,
        size: part.size,
        furniture: part.furniture === true,
        after: [],
      });
      if (part.furniture) {
        paras.push(fresh());
        continue;
      }
      const into = open.find(
        (p) => !used.has(p) && !rowStartsAnew(part, p) && !ruledOff(p, part) && canJoin(p, part, cellAfter, rowStartsBeside, startsLine, layout.pitches.get(Math.round(p.size * 2) / 2), edge),
      );
      if (into) {
        if (!layout.ruled && mayBeNextRow(into, part, page, textParts)) rowsInDoubt = true;
        joined.add(part);
        into.parts.push(part);
        into.bodyX0 ??= part.x0;
        into.x1 = Math.max(into.x1, part.x1);
        into.lastBaseline = part.baseline;
        into.lastX1 = part.x1;
        used.add(into);
      } else {
        const p = fresh();
        paras.push(p);
        open.push(p);
        used.add(p);
        if (!lineAbove(part)) started.add(part);
      }
    }
  }
  return { paras, edge, rowsInDoubt };
}

/**
 * Whether a line joined to a paragraph may instead start a table's next row: both lines have another column's
 * words beside them (level with them, or less than a line off where cells are centred in their rows), and the
 * line does not go on mid-sentence. Where rows are set as close as wrapped lines, only their drawn borders tell
 * ("Senior Responsible Officer" over "Position within organisation", each beside its value).
 */
function mayBeNextRow(p: Para, part: Part, page: PageText, textParts: readonly Part[][]): boolean {
  const last = p.parts[p.parts.length - 1]!;
  const besideOthers = (q: Part) =>
    [q.line - 1, q.line, q.line + 1].some(
      (i) => Math.abs((page.lines[i]?.baseline ?? Infinity) - q.baseline) < q.size && textParts[i]!.some((o) => o.x1 < q.x0 || o.x0 > q.x1),
    );
  return besideOthers(last) && besideOthers(part) && !/^\p{Ll}/u.test(part.text.trim()) && !/[-,]$/.test(last.text.trim());
}

function kindOf(text: string, size: number, bodySize: number): { kind: BlockKind; level?: number } {
  const ratio = size / bodySize;
  if (ratio >= 1.25 && text.length <= 200) return { kind: 'heading', level: ratio >= 1.7 ? 1 : ratio >= 1.4 ? 2 : 3 };
  if (BULLET.test(text)) return { kind: 'listItem' };
  return { kind: 'paragraph' };
}

/** Whether a row's border parts the words on a line at x0..x1 from what stands above them. */
type RuledAbove = (line: number, x0: number, x1: number) => boolean;

function optionBlocksOf(group: OptionGroup, layout: PageLayout, ruledAbove: RuledAbove): Block[] {
  return group.options.flatMap((o: Candidate) =>
    optionBlocks({ lead: '', options: [{ label: o.label, value: o.value, mark: o.mark }] }, provenance(layout.text.page, layout.toUser, o.rect.x0, o.rect.top)).map((b) => {
      const block = o.unseen ? { ...b, unshown: true } : b;
      return ruledAbove(o.line, o.rect.x0, o.rect.x1) ? { ...block, ruledAbove: true } : block;
    }),
  );
}

/**
 * Whether a row's border parts the words on a line at x0..x1 from the words,
 * labels or boxes above them in their column (options are no longer the
 * line's parts, and a question's part holds no longer those after it).
 */
function ruledAboveOn(layout: PageLayout): RuledAbove {
  const { ruled, text, groups } = layout;
  if (!ruled) return () => false;
  const options = new Map<number, Rect[]>();
  for (const g of groups) for (const o of g.options) options.set(o.line, [...(options.get(o.line) ?? []), o.rect]);
  return (index, x0, x1) => {
    const over = (r: Rect) => r.x0 < x1 && x0 < r.x1;
    for (let k = index - 1; k >= 0; k--) {
      const above = text.lines[k]!;
      if (above.parts.some((p) => !p.furniture && over(p)) || options.get(k)?.some(over)) return ruled(above, text.lines[index]!, x0, x1);
    }
    return false;
  };
}

/**
 * For each text block: the room left after its last line (to the right edge
 * of its column), the column's width, the width of its first word. Read by
 * `joinAcrossPages` to tell a paragraph cut by a page break from one that
 * ended at the foot of the page.
 */
const lineEnds = new WeakMap<Block, { room: number; width: number; firstWord: number; size: number; bodyX: number | undefined }>();

/**
 * The blocks of one page in reading order, and whether, its rows' borders not
 * read, some of its lines were joined where they may start a table's next row.
 */
export function pageBlocks(layout: PageLayout, bodySize: number): { blocks: Block[]; rowsInDoubt: boolean } {
  const page = layout.text.page;
  const { toUser } = layout;
  const { paras, edge, rowsInDoubt } = buildParas(layout);
  const ruledAbove = ruledAboveOn(layout);
  const byPart = new Map<Part, Para>();
  for (const p of paras) for (const part of p.parts) byPart.set(part, p);
  const units: Unit[] = [];
  for (const g of layout.groups) {
    const host = g.lead ? byPart.get(g.lead) : undefined;
    if (host) host.after.push(g);
    else {
      const first = g.options[0]!;
      units.push({
        baseline: first.baseline,
        lastBaseline: Math.max(...g.options.map((o) => o.baseline)),
        x0: first.rect.x0,
        x1: Math.max(...g.options.map((o) => o.rect.x1)),
        size: first.size,
        blocks: optionBlocksOf(g, layout, ruledAbove),
        textual: false,
      });
    }
  }
  for (const p of paras) {
    const text = joinLines(p.parts);
    if (!text) continue;
    const { kind, level } = kindOf(text, p.size, bodySize);
    const block: Block = { kind, text, provenance: provenance(page, toUser, p.x0, p.top) };
    if (level) block.level = level;
    // Words printed invisible give no choice, wherever they stand in the paragraph.
    if (p.parts.some((part) => part.unseen?.includes(true))) block.unshown = true;
    if (p.furniture) block.furniture = true;
    else {
      const first = p.parts[0]!;
      if (ruledAbove(first.line, first.x0, first.x1)) block.ruledAbove = true;
      const last = p.parts[p.parts.length - 1]!;
      const right = edge(p);
      const left = Math.min(p.x0, p.bodyX0 ?? p.x0);
      lineEnds.set(block, {
        room: /[\u00AD\u2010-]$/.test(last.text.trim()) || right === Infinity ? 0 : right - last.x1,
        width: right === Infinity ? 0 : right - left,
        firstWord: firstWordWidth(p.parts[0]!),
        size: p.size,
        bodyX: provenance(page, toUser, left, p.top).x,
      });
    }
    units.push({
      baseline: p.baseline,
      lastBaseline: p.lastBaseline,
      x0: Math.min(p.x0, p.bodyX0 ?? p.x0),
      x1: p.x1,
      size: p.size,
      blocks: [block, ...p.after.flatMap((g) => optionBlocksOf(g, layout, ruledAbove))],
      textual: kind === 'paragraph' && !p.furniture,
    });
  }
  for (const f of layout.fields) {
    for (const [i, piece] of f.text.split(/\r\n?|\n/).map((s) => s.replace(/\s+/g, ' ').trim()).entries()) {
      if (!piece) continue;
      const baseline = f.rect.top + 10 + i * 0.01;
      const block: Block = { kind: 'paragraph', text: piece, provenance: provenance(page, toUser, f.rect.x0, f.rect.top) };
      units.push({ baseline, lastBaseline: baseline, x0: f.rect.x0, x1: f.rect.x1, size: 10, blocks: [block], textual: false });
    }
  }
  // Rows: units whose first lines share a baseline, or whose lines centre on the same height side by side (a
  // table's cells centred in their row, a short one level with a taller one's middle), read left to right.
  units.sort((a, b) => a.baseline - b.baseline || a.x0 - b.x0);
  const rows: Unit[][] = [];
  const middle = (u: Unit) => (u.baseline + u.lastBaseline) / 2;
  const centredBeside = (u: Unit, r: Unit) =>
    (u.lastBaseline > u.baseline || r.lastBaseline > r.baseline) &&
    (u.x0 >= r.x1 || r.x0 >= u.x1) &&
    Math.abs(middle(u) - middle(r)) <= 0.5 * Math.min(u.size, r.size);
  for (const u of units) {
    const row = rows[rows.length - 1];
    if (row && (Math.abs(u.baseline - row[0]!.baseline) <= 0.5 * Math.min(u.size, row[0]!.size) || row.some((r) => centredBeside(u, r)))) row.push(u);
    else rows.push([u]);
  }
  const out: Block[] = [];
  let tableRow = 0;
  for (const row of rows) {
    row.sort((a, b) => a.x0 - b.x0);
    const cells = row.filter((u) => u.textual);
    if (cells.length >= 2) {
      cells.forEach((u, column) => {
        const b = u.blocks[0]!;
        b.kind = 'tableCell';
        b.table = { row: tableRow, column };
        // Boxes printed on the cell's line ("34.  ☒  ☐", a row's number and boxes centred down a tall row) stand in
        // its row too, before the cells right of it in reading order.
        for (const o of u.blocks) if (o.kind === 'option') o.table = { row: tableRow, column };
      });
      tableRow++;
    } else tableRow = 0;
    for (const u of row) out.push(...u.blocks);
  }
  return { blocks: out, rowsInDoubt };
}

/** Whether a block's last line stops short of its column's edge, with room for the next block's first word: it was not cut by the page break. */
function endsShort(prev: Block, next: Block): boolean {
  const a = lineEnds.get(prev);
  const b = lineEnds.get(next);
  if (!a || !b) return false;
  return a.room > Math.max(b.firstWord + 0.5 * Math.max(a.size, b.size), 0.1 * a.width);
}

/**
 * Joins a paragraph cut by a page break: the last text block of a page and
 * the first of the next, in the same column, when the first does not end a
 * sentence. Furniture between them stays where it is.
 */
export function joinAcrossPages(blocks: Block[]): Block[] {
  const out: Block[] = [];
  let lastText: Block | null = null;
  for (const b of blocks) {
    if (b.furniture) {
      out.push(b);
      continue;
    }
    const prev = lastText;
    if (
      prev &&
      prev.kind === 'paragraph' &&
      b.kind === 'paragraph' &&
      prev.provenance.page !== undefined &&
      b.provenance.page === prev.provenance.page + 1 &&
      out.slice(out.indexOf(prev) + 1).every((o) => o.furniture) &&
      // In the same column: where the block starts, or where its lines after a first-line indent start.
      [prev.provenance.x, lineEnds.get(prev)?.bodyX].some((x) => Math.abs((x ?? 0) - (b.provenance.x ?? 0)) <= 6) &&
      prev.text.length >= 30 &&
      !/[.?!:;]["')\]]?$/.test(prev.text) &&
      (/^\p{Ll}/u.test(b.text) || /[\p{Ll},\-–]$/u.test(prev.text)) &&
      !STARTS_ITEM.test(b.text) &&
      !endsShort(prev, b)
    ) {
      prev.text = /[\p{L}\d]-$/u.test(prev.text) && /^\p{Ll}/u.test(b.text) ? prev.text + b.text : `${prev.text} ${b.text}`;
      // The joined block now ends where the continuation does.
      const [head, tail] = [lineEnds.get(prev), lineEnds.get(b)];
      if (head && tail) lineEnds.set(prev, { ...tail, firstWord: head.firstWord, bodyX: head.bodyX });
      continue;
    }
    out.push(b);
    lastText = b;
  }
  return out;
}
