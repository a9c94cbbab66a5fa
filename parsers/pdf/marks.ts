/**
 * Deciding each option's mark on a page. In order: box glyphs and typed marks
 * in the text (read with the options), form widgets beside the labels, then,
 * only if some label still has nothing beside it, boxes drawn on the page
 * (with any "X" typed into them). A label with none of these keeps
 * `mark: null`: no state is ever made up.
 */
import type { Diagnostic, Mark, OptionValue } from '../../src/document.js';
import { boxGlyphs, glyphMark, markOrder, optionRank, optionValue, type MarkOrder } from '../../src/options.js';
import { centreX, centreY, containsPoint, height, verticalOverlap, width, type Rect } from './geometry.js';
import { bordersAcross, gridOf, pairInCells, type CellBorder, type CellItem } from './cells.js';
import { findOptions, joinLines, stackedLoneLabels, unseenMark, type Candidate, type OptionGroup, type PlacedMark } from './labels.js';
import { assignTokens, pairBoxes } from './pairing.js';
import { isMarkText, type Line, type MarkToken, type PageText, type Part } from './text.js';
import { markOverGlyph, type Rule, type Shape, type VectorBox } from './vector.js';
import { mismatchDiagnostic, type TextFieldValue, type WidgetBox } from './widgets.js';
import { provenance } from './blocks.js';
import type { RuledBetween } from './rows.js';

export interface PageMarks {
  groups: OptionGroup[];
  consumed: Set<Part>;
  fields: TextFieldValue[];
  diagnostics: Diagnostic[];
  /** The page's last row of Yes/No column headings, for a table that runs on to the next page without them. */
  headings: BorderedHeadings | null;
}

export interface MarkSources {
  widgets: { boxes: WidgetBox[]; fields: TextFieldValue[] };
  /** Reads the drawn boxes, thin horizontal lines, cell and row borders and highlighter fills of the page; called only when needed. */
  vectorShapes: () => Promise<{ boxes: VectorBox[]; rules: Rule[]; borders: CellBorder[]; rows: RuledBetween; highlights: Rect[]; shapes: Shape[] } | null>;
  /** Words a viewer's tools highlighted or struck out, in display space. */
  markup: ReadonlyArray<{ rect: Rect; how: 'highlight' | 'strike-out' }>;
  /** The headings an earlier page's table runs on under (see PageMarks.headings). */
  carried: BorderedHeadings | null;
}

/** A row of Yes/No column headings, each heading's column bounded by the cell borders either side of it. */
export interface BorderedHeadings {
  columns: Array<{ label: string; value: OptionValue; size: number; left: number; right: number }>;
  /** The table's outer borders on the heading's line. */
  frame: { left: number; right: number };
}

function vectorMark(box: VectorBox): Mark {
  const size = `${width(box.rect).toFixed(1)}x${height(box.rect).toFixed(1)}`;
  const state = box.content === 'empty' ? 'unchecked' : box.content === 'unclear' ? 'unknown' : 'checked';
  if (box.picture) {
    const shows = { empty: 'an empty box', marked: 'a marked box', unclear: 'a box neither clearly empty nor marked' }[box.content as 'empty' | 'marked' | 'unclear'];
    return { state, source: 'vector', detail: `a picture of ${shows} ${size}` };
  }
  return { state, source: 'vector', detail: `${box.content === 'empty' ? 'empty' : box.content} box ${size}` };
}

function tokenMark(token: MarkToken, inside: boolean): Mark {
  const where = inside ? 'inside a drawn box' : 'beside a drawn box';
  const glyph = glyphMark(token.char);
  const mark: Mark =
    glyph && glyph.source === 'glyph' ? { state: 'checked', source: 'glyph', detail: `${glyph.detail} ${where}` } : { state: 'checked', source: 'typed-mark', detail: `"${token.char}" ${where}` };
  return token.unseen ? unseenMark(mark)! : mark;
}

export async function resolveMarks(text: PageText, toUser: readonly number[], sources: MarkSources): Promise<PageMarks> {
  let shapes: ReturnType<MarkSources['vectorShapes']> | undefined;
  const vectorShapes = () => (shapes ??= sources.vectorShapes());
  const lines = findOptions(text);
  let found = joinLines(lines, text);
  // A box given a label on another line: joined again with the drawing, so that no box crosses a row's border.
  if (found.acrossLines) {
    const drawn = await vectorShapes();
    if (drawn) found = joinLines(lines, text, drawn.rows);
  }
  const { groups, consumed } = found;
  const diagnostics: Diagnostic[] = [];
  const labels: Candidate[] = groups.flatMap((g) => g.options.filter((o) => o.value !== null));
  const paired = new Set<Candidate>();

  // Form widgets.
  const { boxes: widgets, fields } = sources.widgets;
  const widgetPairs = pairBoxes(labels, widgets);
  for (const [cand, box] of widgetPairs) {
    paired.add(cand);
    cand.box = box.rect;
    if (!cand.mark || cand.mark.source === 'typed-mark') cand.mark = { state: box.state, source: 'acroform', detail: box.detail };
    if (box.mismatch) diagnostics.push(mismatchDiagnostic(box, provenance(text.page, toUser, box.rect.x0, box.rect.top)));
  }
  const extra: OptionGroup[] = [];
  const usedWidgets = new Set(widgetPairs.values());
  const looseWidgets = widgets.filter((box) => !usedWidgets.has(box));
  for (const box of looseWidgets) if (box.mismatch) diagnostics.push(mismatchDiagnostic(box, provenance(text.page, toUser, box.rect.x0, box.rect.top)));

  // Drawn boxes, only where a label has no glyph, typed mark or widget.
  const struck = new Set<Candidate>();
  const looseBoxes: Array<{ rect: Rect; mark: Mark }> = [];
  const claimedTokens = new Set<MarkToken>();
  const bare = labels.filter((c) => !c.mark && !paired.has(c));
  const rows = headingRows(text, groups);
  // Column headings printed apart from any option ("No. | Question | Yes | No") over a page that marks nothing in its
  // text, or an earlier page's going on over it: its boxes are drawn.
  const headsDrawnBoxes = (rows.length > 0 || sources.carried !== null) && text.tokens.length === 0 && !groups.some((g) => g.options.some((o) => o.mark));
  let painted: Rect[] = [];
  if (bare.length > 0 || headsDrawnBoxes) {
    const drawn = await vectorShapes();
    painted = drawn?.highlights ?? [];
    // A square with a word printed over it is a highlight or a shaded cell, not a checkbox.
    const boxes = drawn?.boxes.filter((b) => !underWord(b.rect, text));
    // The tables' settled orders are worked out only if a row needs them.
    let settled: ReturnType<typeof settledOrders> | undefined;
    const cells =
      drawn && boxes
        ? {
            borders: drawn.borders,
            rows: drawn.rows,
            isBlank: (cell: Rect) => isBlank(cell, text, boxes),
            settled: (grid: string, top: number, bottom: number) => (settled ??= settledOrders(groups, boxes, drawn.borders, text))(grid, top, bottom),
          }
        : undefined;
    if (cells) for (const g of groups) if (g.placed && !g.options.some((o) => paired.has(o))) pairTextMarksInCells(g, cells, boxes!);
    if (boxes && boxes.length > 0) {
      const tokens = assignTokens(boxes, text.tokens);
      const claimed = new Set([...tokens.values()].map((t) => t.token));
      for (const t of claimed) claimedTokens.add(t);
      const vectorPairs = pairBoxes(
        labels.filter((c) => !paired.has(c)),
        boxes,
        cells,
      );
      for (const [cand, box] of vectorPairs) {
        paired.add(cand);
        cand.box = box.rect;
        const token = tokens.get(box);
        if (token) cand.mark = tokenMark(token.token, token.inside);
        else if (cand.mark?.source === 'typed-mark') {
          // An "X" read from the text: keep it only if no drawn box took it.
          const free = text.tokens.some((t) => t.line === cand.line && !claimed.has(t));
          if (!free) cand.mark = vectorMark(box);
        } else if (!cand.mark) cand.mark = vectorMark(box);
      }
      const used = new Set(vectorPairs.values());
      for (const box of boxes) {
        if (used.has(box)) continue;
        const token = tokens.get(box);
        looseBoxes.push({ rect: box.rect, mark: token ? tokenMark(token.token, token.inside) : vectorMark(box) });
      }
    }
    // Boxes that may be drawn beside the labels were not read: a label with nothing beside it may have a ticked
    // one, so an "X" read beside another label by nearness alone is not an answer either.
    if (!drawn)
      for (const g of groups)
        if (!g.lone)
          for (const cand of g.options)
            if (!cand.mark && !paired.has(cand) && cand.value !== null) cand.mark = { state: 'unknown', source: 'vector', detail: 'the drawing on its page is too large to read' };
    // A label with still nothing beside it, struck through: that option is not chosen.
    for (const cand of bare) {
      if (cand.mark || paired.has(cand)) continue;
      const lines = strikeLines(cand, drawn?.rules ?? []);
      if (lines === 0) continue;
      cand.mark = { state: 'unchecked', source: 'struck-option', detail: lines === 1 ? 'label struck through' : `label struck through (${lines} lines)` };
      struck.add(cand);
    }
  }

  // Rows of box glyphs none of them ticked: a tick drawn over one and flattened into the page (a pen's, a filler's
  // stamp) is read from the drawing. Where a glyph is ticked the drawing is not read, to keep pages of glyphs quick.
  const blankGlyphs = groups.filter((g) => g.placed?.every((p) => p.mark.source === 'glyph' && p.mark.state === 'unchecked'));
  const drawnOverGlyphs = blankGlyphs.length > 0 ? await vectorShapes() : null;
  for (const g of drawnOverGlyphs ? blankGlyphs : []) {
    // The run's marked options and its marks are in the same order, the k-th mark printed the k-th option's.
    const marked = g.options.filter((o) => o.mark);
    g.placed!.forEach((p, k) => {
      const cand = marked[k];
      if (!cand || cand.mark!.detail !== p.mark.detail || !markOverGlyph(p.rect, drawnOverGlyphs!.shapes)) return;
      cand.mark = { state: 'checked', source: 'vector', detail: 'a mark drawn over the box glyph, flattened into the page' };
      cand.box = p.rect;
    });
  }

  const highlighted = markLabels(groups, paired, struck, painted, sources.markup);

  // An X or a tick typed alone in a cell, taken by no box: a mark for the column it stands in, if under a heading.
  const typedAlone = new Map<Rect, Part>();
  for (const t of text.tokens) {
    if (claimedTokens.has(t)) continue;
    const part = text.lines[t.line]?.parts.find((p) => p.text.trim() === t.char && !p.furniture && !consumed.has(p) && p.x0 <= t.x0 && p.x1 >= t.x1);
    if (!part) continue;
    const rect = { x0: t.x0, x1: t.x1, top: t.top, bottom: t.bottom };
    typedAlone.set(rect, part);
    looseBoxes.push({ rect, mark: glyphMark(t.char) ?? { state: 'checked', source: 'typed-mark', detail: t.char } });
  }
  // A widget with no printed label beside it stands for the heading of the column it is in ("Yes" is every
  // checkbox's export value unless its author set another), or else for the option its export value names.
  const widgetMarks = new Map(looseWidgets.map((box) => [box.rect, { state: box.state, source: 'acroform', detail: box.detail } satisfies Mark]));
  const unlabelled = [...looseBoxes, ...[...widgetMarks].map(([rect, mark]) => ({ rect, mark }))];
  const markRows = unlabelledRows(groups, unlabelled);
  // Where a row of labels alone may head columns of marks, the cells drawn round them say which rows are the table's own.
  const mayHead = markRows.length > 0 && [...groups, ...rows.map((r) => r.group)].some(labelsAlone);
  const borders = mayHead ? ((await vectorShapes())?.borders ?? null) : null;
  const headed = underColumnHeadings(groups, unlabelled, markRows, paired, text, rows.map((r) => r.group), borders);
  // An earlier page's headings go on only over a table that goes on: the page's first line stands within its borders.
  const carried = sources.carried && (await tableGoesOn(text, sources.carried, vectorShapes)) ? sources.carried : null;
  if (carried) {
    const placedAbove = new Set(headed.groups.flatMap((g) => g.options.map((o) => o.rect)));
    const firstHeading = Math.min(...headed.heads.map((h) => h.options[0]!.rect.top));
    const pending = markRows.filter(
      (row) => row.marks.every((m) => m.rect.bottom <= firstHeading && !placedAbove.has(m.rect)) && !row.group?.options.some((o) => o.value !== null),
    );
    const drawn = pending.length > 0 ? await vectorShapes() : null;
    if (drawn) headed.groups.push(...underCarriedHeadings(pending, carried, columnsBreak(text, carried, -Infinity), drawn.borders, text));
  }
  // The headings a table running on to the next page stands under: the page's last heading row, or else those it
  // ran on under, unless another table or a word in their columns comes after them on the page.
  const lastHeading = headed.heads.sort((a, b) => b.options[0]!.rect.bottom - a.options[0]!.rect.bottom)[0];
  let headings = carried;
  if (lastHeading) {
    const drawn = await vectorShapes();
    headings = drawn ? borderedHeadings(lastHeading, text, drawn.borders) : null;
  }
  const from = lastHeading ? lastHeading.options[0]!.rect.bottom : -Infinity;
  if (headings && columnsBreak(text, headings, from) < Infinity) headings = null;
  const tooltips = tooltipNames(looseWidgets);
  for (const box of looseWidgets) {
    const under = headed.groups.flatMap((g) => g.options).find((o) => o.rect === box.rect);
    const exported = box.exportValue ? optionValue(box.exportValue) : null;
    // An export value of the author's naming another option than the heading: which is meant cannot be told. A
    // tooltip, which the page does not show, does not outweigh the heading.
    if (under && exported && exported !== under.value && !/^yes$/i.test(box.exportValue!)) under.value = null;
    if (under) continue;
    const name = exported ? box.exportValue : (tooltips.get(box) ?? null);
    const value = name ? optionValue(name) : null;
    if (!value) continue;
    extra.push({
      options: [{ label: name!, value, mark: widgetMarks.get(box.rect)!, rect: box.rect, line: -1, baseline: box.rect.bottom, size: height(box.rect) }],
      lead: null,
    });
  }
  for (const g of headed.groups) for (const o of g.options) if (typedAlone.has(o.rect)) consumed.add(typedAlone.get(o.rect)!);
  for (const r of rows) if (headed.headings.has(r.group)) for (const p of r.parts) consumed.add(p);
  extra.push(...headed.groups);
  // A ticked drawn box left unpaired on a line of labels ("Yes ⊠ No", the other box missing) is kept, unlabelled:
  // the answer is then ambiguous, not "no box ticked".
  // Lone labels side by side on its line ("No ⊠   Yes") become one row with it.
  const placed = new Set(headed.groups.flatMap((g) => g.options.map((o) => o.rect)));
  for (const b of looseBoxes) {
    if (placed.has(b.rect) || b.mark.state !== 'checked' || typedAlone.has(b.rect)) continue;
    const beside = (g: OptionGroup) => g.options.some((o) => o.value !== null && verticalOverlap(o.rect, b.rect) >= 0.4);
    let group = groups.find((g) => !g.lone && beside(g));
    const lones = groups.filter((g) => g.lone && !paired.has(g.options[0]!) && beside(g));
    if (!group && lones.length >= 2) {
      for (const g of lones) {
        groups.splice(groups.indexOf(g), 1);
        consumed.add(g.lone!);
      }
      group = { options: lones.flatMap((g) => g.options).sort((x, y) => x.rect.x0 - y.rect.x0), lead: null };
      groups.push(group);
    }
    if (group) group.options.push({ label: '', value: null, mark: b.mark, rect: b.rect, line: group.options[0]!.line, baseline: b.rect.bottom, size: height(b.rect) });
  }

  // Lone labels stay options only with a box beside them or stacked with the other labels.
  const lone = groups.filter((g) => g.lone);
  // A struck or highlighted lone label is kept as an option too: left as text it would read as the option kept.
  const keep = new Set(lone.filter((g) => paired.has(g.options[0]!) || struck.has(g.options[0]!) || highlighted.has(g.options[0]!)));
  for (const g of stackedLoneLabels(lone.filter((g) => !keep.has(g)), text)) keep.add(g);
  for (const g of keep) consumed.add(g.lone!);
  // A "Yes / No" prompt nothing marks stays text: a choice typed beside it is the answer.
  const prompt = (g: OptionGroup) => g.slashed !== undefined && !g.options.some((o) => o.mark || paired.has(o));
  for (const g of groups) if (g.slashed && !prompt(g)) for (const p of g.slashed) consumed.add(p);
  // An X typed in a drawn box, alone in its cell, is that box's mark, no word of the answer.
  for (const t of claimedTokens) {
    const part = text.lines[t.line]?.parts.find((p) => p.text.trim() === t.char && p.x0 <= t.x0 + 0.5 && p.x1 >= t.x1 - 0.5);
    if (part) consumed.add(part);
  }
  const kept = [...groups.filter((g) => !g.lone && !headed.headings.has(g) && !prompt(g)), ...keep, ...extra];
  return { groups: kept, consumed, fields, diagnostics, headings };
}

interface Cells {
  borders: CellBorder[];
  isBlank: (cell: Rect) => boolean;
  settled: (grid: string, top: number, bottom: number) => MarkOrder | null;
}

/**
 * The way a table's rows of options go where their own order says so
 * (labels and marks: box glyphs, typed X's, drawn boxes): a row its cells
 * leave undecided goes the way the rows of its table all go. Its table is
 * the run of lines inside table cells around it, rows of the same grid in
 * it; a table of one row (forms made of one-row answer tables, question text
 * between them) also goes by the other one-row tables of its grid on the
 * page.
 */
function settledOrders(groups: OptionGroup[], boxes: readonly VectorBox[], borders: readonly CellBorder[], page: PageText): (grid: string, top: number, bottom: number) => MarkOrder | null {
  // Runs of lines crossed by cell borders: the page's tables, each line's run by index.
  const tableOf = new Map<number, number>();
  let run = -1;
  let inside = false;
  for (const l of page.lines) {
    const crossed = gridOf(l.top, l.bottom, borders, 2) !== null;
    if (crossed && !inside) run++;
    inside = crossed;
    if (crossed) tableOf.set(l.index, run);
  }
  const tableAt = (top: number, bottom: number) => page.lines.find((l) => tableOf.has(l.index) && l.top < bottom && l.bottom > top)?.index;
  const oneRow = (table: number, top: number, bottom: number) => {
    const lines = page.lines.filter((l) => tableOf.get(l.index) === table);
    return lines.every((l) => l.top >= top - (bottom - top) && l.bottom <= bottom + (bottom - top));
  };
  const decided: Array<{ grid: string; table: number; single: boolean; order: MarkOrder }> = [];
  for (const g of groups) {
    const labels = g.options.filter((o) => o.label && o.value !== null);
    if (g.lone || labels.length === 0) continue;
    const line = labels[0]!.rect;
    const marks = [...(g.placed ?? []).map((p) => p.rect), ...boxes.filter((b) => verticalOverlap(b.rect, line) >= 0.4).map((b) => b.rect)];
    if (marks.length === 0) continue;
    const items = [...labels.map((l) => ({ x: l.rect.x0, isMark: false })), ...marks.map((r) => ({ x: r.x0, isMark: true }))].sort((a, b) => a.x - b.x);
    const order = markOrder(items.map((it) => it.isMark));
    const rects = [...labels.map((l) => l.rect), ...marks];
    const [top, bottom] = [Math.min(...rects.map((r) => r.top)), Math.max(...rects.map((r) => r.bottom))];
    const grid = order && gridOf(top, bottom, borders);
    const at = tableAt(top, bottom);
    if (grid && at !== undefined) decided.push({ grid, table: tableOf.get(at)!, single: oneRow(tableOf.get(at)!, top, bottom), order: order! });
  }
  return (grid, top, bottom) => {
    const at = tableAt(top, bottom);
    if (at === undefined) return null;
    const table = tableOf.get(at)!;
    const single = oneRow(table, top, bottom);
    const orders = new Set(decided.filter((d) => d.grid === grid && (d.table === table || (single && d.single))).map((d) => d.order));
    return orders.size === 1 ? [...orders][0]! : null;
  };
}

/**
 * A run's box glyphs and typed X's paired again cell by cell where the run is
 * set in table cells (see pairInCells): there the spacing the text reader
 * goes by is cell padding. Boxes drawn on the row (a square cell is one)
 * count in the order, and are paired with their labels later.
 */
function pairTextMarksInCells(group: OptionGroup, cells: Cells, boxes: readonly VectorBox[]): void {
  type Item = CellItem & { label?: Candidate; placed?: PlacedMark };
  const first = group.options[0]!.rect;
  const items: Item[] = [
    ...group.options.filter((o) => o.label).map((label) => ({ rect: label.rect, isMark: false, label })),
    ...group.placed!.map((placed) => ({ rect: placed.rect, isMark: true, placed })),
    ...boxes.filter((b) => verticalOverlap(b.rect, first) >= 0.4).map((b) => ({ rect: b.rect, isMark: true })),
  ].sort((a, b) => a.rect.x0 - b.rect.x0);
  const pairs = pairInCells(items, cells.borders, cells.isBlank, cells.settled);
  if (!pairs) return;
  const markOf = new Map([...pairs].filter(([mark]) => mark.placed).map(([mark, label]) => [label.label!, mark.placed!.mark]));
  const { line, baseline, size } = group.options[0]!;
  group.options = items.flatMap((it): Candidate[] => {
    if (it.label) {
      it.label.mark = markOf.get(it.label) ?? null;
      return [it.label];
    }
    return pairs.has(it) || !it.placed ? [] : [{ label: '', value: null, mark: it.placed.mark, rect: it.rect, line, baseline, size }];
  });
}

/** Nothing printed in a cell (no letter, digit or mark on the lines it crosses) and no box drawn in it. */
function isBlank(cell: Rect, page: PageText, boxes: VectorBox[]): boolean {
  if (boxes.some((b) => containsPoint(cell, centreX(b.rect), centreY(b.rect)))) return false;
  for (const line of page.lines) {
    if (line.bottom <= cell.top || line.top >= cell.bottom) continue;
    for (const part of line.parts) {
      if (part.x1 <= cell.x0 || part.x0 >= cell.x1) continue;
      for (let i = 0; i < part.text.length; i++) if (/\S/.test(part.text[i]!) && containsPoint(cell, (part.xs[i]! + part.xe[i]!) / 2, (line.top + line.bottom) / 2)) return false;
    }
  }
  return true;
}

/**
 * Whether two or more letters or digits of the page's text sit inside `rect`
 * (their centres within it): a word printed over the shape. A lone "X" or
 * tick typed into a box is one character and does not count.
 */
function underWord(rect: Rect, page: PageText): boolean {
  let count = 0;
  for (const line of page.lines) {
    if (line.bottom < rect.top || line.top > rect.bottom) continue;
    for (const part of line.parts) {
      if (part.x1 < rect.x0 || part.x0 > rect.x1 || part.bottom < rect.top || part.top > rect.bottom) continue;
      const middle = (part.top + part.bottom) / 2;
      if (middle < rect.top || middle > rect.bottom) continue;
      for (let i = 0; i < part.text.length; i++) {
        const centre = (part.xs[i]! + part.xe[i]!) / 2;
        if (centre >= rect.x0 && centre <= rect.x1 && /[\p{L}\p{N}]/u.test(part.text[i]!) && ++count >= 2) return true;
      }
    }
  }
  return false;
}

/**
 * How many lines are drawn through a label: horizontal lines crossing at
 * least 70% of its width between a quarter and four fifths of the way down
 * its capital height (strikethrough, single or double), not underlines and
 * not table borders running on well past it.
 */
/**
 * Boxes whose export value names no option ("1", "Check Box3") but whose
 * tooltip does ("Yes", "No"), where the boxes so named on its row name
 * different options in the form's order, left to right. The page does not
 * show a tooltip: one copied from box to box names them alike or out of
 * order, and then none on the row is trusted.
 */
function tooltipNames(widgets: readonly WidgetBox[]): Map<WidgetBox, string> {
  const named = widgets.filter((w) => !(w.exportValue && optionValue(w.exportValue)) && w.tooltip && optionValue(w.tooltip));
  const out = new Map<WidgetBox, string>();
  for (const w of named) {
    const row = named.filter((o) => verticalOverlap(o.rect, w.rect) >= 0.5).sort((a, b) => a.rect.x0 - b.rect.x0);
    const places = row.map((o) => optionRank(optionValue(o.tooltip!)));
    if (places.every((p, i) => i === 0 || p > places[i - 1]!)) out.set(w, w.tooltip!);
  }
  return out;
}

/**
 * Labels a viewer's tools struck out (taken as not chosen), and labels
 * highlighted in a row with no boxes (taken as chosen): by a Highlight
 * annotation over the label, or by a fill in a highlighter's colour fitted
 * round it, as a PDF export prints Word's highlighter (a shaded table cell
 * starts a cell margin before its word). Returns the labels highlighted.
 */
function markLabels(
  groups: readonly OptionGroup[],
  paired: ReadonlySet<Candidate>,
  struck: Set<Candidate>,
  painted: readonly Rect[],
  markup: ReadonlyArray<{ rect: Rect; how: 'highlight' | 'strike-out' }>,
): Set<Candidate> {
  const highlighted = new Set<Candidate>();
  const over = (r: Rect, label: Rect) => overlap(r.x0, r.x1, label.x0, label.x1) >= 0.6 * (label.x1 - label.x0) && verticalOverlap(label, r) >= 0.5;
  const fitted = (r: Rect, c: Candidate) =>
    over(r, c.rect) && r.x0 >= c.rect.x0 - 0.25 * c.size && r.x1 <= c.rect.x1 + 1.5 * c.size && r.bottom - r.top <= 1.6 * c.size;
  for (const g of groups) {
    const boxed = g.options.some((o) => o.mark && o.mark.source !== 'struck-option');
    for (const o of g.options) {
      if (o.value === null || o.mark || paired.has(o)) continue;
      if (markup.some((m) => m.how === 'strike-out' && over(m.rect, o.rect))) {
        o.mark = { state: 'unchecked', source: 'struck-option', detail: 'struck out with a viewer (a StrikeOut annotation)' };
        struck.add(o);
      } else if (!boxed && markup.some((m) => m.how === 'highlight' && over(m.rect, o.rect))) {
        o.mark = { state: 'checked', source: 'highlight', detail: 'highlighted with a viewer (a Highlight annotation)' };
        highlighted.add(o);
      } else if (!boxed && painted.some((r) => fitted(r, o))) {
        o.mark = { state: 'checked', source: 'highlight', detail: 'highlighted in a highlighter\'s colour' };
        highlighted.add(o);
      }
    }
  }
  return highlighted;
}

function overlap(a0: number, a1: number, b0: number, b1: number): number {
  return Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));
}

export function strikeLines(label: Candidate, rules: Rule[]): number {
  const { x0, x1 } = label.rect;
  const w = x1 - x0;
  if (!(w > 0) || rules.length === 0) return 0;
  const size = label.size;
  const capTop = label.baseline - 0.72 * size;
  const capHeight = 0.72 * size;
  const slack = 3 * size;
  const across = rules.filter((r) => {
    const at = (r.y - capTop) / capHeight;
    return at >= 0.25 && at <= 0.8 && r.x1 > x0 && r.x0 < x1 && r.x0 >= x0 - slack && r.x1 <= x1 + slack;
  });
  // Lines at one height (a strike drawn in pieces) count once, by the width they cover together.
  const levels: Rule[][] = [];
  for (const r of [...across].sort((a, b) => a.y - b.y)) {
    const level = levels[levels.length - 1];
    if (level && r.y - level[0]!.y <= 0.4) level.push(r);
    else levels.push([r]);
  }
  let count = 0;
  for (const level of levels) {
    const spans = level.map((r) => [Math.max(r.x0, x0), Math.min(r.x1, x1)] as const).sort((a, b) => a[0] - b[0]);
    let covered = 0;
    let end = -Infinity;
    for (const [a, b] of spans) {
      const from = Math.max(a, end);
      if (b > from) covered += b - from;
      end = Math.max(end, b);
    }
    if (covered >= 0.7 * w) count++;
  }
  return count;
}

/** What an organisation types in place of a tick: an answer neither Yes nor No yet. */
const ANSWER_WORDS = /^(?:partially|partly|inpart|inprogress|ongoing|on-going|underreview|notyet|pending|planned)\.?$/i;
/** Most lines a narrow column breaks such words over. */
const MAX_STACKED = 3;

/**
 * The words of a part that holds option labels alone ("Yes", "Yes No"), each where it is printed, or labels run into
 * the next column's title ("No Comments", a narrow column's heading set a word space from the next); null for any
 * other part.
 */
function labelWords(part: Part, line: Line): Array<{ label: string; x0: number; x1: number }> | null {
  const m = /^(\s*(?:yes|no|n\/a)(?:\s+(?:yes|no|n\/a))*)(\s+(?:comments?|evidence|notes?|remarks|details)(?:\s*\/\s*\w+)?)?\s*$/i.exec(part.text);
  if (!m) return null;
  // Run into a title only on a line of column titles: "No comments" typed in an answer row is an answer's words.
  if (m[2] && !line.parts.every((p) => p === part || p.furniture || isTitles(p.text))) return null;
  return [...m[1]!.matchAll(/\S+/g)].map((w) => ({ label: w[0], x0: part.xs[w.index!]!, x1: part.xe[w.index! + w[0].length - 1]! }));
}

/** Column titles and nothing else: "No.", "Question", "Yes", "Comments / evidence". */
const isTitles = (text: string) => text.replace(/[.:]/g, ' ').trim().split(/\s+/).every((w) => COLUMN_TITLE.test(w));

/**
 * Heading rows that are not option groups of their own: "Yes" and "No" (and
 * "N/A"), in parts holding labels alone ("Yes | No" or, narrow columns read
 * as one part, "Yes No"), side by side in any order, among other text
 * ("Ref | Question | No | Yes | Comments"), or repeated at the top of every
 * page (and so running-header furniture). Returned with the parts they are
 * printed in.
 */
function headingRows(page: PageText, groups: OptionGroup[]): Array<{ group: OptionGroup; parts: Part[] }> {
  const grouped = new Set(groups.filter((g) => g.options.length >= 2).map((g) => g.options[0]!.line));
  const out: Array<{ group: OptionGroup; parts: Part[] }> = [];
  for (const line of page.lines) {
    if (grouped.has(line.index) || line.parts.some((p) => boxGlyphs(p.text).length > 0)) continue;
    // The line's label words in order; a part that is not labels alone stands between them as null.
    const words = line.parts.flatMap((part) => labelWords(part, line)?.map((w) => ({ ...w, part })) ?? [null]);
    const at = words.findIndex((w) => w !== null);
    if (at < 0) continue;
    const row = [words[at]!];
    for (let k = at + 1; k < words.length && words[k] && !row.some((w) => optionValue(w.label) === optionValue(words[k]!.label)); k++) row.push(words[k]!);
    if (row.length < 2) continue;
    const options: Candidate[] = row.map((w) => ({ label: w.label, value: optionValue(w.label), mark: null, rect: { x0: w.x0, x1: w.x1, top: line.top, bottom: line.bottom }, line: line.index, baseline: line.baseline, size: line.size }));
    out.push({ group: { options, lead: null }, parts: [...new Set(row.map((w) => w.part))] });
  }
  return out;
}

/**
 * The x-range each heading of a row stands for: halfway to the text either
 * side of it on its line, and no further than twice its width (headings set
 * left, centred or right in their cells, marks centred in them).
 */
function headingColumns(head: OptionGroup, page: PageText): Array<[number, number]> {
  const line = page.lines[head.options[0]!.line]?.parts ?? [];
  return head.options.map((o, k) => {
    const w = Math.max(width(o.rect), o.size);
    const before = [...line.filter((p) => p.x1 <= o.rect.x0 + 0.5).map((p) => p.x1), ...head.options.slice(0, k).map((x) => x.rect.x1)];
    const after = [...line.filter((p) => p.x0 >= o.rect.x1 - 0.5).map((p) => p.x0), ...head.options.slice(k + 1).map((x) => x.rect.x0)];
    const left = before.length ? (Math.max(...before) + o.rect.x0) / 2 : -Infinity;
    const right = after.length ? (o.rect.x1 + Math.min(...after)) / 2 : Infinity;
    return [Math.max(left, o.rect.x0 - 2 * w), Math.min(right, o.rect.x1 + 2 * w)];
  });
}

/**
 * Boxes set in columns under a row of column headings ("Yes | No" at the
 * head of a table, each question's boxes below in those columns) take the
 * heading of their column. A heading row is labels alone, none with a box;
 * a row of boxes takes it only when every box of the row stands under a
 * different heading of it (see headingColumns) and the row has text before
 * its boxes, or stands on the line right under the headings, and none just
 * after them (a question cell, not a bullet). The headings themselves then say nothing more and are
 * dropped. Returns the new option groups (drawn boxes) and the headings used;
 * rows of box glyphs are labelled in place.
 */
export function underColumnHeadings(
  groups: OptionGroup[],
  boxes: Array<{ rect: Rect; mark: Mark }>,
  /** The page's rows of unlabelled marks (see unlabelledRows). */
  rows: readonly MarkRow[],
  paired: Set<Candidate>,
  page: PageText,
  /** Heading rows found apart from the option groups (see headingRows). */
  moreHeadings: OptionGroup[] = [],
  /** The page's cell borders, where its drawing was read. */
  borders: readonly CellBorder[] | null = null,
): { groups: OptionGroup[]; headings: Set<OptionGroup>; heads: OptionGroup[] } {
  const headings = new Set<OptionGroup>();
  const out: OptionGroup[] = [];
  // Labels with a box of their own on their line ("Yes ☑No", the box left unpaired) are a question's options, not headings.
  const boxed = (g: OptionGroup) => boxes.some((b) => g.options.some((o) => verticalOverlap(o.rect, b.rect) >= 0.4));
  // Nor are labels a slash joins into one cell ("Yes/No", "Yes / No"): a column's heading, not one column for each.
  const isHeading = (g: OptionGroup) => !g.lone && !g.slashed && labelsAlone(g) && g.options.every((o) => !paired.has(o)) && !boxed(g);
  const heads = [...groups.filter(isHeading), ...moreHeadings.filter(isHeading)];
  if (heads.length === 0) return { groups: out, headings, heads };
  const parts = page.lines.flatMap((l) => l.parts.filter((p) => !p.furniture));
  for (const row of rows) {
    const first = row.marks[0]!.rect;
    const last = row.marks[row.marks.length - 1]!.rect;
    // The nearest heading row above; past a table nested in a cell right of the columns of the one above it
    // ("Site | Yes | No" in a comments cell), whose headings head only the rows in their own columns.
    const above = heads.filter((h) => h.options[0]!.rect.bottom <= first.top + 0.5).sort((a, b) => b.options[0]!.rect.bottom - a.options[0]!.rect.bottom);
    let at = 0;
    while (at + 1 < above.length && nestedRightOf(above[at]!, above[at + 1]!, page) && !row.marks.every((m) => headingColumns(above[at]!, page).some((span) => m.rect.x0 >= span[0] && m.rect.x1 <= span[1]))) at++;
    const head = above[at];
    if (!head) continue;
    // Between the headings and the row, text starting in a heading's column (other headings, "Y | N", "Partly
    // met", a word) or a line of two or more marks not all in the columns ("✔ | ✘" headings of a table set
    // further right) means another table. Text across the whole table (an answer box) starts left of the columns
    // and does not count, nor does text starting in a column whose lines run on well past the last one (an answer
    // cell merged across them).
    const headBottom = head.options[0]!.rect.bottom;
    const hs = head.options[0]!.size;
    const spans = headingColumns(head, page);
    const inSpan = (x: number) => spans.some(([left, right]) => x >= left && x < right);
    const right = Math.max(...head.options.map((o) => o.rect.x1));
    const merged = (p: Part) => parts.some((q) => Math.abs(q.x0 - p.x0) <= 1 && Math.abs(q.top - p.top) <= 3 * hs && q.x1 > right + 4 * hs);
    const between = parts.filter((p) => p.top >= headBottom - 0.5 && p.bottom <= first.top + 0.5);
    // A row of the table's own between, in a cell spanning the headings' columns (an action plan's "Owner" across
    // "Yes | No"), is no other table's heading.
    const splits = columnSplits(head, borders);
    const acrossColumns = (p: Part) => splits.length > 0 && splits.some((x) => p.x0 < x && bordersAcross(p.top, p.bottom, borders!).every((b) => Math.abs(b - x) > 1));
    // A row's answer typed in words in one heading column (see typedAnswerWords) is no other table's headings, nor is
    // "N/A" alone (a comment, or a choice typed there).
    const typedAnswer = typedAnswerWords(parts, Math.min(...spans.map(([left]) => left)), right, (x) => head.options.find((_, k) => x >= spans[k]![0] && x < spans[k]![1])?.value ?? null);
    const notApplicable = (p: Part) => optionValue(p.text) === 'na';
    if (between.some((p) => !isMarkText(p.text) && !notApplicable(p) && inSpan(p.x0) && !merged(p) && !acrossColumns(p) && !typedAnswer(p))) continue;
    const markLines = new Map<number, number[]>();
    for (const p of between.filter((q) => isMarkText(q.text)))
      for (const [i, ch] of [...p.text].entries()) if (/\S/.test(ch)) markLines.set(p.line, [...(markLines.get(p.line) ?? []), (p.xs[i]! + p.xe[i]!) / 2]);
    if ([...markLines.values()].some((xs) => xs.length >= 2 && !xs.every(inSpan))) continue;
    if (!row.group) {
      const band = (p: Part) => p.top < last.bottom && p.bottom > first.top;
      const size = head.options[0]!.size;
      // Text before the marks (a question cell), unless they stand on the line right under the headings.
      const underneath = last.bottom - headBottom <= 1.6 * size;
      if (!underneath && !parts.some((p) => band(p) && p.x1 <= first.x0)) continue;
      // Text right after a mark makes it a bullet, unless the text starts a column of its own under the same
      // heading row ("Yes | No | Comments"): level with a heading's start, or past the last label and under a heading
      // set further right (centred in its cell, "Comments / evidence").
      const headingParts = page.lines[head.options[0]!.line]?.parts ?? [];
      const headed = (p: Part) =>
        headingParts.some((h) => Math.abs(h.x0 - p.x0) <= 1.5 || (h.x0 > right && p.x0 > right && p.x0 < h.x1 && p.x1 > h.x0 && !optionValue(h.text)));
      if (parts.some((p) => band(p) && row.marks.some((m) => p.x0 >= m.rect.x1 - 0.5 && p.x0 - m.rect.x1 <= 2 * size) && !optionValue(p.text) && !headed(p))) continue;
    }
    // A mark on or near the line between two columns is under neither: it stands wholly inside one, 2 pt clear.
    const inside = (m: { rect: Rect }, [left, right]: [number, number]) => m.rect.x0 - left >= 2 && right - m.rect.x1 >= 2;
    const columns = row.marks.map((m) => head.options.find((_, k) => inside(m, spans[k]!)) ?? null);
    if (columns.some((c) => c === null) || new Set(columns).size !== columns.length) continue;
    headings.add(head);
    const group = labelRow(row, columns.map((c) => c!));
    if (group) out.push(group);
  }
  return { groups: out, headings, heads };
}

/** Whether every word on the inner heading row's line stands right of the outer row's headings: a table in a cell of the outer. */
function nestedRightOf(inner: OptionGroup, outer: OptionGroup, page: PageText): boolean {
  const right = Math.max(...outer.options.map((o) => o.rect.x1));
  const parts = page.lines[inner.options[0]!.line]?.parts.filter((p) => !p.furniture) ?? [];
  return parts.length > 0 && parts.every((p) => p.x0 > right + outer.options[0]!.size);
}

/** Two labels or more and no mark of their own: a row that may head columns of marks. */
const labelsAlone = (g: OptionGroup) => g.options.length >= 2 && g.options.every((o) => o.value !== null && !o.mark);

/** The cell borders drawn between a heading row's headings, crossing its line: none where the page draws none. */
function columnSplits(head: OptionGroup, borders: readonly CellBorder[] | null): number[] {
  if (!borders) return [];
  const line = head.options[0]!.rect;
  const xs = bordersAcross(line.top, line.bottom, borders);
  return head.options.slice(1).flatMap((o, k) => xs.filter((x) => x > head.options[k]!.rect.x1 && x < o.rect.x0).slice(0, 1));
}

type MarkRow = { marks: Array<{ rect: Rect; mark: Mark; option?: Candidate }>; group?: OptionGroup };

/**
 * Each mark of a row given the heading of its column, in order: a row of box glyphs labelled in place, a row of
 * boxes returned as a new option group.
 */
function labelRow(row: MarkRow, columns: ReadonlyArray<{ label: string; value: OptionValue | null; size: number }>): OptionGroup | null {
  if (row.group) {
    row.marks.forEach((m, i) => {
      m.option!.label = columns[i]!.label;
      m.option!.value = columns[i]!.value;
    });
    return null;
  }
  return {
    options: row.marks.map((m, i) => ({ label: columns[i]!.label, value: columns[i]!.value, mark: m.mark, rect: m.rect, line: -1, baseline: m.rect.bottom, size: columns[i]!.size })),
    lead: null,
  };
}

/** Rows of unlabelled marks, left to right: runs of box glyphs on a line, and boxes left without a label, by height. */
function unlabelledRows(groups: readonly OptionGroup[], boxes: ReadonlyArray<{ rect: Rect; mark: Mark }>): MarkRow[] {
  const rows: MarkRow[] = [];
  for (const g of groups) {
    if (g.lone || g.options.length === 0 || !g.options.every((o) => o.value === null && !o.label && o.mark?.source === 'glyph')) continue;
    const rects = g.options.map((o) => o.rect);
    if (new Set(rects.map((r) => `${r.x0}:${r.x1}`)).size !== rects.length) continue; // no position per box
    rows.push({ marks: g.options.map((o) => ({ rect: o.rect, mark: o.mark!, option: o })), group: g });
  }
  for (const b of [...boxes].sort((a, c) => centreY(a.rect) - centreY(c.rect) || a.rect.x0 - c.rect.x0)) {
    const row = rows.find((r) => !r.group && Math.abs(centreY(r.marks[0]!.rect) - centreY(b.rect)) <= 0.5 * height(b.rect));
    if (row) row.marks.push(b);
    else rows.push({ marks: [b] });
  }
  for (const row of rows) row.marks.sort((a, b) => a.rect.x0 - b.rect.x0);
  return rows;
}

/** The cell borders either side of a span: the last at or left of its start, the first at or right of its end. */
function cellAround(x0: number, x1: number, xs: readonly number[]): { left: number; right: number } | null {
  const left = xs.filter((x) => x <= x0 + 0.5).at(-1);
  const right = xs.find((x) => x >= x1 - 0.5);
  return left === undefined || right === undefined ? null : { left, right };
}

/** A heading row's columns as the cell borders crossing its line bound them; null unless each heading has a cell of its own. */
function borderedHeadings(head: OptionGroup, page: PageText, borders: readonly CellBorder[]): BorderedHeadings | null {
  const line = page.lines[head.options[0]!.line];
  if (!line) return null;
  const xs = bordersAcross(line.top, line.bottom, borders);
  const columns: BorderedHeadings['columns'] = [];
  for (const o of head.options) {
    const cell = cellAround(o.rect.x0, o.rect.x1, xs);
    if (!cell || o.value === null) return null;
    columns.push({ label: o.label, value: o.value, size: o.size, ...cell });
  }
  return new Set(columns.map((c) => c.left)).size === columns.length ? { columns, frame: { left: xs[0]!, right: xs[xs.length - 1]! } } : null;
}

/** The words a table's heading row is made of, besides the options' own. */
const COLUMN_TITLE = /^(?:ref(?:erence)?|no|number|questions?|response|answer|comments?|evidence|notes?|yes|n\/a|y|n|y\/n|yes\/no|[\/&]|and)$/i;

/**
 * Whether a table run on from an earlier page goes on at the top of this one: the page's first line (past any
 * running header) stands within the table's outer borders, as its heading's line did (a row whose answer cell is
 * merged across the columns keeps only those). A blank page, or one that opens with prose, ends the carry.
 */
async function tableGoesOn(page: PageText, carried: BorderedHeadings, vectorShapes: MarkSources['vectorShapes']): Promise<boolean> {
  const first = page.lines.find((l) => l.parts.some((p) => !p.furniture));
  if (!first) return false;
  const drawn = await vectorShapes();
  if (!drawn) return false;
  // Borders across the line's middle: a font's ascent may reach a little above the top border of the cell it is in.
  const middle = (first.top + first.bottom) / 2;
  const xs = bordersAcross(middle - 1, middle + 1, drawn.borders);
  const near = (x: number) => xs.some((b) => Math.abs(b - x) <= 1);
  return near(carried.frame.left) && near(carried.frame.right);
}

/**
 * Whether a part is a row's answer typed in words in one heading column, its question before it on the row
 * ("3. Have you … | Partially", or another option's word, "No" typed in the Yes column): alone in the columns from `firstColumn` to `headingsEnd` but for a box or mark in
 * another ("Parti" over "ally" in Yes, "☐" left in No), the words perhaps wrapped down a narrow column ("In" over
 * "progress", even "Parti" over "ally", or "In", "prog", "ress"), the question beside any of their lines.
 */
function typedAnswerWords(
  parts: readonly Part[],
  firstColumn: number,
  headingsEnd: number,
  /** The option whose column a point stands in. */
  columnAt: (x: number) => OptionValue | null,
): (p: Part) => boolean {
  const alone = (p: Part) => !parts.some((q) => q !== p && q.line === p.line && q.x0 >= firstColumn && q.x0 < headingsEnd && !isMarkText(q.text));
  const stacked = (a: Part, b: Part | undefined) => b !== undefined && b.line === a.line + 1 && b.x0 < a.x1 && b.x1 > a.x0 && alone(b);
  const questionBefore = (p: Part) => parts.some((q) => q.line === p.line && q.x0 < firstColumn && q.x1 <= p.x0);
  /** The lines of answer words this part is one of, spaces aside: a narrow column may break a word anywhere. */
  const answerWords = (p: Part): Part[] | null => {
    const chain = [p];
    for (let a: Part | undefined = p; chain.length < MAX_STACKED && (a = parts.find((q) => stacked(q, a!))); ) chain.unshift(a);
    for (let b: Part | undefined = p; chain.length < 2 * MAX_STACKED && (b = parts.find((q) => stacked(b!, q))); ) chain.push(b);
    const at = chain.indexOf(p);
    for (let from = Math.max(0, at - MAX_STACKED + 1); from <= at; from++)
      for (let to = at + 1; to <= Math.min(chain.length, from + MAX_STACKED); to++) {
        const run = chain.slice(from, to);
        if (ANSWER_WORDS.test(run.map((q) => q.text).join('').replace(/\s+/g, ''))) return run;
      }
    return null;
  };
  // An option's word names another column's: one naming its own ("Yes" over the Yes column) may head a table of its own.
  const otherOption = (p: Part) => {
    const value = optionValue(p.text);
    const column = columnAt(p.x0);
    return value !== null && column !== null && value !== column;
  };
  return (p) => alone(p) && (optionValue(p.text) !== null ? otherOption(p) && questionBefore(p) : (answerWords(p)?.some(questionBefore) ?? false));
}

/**
 * How far down the page, from `from`, the carried columns stop being the table's (the top of the first line
 * that says so; Infinity where none does): a table's heading row ("Ref | Question | Comments"), a line with two
 * different ticks or crosses (a heading row of marks, "✔ | ✘", even where a repeated one was taken for a running
 * header; an answer row ticks once, or the same twice), or a word starting in one of the columns ("Fully met") other than a choice alone
 * ("N/A", an answer typed in its column) or an answer cell merged across them and on past them.
 */
function columnsBreak(page: PageText, carried: BorderedHeadings, from: number): number {
  const right = Math.max(...carried.columns.map((c) => c.right));
  const size = carried.columns[0]!.size;
  const inColumn = (x: number) => carried.columns.some((c) => x >= c.left && x < c.right);
  const parts = page.lines.flatMap((l) => l.parts.filter((p) => !p.furniture && !isMarkText(p.text)));
  const merged = (p: Part) => parts.some((q) => Math.abs(q.x0 - p.x0) <= 1 && Math.abs(q.top - p.top) <= 3 * size && q.x1 > right + 4 * size);
  const typedAnswer = typedAnswerWords(
    page.lines.flatMap((l) => l.parts.filter((p) => !p.furniture)),
    Math.min(...carried.columns.map((c) => c.left)),
    right,
    (x) => carried.columns.find((c) => x >= c.left && x < c.right)?.value ?? null,
  );
  const ticks = (p: Part) => [...p.text].filter((ch) => ch === 'X' || ch === 'x' || glyphMark(ch)?.state === 'checked').map((ch) => ch.toLowerCase());
  const breaks = page.lines.find((line) => {
    if (line.top < from - 0.5) return false;
    // A heading row of marks shows two different ones ("✔ | ✘"); a row answered in both columns ticks the same twice.
    if (new Set(line.parts.filter((p) => isMarkText(p.text)).flatMap(ticks)).size >= 2) return true;
    const shown = line.parts.filter((p) => !p.furniture && !isMarkText(p.text));
    if (shown.flatMap((p) => p.text.replace(/[.:]/g, ' ').trim().split(/\s+/)).filter(Boolean).length >= 2 && shown.every((p) => isTitles(p.text))) return true;
    return shown.some((p) => inColumn(p.x0) && optionValue(p.text) === null && !merged(p) && !typedAnswer(p));
  });
  return breaks?.top ?? Infinity;
}

/**
 * Rows of marks on a page that prints no headings above them, in a table run
 * on from an earlier page whose Yes/No column headings are not printed again.
 * A mark takes a heading only where the cell it stands in is that heading's
 * column to the point (the same borders either side, within 1 pt), every mark
 * of its row in a different one, with text before the marks on the row (a
 * question cell), and neither a table's heading row nor a word in those
 * columns above it on the page or beside it (`brokenAt`, see columnsBreak).
 */
function underCarriedHeadings(rows: readonly MarkRow[], carried: BorderedHeadings, brokenAt: number, borders: readonly CellBorder[], page: PageText): OptionGroup[] {
  const out: OptionGroup[] = [];
  const parts = page.lines.flatMap((l) => l.parts.filter((p) => !p.furniture && !isMarkText(p.text)));
  for (const row of rows) {
    const first = row.marks[0]!.rect;
    const last = row.marks[row.marks.length - 1]!.rect;
    const band = (p: Part) => p.top < last.bottom && p.bottom > first.top;
    // Across the marks' middle: a glyph's ascent may reach a little above its cell's top border.
    const middle = (Math.min(...row.marks.map((m) => m.rect.top)) + Math.max(...row.marks.map((m) => m.rect.bottom))) / 2;
    const xs = bordersAcross(middle - 1, middle + 1, borders);
    const columns = row.marks.map((m) => {
      const cell = cellAround(m.rect.x0, m.rect.x1, xs);
      return cell ? (carried.columns.find((c) => Math.abs(c.left - cell.left) <= 1 && Math.abs(c.right - cell.right) <= 1) ?? null) : null;
    });
    if (columns.some((c) => c === null) || new Set(columns).size !== columns.length) continue;
    if (!parts.some((p) => band(p) && p.x1 <= first.x0)) continue;
    if (brokenAt < last.bottom) continue;
    const group = labelRow(row, columns.map((c) => c!));
    if (group) out.push(group);
  }
  return out;
}
