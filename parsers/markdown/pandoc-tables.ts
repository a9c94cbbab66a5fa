/**
 * Pandoc's grid and multiline tables, which remark does not know. A grid
 * table has "+----+----+" borders ("+====+" under a heading row), each row's
 * cells between "|" over as many lines as their text needs. A multiline
 * table is set in columns a line of dash runs marks ("---- --- -----"), under
 * or over a line of dashes, its rows parted by blank lines; a simple table
 * between two lines of dash runs, a line for each row. Found in the
 * source, read into rows of cells, and masked with spaces so that remark
 * reads the rest with every offset and line number where it was.
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
  /** Line numbers (1-based) of its first and last lines. */
  line: number;
  end: number;
  /** A grid table ("+---+" borders), not a multiline or simple one. */
  grid: boolean;
  rows: GridRow[];
}

const BORDER = /^\s*\+(?:[-=:]+\+)+\s*$/;
const ROW_LINE = /^\s*\|.*\|\s*$/;
/** A multiline table's rule: dashes across, or runs of them marking its columns. */
const DASHES = /^\s*-{3,}\s*$/;
const DASH_RUNS = /^\s*-{3,}(?:[ ]+-{3,})+\s*$/;
/** How far a multiline table's closing rule is looked for. */
const MAX_TABLE_LINES = 400;

export function pandocTables(source: string): { masked: string; tables: GridTable[] } {
  const lines = source.split('\n');
  const tables: GridTable[] = [];
  const mask = new Set<number>();
  for (let i = 0; i < lines.length; i++) {
    const end = BORDER.test(lines[i]!) ? gridEnd(lines, i) : DASHES.test(lines[i]!) || DASH_RUNS.test(lines[i]!) ? multilineEnd(lines, i) : -1;
    if (end < 0) continue;
    const grid = BORDER.test(lines[i]!);
    tables.push({ line: i + 1, end: end + 1, grid, rows: grid ? readRows(lines, i, end) : multilineRows(lines, i, end) });
    for (let k = i; k <= end; k++) mask.add(k);
    i = end;
  }
  if (tables.length === 0) return { masked: source, tables };
  const masked = lines.map((l, k) => (mask.has(k) ? ' '.repeat(l.length) : l)).join('\n');
  return { masked, tables };
}

/** The last line of a grid table whose top border is line `start`, or -1 where there is none. */
function gridEnd(lines: readonly string[], start: number): number {
  if (!ROW_LINE.test(lines[start + 1] ?? '')) return -1;
  let end = start;
  while (end + 1 < lines.length && (BORDER.test(lines[end + 1]!) || ROW_LINE.test(lines[end + 1]!))) end++;
  return BORDER.test(lines[end]!) ? end : -1;
}

/**
 * The closing rule of a multiline table opening at line `start`: the next rule, text right under the opening one,
 * and one of the two (or a rule between, under a heading row) marking the columns; -1 where there is none.
 */
function multilineEnd(lines: readonly string[], start: number): number {
  if (!lines[start + 1]?.trim()) return -1;
  let runs = DASH_RUNS.test(lines[start]!);
  for (let k = start + 1; k < Math.min(lines.length, start + MAX_TABLE_LINES); k++) {
    const line = lines[k]!;
    if (DASH_RUNS.test(line) && lines[k + 1]?.trim()) {
      runs = true;
      continue;
    }
    if (DASH_RUNS.test(line) || DASHES.test(line)) return runs || DASH_RUNS.test(line) ? k : -1;
    // A table's rows part by one blank line; two end whatever it was.
    if (!line.trim() && !lines[k + 1]?.trim()) return -1;
  }
  return -1;
}

/** A multiline table's rows, lines `from` to `to` (its rules), cut into the columns its dash runs mark. */
function multilineRows(lines: readonly string[], from: number, to: number): GridRow[] {
  const rule = [from, to, ...Array.from({ length: to - from - 1 }, (_, k) => from + 1 + k)].map((k) => lines[k]!).find((l) => DASH_RUNS.test(l))!;
  const starts = [...rule.matchAll(/-+/g)].map((m) => m.index);
  const rows: GridRow[] = [];
  let first = -1;
  const flush = (last: number) => {
    if (first < 0) return;
    const cells = starts.map((left, column) => {
      const text = lines.slice(first, last + 1).map((l) => l.slice(left, starts[column + 1] ?? l.length).replace(/\s+$/, ''));
      return { markdown: dedent(text), column };
    });
    rows.push({ line: first + 1, cells: cells.filter((c) => c.markdown) });
    first = -1;
  };
  // Opened by its column runs with no blank line inside, it is a simple table: a line for each row.
  const body = lines.slice(from + 1, to);
  const simple = DASH_RUNS.test(lines[from]!) && body.every((l) => l.trim());
  for (let k = from + 1; k < to; k++) {
    if (!lines[k]!.trim() || DASH_RUNS.test(lines[k]!)) flush(k - 1);
    else {
      if (first < 0) first = k;
      if (simple) flush(k);
    }
  }
  flush(to - 1);
  return rows;
}

/** Lines as one cell's Markdown: the indent they all share taken off. */
function dedent(text: readonly string[]): string {
  const indent = Math.min(...text.filter((t) => t.trim()).map((t) => t.length - t.trimStart().length));
  return text.map((t) => t.slice(Number.isFinite(indent) ? indent : 0)).join('\n').trim();
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
    // A word in a column too narrow for it, a letter or two to a line ("N", "o", "."; "Y", "es"; "1", ".", "1"): the word.
    const pieces = text.map((t) => t.trim()).filter(Boolean);
    const markdown = pieces.length >= 2 && pieces.every((t) => [...t].length <= 2) ? pieces.join('') : dedent(text);
    cells.push({ markdown, column: pluses.indexOf(edges[k]!) });
  }
  return { line: first + 1, cells };
}
