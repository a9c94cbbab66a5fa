/**
 * Pairing boxes (form widgets, drawn squares) with the option labels printed
 * beside them, and marks typed into or beside drawn boxes with those boxes.
 */
import { centreX, centreY, containsPoint, verticalOverlap, type Rect } from './geometry.js';
import type { Candidate } from './labels.js';
import type { MarkToken } from './text.js';
import { markOrder, optionRank, type MarkOrder } from '../../src/options.js';
import { bordersAcross, pairInCells, type CellBorder } from './cells.js';
import type { RuledBetween } from './rows.js';

function onLine(box: Rect, label: Candidate): boolean {
  const cy = centreY(box);
  return verticalOverlap(box, label.rect) >= 0.4 || (cy >= label.rect.top - 0.3 * label.size && cy <= label.rect.bottom + 0.3 * label.size);
}

/**
 * Each label gets at most one box and each box at most one label. Along a
 * line, boxes sit either before their labels ("☐ Yes ☐ No") or after them
 * ("Yes ☐ No ☐"), whichever pairs more of them (see markOrder); boxes of
 * another size or shape than most on the line (a drawn bullet) are not
 * options. Where both ways pair as many ("Yes ☒ No", one box missing), the
 * boxes stay unpaired, unless the row is set in table cells that settle it
 * (see pairInCells). Where the page's drawing is read (`cells`), boxes on
 * lines of their own are then paired down their column (see pairStacked).
 */
export function pairBoxes<B extends { rect: Rect }>(
  labels: Candidate[],
  boxes: B[],
  cells?: { borders: CellBorder[]; rows: RuledBetween; isBlank: (cell: Rect) => boolean; settled: (grid: string, top: number, bottom: number) => MarkOrder | null },
): Map<Candidate, B> {
  const pairs = new Map<Candidate, B>();
  if (labels.length === 0 || boxes.length === 0) return pairs;
  const used = new Set<B>();
  const rows = new Map<number, Candidate[]>();
  for (const l of labels) rows.set(l.line, [...(rows.get(l.line) ?? []), l]);
  for (const row of rows.values()) {
    row.sort((a, b) => a.rect.x0 - b.rect.x0);
    const size = Math.max(...row.map((l) => l.size));
    // A box may stand as far from its label as the labels stand apart (table cells: label, box, label, box).
    const spacing = Math.max(0, ...row.slice(1).map((l, k) => l.rect.x0 - row[k]!.rect.x1));
    const reach = Math.max(2.5 * size, spacing);
    const first = row[0]!.rect.x0 - reach;
    const last = row[row.length - 1]!.rect.x1 + reach;
    let near = boxes.filter((b) => !used.has(b) && row.some((l) => onLine(b.rect, l)) && b.rect.x1 >= first && b.rect.x0 <= last);
    if (near.length === 0) continue;
    // Boxes of one row are alike: a circle among squares, or a smaller square, is a drawn bullet.
    const round = (b: B) => (b as { round?: boolean }).round === true;
    const rounds = near.filter(round).length;
    near = near.filter((b) => round(b) === rounds > near.length - rounds);
    const widths = near.map((b) => b.rect.x1 - b.rect.x0).sort((a, b) => a - b);
    const usual = widths[Math.floor(widths.length / 2)]!;
    near = near.filter((b) => Math.abs(b.rect.x1 - b.rect.x0 - usual) <= 0.15 * usual);
    type Item = { x0: number; x1: number; label?: Candidate; box?: B };
    const items: Item[] = [...row.map((l) => ({ x0: l.rect.x0, x1: l.rect.x1, label: l })), ...near.map((b) => ({ x0: b.rect.x0, x1: b.rect.x1, box: b }))].sort((a, b) => a.x0 - b.x0);
    const gap = (a: Item, b: Item) => Math.max(0, b.x0 - a.x1, a.x0 - b.x1);
    // Where both ways pair as many ("Yes ☒ No"), nearness cannot settle it either: in a table with labels set to the
    // left of wide cells, a label-first box stands nearer the next label. The boxes stay unpaired.
    const order = markOrder(items.map((it) => it.box !== undefined));
    if (order === null) {
      const byCells = cells && pairInCells(items.map((it) => ({ rect: it.label?.rect ?? it.box!.rect, isMark: it.box !== undefined, it })), cells.borders, cells.isBlank, cells.settled);
      for (const [box, label] of byCells ?? []) {
        used.add(box.it.box!);
        pairs.set(label.it.label!, box.it.box!);
      }
      continue;
    }
    for (let k = 0; k + 1 < items.length; k++) {
      const [a, b] = [items[k]!, items[k + 1]!];
      const label = order === 'mark-first' ? b.label : a.label;
      const box = order === 'mark-first' ? a.box : b.box;
      if (!label || !box || gap(a, b) > reach) continue;
      used.add(box);
      pairs.set(label, box);
      k++;
    }
  }
  if (cells) pairStacked(labels.filter((l) => !pairs.has(l)), boxes.filter((b) => !used.has(b)), cells, pairs);
  return pairs;
}

/**
 * Boxes on lines of their own under or over their labels, as a form builder
 * stacks them: "Yes" / ☐ / "No" / ☒, or ☒ / "Yes" / ☐ / "No". Labels and
 * boxes set at one left edge in a drawn cell, each less than a line under the
 * one before, with no row's border between, that alternate, the labels in the
 * template's order and the boxes alike: each box goes to the label it stands
 * under, or over, whichever pairs them all. The cell must be closed by row
 * borders just above and below them: outside a drawn cell, or in one whose
 * row a page break split, nothing says where a row ends, and the next row's
 * box may stand under the last label, or the row above's over the first.
 */
function pairStacked<B extends { rect: Rect }>(labels: Candidate[], boxes: B[], { rows, borders }: { rows: RuledBetween; borders: CellBorder[] }, pairs: Map<Candidate, B>): void {
  if (labels.length < 2 || boxes.length < 2) return;
  type Item = { rect: Rect; line: { baseline: number; size: number }; label?: Candidate; box?: B };
  const items: Item[] = [
    ...labels.map((l) => ({ rect: l.rect, line: { baseline: l.baseline, size: l.size }, label: l })),
    ...boxes.map((b) => ({ rect: b.rect, line: { baseline: b.rect.bottom, size: b.rect.bottom - b.rect.top }, box: b })),
  ].sort((a, b) => a.rect.top - b.rect.top);
  const taken = new Set<Item>();
  for (const start of items) {
    if (taken.has(start)) continue;
    const run = [start];
    for (const it of items) {
      const last = run[run.length - 1]!;
      if (taken.has(it) || it.rect.top <= last.rect.top || Math.abs(it.rect.x0 - start.rect.x0) > 2) continue;
      const size = Math.max(last.label?.size ?? 0, it.label?.size ?? 0);
      if (it.rect.top - last.rect.bottom > 0.8 * size || rows(last.line, it.line, Math.min(last.rect.x0, it.rect.x0), Math.max(last.rect.x1, it.rect.x1))) break;
      run.push(it);
    }
    // A run that does not pair is not searched for one that does within it: that could start partway into a row.
    for (const it of run) taken.add(it);
    const isBox = run.map((it) => it.box !== undefined);
    const order = markOrder(isBox);
    const values = run.flatMap((it) => (it.label ? [optionRank(it.label.value)] : []));
    const sides = run.flatMap((it) => (it.box ? [it.box.rect.x1 - it.box.rect.x0] : []));
    const [top, bottom] = [run[0]!.rect.top, run[run.length - 1]!.rect.bottom];
    const [left, right] = [Math.min(...run.map((it) => it.rect.x0)), Math.max(...run.map((it) => it.rect.x1))];
    const walls = bordersAcross(top, bottom, borders);
    // Row borders close the cell within a line and a half above and below: the run is all of it.
    const reach = 1.5 * Math.max(...run.map((it) => it.label?.size ?? 0));
    const closed =
      rows({ baseline: top - reach, size: 0 }, { baseline: top, size: 0 }, left, right) &&
      rows({ baseline: bottom, size: 0 }, { baseline: bottom + reach, size: 0 }, left, right);
    if (
      !closed ||
      !walls.some((x) => x < left) ||
      !walls.some((x) => x > right) ||
      order === null ||
      run.length % 2 === 1 ||
      values.length < 2 ||
      !values.every((v, k) => k === 0 || v > values[k - 1]!) ||
      !isBox.every((b, k) => b === (order === 'mark-first' ? k % 2 === 0 : k % 2 === 1)) ||
      Math.max(...sides) > 1.15 * Math.min(...sides)
    )
      continue;
    for (let k = 0; k < run.length; k += 2) {
      const [a, b] = [run[k]!, run[k + 1]!];
      pairs.set((a.label ?? b.label)!, (a.box ?? b.box)!);
    }
  }
}

/**
 * An "X" or tick typed inside a drawn box, or just beside it on the same
 * line, belongs to that box (the nearest one).
 */
export function assignTokens<B extends { rect: Rect }>(boxes: B[], tokens: MarkToken[]): Map<B, { token: MarkToken; inside: boolean }> {
  const out = new Map<B, { token: MarkToken; inside: boolean }>();
  for (const t of tokens) {
    const cx = centreX(t);
    const cy = centreY(t);
    const within = boxes.find((b) => !out.has(b) && containsPoint(b.rect, cx, cy, 1));
    if (within) {
      out.set(within, { token: t, inside: true });
      continue;
    }
    const h = t.bottom - t.top;
    let best: B | null = null;
    let bestGap = Infinity;
    for (const b of boxes) {
      if (out.has(b) || verticalOverlap(b.rect, t) < 0.3) continue;
      const gap = t.x0 >= b.rect.x1 ? t.x0 - b.rect.x1 : b.rect.x0 >= t.x1 ? b.rect.x0 - t.x1 : 0;
      if (gap <= 0.8 * h && gap < bestGap) {
        best = b;
        bestGap = gap;
      }
    }
    if (best) out.set(best, { token: t, inside: false });
  }
  return out;
}
