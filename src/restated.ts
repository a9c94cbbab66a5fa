/**
 * Answers a document gives again away from its form: a summary table that
 * quotes each closed question beside its response ("Q4 | Do you update your
 * data protection impact assessment…? | No"). Each is a statement of the
 * organisation's, which counts against a box ticked the other way.
 */
import { QUESTIONS, type Question } from './catalogue.js';
import type { Block, OptionValue } from './document.js';
import { optionValue } from './options.js';
import type { Statement } from './statements.js';

/** How closely a cell must quote a question, and how much better than any other, to be taken for it. */
const QUOTED = 0.8;
const MARGIN = 0.1;
/** Tolerance, in PDF points, for two cells to be on one printed row. */
const ROW_TOLERANCE = 6;

/**
 * Statements made by rows that quote a template question, among the blocks
 * `at` picks out (those outside the form's own questions).
 */
export function findRestatements(blocks: readonly Block[], at: (i: number) => boolean, score: (q: Question, b: Block) => number): Statement[] {
  const found: Statement[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (!at(i) || b.kind === 'option' || b.unshown) continue;
    const response = responseIn(blocks, i);
    if (!response) continue;
    const q = quotedQuestion(b, score);
    if (!q) continue;
    found.push({ value: response.value, number: q.index, principle: q.principle, quote: `${b.text.trim()} ${response.text}`, provenance: response.provenance });
  }
  return found;
}

/** The one question a block quotes, if it quotes one clearly. */
function quotedQuestion(b: Block, score: (q: Question, b: Block) => number): Question | null {
  let best: Question | null = null;
  let top = 0;
  let second = 0;
  for (const q of QUESTIONS) {
    const s = score(q, b);
    if (s > top) [best, top, second] = [q, s, top];
    else if (s > second) second = s;
  }
  return top >= QUOTED && top - second >= MARGIN ? best : null;
}

/**
 * The response beside a quoted question, in the cells after it on its row:
 * boxes of which exactly one option is ticked and none unreadable, or a cell
 * holding only an option's word.
 */
function responseIn(blocks: readonly Block[], i: number): { value: OptionValue; text: string; provenance: Block['provenance'] } | null {
  const row: Block[] = [];
  for (let j = i + 1; j < blocks.length && sameRow(blocks[j - 1]!, blocks[j]!); j++) row.push(blocks[j]!);
  const options = row.filter((b) => b.kind === 'option');
  if (options.length) {
    if (options.some((o) => o.option?.mark && o.option.mark.state !== 'checked' && o.option.mark.state !== 'unchecked')) return null;
    const ticked = options.filter((o) => o.option?.mark?.state === 'checked' && o.option.value);
    const values = new Set(ticked.map((o) => o.option!.value));
    return values.size === 1 ? { value: ticked[0]!.option!.value!, text: ticked[0]!.text, provenance: ticked[0]!.provenance } : null;
  }
  const cell = row[0];
  const value = cell && !cell.unshown ? optionValue(cell.text) : null;
  return cell && value ? { value, text: cell.text.trim(), provenance: cell.provenance } : null;
}

/** Whether `b` is the next cell on `a`'s row: a table's next column, or beside it on a printed page. */
function sameRow(a: Block, b: Block): boolean {
  if (a.table && b.table) return a.table.row === b.table.row && b.table.column > a.table.column;
  const [pa, pb] = [a.provenance, b.provenance];
  return pa.y !== undefined && pb.y !== undefined && pa.page === pb.page && Math.abs(pa.y - pb.y) <= ROW_TOLERANCE && (pb.x ?? 0) > (pa.x ?? 0);
}
