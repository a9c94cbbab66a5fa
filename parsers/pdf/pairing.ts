/**
 * Pairing boxes (form widgets, drawn squares) with the option labels printed
 * beside them, and marks typed into or beside drawn boxes with those boxes.
 */
import { centreX, centreY, containsPoint, verticalOverlap, type Rect } from './geometry.js';
import type { Candidate } from './labels.js';
import type { MarkToken } from './text.js';
import { markOrder } from '../../src/options.js';
import { pairInCells, type CellBorder, type MarkOrder } from './cells.js';

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
 * (see pairInCells).
 */
export function pairBoxes<B extends { rect: Rect }>(
  labels: Candidate[],
  boxes: B[],
  cells?: { borders: CellBorder[]; isBlank: (cell: Rect) => boolean; settled: (grid: string, top: number, bottom: number) => MarkOrder | null },
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
  return pairs;
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
