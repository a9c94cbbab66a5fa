/**
 * Pairing boxes (form widgets, drawn squares) with the option labels printed
 * beside them, and marks typed into or beside drawn boxes with those boxes.
 */
import { centreX, centreY, containsPoint, verticalOverlap, type Rect } from './geometry.js';
import type { Candidate } from './labels.js';
import type { MarkToken } from './text.js';

function onLine(box: Rect, label: Candidate): boolean {
  const cy = centreY(box);
  return verticalOverlap(box, label.rect) >= 0.4 || (cy >= label.rect.top - 0.3 * label.size && cy <= label.rect.bottom + 0.3 * label.size);
}

/**
 * Each label gets at most one box and each box at most one label. On a line,
 * boxes sit either before their labels ("☐ Yes ☐ No") or after them
 * ("Yes ☐ No ☐"): whichever comes first on the line decides.
 */
export function pairBoxes<B extends { rect: Rect }>(labels: Candidate[], boxes: B[]): Map<Candidate, B> {
  const pairs = new Map<Candidate, B>();
  if (labels.length === 0 || boxes.length === 0) return pairs;
  const used = new Set<B>();
  const rows = new Map<number, Candidate[]>();
  for (const l of labels) rows.set(l.line, [...(rows.get(l.line) ?? []), l]);
  for (const row of rows.values()) {
    row.sort((a, b) => a.rect.x0 - b.rect.x0);
    const between = (l: Candidate, b: B) =>
      row.some((o) => o !== l && ((o.rect.x0 >= b.rect.x1 - 1 && o.rect.x1 <= l.rect.x0 + 1) || (o.rect.x0 >= l.rect.x1 - 1 && o.rect.x1 <= b.rect.x0 + 1)));
    const sides = row.map((l) => {
      const maxGap = 2.5 * l.size;
      const near = boxes.filter((b) => !used.has(b) && onLine(b.rect, l) && !between(l, b));
      const left = near.filter((b) => b.rect.x1 <= l.rect.x0 + 1 && l.rect.x0 - b.rect.x1 <= maxGap).sort((a, b) => b.rect.x1 - a.rect.x1);
      const right = near.filter((b) => b.rect.x0 >= l.rect.x1 - 1 && b.rect.x0 - l.rect.x1 <= maxGap).sort((a, b) => a.rect.x0 - b.rect.x0);
      return { l, left, right };
    });
    const firstBox = Math.min(...sides.flatMap((s) => [...s.left, ...s.right].map((b) => b.rect.x0)));
    if (!Number.isFinite(firstBox)) continue;
    const boxFirst = firstBox < row[0]!.rect.x0;
    for (const { l, left, right } of sides) {
      const [preferred, other] = boxFirst ? [left, right] : [right, left];
      const box = preferred.find((b) => !used.has(b)) ?? other.find((b) => !used.has(b));
      if (!box) continue;
      used.add(box);
      pairs.set(l, box);
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
