import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TEXT_STYLE, renderText, type TextStyle } from '../corpus/build/text.js';
import { expectedFromSpec, sampleSpec, type CaseSpec } from '../corpus/build/spec.js';
import { PRINCIPLES, QUESTIONS } from '../src/catalogue.js';
import type { Block, Mark, NormalisedDocument } from '../src/document.js';
import { ExtractError } from '../src/errors.js';
import { match } from '../src/matcher/index.js';
import { periodColumns, twoAnswerColumns } from '../src/matcher/typed-choices.js';
import { optionValue } from '../src/options.js';
import { parse as parseText } from '../parsers/text/index.js';
import { extract } from '../src/extract.js';
import type { ExtractRecord } from '../src/schema.js';

const enc = (s: string) => new TextEncoder().encode(s);

async function run(text: string, name = 'doc.txt'): Promise<ExtractRecord> {
  return extract(enc(text), { path: name });
}

async function render(spec: CaseSpec, style: Partial<TextStyle> = {}): Promise<ExtractRecord> {
  return run(renderText(spec, { ...DEFAULT_TEXT_STYLE, ...style }));
}

const answer = (r: ExtractRecord, id: string) => r.answers.find((a) => a.id === id)!;

/** The choices matched for the numbered questions the spec answers, each as the spec gives it. */
function expectNumberedChoices(doc: NormalisedDocument, spec: CaseSpec): void {
  const got = match(doc).answers;
  const chosen = expectedFromSpec(spec).answers.filter((a) => a.choice !== null && QUESTIONS.find((q) => q.id === a.id)!.number !== null);
  expect(chosen.length).toBeGreaterThan(30);
  for (const a of chosen) expect([a.id, got.find((g) => g.id === a.id)!.choice]).toEqual([a.id, a.choice]);
}

/** Every choice, status and text agrees with what the spec says. */
function expectMatchesSpec(r: ExtractRecord, spec: CaseSpec): void {
  const expected = expectedFromSpec(spec);
  const got = r.answers.map((a) => ({ id: a.id, choice: a.choice, text: a.text, status: a.status }));
  expect(got).toEqual(expected.answers);
  expect(r.actionPlans.map((p) => ({ principle: p.principle, text: p.text }))).toEqual(expected.actionPlans);
  const { name, scope, seniorResponsibleOfficer, position, signOffDate } = r.organisation;
  expect({ name, scope, seniorResponsibleOfficer, position, signOffDate }).toEqual(expected.organisation);
}

describe('matcher on rendered templates', () => {
  it('reads ticked glyph boxes, texts, action plans and the title block', async () => {
    const spec = sampleSpec(1);
    expectMatchesSpec(await render(spec), spec);
  });

  it('reads [x] boxes on lines of their own', async () => {
    const spec = sampleSpec(2);
    expectMatchesSpec(await render(spec, { marks: 'brackets', optionsInline: false }), spec);
  });

  for (const numbering of ['restart', 'first-only', 'none'] as const) {
    it(`lines questions up when numbering is ${numbering}`, async () => {
      const spec = sampleSpec(3, { numbering });
      expectMatchesSpec(await render(spec), spec);
    });
  }

  it('tolerates questions shortened or reworded by the organisation', async () => {
    const spec = sampleSpec(4);
    spec.answers['P4.1'] = { text: 'A board meets quarterly.', wording: 'What governance arrangements do you have?' };
    spec.answers['P6.2'] = { text: 'Automatic overwrite after 31 days.', wording: 'What arrangements exist for automatically deleting images?' };
    spec.answers['P11.1'] = { ticked: 'yes', wording: 'Are your images of suitable quality for evidence?' };
    const r = await render(spec);
    expectMatchesSpec(r, spec);
    expect(answer(r, 'P4.1').printedQuestion).toBe('13. What governance arrangements do you have?');
  });

  it('passes over a running header naming the principle that starts further down the page', async () => {
    const spec = sampleSpec(7);
    const header = (n: number) => `Principle ${n} – ${PRINCIPLES[n - 1]!.statement}\n\n`;
    let headers = 0;
    // Word's STYLEREF: the page where principle n starts is headed with it, above the end of principle n - 1.
    const text = (header(1) + renderText(spec, DEFAULT_TEXT_STYLE)).replace(
      /^((?:\d+\. )?Have you identified any areas where action is required to conform more fully with the requirements of Principle (\d+)\?)/gm,
      (line, _q, n: string) => (Number(n) < 12 ? (headers++, header(Number(n) + 1) + line) : line),
    );
    expect(headers).toBeGreaterThanOrEqual(9);
    expectMatchesSpec(await run(text), spec);
  });

  it('passes over a running header above a page that opens with the action plan of the principle before', async () => {
    const spec = sampleSpec(9);
    let n = 1;
    let headers = 0;
    const text = renderText(spec, DEFAULT_TEXT_STYLE).replace(/^Action Plan$/gm, (line) =>
      ++n <= 12 ? (headers++, `Principle ${n} – ${PRINCIPLES[n - 1]!.statement}\n\n${line}`) : line,
    );
    expect(headers).toBe(11);
    expectMatchesSpec(await run(text), spec);
  });

  it('keeps an action plan listing actions by principle as the plan, not as the principles it names', async () => {
    const spec = sampleSpec(8);
    spec.actionPlans[2] = [
      'The review found actions under several principles:',
      'Principle 6 - retention to be reduced to 28 days.',
      'Principle 4 - contact details to go on the website.',
      'Principle 5 - refresher training for all operators.',
    ].join('\n');
    const text = renderText(spec, DEFAULT_TEXT_STYLE);
    expect(text).toContain('Principle 6 - retention');
    expectMatchesSpec(await run(text), spec);
  });

  it('reads the first of two assessments in one file, after an introduction quoting the principles, and says another follows', async () => {
    const first = sampleSpec(11);
    const second = sampleSpec(12);
    const intro = [
      first.organisation.name,
      'Surveillance camera self assessments',
      'The Surveillance Camera Code of Practice sets out 12 guiding principles:',
      ...PRINCIPLES.map((p) => `Principle ${p.number}: ${p.statement}`),
      'Part 1',
    ].join('\n');
    const r = await run(`${intro}\n\n${renderText(first, DEFAULT_TEXT_STYLE)}\n\nPart 2\n\n${renderText(second, DEFAULT_TEXT_STYLE)}`);
    expectMatchesSpec(r, first);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['another-assessment']);
    // Where the second form's title block starts again: its Principle 1 heading.
    expect(r.diagnostics[0]!.provenance!.line).toBeGreaterThan(r.answers.at(-1)!.provenance.question!.line!);
  });

  it('takes principles listed in an answer for no headings, and keeps a short last action plan before a second form', async () => {
    const first = sampleSpec(14);
    first.answers['P2.5'] = { text: 'Our policy covers:\n\nPrinciple 1 - purpose\n\nPrinciple 2 - privacy\n\nPrinciple 3 - transparency' };
    first.actionPlans[12] = 'Retention to be reviewed by March 2026';
    const r = await run(`${renderText(first, DEFAULT_TEXT_STYLE)}\n\nPart 2\n\n${renderText(sampleSpec(15), DEFAULT_TEXT_STYLE)}`);
    expect(r.answers.map((a) => [a.id, a.choice])).toEqual(expectedFromSpec(first).answers.map((a) => [a.id, a.choice]));
    expect(answer(r, 'P2.5').text).toBe('Our policy covers:\nPrinciple 1 - purpose\nPrinciple 2 - privacy\nPrinciple 3 - transparency');
    expect(r.actionPlans.at(-1)!.text).toBe('Retention to be reviewed by March 2026');
    expect(r.organisation.name).toBe(first.organisation.name);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['another-assessment']);
  });

  it('ends the first form at the second one\'s title block where the second\'s Principle 1 heading is worded past recognition', async () => {
    const first = sampleSpec(16);
    const second = sampleSpec(17);
    const secondText = renderText(second, DEFAULT_TEXT_STYLE).replace(
      /^Principle 1$/m,
      'Principle 1 - body worn video is only switched on by wardens for the purposes in the policy and never for routine patrol.',
    );
    const r = await run(`${renderText(first, DEFAULT_TEXT_STYLE)}\n\n${secondText}`);
    expectMatchesSpec(r, first);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['another-assessment']);
  });

  it('ends the first form at the second one\'s title block where a screening question stands before its Principle 1, title labels repeated or not', async () => {
    // Three forms from one organisation: the title block's labels are printed three times, as running headers are.
    const [first, second, third] = [sampleSpec(18), sampleSpec(19), sampleSpec(20)];
    const last = renderText(first, DEFAULT_TEXT_STYLE).indexOf('70. Have you identified');
    // The last question of the first form is answered in words alone, with no boxes and no Action Plan label.
    const firstText = `${renderText(first, DEFAULT_TEXT_STYLE).slice(0, last)}70. Have you identified any areas where action is required to conform more fully with the requirements of Principle 12?\n\nNone identified at present.\n`;
    const secondText = renderText(second, DEFAULT_TEXT_STYLE).replace(
      /^Principle 1$/m,
      'This assessment covers the body worn cameras issued to wardens.\n\nAre body worn cameras issued to staff covered by this assessment?  ☒ Yes  ☐ No\n\nPrinciple 1',
    );
    const r = await run([firstText, secondText, renderText(third, DEFAULT_TEXT_STYLE)].join('\n\n'));
    expect(answer(r, 'P12.6')).toMatchObject({ choice: null, text: 'None identified at present.' });
    expect(r.organisation.name).toBe(first.organisation.name);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['another-assessment']);
  });

  it('takes principles an action plan lists by number, out of order and apart, for words, not another form', async () => {
    const spec = sampleSpec(21);
    spec.actionPlans[10] = ['Principle 2 - review the privacy notice.', 'Principle 4 - name a single point of contact.', 'Principle 5 - publish the operators\' manual.'].join('\n\nThe owner reports to the CCTV board each quarter.\n\n');
    const r = await render(spec);
    expect(r.answers.map((a) => [a.id, a.choice])).toEqual(expectedFromSpec(spec).answers.map((a) => [a.id, a.choice]));
    expect(r.diagnostics.map((d) => d.code)).toEqual([]);
  });

  it('takes principles an action plan lists under a heading of its own for words too', async () => {
    const spec = sampleSpec(29);
    spec.actionPlans[10] = ['## Actions by principle\n\nPrinciple 2 - review the privacy notice.', 'Principle 4 - name a single point of contact.', 'Principle 5 - publish the operators\' manual.'].join('\n\nThe owner reports to the CCTV board each quarter.\n\n');
    const r = await run(renderText(spec, DEFAULT_TEXT_STYLE), 'doc.md');
    expect(r.answers.filter((a) => a.principle >= 11).map((a) => [a.id, a.choice])).toEqual(expectedFromSpec(spec).answers.filter((a) => Number(a.id.split('.')[0]!.slice(1)) >= 11).map((a) => [a.id, a.choice]));
    expect(r.diagnostics.map((d) => d.code)).toEqual([]);
  });

  it('gives boxes after a question answered in words, and after another question, to that other question', async () => {
    const first = sampleSpec(22);
    const at = renderText(first, DEFAULT_TEXT_STYLE).indexOf('70. Have you identified');
    // The last question answered in words alone; a second form after it whose title block has no labels, its
    // screening question ticked, before its Principle 1.
    const firstText = `${renderText(first, DEFAULT_TEXT_STYLE).slice(0, at)}70. Have you identified any areas where action is required to conform more fully with the requirements of Principle 12?\n\nNone identified at present.\n`;
    const secondText = renderText(sampleSpec(23), DEFAULT_TEXT_STYLE).replace(
      /^[\s\S]*?^Principle 1$/m,
      'Body Worn Video - Self Assessment\n\nCompleted by the Head of Community Safety, September 2025\n\nAre body worn cameras issued to staff covered by this assessment?  ☒ Yes  ☐ No\n\nPrinciple 1',
    );
    const r = await run(`${firstText}\n\n${secondText}`);
    expect(answer(r, 'P12.6')).toMatchObject({ choice: null, status: 'missing' });
    expect(answer(r, 'P12.6').text).toMatch(/^None identified at present\./);
    expect(r.organisation.name).toBe(first.organisation.name);
  });

  const promptedBeforeBoxes = async (between: string, number = 10) => {
    const spec = sampleSpec(26);
    const text = renderText(spec, DEFAULT_TEXT_STYLE).replace(new RegExp(`^(${number}\\. [^\\n]*?\\?)\\s+(☐ Yes\\s+☒ No|☒ Yes\\s+☐ No)$`, 'm'), `$1\n\n${between}\n\n$2`);
    expect(text).toContain(between);
    const id = QUESTIONS.find((q) => q.number === number)!.id;
    return { answer: answer(await run(text), id), expected: expectedFromSpec(spec).answers.find((a) => a.id === id)!.choice };
  };

  for (const between of [
    'The policy covers every camera.\n\nIf not, why not?',
    'The policy covers every camera.\n\nWho signs it off?',
    'Consider: signs at every entrance.\n\nIs this in place?',
    'Things to consider:\n\n• Do new starters sign the procedures?\n\n• Is the induction refreshed when policies change?',
    // A question of the organisation's own, answered in words: the boxes after the answer are not its.
    'The policy covers every camera.\n\nIs the policy published?\n\nYes, on the council website.',
    '(a) If so, please give details?',
    'i. If no, please explain?',
  ])
    it(`gives a question the boxes after a prompt of its own: ${JSON.stringify(between)}`, async () => {
      const { answer: a, expected } = await promptedBeforeBoxes(between);
      expect(a).toMatchObject({ choice: expected, status: 'answered' });
    });

  for (const asked of [
    'Is it reviewed each year?',
    'Do you use ANPR cameras? (tick one)',
    'Do you use ANPR cameras? (Y/N)',
    'Are there any cameras on private land? Yes/No',
    'Any cameras monitored by a contractor?',
    'In the last 12 months, has any footage been released to the media?',
    'Does the system record audio? - please tick',
  ])
    it(`does not give a question answered in words the boxes after a Yes/No question of their own: ${JSON.stringify(asked)}`, async () => {
      const { answer: a } = await promptedBeforeBoxes(`The policy covers every camera.\n\n${asked}`);
      expect(a).toMatchObject({ choice: null, status: 'ambiguous', reason: `the boxes follow another question, "${asked}", asked after this one's answer` });
    });

  it('does not give a question answered in words the boxes after a question of their own worded like it', async () => {
    const asked = 'Does your Privacy Notice signage for body worn cameras highlight their use and the purpose for which they capture images?';
    const { answer: a } = await promptedBeforeBoxes(`Signs are installed at every entrance to the town centre.\n\n${asked}`, 8);
    expect(a).toMatchObject({ choice: null, status: 'ambiguous', reason: `the boxes follow another question, "${asked}", asked after this one's answer` });
  });

  it('gives a question the boxes after its answer and the question printed again', async () => {
    const again = 'Does your Privacy Notice signage highlight the use of a surveillance camera system and the purpose for which it captures images?';
    const { answer: a, expected } = await promptedBeforeBoxes(`Signs are installed at every entrance to the town centre.\n\n${again}`, 8);
    expect(a).toMatchObject({ choice: expected, status: 'answered' });
  });

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

  it('takes no answers from a checklist after a form that stops early, but reads a form that goes on without its headings', async () => {
    const form = readFileSync('corpus/text-glyph-inline/input.txt', 'utf8');
    const principle5 = form.indexOf('\nPrinciple 5\n');
    expect(principle5).toBeGreaterThan(0);
    const appendix = [
      'Appendix A: DPIA screening checklist',
      'Are the images produced by the CCTV good enough to be used as evidence in court?  ☒ Yes  ☐ No',
      'Are all staff aware of RIPA and when surveillance becomes covert?  ☐ Yes  ☒ No',
      'Is there a DPIA in place for every camera?  ☒ Yes  ☐ No',
    ].join('\n\n');
    const stopsEarly = match(await parseText(new TextEncoder().encode(`${form.slice(0, principle5)}\n${appendix}\n`))).answers;
    expect(stopsEarly.filter((a) => a.principle >= 5 && a.status !== 'missing').map((a) => a.id)).toEqual([]);
    expect(stopsEarly.filter((a) => a.principle <= 4 && a.choice !== null).length).toBeGreaterThan(10);
    // A contractor's checklist asking a third of the later principles' questions in the template's words.
    const checklist = QUESTIONS.filter((q) => q.principle >= 7 && !q.actionQuestion && q.type !== 'open')
      .slice(0, 12)
      .map((q) => `${q.text}  ☒ Yes  ☐ No`)
      .join('\n\n');
    const principle7 = form.indexOf('\nPrinciple 7\n');
    const contractor = match(await parseText(new TextEncoder().encode(`${form.slice(0, principle7)}\nAppendix A – Contractor compliance checklist\n\n${checklist}\n`))).answers;
    expect(contractor.filter((a) => a.principle >= 7 && a.status !== 'missing').map((a) => a.id)).toEqual([]);
    // The same form with principles 5 to 12 printed without their headings or statements: its questions are its own.
    const statements = PRINCIPLES.filter((p) => p.number >= 5).map((p) => p.statement);
    const headless = form
      .split('\n')
      .filter((line) => !/^Principle (?:[5-9]|1[0-2])$/.test(line) && !statements.includes(line))
      .join('\n');
    const full = match(await parseText(new TextEncoder().encode(form))).answers;
    const read = match(await parseText(new TextEncoder().encode(headless))).answers;
    expect(read.filter((a) => a.principle >= 5).map((a) => [a.id, a.choice, a.status])).toEqual(full.filter((a) => a.principle >= 5).map((a) => [a.id, a.choice, a.status]));
    // The last principle's heading gone and its questions reworded past recognition, but for its closing one.
    const p12 = QUESTIONS.filter((q) => q.principle === 12);
    const reworded = form
      .split('\n')
      .filter((line) => line !== 'Principle 12' && line !== PRINCIPLES[11]!.statement)
      .map((line) => (p12.some((q) => !q.actionQuestion && line.includes(q.text)) ? line.replace(/^(\d+\.) .*?\?/, '$1 Something else entirely?') : line))
      .join('\n');
    const closing = p12.find((q) => q.actionQuestion)!;
    expect(match(await parseText(new TextEncoder().encode(reworded))).answers.find((a) => a.id === closing.id)).toMatchObject({ status: 'answered', choice: full.find((a) => a.id === closing.id)!.choice });
    // Or its closing question reworded past recognition, but for its others: most of its questions are there.
    const closingReworded = form
      .split('\n')
      .filter((line) => line !== 'Principle 12' && line !== PRINCIPLES[11]!.statement)
      .map((line) => (line.includes(closing.text) ? line.replace(/^(\d+\.) .*?\?/, '$1 Are there any areas where further action is needed?') : line))
      .join('\n');
    // The question before it takes the unfound one's boxes too, and is ambiguous: its own are checked apart.
    const others = p12.filter((q) => !q.actionQuestion).map((q) => q.id).slice(0, -1);
    expect(match(await parseText(new TextEncoder().encode(closingReworded))).answers.filter((a) => others.includes(a.id)).map((a) => [a.id, a.choice, a.status])).toEqual(
      full.filter((a) => others.includes(a.id)).map((a) => [a.id, a.choice, a.status]),
    );
    const before = p12.filter((q) => !q.actionQuestion).at(-1)!;
    expect(match(await parseText(new TextEncoder().encode(closingReworded))).answers.find((a) => a.id === before.id)).toMatchObject({ choice: null, status: 'ambiguous' });
  });

  it('gives a question the boxes after a list of prompts a line introduces, not to the last prompt', async () => {
    const spec = sampleSpec(26);
    const text = renderText(spec, DEFAULT_TEXT_STYLE).replace(
      /^(10\. [^\n]*?\?)\s+(☐ Yes\s+☒ No|☒ Yes\s+☐ No)$/m,
      '$1\n\nThings to consider:\n\nDo new starters sign the procedures?\n\nIs the induction refreshed when policies change?\n\n$2',
    );
    const doc = await parseText(new TextEncoder().encode(text));
    // As a Word or Markdown list: items of their own, unnumbered.
    for (const b of doc.blocks) if (/^(Do new starters|Is the induction)/.test(b.text)) b.kind = 'listItem';
    const id = QUESTIONS.find((q) => q.number === 10)!.id;
    expect(match(doc).answers.find((a) => a.id === id)).toMatchObject({ choice: expectedFromSpec(spec).answers.find((a) => a.id === id)!.choice, status: 'answered' });
  });

  it('takes a note of the organisation\'s for its words, before a Yes/No question of their own', async () => {
    const { answer: a } = await promptedBeforeBoxes('Note: the policy covers every camera.\n\nIs it reviewed each year?');
    expect(a).toMatchObject({ choice: null, status: 'ambiguous' });
  });

  it('leaves a question the boxes printed on its own row, whatever its comment cell asks', async () => {
    const spec = sampleSpec(26);
    spec.answers['P3.3'] = { ticked: 'no' };
    const text = renderText(spec, { ...DEFAULT_TEXT_STYLE, optionsInline: false }).replace(
      /(\n9\. Does your signage state who operates the system[^\n]*\n)/,
      '$1\nThe signs name the Council.\n\nShould they give a phone number too?\n',
    );
    const doc = await parseText(new TextEncoder().encode(text));
    const question = doc.blocks.findIndex((b) => b.text.startsWith('9. Does your signage'));
    // A table row: question, comment and boxes side by side; the comment's second paragraph below its first.
    const row = [
      { x: 56, y: 500 },
      { x: 300, y: 500 },
      { x: 300, y: 488 },
      { x: 480, y: 500 },
      { x: 520, y: 500 },
    ];
    const place = (at: Array<{ x: number; y: number }>) => at.forEach((p, i) => (doc.blocks[question + i]!.provenance = { page: 3, ...p }));
    const p33 = () => match(doc).answers.find((a) => a.id === 'P3.3');
    place(row);
    expect(doc.blocks.slice(question + 3, question + 5).map((b) => b.kind)).toEqual(['option', 'option']);
    expect(p33()).toMatchObject({ choice: 'no', status: 'answered' });
    // The boxes centred in their cell, below the question's first line: still beyond the comments beside it.
    place(row.map((p, i) => (i >= 3 ? { ...p, y: 470 } : p)));
    expect(p33()).toMatchObject({ choice: 'no', status: 'answered' });
    // Laid out down the page, the comment and its question under the form's question, the boxes under them.
    const down = [
      { x: 56, y: 500 },
      { x: 56, y: 480 },
      { x: 56, y: 468 },
      { x: 56, y: 450 },
      { x: 100, y: 450 },
    ];
    place(down);
    expect(p33()).toMatchObject({ choice: null, status: 'ambiguous' });
    // In a table: the boxes in the question's row are its own; in the first row of a table after it, they are not.
    const cells = [0, 1, 1, 2, 3];
    cells.forEach((column, i) => (doc.blocks[question + i]!.table = { row: 0, column }));
    expect(p33()).toMatchObject({ choice: 'no', status: 'answered' });
    doc.blocks[question + 2]!.table = doc.blocks[question + 3]!.table = { row: 0, column: 0 };
    doc.blocks[question + 4]!.table = { row: 0, column: 1 };
    expect(p33()).toMatchObject({ choice: null, status: 'ambiguous' });
  });

  it("leaves out of an answer a reference printed left of its question, after it (a row's cells centred)", async () => {
    const spec = sampleSpec(26);
    spec.answers['P3.3'] = { ticked: 'no', text: 'The signs name the Council.' };
    const doc = await parseText(enc(renderText(spec, { ...DEFAULT_TEXT_STYLE, optionsInline: false })));
    const question = doc.blocks.findIndex((b) => b.text.startsWith('9. Does your signage'));
    const comment = doc.blocks.findIndex((b, i) => i > question && b.text === 'The signs name the Council.');
    doc.blocks[question]!.provenance = { page: 3, x: 96, y: 500 };
    doc.blocks[comment]!.provenance = { page: 3, x: 386, y: 496 };
    const reference: Block = { kind: 'paragraph', text: '3.9', provenance: { page: 3, x: 68, y: 487 } };
    doc.blocks.splice(question + 1, 0, reference);
    const p33 = () => match(doc).answers.find((a) => a.id === 'P3.3')!;
    expect(p33()).toMatchObject({ choice: 'no', text: 'The signs name the Council.' });
    // Written where the answer's words are, it is the answer's.
    reference.provenance = { page: 3, x: 386, y: 487 };
    expect(p33().text).toBe('3.9\nThe signs name the Council.');
  });

  it('gives the boxes after the form\'s last question answered in words, and a question with how to answer it, to that question', async () => {
    const spec = sampleSpec(26);
    const text = renderText(spec, DEFAULT_TEXT_STYLE).replace(
      /(70\. Have you identified[^\n]*\?)[\s\S]*$/,
      '$1\n\nNone identified at present.\n\nReview\n\nIs a further review planned within 12 months? (tick one)\n\n☒ Yes  ☐ No\n',
    );
    expect(answer(await run(text), 'P12.6')).toMatchObject({ choice: null, status: 'missing', text: 'None identified at present.\nReview' });
  });

  it('leaves the boxes of a sign-off after the form\'s last question answered in words to the sign-off', async () => {
    const spec = sampleSpec(26);
    const text = renderText(spec, DEFAULT_TEXT_STYLE).replace(
      /(70\. Have you identified[^\n]*\?)[\s\S]*$/,
      '$1\n\nNone identified at present.\n\nDeclaration\n\nApproved by the Senior Responsible Officer\n\n☒ Yes  ☐ No\n\nMartin Oduya, 12/09/2025\n',
    );
    expect(answer(await run(text), 'P12.6')).toMatchObject({ choice: null, status: 'missing', text: 'None identified at present.' });
  });

  it('takes a run of headings under a title block of its own for another form, though it asks none of the first form\'s questions again', async () => {
    const first = renderText(sampleSpec(27), DEFAULT_TEXT_STYLE);
    const second = renderText(sampleSpec(28), DEFAULT_TEXT_STYLE);
    // The first form says Principle 12 does not apply; the second, under its own title block, asks only Principle 12's questions.
    const firstText = `${first.slice(0, first.indexOf('Principle 12'))}Principle 12\n\nNot applicable: the system holds no reference database.\n`;
    const skipped = Array.from({ length: 11 }, (_, i) => `Principle ${i + 1}\n\nNot assessed in this review.\n\nThe cameras in scope raise no question under it.\n\nSee the first assessment.\n`).join('\n');
    const secondText = `${second.slice(0, second.indexOf('Principle 1\n'))}${skipped}\n${second.slice(second.indexOf('Principle 12'))}`;
    const r = await run(`${firstText}\n\n${secondText}`);
    for (const q of QUESTIONS.filter((x) => x.principle === 12 && x.type !== 'open')) expect(answer(r, q.id).status, q.id).not.toBe('answered');
    expect(r.organisation.name).toBe(sampleSpec(27).organisation.name);
  });

  it('takes no sentence opening with a title block label for the next form\'s title block', async () => {
    const first = sampleSpec(24);
    first.answers['P12.5'] = { text: 'Senior Responsible Officer to review RIPA awareness training each year.' };
    const secondText = renderText(sampleSpec(25), DEFAULT_TEXT_STYLE).replace(
      /^[\s\S]*?^Principle 1$/m,
      'Body Worn Video - Self Assessment\n\nThis assessment covers the body worn cameras issued to wardens.\n\nPrinciple 1',
    );
    const r = await run(`${renderText(first, DEFAULT_TEXT_STYLE)}\n\n${secondText}`);
    expect(r.answers.map((a) => ({ id: a.id, choice: a.choice, text: a.text, status: a.status }))).toEqual(expectedFromSpec(first).answers);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['another-assessment']);
  });

  it('reads a form whose principles an introduction lists, where the form prints no "Principle" headings', async () => {
    const spec = sampleSpec(13);
    const intro = PRINCIPLES.map((p) => `Principle ${p.number}: ${p.statement}`).join('\n\n');
    const form = renderText(spec, DEFAULT_TEXT_STYLE).replace(/^Principle \d+\n/gm, '');
    expectMatchesSpec(await run(`${intro}\n\n${form}`), spec);
  });

  it('keeps running headers and page numbers out of answers that cross a page', async () => {
    const spec = sampleSpec(5);
    const r = await render(spec, { pageEvery: 23 });
    expectMatchesSpec(r, spec);
    expect(r.answers.some((a) => /Page \d+ of|Self Assessment$/.test(a.text ?? ''))).toBe(false);
  });

  describe('an answer that is a bare number, among bare page numbers', () => {
    const spec = sampleSpec(5);
    spec.answers['P5.5'] = { text: '12' };
    spec.answers['P6.1'] = { text: '31' };
    // Pages of about 25 lines, each ending in its bare number; one page ends right on the answer "12".
    const pages: string[][] = [[]];
    for (const line of renderText(spec, DEFAULT_TEXT_STYLE).split('\n')) {
      const page = pages.at(-1)!;
      page.push(line);
      if ((page.length >= 25 && line === '') || line === '12') pages.push([]);
    }
    const numbered = pages.map((page, i) => [...page, '', String(i + 1), ''].join('\n'));

    it('keeps it where form feeds mark the pages', async () => {
      expectMatchesSpec(await run(numbered.join('\f')), spec);
    });

    it('keeps it where nothing marks the pages', async () => {
      expectMatchesSpec(await run(numbered.join('')), spec);
    });
  });

  it('never reads a box paired on its own line when the lines around it pair it another way', async () => {
    const spec = sampleSpec(6);
    spec.answers['P3.1'] = { ticked: 'no' };
    spec.answers['P3.2'] = { ticked: 'no' };
    const text = renderText(spec, DEFAULT_TEXT_STYLE)
      .replace(/^(7\. .*\?)\s+☐ Yes\s+☒ No$/m, '$1\n\n☐\nYes ☒\nNo')
      .replace(/^(8\. .*\?)\s+☐ Yes\s+☒ No$/m, '$1  ☐\nYes ☒ No');
    expect(text).toContain('\n☐\nYes ☒\nNo');
    expect(text).toContain('?  ☐\nYes ☒ No');
    const r = await run(text);
    for (const id of ['P3.1', 'P3.2']) expect(answer(r, id), id).toMatchObject({ choice: null, status: 'ambiguous', reason: 'a ticked box has no readable label' });
  });

  it('reads a column of options that wrapped with its question in a layout conversion as one row', async () => {
    const spec = sampleSpec(6);
    spec.answers['P3.3'] = { ticked: 'no' };
    spec.answers['P3.4'] = { ticked: 'no' };
    const column = (m: string, first: string, rest: string, top: string, bottom: string) => `${m}${first.padEnd(100)}${top}\n    ${rest.padEnd(99)}${bottom}`;
    const text = renderText(spec, DEFAULT_TEXT_STYLE)
      .replace(/^(9\. )(.*?include a) (point of contact.*\?)\s+☐ Yes\s+☒ No$/m, (_, m, first, rest) => column(m, first, rest, '☐ Yes ☒', 'No'))
      .replace(/^(10\. )(.*?do you inform) (those present.*\?)\s+☐ Yes\s+☒ No$/m, (_, m, first, rest) => column(m, first, rest, '\uF06F Yes \uF0FE', 'No'));
    expect(text).toMatch(/include a {10,}☐ Yes ☒\n {4}point of contact.* {5,}No\n/);
    expect(text).toMatch(/do you inform {3,}\uF06F Yes \uF0FE\n/);
    const r = await run(text);
    // Box first, read across both lines: ☒ is No's.
    expect(answer(r, 'P3.3')).toMatchObject({ choice: 'no', status: 'answered' });
    // The empty box may be a list bullet, which would give ☒ to Yes: neither reading is taken.
    expect(answer(r, 'P3.4')).toMatchObject({ choice: null, status: 'ambiguous' });
  });

  it('never reads a lone label as the option left standing when its row of boxes stands before the question', async () => {
    const spec = sampleSpec(6);
    spec.answers['P11.3'] = { ticked: 'yes' };
    // A page break inside the row: the question's second half is what is found, and "☒ Yes ☐" sits before it.
    const text = renderText(spec, DEFAULT_TEXT_STYLE).replace(
      /^(\d+\. Do you have safeguards in place to ensure the forensic integrity of the) (.*\?)\s+☒ Yes\s+☐ No$/m,
      '$1\n☒ Yes ☐\n\f$2\nNo',
    );
    expect(text).toContain('integrity of the\n☒ Yes ☐\n\fimages and information');
    const a = answer(await run(text), 'P11.3');
    expect(a.choice).not.toBe('no');
    expect(a.status).not.toBe('answered');
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

  it('joins a question\'s first line to the rest where its row\'s boxes and comments come between them', async () => {
    const spec = sampleSpec(26);
    const text = renderText(spec, DEFAULT_TEXT_STYLE).replace(
      /^(15\. Have you appointed a single point of contact within your) (governance arrangements, [^\n]*\?)  (☒ Yes  ☐ No|☐ Yes  ☒ No)\n\n([^\n]*)$/m,
      '$1\n\n$3\n\n$4\n\n$2',
    );
    const doc = await parseText(new TextEncoder().encode(text));
    // A row turned on the page: the first line's cell, the boxes, the comments cell, then the question's other lines.
    const first = doc.blocks.findIndex((b) => b.text.startsWith('15. Have you appointed'));
    expect(doc.blocks.slice(first + 1, first + 5).map((b) => b.kind)).toEqual(['option', 'option', 'paragraph', 'paragraph']);
    expect(doc.blocks[first + 4]!.text).toMatch(/^governance arrangements/);
    const comment = doc.blocks[first + 3]!;
    doc.blocks[first] = { ...doc.blocks[first]!, kind: 'tableCell', table: { row: 0, column: 0 } };
    Object.assign(comment, { kind: 'tableCell', table: { row: 0, column: 1 } });
    const expected = expectedFromSpec(spec).answers.find((a) => a.id === 'P4.3')!;
    expect(match(doc).answers.find((a) => a.id === 'P4.3')).toMatchObject({ choice: expected.choice, status: 'answered', text: comment.text });
  });

  it('reads the boxes a layout set between a question and its comment; where spacing no longer sets them apart, no choice', async () => {
    const form = renderText(sampleSpec(10), DEFAULT_TEXT_STYLE);
    const row = (second: string) =>
      ` 6      Have you identified any areas where           ☒ Yes         See action plan.\n        action is required to conform more fully      ${second} No\n        with the requirements of Principle 2?`;
    const withRow = (text: string) => form.replace(/^6\. Have you identified any areas where action is required[^\n]*Principle 2\?  ☐ Yes  ☒ No$/m, text);
    for (const [second, expected] of [
      ['☐', { choice: 'yes', status: 'answered' }],
      ['☒', { choice: null, status: 'ambiguous', reason: 'both boxes ticked' }],
    ] as const) {
      const r = await run(withRow(row(second)));
      expect(answer(r, 'P2.6')).toMatchObject(expected);
      expect(answer(r, 'P2.6').text).toBe('See action plan.');
      // The same with the column gaps closed up, as some converters leave it: the box is run into the question's line.
      const closed = await run(withRow(row(second).replace(/ {2,}/g, ' ')));
      expect(answer(closed, 'P2.6')).toMatchObject({ choice: null, status: 'ambiguous', reason: 'a ticked box could not be read with its label' });
      expect(answer(closed, 'P2.5').text).not.toContain('Have you identified');
    }
  });

  it('reads a lone option left after the other was deleted, and never an unmarked pair', async () => {
    const spec = sampleSpec(6);
    spec.answers['P3.1'] = { ticked: 'none' };
    const r = await render(spec, { marks: 'sole-option' });
    expectMatchesSpec(r, spec);
    expect(answer(r, 'P2.1').evidence.kind).toBe('sole-option');
    expect(answer(r, 'P3.1')).toMatchObject({ choice: null, status: 'missing', reason: 'no box ticked' });
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
    expect(match(await parseText(enc(lettered))).answers.filter((a) => a.choice === 'yes' || a.choice === 'no')).toEqual([]);
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

  it('reports both boxes ticked as ambiguous and none ticked as missing', async () => {
    const spec = sampleSpec(7);
    spec.answers['P2.2'] = { ticked: 'both' };
    spec.answers['P2.3'] = { ticked: 'none' };
    const r = await render(spec);
    expect(answer(r, 'P2.2')).toMatchObject({ choice: null, status: 'ambiguous', reason: 'both boxes ticked' });
    expect(answer(r, 'P2.3')).toMatchObject({ choice: null, status: 'missing', reason: 'no box ticked' });
  });

  it('never gives a choice when the format kept no box state', async () => {
    const r = await render(sampleSpec(8), { marks: 'placeholder' });
    for (const a of r.answers.filter((x) => x.type !== 'open')) {
      expect(a.choice, a.id).toBeNull();
      expect(a.reason, a.id).toBe('checkbox state not present in this format');
    }
  });

  it('never gives a choice for labels printed with no box at all', async () => {
    const r = await render(sampleSpec(9), { marks: 'labels-only', optionsInline: false });
    for (const a of r.answers.filter((x) => x.type !== 'open')) {
      expect(a.choice, a.id).toBeNull();
      expect(a.reason, a.id).toBe('no box ticked');
    }
  });
});

describe('matcher on what organisations add', () => {
  const base = () => {
    const spec = sampleSpec(10);
    spec.answers['P2.1'] = { ticked: 'none' };
    return spec;
  };

  it('drops the template guidance printed between questions', async () => {
    const spec = base();
    const text = renderText(spec).replace(
      /(\n4\. Do you update your data protection)/,
      "\nBefore May 2018 the requirement was to complete a privacy impact assessment; this has been replaced by a data protection impact assessment. There is a surveillance camera specific template on the Surveillance Camera Commissioner's website:\n\nhttps://www.gov.uk/government/publications/privacy-impact-assessments-for-surveillance-cameras\n$1",
    );
    const r = await run(text);
    expect(answer(r, 'P2.3').text).toBe(expectedFromSpec(spec).answers.find((a) => a.id === 'P2.3')!.text);
  });

  it('drops list bullets from answer lines but keeps the words', async () => {
    const spec = base();
    spec.answers['P1.2'] = { text: '• Data Protection Act 2018\n\uF0B7 Protection of Freedoms Act 2012' };
    const r = await render(spec);
    expect(answer(r, 'P1.2').text).toBe('Data Protection Act 2018\nProtection of Freedoms Act 2012');
  });

  it('keeps "N/A", "Nil" and "None" as answers', async () => {
    const spec = base();
    spec.answers['P5.8'] = { text: 'N/A' };
    spec.answers['P9.5'] = { text: 'Nil' };
    spec.answers['P9.6'] = { text: 'None' };
    const r = await render(spec);
    expect(['P5.8', 'P9.5', 'P9.6'].map((id) => [answer(r, id).text, answer(r, id).status])).toEqual([
      ['N/A', 'answered'],
      ['Nil', 'answered'],
      ['None', 'answered'],
    ]);
  });

  it('keeps a free note after an action plan in that action plan', async () => {
    const spec = base();
    spec.actionPlans[5] = 'None identified.\nNote:\nRe Questions 27 and 28, neither are relevant to ANPR.';
    const r = await render(spec);
    expect(r.actionPlans[4]!.text).toBe(spec.actionPlans[5]);
    expect(answer(r, 'P6.1').text).toBe(spec.answers['P6.1']!.text);
  });

  it('takes a choice stated in words elsewhere, marked as inferred, and nothing from cross-references', async () => {
    const spec = base();
    spec.answers['P3.3'] = { ticked: 'none' };
    spec.answers['P3.2'] = { ticked: 'none' };
    spec.actionPlans[3] = "P3 Q8 - signage is not used at covert sites.\nAlthough 'No' has been selected as the answer for point 9, signs are placed at portable deployments.";
    const r = await run(renderText(spec, { ...DEFAULT_TEXT_STYLE, marks: 'placeholder' }));
    expect(answer(r, 'P3.3')).toMatchObject({ choice: 'no', status: 'answered', evidence: { kind: 'inferred' } });
    expect(answer(r, 'P3.3').evidence.quote).toContain("'No' has been selected");
    expect(answer(r, 'P3.3').confidence).toBeLessThan(0.9);
    expect(answer(r, 'P3.2').choice).toBeNull();
  });

  it('takes no choice from a statement that asks, doubts or advises one', async () => {
    const spec = base();
    for (const id of ['P3.2', 'P3.3', 'P4.2', 'P5.2']) spec.answers[id] = { ticked: 'none' };
    spec.actionPlans[3] = "The panel queried whether 'Yes' was selected for question 8. The auditor recommended that 'No' is given for question 9.";
    spec.actionPlans[4] = "It is proposed that 'Yes' is ticked for question 14 after the SRO is appointed in May.";
    spec.actionPlans[5] = "It is unclear whether 'Yes' was selected for question 21 by the contractor.";
    // Advice taken, then the choice stated.
    for (const id of ['P7.2', 'P8.3']) spec.answers[id] = { ticked: 'none' };
    spec.actionPlans[6] = "As advised by the Data Protection Officer, 'Yes' has been selected for question 37.";
    spec.actionPlans[7] = "The Board recommended new signs, so 'No' has been selected for question 45.";
    // A proposal, the choice in the present: not made.
    spec.answers['P4.4'] = { ticked: 'none' };
    spec.actionPlans[10] = "Cllr Ward recommended that, pending the signage survey, 'No' is selected for question 16.";
    // Advice followed, by its noun: stated.
    spec.answers['P9.2'] = { ticked: 'none' };
    spec.actionPlans[11] = "In line with the auditor's recommendation, 'No' is selected for question 48.";
    const r = await run(renderText(spec, { ...DEFAULT_TEXT_STYLE, marks: 'placeholder' }));
    for (const id of ['P3.2', 'P3.3', 'P4.2', 'P5.2', 'P4.4']) expect([id, answer(r, id).choice]).toEqual([id, null]);
    expect([answer(r, 'P7.2').choice, answer(r, 'P8.3').choice, answer(r, 'P9.2').choice]).toEqual(['yes', 'no', 'no']);
  });

  it('never fills boxes left blank on the page from a statement elsewhere', async () => {
    const spec = base();
    spec.answers['P3.3'] = { ticked: 'none' };
    spec.actionPlans[3] = "Although 'No' has been selected as the answer for point 9, signs are placed at portable deployments.";
    const r = await render(spec);
    expect(answer(r, 'P3.3')).toMatchObject({ choice: null, status: 'missing', reason: 'no box ticked' });
  });

  it('ignores a choice said to be a mistake or made in another year, and cites questions by the numbers printed', async () => {
    const placeholders = { ...DEFAULT_TEXT_STYLE, marks: 'placeholder' } as const;
    const spec = base();
    spec.answers['P3.3'] = { ticked: 'none' };
    spec.answers['P8.3'] = { ticked: 'none' };
    spec.actionPlans[3] = "In the 2023 assessment 'Yes' was selected for question 9.";
    spec.actionPlans[8] = "'No' was selected in error for question 45.";
    spec.answers['P2.3'] = { ticked: 'none' };
    spec.answers['P2.4'] = { ticked: 'none' };
    spec.answers['P3.1'] = { ticked: 'none' };
    spec.answers['P4.2'] = { ticked: 'none' };
    spec.actionPlans[2] = "We have not answered 'Yes' to question 4 while the review cycle is agreed. If 'No' is selected for question 3, say why.";
    spec.actionPlans[4] = "'No' was selected for question 14 in the Feb. 2024 review. Had we answered 'No' to question 7 we would have consulted.";
    // The template's own rules, not answers; a sentence that opens with a case of its own still states one.
    spec.answers['P2.6'] = { ticked: 'none' };
    spec.actionPlans[1] = "Where 'No' has been ticked for question 6, an action must be entered in the action plan below.";
    spec.answers['P6.6'] = { ticked: 'none' };
    spec.actionPlans[5] = "When 'No' is ticked for question 35, no action plan is needed.";
    spec.answers['P7.2'] = { ticked: 'none' };
    spec.actionPlans[6] = "Where the police use the control room we ticked 'Yes' for question 37.";
    // Aims, rules for when to tick, and another assessment's answers.
    for (const id of ['P7.5', 'P7.7', 'P8.4', 'P9.2']) spec.answers[id] = { ticked: 'none' };
    spec.actionPlans[7] = "Our target is to have answered 'Yes' to question 40 at the next review.";
    spec.actionPlans[8] = "'Yes' is ticked for question 42 only where a written evaluation is held.";
    spec.actionPlans[9] = "In the body worn video assessment 'Yes' has been selected for question 46.";
    spec.actionPlans[10] = "Once 'No' has been selected for question 48, an entry goes in the action plan.";
    // What was answered when the form was published before.
    spec.answers['P3.4'] = { ticked: 'none' };
    spec.actionPlans[11] = "When we published last time we had ticked 'Yes' for question 10, though we do not use body worn cameras.";
    const r = await run(renderText(spec, placeholders));
    for (const id of ['P3.3', 'P8.3', 'P2.3', 'P2.4', 'P3.1', 'P4.2', 'P2.6', 'P6.6', 'P7.5', 'P7.7', 'P8.4', 'P9.2', 'P3.4']) expect(answer(r, id).choice).toBeNull();
    expect(answer(r, 'P7.2')).toMatchObject({ choice: 'yes', evidence: { kind: 'inferred' } });
    // Numbered afresh in every principle, "question 3" is the third of some principle: not one question.
    const restarted = base();
    restarted.numbering = 'restart';
    restarted.answers['P3.3'] = { ticked: 'none' };
    restarted.actionPlans[3] = "'No' has been selected as the answer for question 3.";
    const rr = await run(renderText(restarted, placeholders));
    expect(rr.answers.filter((a) => a.evidence.kind === 'inferred' && a.evidence.quote?.includes('question 3'))).toEqual([]);
    // Printed "Q.12 …" (no stop after the number): question 12 is the twelfth of this document, not the template's.
    const own = base();
    own.answers['P3.1'] = { ticked: 'none' };
    own.actionPlans[3] = "We have answered 'No' to question 12 because no consultation was needed.";
    let n = 0;
    const qdot = renderText(own, placeholders)
      .split('\n')
      .map((line) => (QUESTIONS.some((q) => line.includes(q.text.slice(0, 40))) ? `Q.${++n} ${line.replace(/^\d{1,2}\. /, '')}` : line))
      .join('\n');
    const ro = await run(qdot);
    expect(answer(ro, 'P3.1')).toMatchObject({ choice: 'no', evidence: { kind: 'inferred' } });
    expect(answer(ro, 'P3.6').choice).not.toBe('no');
  });

  it('takes "question 2.3" in a statement for principle 2\'s third question', async () => {
    const spec = base();
    spec.answers['P2.2'] = { ticked: 'none' };
    spec.answers['P2.3'] = { ticked: 'none' };
    spec.actionPlans[2] = "Although 'No' has been selected for question 2.3, a review is planned.";
    const r = await run(renderText(spec, { ...DEFAULT_TEXT_STYLE, marks: 'placeholder' }));
    expect(answer(r, 'P2.2').choice).toBeNull();
    expect(answer(r, 'P2.3')).toMatchObject({ choice: 'no', evidence: { kind: 'inferred' } });
  });

  it('reads "No." before a figure as the abbreviation of number, not an answer', async () => {
    const spec = base();
    spec.answers['P5.1'] = { ticked: 'none', text: 'No. of written procedures in place: 4, all on the intranet.' };
    spec.answers['P3.3'] = { ticked: 'none', text: 'No. 12 Market Street is shown on every sign as the contact point.' };
    const r = await run(renderText(spec, { ...DEFAULT_TEXT_STYLE, marks: 'placeholder' }));
    expect(answer(r, 'P5.1').choice).toBeNull();
    expect(answer(r, 'P3.3').choice).toBeNull();
  });

  it('takes "No." in a heading run of lines ("No." | "Question" | "Response" | "Comments") for the number column, not an answer', async () => {
    const spec = base();
    spec.answers['P3.1'] = { ticked: 'none', text: null };
    spec.answers['P3.2'] = { ticked: 'none', text: null };
    spec.answers['P3.3'] = { ticked: 'none', text: null };
    const heading = '\nNo.\n\nQuestion\n\nResponse\n\nComments / evidence\n';
    // A table heading repeated at a page break, one cell to a line, after a question with no box ticked; after another
    // whose answer was typed "No" in its cell.
    const text = renderText(spec, { ...DEFAULT_TEXT_STYLE, optionsInline: false })
      .replace(/(\n7\. Has there been proportionate consultation[^\n]*\n\n☐ Yes\n\n☐ No\n)/, `$1${heading}`)
      .replace(/(\n8\. Does your Privacy Notice signage[^\n]*\n)\n☐ Yes\n\n☐ No\n/, `$1\nNo\n${heading}`)
      // A table per question, "Response | No. | Comments": no question column, so a row and its answer.
      .replace(/(\n9\. Does your signage state who operates[^\n]*\n)\n☐ Yes\n\n☐ No\n/, '$1\nResponse\n\nNo.\n\nComments\n\nThe signs name the council.\n');
    expect(text.split(heading).length).toBe(3);
    expect(text).toContain('Response\n\nNo.\n\nComments');
    const r = await run(text);
    expect(answer(r, 'P3.1')).toMatchObject({ choice: null, status: 'missing' });
    expect(answer(r, 'P3.2')).toMatchObject({ choice: 'no', status: 'answered' });
    expect(answer(r, 'P3.3')).toMatchObject({ choice: 'no', status: 'answered' });
  });

  it('reads "No-one", "No-go" and "No-notice" opening an answer as words, not a "No"; "No- not yet" and "Yes-registration…" are answers', async () => {
    const spec = base();
    spec.answers['P4.4'] = { ticked: 'none', text: 'No-one is given access to the system until they are trained.' };
    spec.answers['P3.3'] = { ticked: 'none', text: 'Signs are placed at every entrance. No-go areas are marked separately.' };
    spec.answers['P2.4'] = { ticked: 'none', text: 'No-notice audits check the DPIA is still current.' };
    spec.answers['P5.1'] = { ticked: 'none', text: 'No- not yet, planned for 2026.' };
    spec.answers['P2.1'] = { ticked: 'none', text: 'Yes-registration fee paid in March.' };
    // Guidance going through the options, however tightly typed, is no answer.
    spec.answers['P3.2'] = { ticked: 'none', text: 'Yes - if the signage states the purpose. No-if it does not.' };
    const r = await run(renderText(spec, { ...DEFAULT_TEXT_STYLE, marks: 'placeholder' }));
    expect(answer(r, 'P4.4').choice).toBeNull();
    expect(answer(r, 'P3.3').choice).toBeNull();
    expect(answer(r, 'P2.4').choice).toBeNull();
    expect(answer(r, 'P5.1')).toMatchObject({ choice: 'no', status: 'answered' });
    expect(answer(r, 'P2.1')).toMatchObject({ choice: 'yes', status: 'answered' });
    expect(answer(r, 'P3.2').choice).toBeNull();
  });

  it('reads no choice from options listed, routing, or an answer that goes both ways; "Yes – No issues" says Yes', async () => {
    const spec = base();
    const texts: Record<string, string> = {
      'P2.1': 'Yes, No or N/A – delete as appropriate',
      'P2.2': 'Yes; No; N/A',
      'P2.3': 'Yes (all staff) No (contractors)',
      'P2.4': 'Yes – if the DPIA is reviewed at least annually; otherwise answer No and add an action.',
      'P3.1': 'Yes – answer Yes only where the signs name the operator.',
      'P3.2': 'No – go on to question 9',
      'P3.3': 'Yes (if applicable)',
      'P3.4': 'No – Yes for the control room operators, no for council staff.',
      'P4.4': 'Yes, most staff; no, not the agency contractors.',
      'P4.2': 'Yes, signs are in place at every site. No, the car park signs do not yet name the operator.',
      'P4.6': 'Yes, N/A (delete as appropriate)',
      'P4.7': 'Yes – skip to Principle 5',
      'P3.6': 'No – Yes where the new cameras are concerned',
      'P2.6': 'Yes (where applicable).',
    };
    for (const [id, text] of Object.entries(texts)) spec.answers[id] = { ticked: 'none', text };
    // Answers that name another option, or a number, a plan or a route in their own words.
    const answers: Record<string, [string, 'yes' | 'no']> = {
      'P5.1': ['Yes – No issues were found at the last audit.', 'yes'],
      'P5.2': ['Yes - No-one is given access until trained.', 'yes'],
      'P5.4': ['Yes – registered with the ICO, No. ZA123456', 'yes'],
      'P5.10': ['Yes; No. 4 in the action plan covers the review.', 'yes'],
      'P5.6': ['No – N/A, no biometric systems are used.', 'no'],
      'P6.6': ['No – the leisure centre and Yes Dance Studio tenants were not consulted.', 'no'],
      'P6.3': ['Yes – the revised DPIA will go to the next Audit and Governance Committee.', 'yes'],
      'P6.4': ['Yes (where required) – all contracted operators hold SIA licences.', 'yes'],
      'P6.5': ['Yes – the network is separate; No to remote access from home.', 'yes'],
      'P7.7': ['No – Details of the last review are held by the Data Protection Lead.', 'no'],
      'P7.5': ['No. Actions from the 2023 review were completed. Date of last review: January 2024.', 'no'],
      'P8.4': ['No-See Action Plan', 'no'],
      'P9.2': ['No. See Action Plan', 'no'],
      'P9.7': ['No. Action Plan Updated', 'no'],
    };
    for (const [id, [text]] of Object.entries(answers)) spec.answers[id] = { ticked: 'none', text };
    const r = await run(renderText(spec, { ...DEFAULT_TEXT_STYLE, marks: 'placeholder' }));
    for (const id of Object.keys(texts)) expect([id, answer(r, id).choice]).toEqual([id, null]);
    for (const [id, [, choice]] of Object.entries(answers)) expect([id, answer(r, id).choice, answer(r, id).status]).toEqual([id, choice, 'answered']);
  });

  it('reads a numbered table\'s "No." column title as no answer, in an answer and heading an action plan', async () => {
    const spec = base();
    spec.answers['P2.3'] = { ticked: 'none', text: null };
    spec.answers['P2.6'] = { ticked: 'none', text: null };
    spec.answers['P3.6'] = { ticked: 'none', text: null };
    spec.answers['P4.3'] = { ticked: 'none', text: null };
    // An answer "No." in a row of short cells, the next question under it: no table's heading.
    spec.answers['P2.4'] = { ticked: 'none', text: 'No.\tSee Action Plan\tData Protection Officer' };
    // A table of contact points under a question: its "No." is a title.
    spec.answers['P5.2'] = { ticked: 'none', text: 'No.\tContact point\tWhere published\n1\tCCTV Manager (SPOC)\tCouncil website and signs' };
    spec.actionPlans[2] = 'No.\tAction to be taken\tLead officer\tTarget date\n1\tReview the DPIA for the new cameras\tDPO\tMarch 2025';
    spec.actionPlans[3] = 'No - Action - Owner - Target date\n1 - Replace signage at the bus station - Estates - June 2024';
    const text = renderText(spec, { ...DEFAULT_TEXT_STYLE, marks: 'placeholder' })
      .replace(/(\n3\. Have you carried out a data protection impact assessment[^\n]*\n)/, '$1\nNo.\tAction\tDate\n\n9\tDPIA signed off by the DPO\tJan 2024\n')
      // The same table, one cell to a line.
      .replace(/(\n14\. [^\n]*\n)/, '$1\nNo.\n\nPolicy\n\nLast reviewed\n\n1\n\nCCTV Policy\n\nMay 2024\n');
    expect(text).toContain('\nNo.\tAction\tDate\n');
    expect(text).toContain('\nNo.\n\nPolicy\n');
    const r = await run(text);
    for (const id of ['P2.3', 'P2.6', 'P3.6', 'P4.3', 'P5.2']) expect([id, answer(r, id).choice]).toEqual([id, null]);
    expect(answer(r, 'P2.4')).toMatchObject({ choice: 'no', status: 'answered' });
    expect(r.actionPlans[1]!.text).toMatch(/^No\.\nAction to be taken/);
  });

  it('reads an action plan whose label names its principle ("Action Plan – Principle 2") without the label', async () => {
    const spec = base();
    let n = 0;
    const text = renderText(spec).replace(/^Action Plan$/gm, () => `Action Plan – Principle ${++n}`);
    expect(n).toBe(12);
    const r = await run(text);
    expect(r.actionPlans.map((p) => p.text)).toEqual(expectedFromSpec(spec).actionPlans.map((p) => p.text));
  });

  it('reads "Yes-" at the start of an action plan as the action question\'s answer, but not "None identified"', async () => {
    const spec = base();
    spec.answers['P4.7'] = { ticked: 'none' };
    spec.answers['P6.6'] = { ticked: 'none' };
    spec.actionPlans[4] = 'Yes- the SPOC will be published on the website by March.';
    spec.actionPlans[6] = 'None identified - procedures are under constant review.';
    const r = await run(renderText(spec, { ...DEFAULT_TEXT_STYLE, marks: 'placeholder' }));
    expect(answer(r, 'P4.7')).toMatchObject({ choice: 'yes', evidence: { kind: 'inferred' } });
    expect(answer(r, 'P6.6').choice).toBeNull();
    expect(r.actionPlans[5]!.text).toBe(spec.actionPlans[6]);
  });

  it('reads a written answer that opens with the choice, and not one that merely starts with the word', async () => {
    const spec = base();
    spec.answers['P5.1'] = { ticked: 'none', text: 'Yes - the CCTV policy and procedures are on the intranet.' };
    spec.answers['P5.2'] = { ticked: 'none', text: 'No induction covers CCTV yet; a course is planned.' };
    // Guidance going through the options, or saying when to choose one, is no answer.
    spec.answers['P5.4'] = { ticked: 'none', text: 'Yes – if the policy was reviewed in the last 12 months. No – if it was not.' };
    spec.answers['P5.6'] = { ticked: 'none', text: 'No – if the system is not jointly owned, leave this question blank.' };
    spec.answers['P5.9'] = { ticked: 'none', text: 'N/A: tick N/A if you do not deploy cameras on drones.' };
    // An answer that qualifies itself is still an answer.
    spec.answers['P6.3'] = { ticked: 'none', text: 'Yes – where possible, footage is reviewed the same day.' };
    spec.answers['P6.4'] = { ticked: 'none', text: 'No - only council employees have access.' };
    spec.answers['P6.5'] = { ticked: 'none', text: 'Yes, when requested by the police.' };
    spec.answers['P6.6'] = { ticked: 'none', text: 'Yes (for the town centre system only)' };
    // The form's prompts and routing, and an answer that goes both ways.
    spec.answers['P7.2'] = { ticked: 'none', text: 'Yes - please give the date of the last review:' };
    spec.answers['P7.5'] = { ticked: 'none', text: 'No - go to question 25.' };
    spec.answers['P7.7'] = { ticked: 'none', text: 'Yes - for the town centre signs, no - for the car park signs.' };
    // Boxes typed as round brackets, with words after them: no remark in brackets after a choice.
    spec.answers['P8.3'] = { ticked: 'none', text: 'Yes ( )   No (x) - see the attached audit.' };
    spec.answers['P8.4'] = { ticked: 'none', text: 'Yes ( )   No ( ) - to follow.' };
    const r = await run(renderText(spec, { ...DEFAULT_TEXT_STYLE, marks: 'placeholder' }));
    expect(answer(r, 'P5.1')).toMatchObject({ choice: 'yes', evidence: { kind: 'inferred' } });
    expect(['P6.3', 'P6.4', 'P6.5', 'P6.6'].map((id) => answer(r, id).choice)).toEqual(['yes', 'no', 'yes', 'yes']);
    for (const id of ['P5.2', 'P5.4', 'P5.6', 'P5.9', 'P7.2', 'P7.5', 'P7.7', 'P8.3', 'P8.4']) expect(answer(r, id)).toMatchObject({ choice: null, status: 'missing' });
  });

  it('reports a ticked box that contradicts the written answer as ambiguous', async () => {
    const spec = base();
    spec.answers['P5.1'] = { ticked: 'no', text: 'Yes - the CCTV policy and procedures are on the intranet.' };
    const r = await render(spec);
    expect(answer(r, 'P5.1')).toMatchObject({ choice: null, status: 'ambiguous' });
  });

  it('trusts neither set when two sets of boxes fall under one question', async () => {
    const spec = base();
    spec.answers['P11.4'] = { ticked: 'yes' };
    const text = renderText(spec).replace(/(\n62\. Is the information in a format that is easily exportable\?.*\n)/, '$1\n☐ Yes  ☒ No\n');
    const r = await run(text);
    expect(answer(r, 'P11.4')).toMatchObject({ choice: null, status: 'ambiguous', reason: 'boxes of more than one question found here' });
  });

  it('takes the bare label beside a ticked one as the unticked option, not a typed answer', async () => {
    const spec = base();
    spec.answers['P11.4'] = { ticked: 'yes' };
    const text = renderText(spec).replace(/(\n62\. Is the information in a format that is easily exportable\?).*\n/, '$1\n\n✓ Yes\n\nNo\n');
    const r = await run(text);
    expect(answer(r, 'P11.4')).toMatchObject({ choice: 'yes', status: 'answered', evidence: { kind: 'mark' } });
  });

  it('keeps a reference column ("2.6") and repeated column headings out of answers', async () => {
    const spec = base();
    spec.answers['P2.5'] = { text: 'N/A' };
    const text = renderText(spec)
      .replace('\n5. How have you documented any decision', '\nRef\tQuestion\tResponse\n2.5\nHow have you documented any decision')
      .replace('\n6. Have you identified any areas where action is required to conform more fully with the requirements of Principle 2?', '\nRef\tQuestion\tResponse\n2.6\nHave you identified any areas where action is required to conform more fully with the requirements of Principle 2?');
    const r = await run(text);
    expect(answer(r, 'P2.4').text).toBeNull();
    expect(answer(r, 'P2.5').text).toBe('N/A');
    // Headings that join two words: "Comments / evidence".
    const joined = await run(text.replaceAll('Ref\tQuestion\tResponse', 'Ref\tQuestion\tComments / evidence'));
    expect(answer(joined, 'P2.4').text).toBeNull();
    expect(answer(joined, 'P2.5').text).toBe('N/A');
  });

  it('takes a reference ("2.1") printed after its question (a cell centred in a tall row) for that question\'s, not the next one\'s', async () => {
    const spec = sampleSpec(5, { numbering: 'none' });
    let index = 0;
    const text = renderText(spec, { ...DEFAULT_TEXT_STYLE, optionsInline: false }).replace(
      /(Principle 2\n[\s\S]*?)(?=\nPrinciple 3\n)/,
      (section) => section.replace(/\?\n\n/g, () => `?\n\n2.${++index}\n\n`),
    );
    expect(index).toBe(6);
    const r = await run(text);
    expectMatchesSpec(r, spec);
  });

  it('keeps the second line of a question cut by the layout ("required to conform…") from matching the next principle\'s question', async () => {
    const spec = sampleSpec(7, { numbering: 'none' });
    spec.answers['P4.7'] = { ticked: 'no' };
    const full = renderText(spec, { ...DEFAULT_TEXT_STYLE, optionsInline: false });
    // Principles 1 to 4 only; the last question's lines apart, a wrapped reference cell in them, its boxes between.
    const doc = await parseText(enc(full.slice(0, full.indexOf('\nPrinciple 5\n'))));
    const at = doc.blocks.findIndex((b) => b.text.startsWith('Have you identified any areas where action is required to conform more fully with the requirements of Principle 4'));
    const line = (text: string): Block => ({ kind: 'paragraph', text, provenance: doc.blocks[at]!.provenance });
    doc.blocks.splice(at, 1, line('Have you identified any areas where action is 4.1'), line('required to conform more fully with the 9'));
    doc.blocks.splice(at + 4, 0, line('requirements of Principle 4?'));
    const result = match(doc);
    expect(result.answers.find((a) => a.id === 'P4.7')).toMatchObject({ choice: 'no', status: 'answered' });
    expect(result.answers.find((a) => a.id === 'P5.10')).toMatchObject({ choice: null, status: 'missing', reason: 'question not found' });
  });

  it('takes lettered questions ("g) Have you…") after a question line ending in its answer for questions', async () => {
    const spec = sampleSpec(9, { numbering: 'none' });
    spec.answers['P4.6'] = { ticked: 'none', text: null };
    spec.answers['P4.7'] = { ticked: 'no' };
    const text = renderText(spec, { ...DEFAULT_TEXT_STYLE, optionsInline: false })
      .replace(/\nIf the surveillance camera system is jointly owned(.*?)obligations are\?\n\n☐ Yes\n\n☐ No\n/, '\nf) If the surveillance camera system is jointly owned$1obligations are? N/A, single operator\n')
      .replace('\nHave you identified any areas where action is required to conform more fully with the requirements of Principle 4?', '\ng) Have you identified any areas where action is required to conform more fully with the requirements of Principle 4?');
    expect(text).toContain('single operator\n\ng) Have you identified');
    const r = await run(text);
    expect(answer(r, 'P4.7')).toMatchObject({ choice: 'no', status: 'answered' });
    expect(answer(r, 'P4.6').choice).not.toBe('no');
  });

  it('places no bare "question 9" in a document numbered afresh in each principle ("3.2")', async () => {
    const spec = sampleSpec(11, { numbering: 'none' });
    spec.answers['P5.9'] = { ticked: 'none', text: 'We do not operate drones.' };
    spec.actionPlans[3] = "Although 'No' has been selected for question 9, new signs will be installed.";
    let principle = 0;
    let index = 0;
    const text = renderText(spec, { ...DEFAULT_TEXT_STYLE, marks: 'placeholder', optionsInline: false })
      .split('\n')
      .map((line) => {
        const heading = /^Principle (\d+)$/.exec(line);
        if (heading) [principle, index] = [Number(heading[1]), 0];
        return principle > 1 && QUESTIONS.some((q) => q.principle === principle && line.startsWith(q.text.slice(0, 40))) ? `${principle}.${++index} ${line}` : line;
      })
      .join('\n');
    expect(text).toContain('5.9 If you deploy surveillance cameras using drones');
    const r = await run(text);
    expect(answer(r, 'P5.9').choice).toBeNull();
  });

  it('keeps a form\'s "Answer:" prompt with nothing after it out of answers', async () => {
    const spec = sampleSpec(8, { numbering: 'none' });
    spec.answers['P2.1'] = { ticked: 'yes' };
    spec.answers['P2.2'] = { ticked: 'no', text: 'See note 4.' };
    const text = renderText(spec, { ...DEFAULT_TEXT_STYLE, optionsInline: false }).replace(/(within the organisation\?\n\n)/, '$1Answer:\n\n').replace(/(meeting your stated purpose\?\n\n)/, '$1Comments:\n\n');
    expect(text).toContain('organisation?\n\nAnswer:');
    const r = await run(text);
    expect(answer(r, 'P2.1')).toMatchObject({ choice: 'yes', text: null });
    expect(answer(r, 'P2.2')).toMatchObject({ choice: 'no', text: 'See note 4.' });
  });

  it('gives a typed N/A on the drone question as the N/A choice and keeps it as text', async () => {
    const spec = base();
    spec.answers['P5.9'] = { ticked: 'none', text: 'NA' };
    const r = await run(renderText(spec, { ...DEFAULT_TEXT_STYLE, marks: 'placeholder' }));
    expect(answer(r, 'P5.9')).toMatchObject({ choice: 'na', text: 'NA', evidence: { kind: 'inferred' } });
  });

  it('reads "N/A" typed beside the drone question\'s blank Yes and No boxes, and as its answer, as the N/A choice', async () => {
    const spec = sampleSpec(6, { numbering: 'none' });
    spec.answers['P5.9'] = { ticked: 'none', text: 'N/A' };
    const text = renderText(spec, { ...DEFAULT_TEXT_STYLE, optionsInline: false }).replace(/(CAA SUA Operator ID Number\?\n\n☐ Yes\n\n☐ No\n\n)☐ N\/A/, '$1N/A');
    expect(text).toContain('Operator ID Number?\n\n☐ Yes\n\n☐ No\n\nN/A\n\nN/A');
    expect(answer(await run(text), 'P5.9')).toMatchObject({ choice: 'na', evidence: { kind: 'inferred' } });
    // "N/A" on its own line, then the reason.
    const reason = text.replace('☐ No\n\nN/A\n\nN/A', '☐ No\n\nN/A\n\nWe do not operate drones.');
    expect(reason).toContain('N/A\n\nWe do not operate drones.');
    expect(answer(await run(reason), 'P5.9')).toMatchObject({ choice: 'na', text: 'N/A\nWe do not operate drones.' });
    // The reason on the same line, set off by a tab that the reader gives as a space; but not the template's note.
    const sameLine = text.replace('☐ No\n\nN/A\n\nN/A', '☐ No\n\nN/A We do not operate drones.');
    expect(answer(await run(sameLine), 'P5.9')).toMatchObject({ choice: 'na', status: 'answered', text: 'N/A We do not operate drones.' });
    for (const guidance of ['N/A tick N/A if you do not deploy cameras on drones.', 'N/A if drones are not used; otherwise give your CAA SUA Operator ID.']) {
      const note = text.replace('☐ No\n\nN/A\n\nN/A', `☐ No\n\n${guidance}`);
      expect(answer(await run(note), 'P5.9'), guidance).toMatchObject({ choice: null, status: 'missing' });
    }
  });

  it('does not read N/A as a choice on a plain Yes/No question', async () => {
    const spec = base();
    spec.answers['P1.4'] = { ticked: 'none', text: 'N/A' };
    const r = await run(renderText(spec, { ...DEFAULT_TEXT_STYLE, marks: 'placeholder' }));
    expect(answer(r, 'P1.4')).toMatchObject({ choice: null, text: 'N/A', status: 'missing' });
  });

  it('takes a question wrapped onto a second line as question, not answer', async () => {
    const spec = base();
    const text = renderText(spec).replace(
      '\n36. How do you decide who has access to the images and information retained by your surveillance camera system?\n',
      '\n36. How do you decide who has access to the images and information\n\nretained by your surveillance camera system?\n',
    );
    const r = await run(text);
    expect(answer(r, 'P7.1').text).toBe(spec.answers['P7.1']!.text);
    expect(answer(r, 'P7.1').printedQuestion).toMatch(/retained by your surveillance camera system\?$/);
  });

  it('reads headings written "Guiding Principle One" and a plan with no "Action Plan" label', async () => {
    const spec = base();
    spec.answers['P1.5'] = { text: null };
    spec.actionPlans[1] = 'Review the statement of need by June.';
    const text = renderText(spec)
      .replace(/^Principle (\d+)$/gm, (_, n: string) => `Guiding Principle ${['One', 'Two', 'Three'][Number(n) - 1] ?? n}`)
      .replace(/(Principle 1\?\n\n)Action Plan\n\n/, '$1');
    const r = await run(text);
    expect(r.actionPlans[0]!.text).toBe('Review the statement of need by June.');
    expect(answer(r, 'P1.5').text).toBe('Review the statement of need by June.');
    expect(answer(r, 'P2.2').status).toBe(expectedFromSpec(spec).answers.find((a) => a.id === 'P2.2')!.status);
    expect(answer(r, 'P2.2').choice).toBe(expectedFromSpec(spec).answers.find((a) => a.id === 'P2.2')!.choice);
  });

  it('takes "Yes" ending the question\'s line and "No" wrapped below as printed options, not a lone answer', async () => {
    const spec = base();
    spec.answers['P11.5'] = { ticked: 'none' };
    const text = renderText(spec, { ...DEFAULT_TEXT_STYLE, marks: 'labels-only', optionsInline: false }).replace(
      /(63\. Does the storage ensure the integrity and quality of the original recording and of the meta-data\?)\n\nYes\n\nNo\n/,
      '$1 Yes\n\nNo\n',
    );
    expect(text).toContain('meta-data? Yes\n\nNo');
    const r = await run(text);
    expect(answer(r, 'P11.5')).toMatchObject({ choice: null, status: 'missing', reason: 'no box ticked' });
  });

  it('reads a lone option as chosen only right under its question', async () => {
    const spec = base();
    spec.answers['P2.4'] = { ticked: 'none' };
    const text = renderText(spec, { ...DEFAULT_TEXT_STYLE, marks: 'sole-option' }).replace(
      /(4\. Do you update your data protection impact assessment regularly and whenever fundamental changes are made to your system\?)\n\nYes\n\nNo\n/,
      '$1\n\nWe review it when the system changes.\n\nNo\n',
    );
    const r = await run(text);
    expect(answer(r, 'P2.4')).toMatchObject({ choice: null, text: 'We review it when the system changes.' });
  });

  it('keeps the first line of a question cut by the layout out of the previous answer', async () => {
    const spec = base();
    const text = renderText(spec).replace(
      '\n28. If you deploy surveillance cameras using drones, have you obtained either Standard Permission',
      '\n28. If you deploy surveillance cameras using drones, have you obtained either\n\nStandard Permission',
    );
    const r = await run(text);
    expect(answer(r, 'P5.8').text).toBe(spec.answers['P5.8']!.text);
    expect(answer(r, 'P5.9').printedQuestion).toMatch(/^28\. If you deploy surveillance cameras using drones/);
  });

  it('keeps "If so please explain." printed on its own line out of the answer', async () => {
    const spec = base();
    const text = renderText(spec).replace('other than those specified? If so please explain.', 'other than those specified?\n\nIf so please explain.');
    const r = await run(text);
    expect(answer(r, 'P1.4').text).toBe(spec.answers['P1.4']!.text);
    // After the answer, where a table's reading order can put the question cell's second paragraph.
    const after = renderText(spec).replace(/(other than those specified\?) If so please explain\.(.*\n\n.*\n)/, '$1$2\nIf so please explain.\n');
    expect(after).toContain(`specified?  ☐ Yes  ☒ No\n\n${spec.answers['P1.4']!.text}\n\nIf so please explain.\n`);
    expect(answer(await run(after), 'P1.4').text).toBe(spec.answers['P1.4']!.text);
  });

  it('reads a title block whose table row was flattened into one line', async () => {
    const spec = base();
    const text = renderText(spec).replace(
      /Name of organisation\t(.*)\nScope of surveillance camera system\t(.*)\n/,
      'Name of organisation $1 Scope of surveillance camera system $2\n',
    ).replace(/Date of sign off\t(.*)\n/, 'Date of sign off $1 Self Assessment Tool\n');
    const r = await run(text);
    expect(r.organisation).toMatchObject({ name: spec.organisation.name, scope: spec.organisation.scope, signOffDate: spec.organisation.signOffDate });
  });

  it('reads the sign-off date from its own label, not from another date or a sign-off still to come', async () => {
    const spec = base();
    const o = spec.organisation;
    const form = renderText(spec);
    expect(form).toContain(`Date of sign off\t${o.signOffDateRaw}\n`);
    const before = (lines: string) => `${lines}\n\n${form}`;
    // A covering letter's date and a publication date, above the form's title block.
    for (const cover of ['Date: 3 June 2022', 'Date published: 01/06/2024', 'Date of meeting: 14 March 2022'])
      expect((await run(before(cover))).organisation, cover).toMatchObject({ signOffDate: o.signOffDate, signOffDateRaw: o.signOffDateRaw });
    // A version table's "Date" heading over "Author".
    const versions = before('Version history\n\nVersion\tDate\tAuthor\n1.0\t01/02/2020\tJ. Smith');
    expect((await run(versions)).organisation).toMatchObject({ signOffDate: o.signOffDate });
    const unsigned = form.replace(`Date of sign off\t${o.signOffDateRaw}`, 'Date of sign off\tTBC - to be signed after Cabinet on 12 July 2022');
    expect((await run(unsigned)).organisation).toMatchObject({ signOffDate: null, signOffDateRaw: 'TBC - to be signed after Cabinet on 12 July 2022' });
    const season = form.replace(`Date of sign off\t${o.signOffDateRaw}`, 'Date of sign off\tSpring 2021');
    expect((await run(season)).organisation).toMatchObject({ signOffDate: null, signOffDateRaw: 'Spring 2021' });
    // Other labels for the sign-off, and a note beside its date.
    for (const label of ['Date of assessment:', 'Date agreed:', 'Date of SRO sign off:', 'Date submitted:'])
      expect((await run(form.replace('Date of sign off\t', `${label} `))).organisation, label).toMatchObject({ signOffDate: o.signOffDate });
    const noted = form.replace(`Date of sign off\t${o.signOffDateRaw}`, `Date of sign off\t${o.signOffDateRaw} (annual review pending)`);
    expect((await run(noted)).organisation).toMatchObject({ signOffDate: o.signOffDate });
    // The sign-off's own label says it has not happened: no other date stands in for it.
    const pending = form.replace(`Date of sign off\t${o.signOffDateRaw}`, 'Date of sign off\tTo follow after Cabinet\nCompleted by\tJ Smith, CCTV Manager\nDate\t05/01/2023');
    expect((await run(pending)).organisation).toMatchObject({ signOffDate: null, signOffDateRaw: 'To follow after Cabinet' });
    const season2 = before('Date: 01/02/2024').replace(`Date of sign off\t${o.signOffDateRaw}`, 'Date of sign off\tSpring 2023');
    expect((await run(season2)).organisation).toMatchObject({ signOffDate: null, signOffDateRaw: 'Spring 2023' });
  });

  it('reads a value that opens with a label word as the value of the label before it', async () => {
    const spec = base();
    const o = spec.organisation;
    const text = renderText(spec)
      .replace(`Name of organisation\t${o.name}`, 'Name of organisation\nScope Housing Association')
      .replace(`Position within organisation\t${o.position}`, 'Position within organisation\tOrganisation Development Director')
      .replace(`Senior Responsible Officer\t${o.seniorResponsibleOfficer}`, `Senior Responsible Officer (name and role): ${o.seniorResponsibleOfficer}`);
    expect((await run(text)).organisation).toMatchObject({
      name: 'Scope Housing Association',
      scope: o.scope,
      seniorResponsibleOfficer: o.seniorResponsibleOfficer,
      position: 'Organisation Development Director',
    });
    // A label left blank before a one-word label with no other label of its field: that label and its value.
    const blank = renderText(spec)
      .replace(`Senior Responsible Officer\t${o.seniorResponsibleOfficer}`, 'SRO')
      .replace(`Position within organisation\t${o.position}`, 'Role Head of Community Safety')
      .replace(`Date of sign off\t${o.signOffDateRaw}`, `Date ${o.signOffDateRaw}`);
    expect((await run(blank)).organisation).toMatchObject({ seniorResponsibleOfficer: null, position: 'Head of Community Safety', signOffDate: o.signOffDate });
  });

  it('reads a title block whose labels and values were read as two columns, one after the other', async () => {
    const spec = base();
    const o = spec.organisation;
    const text = renderText(spec).replace(
      /Senior Responsible Officer\t.*\nPosition within organisation\t.*\nDate of sign off\t.*\n/,
      `Senior Responsible Officer Position within organisation Date of sign off\n${o.seniorResponsibleOfficer}\n${o.position}\n${o.signOffDateRaw}\n`,
    );
    expect(text).toContain('Date of sign off\n');
    const r = await run(text);
    expect(r.organisation).toMatchObject({ seniorResponsibleOfficer: o.seniorResponsibleOfficer, position: o.position, signOffDateRaw: o.signOffDateRaw, signOffDate: o.signOffDate });
  });

  it('gives stacked labels no values where which is whose cannot be told, but a date straight after the date label', async () => {
    const spec = base();
    const o = spec.organisation;
    // The scope over two lines and the date left blank: five labels, five values, not one to one.
    const shifted = renderText(spec).replace(
      /Name of organisation\t.*\nScope of surveillance camera system\t.*\nSenior Responsible Officer\t.*\nPosition within organisation\t.*\nDate of sign off\t.*\n/,
      `Name of organisation\nScope of surveillance camera system\nSenior Responsible Officer\nPosition within organisation\nDate of sign off\n${o.name}\nTown centre cameras and the\nriverside car parks\n${o.seniorResponsibleOfficer}\n${o.position}\n`,
    );
    expect(shifted).toContain('Date of sign off\n');
    expect((await run(shifted)).organisation).toMatchObject({ name: null, scope: null, seniorResponsibleOfficer: null, position: null, signOffDateRaw: null });
    // Officer and position left blank, read row by row: the date is the date's.
    const blanks = renderText(spec).replace(
      /Senior Responsible Officer\t.*\nPosition within organisation\t.*\nDate of sign off\t(.*)\n/,
      'Senior Responsible Officer\nPosition within organisation\nDate of sign off\n$1\n',
    );
    expect((await run(blanks)).organisation).toMatchObject({ seniorResponsibleOfficer: null, position: null, signOffDate: o.signOffDate });
  });

  it('says a question is not found rather than borrowing a neighbour\'s answer', async () => {
    const spec = base();
    const text = renderText(spec).replace(/\n31\. What arrangements are in place for the automated deletion of images\?\n/, '\n');
    const r = await run(text);
    expect(answer(r, 'P6.2')).toMatchObject({ status: 'missing', reason: 'question not found', text: null });
  });
});

describe('documents that are not self-assessments', () => {
  it('rejects a published CCTV policy PDF that quotes the principles and mentions the tool', async () => {
    const bytes = new Uint8Array(readFileSync('corpus/bad/not-an-assessment-cctv-policy.pdf'));
    const error = await extract(bytes, { path: 'policy.pdf' }).catch((e: unknown) => e);
    expect((error as ExtractError).code).toBe('not-self-assessment');
  });

  it('rejects a policy that quotes the twelve principles', async () => {
    const policy = [
      'CCTV Policy',
      'This policy explains how the council operates its public space CCTV.',
      'Principle 1',
      'Use of a surveillance camera system must always be for a specified purpose which is in pursuit of a legitimate aim and necessary to meet an identified pressing need.',
      'Principle 2',
      'The use of a surveillance camera system must take into account its effect on individuals and their privacy, with regular reviews to ensure its use remains justified.',
      'Retention: footage is kept for 31 days.',
    ].join('\n');
    const error = await run(policy).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExtractError);
    expect((error as ExtractError).code).toBe('not-self-assessment');
    expect((error as ExtractError).message).toMatch(/found \d+ of 75 template questions and 2 of 12 principle headings/);
  });
});

describe('documents whose text cannot be read', () => {
  it('says a text layer of glyph codes needs OCR, not that the document is no self-assessment', async () => {
    // A PDF printed through a driver that kept only its glyphs' codes reads as punctuation, line after line.
    const codes = Array.from({ length: 120 }, (_, i) => ['!"# $', '$ ""#', '#   "', '% & \'!'][i % 4]).join('\n');
    const doc: NormalisedDocument = { format: 'pdf', pages: 4, diagnostics: [], blocks: codes.split('\n').map((text, i) => ({ kind: 'paragraph', text, provenance: { page: 1 + Math.floor(i / 30) } })) };
    const error = (() => {
      try {
        match(doc);
      } catch (e) {
        return e as ExtractError;
      }
      return null;
    })();
    expect(error?.code).toBe('needs-ocr');
    expect(error?.message).toMatch(/^its text cannot be read: 0 of its \d+ characters are letters/);
  });
});

describe('a bare option with no box', () => {
  it('is not read as the choice when it is not right under its question', async () => {
    const spec = sampleSpec(32);
    spec.answers['P2.4'] = { ticked: 'none', text: 'We review it when the system changes.' };
    const doc = await parseText(new TextEncoder().encode(renderText(spec, { ...DEFAULT_TEXT_STYLE, marks: 'sole-option' })));
    const at = doc.blocks.findIndex((b) => b.text === 'We review it when the system changes.');
    doc.blocks.splice(at + 1, 0, { kind: 'option', text: 'No', provenance: doc.blocks[at]!.provenance, option: { value: 'no', mark: null } });
    const result = match(doc);
    expect(result.answers.find((a) => a.id === 'P2.4')).toMatchObject({ choice: null, status: 'missing' });
  });
});

describe('labels struck through or highlighted', () => {
  const withOptions = async (options: Array<{ value: 'yes' | 'no'; mark: Mark | null }>) => {
    const spec = sampleSpec(33);
    spec.answers['P2.4'] = { ticked: 'none' };
    const doc = await parseText(new TextEncoder().encode(renderText(spec, { ...DEFAULT_TEXT_STYLE, marks: 'placeholder' })));
    const at = doc.blocks.findIndex((b) => b.text.includes('Do you update your data protection impact assessment'));
    const end = doc.blocks.findIndex((b, i) => i > at && b.kind !== 'option');
    const provenance = doc.blocks[at]!.provenance;
    doc.blocks.splice(at + 1, end - at - 1, ...options.map(({ value, mark }) => ({ kind: 'option' as const, text: value === 'yes' ? 'Yes' : 'No', provenance, option: { value, mark } })));
    return match(doc).answers.find((a) => a.id === 'P2.4')!;
  };
  const struck = { state: 'unchecked', source: 'struck-option', detail: 'label struck through' } as const;

  it('read the other label as the one kept where no option has a box', async () => {
    expect(await withOptions([{ value: 'yes', mark: struck }, { value: 'no', mark: null }])).toMatchObject({ choice: 'no', evidence: { kind: 'sole-option' } });
  });

  it('say nothing where the options have boxes: a checklist strikes the item it ticks', async () => {
    const empty = { state: 'unchecked', source: 'vector', detail: 'empty box' } as const;
    expect(await withOptions([{ value: 'yes', mark: struck }, { value: 'no', mark: empty }])).toMatchObject({ choice: null, status: 'missing' });
  });

  const highlighted = { state: 'checked', source: 'highlight', detail: 'w:highlight yellow' } as const;
  it('read a highlighted option as chosen, and both highlighted as ambiguous', async () => {
    expect(await withOptions([{ value: 'yes', mark: null }, { value: 'no', mark: highlighted }])).toMatchObject({ choice: 'no', status: 'answered', evidence: { kind: 'mark', source: 'highlight' } });
    expect(await withOptions([{ value: 'yes', mark: highlighted }, { value: 'no', mark: highlighted }])).toMatchObject({ choice: null, status: 'ambiguous', reason: 'both options highlighted' });
  });
});

describe('questions the template does not ask', () => {
  for (const label of ['10a.', '10.4(a)', 'Q10a', 'A10.1', '(v)'])
    it(`keep their boxes and answers: a local question labelled "${label}" after a template one with no boxes of its own`, async () => {
      const spec = sampleSpec(36);
      spec.answers['P3.4'] = { ticked: 'none', text: 'Not applicable - the Council does not use body worn cameras.' };
      const text = renderText(spec, { ...DEFAULT_TEXT_STYLE, optionsInline: false })
        .replace(/(\n10\. If your surveillance camera systems use body worn cameras.*\n)\n☐ Yes\n\n☐ No\n/, '$1')
        .replace(
          'Not applicable - the Council does not use body worn cameras.\n',
          `Not applicable - the Council does not use body worn cameras.\n\n${label} Are the CCTV signs checked every month to make sure they are still in place?\n\n☒ Yes\n\n☐ No\n\nThe town centre manager checks them.\n`,
        );
      expect(text).toContain(`${label} Are the CCTV signs`);
      const r = await run(text);
      expect(answer(r, 'P3.4')).toMatchObject({ choice: null, status: 'missing', text: 'Not applicable - the Council does not use body worn cameras.' });
    });

  it('leave a question its boxes after a prompt of its own, and its conflict with a second half that has boxes too', async () => {
    const spec = sampleSpec(36);
    spec.answers['P3.3'] = { ticked: 'yes' };
    spec.answers['P3.4'] = { ticked: 'yes' };
    const text = renderText(spec, { ...DEFAULT_TEXT_STYLE, optionsInline: false })
      .replace(/(\n9\. Does your signage state who operates the system.*\n)/, '$1\nIs this in place?\n')
      .replace(/(\n10\. If your surveillance camera systems use body worn cameras.*\n\n☒ Yes\n\n☐ No\n)/, '$1\n10a. Is the recording light on the camera always lit?\n\n☐ Yes\n\n☒ No\n');
    expect(text).toContain('Is this in place?');
    expect(text).toContain('10a. Is the recording light');
    const r = await run(text);
    expect(answer(r, 'P3.3')).toMatchObject({ choice: 'yes', status: 'answered' });
    expect(answer(r, 'P3.4')).toMatchObject({ choice: null, status: 'ambiguous' });
  });
});

describe('labels and boxes a layout parted', () => {
  const boxed = () => {
    const spec = sampleSpec(35);
    spec.answers['P4.7'] = { ticked: 'no' };
    return renderText(spec, { ...DEFAULT_TEXT_STYLE, optionsInline: false });
  };

  it('does not take a "Yes" ending the question line for the option kept, where the document prints boxes', async () => {
    // "…Principle 4? Yes" with "☐ No ☒" gone to another column: only the "Yes" is left under the question.
    const text = boxed().replace('requirements of Principle 4?\n\n☐ Yes\n\n☒ No\n', 'requirements of Principle 4?   Yes\n');
    expect(answer(await run(text), 'P4.7')).toMatchObject({ choice: null });
  });

  it('says why where the boxes are glyphs that map to no character', async () => {
    const text = boxed().replace('requirements of Principle 4?\n\n☐ Yes\n\n☒ No\n', 'requirements of Principle 4?\n\n\uFFFD Yes\n\n\uFFFD No\n');
    expect(answer(await run(text), 'P4.7')).toMatchObject({ choice: null, status: 'missing', reason: 'boxes printed in a font that maps them to no character: their state cannot be read' });
  });

  it('does not take a ticked box for the answer while the box beside it cannot be read', async () => {
    const text = boxed().replace('requirements of Principle 4?\n\n☐ Yes\n\n☒ No\n', 'requirements of Principle 4?\n\n\uFFFD Yes\n\n☒ No\n');
    expect(answer(await run(text), 'P4.7')).toMatchObject({ choice: null, status: 'ambiguous', reason: 'a box beside the ticked one cannot be read' });
  });

  it('does not take the one ticked box read with its label where another ticked box stands in the text', async () => {
    // A cell of "☒ Yes" over "☒ No" whose first line the layout left as text.
    const spec = sampleSpec(35);
    spec.answers['P4.7'] = { ticked: 'no' };
    const doc = await parseText(enc(renderText(spec, { ...DEFAULT_TEXT_STYLE, optionsInline: false })));
    const question = doc.blocks.findIndex((b) => b.text.includes('requirements of Principle 4?'));
    expect(doc.blocks.slice(question + 1, question + 3).map((b) => b.option?.value)).toEqual(['yes', 'no']);
    doc.blocks[question + 1] = { kind: 'paragraph', text: '☒ Yes', provenance: doc.blocks[question + 1]!.provenance };
    expect(match(doc).answers.find((a) => a.id === 'P4.7')).toMatchObject({ choice: null, status: 'ambiguous', reason: 'a ticked box could not be read with its label' });
    // Ticks in the comments' words are no option's box.
    for (const comment of ['✓ operator named ✓ telephone number given, all signs meet the guidance ☑', 'ICO registration: yes ✓', '☒ Yes The review is recorded in the minutes.']) {
      doc.blocks[question + 1]!.text = comment;
      expect(match(doc).answers.find((a) => a.id === 'P4.7'), comment).toMatchObject({ choice: 'no', status: 'answered' });
    }
  });

  it('reports a ticked box left in the text, away from any label, as ambiguous', async () => {
    const text = boxed().replace('requirements of Principle 4?\n\n☐ Yes\n\n☒ No\n', 'requirements of Principle 4?\n\n☐ Yes ☒ – see the action plan\n');
    expect(answer(await run(text), 'P4.7')).toMatchObject({ choice: null, status: 'ambiguous', reason: 'a ticked box could not be read with its label' });
  });
});

describe('a page with no text between a question and the next boxes', () => {
  it('keeps the boxes after the gap from the question before it', async () => {
    const spec = sampleSpec(34);
    spec.answers['P4.2'] = { ticked: 'yes' };
    const doc = await parseText(new TextEncoder().encode(renderText(spec, { ...DEFAULT_TEXT_STYLE, optionsInline: false })));
    // The end of principle 3 on page 3; page 4 a scan (nothing read), which held everything up to P4.2's boxes.
    const question = doc.blocks.findIndex((b) => b.text.includes('to conform more fully with the requirements of Principle 3'));
    const p42 = doc.blocks.findIndex((b) => b.text.includes('Do you have clear policies and procedures'));
    const boxes = doc.blocks.findIndex((b, i) => i > p42 && b.kind === 'option');
    const blocks = [...doc.blocks.slice(0, question + 1), ...doc.blocks.slice(boxes)].map((b, i) => ({ ...b, provenance: { ...b.provenance, page: i <= question ? 3 : 5 } }));
    const answers = match({ ...doc, blocks }).answers;
    expect(answers.find((a) => a.id === 'P3.6')).toMatchObject({ choice: null, status: 'missing' });
  });
});

describe('a box whose file records one state and shows the other', () => {
  it('leaves its question ambiguous, whatever the other box says', async () => {
    const spec = sampleSpec(33);
    spec.answers['P2.4'] = { ticked: 'yes' };
    const doc = await parseText(new TextEncoder().encode(renderText(spec)));
    const question = doc.blocks.findIndex((b) => b.text.includes('Do you update your data protection impact assessment'));
    const yes = doc.blocks.findIndex((b, i) => i > question && b.option?.value === 'yes');
    doc.blocks[yes]!.option!.mark = { state: 'conflicting', source: 'content-control', detail: 'w14:checked w14:val="1", but it shows ☐' };
    expect(match(doc).answers.find((a) => a.id === 'P2.4')).toMatchObject({
      choice: null,
      status: 'ambiguous',
      reason: 'a box shows one state and its file records the other',
    });
  });
});

describe('boxes printed to the left of their question', () => {
  it('gives each question its own boxes, not the next question\'s', () => {
    const spec = sampleSpec(31);
    const blocks: Block[] = [];
    let y = 800;
    let page = 1;
    const at = (x: number) => ({ page, x, y });
    for (const p of PRINCIPLES) {
      blocks.push({ kind: 'heading', text: `Principle ${p.number}`, provenance: at(50) }, { kind: 'paragraph', text: p.statement, provenance: at(50) });
      for (const q of QUESTIONS.filter((x) => x.principle === p.number)) {
        y -= 40;
        if (y < 60) {
          y = 800;
          page++;
        }
        const a = spec.answers[q.id] ?? {};
        if (q.type !== 'open') {
          for (const value of ['yes', 'no'] as const) {
            const state = a.ticked === value ? 'checked' : 'unchecked';
            blocks.push({ kind: 'option', text: value === 'yes' ? 'Yes' : 'No', provenance: at(value === 'yes' ? 40 : 60), option: { value, mark: { state, source: 'vector' } } });
          }
        }
        blocks.push({ kind: 'paragraph', text: q.text, provenance: at(100) });
        if (a.text) blocks.push({ kind: 'paragraph', text: a.text, provenance: { page, x: 100, y: y - 15 } });
      }
    }
    const result = match({ format: 'pdf', blocks, diagnostics: [] });
    for (const q of QUESTIONS.filter((x) => x.type === 'yesno')) {
      const ticked = spec.answers[q.id]?.ticked;
      expect(result.answers.find((x) => x.id === q.id)!.choice, q.id).toBe(ticked === 'yes' || ticked === 'no' ? ticked : null);
    }
  });
});
