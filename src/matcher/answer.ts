/**
 * A question's answer read from its region: ticked boxes, options struck
 * through or left standing, the organisation's own words, statements
 * elsewhere in the document. Where none of them says, the answer is missing
 * or ambiguous, with the reason.
 */
import type { Question } from '../catalogue.js';
import type { Block, Mark, OptionValue, Provenance } from '../document.js';
import { boxGlyphs, isUnreadableGlyph, optionRank, optionValue, ticksLabel } from '../options.js';
import type { ActionPlan, Answer, Evidence } from '../schema.js';
import type { Statement } from '../statements.js';
import { rightOfQuestion, sameRowBefore } from './rows.js';
import { OTHER_OPTION_WITH_MARK, openingChoice, trailingLabels, typedValue } from './typed-choices.js';
import { FOLLOW_ON, PLAN_POINTER, PROMPT, REFERENCE, endsAsQuestion, isGuidance, questionScore } from './wording.js';

const MARK_CONFIDENCE: Record<string, number> = {
  'form-field': 0.99,
  'content-control': 0.99,
  acroform: 0.97,
  symbol: 0.95,
  glyph: 0.95,
  vector: 0.9,
  'typed-mark': 0.85,
  'struck-option': 0.8,
  highlight: 0.8,
};

/** A mark that is a box's state: not a label struck through or highlighted. */
export const isBox = (mark: Mark | null | undefined) => !!mark && mark.source !== 'struck-option' && mark.source !== 'highlight';
const SOLE_OPTION_CONFIDENCE = 0.8;
const INFERRED_CONFIDENCE = 0.6;

/** Letters and digits only, lower case: for finding a printed phrase inside the template's wording. */
const lettersOnly = (text: string) => text.toLowerCase().replace(/[^\p{L}\d]+/gu, ' ').trim();

/**
 * The end of the question's own wording printed as a paragraph of its own
 * ("If so please explain.", "(If so please provide brief details)"), which
 * a table's layout can put after the answer beside it.
 */
function isQuestionTail(q: Question, text: string): boolean {
  return FOLLOW_ON.test(text.trim()) && lettersOnly(q.text).endsWith(lettersOnly(text));
}

/** The question's own number alone ("12", "Q12", "2.1" for principle 2's first): a table's reference cell, not an answer. */
function isOwnReference(q: Question, text: string): boolean {
  const m = /^\s*(?:q(?:uestion)?\.?\s*)?(\d{1,2})(?:\.(\d{1,2}))?[.)]?\s*$/i.exec(text);
  if (!m) return false;
  return m[2] === undefined ? Number(m[1]) === q.number : Number(m[1]) === q.principle && Number(m[2]) === q.index;
}

/**
 * A reference ("3.9", "Q12") printed left of where the question starts, on its
 * page: the row's reference cell, set level with the question's middle in a
 * row whose cells are centred, not a line of its answer.
 */
function referenceCellBeside(question: Block, b: Block): boolean {
  const [q, p] = [question.provenance, b.provenance];
  return q.x !== undefined && p.x !== undefined && p.page === q.page && p.x < q.x - 2 && REFERENCE.test(b.text.trim());
}

/**
 * Bullet characters a layout leaves at the start of list items (not box glyphs, which are marks): and a filled
 * square before words that are no option ("■ Operators attend"), where "■ Yes" is a ticked box.
 */
const BULLET = /^(?:[•◦▪▫●○‣⁃∙·\uF0B7\uF0A7\uF076\uF0D8]|■(?=\s+(?!(?:yes|no|n\/a)\b)))\s*/i;

/** A block's text as a line of an answer: trimmed, without a list bullet. */
function answerLine(b: Block): string {
  return b.text.trim().replace(BULLET, '');
}

export function regionText(region: readonly Block[]): { text: string | null; provenance: Provenance | null } {
  const parts = region.filter((b) => b.kind !== 'option' && !isGuidance(b.text));
  return { text: parts.length ? parts.map(answerLine).join('\n') : null, provenance: parts[0]?.provenance ?? null };
}

interface ChoiceReading {
  choice: OptionValue | null;
  status: Answer['status'];
  reason: string | null;
  confidence: number;
  evidence: Evidence;
}

const NO_EVIDENCE: Evidence = { kind: 'none', source: null, quote: null, provenance: null };

export function readAnswer(
  q: Question,
  questionBlock: Block | null,
  region: Block[],
  plan: ActionPlan,
  stated: Statement[],
  {
    boxesPrinted = false,
    boxesBefore = false,
    askedBefore = null,
    letters = false,
    twoColumns = false,
    deleted = true,
    numbers = [],
  }: { boxesPrinted?: boolean; boxesBefore?: boolean; askedBefore?: Block | null; letters?: boolean; twoColumns?: boolean; deleted?: boolean; numbers?: readonly Block[] } = {},
): Answer {
  const base = {
    id: q.id,
    principle: q.principle,
    index: q.index,
    number: q.number,
    question: q.text,
    printedQuestion: questionBlock?.text ?? null,
    type: q.type,
  };
  if (!questionBlock) {
    return {
      ...base,
      choice: null,
      text: null,
      status: 'missing',
      reason: 'question not found',
      confidence: 0,
      evidence: NO_EVIDENCE,
      provenance: { question: null, text: null },
    };
  }
  const matchConfidence = Math.min(1, 0.5 + questionScore(q, questionBlock) / 2);
  const sorted = sortRegion(q, questionBlock, withoutTrailingGuidance(region), letters);
  const { options, printed, typedChoices, textual, stray } = sorted;
  const references = numbers.filter((b) => b.provenance.page === questionBlock.provenance.page && isOwnReference(q, b.text));
  const { soleAllowed, soleDoubt } = soleOption(questionBlock, sorted, { boxesPrinted, boxesBefore, letters, twoColumns, deleted, references });

  let text = textual.length ? textual.map(answerLine).join('\n') : null;
  let textProvenance = textual[0]?.provenance ?? null;
  // The closing question with no boxes is answered by the plan, where its own cell is blank or only points to it.
  if (q.actionQuestion && q.type === 'open' && (!text || PLAN_POINTER.test(text))) {
    text = plan.text;
    textProvenance = plan.provenance;
  }

  if (q.type === 'open') {
    return {
      ...base,
      choice: null,
      text,
      status: text ? 'answered' : 'missing',
      reason: text ? null : 'no answer text',
      confidence: matchConfidence,
      evidence: NO_EVIDENCE,
      provenance: { question: questionBlock.provenance, text: textProvenance },
    };
  }
  const read = readChoice({ q, options, printed, typed: typedChoices, soleAllowed, soleDoubt, stray, text, textual, plan, stated, letters });
  const fromBoxes = read.evidence.kind === 'mark' || read.evidence.kind === 'sole-option' || read.status === 'ambiguous';
  const reading = askedBefore && fromBoxes ? ambiguous(`the boxes follow another question, "${askedBefore.text.trim()}", asked after this one's answer`, askedBefore) : read;
  return {
    ...base,
    choice: reading.choice,
    text,
    status: reading.status,
    reason: reading.reason,
    confidence: Math.round(reading.confidence * matchConfidence * 100) / 100,
    evidence: reading.evidence,
    provenance: { question: questionBlock.provenance, text: textProvenance },
  };
}

/** A Yes/No question's region sorted out: its options, the labels printed or typed, its words, stray box glyphs. */
interface SortedRegion {
  /** The region without guidance, prompts, the question's own reference or the end of its wording. */
  content: Block[];
  /** Option blocks, with or without a box. */
  options: Block[];
  /** Whether any option has a mark of any kind. */
  marked: boolean;
  /** Labels printed without boxes, as the template prints its options. */
  printed: Block[];
  /** A Yes or No the organisation typed or left standing. */
  typedChoices: Block[];
  /** The answer's words. */
  textual: Block[];
  /** Text blocks holding box glyphs that were not read as options. */
  stray: Block[];
}

/**
 * The blocks of an unmarked prompt, "Yes / No", that a narrow cell wrapped onto lines of its own ("Yes" over "/ No",
 * "Yes /" over "No"): the template's printing, not a "Yes" the organisation typed and a stray "/ No".
 */
function wrappedPrompts(content: readonly Block[]): Set<Block> {
  const parts = new Set<Block>();
  const unmarked = (b: Block | undefined) => (b && !b.option?.mark ? b.text.trim() : null);
  for (let start = 0; start < content.length; start++) {
    let joined = unmarked(content[start]);
    let last = start;
    // The longest: "Yes / No" over "/ N/A" is one prompt, not a prompt and an N/A.
    for (let end = start + 1; joined !== null && end < content.length && end - start < 3; end++) {
      const next = unmarked(content[end]);
      if (next === null) break;
      joined = `${joined} ${next}`;
      if (joined.includes('/') && PROMPT.test(joined)) last = end;
    }
    if (last > start) for (const b of content.slice(start, last + 1)) parts.add(b);
  }
  return parts;
}

function sortRegion(q: Question, questionBlock: Block, region: readonly Block[], letters: boolean): SortedRegion {
  const kept = region.filter(
    (b) =>
      b.kind === 'option' ||
      (!isGuidance(b.text) && !isOwnReference(q, b.text) && !referenceCellBeside(questionBlock, b) && !isQuestionTail(q, b.text) && !PROMPT.test(b.text.trim())),
  );
  const prompts = wrappedPrompts(kept);
  const content = kept.filter((b) => !prompts.has(b));
  const options = content.filter((b) => b.kind === 'option');
  // Labels printed without a box: at the end of the question's own line, as bare options, or on lines of their own.
  const unboxed =
    q.type === 'open'
      ? []
      : [...trailingLabels(questionBlock), ...content.filter((b) => (b.kind === 'option' ? !b.option?.mark && b.option?.value : typedValue(b.text, letters) !== null))];
  const split = splitLabels(unboxed, letters);
  const marked = options.some((o) => o.option?.mark);
  // Beside marked boxes, a "Yes" or "No" line naming an option that has no box is that option printed bare ("✓ Yes" over "No").
  const boxed = new Set(options.map((o) => o.option?.value));
  const siblings = marked ? split.typed.filter((b) => b.kind !== 'option' && ['yes', 'no'].includes(optionValue(b.text)!) && !boxed.has(optionValue(b.text))) : [];
  const printed = [...split.printed, ...siblings];
  const typed = split.typed.filter((b) => !siblings.includes(b));
  // A typed Yes or No is a choice; a typed N/A stays the answer's text (and, for the drone question, says N/A).
  // A bare option beside marked ones is just the unmarked one of the set.
  const typedChoices = typed.filter((b) => allows(q, typedValue(b.text, letters)) && typedValue(b.text, letters) !== 'na' && !(b.kind === 'option' && marked));
  const textual = content.filter((b) => b.kind !== 'option' && !printed.includes(b) && !typedChoices.includes(b));
  // Box glyphs left in the text, not read as options with their labels (a layout that parted them). Beside options
  // read ticked, only a text that is a label and its ticked box alone counts: ticks in the comments' words do not.
  // A ticked box in the question's own line is one the layout ran into it, beside its label or not.
  const stray = [
    ...(boxGlyphs(questionBlock.text).includes('checked') ? [questionBlock] : []),
    ...textual.filter((b) => (marked ? ticksLabel(b.text) : boxGlyphs(answerLine(b)).length > 0)),
  ];
  return { content, options, marked, printed, typedChoices, textual, stray };
}

/**
 * Whether a lone typed label may be read as the only option left standing, and where it may not for a reason worth
 * saying, that reason.
 */
function soleOption(
  questionBlock: Block,
  { content, marked, printed, typedChoices, textual, stray }: SortedRegion,
  { boxesPrinted, boxesBefore, letters, twoColumns, deleted, references }: { boxesPrinted: boolean; boxesBefore: boolean; letters: boolean; twoColumns: boolean; deleted: boolean; references: readonly Block[] },
): { soleAllowed: boolean; soleDoubt: string | null } {
  // An option left alone stands right under its question; anywhere else a lone "No" is not read as one. Nor is it
  // the option left standing where boxes were printed but not read with it, or where boxes with no label stand
  // right before the question (the rest of its row).
  const onQuestionLine = typedChoices.length === 1 && typedChoices[0]!.provenance === questionBlock.provenance;
  // The other option still printed, beside a mark that was not read as a box ("No 4": a tick whose font lost its
  // characters), is not gone: the one left is no choice.
  const sole = typedChoices.length === 1 ? typedValue(typedChoices[0]!.text, letters) : null;
  const otherLeft = textual.some((b) => {
    const m = OTHER_OPTION_WITH_MARK.exec(b.text.trim());
    return m !== null && optionValue(m[1]!) !== sole;
  });
  // Where the form answers in two columns (this year's and last year's), a choice alone may be in the other one.
  // So may a choice alone where the document leaves both options standing under most questions: a layout that moved
  // its labels apart (a table saved as text), not an organisation that deleted the option it did not choose.
  const soleDoubt =
    typedChoices.length !== 1
      ? null
      : twoColumns
        ? 'a choice stands alone, but the form answers in two columns (this year\'s and last year\'s, say): which one it is in cannot be told'
        : !deleted
          ? 'a choice stands alone, but most questions of the document leave both options standing, the boxes lost: the one here may have been parted from its other'
          : null;
  const soleAllowed =
    !soleDoubt &&
    !otherLeft &&
    !(boxesPrinted && onQuestionLine) &&
    !boxesBefore &&
    !marked &&
    stray.length === 0 &&
    printed.length === 0 &&
    typedChoices.length === 1 &&
    leadsRegion(typedChoices[0]!, content, questionBlock, references);
  return { soleAllowed, soleDoubt };
}

/** The form's guidance under a question: "Guidance: …", "Examples of evidence: …", "Things to consider:". */
const FORM_GUIDANCE = /^\W*(?:guidance|things to consider|consider|examples? of evidence)\b[^:]{0,40}:/i;

/**
 * The form's guidance for the next question left at the end of a region: "Things to consider:" (or "Guidance:")
 * on a line of its own, then only the questions it puts to the reader, none of it the organisation's answer.
 */
function withoutTrailingGuidance(region: Block[]): Block[] {
  const opens = (b: Block) => b.kind !== 'option' && /^\W*(?:guidance|things to consider)\b[^:]{0,40}:\s*$/i.test(b.text.trim());
  const at = region.findIndex((b, i) => opens(b) && i + 1 < region.length && region.slice(i + 1).every((c) => c.kind !== 'option' && endsAsQuestion(c.text)));
  return at < 0 ? region : region.slice(0, at);
}

/**
 * Whether a block is the first thing under the question (or on the question's own line), but for the form's
 * guidance before it and the prompts a line of guidance introduces.
 */
function leadsRegion(b: Block, content: readonly Block[], question: Block, references: readonly Block[]): boolean {
  if (b.provenance === question.provenance) return true;
  const at = content.indexOf(b);
  if (at < 0) return false;
  // Beside the question in a response column, level with the question's own number, after only the cells of columns
  // further right: a comment centred in the row starts higher than the choice when it runs to more lines. Without
  // the number level with it, the choice may be the next row's, set at the top of its cell.
  const before = content.slice(0, at);
  const x = (c: Block) => c.provenance.x ?? -Infinity;
  const onOwnRow = references.some((r) => sameRowBefore(r, b));
  if (onOwnRow && rightOfQuestion(question, b) && before.every((c) => rightOfQuestion(question, c) && x(c) > x(b))) return true;
  let introduced = false;
  for (const c of before) {
    if (c.kind !== 'option' && FORM_GUIDANCE.test(c.text)) introduced = /:\s*$/.test(c.text);
    else if (!(introduced && c.kind !== 'option' && (c.kind === 'listItem' || /^\s*[•●▪◦‣∙·*\-–\uF0B7\uF0A7]/.test(c.text) || endsAsQuestion(c.text)))) return false;
  }
  return true;
}

/**
 * Label lines under a question: the first "Yes", "No" (, "N/A") in the
 * template's order are its printed options when both Yes and No are there;
 * any other label line is a word the organisation typed or left.
 */
function splitLabels(labels: readonly Block[], letters: boolean): { printed: Block[]; typed: Block[] } {
  const printed: Block[] = [];
  for (const b of labels) {
    const v = typedValue(b.text, letters);
    const lastIndex = printed.length ? optionRank(typedValue(printed[printed.length - 1]!.text, letters)) : -1;
    if (optionRank(v) > lastIndex && printed.length === labels.indexOf(b)) printed.push(b);
  }
  const values = new Set(printed.map((b) => typedValue(b.text, letters)));
  if (!(values.has('yes') && values.has('no'))) return { printed: [], typed: [...labels] };
  return { printed, typed: labels.filter((b) => !printed.includes(b)) };
}

function allows(q: Question, v: OptionValue | null): boolean {
  return v !== null && q.type !== 'open' && (v !== 'na' || q.type === 'yesno-na-text');
}

/** What a Yes/No question's region holds, sorted out by readAnswer. */
interface Parts {
  q: Question;
  /** Option blocks, with or without a box. */
  options: readonly Block[];
  /** Labels printed without boxes, as the template prints its options. */
  printed: readonly Block[];
  /** A Yes or No the organisation typed or left standing. */
  typed: readonly Block[];
  /** Whether a lone typed label may be read as the only option left. */
  soleAllowed: boolean;
  /** Why a lone typed label cannot be the only option left, where that is worth saying. */
  soleDoubt: string | null;
  /** Text blocks holding box glyphs that were not read as options. */
  stray: readonly Block[];
  text: string | null;
  textual: readonly Block[];
  plan: ActionPlan;
  /** Statements elsewhere in the document about this question's choice. */
  stated: readonly Statement[];
  /** Whether a capital Y or N answers (see lettersAnswer). */
  letters: boolean;
}

function readChoice(parts: Parts): ChoiceReading {
  const { q, options, printed } = parts;
  const allowed = (v: OptionValue | null) => allows(q, v);
  const checked = options.filter((o) => o.option?.mark?.state === 'checked');
  const checkedValues = new Set(checked.map((o) => o.option!.value));

  // Two "Yes" boxes under one question means another question's boxes are mixed in: trust neither.
  const values = options.map((o) => o.option?.value).filter((v) => v !== null && v !== undefined);
  if (new Set(values).size < values.length) return ambiguous('boxes of more than one question found here', options[0]!);

  // A box whose file records one state and shows the other: what the organisation meant cannot be told.
  const conflicting = options.find((o) => o.option?.mark?.state === 'conflicting');
  if (conflicting) return ambiguous('a box shows one state and its file records the other', conflicting);

  // 1. Ticked boxes.
  let fromMarks: ChoiceReading | null = null;
  if (checked.length > 0) {
    if (checkedValues.has(null)) {
      return ambiguous('a ticked box has no readable label', checked[0]!);
    }
    if (checkedValues.size > 1) {
      const sources = new Set(checked.map((o) => o.option!.mark!.source));
      const what =
        sources.size === 1 && sources.has('highlight')
          ? ['both options highlighted', 'more than one option highlighted']
          : sources.has('typed-mark')
            ? ['both options marked', 'more than one option marked']
            : ['both boxes ticked', 'more than one box ticked'];
      return ambiguous(checkedValues.size === 2 ? what[0]! : what[1]!, checked[0]!);
    }
    const o = checked[0]!;
    const value = o.option!.value!;
    if (!allowed(value)) return ambiguous(`"${o.text}" ticked, which this question does not offer`, o);
    // Another box that could be ticked too, for all that can be read of it.
    const unread = options.find((x) => x !== o && x.option?.mark?.state === 'unknown');
    if (unread) return ambiguous('a box beside the ticked one cannot be read', unread);
    fromMarks = {
      choice: value,
      status: 'answered',
      reason: null,
      confidence: MARK_CONFIDENCE[o.option!.mark!.source] ?? 0.8,
      evidence: { kind: 'mark', source: o.option!.mark!.source, quote: o.text, provenance: o.provenance },
    };
  } else {
    // 2. Every option struck through but one. Where the options have boxes, a struck label says nothing of
    //    its box (a checklist strikes the item it ticks).
    const struck = options.filter((o) => o.option?.mark?.source === 'struck-option');
    const left = options.filter((o) => !struck.includes(o) && allowed(o.option?.value ?? null));
    const boxed = options.some((o) => isBox(o.option?.mark));
    if (struck.length > 0 && left.length === 1 && !boxed) {
      const o = left[0]!;
      fromMarks = {
        choice: o.option!.value,
        status: 'answered',
        reason: null,
        confidence: MARK_CONFIDENCE['struck-option']!,
        evidence: { kind: 'sole-option', source: 'struck-option', quote: o.text, provenance: o.provenance },
      };
    }
  }

  // 3. The organisation's own words: a lone option left printed or typed, N/A for the drone question,
  //    a statement elsewhere, or an action plan that starts "Yes -"/"No -".
  const words = wordsReading(parts, allowed);
  if (fromMarks && words && words.choice !== fromMarks.choice) {
    return {
      choice: null,
      status: 'ambiguous',
      reason: `ticked box says ${fromMarks.choice} but ${words.choice === null ? words.reason : `the text says ${words.choice}`}`,
      confidence: 0.9,
      evidence: { ...NO_EVIDENCE, quote: words.evidence.quote, provenance: words.evidence.provenance },
    };
  }
  // A ticked box left in the answer's text, not read with the options: it may be another option's.
  const ticked = parts.stray.find((b) => boxGlyphs(b.text).includes('checked'));
  if (ticked) return ambiguous('a ticked box could not be read with its label', ticked);
  if (fromMarks) return fromMarks;
  if (words) return words;
  const na = notOffered(parts);
  if (na) return na;

  const unknown = options.filter((o) => o.option?.mark?.state === 'unknown');
  const reason = unknown.some((o) => o.option!.mark!.source === 'placeholder')
    ? 'checkbox state not present in this format'
    : unknown.some((o) => isUnreadableGlyph(o.option!.mark!))
      ? 'boxes printed in a font that maps them to no character: their state cannot be read'
      : unknown.length > 0
        ? `the boxes' state cannot be read: ${unknown[0]!.option!.mark!.detail ?? 'not recorded'}`
        : [...options, ...printed].length > 0 && [...options, ...printed].every((b) => b.unshown)
          ? 'its options are read from text printed invisible (an OCR layer over a scan): whether a box is ticked is not read'
          : options.length > 0 || printed.length > 0
        ? 'no box ticked'
        : (parts.soleDoubt ?? 'no Yes/No options found');
  return { choice: null, status: 'missing', reason, confidence: 0.9, evidence: NO_EVIDENCE };
}

/**
 * "N/A" given as the answer, alone or opening it, to a question that offers no N/A: neither of its options, so
 * missing, but saying why. Not where a box is ticked, nor where the boxes' state is lost: there "N/A" in the
 * comments may say there is nothing to add.
 */
function notOffered({ q, text, letters, options }: Parts): ChoiceReading | null {
  // Boxes whose state was lost may hold the answer, the N/A a comment beside it.
  if (q.type === 'yesno-na-text' || q.type === 'open' || !text || options.some((o) => o.option?.mark?.state === 'unknown')) return null;
  const first = text.split('\n')[0]!.trim();
  const said = /^(n\/?a|not applicable)\.?$/i.test(first) ? first : openingChoice(text, letters)?.value === 'na' ? first : null;
  if (said === null) return null;
  return {
    choice: null,
    status: 'missing',
    reason: 'answered N/A, which this question does not offer',
    confidence: 0.9,
    evidence: { ...NO_EVIDENCE, quote: said, provenance: null },
  };
}

/**
 * An opening choice its own sentence takes back ("Yes - previously, but no longer") or makes a part of one at once
 * ("Yes, partially"): undecided, not read.
 */
function takenBack(opening: { line: string; takenBack: string | null; partly: string | null }, provenance: Provenance | null): ChoiceReading | null {
  if (!opening.takenBack && !opening.partly) return null;
  return {
    choice: null,
    status: 'ambiguous',
    reason: opening.takenBack
      ? `the answer opens with a choice and goes on to say it holds no more ("${opening.takenBack}")`
      : `the answer opens with a choice and says at once it holds in part ("${opening.partly}")`,
    confidence: 0.9,
    evidence: { ...NO_EVIDENCE, quote: opening.line, provenance },
  };
}

function ambiguous(reason: string, o: Block): ChoiceReading {
  return {
    choice: null,
    status: 'ambiguous',
    reason,
    confidence: 0.9,
    evidence: { kind: 'none', source: null, quote: null, provenance: o.provenance },
  };
}

/** An action plan set out as a table, its number column headed "No." ("No." | "Action" | "Owner"): no answer. */
const PLAN_TABLE_HEADING =
  /^(?:no\.?|#)[ \t]*\n[ \t]*(?:actions?|issues?|areas?|description|details?|tasks?|items?|recommendations?|findings?|improvements?)(?:[ \t]+\S+){0,4}[ \t]*\n[ \t]*[^\n]{1,25}\n/i;

/** An answer that is neither Yes nor No: "Partially", "Partly", "In part". */
const PARTLY = /^(?:partially|partly|in part|partial(?:ly)?\s+(?:met|compliant))\.?$/i;

function wordsReading(parts: Parts, allowed: (v: OptionValue | null) => boolean): ChoiceReading | null {
  const { q, options, printed, typed, soleAllowed, text, textual, plan, stated, letters } = parts;
  // Words that may not be on the page as shown say nothing.
  if ([...textual, ...typed].some((b) => b.unshown)) return null;
  const printedOptions = options.length + printed.length;
  const inferred = (value: OptionValue, quote: string, provenance: Provenance | null, confidence = INFERRED_CONFIDENCE): ChoiceReading => ({
    choice: value,
    status: 'answered',
    reason: 'choice read from the organisation\'s words',
    confidence,
    evidence: { kind: 'inferred', source: null, quote, provenance },
  });
  if (typed.length === 1) {
    const b = typed[0]!;
    const value = typedValue(b.text, letters)!;
    // With the boxes printed too, a typed word is the organisation's answer; alone, it is the option they kept.
    // A bare option block is printed, not typed: it can only be the option left standing.
    const typedAnswer = printedOptions > 0 && b.kind !== 'option';
    if (!typedAnswer && !soleAllowed) return null;
    // "Partially" beside it, alone in a cell or on a line: the answer is neither Yes nor No throughout.
    const partly = textual.find((t) => PARTLY.test(t.text.trim()));
    if (partly)
      return {
        choice: null,
        status: 'ambiguous',
        reason: `answered both "${b.text.trim()}" and "${partly.text.trim()}"`,
        confidence: 0.9,
        evidence: { ...NO_EVIDENCE, quote: partly.text.trim(), provenance: partly.provenance },
      };
    if (typedAnswer) return inferred(value, b.text, b.provenance);
    return {
      choice: value,
      status: 'answered',
      reason: null,
      confidence: SOLE_OPTION_CONFIDENCE,
      evidence: { kind: 'sole-option', source: null, quote: b.text, provenance: b.provenance },
    };
  }
  // "N/A" on a line of its own opening the answer (typed beside the boxes, as the answer, or before a reason).
  if (q.type === 'yesno-na-text' && text && /^(n\/?a|not applicable)\.?$/i.test(text.split('\n')[0]!.trim())) {
    return inferred('na', text.split('\n')[0]!.trim(), textual[0]?.provenance ?? null);
  }
  // An answer that opens with the choice itself: "Yes - the policy is on the intranet."
  const opening = text ? openingChoice(text, letters) : null;
  if (opening && allowed(opening.value)) return takenBack(opening, textual[0]?.provenance ?? null) ?? inferred(opening.value, opening.line, textual[0]?.provenance ?? null);
  // A statement elsewhere never fills in boxes left blank on the page: it counts against a ticked box, or
  // stands in where the format lost the boxes' state.
  const blank = options.some((o) => o.option?.mark?.state === 'unchecked') && !options.some((o) => o.option?.mark?.state === 'checked');
  const said = new Set(stated.map((s) => s.value).filter(allowed));
  if (said.size === 1 && !blank) {
    const s = stated.find((x) => allowed(x.value))!;
    return inferred(s.value, s.quote, s.provenance);
  }
  if (q.actionQuestion && plan.text && !PLAN_TABLE_HEADING.test(plan.text.trim())) {
    const m = openingChoice(plan.text.trim(), letters);
    if (m && allowed(m.value)) return takenBack(m, plan.provenance) ?? inferred(m.value, m.line, plan.provenance);
  }
  return null;
}
