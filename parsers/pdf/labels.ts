/**
 * Finding the Yes/No/N/A options on a page's lines: runs of options read by
 * the shared `readOptionRun` (with any box glyphs or typed marks in the
 * text), and lone labels ("Yes" alone in a cell) that become options only if
 * a box is found beside them or they stand in a column with the other labels.
 */
import type { Mark, OptionValue } from '../../src/document.js';
import { glyphMark, optionRank, optionValue, readOptionRun, type OptionRun } from '../../src/options.js';
import type { Rect } from './geometry.js';
import type { RuledBetween } from './rows.js';
import type { Line, PageText, Part } from './text.js';

export interface Candidate {
  label: string;
  value: OptionValue | null;
  mark: Mark | null;
  /** Where the label (or, for a bare mark, the mark) is printed. */
  rect: Rect;
  /** The drawn box or form checkbox paired with the label, where there is one. */
  box?: Rect;
  line: number;
  baseline: number;
  size: number;
  /** Its label is printed invisible. */
  unseen?: boolean;
}

export interface OptionGroup {
  options: Candidate[];
  /** The part holding the question text printed before the options on the same line, if any. */
  lead: Part | null;
  /** A lone label: kept only if a box pairs with it or it stacks with others. */
  lone?: Part;
  /** The run's marks, each where it is printed (set when every mark read could be placed). */
  placed?: PlacedMark[];
  /**
   * A row of labels parted by a slash and nothing marked in it ("Yes / No"), as a form prints its prompt: its
   * options only where a highlight, a strike or a box marks one; otherwise these parts stay text.
   */
  slashed?: Part[];
}

export interface PlacedMark {
  mark: Mark;
  rect: Rect;
}

export interface LineOptions {
  groups: OptionGroup[];
  /** Parts no longer text: taken up by option runs. */
  consumed: Set<Part>;
  /** A box was given a label on another line (options wrapped over two lines or down a cell). */
  acrossLines: boolean;
}

/** A row's labels may run into each other by a slash ("Yes/No"): such a row stays text unless a mark is found (see OptionGroup.slashed). */
const SLASH_JOINED = { slashJoined: true };
const LABEL_RE = /(?<![\p{L}\p{N}_])(yes|no|n\/a|n\.a\.?|na|not applicable)(?![\p{L}\p{N}_]|\/(?!(?:yes|no|n\/a)(?![\p{L}\p{N}_])))/giu;
const GAP = '   ';

/** Reads the options on every line of a page, each line alone. Furniture is skipped. */
export function findOptions(page: PageText): { groups: OptionGroup[]; consumed: Set<Part> } {
  const groups: OptionGroup[] = [];
  const consumed = new Set<Part>();
  for (const line of page.lines) readLine(line, groups, consumed);
  return { groups, consumed };
}

/**
 * Options wrapped from one line to the next, read together (see
 * `joinWrappedMarks` and `readWrappedCells`). Where `ruled` says a row's
 * border parts two lines, no box on one goes to a label on the other. What
 * `findOptions` read is left as it is, to be joined again with the borders.
 */
export function joinLines(found: { groups: OptionGroup[]; consumed: Set<Part> }, page: PageText, ruled: RuledBetween = () => false): LineOptions {
  const consumed = new Set(found.consumed);
  const joined = joinWrappedMarks(found.groups, page, ruled);
  const groups = readWrappedCells(joined, page, consumed, ruled);
  return { groups, consumed, acrossLines: groups !== found.groups };
}

/**
 * A box left alone at the end of a line whose next line starts with a label
 * without a box, followed by boxed labels: "Question? … ☒" over
 * "Yes ☐ No" is "☒ Yes ☐ No" wrapped after its first box (a tab that did
 * not fit). The box goes to that first label. Anything less clear-cut is left
 * as it is (a box with no readable label).
 */
function joinWrappedMarks(groups: OptionGroup[], page: PageText, ruled: RuledBetween): OptionGroup[] {
  const dropped = new Set<OptionGroup>();
  const marked = new Map<OptionGroup, OptionGroup>();
  for (const g of groups) {
    if (g.options.length !== 1 || g.lone) continue;
    const box = g.options[0]!;
    if (box.value !== null || box.label || !box.mark || box.mark.source !== 'glyph') continue;
    const line = page.lines[box.line];
    const next = page.lines[box.line + 1];
    if (!line || !next || next.baseline - line.baseline > 2 * Math.max(line.size, next.size)) continue;
    // The box ends its line.
    if (line.parts.some((p) => !p.furniture && p.x0 > box.rect.x1 + 0.5)) continue;
    const below = groups.find((o) => o !== g && !o.lone && o.options[0]?.line === next.index);
    if (!below || below.lead || below.options.length < 2) continue;
    const [first, ...rest] = below.options;
    if (!first!.label || first!.value === null || first!.mark) continue;
    // The other labels each have a box before them, in the same form as the one above.
    if (!rest.every((o) => o.label && o.value !== null && o.mark?.source === 'glyph')) continue;
    // The first label starts its line, left of the box above.
    const start = Math.min(...next.parts.filter((p) => !p.furniture).map((p) => p.x0));
    if (Math.abs(first!.rect.x0 - start) > 1 || first!.rect.x0 >= box.rect.x0 || ruled(line, next, first!.rect.x0, box.rect.x1)) continue;
    marked.set(below, { ...below, options: [{ ...first!, mark: box.mark }, ...rest] });
    dropped.add(g);
  }
  return dropped.size ? groups.filter((g) => !dropped.has(g)).map((g) => marked.get(g) ?? g) : groups;
}

/**
 * Boxes and labels alternating, a box first and last, each label without a
 * box: "☐ Yes ☒", "☐ Yes ☐ No ☒". Either way of pairing them leaves a box
 * over, so the order says nothing until the last box's label is found.
 */
function boxFirstCut(options: ReadonlyArray<{ label: string; value: OptionValue | null; mark: Mark | null }>): boolean {
  return (
    options.length >= 3 &&
    options.length % 2 === 1 &&
    options.every((c, k) => (k % 2 === 0 ? c.value === null && !c.label && c.mark?.source === 'glyph' : c.label && c.value !== null && !c.mark))
  );
}

interface CellToken {
  label?: string;
  mark?: Mark;
  rect: Rect;
  line: Line;
}

/** The box glyphs and labels a part holds, each where it is printed; null where it holds anything else. */
function cellTokens(part: Part, line: Line): CellToken[] | null {
  const tokens: CellToken[] = [];
  const re = /\s*(?:(yes|no|n\/a)(?![\p{L}\p{N}_/])|(\S))/iuy;
  const rect = (from: number, to: number): Rect => ({ x0: part.xs[from] ?? part.x0, x1: part.xe[to - 1] ?? part.x1, top: line.top, bottom: line.bottom });
  let end = 0;
  for (let m = re.exec(part.text); m; m = re.exec(part.text)) {
    end = re.lastIndex;
    const at = end - (m[1] ?? m[2]!).length;
    if (m[1]) tokens.push({ label: m[1], rect: rect(at, end), line });
    else if (glyphMark(m[2]!)?.source === 'glyph') tokens.push({ mark: glyphMark(m[2]!)!, rect: rect(at, end), line });
    else return null;
  }
  return part.text.slice(end).trim() === '' && tokens.length > 0 ? tokens : null;
}

/**
 * Whether `next` goes on with the row above it left of `x`: each of its
 * parts there goes on from the nearest part above it in its column (a
 * question's or a comment's next line: the line above ends no sentence), and
 * none opens with a row's number, but for the row's own number beside its
 * question's next line going on in lower case, set level with the row's
 * middle where the cells are centred. Words in a column empty on the line
 * above, under a question's "?", or after a number, start the next row.
 */
const ROW_NUMBER = /^\s*(?:\(?q?\.?\s*\d{1,2}(?:\.\d{1,2})?[a-z]?[.):]?)(?:\s|$)/i;

function rowGoesOn(page: PageText, next: Line, x: number): boolean {
  const shown = (l: Line) => l.parts.filter((p) => !p.furniture && p.x1 <= x);
  const parts = shown(next);
  const goesOn = (p: Part) => {
    for (let k = next.index - 1; k >= 0 && next.baseline - page.lines[k]!.baseline <= 2 * next.size; k--) {
      const above = shown(page.lines[k]!).find((o) => o.x0 < p.x1 && p.x0 < o.x1);
      if (above) return !/[?.:;!]["'”’)]*\s*$/.test(above.text);
    }
    return false;
  };
  const ownNumber = (p: Part) => p.text.trim().length <= 6 && parts.some((o) => o !== p && !ROW_NUMBER.test(o.text) && /^\s*\p{Ll}/u.test(o.text) && goesOn(o));
  return parts.every((p) => (ROW_NUMBER.test(p.text) ? ownNumber(p) : goesOn(p)));
}

/**
 * Options wrapped over the lines of a narrow cell: "☐ Yes ☒" over "No",
 * "Yes ☐ No" over "☒", or "Yes" over "☐ No" over "☒". Each line read alone
 * leaves a box or a label over, or pairs them the wrong way ("☐ No" read box
 * first in a row whose boxes follow their labels). Read as one row down the
 * cell (the lines' parts holding boxes and labels alone, at the cell's left
 * edge, the row going on from line to line), boxes and labels alternate, the
 * labels in the template's order: each box goes to the label it stands
 * before, or after, whichever pairs them all. Anything less clear-cut is left
 * as the lines read it.
 */
function readWrappedCells(groups: OptionGroup[], page: PageText, consumed: Set<Part>, ruled: RuledBetween): OptionGroup[] {
  const seen = new Set<Part>();
  let out = groups;
  for (const line of page.lines)
    for (const top of line.parts) {
      if (top.furniture || seen.has(top) || !cellTokens(top, line)) continue;
      // The cell's parts on each line, from its left edge: boxes and labels alone, one after another.
      const cellParts = (l: Line) => {
        const parts = l.parts.filter((p) => !p.furniture && p.x0 >= top.x0 - 1.5).sort((a, b) => a.x0 - b.x0);
        const k = parts.findIndex((p) => !cellTokens(p, l));
        const held = k < 0 ? parts : parts.slice(0, k);
        return held.length > 0 && Math.abs(held[0]!.x0 - top.x0) <= 1.5 ? held : [];
      };
      const stack: Array<{ line: Line; parts: Part[] }> = [];
      for (let l: Line | undefined = line; l; ) {
        const parts = cellParts(l);
        const above = stack[stack.length - 1];
        if (parts.length === 0 || (above && ruled(above.line, l, top.x0, Math.max(...[...above.parts, ...parts].map((p) => p.x1))))) break;
        stack.push({ line: l, parts });
        const right = Math.max(...stack.flatMap((s) => s.parts.map((p) => p.x1)));
        let next: Line | undefined;
        // The cell's next line, past lines of the other columns set between (a question in a larger font, its lines
        // falling between the cell's), the row going on all the way.
        for (let k = l.index + 1; k < page.lines.length; k++) {
          const w = page.lines[k]!;
          if (w.baseline - l.baseline > 2 * Math.max(l.size, w.size)) break;
          const shown = w.parts.filter((p) => !p.furniture);
          // A row's number alone left of the cell, set level with its row's middle where the cells are centred: the
          // lines after it tell whether the row goes on.
          const before = shown.filter((p) => p.x1 <= top.x0);
          const number = before.length === 1 && ROW_NUMBER.test(before[0]!.text) && before[0]!.text.trim().length <= 6;
          if (number && !shown.some((p) => p.x0 < right + 1.5 && p.x1 > top.x0 - 1.5)) continue;
          if (!rowGoesOn(page, w, top.x0)) break;
          if (shown.some((p) => p.x0 < right + 1.5 && p.x1 > top.x0 - 1.5)) {
            next = w;
            break;
          }
        }
        l = next;
      }
      for (const { parts } of stack) for (const p of parts) seen.add(p);
      if (stack.length < 2) continue;
      const tokens = stack.flatMap(({ line: l, parts }) => parts.flatMap((p) => cellTokens(p, l)!));
      const values = tokens.filter((t) => t.label).map((t) => optionValue(t.label!));
      if (values.length < 2 || !values.every((v, k) => v !== null && optionRank(v) > optionRank(values[k - 1]))) continue;
      const markFirst = tokens[0]!.mark !== undefined;
      const boxAt = (k: number) => (k % 2 === 0 ? markFirst : !markFirst);
      if (tokens.length !== 2 * values.length || !tokens.every((t, k) => (t.mark !== undefined) === boxAt(k))) continue;
      const lines = new Set(stack.map((s) => s.line.index));
      const right = Math.max(...stack.flatMap((s) => s.parts.map((p) => p.x1)));
      const own = out.filter((g) => g.options.some((o) => lines.has(o.line) && o.rect.x0 >= top.x0 - 1.5 && o.rect.x0 <= right));
      // Lines that each read whole ("☒ Yes" over "☐ No") need nothing more.
      if (own.every((g) => !g.lone && g.options.every((o) => o.label && o.mark))) continue;
      const options: Candidate[] = [];
      const placed: PlacedMark[] = [];
      for (let k = 0; k < tokens.length; k += 2) {
        const [label, box] = markFirst ? [tokens[k + 1]!, tokens[k]!] : [tokens[k]!, tokens[k + 1]!];
        const l = label.line;
        options.push({ label: label.label!, value: optionValue(label.label!), mark: box.mark!, rect: label.rect, line: l.index, baseline: l.baseline, size: l.size });
        placed.push({ mark: box.mark!, rect: box.rect });
      }
      out = [...out.filter((g) => !own.includes(g)), { options, lead: null, placed }];
      for (const { parts } of stack) for (const p of parts) consumed.add(p);
    }
  return out;
}

/** What a mark read from text printed invisible says: nothing. */
export function unseenMark(mark: Mark | null): Mark | null {
  if (!mark || (mark.source !== 'glyph' && mark.source !== 'typed-mark')) return mark;
  return { state: 'unknown', source: mark.source, detail: 'read from text printed invisible (an OCR layer over a scan, or words nobody sees): what the page shows is not read' };
}

function readLine(line: Line, groups: OptionGroup[], consumed: Set<Part>): void {
  splitClosingLabels(line);
  const shown = line.parts.filter((p) => !p.furniture);
  // Words printed wholly invisible beside painted ones (an OCR reading of initials, of the line itself) are no
  // part of the options the line prints; a line printed invisible throughout (an OCR layer) is read as it is.
  const painted = shown.filter((p) => !p.unseen?.every(Boolean));
  const all = painted.length > 0 ? painted : shown;
  if (all.length === 0) return;
  let read = closingRun(all);
  let parts = all;
  if (labelAfterBoxCells(all)) {
    parts = all.slice(0, -1);
    read = closingRun(parts);
  } else if (!read.run) {
    // Options in a cell of their own with a column of comments after it: the comments stay text.
    const end = optionsCellEnd(all);
    if (end !== null) {
      parts = all.slice(0, end);
      read = closingRun(parts);
    }
  }
  const { text, starts, run, offset } = read;
  if (run) {
    // Where the run starts: the first non-space character after the lead.
    let start = offset > 0 ? offset : run.lead ? text.indexOf(run.lead) + run.lead.length : 0;
    while (start < text.length && /\s/.test(text[start]!)) start++;
    const charRect = (from: number, to: number): Rect => {
      let x0 = Infinity;
      let x1 = -Infinity;
      let cells = 0;
      parts.forEach((p, k) => {
        const at = starts[k]!;
        const end = Math.min(to, at + p.text.length) - at;
        for (let i = Math.max(from, at) - at; i < end; i++) {
          x0 = Math.min(x0, p.xs[i]!);
          x1 = Math.max(x1, p.xe[i]!);
          cells++;
        }
      });
      if (cells === 0) return { x0: 0, x1: 0, top: line.top, bottom: line.bottom };
      return { x0, x1, top: line.top, bottom: line.bottom };
    };
    const labelSpans: Array<[number, number]> = [];
    for (const m of text.slice(start).matchAll(LABEL_RE)) labelSpans.push([start + m.index!, start + m.index! + m[0].length]);
    const withLabel = run.options.filter((o) => o.label).length;
    const runRect = charRect(start, text.length);
    let k = 0;
    let options: Candidate[] = run.options.map((o) => {
      let rect = runRect;
      if (o.label && labelSpans.length === withLabel) rect = charRect(...labelSpans[k++]!);
      return { label: o.label, value: o.value, mark: o.typed ?? o.mark, rect, line: line.index, baseline: line.baseline, size: line.size };
    });
    let placed = placeMarks(text, start, charRect);
    // Marks and labels in text printed invisible (an OCR layer, words nobody sees) are no reading of the page.
    const hiddenAt = (i: number) => parts.some((p, k) => i >= starts[k]! && i < starts[k]! + p.text.length && p.unseen?.[i - starts[k]!] === true);
    // A mark: a box glyph, a bracket, an X or tick (other words printed invisible on the line, initials say, are not).
    const letter = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
    const markAt = (i: number) => glyphMark(text[i]!) !== null || /[[\]✓✔✗✘*]/.test(text[i]!) || (/[xX]/.test(text[i]!) && !letter(text[i - 1]) && !letter(text[i + 1]));
    if (Array.from({ length: text.length - start }, (_, d) => start + d).some((i) => markAt(i) && hiddenAt(i))) {
      options = options.map((o) => ({ ...o, mark: unseenMark(o.mark) }));
      placed = placed?.map((m) => ({ ...m, mark: unseenMark(m.mark)! })) ?? null;
    }
    if (labelSpans.length === withLabel) {
      let j = 0;
      options = options.map((o) => (o.label && hiddenAt(labelSpans[j++]![0]) ? { ...o, unseen: true } : o));
    }
    if (placed && placed.length !== options.filter((o) => o.mark).length) placed = null;
    if (placed && labelSpans.length === withLabel && !options.some((o) => o.mark && !o.label)) options = byDistance(options, placed) ?? options;
    if (withLabel === 0) {
      // Boxes alone ("Question?   ☐   ☒", a table with Yes and No column headings): each box where it is printed.
      const at: number[] = [];
      for (let i = start; i < text.length; i++) if (glyphMark(text[i]!)) at.push(i);
      if (at.length === options.length) options = options.map((o, i) => ({ ...o, rect: charRect(at[i]!, at[i]! + 1) }));
    }
    // Parts from the run's start on are options, not text; a part cut by the start keeps its front as text.
    const slashed: Part[] | null = options.every((o) => !o.mark) && text.slice(start).replace(LABEL_RE, '').includes('/') ? [] : null;
    let lead: Part | null = null;
    for (const [k, p] of parts.entries()) {
      const first = starts[k]!;
      const last = first + p.text.length;
      if (first >= start) {
        if (slashed) slashed.push(p);
        else consumed.add(p);
      }
      else if (last > start) {
        const keep = start - first;
        p.text = p.text.slice(0, keep).trimEnd();
        p.xs = p.xs.slice(0, p.text.length);
        p.xe = p.xe.slice(0, p.text.length);
        if (p.unseen) p.unseen = p.unseen.slice(0, p.text.length);
        p.x1 = p.xe[p.xe.length - 1] ?? p.x0;
        lead = p;
      } else lead = p;
    }
    groups.push({ options, lead: run.lead ? lead : null, ...(placed && placed.length > 0 ? { placed } : {}), ...(slashed ? { slashed } : {}) });
    return;
  }
  // Lone labels closing the line, each set apart from anything before it ("No      Yes", out of the template's
  // order, is two of them: a box between them could be either's), or closing a cell before a column of comments.
  for (let k = loneLabelsEnd(parts) - 1; k >= 0; k--) {
    const part = parts[k]!;
    const value = optionValue(part.text);
    if (!value) break;
    const label = part.text.trim().replace(/[.:;,]+$/, '');
    groups.push({
      options: [{ label, value, mark: null, rect: { x0: part.x0, x1: part.x1, top: line.top, bottom: line.bottom }, line: line.index, baseline: line.baseline, size: line.size }],
      lead: null,
      lone: part,
    });
  }
}

/**
 * The options a line's parts end in: the whole line, or else the parts from
 * some column on (a question in the first column, the options in the next
 * ones). The line as text, parts apart by a wide gap, with where each part
 * starts in it, and where the options' column starts.
 */
function closingRun(parts: readonly Part[]): { text: string; starts: number[]; run: OptionRun | null; offset: number } {
  let text = '';
  const starts: number[] = [];
  parts.forEach((p, k) => {
    if (k > 0) text += GAP;
    starts.push(text.length);
    text += p.text;
  });
  let run = readOptionRun(text, SLASH_JOINED);
  let offset = 0;
  for (let k = 1; (!run || run.options.length === 0) && k < parts.length; k++) {
    offset = starts[k]!;
    const r = readOptionRun(text.slice(offset), SLASH_JOINED);
    run = r && !r.lead ? { lead: text.slice(0, offset).trim(), options: r.options } : null;
  }
  return run && run.options.length > 0 ? { text, starts, run, offset } : { text, starts, run: null, offset: 0 };
}

/** Most parts a cell of options may be printed in ("Yes ☐" and "No ☒" set apart, say). */
const MAX_OPTION_PARTS = 4;

/**
 * Two boxes or more each alone in its cell after the question, then a label alone in the last ("1. … | ☐ | ☒ | N/A"):
 * a comment under column headings, the boxes the headings'. A label after one box ("☒ | N/A") is that box's.
 */
function labelAfterBoxCells(parts: readonly Part[]): boolean {
  const last = parts.at(-1)!;
  if (parts.length < 4 || optionValue(last.text) === null) return false;
  const loneBox = (p: Part) => [...p.text.trim()].length === 1 && glyphMark(p.text.trim()) !== null;
  let boxes = 0;
  for (let k = parts.length - 2; k >= 0 && loneBox(parts[k]!); k--) boxes++;
  return boxes >= 2 && boxes < parts.length - 1 && /[\p{L}\p{N}]/u.test(parts[parts.length - 2 - boxes]!.text);
}

/**
 * Where a cell of options ends, with a column of text after it, as a table
 * row prints "question | Yes ☐ No ☒ | comments": how many of the line's parts
 * run to its end. Only a whole Yes/No pair with a mark among it, ending a
 * part, or the form's "Yes / No" prompt filling a part, or one option with
 * its box filling a part of its own (a cell that stacks its options, "☒ Yes"
 * over "☐ No", its first line level with the comments), or boxes each alone
 * in a part of their own after the question's words (their labels heading the
 * columns), or a part of options a wrap cut (see boxFirstCut); null where
 * there is none.
 */
function optionsCellEnd(parts: readonly Part[]): number | null {
  for (let end = parts.length - 1; end >= 1; end--) {
    if (optionValue(parts[end]!.text) !== null || readOptionRun(parts[end]!.text, SLASH_JOINED)?.lead === '') continue;
    for (let from = end - 1; from >= Math.max(0, end - MAX_OPTION_PARTS); from--) {
      // The cell may hold the question's line too, the options set apart after it, where no column was seen to start.
      const run = readOptionRun(parts.slice(from, end).map((p) => p.text).join(GAP), SLASH_JOINED);
      if (!run) continue;
      const values = new Set(run.options.map((o) => o.value));
      if (values.has('yes') && values.has('no') && run.options.some((o) => o.mark)) return end;
      // The form's prompt in a cell of its own ("Yes / No", "Yes/No"): options only where a strike, a highlight or a
      // drawn box marks one of them, else text (see OptionGroup.slashed).
      if (from === end - 1 && run.lead === '' && values.has('yes') && values.has('no') && parts[from]!.text.replace(LABEL_RE, '').includes('/')) return end;
      const [only] = run.options;
      if (from === end - 1 && run.lead === '' && run.options.length === 1 && only!.value !== null && only!.mark?.source === 'glyph') return end;
      // Boxes each alone in its cell between the question and the comments ("15 | question | ✓ | comment", "1. |
      // question | ☒ | ☐ | comment"), the labels heading the columns: marks with no label, for the column headings to
      // name. Different ticks side by side, none of them an empty box ("✔ | ✘"), are a heading row's, not a row's
      // answer; the same one twice is a row ticked in both columns.
      const wordBefore = from >= 1 && /[\p{L}\p{N}]/u.test(parts[from - 1]!.text);
      const boxesAlone = run.lead === '' && run.options.length === end - from && run.options.every((o) => !o.label && o.value === null && o.mark?.source === 'glyph');
      const answerRow = () => run.options.some((o) => o.mark!.state === 'unchecked') || new Set(run.options.map((o) => o.mark!.detail)).size === 1;
      if (wordBefore && boxesAlone && answerRow()) return end;
      // A cell whose options wrapped before their last label, "☐ Yes ☒" over "No" (see readWrappedCells).
      if (from === end - 1 && run.lead === '' && boxFirstCut(run.options)) return end;
    }
  }
  return null;
}

/**
 * How many of a line's parts run to the end of its lone labels: all of them,
 * or those up to a column of comments after a Yes and a No each alone in its
 * cell ("question | Yes | No | comments", the boxes drawn beside the labels),
 * or after one label alone in its cell, between the question and the comments
 * (a cell that stacks its options, "Yes" over "No").
 */
function loneLabelsEnd(parts: readonly Part[]): number {
  if (optionValue(parts.at(-1)!.text) !== null) return parts.length;
  for (let end = parts.length - 1; end >= 2; end--) {
    if (optionValue(parts[end]!.text) !== null) continue;
    const values = new Set<OptionValue>();
    for (let k = end - 1; k >= Math.max(0, end - 3); k--) {
      const value = optionValue(parts[k]!.text);
      if (!value) break;
      values.add(value);
    }
    if ((values.has('yes') && values.has('no')) || (values.size === 1 && optionValue(parts[end - 2]!.text) === null)) return end;
  }
  return parts.length;
}

/**
 * A label closing a line after a wide gap, kept in one part with the words
 * before it because no column was seen to start there (a page with one row
 * of a table, its question running up to the options cell: "… If so please
 * Yes"), made a part of its own, as it would be in a column. So is one
 * closing a part that a label alone follows ("… procedures  Yes | No |
 * comments").
 */
function splitClosingLabels(line: Line): void {
  const shown = line.parts.filter((p) => !p.furniture);
  // The line's last part, and any part followed by a label alone (its cell's second option).
  for (const [k, part] of shown.entries()) if (k === shown.length - 1 || optionValue(shown[k + 1]!.text) !== null) splitClosingLabel(line, part);
}

function splitClosingLabel(line: Line, part: Part): void {
  const at = line.parts.indexOf(part);
  const m = /\S(\s{2,})(\S+)$/.exec(part.text);
  // Words printed invisible are read as the line prints them (see readLine).
  if (!m || optionValue(m[2]!) === null || part.unseen?.some(Boolean)) return;
  const from = m.index + 1 + m[1]!.length;
  const { unseen, ...painted } = part;
  const label: Part = { ...painted, text: part.text.slice(from), xs: part.xs.slice(from), xe: part.xe.slice(from), x0: part.xs[from]! };
  const keep = m.index + 1;
  part.text = part.text.slice(0, keep);
  part.xs = part.xs.slice(0, keep);
  part.xe = part.xe.slice(0, keep);
  part.x1 = part.xe[keep - 1]!;
  if (unseen) part.unseen = unseen.slice(0, keep);
  line.parts.splice(at + 1, 0, label);
}

/**
 * The box glyphs and lone X's of a run, each where it is printed. Null for
 * bracket forms ("[X]"), whose marks the shared reader reads as a whole.
 */
function placeMarks(text: string, start: number, charRect: (from: number, to: number) => Rect): PlacedMark[] | null {
  const marks: PlacedMark[] = [];
  for (let i = start; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '[') return null;
    const glyph = glyphMark(ch);
    if (glyph) marks.push({ mark: glyph, rect: charRect(i, i + 1) });
    else if (/[xX]/.test(ch) && !/[\p{L}\p{N}]/u.test(text[i - 1] ?? ' ') && !/[\p{L}\p{N}]/u.test(text[i + 1] ?? ' '))
      marks.push({ mark: { state: 'checked', source: 'typed-mark', detail: ch }, rect: charRect(i, i + 1) });
  }
  return marks;
}

/**
 * The marks of a run given to the label each is printed nearest to, where the
 * shared reader paired every mark (it leaves a mark unlabelled where the
 * order could give it to either label, and nearness cannot settle that in a
 * table either). Returns null, keeping the reader's pairing, unless each
 * mark is clearly nearer one label than any other, and no two marks share a
 * label.
 */
function byDistance(options: Candidate[], marks: PlacedMark[]): Candidate[] | null {
  const labels = options.filter((o) => o.label);
  if (marks.length === 0 || labels.length === 0) return null;
  const gap = (a: Rect, b: Rect) => Math.max(0, a.x0 - b.x1, b.x0 - a.x1);
  const taken = new Map<Candidate, Mark>();
  for (const m of marks) {
    const ranked = labels.map((l) => ({ l, d: gap(m.rect, l.rect) })).sort((a, b) => a.d - b.d);
    const [best, second] = ranked;
    // Clearly nearer one label: the other at least 1.75 times as far, and a text size further.
    const size = best?.l.size ?? 0;
    if (!best || (second && (second.d < 1.75 * best.d || second.d - best.d < size)) || taken.has(best.l)) return null;
    taken.set(best.l, m.mark);
  }
  return labels.map((l) => ({ ...l, mark: taken.get(l) ?? null }));
}

const ORDER: Record<OptionValue, number> = { yes: 0, no: 1, na: 2 };

/**
 * Lone labels printed one under another at the same x, in the template's
 * order ("Yes" then "No"), are a column of options even with no box beside
 * them. Returns the lone groups that are kept.
 */
export function stackedLoneLabels(lone: OptionGroup[], page: PageText): Set<OptionGroup> {
  // Text beside a label (a question cell) must run on from one label's line to the next: "Question A? | Yes"
  // over "Question B? | No" are two answers, not one column of options. The question is the text left of the label
  // (a column of comments may follow it).
  const besides = (g: OptionGroup) => page.lines[g.options[0]!.line]?.parts.filter((p) => p !== g.lone && !p.furniture) ?? [];
  const runsOn = (a: OptionGroup, b: OptionGroup) => {
    if (besides(b).length === 0) return true;
    const before = besides(a).filter((p) => p.x1 <= a.lone!.x0);
    return before.length > 0 && !/[?.!:]$/.test(before[before.length - 1]!.text.trim());
  };
  const kept = new Set<OptionGroup>();
  const sorted = [...lone].sort((a, b) => a.options[0]!.rect.top - b.options[0]!.rect.top);
  for (let i = 0; i < sorted.length; i++) {
    const run = [sorted[i]!];
    for (let j = i + 1; j < sorted.length; j++) {
      const prev = run[run.length - 1]!.options[0]!;
      const next = sorted[j]!.options[0]!;
      if (Math.abs(next.rect.x0 - prev.rect.x0) > 6) continue;
      if (next.baseline - prev.baseline > 2.2 * prev.size) break;
      if (ORDER[next.value!] <= ORDER[prev.value!]) break;
      if (!runsOn(run[run.length - 1]!, sorted[j]!)) break;
      run.push(sorted[j]!);
    }
    if (run.length >= 2) {
      for (const g of run) kept.add(g);
      i += run.length - 1;
    }
  }
  return kept;
}
