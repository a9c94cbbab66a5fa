/**
 * Lines the blocks of a normalised document up with the template's 75
 * questions, in document order, and reads each answer. Format-blind: it sees
 * blocks, options and marks, never where they came from. Its steps: the
 * blocks that can hold content (content.ts), the form and where its questions
 * are (form.ts), each question's extent (regions.ts), and its answer
 * (answer.ts).
 */
import { PRINCIPLES, QUESTIONS, type Question } from '../catalogue.js';
import type { Block, Diagnostic, NormalisedDocument } from '../document.js';
import { ExtractError } from '../errors.js';
import type { ActionPlan, Answer, Organisation } from '../schema.js';
import { findStatements, type Statement } from '../statements.js';
import { DECLARATION, mergeTitleBlocks, readTitleBlock, trailingTitleStart } from '../title.js';
import { isBox, readAnswer, regionText } from './answer.js';
import { keepContent, numberColumnTitles } from './content.js';
import { MIN_QUESTIONS, chooseForm } from './form.js';
import { boxesLeftBefore, carriedOn, continuesQuestion, questionBlock, responseFirstTables, rowCellsBefore, translationAfter, translationBefore, translationSide, untilOtherQuestion, wrappedHead } from './regions.js';
import { isChoiceCell, isLetter, lettersAnswer, optionsDeleted, periodColumns, twoAnswerColumns } from './typed-choices.js';
import { ACTION_PLAN, isGuidance, leadingNumber, PLAN_COLUMN, PLAN_COLUMNS_ROW, WELSH_LABEL } from './wording.js';

export interface MatchResult {
  organisation: Organisation;
  answers: Answer[];
  actionPlans: ActionPlan[];
  diagnostics: Diagnostic[];
}

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
  const front = readTitleBlock(blocks, firstAnchor);

  // A question's first line may sit in the block before the one that matched, and boxes printed
  // to its left on its row come before it in reading order: both belong to the question.
  const matched = new Set(questionAt.filter((at): at is number => at !== null));
  // A bilingual form asks each question in both languages, the one matched and the other beside it.
  const translated = blocks.some((b) => b.kind !== 'option' && WELSH_LABEL.test(b.text)) ? translationSide(blocks, matched) : null;
  const heads = questionAt.map((at, i) =>
    at === null ? 0 : wrappedHead(QUESTIONS[i]!, blocks, at, matched) || (translated === 'before' ? translationBefore(blocks, at, matched) : 0),
  );
  const responseFirst = responseFirstTables(doc.blocks);
  const leading = questionAt.map((at, i) => (at === null ? 0 : rowCellsBefore(blocks, at - heads[i]!, responseFirst, matched)));
  const questionStarts = questionAt.map((at, i) => (at === null ? null : at - heads[i]! - leading[i]!));
  const boundaries = new Set<number>([...principles.filter((x): x is number => x !== undefined), ...questionStarts.filter((x): x is number => x !== null)]);
  const actionAt = findActionPlans(blocks, principles, questionAt, boundaries);
  for (const a of actionAt) if (a !== undefined) boundaries.add(a);
  // A bare "Action Plan" heading printed straight before its principle's closing question answers nothing above it.
  // Elsewhere such a line may head words of an answer ("Action Plan" over the actions in a comments cell), unless it
  // names a principle (see findActionPlans).
  QUESTIONS.forEach((q, i) => {
    const start = questionStarts[i];
    if (!q.actionQuestion || !start) return;
    const label = blocks[start - 1]!.kind === 'option' ? null : ACTION_PLAN.exec(blocks[start - 1]!.text.trim());
    if (label && !label[1]) boundaries.add(start - 1);
  });
  // What follows the form (an appendix, a declaration, the document's history) answers nothing: its heading ends the
  // last answer or action plan.
  const lastStart = Math.max(-1, ...questionStarts.filter((x): x is number => x !== null));
  const trailing = blocks.findIndex((_, i) => i > lastStart && headsTrailingMatter(blocks, i));
  if (trailing >= 0) boundaries.add(trailing);
  // A title block printed after the form (its sign-off at the end) gives the fields the start did not, and ends the
  // last answer or action plan.
  const titleAfter = trailingTitleStart(blocks, lastStart + 1);
  if (titleAfter >= 0) boundaries.add(titleAfter);
  const organisation = titleAfter >= 0 ? mergeTitleBlocks(front, readTitleBlock(blocks.slice(titleAfter), blocks.length - titleAfter)) : front;
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
    const body = regionText(withoutColumnTitles(blocks.slice(at + 1, nextBoundary(boundaries, at, blocks.length)).filter(answering)));
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
    const translation = translated === 'after' ? translationAfter(after) : null;
    const rest = [...between, ...after.filter((b) => b !== translation && !continuesQuestion(q, question.block, b))];
    const stated = statements.filter((s) => (s.principle !== null || !perPrinciple) && refersTo(s, q, printedNumbers[qi]!, printedNumbers));
    return { question: question.block, before, rest, stated, boxesBefore: boxesLeftBefore(blocks, start), askedBefore };
  });
  const numberTitles = numberColumnTitles(blocks);
  const letters = lettersAnswer(doc.blocks, regions.map((r) => (r ? [...r.before, ...r.rest] : [])));
  const asking = QUESTIONS.map((q, qi) => (q.type === 'open' ? null : (regions[qi] ?? null)));
  // Headings the content leaves out (a table's heading row) are looked for in the whole document, and the questions'
  // rows known there by where they are.
  const questionRows = new Set(questionStarts.flatMap((at) => (at === null ? [] : [blocks[at]!.provenance])));
  const twoColumns = twoAnswerColumns(asking, letters, periodColumns(doc.blocks, questionRows));
  const deleted = optionsDeleted(asking, letters);
  // Numbers alone in a cell or on a line, which the content leaves out as a sequence: the rows' own references.
  const numbers = doc.blocks.filter((b) => b.kind !== 'option' && /^\s*\d{1,2}(?:\.\d{1,2})?[.)]?\s*$/.test(b.text));
  const answers = QUESTIONS.map((q, qi) => {
    const r = regions[qi];
    const plan = actionPlans[q.principle - 1]!;
    if (!r) return readAnswer(q, null, [], plan, []);
    // Where letters answer nothing, a letter left of its question is another column's cell ("Changed (Y/N)").
    const region = [...(letters ? r.before : r.before.filter((b) => !isLetter(b))), ...r.rest].filter((b) => !numberTitles.has(b));
    return readAnswer(q, r.question, region, plan, r.stated, { boxesPrinted, boxesBefore: r.boxesBefore, askedBefore: r.askedBefore, letters, twoColumns, deleted, numbers });
  });
  // Without an "Action Plan" label, the plan is what follows the principle's last question.
  const plans = actionPlans.map((plan, i) => {
    if (actionAt[i] !== undefined) return plan;
    const last = answers.filter((a) => a.principle === plan.principle).at(-1)!;
    return last.text ? { ...plan, text: last.text, provenance: last.provenance.text } : plan;
  });
  return { organisation, answers, actionPlans: plans, diagnostics };
}

/**
 * A heading of what documents print after the form: an appendix with its title ("Appendix B – DPIA screening
 * checklist", or a heading of its own, "Appendix B"), "Declaration", "Document history", "Version control", or a
 * sign-off over its signature ("Sign off", then "Signed: …", perhaps after the declaration signed). Alone on its
 * line, no sentence ("Appendix A to the review lists the sites."); not a plan's own words ("Sign off" as a step or a
 * column's title, "Annex A" over a line of the plan).
 */
function headsTrailingMatter(blocks: readonly Block[], i: number): boolean {
  const b = blocks[i]!;
  const t = b.text.trim();
  if (b.kind === 'option' || /[.;,]$/.test(t) || t.split(/\s+/).length > 10) return false;
  if (/^(?:appendix|annexe?)\s+(?:[A-Z]|\d{1,2}|[IVX]{1,4})(?:\s*[:–—-]\s*\S.*)?$/i.test(t)) return b.kind === 'heading' || /[:–—-]\s*\S/.test(t.replace(/^\S+\s+\S+/, ''));
  if (/^(?:declaration|document\s+(?:control|history)|version\s+(?:control|history)|revision\s+history|change\s+(?:log|history))\s*:?$/i.test(t)) return true;
  if (!/^(?:sign[\s-]?off|signatures?)\s*:?$/i.test(t)) return false;
  const signature = (k: number) => /^(?:signed|signature|name)\b\s*[:\-–]/i.test(blocks[k]?.text.trim() ?? '');
  // The declaration signed may stand between, its lines perhaps blocks of their own: "I confirm that this self
  // assessment has been reviewed …".
  return signature(i + 1) || (DECLARATION.test(blocks[i + 1]?.text.trim() ?? '') && (signature(i + 2) || signature(i + 3)));
}


/**
 * A plan set out as a table opens with its columns' titles ("Action | Owner | Target date"), printed again where it
 * runs on to the next page: no words of the plan. A text conversion runs them into one line, or gives each a line.
 */
function withoutColumnTitles(body: readonly Block[]): Block[] {
  const out: Block[] = [];
  for (let i = 0; i < body.length; ) {
    const b = body[i]!;
    let n = i + 1;
    if (b.kind === 'tableCell' && b.table) while (body[n]?.kind === 'tableCell' && body[n]!.table?.row === b.table.row) n++;
    // Where the format keeps no rows, a title to a line (a table saved as text): two or more in a row.
    else if (!b.table && b.kind !== 'option' && PLAN_COLUMN.test(b.text.trim())) while (n < body.length && !body[n]!.table && body[n]!.kind !== 'option' && PLAN_COLUMN.test(body[n]!.text.trim())) n++;
    const row = body.slice(i, n);
    const titles = row.length >= 2 ? row.every((c) => PLAN_COLUMN.test(c.text.trim())) : b.kind !== 'option' && PLAN_COLUMNS_ROW.test(b.text.trim());
    if (!titles) out.push(...row);
    i = n;
  }
  return out;
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
    // A label naming this principle, printed with its plan before the closing question, where nothing but options
    // follows the question (a label alone there, or words after the question, leave the plan to what follows it).
    if (blocks.slice(from + 1, to).some((b) => b.kind !== 'option')) return undefined;
    const start = principles[p.number - 1] ?? (ids.length ? Math.min(...ids) : from);
    for (let i = from - 2; i > start; i--) if (namesPlanOf(blocks[i]!, p.number) && !boundaries.has(i)) return planFollows(blocks.slice(i + 1, from)) ? i : undefined;
    return undefined;
  });
}

/** Words of a plan, not the form's guidance on filling it in ("(Complete the box below if you answer Yes …)"). */
const planFollows = (between: readonly Block[]) => between.some((b) => b.kind !== 'option' && !isGuidance(b.text) && !/^\(.*\)\.?$/s.test(b.text.trim()));

/** A line that is only a plan's label naming principle `n`: "Action Plan – Principle 3", "Action plan for principle 3:". */
function namesPlanOf(b: Block, n: number): boolean {
  const m = b.kind === 'option' ? null : /^action\s*plan\b[\s:.\-–—]*(?:for\s+)?principle\s+(\d{1,2})\b[\s:.\-–—]*$/i.exec(b.text.trim());
  return m !== null && Number(m[1]) === n;
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
