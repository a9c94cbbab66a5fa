import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TEXT_STYLE, renderText } from '../corpus/build/text.js';
import { expectedFromSpec, sampleSpec, type CaseSpec } from '../corpus/build/spec.js';
import { PRINCIPLES, QUESTIONS } from '../src/catalogue.js';
import type { Block, NormalisedDocument } from '../src/document.js';
import { match } from '../src/matcher/index.js';
import { periodColumns, twoAnswerColumns } from '../src/matcher/typed-choices.js';
import { optionValue } from '../src/options.js';
import { parse as parseText } from '../parsers/text/index.js';
import { enc, run, render, answer, expectMatchesSpec } from './matcher-fixtures.js';

/** The choices matched for the numbered questions the spec answers, each as the spec gives it. */
function expectNumberedChoices(doc: NormalisedDocument, spec: CaseSpec): void {
  const got = match(doc).answers;
  const chosen = expectedFromSpec(spec).answers.filter((a) => a.choice !== null && QUESTIONS.find((q) => q.id === a.id)!.number !== null);
  expect(chosen.length).toBeGreaterThan(30);
  for (const a of chosen) expect([a.id, got.find((g) => g.id === a.id)!.choice]).toEqual([a.id, a.choice]);
}

describe('matcher on rendered templates', () => {
  it('does not read the "No." heading of the next table\'s number column as an answer', async () => {
    const spec = sampleSpec(26);
    spec.answers['P6.6'] = { ticked: 'none', text: 'None identified.' };
    spec.actionPlans[6] = null;
    const text = renderText(spec, DEFAULT_TEXT_STYLE).replace(/\n(Principle 7\n)/, '\nNo.\n\nQuestion\n\nResponse\n\nComments\n\n$1');
    const doc = await parseText(new TextEncoder().encode(text));
    const heading = doc.blocks.findIndex((b) => b.text === 'No.');
    ['No.', 'Question', 'Response', 'Comments'].forEach((t, column) => {
      expect(doc.blocks[heading + column]!.text).toBe(t);
      doc.blocks[heading + column] = { ...doc.blocks[heading + column]!, kind: 'tableCell', table: { row: 0, column } };
    });
    expect(match(doc).answers.find((a) => a.id === 'P6.6')).toMatchObject({ choice: null, status: 'missing' });
  });

  it('reads a table per question (Response | No, Comments | …) as answers, not heading rows', async () => {
    const spec = sampleSpec(6);
    const text = renderText(spec, { ...DEFAULT_TEXT_STYLE, marks: 'sole-option', optionsInline: false }).replace(
      /^(\d+\. [^\n]*)\n\n(Yes|No)$/gm,
      (_, question: string, word: string) => `${question}\n\nResponse\n\n${word}\n\nComments\n\n${word === 'No' ? 'Yes' : 'No'} - the board reviews it.`,
    );
    const doc = await parseText(new TextEncoder().encode(text));
    doc.blocks.forEach((b, i) => {
      const pair = ['Response', 'Comments'].includes(b.text) ? i : ['Response', 'Comments'].includes(doc.blocks[i - 1]?.text ?? '') ? i - 1 : -1;
      if (pair >= 0) Object.assign(b, { kind: 'tableCell', table: { row: doc.blocks[pair]!.text === 'Response' ? 1 : 2, column: i - pair } });
    });
    expectNumberedChoices(doc, spec);
  });

  it('takes no option left alone as the choice while the other is still printed beside a mark it could not read ("No 4")', async () => {
    const spec = sampleSpec(6);
    let edited = 0;
    const text = renderText(spec, { ...DEFAULT_TEXT_STYLE, marks: 'sole-option', optionsInline: false }).replace(/^(\d+\. [^\n]*)\n\n(Yes|No)$/gm, (_, question: string, word: string) => {
      edited++;
      return `${question}\n\n${word}\n\n${word === 'Yes' ? 'No' : 'Yes'} 4`;
    });
    expect(edited).toBeGreaterThan(10);
    const answers = match(await parseText(new TextEncoder().encode(text))).answers.filter((a) => a.type !== 'open' && a.number !== null);
    expect(answers.length).toBeGreaterThan(10);
    for (const a of answers) expect({ id: a.id, choice: a.choice, evidence: a.evidence.kind }).toEqual({ id: a.id, choice: null, evidence: 'none' });
    // Words are no mark: "No more" beside the option left is the organisation's text, and the option stands.
    const words = renderText(spec, { ...DEFAULT_TEXT_STYLE, marks: 'sole-option', optionsInline: false }).replace(/^(\d+\. [^\n]*)\n\n(Yes|No)$/gm, '$1\n\n$2\n\nNo more than 31 days.');
    expectNumberedChoices(await parseText(new TextEncoder().encode(words)), spec);
  });

  it('takes no option alone as the choice where the form answers in two columns, as last year\'s and this year\'s', async () => {
    const spec = sampleSpec(6);
    const answersOf = (doc: NormalisedDocument) =>
      match(doc)
        .answers.filter((a) => a.type !== 'open' && a.number !== null)
        .map((a) => ({ id: a.id, choice: a.choice, status: a.status, reason: a.reason, evidence: a.evidence.kind }));
    const form = renderText(spec, { ...DEFAULT_TEXT_STYLE, marks: 'sole-option', optionsInline: false });
    const alone = answersOf(await parseText(new TextEncoder().encode(form)));
    expect(alone.filter((a) => a.evidence === 'sole-option').length).toBeGreaterThan(10);
    // Every choice typed in two cells of its row, but the last: last year's answer, this year's cell left blank.
    let rows = 0;
    const twice = form.replace(/^(\d+\. [^\n]*)\n\n(Yes|No)$/gm, (_, question: string, word: string) => `${question}\n\n${word}${++rows < 12 ? `\t${word}` : ''}`);
    const read = answersOf(await parseText(new TextEncoder().encode(twice)));
    const last = read.filter((a) => a.evidence !== 'none' || a.reason?.includes('two columns')).at(-1)!;
    expect(last).toMatchObject({ choice: null, status: 'missing', reason: expect.stringContaining('the form answers in two columns') });
    expect(read.filter((a) => a.evidence === 'sole-option')).toEqual([]);
    // Two questions left unanswered, both options standing in their cells in the template's order: the rest still read.
    let standing = 0;
    const unanswered = form.replace(/^(\d+\. [^\n]*)\n\n(Yes|No)$/gm, (row, question: string) => (++standing <= 2 ? `${question}\n\nYes\tNo` : row));
    const kept = answersOf(await parseText(new TextEncoder().encode(unanswered)));
    expect(kept.filter((a) => a.evidence === 'sole-option').length).toBe(alone.filter((a) => a.evidence === 'sole-option').length - 2);
    expect(kept.filter((a) => a.reason === 'no box ticked').length).toBe(2);
    // Headed by review rather than by year, the same rows are this review's and the last one's: an option alone may be
    // the last review's.
    const reviews = unanswered.replace(/^1\. Has your organisation/m, 'Question\tThis review\tLast review\n$&');
    const byReview = answersOf(await parseText(new TextEncoder().encode(reviews)));
    expect(byReview.filter((a) => a.evidence === 'sole-option')).toEqual([]);
    expect(byReview.filter((a) => a.reason?.includes('the form answers in two columns')).length).toBeGreaterThan(10);
    // A table of two choices a row elsewhere (a summary by principle) says nothing of the answers.
    const summary = `${form}\nSummary\n\nPrinciple\tCompliant\tAction plan required\n1\tYes\tNo\n2\tYes\tNo\n3\tNo\tYes\n`;
    expect(answersOf(await parseText(new TextEncoder().encode(summary))).filter((a) => a.evidence === 'sole-option').length).toBe(alone.filter((a) => a.evidence === 'sole-option').length);
  });

  it('takes rows of "Yes | No" in order for two answer columns only where the questions\' table heads its columns by period', () => {
    const cell = (text: string, row: number, column: number): Block => ({ kind: 'tableCell', text, provenance: { page: 1 }, table: { row, column } });
    const region = (row: number, ...answers: Array<[string, number]>) => ({ question: cell('Question?', row, 0), before: [], rest: answers.map(([text, column]) => cell(text, row, column)) });
    const rows = [region(0, ['Yes', 2], ['No', 3]), region(1, ['Yes', 2], ['No', 3]), region(2, ['No', 3])];
    // A heading row of three cells, then a question's row (where `questions` says one starts) or another row.
    const headingRow = (first: string, a: string, b: string) => [cell(first, 0, 0), cell(a, 0, 1), cell(b, 0, 2), cell('1. Has your organisation paid a fee?', 1, 0)];
    const heads = (first: string, a: string, b: string, follows = true) => {
      const row = headingRow(first, a, b);
      return periodColumns(row, new Set(follows ? [row[3]!.provenance] : [])).map((h) => h.text);
    };
    // This year's and last year's columns, headed so over the questions, whatever the questions' column is titled.
    expect(heads('Question', 'Response 2024/25', 'Response 2023/24')).toEqual(['Response 2024/25', 'Response 2023/24']);
    expect(heads('Item', 'Now', 'Then')).toEqual(['Now', 'Then']);
    // A row of the table's own between the headings and the first question.
    const titled = [...headingRow('Question', 'This year', 'Last year').slice(0, 3), cell('Principle 2: privacy', 1, 0), cell('1. Has your organisation paid a fee?', 2, 0)];
    expect(periodColumns(titled, new Set([titled[4]!.provenance]))).toHaveLength(2);
    const headed = headingRow('Question', 'Response 2024/25', 'Response 2023/24');
    expect(twoAnswerColumns(rows, false, periodColumns(headed, new Set([headed[3]!.provenance])))).toBe(true);
    // A heading row that titles the questions' column, however far the first question.
    expect(periodColumns(headingRow('Question', 'This year', 'Last year').slice(0, 3), new Set())).toHaveLength(2);
    // Another table's heading row, then a principle's title, then questions: the title ends that table.
    const plan = [...headingRow('Action', 'Year 1', 'Year 2').slice(0, 3), { kind: 'paragraph', text: 'Principle 2', provenance: { line: 9 } } as Block, cell('1. Has your organisation paid a fee?', 1, 0)];
    expect(periodColumns(plan, new Set([plan[4]!.provenance]))).toEqual([]);
    // A rating table's heading row and its rows, then the questions' table with no heading row of its own.
    const rating = [...headingRow('Area', 'Last review', 'This review').slice(0, 3), cell('Overall', 1, 0), cell('Partial', 1, 1), cell('Full', 1, 2), cell('1. Has your organisation paid a fee?', 0, 0)];
    expect(periodColumns(rating, new Set([rating[6]!.provenance]))).toEqual([]);
    // Periods heading another table (an action plan's timescales, a measure's baseline) head no answer columns.
    expect(heads('Action', 'Year 1', 'Year 2', false)).toEqual([]);
    expect(heads('Measure', 'Baseline', 'Now', false)).toEqual([]);
    // Each option in a column of its own, the other deleted but for two questions left unanswered.
    expect(heads('Question', 'Yes', 'No')).toEqual([]);
    // Years alone on the questions' heading row, or on a second heading row under "Response | Response", head answer
    // columns; on a version table's row, which no question's row follows, they head none.
    expect(heads('Question', '2024', '2023')).toEqual(['2024', '2023']);
    const twoRows = [cell('Question', 0, 0), cell('Response', 0, 1), cell('Response', 0, 2), cell('2024', 1, 1), cell('2023', 1, 2), cell('1. Has your organisation paid a fee?', 2, 0)];
    expect(periodColumns(twoRows, new Set([twoRows[5]!.provenance])).map((h) => h.text)).toEqual(['2024', '2023']);
    expect(heads('Version', '2023', '2024', false)).toEqual([]);
    expect(heads('Question', '2024 assessment', '2022 assessment')).toHaveLength(2);
    // Periods in other words.
    for (const [a, b] of [['This review', 'Last review'], ['Current assessment', 'Previous assessment'], ['Initial audit', 'Follow-up audit'], ['Year 1', 'Year 2'], ['Review 2023', 'Review 2024'], ['Now', 'Then'], ['March 2024', 'March 2023'], ['This year’s answer', 'Last year’s answer'], ['Current response', 'Response at last review'], ['Self-assessment (2024)', 'Previous self-assessment (2023)']])
      expect(heads('Question', a!, b!), `${a} | ${b}`).toHaveLength(2);
    // A date's title or a position is no period.
    for (const [a, b] of [['Review date', 'Last updated'], ['Last reviewed', 'First published'], ['Current position', 'Previous position'], ['First name', 'Last name'], ['May', 'June']])
      expect(heads('Question', a!, b!), `${a} | ${b}`).toEqual([]);
    // Periods one under another (a document's control table: "Last review", "This review") head no columns.
    const control = [cell('Last review', 0, 0), cell('2023', 0, 1), cell('This review', 1, 0), cell('2024', 1, 1), cell('1. Has your organisation paid a fee?', 2, 0)];
    expect(periodColumns(control, new Set([control[4]!.provenance]))).toEqual([]);
    expect(twoAnswerColumns(rows, false, [])).toBe(false);
    // The same choice twice, or out of order, is two answers however the columns are headed.
    expect(twoAnswerColumns([region(0, ['No', 2], ['No', 3]), region(1, ['No', 2], ['Yes', 3])], false, [])).toBe(true);
  });

  it('takes no option alone as the choice where most questions leave both options standing, the boxes lost', async () => {
    const spec = sampleSpec(6);
    const form = renderText(spec, { ...DEFAULT_TEXT_STYLE, marks: 'sole-option', optionsInline: false });
    // Both labels under every question but the last few, some of them out of order: a table saved as text, its
    // drawn boxes gone and its cells parted.
    const total = form.match(/^(\d+\. [^\n]*)\n\n(Yes|No)$/gm)!.length;
    let rows = 0;
    const kept = form.replace(/^(\d+\. [^\n]*)\n\n(Yes|No)$/gm, (_, question: string, word: string) => {
      rows++;
      return `${question}\n\n${rows > total - 3 ? word : rows % 3 === 0 ? 'No\n\nYes' : 'Yes\n\nNo'}`;
    });
    const answers = match(await parseText(new TextEncoder().encode(kept))).answers.filter((a) => a.type !== 'open' && a.number !== null);
    expect(answers.filter((a) => a.evidence.kind === 'sole-option')).toEqual([]);
    expect(answers.filter((a) => a.reason?.includes('leave both options standing')).length).toBeGreaterThan(0);
    // Where the organisation deleted the other option throughout, the one left is its choice; so it is where the
    // questions it left unanswered keep both options in order.
    const deleted = match(await parseText(new TextEncoder().encode(form))).answers.filter((a) => a.evidence.kind === 'sole-option');
    expect(deleted.length).toBeGreaterThan(10);
    rows = 0;
    const someLeft = form.replace(/^(\d+\. [^\n]*)\n\n(Yes|No)$/gm, (_, question: string, word: string) => `${question}\n\n${++rows % 2 === 0 ? 'Yes\n\nNo' : word}`);
    const left = match(await parseText(new TextEncoder().encode(someLeft))).answers.filter((a) => a.evidence.kind === 'sole-option');
    expect(left.length).toBeGreaterThan(10);
  });

  it('takes no option alone as the choice where nearly every question keeps both options in order, the one alone moved from its other', async () => {
    const spec = sampleSpec(6);
    const form = renderText(spec, { ...DEFAULT_TEXT_STYLE, marks: 'sole-option', optionsInline: false });
    // Both labels in order under every question but one: a form whose boxes were lost in conversion, one "No"
    // printed after a page break, away from its question.
    let rows = 0;
    const kept = form.replace(/^(\d+\. [^\n]*)\n\n(Yes|No)$/gm, (_, question: string) => `${question}\n\n${++rows === 12 ? 'Yes' : 'Yes\n\nNo'}`);
    expect(rows).toBeGreaterThan(40);
    const answers = match(await parseText(new TextEncoder().encode(kept))).answers.filter((a) => a.type !== 'open' && a.number !== null);
    expect(answers.filter((a) => a.choice !== null)).toEqual([]);
    expect(answers.filter((a) => a.reason?.includes('leave both options standing'))).toHaveLength(1);
  });

  describe('reads no choice from words that only look like one', () => {
    const form = readFileSync('corpus/text-glyph-inline/input.txt', 'utf8');
    const Q21 = '21. Are the rules, policies and procedures part of an induction process for all staff?';
    const Q28 = /^(28\. If you deploy [^\n]*?Number\?)  ☒ Yes  ☐ No  ☐ N\/A\n\nRequests are logged[^\n]*$/m;
    const answerTo = async (text: string, id: string) => {
      expect(text).not.toBe(form);
      return match(await parseText(new TextEncoder().encode(text))).answers.find((a) => a.id === id)!;
    };
    const blankQ21 = (after: string) => form.replace(`${Q21}  ☐ Yes  ☒ No`, `${Q21}  ☐ Yes  ☐ No\n\n${after}`);
    /** Question 21 printed with no boxes, and what principle 5's action plan says about it. */
    const statedInPlan = (plan: string) =>
      form.replace(`${Q21}  ☐ Yes  ☒ No`, `${Q21}\n\nInduction covers the CCTV policy.`).replace(/(Principle 5\?  ☐ Yes  ☒ No\n\nAction Plan\n\n)[^\n]*/, `$1${plan}`);

    it.each([
      ['a word the choice is hyphened to, "No-fly zones"', () => form.replace(Q28, '$1\n\nNo-fly zones around the prison are checked before every flight.'), 'P5.9'],
      ['a prompt that asks, "No – why not?"', () => blankQ21('No – why not?'), 'P5.2'],
      ['a prompt that asks, "Yes – which staff groups?"', () => blankQ21('Yes – which staff groups?'), 'P5.2'],
      ['a prompt that asks, with a line to write on', () => blankQ21('No – why not? ....................'), 'P5.2'],
      ['a prompt that asks, with a word limit', () => blankQ21('No – explain why not? (max 200 words)'), 'P5.2'],
      ['a prompt that asks, in brackets', () => blankQ21('No (why not?)'), 'P5.2'],
      ['a prompt that asks, after a condition', () => blankQ21('No - if not, why not?'), 'P5.2'],
      ['"No-drone zones"', () => form.replace(Q28, '$1\n\nNo-drone zones are mapped and checked before every flight.'), 'P5.9'],
      ['a heading row "No." | "Question" repeated under blank boxes', () => blankQ21('No.\tQuestion'), 'P5.2'],
      ['a heading row with a column of its own, "Action required"', () => blankQ21('No.\tQuestion\tResponse\tComments / evidence\tAction required'), 'P5.2'],
      ['a heading row run into one line, "No. Question Y/N Comments"', () => blankQ21('No.   Question   Y/N   Comments'), 'P5.2'],
      ['a heading row run into one line naming its options, "No. Question Yes No Comments"', () => blankQ21('No.   Question   Yes   No   Comments'), 'P5.2'],
      ['a heading row naming its options repeated inside a question a page break cut', () => form.replace(Q21, '21. Are the rules, policies and procedures part of\n\nNo.   Question   Yes   No   Comments\n\nan induction process for all staff?').replace('staff?  ☐ Yes  ☒ No', 'staff?  ☐ Yes  ☐ No'), 'P5.2'],
      ['a statement said to be "a mistake" in the next sentence', () => statedInPlan("'Yes' has been selected for question 21. That was a mistake and will be corrected."), 'P5.2'],
      ['an action plan table whose number column is headed "No."', () => form.replace(/(Principle 2\?)  ☒ Yes  ☐ No(\n\nAction Plan\n\n)[^\n]*/, '$1  ☐ Yes  ☐ No$2No.\tAction\tOwner\n1\tReview the DPIA\tCCTV Manager'), 'P2.6'],
    ])('%s', async (_, edit, id) => {
      const a = await answerTo(edit(), id);
      expect({ choice: a.choice, status: a.status }).toEqual({ choice: null, status: 'missing' });
    });

    it.each([
      ['"No-see action plan", typed tightly', () => blankQ21('No-see action plan.'), 'no'],
      ['an answer that goes on with a question of its own', () => blankQ21('No – the DPIA is being redrafted; can the DPO sign it off before the consultation closes?'), 'no'],
      [
        'an action plan opening "No." over its words, not a table',
        () => form.replace(/(Principle 2\?)  ☒ Yes  ☐ No(\n\nAction Plan\n\n)[^\n]*/, '$1  ☐ Yes  ☐ No$2No.\n\nIssues noted at the 2022 audit have all been closed.'),
        'no',
        'P2.6',
      ],
      [
        'a statement the next sentence explains ("This is an oversight in our induction programme")',
        () => statedInPlan("'No' has been selected for question 21. This is an oversight in our induction programme which will be put right from April."),
        'no',
      ],
      [
        'a statement with "an oversight" about something else in its sentence',
        () => statedInPlan("'No' has been selected for question 21 as two new starters missed the session, an oversight by the trainer."),
        'no',
      ],
    ] as Array<[string, () => string, string, string?]>)('still reads the choice from %s', async (_, edit, choice, id = 'P5.2') => {
      expect((await answerTo(edit(), id)).choice).toBe(choice);
    });

    it('takes a filled square before words for a bullet, and before an option for a ticked box', async () => {
      const noBoxes = (after: string) => form.replace(`${Q21}  ☐ Yes  ☒ No`, `${Q21}\n\n${after}`);
      const bullet = await answerTo(noBoxes('Yes – covered at induction.\n\n■ Operators and supervisors attend.'), 'P5.2');
      expect({ choice: bullet.choice, text: bullet.text }).toEqual({ choice: 'yes', text: 'Yes – covered at induction.\nOperators and supervisors attend.' });
      const box = await answerTo(noBoxes('Yes – covered at induction.\n\nThe induction pack lists:  ■ No'), 'P5.2');
      expect(box.choice).toBeNull();
    });

    it('takes "Partially" beside a typed Yes as two answers where the boxes are printed too', async () => {
      const a = await answerTo(blankQ21('Yes\n\nPartially'), 'P5.2');
      expect({ choice: a.choice, status: a.status, reason: a.reason }).toEqual({ choice: null, status: 'ambiguous', reason: 'answered both "Yes" and "Partially"' });
    });
  });

  it('reads a choice typed in a response column before the question as that question\'s, not the one before', async () => {
    const spec = sampleSpec(6);
    const text = renderText(spec, { ...DEFAULT_TEXT_STYLE, marks: 'sole-option', optionsInline: false }).replace(/^(\d+\. [^\n]*)\n\n(Yes|No|N\/A)$/gm, '$2\n\n$1');
    const doc = await parseText(new TextEncoder().encode(text));
    // Each row a table's: Response | Question.
    let row = 0;
    doc.blocks.forEach((b, i) => {
      const next = doc.blocks[i + 1];
      if (optionValue(b.text) === null || !next || !/^\d+\. /.test(next.text)) return;
      b.kind = next.kind = 'tableCell';
      b.table = { row, column: 0 };
      next.table = { row: row++, column: 1 };
    });
    expect(row).toBeGreaterThan(30);
    expectNumberedChoices(doc, spec);
  });

  for (const [headings, row] of [
    ['Response\nNo.\nQuestion\nEvidence', '$3\n$1.\n$2'],
    ['No.\nQuestion\nResponse\nEvidence', '$1.\n$2\n$3'],
    ['Compliant?\nNo.\nQuestion\nComments', '$3\n$1.\n$2'],
    ['Compliance with this principle\nRef\nQuestion\nAnswer', '$1.\n$2\n$3'],
    ['Compliant (Yes/No)\nNo.\nQuestion\nComments', '$3\n$1.\n$2'],
  ] as const) {
    it(`reads each choice of a table saved as text, one cell to a line, under the headings ${headings.replace(/\n/g, ' | ')}`, async () => {
      const spec = sampleSpec(6);
      const text = renderText(spec, { ...DEFAULT_TEXT_STYLE, marks: 'sole-option', optionsInline: false })
        .replace(/^(\d+)\. ([^\n]*)\n\n(Yes|No|N\/A)$/gm, row)
        .replace(/^(Principle \d+\n[^\n]*)$/gm, `$1\n\n${headings}`);
      expect(text).toContain(row.startsWith('$3') ? 'No\n1.\nHas your organisation' : '1.\nHas your organisation paid a registration fee');
      expectNumberedChoices(await parseText(new TextEncoder().encode(text)), spec);
    });
  }

  it('reads a choice typed under the form\'s prompt "Yes / No / N/A", which a PDF leaves as text where nothing marks it', async () => {
    const spec = sampleSpec(6);
    const doc = await parseText(new TextEncoder().encode(renderText(spec, { ...DEFAULT_TEXT_STYLE, marks: 'sole-option', optionsInline: false })));
    let prompts = 0;
    doc.blocks = doc.blocks.flatMap((b, i) => {
      const before = doc.blocks[i - 1];
      if (optionValue(b.text) === null || !before || !/^\d+\. /.test(before.text)) return [b];
      prompts++;
      return [{ kind: 'paragraph' as const, text: 'Yes / No / N/A', provenance: b.provenance }, b];
    });
    expect(prompts).toBeGreaterThan(30);
    expectNumberedChoices(doc, spec);
  });

  it('reads the response column first only in the tables whose headings print it first', async () => {
    const spec = sampleSpec(6);
    // Principle 1's table is headed Response | Question | Comments; the rest print the answer after the question.
    const text = renderText(spec, { ...DEFAULT_TEXT_STYLE, marks: 'sole-option', optionsInline: false })
      .replace(/^(\d+)\. ([^\n]*)\n\n(Yes|No|N\/A)$/gm, '$1.\n$2\n$3')
      .replace(/^(Principle (\d+)\n[^\n]*)$/gm, (line, _h, n: string) => `${line}\n\n${n === '1' ? 'Response\nQuestion\nComments' : 'Ref\nQuestion\nCompliant?\nEvidence / comments'}`);
    expect(text).toContain('Ref\nQuestion\nCompliant?');
    expectNumberedChoices(await parseText(new TextEncoder().encode(text)), spec);
  });

  it('knows a response column printed first by its heading broken over two lines by a narrow column ("Respons" over "e")', async () => {
    const spec = sampleSpec(6);
    const text = renderText(spec, { ...DEFAULT_TEXT_STYLE, marks: 'sole-option', optionsInline: false })
      .replace(/^(\d+)\. ([^\n]*)\n\n(Yes|No|N\/A)$/gm, '$3\n\n$1\n\n$2')
      .replace(/^(Principle \d+\n[^\n]*)$/gm, '$1\nRespons\ne\n\nNo.\n\nQuestion\n\nEvidence');
    expect(text).toContain('Respons\ne\n\nNo.');
    expectNumberedChoices(await parseText(new TextEncoder().encode(text)), spec);
  });

  it('leaves a blank response blank where the row before ends in a prompt and its answer, under a response column printed first', async () => {
    const spec = sampleSpec(6);
    const text = renderText(spec, { ...DEFAULT_TEXT_STYLE, marks: 'sole-option', optionsInline: false })
      .replace(/^(\d+)\. ([^\n]*)\n\n(Yes|No|N\/A)$/gm, '$3\n$1.\n$2')
      .replace(/^(Principle \d+\n[^\n]*)$/gm, '$1\n\nResponse\nNo.\nQuestion\nEvidence')
      // Question 2's response left blank; question 1's evidence ends with a checklist line of its own.
      .replace(/^(?:Yes|No)\n2\.\n([^\n]*)$/m, 'Certificate displayed in the control room:\nYes\n2.\n$1');
    expect(text).toContain('control room:\nYes\n2.\nAre you able');
    const got = match(await parseText(new TextEncoder().encode(text))).answers.find((a) => a.number === 2)!;
    expect(got).toMatchObject({ choice: null, status: 'missing' });
  });

  it('reads a lone option left after the other was deleted, and never an unmarked pair', async () => {
    const spec = sampleSpec(6);
    spec.answers['P3.1'] = { ticked: 'none' };
    const r = await render(spec, { marks: 'sole-option' });
    expectMatchesSpec(r, spec);
    expect(answer(r, 'P2.1').evidence.kind).toBe('sole-option');
    expect(answer(r, 'P3.1')).toMatchObject({ choice: null, status: 'missing', reason: 'no box ticked' });
  });

  it('reads no choice from the prompt "Yes / No" a narrow cell wrapped onto lines of its own, and still reads a lone option', async () => {
    const spec = sampleSpec(6);
    for (const id of ['P2.1', 'P2.2', 'P3.1', 'P5.9']) spec.answers[id] = { ...spec.answers[id], ticked: 'none' };
    const unmarked = renderText(spec, { ...DEFAULT_TEXT_STYLE, marks: 'sole-option', optionsInline: false });
    for (const [yes, no, na] of [['Yes', '/ No', '/ N/A'], ['Yes /', 'No', 'N/A']]) {
      // "Yes" over "/ No", or "Yes /" over "No", and the drone question's "/ N/A" or "No /" over "N/A".
      const wrapped = unmarked.replace(/^Yes\n\nNo(\n\nN\/A)?$/gm, (_, withNa?: string) =>
        withNa ? `${yes}\n\n${no}${na === 'N/A' ? ' /' : ''}\n\n${na}` : `${yes}\n\n${no}`,
      );
      expect(wrapped).toContain(`${yes}\n\n${no}\n\n`);
      const r = await run(wrapped);
      expectMatchesSpec(r, spec);
      expect(answer(r, 'P2.1').evidence.kind).toBe('none');
      expect(answer(r, 'P2.3').evidence.kind).toBe('sole-option');
    }
  });

  // "Response Yes": a prompt cell and its answer cell read as one line.
  for (const prompt of ['Answer:', 'Response:', 'Yes / No:', 'Y/N:', 'Response', 'Yes / No –', '(Yes / No)'])
    it(`reads a choice written after the form's prompt: "${prompt} Yes"`, async () => {
      const spec = sampleSpec(6);
      const text = renderText(spec, { ...DEFAULT_TEXT_STYLE, marks: 'sole-option', optionsInline: false }).replace(/^(Yes|No|N\/A)$/gm, `${prompt} $1`);
      expect(text).toContain(`${prompt} Yes`);
      const r = await run(text);
      expectMatchesSpec(r, spec);
      expect(answer(r, 'P2.1').evidence.quote).toMatch(/^(Yes|No)$/);
    });

  it('leaves the form\'s guidance for the next question ("Things to consider:" and its questions) out of the answer before it', async () => {
    const spec = sampleSpec(6);
    spec.answers['P7.3'] = { text: null };
    const guidance = 'Things to consider:\n\n• How quickly do you respond to a Subject Access Request?\n\n• Can you mask third parties in released footage?\n\n';
    const text = renderText(spec, DEFAULT_TEXT_STYLE).replace(/^(?=(?:15|39)\. )/gm, guidance);
    expect(text.split('Things to consider:')).toHaveLength(3);
    const r = await run(text);
    expectMatchesSpec(r, spec);
    expect(answer(r, 'P7.3')).toMatchObject({ status: 'missing', text: null });
  });

  it('reads a choice written alone after the form\'s guidance or prompts under the question', async () => {
    const spec = sampleSpec(6);
    const guidance = [
      'Things to consider:\n\n• Who did you consult?\n\n• How were the results used?',
      'Guidance: answer Yes if every sign names the operator; answer No if any sign does not.',
      'Examples of evidence: a published policy, minutes of the review board.',
    ];
    let n = 0;
    const text = renderText(spec, { ...DEFAULT_TEXT_STYLE, marks: 'sole-option', optionsInline: false }).replace(
      /^(\d+\. [^\n]*)\n\n(Yes|No)$/gm,
      (_, question: string, word: string) => `${question}\n\n${guidance[n++ % guidance.length]}\n\n${word}`,
    );
    expect(n).toBeGreaterThan(30);
    const r = await run(text);
    expect(r.answers.map((a) => [a.id, a.choice])).toEqual(expectedFromSpec(spec).answers.map((a) => [a.id, a.choice]));
  });

  it('reads a choice typed in a response column beside its question and level with its number, after a taller comment cell that starts above it', () => {
    const spec = sampleSpec(12);
    const build = (rise: string | null = null): Block[] => {
      const blocks: Block[] = [];
      let y = 800;
      let page = 1;
      const at = (x: number, down = 0) => ({ page, x, y: y - down });
      for (const p of PRINCIPLES) {
        blocks.push({ kind: 'heading', text: `Principle ${p.number}`, provenance: at(57) }, { kind: 'paragraph', text: p.statement, provenance: at(57, 14) });
        for (const q of QUESTIONS.filter((x) => x.principle === p.number)) {
          y -= 60;
          if (y < 80) [y, page] = [800, page + 1];
          const a = spec.answers[q.id] ?? {};
          const word = a.ticked === 'yes' ? 'Yes' : a.ticked === 'no' ? 'No' : null;
          // The next row's choice set at the top of its cell, above its question centred in the row.
          if (q.id === rise) blocks.push({ kind: 'paragraph', text: word!, provenance: at(313, -10) });
          blocks.push({ kind: 'paragraph', text: q.text, provenance: at(89) });
          // Cells centred in a row of a table the PDF does not keep: a comment of two lines starts above the number
          // and the choice, level with each other.
          const comment = a.text ?? (word ? `Evidence is held in the CCTV file, section ${q.number}.` : null);
          if (comment) blocks.push({ kind: 'paragraph', text: comment, provenance: at(385, 14) });
          if (q.number !== null) blocks.push({ kind: 'paragraph', text: String(q.number), provenance: at(58, 20) });
          if (word && q.type !== 'open' && q.id !== rise) blocks.push({ kind: 'paragraph', text: word, provenance: at(313, 20) });
        }
      }
      return blocks;
    };
    const read = (blocks: Block[], id: string) => match({ format: 'pdf', blocks, diagnostics: [] }).answers.find((a) => a.id === id)!.choice;
    const blocks = build();
    const chosen = expectedFromSpec(spec).answers.filter((a) => (a.choice === 'yes' || a.choice === 'no') && QUESTIONS.find((q) => q.id === a.id)!.number !== null);
    expect(chosen.length).toBeGreaterThan(30);
    for (const a of chosen) expect([a.id, read(blocks, a.id)]).toEqual([a.id, a.choice]);
    // A word under the comment in the question's own column is not beside it: no choice is read from it.
    const id = chosen[5]!.id;
    const q = blocks.findIndex((b) => b.text === QUESTIONS.find((x) => x.id === id)!.text);
    const moved = blocks.map((b, i) => (i > q && i <= q + 3 && b.provenance.x === 313 ? { ...b, provenance: { ...b.provenance, x: 89, y: b.provenance.y! - 20 } } : b));
    expect(moved).not.toEqual(blocks);
    expect(read(moved, id)).toBeNull();
    // A row with no choice of its own does not take the next row's, risen above that row's question.
    const blank = QUESTIONS.findIndex((x, i) => x.type !== 'open' && x.number !== null && !chosen.some((c) => c.id === x.id) && chosen.some((c) => c.id === QUESTIONS[i + 1]?.id));
    expect(blank).toBeGreaterThan(-1);
    const next = QUESTIONS[blank + 1]!.id;
    expect(read(build(next), QUESTIONS[blank]!.id)).toBeNull();
  });

  it('does not read a word left at the end of an answer as the option kept', async () => {
    const spec = sampleSpec(6);
    const text = renderText(spec, { ...DEFAULT_TEXT_STYLE, marks: 'sole-option', optionsInline: false }).replace(
      /^(4\. [^\n]*)\n\n(?:Yes|No)$/m,
      '$1\n\nNote: the assessment is reviewed by the board.\n\nNo',
    );
    expect(text).toContain('the board.\n\nNo');
    expect(answer(await run(text), QUESTIONS.find((q) => q.number === 4)!.id)).toMatchObject({ choice: null });
  });

  it('reads a choice on the line after "Yes / No (delete as appropriate)"', async () => {
    const spec = sampleSpec(6);
    const text = renderText(spec, { ...DEFAULT_TEXT_STYLE, marks: 'sole-option', optionsInline: false }).replace(
      /^(Yes|No|N\/A)$/gm,
      'Yes / No (delete as appropriate)\n\n$1',
    );
    expect(text).toContain('Yes / No (delete as appropriate)\n\nNo');
    expectNumberedChoices(await parseText(new TextEncoder().encode(text)), spec);
  });

  it('reads no choice from a prompt followed by words that only open with one', async () => {
    const spec = sampleSpec(6);
    const text = renderText(spec, { ...DEFAULT_TEXT_STYLE, marks: 'sole-option', optionsInline: false }).replace(
      /^(4\. [^\n]*\n\n)(?:Yes|No)$/m,
      '$1Response: No response has been received from the regulator yet',
    );
    expect(text).toContain('Response: No response');
    expect(answer(await run(text), QUESTIONS.find((q) => q.number === 4)!.id)).toMatchObject({ choice: null, text: 'Response: No response has been received from the regulator yet' });
  });

  it('reports a choice typed beside "Partially" as ambiguous, naming both', async () => {
    const spec = sampleSpec(6);
    const text = renderText(spec, { ...DEFAULT_TEXT_STYLE, marks: 'sole-option', optionsInline: false }).replace(
      /^(4\. [^\n]*\n\n)(Yes|No)$/m,
      '$1$2\n\nPartially',
    );
    expect(text).toMatch(/\n(Yes|No)\n\nPartially\n/);
    expect(answer(await run(text), QUESTIONS.find((q) => q.number === 4)!.id)).toMatchObject({
      choice: null,
      status: 'ambiguous',
      reason: expect.stringMatching(/^answered both "(Yes|No)" and "Partially"$/),
    });
  });

  it('reads a capital "Y" or "N" typed as the answer, alone or opening it with a dash or a bracket, under a "Y/N" heading', async () => {
    const spec = sampleSpec(6);
    let n = 0;
    const lettered = renderText(spec, { ...DEFAULT_TEXT_STYLE, marks: 'sole-option', optionsInline: false }).replace(/^(Yes|No)$/gm, (word: string) => {
      const letter = word[0]!;
      return [letter, `${letter}.`, `${letter} - see the policy`, `${letter} (reviewed in May)`][n++ % 4]!;
    });
    expect(n).toBeGreaterThan(30);
    expect(lettered).toMatch(/\n\nN\.\n/);
    expect(lettered).toMatch(/\n\nY \(reviewed in May\)\n/);
    const headed = lettered.replace(/^(Principle \d+\n[^\n]*)$/gm, '$1\n\nY/N');
    expectNumberedChoices(await parseText(enc(headed)), spec);
    // Nothing in the document says its letters answer the form: a column of them may say anything.
    const bare = await parseText(enc(lettered));
    expect(match(bare).answers.filter((a) => a.choice === 'yes' || a.choice === 'no')).toEqual([]);
    // A table's heading row naming the column "Yes/No" says so; the prompt "Yes/No" on a line of its own does not.
    const withHeading = (kind: 'tableCell' | 'paragraph'): NormalisedDocument => ({
      ...bare,
      blocks: bare.blocks.flatMap((b) =>
        /^Principle \d+$/.test(b.text)
          ? [b, ...['No.', 'Question', 'Yes/No', 'Comments'].map((text, column): Block => ({ kind, text, provenance: b.provenance, ...(kind === 'tableCell' ? { table: { row: 0, column } } : {}) }))]
          : [b],
      ),
    });
    expectNumberedChoices(withHeading('tableCell'), spec);
    expect(match(withHeading('paragraph')).answers.filter((a) => a.choice === 'yes' || a.choice === 'no')).toEqual([]);
  });

  it('reads no choice from a lower-case letter, or from "Y" and "N" printed as the options', async () => {
    const spec = sampleSpec(6);
    const base = renderText(spec, { ...DEFAULT_TEXT_STYLE, marks: 'sole-option', optionsInline: false });
    const id = QUESTIONS.find((q) => q.number === 4)!.id;
    const lower = base.replace(/^(4\. [^\n]*\n\n)(Yes|No)$/m, (_, question: string, word: string) => `${question}${word[0]!.toLowerCase()}`);
    expect(lower).toMatch(/\n4\. [^\n]*\n\n[yn]\n/);
    expect(answer(await run(lower), id)).toMatchObject({ choice: null });
    const printed = base.replace(/^(4\. [^\n]*\n\n)(?:Yes|No)$/m, '$1Y\n\nN');
    expect(printed).toMatch(/\n4\. [^\n]*\n\nY\n\nN\n/);
    expect(answer(await run(printed), id)).toMatchObject({ choice: null });
  });

  it('reads each letter of a "Y/N" column printed first, in a table saved as text, as its own row\'s', async () => {
    const spec = sampleSpec(6);
    const text = renderText(spec, { ...DEFAULT_TEXT_STYLE, marks: 'sole-option', optionsInline: false })
      .replace(/^(\d+)\. ([^\n]*)\n\n(Yes|No)$/gm, (_, n: string, question: string, word: string) => `${word[0]}\n${n}.\n${question}`)
      .replace(/^(Principle \d+\n[^\n]*)$/gm, '$1\n\nY/N\nNo.\nQuestion\nComments');
    // A row whose comments cell is blank: its letter comes straight after the row before's.
    expect(text).toMatch(/\n[YN]\n\d+\.\n[^\n]*\?\n\n[YN]\n\d+\.\n/);
    expectNumberedChoices(await parseText(enc(text)), spec);
  });

  it('reads the choice of a row whose first cell is a letter of another column ("Changed (Y/N)"), leaving the letter out', async () => {
    const spec = sampleSpec(6);
    const doc = await parseText(enc(renderText(spec, { ...DEFAULT_TEXT_STYLE, marks: 'sole-option', optionsInline: false })));
    // Each row a table's: Changed (Y/N) | Question | Response.
    let row = 0;
    doc.blocks = doc.blocks.flatMap((b, i) => {
      const next = doc.blocks[i + 1];
      if (!/^\d+\. /.test(b.text) || !next || optionValue(next.text) === null) return [b];
      b.kind = next.kind = 'tableCell';
      b.table = { row, column: 1 };
      next.table = { row, column: 2 };
      return [{ kind: 'tableCell' as const, text: row % 3 ? 'N' : 'Y', provenance: b.provenance, table: { row: row++, column: 0 } }, b];
    });
    expect(row).toBeGreaterThan(30);
    doc.blocks.splice(doc.blocks.findIndex((b) => b.text === 'Principle 2'), 0, { kind: 'paragraph', text: 'Changed (Y/N)', provenance: { line: 0 } });
    expectNumberedChoices(doc, spec);
    expect(match(doc).answers.every((a) => !/^[YN]$/m.test(a.text ?? ''))).toBe(true);
  });

  it('leaves a row\'s reference ("2b": principle and letter) out of the answer of the row before', async () => {
    const spec = sampleSpec(6);
    const doc = await parseText(enc(renderText(spec, { ...DEFAULT_TEXT_STYLE, marks: 'sole-option', optionsInline: false })));
    // Each question's row a table's: Ref | Question | Response, the answers' text in rows of their own.
    let row = 0;
    let principle = 0;
    let letter = 0;
    doc.blocks = doc.blocks.flatMap((b) => {
      if (/^Principle \d+$/.test(b.text)) [principle, letter] = [Number(b.text.split(' ')[1]), 0];
      if (!/^\d+\. /.test(b.text)) return [b];
      b.kind = 'tableCell';
      b.table = { row, column: 1 };
      return [{ kind: 'tableCell' as const, text: `${principle}${'abcdefghijk'[letter++]}`, provenance: b.provenance, table: { row: row++, column: 0 } }, b];
    });
    expect(row).toBeGreaterThan(30);
    expect(doc.blocks.some((b) => b.text === '2b')).toBe(true);
    const got = match(doc).answers;
    expect(got.filter((a) => a.text !== null).length).toBeGreaterThan(20);
    expect(got.filter((a) => /\b\d{1,2}[a-k]$/.test(a.text ?? '')).map((a) => a.id)).toEqual([]);
    // The same codes closing the answer before, not on the question's row (an evidence bundle's tabs), are its text.
    const cited = structuredClone(doc);
    cited.blocks = cited.blocks.flatMap((b) =>
      b.table?.column === 0 ? [{ kind: 'paragraph' as const, text: `See tab ${b.text}:`, provenance: b.provenance }, { kind: 'paragraph' as const, text: b.text, provenance: b.provenance }, b] : [b],
    );
    const kept = match(cited).answers.filter((a) => /See tab (\d{1,2}[a-k]):\n\1$/.test(a.text ?? ''));
    expect(kept.length).toBeGreaterThan(20);
  });

  it('reads no letter as a choice where the letters are another column\'s: one named for what it says, or one beside a Yes or No', async () => {
    const spec = sampleSpec(6);
    const base = renderText(spec, { ...DEFAULT_TEXT_STYLE, marks: 'sole-option', optionsInline: false });
    const id = QUESTIONS.find((q) => q.number === 4)!.id;
    const lettered = base.replace(/^(4\. [^\n]*\n\n)(Yes|No)$/m, (_, question: string, word: string) => `${question}${word[0]}`);
    expect(answer(await run(lettered), id)).toMatchObject({ choice: expectedFromSpec(spec).answers.find((a) => a.id === id)!.choice });
    // A column heading naming what its letters say.
    for (const heading of ['Evidence held (Y/N)', 'Evidence available? (Y/N)', 'Evidence held Y/N', 'Changed? [Y/N]']) {
      const named = lettered.replace(/^(Principle 2\n[^\n]*\n)/m, `$1\nQuestion\n\n${heading}\n`);
      expect(named).toContain(`Question\n\n${heading}\n`);
      expect(answer(await run(named), id)).toMatchObject({ choice: null });
    }
    // Another question with two letters in its answer: two columns of letters.
    const two = lettered.replace(/^(6\. [^\n]*\n\n)(Yes|No)$/m, (_, question: string, word: string) => `${question}${word[0]}\n\nN`);
    expect(two).toMatch(/\n6\. [^\n]*\n\n[YN]\n\nN\n/);
    expect(answer(await run(two), id)).toMatchObject({ choice: null });
    // Another question answered "Yes" with a letter after it: the letters say something else throughout.
    const beside = lettered.replace(/^(6\. [^\n]*\n\n)(Yes|No)$/m, '$1$2\n\nN');
    expect(beside).toMatch(/\n6\. [^\n]*\n\n(Yes|No)\n\nN\n/);
    expect(answer(await run(beside), id)).toMatchObject({ choice: null });
    // A comment that opens by restating its letter ("Y" over "Yes, although …") is no other column.
    const restated = lettered.replace(/^(6\. [^\n]*\n\n)(Yes|No)$/m, (_, question: string, word: string) => `${question}${word[0]}\n\n${word}, although the signs at two car parks are still being replaced.`);
    expect(restated).toMatch(/\n6\. [^\n]*\n\n([YN])\n\n(Yes|No), although/);
    expect(answer(await run(restated), id)).toMatchObject({ choice: expectedFromSpec(spec).answers.find((a) => a.id === id)!.choice });
  });

  it('reads no choice from "Response No." heading a column of response numbers', async () => {
    const spec = sampleSpec(6);
    const text = renderText(spec, { ...DEFAULT_TEXT_STYLE, marks: 'sole-option', optionsInline: false }).replace(
      /^(4\. [^\n]*\n\n)(?:Yes|No)$/m,
      '$1Response No.\n\nR-114 answered within 20 days; R-121 answered within 35 days.',
    );
    expect(text).toContain('Response No.\n\nR-114');
    expect(answer(await run(text), QUESTIONS.find((q) => q.number === 4)!.id)).toMatchObject({ choice: null });
  });
});
