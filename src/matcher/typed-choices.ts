/**
 * Choices typed in words or letters rather than marked: a label left
 * standing, an answer opening "Yes -", a Y or N, labels ending the question's
 * line; and what the whole document says of how far such words can be read
 * as choices.
 */
import type { Block, OptionValue, Provenance } from '../document.js';
import { optionRank, optionValue } from '../options.js';
import { rowsOf } from './rows.js';

/**
 * A text that opens with a choice, set off by punctuation ("Yes -", "No,", "N/A:", "Yes (…)"). "No." before a figure or
 * "of" is the abbreviation of "number" ("No. 12 Market Street", "No. of cameras"), not an answer; nor are the words
 * "No" makes with a hyphen ("No-one", "No-go", "No-notice" audits, "No-fly zones"). "No-see action plan" is typed
 * tightly. A bracket holding nothing or a mark is a box typed after the option ("Yes ( )  No (x)"), not a remark.
 * "N/A" is no word of a sentence, so a space sets it off as well ("N/A We do not operate drones", where a tab
 * stood between them).
 */
const LEADING_CHOICE =
  /^(yes|no|n\/a|not applicable)(?:\s*[–—:,;]|\s*\((?!\s*[xX✓✔]?\s*\))|\s*-(?!(?:one|go|notice|fly|drone|entry|cost|claims?|blame|fault|parking|smoking|waiting|stopping|deal|show|win|nonsense)\b)|\s*\.(?!\s*(?:\d|of\b))|(?<=\/a)\s)\s*(\S+)/i;
/** An option's label with a character or two that are not words beside it: a mark the parser could not read. */
export const OTHER_OPTION_WITH_MARK = /^(yes|no|n\/a)\s*[\p{N}\p{S}\p{Co}\uFFFD]{1,2}$/iu;
/** "Y" or "N" opening a text, set off by a spaced dash or a bracket ("Y - reviewed in May", "N (not used)"). */
const LEADING_LETTER = /^([YN])(?:\s+[-–—]|\s*\()\s*(\S+)/;
/**
 * "Y" or "N" typed as the whole answer, as a form with a "Y/N" column is filled in. Capitals only: a lower-case
 * letter on its own is more often a list's label than an answer.
 */
const LETTER_CHOICE = /^([YN])\.?$/;

/** A capital Y or N alone in a cell or on a line, which may or may not answer (see lettersAnswer). */
export const isLetter = (b: Block) => b.kind !== 'option' && LETTER_CHOICE.test(b.text.trim());
/** A cell or line holding a choice alone: boxes, a label, or a letter. */
export const isChoiceCell = (b: Block) => b.kind === 'option' || optionValue(b.text) !== null || isLetter(b);

/** A column naming what its Y or N says ("Evidence held (Y/N)", "Changed? [Y/N]", "Evidence held Y/N"), not the answer's. */
const LETTER_COLUMN = /\b(?!(?:answer|response)\b)[a-z]+\??\s*(?:[([]\s*)?y\s*\/\s*n\b/i;

/** The option a text names: a label ("Yes", "N/A"), or, where letters answer, a capital Y or N standing for one. */
export function typedValue(text: string, letters: boolean): OptionValue | null {
  const letter = letters ? LETTER_CHOICE.exec(text.trim()) : null;
  return letter ? (letter[1] === 'Y' ? 'yes' : 'no') : optionValue(text);
}

/** A column heading that says its cells hold a Y or an N: "Y/N", "(Y/N)", "Answer (Y/N)". */
const LETTERS_HEADING = /^(?:(?:answer|response)\s*)?\(?\s*y\s*\/\s*n\s*\)?:?$/i;
/** A table's column headed by the choices in words, "Yes/No": a Y or N in it stands for one. Not the prompt "Yes / No" on a line. */
const CHOICES_HEADING = /^yes\s*\/\s*no:?$/i;
const headsLetters = (b: Block) => LETTERS_HEADING.test(b.text.trim()) || (b.kind === 'tableCell' && CHOICES_HEADING.test(b.text.trim()));

/**
 * Whether a capital Y or N standing alone answers the form's questions: only where the document says so, by a
 * column headed "Y/N" (or a table's headed "Yes/No") or by answers (two or more) opening with a Yes or No in words where others open with a letter; and not
 * in a document with a column that names what its letters say, nor where some question's answer holds a letter
 * beside a Yes or No in words or boxes, or beside another letter: the letters are then another column's, saying
 * something else. "N/A" beside a letter says nothing of it.
 */
export function lettersAnswer(blocks: readonly Block[], regions: ReadonlyArray<readonly Block[]>): boolean {
  if (blocks.some((b) => LETTER_COLUMN.test(b.text))) return false;
  const wordValue = (b: Block) => (LEADING_CHOICE.exec(b.text)?.[1] ?? optionValue(b.text) ?? '').toLowerCase();
  const inWords = (b: Block | undefined) => b !== undefined && b.kind !== 'option' && /^(yes|no)$/.test(wordValue(b));
  // "No." alone is as often the number column's title, repeated over a table.
  const word = (b: Block) => b.kind === 'option' || (!/^no\.$/i.test(b.text.trim()) && inWords(b));
  // A letter beside a comment opening with the same choice ("Y" | "Yes, although …") restates it; beside boxes, a
  // label alone or the other choice, the letter is another column's.
  const restates = (letter: Block, b: Block) =>
    b.kind !== 'option' && LEADING_CHOICE.test(b.text) && wordValue(b) === (LETTER_CHOICE.exec(letter.text.trim())![1] === 'Y' ? 'yes' : 'no');
  const otherColumn = (region: readonly Block[]) => {
    const letters = region.filter(isLetter);
    return letters.length >= 2 || (letters.length === 1 && region.some((b) => word(b) && !restates(letters[0]!, b)));
  };
  if (regions.some(otherColumn)) return false;
  const openedInWords = regions.filter((region) => inWords(region[0])).length;
  return blocks.some(headsLetters) || openedInWords >= 2;
}

/** What the template tells the reader to do, not what an organisation answers: "tick N/A if …", "leave it blank". */
const INSTRUCTION = /^(?:tick|select|choose|leave|delete|circle|please|go to|list|give|state|provide|describe|specify|enter)\b/i;
/** The same, anywhere in a case's sentence: "No – if …, record this in the action plan". */
const INSTRUCTION_IN_CASE = /\b(?:tick|select|choose|leave|delete|circle|record this|enter|complete|explain|give details|provide details)\b/i;
/** A case a rule opens with: "No – if the system is not jointly owned, leave this question blank". */
const CASE = /^(?:if|unless|where|when)\b/i;
/**
 * A choice opening a sentence or a line, for a text that goes through the options one by one, or answers both ways
 * ("Yes, most staff; no, not the agency contractors", "Yes, signs are in place. No, they do not name the operator").
 */
const CHOICE_OPENING = /(?:(?:^|[.;,]\s+|\n\s*)(yes|no|n\/a)\s*[-–—:]|[.;]\s+(yes|no|n\/a),)/gi;
/**
 * The second of a form's two sentences to keep one of, neither deleted: "Yes, we …" and "No, because …" on lines of
 * their own, or run into one line after a word ("Yes, we have registered No, because we are exempt"). Only as such
 * sentences open, not a choice someone said ("the DPO said No, registration was not needed").
 */
const SECOND_SENTENCE = /(?:\n\s*|(?:\p{Ll}|\bOR)\s+)(Yes|No|N\/A)\s*[,–—-]\s*(?:because|we)\b/gu;
/**
 * Another option named after the first, as a form lists its options ("Yes, No or N/A – delete as appropriate",
 * "Yes; No", "Yes (all staff) No (contractors)", "No – Yes where the new cameras are"). Capitals only, and only where
 * it is no word of the sentence: not "No issues", "No. 4", "No to remote access", "Yes Dance Studio"; nor "N/A for
 * drones", which qualifies the answer (the form's "Yes, N/A (delete as appropriate)" is a prompt, see PROMPTED).
 */
const OTHER_OPTION_NAMED =
  /(?:[,;/)\-–—]|\b(?:or|OR)\b|\band\b)\s*(?:(Yes)(?=\s*(?:[,;/()–—]|-(?![A-Za-z])|$)|\s+[a-z])|(No)(?=\s*(?:[,;/()–—]|-(?![A-Za-z])|$)|\s+or\b))/;
/**
 * The heading row of a numbered table, run into one line: "No. Action Owner Date" (column titles alone, each a
 * word of COLUMN_WORD), or "No - Action - Owner - Target date" (short capitalised titles set apart by dashes, bars
 * or tabs, one an action's, an owner's or a date's). Not "No. See Action Plan", "No-See Action Plan".
 */
function numberColumnHeading(line: string): boolean {
  const m = /^(?:No\.?|NO\.?|#)(?=[\s\-–—|])(.*)$/.exec(line.trim());
  if (!m) return false;
  const cells = m[1]!.split(/\s*[-–—|\t]\s*|\s{2,}/).filter((c) => c.trim()).map((c) => c.trim());
  if (cells.length === 1 && /^\s+\S/.test(m[1]!)) {
    const words = cells[0]!.split(/\s+/);
    return words.length >= 2 && words.length <= 8 && words.every((w) => COLUMN_WORD.test(w)) && words.some((w) => COLUMN_TITLE.test(w));
  }
  const titles = cells.every((c) => /^\p{Lu}/u.test(c) && c.split(/\s+/).length <= 3 && !/[.;:,]$/.test(c) && optionValue(c) === null);
  return cells.length >= 2 && cells.length <= 6 && titles && cells.some((c) => COLUMN_TITLE.test(c));
}

const COLUMN_TITLE = /^(?:actions?|issues?|owners?|lead|responsib\w*|date|deadline|timescales?|target|due|status|priority|progress)\b/i;
/** The words such titles are made of. */
const COLUMN_WORD =
  /^(?:actions?|issues?|owners?|lead|officer|responsib\w*|date|deadline|timescales?|target|due|status|priority|progress|ref|description|details?|areas?|tasks?|items?|by|when|who|what|required|comments?|notes?|completed?|completion|rag)$/i;
/** The template's note on when an option applies, in brackets after it and nothing more: "Yes (if applicable)". */
const OPTIONAL = /^(?:if|where|when)\s+(?:applicable|appropriate|relevant|required|necessary)\s*\)\s*[.;]?\s*$/i;
/** Routing the template gives: "go on to question 9", "skip to Principle 3", "then answer question 10", "otherwise answer No". */
const ROUTING =
  /\b(?:(?:skip|proceed|move on|go on|continue|turn)\s+(?:straight\s+)?to\s+(?:question|q\.?|principle|section|part)\s*\d|go\s+(?:straight\s+)?to\s+(?:question|q\.?|principle)\s*\d|answer\s+(?:yes|no|n\/a|question|q\.?\s*\d))/i;
/** The form's prompt to strike out the options not chosen: the options listed with it are no answer. */
const PROMPTED = /\(?\s*(?:please\s+)?(?:delete|strike out|cross out)\s+(?:as\s+(?:appropriate|applicable|necessary|required)|whichever)/i;
/** A choice followed by the form's question about it, and perhaps a line to write on: "No – why not? ……", "No - if not, why not?". */
const ASKS_AFTER_CHOICE =
  /^(?:yes|no|n\/a)\W+(?:if (?:so|not|yes|no)\W+)?(?:(?:please|explain|give|state|say|describe)\s+)?(?:why|which|what|when|where|who|whom|whose|how|please)\b[^?]*\?[\s.…_)-]*(?:\([^)]*\)[\s.…_-]*)?$/i;

/**
 * Words that say an opening Yes held once and holds no more: right after it ("Yes - previously, …", "Yes (formerly)",
 * "Yes, until recently"), or "but no longer" in its sentence. Further on they are more often about a detail ("Yes –
 * reviewed monthly (previously quarterly)"), as they are in a comparison ("Yes – no longer than 31 days") or a
 * detail that changed ("Yes – previously annually, now every six months"); and after a No or an N/A they agree with
 * it ("No – we no longer use …").
 */
const TAKEN_BACK = /^(previously|formerly|until recently|no longer|not any ?more)\b(?!\s+than\b)|\bbut\s+(no longer|not any ?more)\b(?!\s+than\b)/i;
/**
 * Words that make an opening choice a part of one, said at once and ending their clause ("Yes, partially.", "No – in
 * part", "Yes, but only partly", "Yes – partial compliance"), not a reason or a detail ("No, partly because …",
 * "Yes, largely automated deletion …").
 */
const PART_OF_IT =
  /^(?:(?:but|although|though|only)\s+)*(partially|partly|partial|part|in part|to (?:some|an|a limited) extent|not (?:fully|entirely|completely|wholly)|mostly|largely|mainly|for the most part|in the main)(?:\s+(?:compliant|compliance|met|complete|completed|implemented|in place|achieved|so))?(?:[^\S\n]*[.,;:)–—\n-]|\s*$|\s+(?:at|across)\b)/i;
/** "previously X, now Y" in one clause: a detail that changed, the Yes standing. */
const NOW_INSTEAD = /^(?:previously|formerly)\b[^;]*?,\s*now\b/i;

/**
 * The choice a text opens with ("Yes - the policy is on the intranet", "Yes – where possible, …"), unless the
 * text is guidance: going through the options ("Yes – if the DPIA was reviewed … No – if it was not"), listing
 * them ("Yes, No or N/A"), or telling the reader what to do ("N/A: tick N/A if …", "No – if …, leave this question
 * blank", "No – go on to question 9"). `takenBack` holds the words that say a Yes holds no more (see TAKEN_BACK),
 * `partly` those that make the choice a part of one (see PART_OF_IT).
 */
export function openingChoice(text: string, letters: boolean): { value: OptionValue; line: string; takenBack: string | null; partly: string | null } | null {
  if (numberColumnHeading(text.split('\n')[0]!)) return null;
  const m = LEADING_CHOICE.exec(text) ?? (letters ? LEADING_LETTER.exec(text) : null);
  const value = m ? typedValue(m[1]!, letters) : null;
  if (!value) return null;
  // "N/A" set off by a space alone opens an answer only before a new sentence, not the template's "N/A if …".
  if (/^\s+$/.test(m![0].slice(m![1]!.length, m![0].length - m![2]!.length)) && (!/^\p{Lu}/u.test(m![2]!) || CONDITION_WORD.test(m![2]!))) return null;
  const rest = text.slice(m![0].length - m![2]!.length).trim();
  const sentence = rest.split(/[.\n]/)[0]!;
  if (INSTRUCTION.test(sentence) || ROUTING.test(sentence) || PROMPTED.test(sentence) || OPTIONAL.test(rest) || (CASE.test(m![2]!) && INSTRUCTION_IN_CASE.test(sentence))) return null;
  const values = new Set([value, ...[...text.matchAll(CHOICE_OPENING), ...text.matchAll(SECOND_SENTENCE)].map((o) => optionValue(o[1] ?? o[2]!))]);
  const line = text.split('\n')[0]!;
  const named = OTHER_OPTION_NAMED.exec(line.slice(m![1]!.length));
  if (named && optionValue(named[1] ?? named[2]!) !== value) return null;
  // A line ending in a colon asks for what follows ("Yes - please give the date of the last review:"), and so does
  // one that goes on with a question of the form's ("No – why not?", "Yes – which staff groups?").
  if (values.size > 1 || /:\s*$/.test(line) || ASKS_AFTER_CHOICE.test(line)) return null;
  // A choice that is a sentence of its own ("Yes. Access was previously wider …") is not taken back by the next.
  const ownSentence = /^[^.]*\.\s*$/.test(text.slice(0, m![0].length - m![2]!.length));
  const back = value === 'yes' && !ownSentence && !NOW_INSTEAD.test(sentence) ? TAKEN_BACK.exec(sentence) : null;
  const partly = ownSentence ? null : (PART_OF_IT.exec(rest)?.[1] ?? null);
  return { value, line, takenBack: back ? back[1] ?? back[2] ?? null : null, partly };
}

/** Words that open the template's guidance on when to choose an option, not an answer. */
const CONDITION_WORD = /^(?:if|where|when|whenever|unless|otherwise|only|tick|select|choose|delete|enter)\b/i;

/**
 * Whether the organisation deleted the options it did not choose: the Yes/No questions with a label printed bare
 * under them hold about one each. Where the labels all stayed (a form whose boxes were lost in conversion, its table
 * saved as text with the cells parted), they hold about two, some of them out of order, or nearly all two.
 */
export function optionsDeleted(regions: ReadonlyArray<{ question: Block; before: Block[]; rest: Block[] } | null>, letters: boolean): boolean {
  const bare = (b: Block) => (b.kind === 'option' ? !b.option?.mark && b.option?.value !== null : typedValue(b.text, letters) !== null);
  const valueOf = (b: Block) => (b.kind === 'option' ? (b.option?.value ?? null) : typedValue(b.text, letters));
  let asked = 0;
  let labels = 0;
  let scattered = 0;
  let lone = 0;
  for (const r of regions) {
    const found = r ? [...trailingLabels(r.question), ...[...r.before, ...r.rest].filter(bare)] : [];
    if (found.length === 0) continue;
    asked++;
    labels += found.length;
    if (found.length === 1) lone++;
    // Labels out of the template's order or twice over ("No, No"; "Yes, No, No"): cells the layout moved apart.
    const ranks = found.map((b) => optionRank(valueOf(b)));
    if (ranks.some((rank, i) => i > 0 && rank <= ranks[i - 1]!)) scattered++;
  }
  // A few questions say little of the document's habit; nor do unanswered ones that keep both labels in order
  // ("Yes", "No") beside ones answered by deleting one. But a label alone under fewer than a quarter of them, the
  // rest keeping both, is one the layout moved from its other (past a page break), not the answer left standing.
  return asked < 4 || labels <= 1.3 * asked || (scattered === 0 && 4 * lone >= asked);
}

/**
 * Whether the form answers in two columns, as this year's and last year's responses side by side: two questions or
 * more with a choice typed in two cells of one row each, the same twice or out of the template's order ("No | No",
 * "No | Yes"); or in the template's order ("Yes | No") where the questions' table heads columns by period
 * ("2024/25", "Last year"): a form answered by deleting the option not chosen keeps "Yes | No" under a question left
 * unanswered. A choice alone on a row may then be in either column. A table elsewhere (a summary by principle, an
 * action plan's progress) says nothing of the answers.
 */
export function twoAnswerColumns(regions: ReadonlyArray<{ question: Block; before: Block[]; rest: Block[] } | null>, letters: boolean, periods: readonly Block[]): boolean {
  let twice = 0;
  let inOrder = 0;
  for (const r of regions) {
    if (!r) continue;
    const rows = rowsOf([...r.before, r.question, ...r.rest])
      .map((row) => row.filter((b) => b.kind !== 'option' && typedValue(b.text, letters) !== null))
      .filter((cells) => cells.length >= 2);
    const ranks = rows.map((cells) => cells.map((b) => optionRank(typedValue(b.text, letters))));
    if (ranks.some((row) => row.some((rank, i) => i > 0 && rank <= row[i - 1]!))) twice++;
    else if (rows.length > 0) inOrder++;
  }
  return twice >= 2 || (periods.length > 0 && twice + inOrder >= 2);
}

/**
 * A column heading naming a period: "2024/25", "Response 2023", "This year", "Last year's response", "Previous",
 * "2024 assessment", "This review", "Previous assessment", "Follow-up audit", "Year 2", "March 2024", "Q1 2024",
 * "Now", "Then", "Baseline", "Response at last review", "Self-assessment (2023)", or a year alone ("2024 | 2023",
 * which a version table prints too, but not on the questions' heading row). A date's title ("Review date", "Last
 * updated") is none, nor is a year beside a period in words ("Last review | 2023"): that is the period's date.
 */
const PERIOD_NOUN = String.raw`(?:year|review|assessment|self[- ]?assessment|audit|submission|return|round|inspection)`;
const MONTH = String.raw`(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?`;
const YEAR = String.raw`(?:19|20)\d\d(?:\s*[/–-]\s*\d{2,4})?`;
const PERIOD =
  String.raw`(?:${MONTH}\s+|q[1-4]\s*)?${YEAR}|previous|current|now|then|baseline|original|revised|` +
  String.raw`(?:this|current|latest|present|last|previous|prior|past|earlier|initial|original|first|second|new|follow[- ]?up|re-?)\s*${PERIOD_NOUN}|` +
  String.raw`${PERIOD_NOUN}\s*\d{1,2}`;
const PERIOD_COLUMN = new RegExp(
  String.raw`^(?:(?:responses?|answers?|compliant|compliance|status|rating|y\s*\/\s*n|${PERIOD_NOUN})\s*(?:(?:at|from|in|for|as at)\s+(?:the\s+)?)?)?[([]?\s*(?:${PERIOD})(?:['’]s)?\s*[)\]]?(?:\s*(?:responses?|answers?|ratings?|status|y\s*\/\s*n|${PERIOD_NOUN}))?(?:\s*[([]\s*${YEAR}\s*[)\]])?$`,
  'i',
);
const YEAR_ALONE = /^[([]?\s*(?:19|20)\d\d(?:\s*[/–-]\s*\d{2,4})?\s*[)\]]?$/;

/** How far apart, in PDF points, two heading cells' lines may be and still head one row (two lines of 10 pt type). */
const HEADING_ROW_DEPTH = 25;

/** How many blocks after the heading row the first question's row may start. */
const QUESTION_REACH = 12;

/** How many blocks after a heading row read as lines of a page the first question's row may start. */
const PAGE_QUESTION_REACH = 4;

/**
 * Whether a question's row comes among `next`, the blocks after a heading row (at `row`), before its table ends: at
 * the first block outside a table, or at a row numbered before the one above it (the next table's first rows). On a
 * page whose heading cells were read as lines of their own (a heading row repeated at the page's top, its words
 * broken), a question's row among the next few blocks.
 */
function questionsFollow(next: readonly Block[], questionRows: ReadonlySet<Provenance>, row: number | null): boolean {
  if (row === null) return next.slice(0, PAGE_QUESTION_REACH).some((b) => questionRows.has(b.provenance));
  for (const b of next) {
    if (!b.table || b.table.row < row) return false;
    if (questionRows.has(b.provenance)) return true;
    row = b.table.row;
  }
  return false;
}


/** Whether the row holding blocks[i] titles the questions' column ("Question", "Requirement") before it. */
function titlesQuestions(blocks: readonly Block[], i: number): boolean {
  const cell = blocks[i]!.table;
  for (let k = i - 1, column = cell?.column ?? -1; k >= 0 && column > 0; k--) {
    const b = blocks[k]!;
    if (!b.table || b.table.row !== cell!.row || b.table.column >= column) return false;
    if (QUESTION_COLUMN.test(b.text.trim())) return true;
    column = b.table.column;
  }
  return false;
}

/** The title of the questions' column: "Question", "Questions", "Requirement", "Criteria". */
const QUESTION_COLUMN = /^(?:questions?|requirements?|criteria|criterion)$/i;

/**
 * The column headings naming a period (see PERIOD_COLUMN) on the questions' heading row: two different ones on a row
 * that titles the questions' column, or that a question's row follows in the same table (`questionRows`, the places
 * where each starts), perhaps after rows of the table's own ("Principle 2", a note). Periods heading another table
 * (an action plan's "Year 1 | Year 2", a measure's "Baseline | Now") or listed one under another ("Last review",
 * "This review") head no answer columns.
 */
export function periodColumns(blocks: readonly Block[], questionRows: ReadonlySet<Provenance>): Block[] {
  const isHead = (b: Block) => b.kind !== 'option' && b.text.length <= 40 && PERIOD_COLUMN.test(b.text.trim());
  const found = new Set<Block>();
  blocks.forEach((b, i) => {
    if (!isHead(b)) return;
    const row = rowAfter(blocks, i);
    const heads = [b, ...row].filter(isHead);
    const worded = heads.filter((h) => !YEAR_ALONE.test(h.text.trim()));
    const end = blocks.indexOf(row.at(-1) ?? b) + 1;
    const questions = questionsFollow(blocks.slice(end, end + QUESTION_REACH), questionRows, b.table?.row ?? null) || titlesQuestions(blocks, i);
    const periods = worded.length > 0 ? worded : heads;
    if (questions && new Set(periods.map((h) => h.text.trim().toLowerCase())).size >= 2) for (const h of periods) found.add(h);
  });
  return [...found];
}

/**
 * The cells after blocks[i] on its row: of a table, column after column; on a page, to its right and level with it or
 * a line or two apart (a heading cell's words wrapped: "Response at" over "last review").
 */
function rowAfter(blocks: readonly Block[], i: number): Block[] {
  const h = blocks[i]!;
  if (!h.table) {
    const { page, x, y } = h.provenance;
    if (x === undefined || y === undefined) return [];
    return blocks.filter((b) => !b.table && b.provenance.page === page && b.provenance.x !== undefined && b.provenance.x > x && Math.abs(b.provenance.y! - y) <= HEADING_ROW_DEPTH);
  }
  const row: Block[] = [];
  let column = h.table.column;
  for (const b of blocks.slice(i + 1)) {
    if (!b.table || b.table.row !== h.table.row || b.table.column <= column) break;
    row.push(b);
    column = b.table.column;
  }
  return row;
}

const TRAILING_LABELS = /\b((?:(?:yes|no|n\/a)\b\s*)+)$/i;

/** "…meta-data? Yes" with "No" wrapped to the next line: the labels printed at the end of the question's line. */
export function trailingLabels(question: Block): Block[] {
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
