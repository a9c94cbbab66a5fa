/**
 * Printed page numbers, told apart from answers that are numbers ("24" users
 * trained, "31" days kept, "25 of 31" operators). "Page 3" says what it is; a
 * bare "3" does not, so it counts as a page number only where it keeps step
 * with the pages or runs in a sequence with other bare numbers.
 */

/** "Page 3", "Page 3 of 16", "page 3/16". */
const PAGE_LABEL = /^page\s*\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?$/i;
/** "3", "- 3 -", "(3)", "3 of 16", "3/16". */
const BARE_NUMBER = /^(?:[-–(]\s*)?(\d{1,4})(?:\s*[-–)])?(?:\s*(?:of|\/)\s*(\d{1,4}))?$/;
/** Page numbers skip at most this many pages between two printed ones (a page whose number was lost). */
const MAX_PAGE_STEP = 2;
/** Fewer bare numbers than this in sequence are not taken for page numbers (two answers "12" and "14" are not). */
const MIN_SEQUENCE = 3;

export function isPageLabel(text: string): boolean {
  return PAGE_LABEL.test(text.trim());
}

export interface BareNumber {
  value: number;
  /** The "16" of "3 of 16". */
  total: number | null;
}

/** The number a bare-number line shows, or null when the line says more than a number. */
export function bareNumber(text: string): BareNumber | null {
  const m = BARE_NUMBER.exec(text.trim());
  return m ? { value: Number(m[1]), total: m[2] === undefined ? null : Number(m[2]) } : null;
}

/**
 * Of bare numbers printed at a page's top or bottom edge, those that are the
 * page's number: their value less their page's index is the same on two or
 * more pages (printed numbering may start after a cover page, so the offset
 * need not be 0), and no other such number on the page is nearer its edge.
 */
export function keepingStepWithPages<T extends { page: number; value: number; fromEdge: number }>(found: readonly T[]): T[] {
  const pagesByOffset = new Map<number, Set<number>>();
  for (const f of found) {
    const offset = f.value - f.page;
    const pages = pagesByOffset.get(offset) ?? new Set<number>();
    pages.add(f.page);
    pagesByOffset.set(offset, pages);
  }
  const stepping = found.filter((f) => pagesByOffset.get(f.value - f.page)!.size >= 2);
  return stepping.filter((f) => !stepping.some((o) => o !== f && o.page === f.page && o.fromEdge < f.fromEdge));
}

/**
 * Of bare numbers in reading order where the pages are not known, which are
 * page numbers: "3 of 16" where another shows "of 16" too, and plain numbers
 * in a sequence (each one to two more than the last) of three or more,
 * taken longest first, so that references "23", "24", "25" and page numbers
 * "6", "7", "8" interleaved are both found and an answer "26" or "7" among
 * them is not.
 */
export function pageNumbersInSequence(numbers: readonly BareNumber[]): boolean[] {
  const totals = new Map<number, number>();
  for (const n of numbers) if (n.total !== null) totals.set(n.total, (totals.get(n.total) ?? 0) + 1);
  const out = numbers.map((n) => n.total !== null && totals.get(n.total)! >= 2);
  const free = numbers.map((n, i) => (n.total === null ? i : -1)).filter((i) => i >= 0);
  for (;;) {
    const chain = longestSequence(free.filter((i) => !out[i]).map((i) => ({ at: i, value: numbers[i]!.value })));
    if (chain.length < MIN_SEQUENCE) return out;
    for (const i of chain) out[i] = true;
  }
}

/** The longest run, in order, of values each one to MAX_PAGE_STEP more than the one before; as indexes. */
function longestSequence(items: ReadonlyArray<{ at: number; value: number }>): number[] {
  const length = items.map(() => 1);
  const before = items.map(() => -1);
  let best = -1;
  for (let j = 0; j < items.length; j++) {
    for (let i = 0; i < j; i++) {
      const step = items[j]!.value - items[i]!.value;
      if (step >= 1 && step <= MAX_PAGE_STEP && length[i]! + 1 > length[j]!) {
        length[j] = length[i]! + 1;
        before[j] = i;
      }
    }
    if (best < 0 || length[j]! > length[best]!) best = j;
  }
  const chain: number[] = [];
  for (let k = best; k >= 0; k = before[k]!) chain.push(items[k]!.at);
  return chain.reverse();
}
