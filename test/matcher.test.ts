import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TEXT_STYLE, renderText } from '../corpus/build/text.js';
import { expectedFromSpec, sampleSpec } from '../corpus/build/spec.js';
import { PRINCIPLES, QUESTIONS } from '../src/catalogue.js';
import { match } from '../src/matcher/index.js';
import { parse as parseText } from '../parsers/text/index.js';
import { run, render, answer, expectMatchesSpec } from './matcher-fixtures.js';

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

  it('takes no closing question\'s wrapped end, "Principle 3?" on a line of its own, for the heading of principle 3', async () => {
    const spec = sampleSpec(3);
    // The headings set in table cells the reader does not know ("| Principle 3 |"), as a converter writes them.
    const text = renderText(spec, DEFAULT_TEXT_STYLE)
      .replace(/^(Principle \d+)$/gm, '| $1 |')
      .replace(/requirements of (Principle \d+\?)(.*)$/gm, 'requirements of$2\n\n$1');
    expect(text).toContain('\n\nPrinciple 3?\n');
    const got = (await run(text)).answers.filter((a) => a.number !== null && /Have you identified/.test(a.question));
    const expected = expectedFromSpec(spec).answers;
    expect(got).toHaveLength(11);
    // Each closing question read as its own, or not read: never with the next principle's boxes.
    for (const a of got) if (a.choice !== null) expect([a.id, a.choice]).toEqual([a.id, expected.find((e) => e.id === a.id)!.choice]);
    expect(got.filter((a) => a.choice !== null).length).toBeGreaterThan(8);
  });

  it('leaves the end of a question\'s wording that a page break set among its answer out of the answer', async () => {
    const spec = sampleSpec(9);
    const text = renderText(spec, DEFAULT_TEXT_STYLE).replace(
      /(20\. Do you have clear [^\n]*? of your surveillance) camera system\? If so, please specify\.(  [^\n]*)\n\n(Our CCTV policy sets out the purposes) (and is published on the council website\.)/,
      '$1$2\n\n$3\n\ncamera system? If so, please specify.\n\n$4',
    );
    expect(text).toContain('\n\ncamera system? If so, please specify.\n\n');
    expect(answer(await run(text), 'P5.1').text).toBe('Our CCTV policy sets out the purposes\nand is published on the council website.');
  });

  it.each([
    ['labelled in its text', '20a. Is the BWV Standard Operating Procedure reviewed every year?  ☒ Yes  ☐ No'],
    ['labelled in a cell before it', '20a.\tIs the BWV Standard Operating Procedure reviewed every year?\t☒ Yes  ☐ No'],
  ])('ends an answer at a question the organisation added after its boxes and words (%s), with boxes of its own', async (_, local) => {
    const spec = sampleSpec(9);
    const text = renderText(spec, DEFAULT_TEXT_STYLE).replace(
      /(20\. Do you have clear [^\n]*\n\n[^\n]*\n\n)(21\. )/,
      `$1${local}\n\nLast reviewed January 2023.\n\n$2`,
    );
    expect(text).toContain('Last reviewed January 2023.');
    expectMatchesSpec(await run(text), spec);
  });

  it('tolerates questions shortened or reworded by the organisation', async () => {
    const spec = sampleSpec(4);
    spec.answers['P4.1'] = { text: 'A board meets quarterly.', wording: 'What governance arrangements do you have?' };
    spec.answers['P6.2'] = { text: 'Automatic overwrite after 31 days.', wording: 'What arrangements exist for automatically deleting images?' };
    spec.answers['P11.1'] = { ticked: 'yes', wording: 'Are your images of suitable quality for evidence?' };
    const r = await render(spec);
    expectMatchesSpec(r, spec);
    expect(answer(r, 'P4.1').printedQuestion).toBe('13. What governance arrangements do you have?');
  });

  it('finds a question reworded past likeness by its number once the one after it, reworded too, is found', async () => {
    const spec = sampleSpec(4);
    spec.answers['P3.2'] = { ticked: 'yes', wording: 'Do your CCTV signs highlight that cameras are in use and why?' };
    spec.answers['P3.3'] = { ticked: 'no', wording: 'Do the signs say who operates the CCTV and give a contact point for the CCTV Control Room?' };
    const r = await render(spec);
    expectMatchesSpec(r, spec);
    expect(answer(r, 'P3.2').printedQuestion).toBe('8. Do your CCTV signs highlight that cameras are in use and why?');
  });

  it('gives a question missing between two found no question printed under another number ("16 Are all staff aware …")', async () => {
    const spec = sampleSpec(4);
    const block = (text: string, n: number) => new RegExp(`\\n${n}\\. [\\s\\S]*?(?=\\n${n + 1}\\. )`).exec(text)![0];
    const template = renderText(spec, DEFAULT_TEXT_STYLE);
    // Principle 4 printed 13, 16, 15, 14, 17: the template's order holds 13, 15 and 17, and 16 stands in the gap 14 left.
    const [q14, q15, q16] = [14, 15, 16].map((n) => block(template, n));
    const reordered = template.replace(q14 + q15 + q16, q16 + q15 + q14);
    expect(reordered).not.toBe(template);
    for (const text of [reordered, reordered.replace(/^(\d{1,2})\. /gm, '$1 ')]) {
      const r = await run(text);
      const ticked = (id: string) => spec.answers[id]!.ticked;
      expect([ticked('P4.2'), ticked('P4.4')]).toEqual(['yes', 'no']);
      for (const a of r.answers.filter((x) => x.principle === 4 && x.choice !== null)) expect([a.id, a.choice]).toEqual([a.id, ticked(a.id)]);
    }
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

  it('reads a bilingual form\'s headings, "Egwyddor 2 / Principle 2" and "Cynllun Gweithredu / Action Plan", as the principles\' and plans\', and its questions asked in Welsh as well as English', async () => {
    const spec = sampleSpec(8);
    spec.actionPlans[3] = 'Replace the signs at the bus station.';
    const text = renderText(spec, DEFAULT_TEXT_STYLE)
      .replace(/^Principle (\d+)$/gm, 'Egwyddor $1 / Principle $1')
      .replace(/^Action Plan$/gm, 'Cynllun Gweithredu / Action Plan');
    expect(text).toContain('Egwyddor 3 / Principle 3');
    expect(text).toContain('Cynllun Gweithredu / Action Plan');
    expectMatchesSpec(await run(text), spec);
    // Each question asked in Welsh too, first and numbered, the boxes on its line: the boxes are the question's below,
    // not the answer's above, and the Welsh in neither answer.
    const welshFirst = text.replace(/^(\d+)\. (.*\?)(  ☐ Yes  ☒ No|  ☒ Yes  ☐ No)$/gm, '$1. A yw hwn yn gwestiwn yn Gymraeg?$3\n$2');
    expect(welshFirst.match(/Gymraeg\?  ☐ Yes/g)!.length).toBeGreaterThan(10);
    expectMatchesSpec(await run(welshFirst), spec);
    // The English first with its boxes, the Welsh after them (a follow-on after its question mark).
    const englishFirst = text.replace(/^(\d+\. .*\?(?:  ☐ Yes  ☒ No|  ☒ Yes  ☐ No))$/gm, '$1\nA yw hwn yn gwestiwn yn Gymraeg? Os felly, eglurwch.');
    expect(englishFirst.match(/Gymraeg\? Os/g)!.length).toBeGreaterThan(10);
    expectMatchesSpec(await run(englishFirst), spec);
    // Headings alone in Welsh, and two answers in words that end in a question mark: no Welsh wording to leave out.
    const answeredInWords = text
      .replace(/^(25\. .*\?)  .*$/m, '$1\n\nNo – why would they? Our operators are council employees.\n\nYes, the contractor holds SIA licences for its own staff.')
      .replace(/^(33\. .*\?)  .*$/m, '$1\n\nNo. How long do police have to view images? There is no limit set.\n\nYes – images are kept for 31 days.');
    const words = await run(answeredInWords);
    for (const id of ['P5.6', 'P6.4']) expect(answer(words, id)).toMatchObject({ choice: null });
  });

  it('takes a numbered line in lower case for a question of its own in a text, not for the end of the line above: the boxes before it are the question above\'s', async () => {
    const spec = sampleSpec(8);
    const text = renderText(spec, DEFAULT_TEXT_STYLE)
      .replace(/^(9\. .*\?)  (.*)$/m, '$1\n\nSigns also state that our surveillance camera systems use body worn cameras\n\n$2')
      .replace(/^10\. .*$/m, '10. do you inform those present that images and sound are being recorded?');
    const r = await run(text);
    expect(answer(r, 'P3.3')).toMatchObject({ choice: expectedFromSpec(spec).answers.find((a) => a.id === 'P3.3')!.choice, status: 'answered' });
    expect(answer(r, 'P3.4')).toMatchObject({ choice: null });
  });

  it('leaves the column titles of a plan set out as a table ("Action | Owner | Target date") out of the plan, and a table of titles alone is no plan', async () => {
    const spec = sampleSpec(8);
    spec.actionPlans[1] = null;
    spec.actionPlans[2] = 'Publish the annual report\nCCTV Manager\nJuly 2025';
    const titles = ['| Action | Owner | Target date |', '|---|---|---|'];
    const md = renderText(spec, DEFAULT_TEXT_STYLE)
      .replace(/^Action Plan\n\n(?=Principle 2\n)/m, `Action Plan\n\n${titles.join('\n')}\n| | | |\n\n`)
      .replace(/^Publish the annual report\n\nCCTV Manager\n\nJuly 2025$/m, `${titles.join('\n')}\n| Publish the annual report | CCTV Manager | July 2025 |`);
    expect(md.match(/\| Action \| Owner/g)).toHaveLength(2);
    const r = await run(md, 'doc.md');
    expectMatchesSpec(r, spec);
    expect(answer(r, 'P1.5')).toMatchObject({ status: 'missing', text: null });
    // A text conversion runs the titles into one line, printed again where the table runs on to the next page.
    const titled = 'Action          Owner          Target date';
    const text = renderText(spec, DEFAULT_TEXT_STYLE)
      .replace(/^Action Plan\n\n(?=Principle 2\n)/m, `Action Plan\n\n${titled}\n\n`)
      .replace(/^Publish the annual report$/m, `${titled}\n\nPublish the annual report\n\n${titled}`);
    expect(text.split(titled)).toHaveLength(4);
    const fromText = await run(text);
    expectMatchesSpec(fromText, spec);
    expect(answer(fromText, 'P1.5')).toMatchObject({ status: 'missing', text: null });
    // LibreOffice's text export gives each cell a line of its own.
    const stacked = renderText(spec, DEFAULT_TEXT_STYLE)
      .replace(/^Action Plan\n\n(?=Principle 2\n)/m, 'Action Plan\nAction\nOwner\nTarget date\n\n')
      .replace(/^Publish the annual report$/m, 'Action\nOwner\nTarget date\nPublish the annual report');
    const fromStacked = await run(stacked);
    expectMatchesSpec(fromStacked, spec);
    expect(answer(fromStacked, 'P1.5')).toMatchObject({ status: 'missing', text: null });
  });

  it('answers Principle 1\'s closing question with its plan where its cell only points to the plan ("See Action Plan below")', async () => {
    const spec = sampleSpec(8);
    spec.actionPlans[1] = 'Publish the annual report by July.';
    spec.answers['P1.5'] = { text: 'See Action Plan below' };
    const pointed = await render(spec);
    expect(answer(pointed, 'P1.5')).toMatchObject({ status: 'answered', text: 'Publish the annual report by July.' });
    spec.actionPlans[1] = null;
    spec.answers['P1.5'] = { text: '(see action plan)' };
    expect(answer(await render(spec), 'P1.5')).toMatchObject({ status: 'missing', text: null });
  });

  it('reads a title block printed after the form, under its sign-off, and keeps it out of the last action plan', async () => {
    const spec = sampleSpec(8);
    spec.actionPlans[12] = 'Senior Responsible Officer to review the policy by March.';
    const text = renderText(spec, DEFAULT_TEXT_STYLE);
    const titleLines = text.split('\n').filter((l) => /\t/.test(l));
    expect(titleLines).toHaveLength(5);
    const moved = `${text.split('\n').filter((l) => !/\t/.test(l)).join('\n')}\nSign off\n\nI confirm that this self assessment is accurate.\n\n${titleLines.join('\n\n')}\n`;
    expectMatchesSpec(await run(moved), spec);
  });

  it.each([
    ['"Signed: … Date: …" on one line', 'Sign off\n\nSigned: A. Patel\tDate: 14/03/23'],
    ['a signature and a date on lines of their own', 'Sign off\n\nSigned: A. Patel\n\nDate: 14/03/23'],
    ['the declaration signed, its lines set apart, between the heading and the signature', 'Sign off\n\nI confirm that this self assessment has been reviewed and approved by the Senior Responsible\n\nOfficer.\n\nSigned: A. Patel\tDate: 14/03/23'],
  ])('reads the sign-off date left blank at the start from a signature after the form (%s), and keeps it out of the last action plan', async (_, signOff) => {
    const spec = sampleSpec(8);
    spec.actionPlans[12] = null;
    const blank = renderText(spec, DEFAULT_TEXT_STYLE).replace(/^(Date of sign off\t)[^\n]*$/m, '$1');
    const r = await run(`${blank}\n${signOff}\n`);
    expect([r.organisation.signOffDate, r.organisation.signOffDateRaw]).toEqual(['2023-03-14', '14/03/23']);
    expect(r.actionPlans.at(-1)!.text).toBeNull();
    // A date in the plan with no signature is the plan's.
    const dated = await run(`${blank}\nReview the signage by April.\n\nDate: 14/03/23\n`);
    expect([dated.organisation.signOffDate, dated.actionPlans.at(-1)!.text]).toEqual([null, 'Review the signage by April.\nDate: 14/03/23']);
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

  it('keeps short answers alike but for a number where Principle 1 is headed with its name ("Principle 1: Purpose"), or not at all', async () => {
    const spec = sampleSpec(5);
    for (const [id, n] of [['P1.2', 2], ['P1.3', 3], ['P4.1', 4], ['P7.1', 7]] as const) spec.answers[id] = { text: `See section ${n} of the CCTV policy.` };
    const text = renderText(spec, DEFAULT_TEXT_STYLE).replace(/^Principle 1$/m, 'Principle 1: Purpose');
    expect(text).toContain('\nPrinciple 1: Purpose\n');
    expectMatchesSpec(await run(text), spec);
    // Nor where that heading is lost, the form's first heading Principle 2's.
    const headless = text.replace('\nPrinciple 1: Purpose\n', '\n');
    expect(headless).not.toMatch(/^Principle 1\b/m);
    expectMatchesSpec(await run(headless), spec);
  });

  it('drops a running header printed before the first question where the principles are headed otherwise ("1. Purpose")', async () => {
    const spec = sampleSpec(5);
    // A short answer given three times, the first under a question that does not end in its question mark.
    const p11 = QUESTIONS.find((q) => q.id === 'P1.1')!.text;
    spec.answers['P1.1'] = { text: 'See CCTV policy', wording: `${p11} Please give details.` };
    for (const id of ['P2.5', 'P3.5']) spec.answers[id] = { text: 'See CCTV policy' };
    const header = 'CCTV Self Assessment v1.3';
    let paragraph = 0;
    const text = `${header}\n\n${renderText(spec, DEFAULT_TEXT_STYLE)}`
      .replace(/^Principle (\d+)$/gm, '$1. Section')
      .replace(/\n\n/g, (gap) => (++paragraph % 25 === 0 ? `\n\n${header}\n\n` : gap));
    expect(text.split(header).length).toBeGreaterThan(4);
    expect(text).not.toMatch(/^Principle \d/m);
    const r = await run(text);
    expect(r.answers.filter((a) => a.text?.includes(header)).map((a) => a.id)).toEqual([]);
    expect(r.answers.filter((a) => a.status === 'answered').length).toBeGreaterThan(50);
    expect(['P1.1', 'P2.5', 'P3.5'].map((id) => answer(r, id).text)).toEqual(['See CCTV policy', 'See CCTV policy', 'See CCTV policy']);
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
});
