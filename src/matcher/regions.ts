/**
 * Each question's extent: its wrapped first line and its continuation, the
 * cells of its row before it, and what follows it up to the next question
 * (or to a question the template does not ask).
 */
import type { Question } from '../catalogue.js';
import type { Block } from '../document.js';
import { beforeBoxes, optionValue, parted } from '../options.js';
import { contentWords, likeness, words } from '../similarity.js';
import { isTitleLabel } from '../title.js';
import { onRowOf, placed, sameRowBefore, sameTableRow } from './rows.js';
import { isChoiceCell } from './typed-choices.js';
import { COLUMN_HEADINGS, FOLLOW_ON, HEADING_CELL, NIL_ANSWER, PROMPT, QUESTION_HEADING, QUESTION_THRESHOLD, REFERENCE, RESPONSE_HEADING, endsAsQuestion, isGuidance, leadingNumber, questionScore } from './wording.js';

/** A reference as principle and letter ("2b"), which may as well cite an annex ("see tab 3a"): taken only on the question's row. */
const LETTERED_REFERENCE = /^\d{1,2}[a-z]\.?$/i;

/**
 * How many blocks directly before a question belong to its row: boxes to its
 * left, and a reference cell ("2.6"; a bare number only when on the same row).
 * Where the format keeps no rows (a table saved as text, one cell to a line)
 * and the question's table prints its response column first, the question's
 * number on the line before it and one choice alone before that are its row's
 * first cells, unless the line before the choice asks for it (ends in ":" or
 * "?" and is no question of the form's): that choice ends the row before, whose
 * response cell was left blank.
 */
export function rowCellsBefore(blocks: readonly Block[], at: number, responseFirst: ReadonlySet<Block>, asked: ReadonlySet<number>): number {
  const q = blocks[at]!;
  // A response column's heading ("Compliant?") asks for the row under it, not for the choice after it.
  const prompted = (i: number) => i >= 0 && /[:?]\s*$/.test(blocks[i]!.text) && !asked.has(i) && !RESPONSE_HEADING.test(blocks[i]!.text.trim());
  let n = 0;
  let choices = 0;
  for (let b = blocks[at - n - 1]; b; b = blocks[at - n - 1]) {
    const sameRow = sameRowBefore(b, q);
    const lineBefore = responseFirst.has(q) && !placed(b) && !placed(q);
    const choice = isChoiceCell(b);
    // Boxes, or a choice typed in a response column, left of the question on its row; its reference or number.
    const cell =
      (choice && (sameRow || (lineBefore && choices === 0 && !prompted(at - n - 2)))) ||
      REFERENCE.test(b.text.trim()) ||
      (sameRow && LETTERED_REFERENCE.test(b.text.trim())) ||
      ((sameRow || (lineBefore && n === 0)) && /^\d{1,2}\.?$/.test(b.text.trim()));
    if (!cell) break;
    if (choice) choices++;
    n++;
  }
  return n;
}
/** How many lines before its "Question" a table's heading may name its response column. */
const HEADING_REACH = 3;

/**
 * The blocks standing in tables whose response column comes before the
 * question, as their heading says ("Response | No. | Question | Evidence"), in
 * a format that keeps no rows: there a heading is a run of lines, each naming
 * a column. Each "Question" heading line starts a table; it prints the
 * response column first where a line naming it stands just before, among
 * column names only.
 */
export function responseFirstTables(blocks: readonly Block[]): Set<Block> {
  const isColumnName = (text: string) => COLUMN_HEADINGS.test(text) || HEADING_CELL.test(text) || RESPONSE_HEADING.test(text);
  const isHeading = (b: Block) => b.kind !== 'option' && isColumnName(b.text.trim());
  const found = new Set<Block>();
  let first = false;
  blocks.forEach((b, i) => {
    if (placed(b)) return;
    if (b.kind !== 'option' && QUESTION_HEADING.test(b.text.trim())) {
      first = false;
      for (let k = i - 1; k >= Math.max(0, i - HEADING_REACH); k--) {
        const h = blocks[k]!;
        if (placed(h) || h.kind === 'option') break;
        // A column name a narrow column broke over two lines ("Respons" over "e").
        const head = k > 0 && BROKEN_END.test(h.text.trim()) && !placed(blocks[k - 1]!) && blocks[k - 1]!.kind !== 'option' ? blocks[k - 1]! : null;
        const name = head && isColumnName(head.text.trim() + h.text.trim()) ? head.text.trim() + h.text.trim() : h.text.trim();
        if (RESPONSE_HEADING.test(name) && name.length <= 40) {
          first = true;
          break;
        }
        if (name !== h.text.trim()) k--;
        else if (!isHeading(h)) break;
      }
    } else if (first) found.add(b);
  });
  return found;
}

/** The end of a word a narrow heading cell carried onto a line of its own. */
const BROKEN_END = /^\p{Ll}{1,4}$/u;

/** How far right of a question, in PDF points, a block stands in another column (a comments column) of its table. */
const ASIDE = 150;

/**
 * A block on the question's page, well right of it: another column's, which a table whose cells are centred down
 * their rows sets between a question's lines in reading order ("Yes – see the agreement" between "If the system is
 * jointly owned, is it" and "18. clear what each partner …").
 */
const inColumnRightOf = (b: Block, head: Block) =>
  b.provenance.page === head.provenance.page && b.provenance.x !== undefined && head.provenance.x !== undefined && b.provenance.x >= head.provenance.x + ASIDE;

/** Improvement in likeness that joining a wrapped first line must bring. */
const HEAD_GAIN = 0.05;

/** Short cells a table row split across a page leaves between the two halves of its question. */
const isAnswerCell = (b: Block) => b.kind === 'option' || optionValue(b.text) !== null || NIL_ANSWER.test(b.text.trim());

/**
 * Matches dropped where the block opens in lower case right after the previous
 * question's unfinished block: it carries that question on ("Have you
 * identified any areas where action is" then "required to conform more fully
 * with the"), whatever other question's words it shares.
 */
export function carriedOn(questionAt: Array<number | null>, blocks: readonly Block[]): Array<number | null> {
  let previous: number | null = null;
  return questionAt.map((at) => {
    if (at === null) return null;
    // A word in lower case, not a list letter ("g) Have you…", "ii. What…").
    const continues = previous === at - 1 && /^\s*\p{Ll}+\s/u.test(blocks[at]!.text) && !/[?.]\s*$/.test(blocks[at - 1]!.text);
    if (continues) return null;
    previous = at;
    return at;
  });
}

/**
 * How far back the question's first line is when it sits in a block before
 * the match, cut mid-sentence by the layout: 1 for the block just before, more
 * when a table row split across a page put its answer cells in between, or
 * its other cells came between its first line and the rest. 0 when
 * the match is the question's start, or the block before is another
 * question's match.
 */
export function wrappedHead(q: Question, blocks: readonly Block[], at: number, matched: ReadonlySet<number>): number {
  const head = blocks[at]!;
  // A numbered block opens its question, unless, on a page, the words after the number run on from a line before
  // ("18. clear what each partner …": a row's number centred down it, printed level with the question's middle).
  // Then only another column's words may stand between the two: a box or an answer before it is the row above's.
  const runsOn = leadingNumber(head.text) !== null;
  if (runsOn && !(head.provenance.y !== undefined && /^\s*\S+\s+\p{Ll}/u.test(head.text))) return 0;
  // The first line's row-mates, right of it (the comments), may stand between the two parts.
  const rowMates: Block[] = [];
  const alone = questionScore(q, head);
  for (let k = 1; k <= 5 && at - k >= 0; k++) {
    // Another question's block is never this one's first line.
    if (matched.has(at - k)) return 0;
    const prev = blocks[at - k]!;
    if (inColumnRightOf(prev, head)) continue;
    if (isAnswerCell(prev)) {
      if (runsOn) return 0;
      continue;
    }
    // Where a layout ran the row's boxes and comments into the first line, its words are those before the boxes.
    const line = beforeBoxes(prev.text);
    const joins =
      rowMates.every((b) => sameRowBefore(prev, b)) &&
      !/[.?!:;)]\s*$/.test(line) &&
      questionScore(q, { ...head, text: `${line} ${head.text}` }) >= alone + HEAD_GAIN;
    if (joins) return k;
    if (!blocks.slice(Math.max(0, at - 5), at - k).some((b) => b.kind !== 'option' && sameRowBefore(b, prev))) return 0;
    rowMates.push(prev);
  }
  return 0;
}

/**
 * In a bilingual form, the question in the other language printed straight before the one matched: a block of its
 * own ending in a question mark that matched no question, perhaps with the question's boxes printed beside it on its
 * row (and so read before the matched block). It opens the question, and ends the answer above.
 */
export function translationBefore(blocks: readonly Block[], at: number, matched: ReadonlySet<number>): number {
  let k = 1;
  while (at - k >= 0 && blocks[at - k]!.kind === 'option') k++;
  const prev = blocks[at - k];
  if (!prev || matched.has(at - k) || !asksInOtherWords(prev)) return 0;
  // On its row: a table's or a page's, or its own line of text.
  const beside = (b: Block) => sameRowBefore(prev, b) || (prev.provenance.y === undefined && prev.provenance.line !== undefined && b.provenance.line === prev.provenance.line);
  return blocks.slice(at - k + 1, at).every(beside) ? k : 0;
}

/**
 * A question mark ending the block, or before a short follow-on ("Os felly, eglurwch.": if so, explain); not an
 * answer opening with a choice ("No – is it needed?", "Ie / Yes").
 */
const asksInOtherWords = (b: Block) =>
  b.kind !== 'option' && b.text.length <= 600 && /\?[^?]{0,40}$/.test(b.text) && !/^\W*(?:yes|no|n\/a|ie|na)\b/i.test(b.text);

/** In a bilingual form that prints a question's other wording after it, that block: the first after the question but its boxes. */
export function translationAfter(after: readonly Block[]): Block | null {
  const first = after.find((b) => b.kind !== 'option');
  return first && asksInOtherWords(first) ? first : null;
}

/**
 * Whether a bilingual form prints each question's other wording before the one matched or after it, by the
 * questions that say so plainly: such a block on one side only, or on one side with no other question beyond it.
 * Where questions follow each other with no answer between, a block between two of them could be either's.
 */
export function translationSide(blocks: readonly Block[], matched: ReadonlySet<number>): 'before' | 'after' | null {
  const step = (from: number, by: number) => {
    let i = from + by;
    while (blocks[i]?.kind === 'option') i += by;
    return i;
  };
  const asks = (i: number) => blocks[i] !== undefined && !matched.has(i) && asksInOtherWords(blocks[i]!);
  let before = 0;
  let after = 0;
  for (const at of matched) {
    const [b, a] = [step(at, -1), step(at, 1)];
    if (asks(b) && (!asks(a) || !matched.has(step(b, -1)))) before++;
    if (asks(a) && (!asks(b) || !matched.has(step(a, 1)))) after++;
  }
  // A few answers that happen to end in a question mark say nothing.
  return before > after && before >= 3 ? 'before' : after > before && after >= 3 ? 'after' : null;
}

/**
 * The question's block, joined with its wrapped first line, and with the next
 * block where that carries the question on ("If so please explain.", or the
 * rest of a question cut mid-sentence), so neither is taken for an answer.
 */
export function questionBlock(q: Question, blocks: readonly Block[], at: number, head: number, boundaries: ReadonlySet<number>): { block: Block; span: number } {
  const first = blocks[at]!;
  const block = head ? { ...first, text: `${blocks[at - head]!.text} ${first.text}`, provenance: blocks[at - head]!.provenance } : first;
  const next = blocks[at + 1];
  if (!next || next.kind === 'option' || boundaries.has(at + 1) || leadingNumber(next.text) !== null) return { block, span: 1 };
  const continues = !/\?\s*$/.test(block.text) || /\?\s*$/.test(next.text) || FOLLOW_ON.test(next.text);
  if (!continues || next.text.length > 200) return { block, span: 1 };
  const joined = { ...block, text: `${block.text} ${next.text}` };
  return questionScore(q, joined) > questionScore(q, block) ? { block: joined, span: 2 } : { block, span: 1 };
}

/**
 * The rest of a question that a page break split from its first part, found
 * among the answer: it ends in "?" and brings the printed question closer to
 * the template's wording; or it is the last words of the template's wording,
 * three or more, that the printed question lacks ("camera system? If so,
 * please specify.", "provide brief details)").
 */
export function continuesQuestion(q: Question, question: Block, b: Block): boolean {
  if (b.kind === 'option' || leadingNumber(b.text) !== null) return false;
  const tail = words(b.text);
  const asked = words(q.text);
  const ends = tail.length >= 3 && tail.length < asked.length && tail.every((w, i) => w === asked[asked.length - tail.length + i]);
  if (ends && !words(question.text).join(' ').endsWith(tail.join(' '))) return true;
  if (!/\?\s*$/.test(b.text)) return false;
  return questionScore(q, { ...question, text: `${question.text} ${b.text}` }) >= questionScore(q, question) + HEAD_GAIN;
}


/** A question's own label: "10.4", "Q10a", "(v)", "iv.", "b)", "1.4(a)", "Q12.5(i)", "A10.1". */
const QUESTION_LABEL =
  /^\s*(?:(?:q(?:uestion)?\.?\s*|[a-z])?\d{1,2}(?:\.\d{1,2})?[a-z]?(?:\s*\((?:[ivx]{1,6}|[a-z])\))?[.):]?|\(?(?:[ivx]{1,6}|[a-z])[.)])\s+\S/i;

/**
 * A question's answer, up to a question the template does not ask, where this
 * one printed no boxes before it and it has boxes after it (a local question
 * added to the form): those boxes, and what follows them, are that
 * question's. It is labelled as the form labels its questions; or, after the
 * form's last question answered in words, it is any question (the next
 * form's screening question, an appendix's). Elsewhere an unlabelled question
 * ("Is this in place?", "If not, why not?", even after some answer) is a
 * prompt of this one's; but one that asks Yes or No on its own after the
 * organisation's words ("Do you use ANPR cameras?") may as well be a question
 * they added: `askedBefore` names it, and the boxes after it prove nothing.
 */
export function untilOtherQuestion(q: Question, question: Block, after: Block[], last: boolean): { after: Block[]; askedBefore: Block | null } {
  const answers = (b: Block) => b.kind !== 'option' && !endsAsQuestion(b.text) && optionValue(b.text) === null && !isGuidance(b.text) && !PROMPT.test(b.text.trim()) && !FOLLOW_ON.test(b.text);
  // A block with boxes after it, where this question has had none yet.
  const beforeBoxes = (i: number) => !after.slice(0, i).some((o) => o.kind === 'option') && after.slice(i + 1).some((o) => o.kind === 'option');
  // A question standing before those boxes; one of its own, where it is not worded like this one.
  const standsBeforeBoxes = (b: Block, i: number) =>
    b.kind !== 'option' && b.text.length <= 400 && endsAsQuestion(b.text) && beforeBoxes(i) && !continuesQuestion(q, question, b);
  const asksBeforeBoxes = (b: Block, i: number) => standsBeforeBoxes(b, i) && questionScore(q, b) < QUESTION_THRESHOLD;
  const other = after.findIndex(
    (b, i) =>
      asksBeforeBoxes(b, i) &&
      // A follow-on labelled or bulleted as a part of the question ("(a) If so, please give details?") is no other,
      // nor is a prompt in a list a line introduces ("Things to consider:").
      !LISTED_FOLLOW_ON.test(b.text) &&
      !introducedList(after, i) &&
      // Labelled in its text, by a reference cell before it, or by a list's own numbering; or after the last
      // question's answer, outside its table row (where it is the row's comment, its boxes in the next cell).
      (QUESTION_LABEL.test(b.text) || b.kind === 'listItem' || (i > 0 && REFERENCE.test(after[i - 1]!.text.trim())) || (last && after.slice(0, i).some(answers) && !sameTableRow(question, b))),
  );
  // After the form's last question answered in words, a sign-off with boxes of its own ("Approved by the Senior
  // Responsible Officer ☒ Yes") closes the form: its boxes are not the question's.
  const closing = last
    ? after.findIndex(
        (b, i) =>
          b.kind !== 'option' && b.text.length <= 80 && (SIGN_OFF.test(b.text) || isTitleLabel(b)) && beforeBoxes(i) && after.slice(0, i).some(answers),
      )
    : -1;
  // A question the organisation added after this one's boxes and words, labelled as the form labels its questions
  // ("20a. Are the procedures reviewed …?", or "20a." in a cell before it), with boxes of its own: those and what
  // follows are its.
  const reference = (b: Block | undefined) => b !== undefined && (REFERENCE.test(b.text.trim()) || LETTERED_REFERENCE.test(b.text.trim()));
  const localAt = after.findIndex(
    (b, i) =>
      b.kind !== 'option' &&
      b.text.length <= 400 &&
      (QUESTION_LABEL.test(b.text) || reference(after[i - 1])) &&
      endsAsQuestion(b.text) &&
      after.slice(0, i).some((o) => o.kind === 'option') &&
      after.slice(0, i).some(answers) &&
      after.slice(i + 1).some((o) => o.kind === 'option') &&
      questionScore(q, b) < QUESTION_THRESHOLD &&
      !continuesQuestion(q, question, b),
  );
  // Its reference cell before it is its own too.
  const local = localAt > 0 && reference(after[localAt - 1]) ? localAt - 1 : localAt;
  const end = [other, closing, local].filter((x) => x >= 0);
  if (end.length) return { after: after.slice(0, Math.min(...end)), askedBefore: null };
  // The organisation's words: not a prompt of the form's, nor its advice, guidance or a line introducing them
  // ("Things to consider:").
  const said = (b: Block) =>
    b.kind !== 'option' && !endsAsQuestion(b.text) && !/:\s*$/.test(b.text) && !isGuidance(b.text) && !ADVICE.test(b.text) && !continuesQuestion(q, question, b);
  // The question's boxes right after it: one it answers in words ("Is it published?" "Yes, on the website.") is not theirs.
  // Worded like this one ("Does your signage for body worn cameras highlight…?") it is as much a question of their
  // own, unless it prints this one again (a table row repeated over a page).
  const asked = after.findIndex(
    (b, i) =>
      after[i + 1]?.kind === 'option' && YES_NO_QUESTION.test(b.text) && standsBeforeBoxes(b, i) && after.slice(0, i).some(said) && !printsAgain(question, b),
  );
  if (asked < 0) return { after, askedBefore: null };
  // Boxes on the question's own row (a table's third column) are its own, whatever its comment cell asks.
  return { after, askedBefore: onRowOf(question, after.slice(0, asked + 2)) ? null : after[asked]! };
}

/** Whether a block holds the printed question's words again, and little else. */
function printsAgain(question: Block, b: Block): boolean {
  const l = likeness(contentWords(question.text), b.text);
  return l.recall >= 0.9 && l.precision >= 0.9;
}

/**
 * A follow-on, perhaps after a part's letter or a bullet: "(a) If so, please
 * give details?", "i. If no, please explain?", "- If not, why not?". A part
 * numbered as the form numbers its questions ("10a.") is a question of its own.
 */
const LISTED_FOLLOW_ON = /^\s*(?:\(?(?:[ivx]{1,6}|[a-z])[.)]|[-*•‣◦])?\s*(?:if (?:so|yes|no|not)|please|why)\b/i;

/** Whether a list item is one of a list that a line ending in a colon introduces. */
function introducedList(blocks: readonly Block[], at: number): boolean {
  if (blocks[at]!.kind !== 'listItem') return false;
  let k = at - 1;
  while (k >= 0 && blocks[k]!.kind === 'listItem') k--;
  return k >= 0 && /:\s*$/.test(blocks[k]!.text);
}

/** What opens a form's closing sign-off: "Declaration", "Approved by …", "Signed …". */
const SIGN_OFF = /^\W*(?:declaration|sign(?:ed|[- ]?off)|signature|approv(?:ed|al)|authori[sz](?:ed|ation)|confirmed by|agreed by)\b/i;

/** A form's own advice under a question, which a prompt may follow: "Consider: signs at every entrance." */
const ADVICE = /^\W*(?:consider|guidance|for example|e\.g\.)\b\s*[:\-–—]/i;

/**
 * A question that asks for Yes or No itself, perhaps after a phrase setting
 * it ("In the last 12 months, has…?", "Also, are…?", "Any cameras…?"); not a
 * follow-on ("If not, why not?") or a request for details ("Who is…?").
 */
const YES_NO_QUESTION = /^\W*(?:(?!if\b)[^,?]{1,40},\s*)?(?:is|are|was|were|do|does|did|has|have|had|can|could|will|would|should|shall|may|might|must|any)\b/i;

/**
 * Whether boxes with no label stand right before a question (page furniture
 * aside): a row of options a page break or a column parted from its label,
 * as when a question split across pages is found by its second half. Boxes
 * above a row's border before the question are the row above's.
 */
export function boxesLeftBefore(blocks: readonly Block[], at: number): boolean {
  let after = blocks[at];
  for (let i = at - 1; i >= 0; i--) {
    const b = blocks[i]!;
    if (b.furniture) continue;
    if (b.kind !== 'option' || (after && parted(b, after))) return false;
    if (b.option?.mark && b.option.value === null) return true;
    after = b;
  }
  return false;
}
