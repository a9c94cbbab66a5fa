/** Whether blocks stand on one row: a table's, or a line of the page by their positions. */
import type { Block } from '../document.js';

/** Whether the format gave a block a place in a table or on a page. */
export const placed = (b: Block) => b.table !== undefined || b.provenance.y !== undefined;

/** Tolerance, in PDF points, for two things to be on one printed row. */
const ROW_TOLERANCE = 6;

export function sameRowBefore(a: Block, b: Block): boolean {
  // Rows are counted afresh on each page (and in each table): a row of one page is no row of another's.
  if (a.table && b.table) return a.table.row === b.table.row && a.table.column < b.table.column && a.provenance.page === b.provenance.page;
  const pa = a.provenance;
  const pb = b.provenance;
  if (pa.y !== undefined && pb.y !== undefined && pa.page === pb.page) {
    return Math.abs(pa.y - pb.y) <= ROW_TOLERANCE && (pa.x ?? 0) < (pb.x ?? 0);
  }
  return false;
}

/**
 * Whether the last of `through` (the boxes) is on the question's row: in a
 * table, with every block up to it in that row, column after column (a
 * table after this one starts again at its first row and column); on a
 * page, level with it, or beyond a column of comments that starts level
 * with the question (a row of three cells, its boxes centred in theirs).
 */
export function onRowOf(question: Block, through: readonly Block[]): boolean {
  if (question.table) {
    // Cells of one row come left to right; a column before the last starts another row, or another table.
    let column = question.table.column;
    const inRow = through.every((x) => {
      const same = x.table !== undefined && x.table.row === question.table!.row && x.table.column >= column;
      column = x.table?.column ?? column;
      return same;
    });
    if (inRow) return true;
  }
  const [pq, pa, pb] = [question.provenance, through.at(-2)!.provenance, through.at(-1)!.provenance];
  if (pq.y === undefined || pb.y === undefined || pq.page !== pb.page) return false;
  if (Math.abs(pq.y - pb.y) <= ROW_TOLERANCE) return true;
  if (pq.x === undefined || pa.x === undefined || pb.x === undefined || pa.page !== pq.page || pa.x < pq.x + COMMENT_COLUMN || pb.x <= pa.x) return false;
  return through.some((x) => x.provenance.page === pq.page && Math.abs((x.provenance.x ?? -Infinity) - pa.x!) <= 2 && Math.abs((x.provenance.y ?? -Infinity) - pq.y!) <= ROW_TOLERANCE);
}

/** How far right of a question, in PDF points, a column of comments beside it starts at least. */
const COMMENT_COLUMN = 120;

/**
 * Whether a block stands in a column right of the question's, on the question's page and no higher than its first
 * line: a cell of the question's row where the format keeps no table (or of a row below it).
 */
export function rightOfQuestion(question: Block, b: Block): boolean {
  const [pq, pb] = [question.provenance, b.provenance];
  if (pq.x === undefined || pq.y === undefined || pb.x === undefined || pb.y === undefined || pq.page !== pb.page) return false;
  return pb.x >= pq.x + COMMENT_COLUMN && pb.y <= pq.y + ROW_TOLERANCE;
}

export const sameTableRow = (a: Block, b: Block) => a.table !== undefined && b.table !== undefined && a.table.row === b.table.row;

/** Whether b follows a on a's table row, or, where the format knows no tables, on its line of the page, left to right. */
function onRow(a: Block, b: Block): boolean {
  return a.table !== undefined && b.table !== undefined
    ? a.table.row === b.table.row && b.table.column >= a.table.column
    : a.provenance.line !== undefined
      ? a.provenance.line === b.provenance.line
      : a.provenance.page !== undefined &&
        a.provenance.page === b.provenance.page &&
        Math.abs((a.provenance.y ?? NaN) - (b.provenance.y ?? NaN)) <= 2 &&
        (b.provenance.x ?? NaN) > (a.provenance.x ?? NaN);
}

/** The blocks in runs that share a row (see onRow). */
export function rowsOf(blocks: readonly Block[]): Block[][] {
  const rows: Block[][] = [];
  for (let i = 0; i < blocks.length; ) {
    let end = i + 1;
    while (end < blocks.length && onRow(blocks[end - 1]!, blocks[end]!)) end++;
    rows.push(blocks.slice(i, end));
    i = end;
  }
  return rows;
}
