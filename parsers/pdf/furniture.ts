/**
 * Running headers, footers and page numbers: text in the top or bottom band of
 * the page that repeats at about the same height on most pages, "Page 3 of
 * 16", or a bare number there that keeps step with the pages ("3", "- 3 -").
 */
import { optionValue, readOptionRun } from '../../src/options.js';
import { bareNumber, isPageLabel, keepingStepWithPages } from '../../src/page-numbers.js';
import { isMarkText, type PageText, type Part } from './text.js';

const BAND = 0.13;

function inBand(p: Part, page: PageText): boolean {
  return p.bottom <= page.height * BAND || p.top >= page.height * (1 - BAND);
}

/** Text with its numbers blanked, so "Page 3 of 16" and "Page 4 of 16" count as the same line. */
function key(text: string): string {
  return text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();
}

/** Sets `furniture` on the parts recognised as running headers, footers or page numbers. */
export function markFurniture(pages: PageText[], bodySize: number): void {
  const seen = new Map<string, Array<{ page: number; y: number; part: Part }>>();
  const numbers: Array<{ page: number; value: number; fromEdge: number; part: Part }> = [];
  for (const page of pages) {
    for (const line of page.lines) {
      for (const part of line.parts) {
        if (!inBand(part, page)) continue;
        if (isPageLabel(part.text)) {
          part.furniture = true;
          continue;
        }
        const number = bareNumber(part.text);
        if (number) {
          numbers.push({ page: page.page, value: number.value, fromEdge: Math.min(part.top, page.height - part.bottom), part });
          continue;
        }
        // A running header is printed no larger than the body text: a larger line at the top is a heading. A
        // footer may be somewhat larger (11 pt under a table set in 9 pt), though not heading size.
        if (part.size > bodySize * (part.top >= page.height * (1 - BAND) ? 1.25 : 1.15)) continue;
        const k = key(part.text);
        if (!k) continue;
        const list = seen.get(k) ?? [];
        // Measured from the nearer edge, so a footer sits at one height on portrait and landscape pages alike.
        const y = part.bottom <= page.height * BAND ? part.baseline : part.baseline - page.height;
        list.push({ page: page.page, y, part });
        seen.set(k, list);
      }
    }
  }
  for (const n of keepingStepWithPages(numbers)) n.part.furniture = true;
  if (pages.length < 2) return;
  const needed = Math.max(2, Math.ceil(pages.length * 0.4));
  for (const list of seen.values()) {
    if (list.length < needed) continue;
    // Group by height: the most common height (within 4 pt) is the running line.
    const ys = list.map((e) => e.y).sort((a, b) => a - b);
    let bestY = ys[0]!;
    let best = 0;
    for (const y of ys) {
      const n = ys.filter((o) => Math.abs(o - y) <= 4).length;
      if (n > best) {
        best = n;
        bestY = y;
      }
    }
    const hits = list.filter((e) => Math.abs(e.y - bestY) <= 4);
    if (new Set(hits.map((e) => e.page)).size < needed) continue;
    for (const e of hits) e.part.furniture = true;
  }
  // A "Yes" or "No" (or "☒ Yes") that recurs at one height is running text in a repeated heading row or legend,
  // where the whole line recurs; on a line with text of its own (a table's first row on a page) it is that row's
  // option, and so is a box or mark alone there straight under a heading row repeated on each page ("☒", the first
  // row's; not a footer's legend, "Example: ☒"). On a heading row that recurs but for a column some pages add
  // ("N/A"), that column's title runs too.
  for (const page of pages)
    for (const line of page.lines) {
      const words = line.parts.filter((p) => p.text.trim() && !isOption(p.text) && !isMarkText(p.text));
      const options = line.parts.filter((p) => isOption(p.text));
      if (words.some((p) => !p.furniture)) {
        const underHeadings = headingRowAbove(page, line.index);
        for (const part of line.parts) if (part.text.trim() && (isOption(part.text) || (underHeadings && isMarkText(part.text)))) part.furniture = false;
      } else if (words.length >= 2 && options.some((p) => p.furniture)) for (const part of options) part.furniture = true;
    }
}

/** Whether the line above is a running heading row with option labels in it ("No. | Question | Yes | No"). */
function headingRowAbove(page: PageText, index: number): boolean {
  const above = page.lines[index - 1];
  return above !== undefined && above.parts.every((p) => p.furniture) && above.parts.some((p) => isOption(p.text));
}

/** Options and nothing else: "No", "☒ Yes", "☒ Yes ☐ No"; not "No.", the number column's title. */
function isOption(text: string): boolean {
  if (/^\s*no\.\s*$/i.test(text)) return false;
  if (optionValue(text) !== null) return true;
  const run = readOptionRun(text);
  return run !== null && !run.lead && run.options.length > 0 && run.options.every((o) => o.value !== null);
}
