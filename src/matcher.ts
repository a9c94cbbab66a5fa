/**
 * Lines the blocks of a normalised document up with the template's 75
 * questions, in document order, and reads each answer. Format-blind: it sees
 * blocks, options and marks, never where they came from.
 */
import { PRINCIPLES, QUESTIONS, TEMPLATE_GUIDANCE, type Question } from './catalogue.js';
import type { Block, Diagnostic, Mark, NormalisedDocument, OptionValue, Provenance } from './document.js';
import { ExtractError } from './errors.js';
import { boxGlyphs, isUnreadableGlyph, optionRank, optionValue, ticksLabel } from './options.js';
import { bareNumber, isPageLabel, pageNumbersInSequence, type BareNumber } from './page-numbers.js';
import type { ActionPlan, Answer, Evidence, Organisation } from './schema.js';
import { contentWords, likeness } from './similarity.js';
import { findStatements, type Statement } from './statements.js';
import { isBareTitleLabel, isTitleLabel, readTitleBlock } from './title.js';

export interface MatchResult {
  organisation: Organisation;
  answers: Answer[];
  actionPlans: ActionPlan[];
  diagnostics: Diagnostic[];
}

/** Below this many template questions found, the document is not a self-assessment. */
const MIN_QUESTIONS = 15;
/** Likeness a block needs to be taken for a question. */
const QUESTION_THRESHOLD = 0.5;
/** Looser likeness for a question between two found neighbours. */
const GAP_THRESHOLD = 0.3;

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
const isBox = (mark: Mark | null | undefined) => !!mark && mark.source !== 'struck-option' && mark.source !== 'highlight';
const SOLE_OPTION_CONFIDENCE = 0.8;
const INFERRED_CONFIDENCE = 0.6;

const NUMBER_WORDS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];
const PRINCIPLE_HEADING = new RegExp(`^(?:guiding\\s+)?principle\\s+(\\d{1,2}|${NUMBER_WORDS.join('|')})\\b\\s*[:.\\-–—]?\\s*(.*)$`, 'i');

function principleNumber(word: string): number {
  const n = NUMBER_WORDS.indexOf(word.toLowerCase());
  return n >= 0 ? n + 1 : Number(word);
}
/** "Action Plan", or "Action Plan – Principle 2" naming its principle, and what follows on its line. */
const ACTION_PLAN = /^action\s*plan\b[\s:.\-–—]*(?:(?:for\s+)?principle\s+\d{1,2}\b[\s:.\-–—]*)?(\S.*)?$/i;
const PROTECTIVE_MARKING = /^(official(\s*[-–:]?\s*sensitive)?|not protectively marked|unclassified|restricted|protect)$/i;
const TEMPLATE_HEADER = /^(surveillance camera code of practice\s*[-–:]?\s*)?self[- ]assessment tool$/i;
const NIL_ANSWER = /^(n\/?a|nil|none|not applicable)\.?$/i;
const THEMATIC = /^([-*_=]\s*){3,}$/;
/** A table's column headings, which a layout repeats at the top of every page the table runs onto. */
const COLUMN_HEADINGS = /^((ref(erence)?|number|question|response|answer|comments?|evidence|yes\s*\/\s*no|y\s*\/\s*n)\s*(?:(?:[\/&,]|and)\s*)?){1,5}$/i;
/**
 * A text that opens with a choice, set off by punctuation ("Yes -", "No,", "N/A:", "Yes (…)"). "No." before a figure or
 * "of" is the abbreviation of "number" ("No. 12 Market Street", "No. of cameras"), not an answer; nor are the words
 * "No" makes with a hyphen ("No-one", "No-go", "No-notice" audits, "No-fly zones"). "No-see action plan" is typed
 * tightly. A bracket holding nothing or a mark is a box typed after the option ("Yes ( )  No (x)"), not a remark.
 * "N/A" is no word of a sentence, so a space sets it off as well ("N/A We do not operate drones", where a tab
 * stood between them).
 */
const LEADING_CHOICE =
  /^(yes|no|n\/a)(?:\s*[–—:,;]|\s*\((?!\s*[xX✓✔]?\s*\))|\s*-(?!(?:one|go|notice|fly|drone|entry|cost|claims?|blame|fault|parking|smoking|waiting|stopping|deal|show|win|nonsense)\b)|\s*\.(?!\s*(?:\d|of\b))|(?<=\/a)\s)\s*(\S+)/i;
/** An option's label with a character or two that are not words beside it: a mark the parser could not read. */
const OTHER_OPTION_WITH_MARK = /^(yes|no|n\/a)\s*[\p{N}\p{S}\p{Co}\uFFFD]{1,2}$/iu;
/** "Y" or "N" opening a text, set off by a spaced dash or a bracket ("Y - reviewed in May", "N (not used)"). */
const LEADING_LETTER = /^([YN])(?:\s+[-–—]|\s*\()\s*(\S+)/;
/**
 * "Y" or "N" typed as the whole answer, as a form with a "Y/N" column is filled in. Capitals only: a lower-case
 * letter on its own is more often a list's label than an answer.
 */
const LETTER_CHOICE = /^([YN])\.?$/;

/** A capital Y or N alone in a cell or on a line, which may or may not answer (see lettersAnswer). */
const isLetter = (b: Block) => b.kind !== 'option' && LETTER_CHOICE.test(b.text.trim());
/** A cell or line holding a choice alone: boxes, a label, or a letter. */
const isChoiceCell = (b: Block) => b.kind === 'option' || optionValue(b.text) !== null || isLetter(b);

/** A column naming what its Y or N says ("Evidence held (Y/N)", "Changed? [Y/N]", "Evidence held Y/N"), not the answer's. */
const LETTER_COLUMN = /\b(?!(?:answer|response)\b)[a-z]+\??\s*(?:[([]\s*)?y\s*\/\s*n\b/i;

/** The option a text names: a label ("Yes", "N/A"), or, where letters answer, a capital Y or N standing for one. */
function typedValue(text: string, letters: boolean): OptionValue | null {
  const letter = letters ? LETTER_CHOICE.exec(text.trim()) : null;
  return letter ? (letter[1] === 'Y' ? 'yes' : 'no') : optionValue(text);
}

/** A column heading that says its cells hold a Y or an N: "Y/N", "(Y/N)", "Answer (Y/N)". */
const LETTERS_HEADING = /^(?:(?:answer|response)\s*)?\(?\s*y\s*\/\s*n\s*\)?:?$/i;

/**
 * Whether a capital Y or N standing alone answers the form's questions: only where the document says so, by a
 * column headed "Y/N" or by answers (two or more) opening with a Yes or No in words where others open with a letter; and not
 * in a document with a column that names what its letters say, nor where some question's answer holds a letter
 * beside a Yes or No in words or boxes, or beside another letter: the letters are then another column's, saying
 * something else. "N/A" beside a letter says nothing of it.
 */
function lettersAnswer(blocks: readonly Block[], regions: ReadonlyArray<readonly Block[]>): boolean {
  if (blocks.some((b) => LETTER_COLUMN.test(b.text))) return false;
  const inWords = (b: Block | undefined) => b !== undefined && b.kind !== 'option' && /^(yes|no)$/i.test(LEADING_CHOICE.exec(b.text)?.[1] ?? optionValue(b.text) ?? '');
  // "No." alone is as often the number column's title, repeated over a table.
  const word = (b: Block) => b.kind === 'option' || (!/^no\.$/i.test(b.text.trim()) && inWords(b));
  if (regions.some((region) => region.filter(isLetter).length >= 2 || (region.some(isLetter) && region.some(word)))) return false;
  const openedInWords = regions.filter((region) => inWords(region[0])).length;
  return blocks.some((b) => LETTERS_HEADING.test(b.text.trim())) || openedInWords >= 2;
}

/** What the template tells the reader to do, not what an organisation answers: "tick N/A if …", "leave it blank". */
const INSTRUCTION = /^(?:tick|select|choose|leave|delete|circle|please|go to|list|give|state|provide|describe|specify|enter)\b/i;
/** The same, anywhere in a case's sentence: "No – if …, record this in the action plan". */
const INSTRUCTION_IN_CASE = /\b(?:tick|select|choose|leave|delete|circle|record this|enter|complete|explain|give details|provide details)\b/i;
/** A case a rule opens with: "No – if the system is not jointly owned, leave this question blank". */
const CASE = /^(?:if|unless|where|when)\b/i;
/** A choice opening a sentence or a line, for a text that goes through the options one by one. */
const CHOICE_OPENING = /(?:^|[.;,]\s+|\n\s*)(yes|no|n\/a)\s*[-–—:]/gi;
/** A choice followed by the form's question about it, and perhaps a line to write on: "No – why not? ……", "No - if not, why not?". */
const ASKS_AFTER_CHOICE =
  /^(?:yes|no|n\/a)\W+(?:if (?:so|not|yes|no)\W+)?(?:(?:please|explain|give|state|say|describe)\s+)?(?:why|which|what|when|where|who|whom|whose|how|please)\b[^?]*\?[\s.…_)-]*(?:\([^)]*\)[\s.…_-]*)?$/i;

/**
 * The choice a text opens with ("Yes - the policy is on the intranet", "Yes – where possible, …"), unless the
 * text is guidance: going through the options ("Yes – if the DPIA was reviewed … No – if it was not"), or
 * telling the reader what to do ("N/A: tick N/A if …", "No – if …, leave this question blank").
 */
function openingChoice(text: string, letters: boolean): { value: OptionValue; line: string } | null {
  const m = LEADING_CHOICE.exec(text) ?? (letters ? LEADING_LETTER.exec(text) : null);
  const value = m ? typedValue(m[1]!, letters) : null;
  if (!value) return null;
  // "N/A" set off by a space alone opens an answer only before a new sentence, not the template's "N/A if …".
  if (/^\s+$/.test(m![0].slice(m![1]!.length, m![0].length - m![2]!.length)) && (!/^\p{Lu}/u.test(m![2]!) || CONDITION_WORD.test(m![2]!))) return null;
  const sentence = text.slice(m![0].length - m![2]!.length).split(/[.\n]/)[0]!;
  if (INSTRUCTION.test(sentence) || (CASE.test(m![2]!) && INSTRUCTION_IN_CASE.test(sentence))) return null;
  const values = new Set([...text.matchAll(CHOICE_OPENING)].map((o) => optionValue(o[1]!)));
  const line = text.split('\n')[0]!;
  // A line ending in a colon asks for what follows ("Yes - please give the date of the last review:"), and so does
  // one that goes on with a question of the form's ("No – why not?", "Yes – which staff groups?").
  return values.size > 1 || /:\s*$/.test(line) || ASKS_AFTER_CHOICE.test(line) ? null : { value, line };
}

/** Words that open the template's guidance on when to choose an option, not an answer. */
const CONDITION_WORD = /^(?:if|where|when|whenever|unless|otherwise|only|tick|select|choose|delete|enter)\b/i;

const QUESTION_WORDS = new Map(QUESTIONS.map((q) => [q.id, contentWords(q.text)]));
const STATEMENT_WORDS = PRINCIPLES.map((p) => contentWords(p.statement));
const GUIDANCE_WORDS = TEMPLATE_GUIDANCE.map((g) => contentWords(g));

/**
 * Why a document's text is no text, or null: hardly any of it Latin letters, as where a font maps its glyphs to
 * their codes or to the wrong characters (a print driver's or an optimiser's subset with its map dropped).
 */
function unreadableText(blocks: readonly Block[]): string | null {
  let chars = 0;
  let latin = 0;
  for (const b of blocks)
    for (const c of b.text) {
      if (/\s/.test(c)) continue;
      chars++;
      if (/[A-Za-z\u00C0-\u024F]/.test(c)) latin++;
    }
  return chars >= 200 && latin < 0.4 * chars ? `${latin} of its ${chars} characters are letters (a font that maps its glyphs to no characters, or the wrong ones)` : null;
}

export function match(doc: NormalisedDocument): MatchResult {
  const content = keepContent(doc.blocks);
  const { form, later } = chooseForm(content);
  const { principles } = form;
  const found = form.questionAt.filter((x) => x !== null).length;
  const principleCount = principles.filter((x) => x !== undefined).length;
  if (found < MIN_QUESTIONS) {
    const unreadable = unreadableText(doc.blocks);
    if (unreadable) throw new ExtractError('needs-ocr', `its text cannot be read: ${unreadable}; it needs OCR`);
    throw new ExtractError(
      'not-self-assessment',
      `not a self-assessment: found ${found} of 75 template questions and ${principleCount} of 12 principle headings`,
    );
  }
  // What follows the form is another one (or the questions again): none of its answers are this form's.
  const blocks = content.slice(0, form.to);
  const early = new Set(form.early.map((i) => blocks[i]!));
  const answering = (b: Block) => !early.has(b);
  const questionAt = carriedOn(form.questionAt, blocks);
  const diagnostics = [...doc.diagnostics];
  if (later)
    diagnostics.push({
      code: 'another-assessment',
      message: `the template's principles and questions start again here (another self-assessment, or the questions repeated); only the first set is read`,
      provenance: later,
    });
  const firstAnchor = Math.min(...principles.filter((x): x is number => x !== undefined), ...questionAt.filter((x): x is number => x !== null));
  const organisation = readTitleBlock(blocks, firstAnchor);

  // A question's first line may sit in the block before the one that matched, and boxes printed
  // to its left on its row come before it in reading order: both belong to the question.
  const matched = new Set(questionAt.filter((at): at is number => at !== null));
  const heads = questionAt.map((at, i) => (at === null ? 0 : wrappedHead(QUESTIONS[i]!, blocks, at, matched)));
  const responseFirst = responseFirstTables(doc.blocks);
  const leading = questionAt.map((at, i) => (at === null ? 0 : rowCellsBefore(blocks, at - heads[i]!, responseFirst, matched)));
  const questionStarts = questionAt.map((at, i) => (at === null ? null : at - heads[i]! - leading[i]!));
  const boundaries = new Set<number>([...principles.filter((x): x is number => x !== undefined), ...questionStarts.filter((x): x is number => x !== null)]);
  const actionAt = findActionPlans(blocks, principles, questionAt, boundaries);
  for (const a of actionAt) if (a !== undefined) boundaries.add(a);
  // A page with nothing read from it (a scanned page) between two blocks: what follows it answers nothing before it.
  for (let i = 1; i < blocks.length; i++) {
    const before = blocks[i - 1]!.provenance.page;
    const page = blocks[i]!.provenance.page;
    if (before !== undefined && page !== undefined && page - before >= 2) boundaries.add(i);
  }

  const actionPlans: ActionPlan[] = PRINCIPLES.map((p, i) => {
    const at = actionAt[i];
    if (at === undefined) return { principle: p.number, text: null, provenance: null };
    const inline = ACTION_PLAN.exec(blocks[at]!.text)?.[1]?.trim();
    const body = regionText(blocks.slice(at + 1, nextBoundary(boundaries, at, blocks.length)).filter(answering));
    const text = [inline, body.text].filter((t): t is string => !!t).join('\n') || null;
    return { principle: p.number, text, provenance: inline ? blocks[at]!.provenance : body.provenance };
  });

  const statements = blocks.flatMap((b) => (b.kind === 'option' || b.unshown ? [] : findStatements(b.text, b.provenance)));
  // In a document whose options carry boxes, a label ending a question's line with no box is not an option the
  // organisation kept: its box was parted from it (a wrapped line, a column the layout split).
  const boxesPrinted = blocks.some((b) => b.kind === 'option' && isBox(b.option?.mark));
  // Statements cite questions by the numbers printed in this document, which may not be the template's.
  const printedNumbers = questionAt.map((at) => (at === null ? null : leadingNumber(blocks[at]!.text)));
  // Numbered afresh in each principle ("3.2"), a bare "question 9" cannot be placed.
  const perPrinciple = questionAt.filter((at) => at !== null && /^\s*\d{1,2}\.\d{1,2}(?!\d)/.test(blocks[at]!.text)).length > found / 2;
  const regions = QUESTIONS.map((q, qi) => {
    const at = questionAt[qi] ?? null;
    if (at === null) return null;
    const question = questionBlock(q, blocks, at, heads[qi]!, boundaries);
    const start = at - heads[qi]! - leading[qi]!;
    const before = blocks.slice(start, at - heads[qi]!).filter(isChoiceCell);
    const between = blocks.slice(at - heads[qi]! + 1, at);
    const last = questionAt.every((x) => x === null || x <= at);
    const { after, askedBefore } = untilOtherQuestion(q, question.block, blocks.slice(at + question.span, nextBoundary(boundaries, at, blocks.length)).filter(answering), last);
    const rest = [...between, ...after.filter((b) => !continuesQuestion(q, question.block, b))];
    const stated = statements.filter((s) => (s.principle !== null || !perPrinciple) && refersTo(s, q, printedNumbers[qi]!, printedNumbers));
    return { question: question.block, before, rest, stated, boxesBefore: boxesLeftBefore(blocks, start), askedBefore };
  });
  const letters = lettersAnswer(doc.blocks, regions.map((r) => (r ? [...r.before, ...r.rest] : [])));
  const asking = QUESTIONS.map((q, qi) => (q.type === 'open' ? null : (regions[qi] ?? null)));
  const twoColumns = twoAnswerColumns(asking, letters);
  const deleted = optionsDeleted(asking, letters);
  const answers = QUESTIONS.map((q, qi) => {
    const r = regions[qi];
    const plan = actionPlans[q.principle - 1]!;
    if (!r) return readAnswer(q, null, [], plan, []);
    // Where letters answer nothing, a letter left of its question is another column's cell ("Changed (Y/N)").
    const region = [...(letters ? r.before : r.before.filter((b) => !isLetter(b))), ...r.rest];
    return readAnswer(q, r.question, region, plan, r.stated, { boxesPrinted, boxesBefore: r.boxesBefore, askedBefore: r.askedBefore, letters, twoColumns, deleted });
  });
  // Without an "Action Plan" label, the plan is what follows the principle's last question.
  const plans = actionPlans.map((plan, i) => {
    if (actionAt[i] !== undefined) return plan;
    const last = answers.filter((a) => a.principle === plan.principle).at(-1)!;
    return last.text ? { ...plan, text: last.text, provenance: last.provenance.text } : plan;
  });
  return { organisation, answers, actionPlans: plans, diagnostics };
}

/** A question's reference printed in a column of its own: "2.6", "Q12". */
const REFERENCE = /^(q\s*\d{1,2}|\d{1,2}\.\d{1,2})\.?$/i;
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
function rowCellsBefore(blocks: readonly Block[], at: number, responseFirst: ReadonlySet<Block>, asked: ReadonlySet<number>): number {
  const q = blocks[at]!;
  const prompted = (i: number) => i >= 0 && /[:?]\s*$/.test(blocks[i]!.text) && !asked.has(i);
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

/** Whether the format gave a block a place in a table or on a page. */
const placed = (b: Block) => b.table !== undefined || b.provenance.y !== undefined;

const RESPONSE_HEADING = /^(?:response|answer|yes\s*\/\s*no|y\s*\/\s*n)\b/i;
const QUESTION_HEADING = /^questions?$/i;
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
function responseFirstTables(blocks: readonly Block[]): Set<Block> {
  const isHeading = (b: Block) => b.kind !== 'option' && (COLUMN_HEADINGS.test(b.text.trim()) || HEADING_CELL.test(b.text.trim()));
  const found = new Set<Block>();
  let first = false;
  blocks.forEach((b, i) => {
    if (placed(b)) return;
    if (b.kind !== 'option' && QUESTION_HEADING.test(b.text.trim())) {
      first = false;
      for (let k = i - 1; k >= Math.max(0, i - HEADING_REACH); k--) {
        const h = blocks[k]!;
        if (placed(h) || h.kind === 'option') break;
        if (RESPONSE_HEADING.test(h.text.trim()) && h.text.trim().length <= 40) {
          first = true;
          break;
        }
        if (!isHeading(h)) break;
      }
    } else if (first) found.add(b);
  });
  return found;
}

/** Tolerance, in PDF points, for two things to be on one printed row. */
const ROW_TOLERANCE = 6;

function sameRowBefore(a: Block, b: Block): boolean {
  if (a.table && b.table) return a.table.row === b.table.row && a.table.column < b.table.column;
  const pa = a.provenance;
  const pb = b.provenance;
  if (pa.y !== undefined && pb.y !== undefined && pa.page === pb.page) {
    return Math.abs(pa.y - pb.y) <= ROW_TOLERANCE && (pa.x ?? 0) < (pb.x ?? 0);
  }
  return false;
}

/** The template's follow-on to a question, which documents often print on a line of its own. */
const FOLLOW_ON = /^\(?\s*(if so|please)\b/i;

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
function carriedOn(questionAt: Array<number | null>, blocks: readonly Block[]): Array<number | null> {
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
function wrappedHead(q: Question, blocks: readonly Block[], at: number, matched: ReadonlySet<number>): number {
  const head = blocks[at]!;
  if (leadingNumber(head.text) !== null) return 0;
  // The first line's row-mates, right of it (the comments), may stand between the two parts.
  const rowMates: Block[] = [];
  const alone = questionScore(q, head);
  for (let k = 1; k <= 5 && at - k >= 0; k++) {
    // Another question's block is never this one's first line.
    if (matched.has(at - k)) return 0;
    const prev = blocks[at - k]!;
    if (isAnswerCell(prev)) continue;
    const joins =
      rowMates.every((b) => sameRowBefore(prev, b)) &&
      !/[.?!:;)]\s*$/.test(prev.text) &&
      questionScore(q, { ...head, text: `${prev.text} ${head.text}` }) >= alone + HEAD_GAIN;
    if (joins) return k;
    if (!blocks.slice(Math.max(0, at - 5), at - k).some((b) => b.kind !== 'option' && sameRowBefore(b, prev))) return 0;
    rowMates.push(prev);
  }
  return 0;
}

/**
 * The question's block, joined with its wrapped first line, and with the next
 * block where that carries the question on ("If so please explain.", or the
 * rest of a question cut mid-sentence), so neither is taken for an answer.
 */
function questionBlock(q: Question, blocks: readonly Block[], at: number, head: number, boundaries: ReadonlySet<number>): { block: Block; span: number } {
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
 * the template's wording.
 */
function continuesQuestion(q: Question, question: Block, b: Block): boolean {
  if (b.kind === 'option' || !/\?\s*$/.test(b.text) || leadingNumber(b.text) !== null) return false;
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
function untilOtherQuestion(q: Question, question: Block, after: Block[], last: boolean): { after: Block[]; askedBefore: Block | null } {
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
  const end = [other, closing].filter((x) => x >= 0);
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
 * Ends in a question mark, perhaps followed by how to answer it: "…covert?
 * (tick one)", "? (Y/N)", "? Yes/No", "? - please tick".
 */
const endsAsQuestion = (text: string) =>
  /\?["'”’)\]]*\s*(?:(?:(?:[-–—]\s*)?\(?(?:please\s+)?(?:tick|select|circle|delete|choose|mark)\b[^)]*\)?|\(?y\s*\/\s*n\)?|yes\s*\/\s*no)\s*)?$/i.test(text);

/**
 * Whether the last of `through` (the boxes) is on the question's row: in a
 * table, with every block up to it in that row, column after column (a
 * table after this one starts again at its first row and column); on a
 * page, level with it, or beyond a column of comments that starts level
 * with the question (a row of three cells, its boxes centred in theirs).
 */
function onRowOf(question: Block, through: readonly Block[]): boolean {
  if (question.table) {
    // Cells of one row come left to right; a column before the last starts another row, or another table.
    let column = question.table.column;
    const inRow = through.every((x) => {
      const same = x.table !== undefined && x.table.row === question.table!.row && x.table.column >= column;
      column = x.table?.column ?? column;
      return same;
    });
    if (inRow) return true;
  }
  const [pq, pa, pb] = [question.provenance, through.at(-2)!.provenance, through.at(-1)!.provenance];
  if (pq.y === undefined || pb.y === undefined || pq.page !== pb.page) return false;
  if (Math.abs(pq.y - pb.y) <= ROW_TOLERANCE) return true;
  if (pq.x === undefined || pa.x === undefined || pb.x === undefined || pa.page !== pq.page || pa.x < pq.x + COMMENT_COLUMN || pb.x <= pa.x) return false;
  return through.some((x) => x.provenance.page === pq.page && Math.abs((x.provenance.x ?? -Infinity) - pa.x!) <= 2 && Math.abs((x.provenance.y ?? -Infinity) - pq.y!) <= ROW_TOLERANCE);
}

/** How far right of a question, in PDF points, a column of comments beside it starts at least. */
const COMMENT_COLUMN = 120;

const sameTableRow = (a: Block, b: Block) => a.table !== undefined && b.table !== undefined && a.table.row === b.table.row;

/** Blocks that can carry content: page furniture, page numbers, rules and the template's header dropped. */
function keepContent(blocks: readonly Block[]): Block[] {
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

/** What else a heading row's cell may hold: a number column's "No." or "#", an option's label. */
const HEADING_CELL = /^(?:no\.?|#|yes|n\/a)$/i;
/** A column title of a form's own: up to three words, no sentence, no figure. */
const OWN_HEADING = /^[\p{L}&/()-]+(?: [\p{L}&/()-]+){0,2}$/u;

/**
 * The cells of tables' heading rows: rows whose every cell names a column, two
 * or more of them columns of the form's ("No. | Question | Response |
 * Comments"). There "No." names the number column; it is no answer. A row of
 * one name and a choice ("Response | No", a table per question) is an answer.
 * Rows are table rows, or lines of a page, or where the format keeps neither,
 * runs of lines.
 */
/** Whether b follows a on a's table row, or, where the format knows no tables, on its line of the page, left to right. */
function onRow(a: Block, b: Block): boolean {
  return a.table !== undefined && b.table !== undefined
    ? a.table.row === b.table.row && b.table.column >= a.table.column
    : a.provenance.line !== undefined
      ? a.provenance.line === b.provenance.line
      : a.provenance.page !== undefined &&
        a.provenance.page === b.provenance.page &&
        Math.abs((a.provenance.y ?? NaN) - (b.provenance.y ?? NaN)) <= 2 &&
        (b.provenance.x ?? NaN) > (a.provenance.x ?? NaN);
}

/**
 * Whether the organisation deleted the options it did not choose: the Yes/No questions with a label printed bare
 * under them hold about one each. Where the labels all stayed (a form whose boxes were lost in conversion, its table
 * saved as text with the cells parted), they hold about two, some of them out of order.
 */
function optionsDeleted(regions: ReadonlyArray<{ question: Block; before: Block[]; rest: Block[] } | null>, letters: boolean): boolean {
  const bare = (b: Block) => (b.kind === 'option' ? !b.option?.mark && b.option?.value !== null : typedValue(b.text, letters) !== null);
  const valueOf = (b: Block) => (b.kind === 'option' ? (b.option?.value ?? null) : typedValue(b.text, letters));
  let asked = 0;
  let labels = 0;
  let scattered = 0;
  for (const r of regions) {
    const found = r ? [...trailingLabels(r.question), ...[...r.before, ...r.rest].filter(bare)] : [];
    if (found.length === 0) continue;
    asked++;
    labels += found.length;
    // Labels out of the template's order or twice over ("No, No"; "Yes, No, No"): cells the layout moved apart.
    const ranks = found.map((b) => optionRank(valueOf(b)));
    if (ranks.some((rank, i) => i > 0 && rank <= ranks[i - 1]!)) scattered++;
  }
  // A few questions say little of the document's habit; nor do unanswered ones that keep both labels in order
  // ("Yes", "No") beside ones answered by deleting one.
  return asked < 4 || labels <= 1.3 * asked || scattered === 0;
}

/** The blocks in runs that share a row (see onRow). */
function rowsOf(blocks: readonly Block[]): Block[][] {
  const rows: Block[][] = [];
  for (let i = 0; i < blocks.length; ) {
    let end = i + 1;
    while (end < blocks.length && onRow(blocks[end - 1]!, blocks[end]!)) end++;
    rows.push(blocks.slice(i, end));
    i = end;
  }
  return rows;
}

/**
 * Whether the form answers in two columns, as this year's and last year's responses side by side: two questions or
 * more with a choice typed in two cells of one row each ("No | No"). A choice alone on a row may then be in either
 * column. A table elsewhere (a summary by principle, an action plan's progress) says nothing of the answers.
 */
function twoAnswerColumns(regions: ReadonlyArray<{ question: Block; before: Block[]; rest: Block[] } | null>, letters: boolean): boolean {
  const choices = (row: Block[]) => row.filter((b) => b.kind !== 'option' && typedValue(b.text, letters) !== null).length;
  return regions.filter((r) => r && rowsOf([...r.before, r.question, ...r.rest]).some((row) => choices(row) >= 2)).length >= 2;
}

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
  // Comments"): its "No." names the number column.
  for (const b of blocks) {
    const m = /^(?:no\.?|#)\s+(\S.*)$/i.exec(b.text.trim());
    if (b.kind !== 'option' && m && COLUMN_HEADINGS.test(m[1]!) && /\bquestions?\b/i.test(m[1]!)) found.add(b);
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
 * A short line printed before Principle 1 that recurs three or more times
 * is a running header a converter left in the text, unless it is the value
 * of a title block label (an organisation naming itself in a heading too).
 */
function dropRepeatedHeaders(blocks: Block[]): Block[] {
  const firstPrinciple = blocks.findIndex((b) => PRINCIPLE_HEADING.exec(b.text)?.[2] === '');
  if (firstPrinciple < 0) return blocks;
  const key = (b: Block) => b.text.trim().toLowerCase().replace(/\d+/g, '#');
  const counts = new Map<string, number>();
  for (const b of blocks) if (b.kind !== 'option') counts.set(key(b), (counts.get(key(b)) ?? 0) + 1);
  const early = new Set(blocks.slice(0, firstPrinciple).map(key));
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
function chooseForm(blocks: readonly Block[]): { form: Form & { questionAt: Array<number | null> }; later: Provenance | null } {
  const headings = principleHeadings(blocks);
  let starts = runStarts(headings);
  let tried: Array<Form & { questionAt: Array<number | null> }>;
  for (;;) {
    tried = headingRuns(blocks, headings, starts).map((f) => ({ ...f, questionAt: alignQuestions(blocks, f) }));
    // Headings that open a run asking none of the questions before it again, with no title block of their own,
    // are words in an answer (a list of actions by principle, a cross-reference table), not another form: the
    // run before goes on through them.
    const titled = (k: number) => {
      const [from, to] = [tried[k - 1]!.to, headings[starts[k]!]!.at];
      return Array.from({ length: to - from }, (_, d) => from + d).some((i) => titleBlockLabel(blocks, i));
    };
    const stray = tried.findIndex((f, k) => k > 0 && !asksAgain(tried[k - 1]!, f) && !titled(k));
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
function titleBlockLabel(blocks: readonly Block[], i: number): boolean {
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

function leadingNumber(text: string): number | null {
  // "12.", "12)", "Q12:", "Q.12", "Question 12 …"; "2.1 …" (principle and question) is question 1.
  const m = /^\s*(?:q(?:uestion)?\.?\s*(\d{1,2})\s*[.):]?|\d{1,2}\.(\d{1,2})(?!\d)\s*[.):]?|(\d{1,2})\s*[.):](?!\d))\s*\S/i.exec(text);
  return m ? Number(m[1] ?? m[2] ?? m[3]) : null;
}

function questionScore(q: Question, b: Block): number {
  if (b.kind === 'option' || b.text.length > 1200) return 0;
  const l = likeness(QUESTION_WORDS.get(q.id)!, b.text);
  if (l.recall < 0.3) return 0;
  let s = l.score;
  if (/\?\s*$/.test(b.text)) s += 0.08;
  const printed = leadingNumber(b.text);
  if (printed !== null && (printed === q.number || printed === q.index)) s += 0.08;
  return s;
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
  const scores: Array<Map<number, number>> = QUESTIONS.map((q) => {
    const [lo, hi] = span(q.principle);
    const m = new Map<number, number>();
    for (let b = lo + 1; b < hi; b++) {
      const s = questionScore(q, blocks[b]!);
      if (s >= QUESTION_THRESHOLD) m.set(b, s);
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
  dropSparseTail(at, principles);
  return at;
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
      const printed = leadingNumber(block.text);
      const shares = likeness(QUESTION_WORDS.get(q.id)!, block.text).recall >= 0.15;
      if (shares || (printed !== null && (printed === q.number || printed === q.index))) bestBlock = candidates[0]!;
    }
    if (bestBlock !== null) at[qi] = bestBlock;
  }
}

function nextBoundary(boundaries: ReadonlySet<number>, from: number, end: number): number {
  for (let i = from + 1; i < end; i++) if (boundaries.has(i)) return i;
  return end;
}

/** The "Action Plan" label of each principle: after its last question, before the next principle. */
function findActionPlans(
  blocks: readonly Block[],
  principles: ReadonlyArray<number | undefined>,
  questionAt: ReadonlyArray<number | null>,
  boundaries: ReadonlySet<number>,
): Array<number | undefined> {
  return PRINCIPLES.map((p) => {
    const ids = QUESTIONS.map((q, i) => (q.principle === p.number ? questionAt[i] : null)).filter((x): x is number => x !== null);
    const from = ids.length ? Math.max(...ids) : principles[p.number - 1];
    if (from === undefined) return undefined;
    const later = principles.slice(p.number).filter((x): x is number => x !== undefined);
    const to = Math.min(later.length ? Math.min(...later) : blocks.length, nextQuestionAfter(questionAt, from) ?? blocks.length);
    for (let i = from + 1; i < to; i++) {
      const b = blocks[i]!;
      if (b.kind !== 'option' && ACTION_PLAN.test(b.text.trim()) && b.text.length < 400 && !boundaries.has(i)) return i;
    }
    return undefined;
  });
}

function nextQuestionAfter(questionAt: ReadonlyArray<number | null>, from: number): number | null {
  let next: number | null = null;
  for (const x of questionAt) if (x !== null && x > from && (next === null || x < next)) next = x;
  return next;
}

/**
 * Whether a statement is about question `q`: "point 2 of principle 3" by its place in the principle; a bare
 * "question 12" by the numbers this document prints before its questions (12 before exactly one, and that is
 * `q`), or by the template's numbers where most carry none (Word's own list numbering is not in the text).
 */
function refersTo(s: Statement, q: Question, printed: number | null, allPrinted: ReadonlyArray<number | null>): boolean {
  if (s.principle !== null) return s.principle === q.principle && s.number === q.index;
  const numbered = allPrinted.filter((n) => n !== null).length;
  if (numbered < allPrinted.length / 2) return s.number === q.number;
  return printed === s.number && allPrinted.filter((n) => n === s.number).length === 1;
}

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

function isGuidance(text: string): boolean {
  const t = text.trim();
  if (/^<?https?:\/\/\S+>?$/.test(t) && TEMPLATE_GUIDANCE.some((g) => g.includes(t.replace(/^<|>$/g, '')))) return true;
  if (/^guidance on single point of contact\b/i.test(t)) return true;
  const w = contentWords(t);
  return w.length > 0 && GUIDANCE_WORDS.some((g) => likeness(g, t).recall >= 0.8 && likeness(g, t).precision >= 0.8);
}

/**
 * A form's prompt printed in the answer cell, with nothing after it: "Answer:", "Comments:", or the options
 * parted by slashes with none marked ("Yes / No / N/A", "Yes / No (delete as appropriate)").
 */
const PROMPT = /^(?:(?:answer|response|comments?|evidence|notes?|details?)\s*:|yes\s+\/\s+no(?:\s+\/\s+n\/a)?(?:\s*\((?:please\s+)?delete as (?:appropriate|applicable)\))?)$/i;

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

function regionText(region: readonly Block[]): { text: string | null; provenance: Provenance | null } {
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

/**
 * Whether boxes with no label stand right before a question (page furniture
 * aside): a row of options a page break or a column parted from its label,
 * as when a question split across pages is found by its second half.
 */
function boxesLeftBefore(blocks: readonly Block[], at: number): boolean {
  for (let i = at - 1; i >= 0; i--) {
    const b = blocks[i]!;
    if (b.furniture) continue;
    if (b.kind !== 'option') return false;
    if (b.option?.mark && b.option.value === null) return true;
  }
  return false;
}

function readAnswer(
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
  }: { boxesPrinted?: boolean; boxesBefore?: boolean; askedBefore?: Block | null; letters?: boolean; twoColumns?: boolean; deleted?: boolean } = {},
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
  const content = region.filter(
    (b) =>
      b.kind === 'option' ||
      (!isGuidance(b.text) && !isOwnReference(q, b.text) && !referenceCellBeside(questionBlock, b) && !isQuestionTail(q, b.text) && !PROMPT.test(b.text.trim())),
  );
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
  const stray = textual.filter((b) => (marked ? ticksLabel(b.text) : boxGlyphs(answerLine(b)).length > 0));
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
    leadsRegion(typedChoices[0]!, content, questionBlock);

  let text = textual.length ? textual.map(answerLine).join('\n') : null;
  let textProvenance = textual[0]?.provenance ?? null;
  if (q.actionQuestion && q.type === 'open' && !text && plan.text) {
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

const TRAILING_LABELS = /\b((?:(?:yes|no|n\/a)\b\s*)+)$/i;

/** "…meta-data? Yes" with "No" wrapped to the next line: the labels printed at the end of the question's line. */
function trailingLabels(question: Block): Block[] {
  // Labels end the line: only its last words are looked at, so a long run of them costs no more than a short one.
  const text = question.text;
  const from = text.length > 60 ? text.lastIndexOf(' ', text.length - 60) + 1 : 0;
  const m = TRAILING_LABELS.exec(text.slice(from));
  if (!m) return [];
  // Set apart from the question by its punctuation or a wide gap.
  const before = text.slice(0, from + m.index);
  const lead = before.trimEnd();
  if (!/[?:.)]$/.test(lead) && before.length - lead.length < 2) return [];
  return m[1]!
    .trim()
    .split(/\s+/)
    .map((label) => ({ kind: 'paragraph' as const, text: label, provenance: question.provenance }));
}

/** The form's guidance under a question: "Guidance: …", "Examples of evidence: …", "Things to consider:". */
const FORM_GUIDANCE = /^\W*(?:guidance|things to consider|consider|examples? of evidence)\b[^:]{0,40}:/i;

/**
 * Whether a block is the first thing under the question (or on the question's own line), but for the form's
 * guidance before it and the prompts a line of guidance introduces.
 */
function leadsRegion(b: Block, content: readonly Block[], question: Block): boolean {
  if (b.provenance === question.provenance) return true;
  const at = content.indexOf(b);
  if (at < 0) return false;
  let introduced = false;
  for (const x of content.slice(0, at)) {
    if (x.kind !== 'option' && FORM_GUIDANCE.test(x.text)) introduced = /:\s*$/.test(x.text);
    else if (!(introduced && x.kind !== 'option' && (x.kind === 'listItem' || /^\s*[•●▪◦‣∙·*\-–\uF0B7\uF0A7]/.test(x.text) || endsAsQuestion(x.text)))) return false;
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
      const what = checked.every((o) => o.option!.mark!.source === 'highlight') ? ['both options highlighted', 'more than one option highlighted'] : ['both boxes ticked', 'more than one box ticked'];
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
      reason: `ticked box says ${fromMarks.choice} but the text says ${words.choice}`,
      confidence: 0.9,
      evidence: { ...NO_EVIDENCE, quote: words.evidence.quote, provenance: words.evidence.provenance },
    };
  }
  // A ticked box left in the answer's text, not read with the options: it may be another option's.
  const ticked = parts.stray.find((b) => boxGlyphs(b.text).includes('checked'));
  if (ticked) return ambiguous('a ticked box could not be read with its label', ticked);
  if (fromMarks) return fromMarks;
  if (words) return words;

  const unknown = options.filter((o) => o.option?.mark?.state === 'unknown');
  const reason = unknown.some((o) => o.option!.mark!.source === 'placeholder')
    ? 'checkbox state not present in this format'
    : unknown.some((o) => isUnreadableGlyph(o.option!.mark!))
      ? 'boxes printed in a font that maps them to no character: their state cannot be read'
      : unknown.length > 0
        ? `the boxes' state cannot be read: ${unknown[0]!.option!.mark!.detail ?? 'not recorded'}`
        : options.length > 0 || printed.length > 0
        ? 'no box ticked'
        : (parts.soleDoubt ?? 'no Yes/No options found');
  return { choice: null, status: 'missing', reason, confidence: 0.9, evidence: NO_EVIDENCE };
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
  /^(?:no\.?|#)[ \t]*\n[ \t]*(?:actions?|issues?|areas?|description|details?|tasks?|items?|recommendations?|findings?|improvements?)(?:[ \t]+\S+){0,2}[ \t]*\n[ \t]*[^\n]{1,25}\n/i;

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
  if (opening && allowed(opening.value)) return inferred(opening.value, opening.line, textual[0]?.provenance ?? null);
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
    if (m && allowed(m.value)) return inferred(m.value, m.line, plan.provenance);
  }
  return null;
}
