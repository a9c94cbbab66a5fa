/**
 * pandoc's plain text (`pandoc -t plain`) keeps a document's tables as its
 * Markdown does: grid tables, and multiline and simple ones set in columns.
 * Read with the Markdown reader's table finder, each cell's text a line for
 * each of its paragraphs and list items. Only where a grid table shows the
 * text is pandoc's are columns under dash rules taken for tables: elsewhere a
 * line of dashes is a rule between paragraphs.
 */
import type { Provenance } from '../../src/document.js';
import type { TableCell } from '../../src/table-cells.js';
import { pandocTables } from '../markdown/pandoc-tables.js';
import type { LayoutTable, SourceLine } from './layout-tables.js';

export function plainTextTables(source: string, lines: readonly SourceLine[], provenance: (line: SourceLine, from: number, to: number) => Provenance): LayoutTable[] {
  const { tables } = pandocTables(source);
  if (!tables.some((t) => t.grid)) return [];
  // A line number's first and last entries: a form feed parts one source line into two.
  const firstAt = new Map<number, number>();
  const lastAt = new Map<number, number>();
  lines.forEach((l, i) => {
    if (!firstAt.has(l.line)) firstAt.set(l.line, i);
    lastAt.set(l.line, i);
  });
  return tables.flatMap((table): LayoutTable[] => {
    const first = firstAt.get(table.line);
    const last = lastAt.get(table.end);
    if (first === undefined || last === undefined) return [];
    const rows = table.rows.map((row) => {
      const line = lines[firstAt.get(row.line)!]!;
      return row.cells.map((cell): TableCell => ({ column: cell.column, text: cellLines(cell.markdown).join('\n'), provenance: provenance(line, line.start, line.start + line.text.length) }));
    });
    return rows.length > 0 ? [{ first, last, rows, titlesShown: true }] : [];
  });
}

/** A cell's text, a line for each paragraph (its wrapped lines joined) and each list item. */
function cellLines(text: string): string[] {
  const out: string[] = [];
  let open = false;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line) {
      open = false;
      continue;
    }
    const item = /^(?:[-*+]|\d{1,3}[.)])\s+/.test(line);
    if (open && !item) out[out.length - 1] += ` ${line}`;
    else out.push(item ? line.replace(/^([-*+]|\d{1,3}[.)])\s+/, '$1 ') : line);
    open = true;
  }
  return out;
}
