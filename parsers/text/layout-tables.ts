/**
 * Tables a layout conversion (`pdftotext -layout`) prints in columns of
 * characters: a heading line "No.   Question   Yes   No   Comments / evidence",
 * then rows whose cells stand under those headings, an X or a box glyph under
 * "Yes" or "No", the question and its comment each wrapped down its own
 * column. Read back into rows of cells, a table is what a Markdown table is.
 */
import type { Provenance } from '../../src/document.js';
import { glyphMark, optionColumns, optionValue } from '../../src/options.js';
import { QUESTION_TITLE, cellMark, type TableCell } from '../../src/table-cells.js';

export interface SourceLine {
  text: string;
  page: number;
  line: number;
  start: number;
}

export interface LayoutTable {
  /** Index of its heading line (or first row's, where it goes on under an earlier heading), and of its last row's last line. */
  first: number;
  last: number;
  /** Its column titles, then its rows. */
  rows: TableCell[][];
  /** Whether the titles are printed here, or over an earlier part of the table. */
  titlesShown: boolean;
}

/** Words set one or two spaces apart; three or more part one column's words from the next. */
interface Phrase {
  text: string;
  at: number;
  end: number;
}

/** A heading's columns and titles, and the page it is printed on, which a table may go on under. */
interface Carried {
  columns: readonly Column[];
  titles: TableCell[];
  page: number;
}

interface Column {
  at: number;
  end: number;
  role: 'number' | 'question' | 'option' | 'after';
}

const PHRASE = /\S+(?: {1,2}\S+)*/g;
/** A heading's cells: a heading prints its column titles at least two spaces apart, but see headingCells. */
const HEADING_CELL = /\S+(?: \S+)*/g;
/** A row's reference in its number column: "4", "4.", "12)", "Q4", "20a", "2.1". */
const ROW_NUMBER = /^(?:Q\.?\s?)?\d{1,3}(?:\.\d{1,2})?[a-z]?[.)]?$/i;
/** Lines that close a question table whatever column they start in. */
/** Yes and No abbreviated, as narrow columns title them ("Y | N"). */
const ABBREVIATED = /^[YN]$/;
const TABLE_END = /^\s*(?:principle\s+\d+\b(?!\s*\?)|action\s+plan\b)/i;
const BULLET = /^[•·▪◦‣\uF0A7\uF0B7o*-]\s/u;

export function layoutTables(lines: readonly SourceLine[], furniture: ReadonlySet<number>, provenance: (line: SourceLine, from: number, to: number) => Provenance): LayoutTable[] {
  const tables: LayoutTable[] = [];
  /** The last heading's columns, which a table broken by a principle's heading goes on under without printing them again. */
  let carried: Carried | null = null;
  let goesOn = false;
  /** Lines left, after a principle's heading, in which its first question may open a row with no number. */
  let unnumbered = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    // A heading printed again at each page's top is furniture to the rest of the document, and a heading here.
    const columns = headingColumns(line.text);
    if (!columns && (!line.text.trim() || furniture.has(line.line))) continue;
    let table: LayoutTable | null = null;
    if (columns) table = readTable(lines, i, columns, furniture, provenance, null);
    else if (carried) {
      // An action plan's numbered points are no rows of the table; the next principle's questions are.
      if (/^\s*action\s+plan\b/i.test(line.text)) goesOn = false;
      else if (TABLE_END.test(line.text)) [goesOn, unnumbered] = [true, 4];
      else if (goesOn && opensRow(line, carried.columns, unnumbered-- > 0)) table = readTable(lines, i, carried.columns, furniture, provenance, carried);
    }
    if (!table) continue;
    tables.push(table);
    if (columns) carried = { columns, titles: table.rows[0]!, page: line.page };
    goesOn = true;
    unnumbered = 0;
    i = table.last;
  }
  return tables;
}

/** Whether a line opens a row under the columns: a number and a question, or where no number is needed, a question. */
function opensRow(line: SourceLine, columns: readonly Column[], unnumbered: boolean): boolean {
  if (line.text.includes('\t')) return false;
  const placed = phrasesOf(line.text, columns.find((c) => c.role === 'question')!.at).map((p) => ({ p, role: columnOf(p, columns) }));
  if (placed.some(({ role }) => role === null)) return false;
  const roleOf = (k: number | null) => columns[k!]!.role;
  const asked = placed.find(({ role }) => roleOf(role) === 'question');
  const number = placed.find(({ role }) => roleOf(role) === 'number');
  return asked !== undefined && (number !== undefined || (unnumbered && /^\p{Lu}/u.test(asked.p.text)));
}

/**
 * The columns a heading line names: a "Question" column, then "Yes" and "No" (and "N/A") in the template's order,
 * with any columns before the question (its number) and after the options (comments). Null for any other line.
 */
function headingColumns(text: string): Column[] | null {
  if (text.includes('\t') || !QUESTION_TITLE.test(text)) return null;
  const cells = headingCells(text);
  const options = optionColumns(cells.map((c, column) => ({ column, text: c.text })));
  const question = cells.findIndex((c) => QUESTION_TITLE.test(c.text));
  if (!options || question < 0 || [...options.keys()].some((k) => k < question)) return null;
  const firstOption = Math.min(...options.keys());
  const lastOption = Math.max(...options.keys());
  // Nothing but the options between the question and the comments.
  if (firstOption !== question + 1 || lastOption - firstOption + 1 !== options.size) return null;
  return cells.map((c, k) => ({
    at: c.at,
    end: c.at + c.text.length,
    role: k < question ? 'number' : k === question ? 'question' : options.has(k) ? 'option' : 'after',
  }));
}

/**
 * A heading line's column titles, each where it starts. Narrow columns may set titles a single space apart ("Yes No
 * Comments", "No. Question"): an option's title (or "No.") is a cell of its own wherever it stands, unless a slash
 * joins it to the next ("Yes / No", one column).
 */
function headingCells(text: string): Array<{ text: string; at: number }> {
  const isTitle = (word: string) => optionValue(word) !== null || ABBREVIATED.test(word);
  return [...text.matchAll(HEADING_CELL)].flatMap((m) => {
    const words = [...m[0].matchAll(/\S+/g)].map((w) => ({ text: w[0], at: m.index + w.index }));
    const cells: Array<{ text: string; at: number }> = [];
    words.forEach((w, k) => {
      const previous = words[k - 1];
      const joined = previous && (w.text === '/' || previous.text === '/');
      const apart = previous && !joined && (isTitle(w.text) || isTitle(previous.text));
      if (cells.length === 0 || apart) cells.push({ ...w });
      else cells[cells.length - 1]!.text = text.slice(cells[cells.length - 1]!.at, w.at + w.text.length);
    });
    return cells;
  });
}

function readTable(
  lines: readonly SourceLine[],
  first: number,
  heading: readonly Column[],
  furniture: ReadonlySet<number>,
  provenance: (line: SourceLine, from: number, to: number) => Provenance,
  above: Carried | null,
): LayoutTable | null {
  const numberColumn = heading.findIndex((c) => c.role === 'number');
  const questionColumn = heading.findIndex((c) => c.role === 'question');
  const lastOption = heading.findLastIndex((c) => c.role === 'option');
  const firstAfter = heading.findIndex((c) => c.role === 'after');
  const headingLine = lines[first]!;
  const titles =
    above?.titles ??
    headingCells(headingLine.text).map((c, column) => ({
      column,
      text: c.text,
      provenance: provenance(headingLine, headingLine.start + c.at, headingLine.start + c.at + c.text.length),
    }));
  const rows: TableCell[][] = [titles];
  /** The row being read: each column's lines, and whether a number opened it. */
  let row: { cells: Map<number, { lines: string[]; line: SourceLine; at: number; from: number; to: number }>; loose: Array<{ text: string; line: SourceLine; from: number; to: number }>; numbered: boolean } | null = null;
  let last = first;
  const close = () => {
    if (!row) return;
    const { cells, loose } = row;
    const read: TableCell[] = [...cells]
      .sort(([a], [b]) => a - b)
      .map(([column, cell]) => ({ column, text: cellText(cell.lines, heading[column]!.role), provenance: provenance(cell.line, cell.from, cell.to) }));
    // Marks in no column come after the question, each an option with no label.
    const after = read.findIndex((c) => c.column > questionColumn);
    const marks = loose.map((m): TableCell => ({ column: questionColumn, text: m.text, provenance: provenance(m.line, m.from, m.to), looseMark: cellMark(m.text) ?? undefined }));
    read.splice(after < 0 ? read.length : after, 0, ...marks);
    rows.push(read);
    row = null;
  };

  // Columns are where the heading puts them only on its own page: a layout conversion sets each page to a character
  // grid of its own, which may put a later page's columns several characters either way.
  const headingPage = above?.page ?? headingLine.page;
  for (let i = above ? first : first + 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (headingColumns(line.text)) break;
    if (!line.text.trim() || furniture.has(line.line)) continue;
    if (line.text.includes('\t') || TABLE_END.test(line.text)) break;
    const placed: Array<{ p: Phrase; column: number | null; loose?: boolean }> = phrasesOf(line.text, heading[questionColumn]!.at).map((p) => ({ p, column: columnOf(p, heading) }));
    // Words starting left of the table's columns, or running from the question's column on past the options: a
    // paragraph under the table, not a row of it.
    if (placed.some(({ column }) => column === null)) break;
    // A box for each option, in a row across the options' columns ("☒   ☐"), is each the option of its place, however
    // far the line's spacing moved them. Any other mark not plainly under one option's heading, on a page other than
    // the heading's, or on a line of its own (a row's boxes set halfway down it, which the conversion places by the
    // words around it, not by where it stands), is no option's: a mark with no label.
    const pair = boxesInOrder(placed, heading);
    const options = heading.filter((c) => c.role === 'option');
    for (const at of placed) {
      if (!cellMark(at.p.text)) continue;
      const k = pair.indexOf(at);
      if (k >= 0) at.column = heading.indexOf(options[k]!);
      else if (placed.length === 1 || line.page !== headingPage || heading[at.column!]!.role !== 'option' || !plainlyUnder(at.p, heading)) at.loose = true;
    }
    const number = placed.find(({ column }) => column === numberColumn);
    const asked = placed.find(({ column }) => column === questionColumn);
    const questionSoFar = row?.cells.get(questionColumn)?.lines.join(' ') ?? '';
    // A row starts at its number, or in a table whose rows carry none, at a question opening after the last one ended.
    const opens = number !== undefined || !row || (!row.numbered && asked !== undefined && /[?.]$/.test(questionSoFar) && /^\p{Lu}/u.test(asked.p.text));
    if (opens) {
      close();
      row = { cells: new Map(), loose: [], numbered: number !== undefined };
    }
    for (const { p, column: placedIn, loose } of placed) {
      // A loose mark goes with the question, as a line of its own after it.
      if (loose) {
        row!.loose.push({ text: p.text, line, from: line.start + p.at, to: line.start + p.end });
        continue;
      }
      // Words starting where the row's comment started, on a line set closer than the heading's, or after a mark in the
      // last option's column: the comment.
      const comment = [...row!.cells].find(([k, c]) => heading[k]!.role === 'after' && Math.abs(c.at - p.at) <= 1)?.[0];
      const afterMark = placedIn === lastOption && firstAfter >= 0 && placed.some((m) => m.column === lastOption && m.p.end <= p.at && cellMark(m.p.text));
      const words = heading[placedIn!]!.role === 'option' && !cellMark(p.text);
      const column = words && comment !== undefined ? comment : words && afterMark ? firstAfter : placedIn!;
      const cell = row!.cells.get(column);
      const from = line.start + p.at;
      const to = line.start + p.end;
      if (cell) {
        cell.lines.push(p.text);
        cell.to = to;
      } else row!.cells.set(column, { lines: [p.text], line, at: p.at, from, to });
    }
    last = i;
  }
  close();
  // A heading line with no row under it is some other line that happens to read so.
  return rows.length > 1 ? { first, last, rows, titlesShown: above === null } : null;
}

/**
 * The column a phrase stands in, by where it starts: null for one left of the table's columns (a number column holds
 * only numbers), or one that runs from the question's column on past the options (a paragraph across the page).
 */
function columnOf(p: Phrase, columns: readonly Column[]): number | null {
  const question = columns.find((c) => c.role === 'question')!;
  const options = columns.filter((c) => c.role === 'option');
  const after = columns.filter((c) => c.role === 'after');
  // A column's words start at its left edge, which lies left of its title where the title is centred: a mark under
  // "Yes" may start a character or two before it, a comment just after the last option's title.
  const optionsFrom = options[0]!.at - 2;
  const afterFrom = after.length > 0 ? Math.min(options[options.length - 1]!.end + 2, after[0]!.at - 1) : Infinity;
  if (p.at < question.at - 1) {
    const number = columns.findIndex((c) => c.role === 'number');
    if (number < 0 || p.end > optionsFrom) return null;
    if (ROW_NUMBER.test(p.text)) return number;
    // Words right of the number column's title and left of the question's: the question's, under a centred title.
    return p.at > columns[number]!.end ? columns.indexOf(question) : null;
  }
  if (p.at < optionsFrom) return p.end > afterFrom ? null : columns.indexOf(question);
  // Words running from about the last option's column on into the comments': a comment, on a line set closer.
  const lastOption = options[options.length - 1]!;
  if (p.at < afterFrom && !(p.at >= lastOption.at - 3 && p.end > afterFrom + 3 && p.text.includes(' '))) {
    const middle = (p.at + p.end) / 2;
    const distance = (c: Column) => Math.abs((c.at + c.end) / 2 - middle);
    return columns.indexOf(options.reduce((a, b) => (distance(a) <= distance(b) ? a : b)));
  }
  const under = after.filter((c) => c.at - 2 <= p.at);
  return columns.indexOf(under[under.length - 1] ?? after[0]!);
}

/**
 * The marks of a line that are one box glyph for each option column, in order, a few characters apart and all about
 * the options' columns; none where the line has any other marks.
 */
function boxesInOrder<T extends { p: Phrase }>(placed: readonly T[], columns: readonly Column[]): T[] {
  const options = columns.filter((c) => c.role === 'option');
  const marks = placed.filter(({ p }) => cellMark(p.text));
  const boxes = marks.filter(({ p }) => glyphMark(p.text) && p.at >= options[0]!.at - 6 && p.end <= options[options.length - 1]!.end + 6);
  if (boxes.length !== options.length || marks.length !== boxes.length) return [];
  return boxes.every(({ p }, k) => k === 0 || p.at - boxes[k - 1]!.p.end >= 2) ? boxes : [];
}

/**
 * Whether a mark stands plainly under one option's heading: within a character or two of its middle, and at least
 * twice as far (and two characters more) from any other's. A layout conversion spaces each line to fit its words, so
 * a column's marks drift from its heading by a character or so.
 */
function plainlyUnder(p: Phrase, columns: readonly Column[]): boolean {
  const middle = (p.at + p.end) / 2;
  const [nearest, next] = columns
    .filter((c) => c.role === 'option')
    .map((c) => Math.abs((c.at + c.end) / 2 - middle))
    .sort((a, b) => a - b);
  return nearest! <= 2.5 && (next === undefined || next >= 2 * nearest! + 2);
}

/** A line's phrases; a row's number set only a space or two before its question ("1.  Has your …") is a phrase of its own. */
function phrasesOf(text: string, questionAt: number): Phrase[] {
  return [...text.matchAll(PHRASE)].flatMap((m): Phrase[] => {
    const whole = { text: m[0], at: m.index, end: m.index + m[0].length };
    const split = /^(\S+)( {1,2})(\S.*)$/.exec(m[0]);
    if (!split || m.index >= questionAt - 1 || !ROW_NUMBER.test(split[1]!)) return [whole];
    const rest = m.index + split[1]!.length + split[2]!.length;
    return [
      { text: split[1]!, at: m.index, end: m.index + split[1]!.length },
      { text: split[3]!, at: rest, end: whole.end },
    ];
  });
}

/**
 * A cell's wrapped lines as its text: joined into one line, but a bulleted point, a sentence opening a line after
 * one ended (an answer under its question, in the question's cell) and an option column's stacked labels ("Yes"
 * over "No") each keep a line of their own.
 */
function cellText(lines: readonly string[], role: Column['role']): string {
  let text = '';
  for (const l of lines) {
    const apart =
      text !== '' && (BULLET.test(l) || (role === 'option' && optionValue(l) !== null) || (role !== 'option' && /[?.:]$/.test(text) && /^\p{Lu}/u.test(l)));
    text += text === '' ? l : apart ? `\n${l}` : /[\p{L}\d]-$/u.test(text) ? l : ` ${l}`;
  }
  return text;
}
