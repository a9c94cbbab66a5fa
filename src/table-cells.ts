/**
 * A table given as rows of cells, its first row naming the columns, read into
 * blocks: what Markdown tables and columns laid out in plain text both come to.
 */
import type { Block, Mark, OptionValue, Provenance } from './document.js';
import { LABEL_OF, TYPED_MARK, glyphMark, lineBlocks, optionColumns } from './options.js';

export interface TableCell {
  column: number;
  /** The cell's text, a line for each of its paragraphs. */
  text: string;
  provenance: Provenance;
  /** A mark that stands in no column the table names (between two): an option with no label, for that mark. */
  looseMark?: Mark;
}

/** The title of a table's question column. */
export const QUESTION_TITLE = /\bquestions?\b/i;

/**
 * A row under "Yes" | "No" column headings whose option cells hold a mark alone gives an option for each marked
 * column; every other cell, and every cell of other tables, is read line by line as any line is ("☒ Yes ☐ No" is
 * options, the rest the cell's text).
 */
export function tableBlocks(rows: ReadonlyArray<ReadonlyArray<TableCell>>, titlesShown = true): Block[] {
  const blocks: Block[] = [];
  const titles = rows[0]?.map(({ column, text }) => ({ column, text: text.trim() })) ?? [];
  // Only a table of the form's questions: a list of sites or actions with Yes | No columns answers none of them.
  const asks = titles.some((t) => QUESTION_TITLE.test(t.text));
  const headings = asks ? optionColumns(titles, true) : null;
  rows.forEach((cells, r) => {
    // Titles printed over an earlier part of the table (before a page break or a heading) are not read again here.
    if (r === 0 && !titlesShown) return;
    const marks = r > 0 && headings ? marksUnder(cells, headings) : null;
    for (const { column, text, provenance, looseMark } of cells) {
      if (looseMark) {
        blocks.push({ kind: 'option', text, provenance, option: { value: null, mark: looseMark } });
        continue;
      }
      const value = marks && headings!.get(column);
      if (value) {
        const mark = marks.get(column);
        if (mark) blocks.push({ kind: 'option', text: LABEL_OF[value], provenance, option: { value, mark } });
        continue;
      }
      for (const piece of text.split('\n'))
        for (const b of lineBlocks(piece, provenance)) blocks.push(b.kind === 'option' ? b : { ...b, kind: 'tableCell', table: { row: r, column } });
    }
  });
  return blocks;
}

/**
 * A row's marks under the "Yes" | "No" column headings: an X or a tick (or a box glyph) alone in such a cell is that
 * column's option, ticked. Null, leaving the row as it is, where no such cell holds one, or one holds anything else
 * (a word typed there is the organisation's own).
 */
function marksUnder(cells: ReadonlyArray<{ column: number; text: string }>, headings: ReadonlyMap<number, OptionValue>): Map<number, Mark> | null {
  const marks = new Map<number, Mark>();
  for (const column of headings.keys()) {
    const text = cells.find((c) => c.column === column)?.text.trim() ?? '';
    if (!text) continue;
    const mark = cellMark(text);
    if (!mark) return null;
    marks.set(column, mark);
  }
  return marks.size > 0 ? marks : null;
}

/** The mark a cell holding nothing else shows: a box glyph, or an X or tick typed there. */
export function cellMark(text: string): Mark | null {
  return glyphMark(text) ?? (TYPED_MARK.test(text) ? { state: 'checked', source: 'typed-mark', detail: text } : null);
}
