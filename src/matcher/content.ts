/**
 * The blocks that can hold the form's content: page furniture, page numbers,
 * rules, protective markings, the template's header, tables' heading rows and
 * running headers left out; a prompt before a typed choice taken off.
 */
import type { Block } from '../document.js';
import { optionValue } from '../options.js';
import { bareNumber, isPageLabel, pageNumbersInSequence, type BareNumber } from '../page-numbers.js';
import { isBareTitleLabel, isTitleLabel } from '../title.js';
import { titleBlockLabel } from './form.js';
import { placed, rowsOf } from './rows.js';
import { ACTION_PLAN, COLUMN_HEADINGS, HEADING_CELL, NIL_ANSWER, PRINCIPLE_HEADING, QUESTION_HEADING } from './wording.js';

const PROTECTIVE_MARKING = /^(official(\s*[-–:]?\s*sensitive)?|not protectively marked|unclassified|restricted|protect)$/i;
const TEMPLATE_HEADER = /^(surveillance camera code of practice\s*[-–:]?\s*)?self[- ]assessment tool$/i;
const THEMATIC = /^([-*_=]\s*){3,}$/;

/** Blocks that can carry content: page furniture, page numbers, rules and the template's header dropped. */
export function keepContent(blocks: readonly Block[]): Block[] {
  const pageNumbers = leftPageNumbers(blocks);
  const kept = blocks
    .filter(
      (b) =>
        b.kind === 'option' ||
        (!b.furniture && b.text.trim() !== '' && !pageNumbers.has(b) && !PROTECTIVE_MARKING.test(b.text.trim()) && !THEMATIC.test(b.text.trim()) && !TEMPLATE_HEADER.test(b.text.trim())),
    )
    .map(withoutPrompt);
  const counts = new Map<string, number>();
  for (const b of kept) if (b.kind !== 'option' && COLUMN_HEADINGS.test(b.text.trim())) counts.set(b.text.trim().toLowerCase(), (counts.get(b.text.trim().toLowerCase()) ?? 0) + 1);
  const headings = headingRowCells(kept);
  return dropRepeatedHeaders(kept.filter((b) => b.kind === 'option' || ((counts.get(b.text.trim().toLowerCase()) ?? 0) < 2 && !headings.has(b))));
}

/**
 * The form's prompt before a choice written after it: "Answer: Yes", "Response: No.", "Yes / No: N/A - …", or,
 * with the choice alone after it, "Response No" (a prompt cell and its answer cell read as one; "Response No." is a
 * column of response numbers), "Yes / No – Yes", "(Yes / No) No". Not before words that only open with one
 * ("Response: No response has been received").
 */
const PROMPTED_CHOICE =
  /^\s*(?:(?:answer|response|yes\s*\/\s*no|y\s*\/\s*n)\s*:\s*(?=(?:yes|no|n\/a)(?:\s*$|\s*[-–—:,;.(]))|(?:answer|response)\s+(?=(?:yes|n\/a)\.?\s*$|no\s*$)|\(?yes\s*\/\s*no(?:\s*\/\s*n\/a)?\)?\s*(?:[-–—]\s*|\s)(?=(?:yes|no|n\/a)\.?\s*$))/i;

/** A block with the prompt before its choice left out: the choice is then read as if written alone. */
function withoutPrompt(b: Block): Block {
  const prompt = b.kind === 'option' ? null : PROMPTED_CHOICE.exec(b.text);
  return prompt ? { ...b, text: b.text.slice(prompt[0].length) } : b;
}
/** A column title of a form's own: up to three words, no sentence, no figure. */
const OWN_HEADING = /^[\p{L}&/()-]+(?: [\p{L}&/()-]+){0,2}$/u;

/**
 * The titles of number columns in tables of the organisation's own ("No. | Action | Date", then "1 | …"), the other
 * titles short, capitalised, and followed by a row whose number stands alone: no answer "No". They are words of an
 * action plan.
 */
export function numberColumnTitles(blocks: readonly Block[]): Set<Block> {
  const rows = rowsOf(blocks);
  return new Set(rows.flatMap((row, r) => (numberColumnTitle(rows, r) ? [row[0]!] : [])));
}

/**
 * Whether a row opens with a number column's title (see numberColumnTitles). Where the format keeps no rows, each
 * cell is a line of its own, and the other titles are the lines after.
 */
function numberColumnTitle(rows: ReadonlyArray<readonly Block[]>, r: number): boolean {
  const row = rows[r]!;
  if (!/^(?:no\.|#)$/i.test(row[0]!.text.trim())) return false;
  const lines = row.length === 1 && !placed(row[0]!);
  let next = r + 1;
  const titles = lines ? [] : row.slice(1);
  if (lines) while (next < rows.length && titles.length < 6 && rows[next]!.length === 1 && !placed(rows[next]![0]!) && isTitle(rows[next]![0]!)) titles.push(rows[next++]![0]!);
  // The row under it opens with its number alone, in a cell or on a line of its own (not "5. How have you …").
  const first = rows[next];
  const numbered = lines ? /^\d{1,3}[.)]?$/.test(first?.[0]?.text.trim() ?? '') : first !== undefined && /^\d{1,3}[.)]?$/.test(first[0]!.text.trim()) && first.length >= 2;
  // The number's row is the table's, not the next question's ("4." then "Do you update …?").
  const after = lines ? rows[next + 1]?.[0] : first?.[1];
  return titles.length >= 2 && titles.every(isTitle) && numbered && !/\?\s*$/.test(after?.text ?? '');
}

/** A column's title: a few words, capitalised, no option's label ("No. | Yes | …" is an answer beside last year's). */
const isTitle = (b: Block) => b.kind !== 'option' && OWN_HEADING.test(b.text.trim()) && /^\p{Lu}/u.test(b.text.trim()) && optionValue(b.text) === null;

/**
 * The cells of tables' heading rows: rows whose every cell names a column, two
 * or more of them columns of the form's ("No. | Question | Response |
 * Comments"). There "No." names the number column; it is no answer. A row of
 * one name and a choice ("Response | No", a table per question) is an answer.
 * Rows are table rows, or lines of a page, or where the format keeps neither,
 * runs of lines.
 */
function headingRowCells(blocks: readonly Block[]): Set<Block> {
  const found = new Set<Block>();
  for (const row of rowsOf(blocks)) {
    const texts = row.map((b) => b.text.trim());
    const known = (k: number) => COLUMN_HEADINGS.test(texts[k]!) || HEADING_CELL.test(texts[k]!);
    // Beside "Question" and two columns named, a short title of the form's own ("Action required", "RAG status").
    const named = texts.some((t) => QUESTION_HEADING.test(t)) && texts.filter((_, k) => known(k)).length >= 3;
    if (
      row.length >= 2 &&
      row.every((b, k) => (b.kind === 'option' ? !b.option?.mark : known(k) || (named && OWN_HEADING.test(texts[k]!)))) &&
      // Two columns named, or the question's beside a number's ("No." | "Question").
      (row.filter((b, k) => b.kind !== 'option' && COLUMN_HEADINGS.test(texts[k]!) && optionValue(texts[k]!) === null).length >= 2 ||
        texts.some((t) => QUESTION_HEADING.test(t)))
    )
      for (const b of row) if (b.kind !== 'option') found.add(b);
  }
  // A heading row run into one line, as a layout conversion sets cells apart by spaces alone ("No. Question Y/N
  // Comments", or naming its options' columns, "No. Question Yes No Comments"): its "No." names the number column.
  for (const b of blocks) {
    const m = /^(?:no\.?|#)\s+(\S.*)$/i.exec(b.text.trim());
    if (b.kind !== 'option' && m && /\bquestions?\b/i.test(m[1]!) && (COLUMN_HEADINGS.test(m[1]!) || namesOptionColumns(m[1]!))) found.add(b);
  }
  // Where the format keeps neither rows nor positions (text saved from a PDF, a cell to a line), a heading row is a
  // run of lines each naming a column, the question's among them, none a bare choice but at its ends, which are the
  // answers of the rows either side ("No", then "No." | "Question" | …). "Response" | "No." | "Comments", a table per
  // question, is a row and its answer.
  const names = (b: Block) => !placed(b) && b.kind !== 'option' && (COLUMN_HEADINGS.test(b.text.trim()) || HEADING_CELL.test(b.text.trim()));
  const bare = (b: Block) => optionValue(b.text) !== null && !b.text.trim().endsWith('.');
  for (let i = 0; i < blocks.length; ) {
    let end = i;
    while (end < blocks.length && names(blocks[end]!)) end++;
    let from = i;
    let to = end;
    while (from < to && bare(blocks[from]!)) from++;
    while (to > from && bare(blocks[to - 1]!)) to--;
    const run = blocks.slice(from, to);
    const columns = run.filter((b) => COLUMN_HEADINGS.test(b.text.trim()) && optionValue(b.text) === null);
    if (!run.some(bare) && columns.length >= 2 && columns.some((b) => QUESTION_HEADING.test(b.text.trim()))) for (const b of run) found.add(b);
    i = Math.max(end, i + 1);
  }
  return found;
}

/** Column titles with both options' columns among them, "Question Yes No Comments": each word a title or a label. */
function namesOptionColumns(titles: string): boolean {
  const labels = titles.match(/(?<![\w/])(?:yes|no|n\/a)(?![\w/])/gi) ?? [];
  const rest = titles.replace(/(?<![\w/])(?:yes|no|n\/a)(?![\w/])/gi, ' ').trim();
  const named = new Set(labels.map((l) => l.toLowerCase()));
  return named.has('yes') && named.has('no') && rest !== '' && COLUMN_HEADINGS.test(rest.replace(/\s+/g, ' '));
}

/**
 * Page numbers a converter left among the text (or a table's references):
 * "Page 3", and bare numbers in a sequence (see pageNumbersInSequence). A bare
 * number on its own ("24" users trained) is an answer.
 */
function leftPageNumbers(blocks: readonly Block[]): Set<Block> {
  const found = new Set<Block>();
  const bare: Array<{ block: Block; number: BareNumber }> = [];
  for (const b of blocks) {
    if (b.kind === 'option' || b.furniture) continue;
    if (isPageLabel(b.text)) found.add(b);
    const number = bareNumber(b.text);
    if (number) bare.push({ block: b, number });
  }
  pageNumbersInSequence(bare.map((n) => n.number)).forEach((isPage, i) => isPage && found.add(bare[i]!.block));
  return found;
}

/**
 * A short line printed before the form starts (see below) that recurs three
 * or more times, numbers aside, is a running header a converter left in the
 * text, unless it is the value of a title block label (an organisation naming
 * itself in a heading too). In the form it may be a short answer.
 */
function dropRepeatedHeaders(blocks: Block[]): Block[] {
  // The form starts at its first principle heading, or at its first question (a block asking something, however it
  // ends: "… statement of need? Please give details.") where that heading is lost or worded otherwise ("1. Purpose").
  const starts = [blocks.findIndex((b) => PRINCIPLE_HEADING.test(b.text)), blocks.findIndex((b) => b.kind !== 'option' && b.text.includes('?'))];
  const formStart = Math.min(...starts.filter((i) => i >= 0));
  if (formStart === Infinity) return blocks;
  const key = (b: Block) => b.text.trim().toLowerCase().replace(/\d+/g, '#');
  const counts = new Map<string, number>();
  for (const b of blocks) if (b.kind !== 'option') counts.set(key(b), (counts.get(key(b)) ?? 0) + 1);
  const early = new Set(blocks.slice(0, formStart).map(key));
  // A title block's labels and values are not running headers: a second form's title block says where it starts.
  const isHeader = (b: Block, i: number) =>
    b.kind !== 'option' &&
    !(isBareTitleLabel(b) && titleBlockLabel(blocks, i)) &&
    !(i > 0 && isTitleLabel(blocks[i - 1]!)) &&
    b.text.length <= 60 &&
    early.has(key(b)) &&
    (counts.get(key(b)) ?? 0) >= 3 &&
    optionValue(b.text) === null &&
    !ACTION_PLAN.test(b.text) &&
    !NIL_ANSWER.test(b.text.trim());
  return blocks.filter((b, i) => !isHeader(b, i));
}
