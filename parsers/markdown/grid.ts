/**
 * Pandoc's grid tables, which remark does not know: "+----+----+" borders
 * ("+====+" under a heading row), each row's cells between "|" over as many
 * lines as their text needs. Found in the source, read into rows of cells,
 * and masked with spaces so that remark reads the rest with every offset and
 * line number where it was.
 */

export interface GridCell {
  /** The cell's own Markdown, its lines dedented. */
  markdown: string;
  column: number;
}

export interface GridRow {
  /** Line number (1-based) of the row's first line. */
  line: number;
  cells: GridCell[];
}

export interface GridTable {
  line: number;
  rows: GridRow[];
}

const BORDER = /^\s*\+(?:[-=:]+\+)+\s*$/;
const ROW_LINE = /^\s*\|.*\|\s*$/;

export function gridTables(source: string): { masked: string; tables: GridTable[] } {
  const lines = source.split('\n');
  const tables: GridTable[] = [];
  const mask = new Set<number>();
  for (let i = 0; i < lines.length; i++) {
    if (!BORDER.test(lines[i]!) || !ROW_LINE.test(lines[i + 1] ?? '')) continue;
    const start = i;
    let end = i;
    while (end + 1 < lines.length && (BORDER.test(lines[end + 1]!) || ROW_LINE.test(lines[end + 1]!))) end++;
    if (!BORDER.test(lines[end]!)) continue;
    tables.push({ line: start + 1, rows: readRows(lines, start, end) });
    for (let k = start; k <= end; k++) mask.add(k);
    i = end;
  }
  if (tables.length === 0) return { masked: source, tables };
  const masked = lines.map((l, k) => (mask.has(k) ? ' '.repeat(l.length) : l)).join('\n');
  return { masked, tables };
}

/** The rows between a table's borders, lines `from` to `to` (both borders). */
function readRows(lines: readonly string[], from: number, to: number): GridRow[] {
  const rows: GridRow[] = [];
  let border = from;
  for (let k = from + 1; k <= to; k++) {
    if (!BORDER.test(lines[k]!)) continue;
    if (k > border + 1) rows.push(readRow(lines, lines[border]!, border + 1, k - 1));
    border = k;
  }
  return rows;
}

/**
 * One row: its columns are where the border above puts a "+"; a column edge the row's first line does not print a
 * "|" at is a cell spanning it.
 */
function readRow(lines: readonly string[], border: string, first: number, last: number): GridRow {
  const pluses = [...border.matchAll(/\+/g)].map((m) => m.index);
  const edges = pluses.filter((x, k) => k === 0 || k === pluses.length - 1 || lines[first]![x] === '|');
  const cells: GridCell[] = [];
  for (let k = 0; k + 1 < edges.length; k++) {
    const [left, right] = [edges[k]! + 1, edges[k + 1]!];
    const text = lines.slice(first, last + 1).map((l) => l.slice(left, right).replace(/\s+$/, ''));
    const indent = Math.min(...text.filter((t) => t.trim()).map((t) => t.length - t.trimStart().length));
    cells.push({ markdown: text.map((t) => t.slice(Number.isFinite(indent) ? indent : 0)).join('\n').trim(), column: pluses.indexOf(edges[k]!) });
  }
  return { line: first + 1, cells };
}
