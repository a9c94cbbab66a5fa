/**
 * Plain text: what "Save as text", pdftotext (with or without -layout) and
 * copy-paste give. Form feeds separate pages; tabs separate table cells.
 */
import type { Block, NormalisedDocument, ParseOptions, Provenance } from '../../src/document.js';
import { DEFAULT_LIMITS } from '../../src/document.js';
import { ExtractError } from '../../src/errors.js';
import { boxGlyphs, documentMarkOrder, lineBlocks, optionValue, pairMarksWithLabels, readOptionRun } from '../../src/options.js';
import { bareNumber, isPageLabel, keepingStepWithPages } from '../../src/page-numbers.js';
import { decodeText } from './decode.js';
import { labelColumns } from './label-columns.js';
import { layoutTables, type LayoutTable } from './layout-tables.js';
import { plainTextTables } from './pandoc-tables.js';
import { tableBlocks } from '../../src/table-cells.js';

interface Line {
  text: string;
  page: number;
  line: number;
  start: number;
  end: number;
  /** Options printed at the right of the line, set apart from the text by a column gap. */
  options?: string;
  /** Where in the line the options start. */
  optionsAt?: number;
  /** Where a lone label ends the line's last line, a column gap after its text: an option if a line goes on below. */
  trailingLabelAt?: number;
  /** A comments column after the options column, and where in the line it starts. */
  comment?: string;
  commentAt?: number;
  /** Its text was cut at the options column: it ran as far as its column goes, however short. */
  cut?: boolean;
  /** Where the question's column starts, when the options column comes before it. */
  questionAt?: number;
}

export async function parse(bytes: Uint8Array, options: ParseOptions = {}): Promise<NormalisedDocument> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  if (bytes.byteLength > limits.maxInputBytes) {
    throw new ExtractError('too-large', `text file of ${bytes.byteLength} bytes exceeds the ${limits.maxInputBytes}-byte limit`);
  }
  const source = decodeText(bytes);
  const lines = splitLines(source);
  const pages = lines.length ? lines[lines.length - 1]!.page : 1;
  const furniture = pageFurniture(lines, pages);
  const at = (line: { line: number; page: number }, start: number, end: number): Provenance => ({ line: line.line, start, end, ...(pages > 1 ? { page: line.page } : {}) });
  // Tables printed in columns are read as tables, and so is a title block of labels and values; the lines between
  // them as paragraphs.
  const grids = plainTextTables(source, lines, at);
  const inGrids = (i: number) => grids.some((t) => t.first <= i && i <= t.last);
  const questions = layoutTables(lines, furniture, at).filter((t) => !inGrids(t.first) && !inGrids(t.last));
  const taken = (i: number) => inGrids(i) || questions.some((t) => t.first <= i && i <= t.last);
  const tables = [...grids, ...questions, ...labelColumns(lines, taken, furniture, at)].sort((a, b) => a.first - b.first);
  const parts: Array<Line[] | LayoutTable> = [];
  let next = 0;
  for (const table of tables) {
    parts.push(lines.slice(next, table.first), table);
    next = table.last + 1;
  }
  parts.push(lines.slice(next));
  const wrapWidth = Math.min(lines.reduce((w, l) => Math.max(w, l.text.trimEnd().length), 0) * 0.6, 60);
  const read = parts.map((part) => (Array.isArray(part) ? paragraphs(part, wrapWidth) : part));
  const order = documentMarkOrder(read.flatMap((part) => (Array.isArray(part) ? part.flatMap((p) => [p.text, p.options ?? '']) : [])));
  const blocks: Block[] = [];
  for (const part of read) {
    if (!Array.isArray(part)) {
      blocks.push(...tableBlocks(part.rows, part.titlesShown));
      continue;
    }
    for (const para of part) {
      const lineBlocksOf = (text: string) => lineBlocks(text, at(para, para.start, para.end), 'paragraph', order);
      const made = [...lineBlocksOf(para.text), ...(para.options ? lineBlocksOf(para.options) : []), ...(para.comment ? lineBlocksOf(para.comment) : [])];
      if (furniture.has(para.line)) for (const b of made) b.furniture = true;
      blocks.push(...made);
    }
  }
  return { format: 'text', pages: pages > 1 ? pages : undefined, blocks: pairMarksWithLabels(blocks), diagnostics: [] };
}

function splitLines(source: string): Line[] {
  const lines: Line[] = [];
  let page = 1;
  let start = source.charCodeAt(0) === 0xfeff ? 1 : 0;
  let number = 1;
  const re = /\r\n|\r|\n/g;
  for (;;) {
    const m = re.exec(source);
    const end = m ? m.index : source.length;
    let text = source.slice(start, end);
    // pdftotext puts a form feed at the start of each new page's first line.
    while (text.includes('\f')) {
      const at = text.indexOf('\f');
      if (text.slice(0, at).trim()) lines.push({ text: text.slice(0, at), page, line: number, start, end: start + at });
      page++;
      text = text.slice(at + 1);
      start += at + 1;
    }
    lines.push({ text, page, line: number, start, end });
    if (!m) break;
    start = m.index + m[0].length;
    number++;
  }
  return lines;
}

/**
 * Consecutive lines are one paragraph when the first was wrapped by a layout
 * tool: not ending a sentence, and the next carrying on (lower case, or after
 * a long line, a word no sentence ends on). A short line of three words or
 * more goes on only into a word in lower case, after a letter or comma.
 * Lines of options and tab-separated cells stay on their own.
 */
function paragraphs(lines: Line[], wrapWidth: number): Line[] {
  const out: Line[] = [];
  for (const [i, raw] of lines.entries()) {
    if (!raw.text.trim()) {
      out.push({ ...raw, text: '' });
      continue;
    }
    const prev = out[out.length - 1];
    // A label alone in the options column of the row above ("Yes" over "No" in a cell beside a wrapped question): one
    // more option of that row, and the question may go on below it. Under boxes, a label typed alone is the
    // organisation's answer, not one more option.
    if (
      prev?.optionsAt !== undefined &&
      prev.page === raw.page &&
      optionValue(raw.text) &&
      Math.abs(raw.text.search(/\S/) - prev.optionsAt) <= 12 &&
      !readOptionRun(prev.options ?? '')?.options.some((o) => o.mark)
    ) {
      prev.options = `${prev.options} ${raw.text.trim()}`;
      prev.end = raw.end;
      continue;
    }
    // A row's number centred in its cell, on a line of its own between its boxes ("☐ Yes  Do your …", "14",
    // "☒ No  responsible officer?"): the row's.
    const next = lines[i + 1];
    if (prev?.questionAt !== undefined && prev.page === raw.page && ROW_NUMBER.test(raw.text.trim()) && next && stackedBoxes(next.text, prev)) {
      prev.text = `${raw.text.trim()} ${prev.text}`;
      prev.end = raw.end;
      continue;
    }
    // Boxes stacked in the options column under the row's first ("No ☒" under "Yes ☐"), perhaps beside the comment's
    // next line: more of that row's options, and the question goes on below them.
    const stacked = prev && prev.page === raw.page ? stackedBoxes(raw.text, prev) : null;
    if (stacked) {
      prev!.options = `${prev!.options} ${stacked.options}`;
      if (stacked.words) prev!.text = `${prev!.text.trimEnd()} ${stacked.words}`;
      if (stacked.comment) prev!.comment = prev!.comment ? `${prev!.comment} ${stacked.comment}` : stacked.comment;
      prev!.end = raw.end;
      continue;
    }
    // Boxes left in the words of the line above (beside a choice typed in a column of its own): this row's boxes are
    // not the answer's, and none below them is split off as one.
    const boxesAbove = !!prev?.text && prev.page === raw.page && boxGlyphs(prev.text).length > 0;
    const line = boxesAbove ? splitColumnOptions(raw, prev?.optionsAt) : splitComment(splitLeadingBoxes(splitColumnOptions(raw, prev?.optionsAt)), prev?.commentAt);
    // A row whose boxes come before its question starts there.
    const startsRow = line.questionAt !== undefined;
    if (prev && prev.text && prev.page === line.page && !startsRow && (!line.options || prev.options) && isWrapped(prev.text, line.text, prev.cut ? 0 : wrapWidth)) {
      // A label a column gap after the text of a line that goes on below is that row's option, not the text's word.
      if (prev.trailingLabelAt !== undefined && !prev.options) {
        const label = TRAILING_LABEL.exec(prev.text)!;
        Object.assign(prev, { text: label[1]!, options: label[2]!, optionsAt: prev.trailingLabelAt });
      }
      const head = prev.text.trimEnd();
      const tail = line.text.trim();
      prev.text = /[\p{L}\d]-$/u.test(head) ? head + tail : `${head} ${tail}`;
      prev.end = line.end;
      prev.trailingLabelAt = line.trailingLabelAt;
      prev.cut = line.cut;
      // The options column wrapped with the question ("o Yes þ" then "No"): one row of options.
      if (line.options) prev.options = `${prev.options} ${line.options}`;
      if (line.comment) Object.assign(prev, { comment: prev.comment ? `${prev.comment} ${line.comment}` : line.comment, commentAt: prev.commentAt ?? line.commentAt });
      continue;
    }
    out.push(line);
  }
  return out.filter((l) => l.text.trim() || l.options);
}

/**
 * In a layout conversion the boxes sit in a column to the right of a question
 * that wraps onto further lines; keeping them aside lets the question's lines
 * join up, and the options follow the whole question.
 */
function splitColumnOptions(line: Line, columnAt: number | undefined): Line {
  if (line.text.includes('\t')) return { ...line };
  const run = readOptionRun(line.text.trim());
  if (run?.lead) {
    const at = line.text.indexOf(run.lead) + run.lead.length;
    if (!/^ {3,}/.test(line.text.slice(at))) return { ...line };
    return { ...line, text: line.text.slice(0, at), options: line.text.slice(at).trim(), optionsAt: at + (line.text.slice(at).length - line.text.slice(at).trimStart().length) };
  }
  // A lone label in the options column of the line above: the rest of its row, wrapped there.
  const lone = columnAt === undefined ? null : /^(.*\S) {3,}(yes|no|n\/a)\s*$/i.exec(line.text);
  if (lone && Math.abs(lone[1]!.length + line.text.slice(lone[1]!.length).search(/\S/) - columnAt!) <= 12)
    return { ...line, text: lone[1]!, options: lone[2]!, optionsAt: columnAt };
  const trailing = TRAILING_LABEL.exec(line.text);
  return trailing ? { ...line, trailingLabelAt: line.text.length - line.text.slice(trailing[1]!.length).trimStart().length } : { ...line };
}

/**
 * A comments column a layout conversion prints after the options column:
 * "3   Have you carried out …   ☒ Yes   DPIA signed by the DPO.", the boxes
 * between two column gaps. The comment is set aside, to follow the options,
 * and so are the comment's next lines, starting where it started, beside the
 * question's wrapped lines.
 */
function splitComment(line: Line, commentAt: number | undefined): Line {
  if (line.text.includes('\t') || line.options !== undefined) return line;
  const cells = columnCells(line.text);
  if (cells.length < 2) return line;
  // Boxes between the question and the comment: the cell before them is the question's words, not a number (boxes
  // before the question) nor a choice typed in a response column of its own (the boxes are then another column's).
  const k = cells.findIndex((c, i) => i > 0 && i < cells.length - 1 && boxesOnly(c.text) && cells[i - 1]!.text.split(' ').length >= 3 && optionValue(cells[i - 1]!.text) === null);
  if (k > 0) {
    // Boxes in cells of their own, side by side ("☐   ☒"), are all the row's: none is the comment's first word's.
    let last = k;
    while (last + 2 < cells.length && boxesOnly(cells[last + 1]!.text)) last++;
    const rest = cells[last + 1]!;
    const options = line.text.slice(cells[k]!.at, cells[last]!.at + cells[last]!.text.length);
    return { ...line, text: line.text.slice(0, cells[k]!.at).trimEnd(), options, optionsAt: cells[k]!.at, comment: line.text.slice(rest.at).trim(), commentAt: rest.at, cut: true };
  }
  // A line of the question beside the comment's next line.
  const last = cells[cells.length - 1]!;
  const words = line.text.slice(0, last.at);
  if (commentAt !== undefined && Math.abs(last.at - commentAt) <= 2 && words.trim() && !readOptionRun(words.trim()))
    return { ...line, text: words.trimEnd(), comment: last.text, commentAt };
  return line;
}

/**
 * A layout conversion of a No. | Response | Question table: "3   ☒ Yes   Have you carried out …" over
 * "    ☐ No    and were you and your DPO …". The boxes are set aside, to follow the question, and the row's number
 * and the question's first line make its text; the boxes and words of the lines below go on the row.
 */
function splitLeadingBoxes(line: Line): Line {
  if (line.text.includes('\t') || line.options !== undefined) return line;
  const cells = columnCells(line.text);
  const k = cells.length >= 3 && ROW_NUMBER.test(cells[0]!.text) ? 1 : 0;
  if (cells.length < k + 2 || cells.length > k + 3 || !boxesOnly(cells[k]!.text)) return line;
  // A question: asked on this line, or a line of a few words that wraps on. Words that end a sentence are a comment's.
  const question = cells[k + 1]!;
  const asked = question.text.endsWith('?') || (question.text.split(' ').length >= 3 && !SENTENCE_END.test(question.text));
  if (!asked || readOptionRun(question.text) || /^(?:yes|no|n\/a)\b/i.test(question.text)) return line;
  // A comments column after the question's.
  const comment = cells[k + 2];
  return {
    ...line,
    text: k === 1 ? `${cells[0]!.text} ${question.text}` : question.text,
    options: cells[k]!.text,
    optionsAt: cells[k]!.at,
    questionAt: question.at,
    ...(comment ? { comment: comment.text, commentAt: comment.at } : {}),
  };
}

const ROW_NUMBER = /^\d{1,3}[.)]?$/;

/** A line's cells, set apart by three spaces or more, each with where it starts. */
function columnCells(text: string): Array<{ text: string; at: number }> {
  return [...text.matchAll(/\S+(?: {1,2}\S+)*/g)].map((m) => ({ text: m[0], at: m.index ?? 0 }));
}

/** Options with a box among them and nothing else: "☒ Yes", "No ☐". */
function boxesOnly(text: string): boolean {
  const run = readOptionRun(text);
  return run?.lead === '' && run.options.some((o) => o.mark);
}

/**
 * A line opening with boxes in the options column at `optionsAt`, and the words after them if any: a comment, or,
 * beside boxes printed before the question (`questionAt`), the question's next line and perhaps the comment's
 * (`commentAt`). Boxes with a label the row above has already ("☒ Yes" under "☐ Yes", "☐ No") open the next row.
 */
function stackedBoxes(text: string, row: Line): { options: string; words: string | null; comment: string | null } | null {
  if (text.includes('\t') || row.optionsAt === undefined) return null;
  const cells = columnCells(text);
  const first = cells[0];
  if (!first || Math.abs(first.at - row.optionsAt) > 12 || !boxesOnly(first.text)) return null;
  const near = (cell: { at: number } | undefined, at: number | undefined) => cell !== undefined && at !== undefined && Math.abs(cell.at - at) <= 2;
  const beside = cells.length === 3 && near(cells[1], row.questionAt) && near(cells[2], row.commentAt);
  if (cells.length > 2 && !beside) return null;
  const had = new Set(readOptionRun(row.options ?? '')?.options.map((o) => o.value));
  if (readOptionRun(first.text)!.options.some((o) => o.value !== null && had.has(o.value))) return null;
  if (beside) return { options: first.text, words: cells[1]!.text, comment: cells[2]!.text };
  // Beside boxes printed before the question, the words are the question's next line.
  return near(cells[1], row.questionAt) ? { options: first.text, words: cells[1]!.text, comment: null } : { options: first.text, words: null, comment: cells[1]?.text ?? null };
}

/** Text, a column gap, and one option label ending the line, printed as a label is (a sentence's "no" is not). */
const TRAILING_LABEL = /^(.*\S) {3,}(Yes|No|N\/A|YES|NO|n\/a)\s*$/;

const SENTENCE_END = /[.?!:;]["'’”)]?$/;
/** Words a sentence does not end on: a line ending in one was wrapped. */
const CONTINUES = /\b(a|an|the|of|to|and|or|for|with|in|on|by|your|any|that|which|is|are|be|from|as|at|its|their)$/i;

function isWrapped(prev: string, next: string, wrapWidth: number): boolean {
  const head = prev.trimEnd();
  const tail = next.trim();
  if (SENTENCE_END.test(head)) return false;
  if (prev.includes('\t') || next.includes('\t')) return false;
  // Three or more short cells set apart by column gaps are a table's row ("No.   Question   Y/N   Comments"), which
  // wraps into nothing: the line under a heading row repeated at a page's top is the row the page break cut.
  const cells = head.trim().split(/ {3,}/);
  if (cells.length >= 3 && cells.every((c) => c.split(' ').length <= 3)) return false;
  if (readOptionRun(head) || readOptionRun(tail) || optionValue(tail)) return false;
  // A short line goes on only into words that plainly carry its sentence on: a narrow column's cell, one line to a
  // cell line ("Are all staff aware of when" / "surveillance becomes covert"); not a word or two ("Yes" over its
  // comment).
  if (head.trim().length < wrapWidth) return head.trim().split(/\s+/).length >= 3 && /[\p{L},]$/u.test(head) && /^\p{Ll}/u.test(tail);
  return /^[a-z(]/.test(tail) || CONTINUES.test(head);
}

/**
 * Running headers and footers: with page breaks known, a line among the first
 * or last two of a page whose text (digits aside) recurs on most pages, "Page
 * 3", or a bare number there that keeps step with the pages.
 */
function pageFurniture(lines: Line[], pages: number): Set<number> {
  const found = new Set<number>();
  if (pages < 2) return found;
  const edges = new Map<number, Line[]>();
  for (const l of lines) {
    if (!l.text.trim()) continue;
    const list = edges.get(l.page) ?? [];
    list.push(l);
    edges.set(l.page, list);
  }
  const counts = new Map<string, number>();
  const edgeLines: Line[] = [];
  const numbers: Array<{ page: number; value: number; fromEdge: number; line: number }> = [];
  for (const list of edges.values()) {
    const picked = new Set([...list.slice(0, 2), ...list.slice(-2)].filter((l) => !isStructural(l.text)));
    for (const l of picked) {
      const number = bareNumber(l.text);
      if (number) {
        const at = list.indexOf(l);
        numbers.push({ page: l.page, value: number.value, fromEdge: Math.min(at, list.length - 1 - at), line: l.line });
        continue;
      }
      edgeLines.push(l);
      const key = furnitureKey(l.text);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  for (const l of edgeLines)
    if (isPageLabel(l.text) || (counts.get(furnitureKey(l.text)) ?? 0) >= Math.max(2, pages / 2)) found.add(l.line);
  for (const n of keepingStepWithPages(numbers)) found.add(n.line);
  return found;
}

function furnitureKey(text: string): string {
  return text.trim().toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ');
}

/** Lines that recur because the template repeats them, not because they are page furniture. */
function isStructural(text: string): boolean {
  const t = text.trim();
  return optionValue(t) !== null || readOptionRun(t) !== null || /^action\s+plan\b/i.test(t) || /^principle\s+\d/i.test(t);
}
