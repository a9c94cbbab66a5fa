/**
 * A title block a layout conversion prints as two columns of characters:
 * labels down the left margin, values from one column on, either wrapped on
 * to lines of their own ("Scope of surveillance camera   Twelve cameras in the"
 * over "system                         Market Place"). Read back into rows of a
 * label cell and a value cell, as a table in the document was.
 */
import type { Provenance } from '../../src/document.js';
import { readOptionRun } from '../../src/options.js';
import type { TableCell } from '../../src/table-cells.js';
import { isTitleLabel } from '../../src/title.js';
import type { LayoutTable, SourceLine } from './layout-tables.js';

/** How far in from the margin a label may start. */
const MARGIN = 4;
/** Fewest rows, and fewest of them the template's labels, that make a title block. */
const MIN_ROWS = 3;
const MIN_LABELS = 2;
/** Most lines a label wraps over. */
const MAX_LABEL_LINES = 3;

interface Cell {
  text: string;
  at: number;
}

/** The label-and-value blocks among the lines, leaving out the lines `taken` says another reading has. */
export function labelColumns(
  lines: readonly SourceLine[],
  taken: (index: number) => boolean,
  furniture: ReadonlySet<number>,
  provenance: (line: SourceLine, from: number, to: number) => Provenance,
): LayoutTable[] {
  const found: LayoutTable[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (taken(i)) continue;
    const cells = cellsOf(lines[i]!.text);
    if (cells.length !== 2 || cells[0]!.at > MARGIN) continue;
    const block = readBlock(lines, i, cells[1]!.at, taken, furniture, provenance);
    if (!block) continue;
    found.push(block);
    i = block.last;
  }
  return found;
}

function readBlock(
  lines: readonly SourceLine[],
  first: number,
  valueAt: number,
  taken: (index: number) => boolean,
  furniture: ReadonlySet<number>,
  provenance: (line: SourceLine, from: number, to: number) => Provenance,
): LayoutTable | null {
  type Part = { text: string; line: SourceLine; from: number; to: number };
  const text = (parts: Part[]) => parts.map((p) => p.text).join(' ');
  const rows: Array<{ label: Part[]; value: Part[] }> = [];
  let last = first;
  let blanks = 0;
  for (let i = first; i < lines.length && !taken(i); i++) {
    const line = lines[i]!;
    if (!line.text.trim()) {
      if (++blanks > 1) break;
      continue;
    }
    if (furniture.has(line.line) || line.text.includes('\t')) break;
    const cells = cellsOf(line.text);
    const label = cells[0] && cells[0].at <= MARGIN && cells[0].at + cells[0].text.length < valueAt - 2 ? cells[0] : null;
    const value = cells.find((c) => Math.abs(c.at - valueAt) <= 1) ?? null;
    if (cells.length !== (label ? 1 : 0) + (value ? 1 : 0) || cells.length === 0) break;
    const part = (c: Cell): Part => ({ text: c.text, line, from: line.start + c.at, to: line.start + c.at + c.text.length });
    if (label && /^\p{Lu}/u.test(label.text)) rows.push({ label: [part(label)], value: value ? [part(value)] : [] });
    else {
      const row = rows[rows.length - 1];
      if (!row) break;
      // A value starting on a line below its label's, alone: it was set beside the middle of its row, and began above
      // the label as likely as below it; which lines are whose cannot be told.
      if (value && !label && row.value.length === 0) return null;
      if (label) row.label.push(part(label));
      if (value) row.value.push(part(value));
    }
    blanks = 0;
    last = i;
  }
  // A label's next words may open their lines in capitals too ("Senior" over "Responsible" over "Officer"): rows with
  // no value of their own go on a label that is none of the template's where with them it is.
  for (let k = 0; k < rows.length; k++) {
    if (isLabel(text(rows[k]!.label))) continue;
    for (let n = 1; n <= MAX_LABEL_LINES - 1 && k + n < rows.length && rows[k + n]!.value.length === 0; n++) {
      const joined = rows.slice(k, k + n + 1).flatMap((r) => r.label);
      if (!isLabel(text(joined))) continue;
      rows.splice(k, n + 1, { label: joined, value: rows[k]!.value });
      break;
    }
  }
  const labels = rows.filter((r) => isLabel(text(r.label)));
  if (rows.length < MIN_ROWS || labels.length < MIN_LABELS) return null;
  if (rows.some((r) => /\?$/.test(text(r.label)) || readOptionRun(text(r.value)))) return null;
  const cell = (column: number, parts: Part[]): TableCell => ({ column, text: text(parts), provenance: provenance(parts[0]!.line, parts[0]!.from, parts[parts.length - 1]!.to) });
  return {
    first,
    last,
    rows: rows.map((r) => [cell(0, r.label), ...(r.value.length > 0 ? [cell(1, r.value)] : [])]),
    titlesShown: true,
  };
}

/** Whether words are one of the title block's labels, as the title reader takes them. */
const isLabel = (words: string) => isTitleLabel({ kind: 'paragraph', text: words, provenance: {} });

/** A line's cells, set apart by three spaces or more. */
function cellsOf(text: string): Cell[] {
  return [...text.matchAll(/\S+(?: {1,2}\S+)*/g)].map((m) => ({ text: m[0], at: m.index }));
}
