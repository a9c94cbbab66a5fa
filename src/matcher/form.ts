/**
 * Where the form is in a document and where each of its questions is: the
 * runs of principle headings, the one whose span holds the questions, and an
 * alignment of the template's questions to blocks in document order.
 */
import { PRINCIPLES, QUESTIONS, type Question } from '../catalogue.js';
import type { Block, Provenance } from '../document.js';
import { likeness } from '../similarity.js';
import { isBareTitleLabel, isTitleLabel } from '../title.js';
import { ACTION_PLAN, PRINCIPLE_HEADING, QUESTION_THRESHOLD, QUESTION_WORDS, STATEMENT_WORDS, leadingNumber, principleNumber, questionScore } from './wording.js';

/** Below this many template questions found, the document is not a self-assessment. */
export const MIN_QUESTIONS = 15;
/** Looser likeness for a question between two found neighbours. */
const GAP_THRESHOLD = 0.3;
/** A question's number printed with no stop after it, before the question's first word: "16 Are all staff …". */
const BARE_NUMBER = /^\s*(\d{1,2})\s+(?=\p{Lu})/u;

interface Form {
  /** Block index of each principle's heading (or of its statement where the heading is missing). */
  principles: Array<number | undefined>;
  /** The blocks its questions may be found in: from `from`, before `to`. */
  from: number;
  to: number;
  /** Principle headings printed early that say no more than the principle (running headers): no part of any answer. */
  early: number[];
}

/**
 * The form the answers are read from. A document may print the principles'
 * headings more than once: a contents list, an introduction quoting the
 * principles, a second self-assessment, the questions again in an appendix.
 * Each run of headings from a "Principle 1" is tried in turn, and the first
 * one whose span holds the template's questions is the form; failing all, the
 * questions are looked for with no headings at all. Also says where a later
 * run holding the questions again starts, if one does.
 */
export function chooseForm(blocks: readonly Block[]): { form: Form & { questionAt: Array<number | null> }; later: Provenance | null } {
  const headings = principleHeadings(blocks);
  let starts = runStarts(headings);
  let tried: Array<Form & { questionAt: Array<number | null> }>;
  for (;;) {
    tried = headingRuns(blocks, headings, starts).map((f) => ({ ...f, questionAt: alignQuestions(blocks, f) }));
    // Headings that open a run asking none of the questions before it again, with no title block of their own,
    // are words in an answer (a list of actions by principle, a cross-reference table), not another form: the
    // run before goes on through them. Not where this run has its Principle 1 and that one has none (the last row
    // of a table of the principles, on a page of its own before the form).
    const titled = (k: number) => {
      const [from, to] = [tried[k - 1]!.to, headings[starts[k]!]!.at];
      return Array.from({ length: to - from }, (_, d) => from + d).some((i) => titleBlockLabel(blocks, i));
    };
    const opens = (f: Form) => f.principles[0] !== undefined;
    const stray = tried.findIndex((f, k) => k > 0 && !asksAgain(tried[k - 1]!, f) && !titled(k) && (opens(tried[k - 1]!) || !opens(f)));
    if (stray < 0) break;
    starts = starts.filter((_, k) => k !== stray);
  }
  const found = (f: { questionAt: Array<number | null> }) => f.questionAt.filter((x) => x !== null).length;
  let index = tried.findIndex((f) => found(f) >= MIN_QUESTIONS);
  if (index < 0) {
    const headless = { principles: withStatements(blocks, new Array(12).fill(undefined), 0, blocks.length), from: 0, to: blocks.length, early: [] };
    tried.push({ ...headless, questionAt: alignQuestions(blocks, headless) });
    index = tried.reduce((best, f, i) => (found(f) > found(tried[best]!) ? i : best), 0);
  }
  const again = tried.slice(index + 1).find((f) => found(f) >= MIN_QUESTIONS);
  const first = again?.principles.find((x) => x !== undefined);
  return { form: tried[index]!, later: first === undefined ? null : blocks[first]!.provenance };
}

/** Each principle heading's number, by block index, leaving out lists of the principles. */
function principleHeadings(blocks: readonly Block[]): Array<{ at: number; n: number }> {
  const out: Array<{ at: number; n: number }> = [];
  blocks.forEach((b, i) => {
    if (b.kind === 'option') return;
    const m = PRINCIPLE_HEADING.exec(b.text.trim());
    if (!m) return;
    const n = principleNumber(m[1]!);
    if (n < 1 || n > 12) return;
    const rest = m[2]!;
    if (rest && b.kind !== 'heading' && likeness(STATEMENT_WORDS[n - 1]!, rest).score < 0.5 && rest.length > 60) return;
    out.push({ at: i, n });
  });
  // Three or more in a row a few blocks apart, numbered one after another, are a list of the principles (a
  // contents page, an introduction, an answer naming them), not headings with questions under them.
  const listed = new Set<number>();
  for (let i = 0; i < out.length; ) {
    let j = i;
    while (j + 1 < out.length && out[j + 1]!.n === out[j]!.n + 1 && out[j + 1]!.at - out[j]!.at <= 3) j++;
    if (j - i >= 2) for (let k = i; k <= j; k++) listed.add(k);
    i = j + 1;
  }
  return out.filter((_, k) => !listed.has(k));
}

/**
 * Where runs of principle headings may start, by index into `headings`.
 * A "Principle 1" starts a new run only where the next two headings go on
 * from it (two more within three numbers, rising): a sentence in an answer
 * that opens "Principle 1 …" does not. So does a heading numbered 2 or 3 where
 * the numbers go well back to it and rise after it, as when a second form's
 * "Principle 1" is worded past recognition. Within a run, a heading numbered
 * no higher than the last is passed over.
 */
function runStarts(headings: ReadonlyArray<{ at: number; n: number }>): number[] {
  const starts = [0];
  for (let i = 1; i + 2 < headings.length; i++) {
    const [before, one, two, three] = [headings[i - 1]!, headings[i]!, headings[i + 1]!, headings[i + 2]!];
    const restarts = one.n === 1 || (one.n <= 3 && before.n - one.n >= 3);
    if (restarts && two.n > one.n && three.n > two.n && three.n <= one.n + 3) starts.push(i);
  }
  return starts;
}

/**
 * Whether a run asks again questions the run before it asked, as a second
 * form (or the questions repeated) does; a run after one that asked none (an
 * introduction, a contents page) needs not.
 */
function asksAgain(before: { questionAt: Array<number | null> }, after: { questionAt: Array<number | null> }): boolean {
  const asked = before.questionAt.filter((at) => at !== null).length;
  const again = after.questionAt.filter((at, i) => at !== null && before.questionAt[i] !== null).length;
  return again >= Math.min(3, asked);
}

/** The runs of headings that `starts` (indexes into `headings`) open, each with the blocks it spans. */
function headingRuns(blocks: readonly Block[], headings: ReadonlyArray<{ at: number; n: number }>, starts: readonly number[]): Form[] {
  let from = 0;
  return starts.map((start, k) => {
    const next = starts[k + 1];
    const to = next === undefined ? blocks.length : formStart(blocks, headings[next]!, headings[next - 1]!.at);
    const { chosen: principles, early } = chooseHeadings(blocks, headings.slice(start, k + 1 < starts.length ? starts[k + 1] : headings.length));
    const form = { principles: withStatements(blocks, principles, from, to), from, to, early };
    // The next run's first principle may have questions before its heading, but none before this run's last one.
    from = Math.max(from, ...principles.filter((x): x is number => x !== undefined));
    return form;
  });
}

/**
 * Each principle's heading in a run: the first of its number after the one
 * before's. A heading is passed over where the next of its number stands
 * further on and what lies between asks none of its questions but a question
 * of an earlier principle (or, for Principle 1, no question at all): it was
 * printed early. A running header naming the principle that starts on the
 * page (Word's STYLEREF) stands above the end of the principle before, and
 * above the title block on the first page; an action plan listing actions by
 * principle ("Principle 4 - SPOC details to go on the website") stands before
 * the principles it names. Returns the headings and those passed over.
 */
function chooseHeadings(blocks: readonly Block[], run: ReadonlyArray<{ at: number; n: number }>): { chosen: Array<number | undefined>; early: number[] } {
  const early = new Set<number>();
  for (;;) {
    const chosen: Array<number | undefined> = new Array(12).fill(undefined);
    let last = 0;
    for (const h of run) {
      if (early.has(h.at) || h.n <= last) continue;
      chosen[h.n - 1] = h.at;
      last = h.n;
    }
    const premature = chosen.find((at, p) => {
      const again = at === undefined ? undefined : run.find((h) => h.n === p + 1 && h.at > at && !early.has(h.at));
      return again !== undefined && printedEarly(blocks, at!, again.at, p + 1);
    });
    // Only a header that says no more than the principle is left out of answers: a plan's "Principle 4 - SPOC
    // details to go on the website" is the plan's.
    if (premature === undefined) return { chosen, early: [...early].filter((at) => namesPrincipleOnly(blocks[at]!)) };
    early.add(premature);
  }
}

/** A heading that says no more than its principle: the number, then nothing or the principle's statement. */
function namesPrincipleOnly(b: Block): boolean {
  const m = PRINCIPLE_HEADING.exec(b.text.trim());
  const rest = m?.[2]?.trim();
  return !!m && (!rest || likeness(STATEMENT_WORDS[principleNumber(m[1]!) - 1]!, rest).score >= 0.5);
}

/** Each principle's last question, which asks for the areas where action is required. */
const CLOSING_QUESTIONS = PRINCIPLES.map((p) => QUESTIONS.findLast((q) => q.principle === p.number)!);

/**
 * Whether what stands between a heading of `principle` and the next asks none
 * of its questions, and a question of an earlier one or holds its action plan.
 */
function printedEarly(blocks: readonly Block[], from: number, to: number, principle: number): boolean {
  let earlier = false;
  for (let i = from + 1; i < to; i++) {
    const b = blocks[i]!;
    // An action plan before any of the principle's questions is an earlier principle's.
    if (b.kind !== 'option' && ACTION_PLAN.test(b.text.trim())) earlier = true;
    // The closing questions differ only in the principle they name.
    const named = /\bprinciple\s+(\d{1,2})\b/i.exec(b.text);
    let best: Question | null = null;
    let score = QUESTION_THRESHOLD;
    for (const q of QUESTIONS) {
      const s = q.principle <= principle ? questionScore(q, b) : 0;
      if (s >= score) [best, score] = [q, s];
    }
    if (!best) continue;
    const of = named && best === CLOSING_QUESTIONS[best.principle - 1] ? Number(named[1]) : best.principle;
    if (of === principle) return false;
    if (of < principle) earlier = true;
  }
  return earlier || principle === 1;
}

/**
 * Where the form whose run of headings opens with `heading` starts: at the
 * title block leading up to it; else, where more stands between them (a
 * paragraph on its scope, a screening question, its Principle 1 where the
 * run opens later), at the last title block after the heading before
 * (`after`); else at the heading.
 */
function formStart(blocks: readonly Block[], heading: { at: number; n: number }, after: number): number {
  const direct = preambleStart(blocks, heading.at);
  if (direct < heading.at) return direct;
  for (let i = heading.at - 1; i > after; i--) if (titleBlockLabel(blocks, i)) return preambleStart(blocks, i + 1);
  return heading.at;
}

/**
 * A title block label among others (a lone "Date" heading a column, or a
 * running header's one label, is not a title block), and not a sentence that
 * opens with one ("Senior Responsible Officer to review …").
 */
export function titleBlockLabel(blocks: readonly Block[], i: number): boolean {
  const at = blocks[i]!;
  if (!isTitleLabel(at) || (!isBareTitleLabel(at) && /[.!?;]\s*$/.test(at.text))) return false;
  return blocks.slice(Math.max(0, i - TITLE_BLOCK_REACH), i + TITLE_BLOCK_REACH + 1).some((b) => b !== at && isTitleLabel(b) && b.text !== at.text);
}

/** How far from one title block label the next may be: its value, a signature line, a blank cell between. */
const TITLE_BLOCK_REACH = 4;

/**
 * Where the form whose Principle 1 heading is at `heading` starts: at its
 * title block, where short lines with a title block label among them lead up
 * to the heading, else at the heading.
 */
function preambleStart(blocks: readonly Block[], heading: number): number {
  let labelled = heading;
  for (let i = heading - 1; i >= 0 && heading - i <= 20; i--) {
    const b = blocks[i]!;
    if (b.kind === 'option' || b.text.length > 120 || /[.!?;]$/.test(b.text.trim()) || ACTION_PLAN.test(b.text.trim())) break;
    if (isTitleLabel(b)) labelled = i;
  }
  // Headings may stand over the title block ("Part 2", the template's name).
  let start = labelled;
  while (start > labelled - 3 && start > 0 && isPreambleLine(blocks[start - 1]!)) start--;
  return start;
}

const PREAMBLE = /^(?:part|section|appendix|annex|schedule|assessment|surveillance camera code of practice|self[- ]assessment)\b/i;
const isPreambleLine = (b: Block) => b.kind === 'heading' || (b.kind !== 'option' && b.text.length <= 80 && PREAMBLE.test(b.text.trim()));

/** Where a principle's heading is missing, its statement printed between its neighbours stands for it. */
function withStatements(blocks: readonly Block[], at: Array<number | undefined>, from: number, to: number): Array<number | undefined> {
  for (let p = 0; p < 12; p++) {
    if (at[p] !== undefined) continue;
    const lo = Math.max(from - 1, ...at.slice(0, p).filter((x): x is number => x !== undefined));
    const hiCandidates = at.slice(p + 1).filter((x): x is number => x !== undefined);
    const hi = hiCandidates.length ? Math.min(...hiCandidates) : to;
    for (let i = lo + 1; i < hi; i++) {
      // A line that is a heading too ("Principle 3: There must be…") is not the form's where its run was passed over.
      const b = blocks[i]!;
      if (b.kind !== 'option' && !PRINCIPLE_HEADING.test(b.text.trim()) && likeness(STATEMENT_WORDS[p]!, b.text).score >= 0.8) {
        at[p] = i;
        break;
      }
    }
  }
  return at;
}

/**
 * A monotone alignment of questions to blocks maximising total likeness,
 * each question kept inside its principle's span where headings are known.
 */
function alignQuestions(blocks: readonly Block[], { principles, from, to }: Form): Array<number | null> {
  const span = (p: number): [number, number] => {
    const before = principles.slice(0, p).filter((x): x is number => x !== undefined);
    const after = principles.slice(p).filter((x): x is number => x !== undefined);
    return [before.length ? Math.max(...before) : from - 1, after.length ? Math.min(...after) : to];
  };
  const Q = QUESTIONS.length;
  const B = blocks.length;
  // The title block stands before the first principle heading found: "Senior Responsible Officer" among its labels
  // asks nothing, however like a question it reads. Further on it may be a question's row ("Senior Responsible
  // Officer | Yes"), a label beside it in the comments.
  const headed = principles.filter((x): x is number => x !== undefined);
  const titleEnd = headed.length ? Math.min(...headed) : -1;
  const scores: Array<Map<number, number>> = QUESTIONS.map((q) => {
    const [lo, hi] = span(q.principle);
    const m = new Map<number, number>();
    for (let b = lo + 1; b < hi; b++) {
      const s = questionScore(q, blocks[b]!);
      if (s >= QUESTION_THRESHOLD && !(b < titleEnd && titleBlockLabel(blocks, b))) m.set(b, s);
    }
    return m;
  });
  // best[q][j]: best total for questions < q using blocks < j.
  const best: Float64Array[] = Array.from({ length: Q + 1 }, () => new Float64Array(B + 1));
  const move: Uint8Array[] = Array.from({ length: Q + 1 }, () => new Uint8Array(B + 1));
  for (let q = 1; q <= Q; q++) {
    const row = best[q]!;
    const prev = best[q - 1]!;
    const mv = move[q]!;
    const sc = scores[q - 1]!;
    for (let j = 0; j <= B; j++) {
      let v = prev[j]!;
      let m = 1; // question q-1 not found
      if (j > 0 && row[j - 1]! > v) {
        v = row[j - 1]!;
        m = 2; // block j-1 unused
      }
      const s = j > 0 ? sc.get(j - 1) : undefined;
      if (s !== undefined && prev[j - 1]! + s > v) {
        v = prev[j - 1]! + s;
        m = 3; // question q-1 at block j-1
      }
      row[j] = v;
      mv[j] = m;
    }
  }
  const at: Array<number | null> = new Array(Q).fill(null);
  for (let q = Q, j = B; q > 0; ) {
    const m = move[q]![j];
    if (m === 3) {
      at[q - 1] = j - 1;
      q--;
      j--;
    } else if (m === 2) j--;
    else q--;
  }
  fillGaps(blocks, at, span);
  dropClosingLinesReadApart(blocks, at);
  dropSparseTail(at, principles);
  return at;
}

/**
 * A closing question's second line read apart from its first ("19. Have you identified any areas where action",
 * the boxes, then "is required to conform more fully with the requirements of Principle 4?") reads like the next
 * principle's closing question. Where it names the principle whose closing question stands just before it, it is
 * that question's, and asks nothing of its own.
 */
function dropClosingLinesReadApart(blocks: readonly Block[], at: Array<number | null>): void {
  QUESTIONS.forEach((q, i) => {
    const b = at[i];
    if (!q.actionQuestion || b === null || b === undefined) return;
    // Read apart, the line goes on mid-sentence; a question of its own opens with its number or a capital.
    const named = /^\s*\p{Ll}/u.test(blocks[b]!.text) ? /\bprinciple\s+(\d{1,2})\b/i.exec(blocks[b]!.text) : null;
    if (!named || Number(named[1]) === q.principle) return;
    const own = QUESTIONS.findIndex((o) => o.actionQuestion && o.principle === Number(named[1]));
    const first = own < 0 ? null : at[own];
    if (first !== null && first !== undefined && first < b && blocks.slice(first + 1, b).every((x) => x.kind === 'option')) at[i] = null;
  });
}

/**
 * Past the last principle the form heads, a principle is asked only where its
 * closing question ("Have you identified any areas where action is required …
 * Principle 9?") is found, or two thirds of its questions are, each principle
 * before it past that heading asked too: a form that goes on without printing
 * its headings asks its questions principle after principle. Questions found
 * otherwise are another document's (an appendix's checklist after a form that
 * stops early, worded like the template's).
 */
function dropSparseTail(at: Array<number | null>, principles: ReadonlyArray<number | undefined>): void {
  let last = 0;
  principles.forEach((x, p) => x !== undefined && (last = p + 1));
  if (last === 0) return;
  let goesOn = true;
  for (let p = last + 1; p <= 12; p++) {
    const own = QUESTIONS.flatMap((q, i) => (q.principle === p ? [i] : []));
    const closing = own.find((i) => QUESTIONS[i]!.actionQuestion);
    const found = own.filter((i) => at[i] !== null).length;
    goesOn &&= (closing !== undefined && at[closing] !== null) || found * 3 >= own.length * 2;
    if (!goesOn) for (const i of own) at[i] = null;
  }
}

/**
 * A question left out between two found neighbours may still be there,
 * reworded more heavily: a block in the gap ending in "?" that reads a little
 * like it, or, when it is the only question missing there and the only such
 * block, one that shares a word with it or carries its printed number; always
 * inside its principle's span.
 */
function fillGaps(blocks: readonly Block[], at: Array<number | null>, span: (principle: number) => [number, number]): void {
  // A question found here narrows the gap for the one before it, so the search goes on while it finds any.
  for (let filled = true; filled; ) filled = fillGapsOnce(blocks, at, span);
}

function fillGapsOnce(blocks: readonly Block[], at: Array<number | null>, span: (principle: number) => [number, number]): boolean {
  let filled = false;
  for (let qi = 0; qi < at.length; qi++) {
    if (at[qi] !== null) continue;
    const q = QUESTIONS[qi]!;
    const prevQ = at.slice(0, qi).findLastIndex((x) => x !== null);
    const nextQ = at.findIndex((x, i) => i > qi && x !== null);
    const [lo, hi] = span(q.principle);
    const prev = Math.max(lo, prevQ < 0 ? -1 : at[prevQ]!);
    const next = Math.min(hi, nextQ < 0 ? blocks.length : at[nextQ]!);
    const candidates: number[] = [];
    for (let b = prev + 1; b < next; b++) {
      const block = blocks[b]!;
      if (block.kind !== 'option' && block.text.includes('?') && !PRINCIPLE_HEADING.test(block.text)) candidates.push(b);
    }
    let bestBlock: number | null = null;
    let bestScore = GAP_THRESHOLD;
    for (const b of candidates) {
      const s = questionScore(q, blocks[b]!);
      if (s > bestScore) {
        bestScore = s;
        bestBlock = b;
      }
    }
    const onlyOneMissing = prevQ >= 0 && nextQ >= 0 && nextQ - prevQ === 2;
    if (bestBlock === null && onlyOneMissing && candidates.length === 1) {
      const block = blocks[candidates[0]!]!;
      const printed = leadingNumber(block.text) ?? Number(BARE_NUMBER.exec(block.text)?.[1] ?? NaN);
      const own = printed === q.number || printed === q.index;
      // A word in common is little to go on: not where the block is printed under another question's number, as one
      // the form asks out of the template's order.
      const shares = Number.isNaN(printed) && likeness(QUESTION_WORDS.get(q.id)!, block.text).recall >= 0.15;
      if (shares || own) bestBlock = candidates[0]!;
    }
    if (bestBlock !== null) {
      at[qi] = bestBlock;
      filled = true;
    }
  }
  return filled;
}
