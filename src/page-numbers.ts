/**
 * Printed page numbers, told apart from answers that are numbers ("24" users
 * trained, "31" days kept). "Page 3" says what it is; a bare "3" does not, so
 * it counts as a page number only where it keeps step with the pages or with
 * the other bare numbers around it.
 */

/** "Page 3", "Page 3 of 16", "page 3/16". */
const PAGE_LABEL = /^page\s*\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?$/i;
/** "3", "3 of 16", "3/16", "- 3 -", "(3)". */
const BARE_NUMBER = /^(?:[-–(]\s*)?(\d{1,4})(?:\s*[-–)])?(?:\s*(?:of|\/)\s*\d{1,4})?$/;
/** Page numbers skip at most this many pages between two printed ones (a page of a table without one, a blank page). */
const MAX_PAGE_STEP = 3;

export function isPageLabel(text: string): boolean {
  return PAGE_LABEL.test(text.trim());
}

/** The number a bare-number line shows, or null when the line says more than a number. */
export function bareNumber(text: string): number | null {
  const m = BARE_NUMBER.exec(text.trim());
  return m ? Number(m[1]) : null;
}

/**
 * Of bare numbers printed at a page's top or bottom edge, those that are the
 * page's number: their value less their page's index is the same on two or
 * more pages (printed numbering may start after a cover page, so the offset
 * need not be 0).
 */
export function keepingStepWithPages<T extends { page: number; value: number }>(found: readonly T[]): T[] {
  const pagesByOffset = new Map<number, Set<number>>();
  for (const f of found) {
    const offset = f.value - f.page;
    const pages = pagesByOffset.get(offset) ?? new Set<number>();
    pages.add(f.page);
    pagesByOffset.set(offset, pages);
  }
  return found.filter((f) => pagesByOffset.get(f.value - f.page)!.size >= 2);
}

/**
 * Of bare numbers in reading order where the pages are not known, those that
 * run on from the one before or into the one after (3, 4, 6, …), as page
 * numbers do; an answer "24" between pages 6 and 7 is not one of them.
 */
export function runningInSequence(values: readonly number[]): boolean[] {
  const steps = (a: number, b: number) => b - a >= 1 && b - a <= MAX_PAGE_STEP;
  return values.map((v, i) => (i > 0 && steps(values[i - 1]!, v)) || (i + 1 < values.length && steps(v, values[i + 1]!)));
}
