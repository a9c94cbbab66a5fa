import { describe, expect, it } from 'vitest';
import { DEFAULT_TEXT_STYLE, renderText } from '../corpus/build/text.js';
import { expectedFromSpec, sampleSpec } from '../corpus/build/spec.js';
import { PRINCIPLES, QUESTIONS } from '../src/catalogue.js';
import type { Block } from '../src/document.js';
import { match } from '../src/matcher/index.js';
import { parse as parseText } from '../parsers/text/index.js';
import { enc, run, render, answer, expectMatchesSpec } from './matcher-fixtures.js';

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

  const plan = 'Publish the annual review on the website.\nAppendix A to the review lists the sites.';
  it.each([
    ['an appendix follows the form', plan, 'Appendix B – DPIA screening checklist\n\n1. Is the deployment new?  ☒ Yes  ☐ No\n\nScreening completed by the DPO.'],
    ['a declaration follows the form', plan, 'Declaration\n\nSigned: H. Drake\n\nRank: Assistant Chief Constable\n\nDate: 12.03.23'],
    ["a sign-off and the document's history follow the form", plan, 'Sign off\n\nSigned: Ian Marsh\n\nDocument history\n\nVersion 1.1, 28/03/2023: Q12 answer amended to Yes.'],
    ['the plan holds a step of its own, "Sign off"', 'Review the retention period with the DPO\nSign off\nPublish the revised policy on the website', ''],
    ['the plan holds an annex it names over a line of its own', 'Review the retention period with the DPO\nAnnex A\nRetention schedule to be reviewed by June 2024.', ''],
    ['the plan holds a line "Signatures:" over who signs', 'Review the retention period with the DPO\nSignatures:\nDPO and SRO by 30 June 2024', ''],
  ])('reads the last action plan to its end where %s', async (_, text, after) => {
    const spec = base();
    spec.actionPlans[12] = text;
    const r = await run(`${renderText(spec).trimEnd()}\n\n${after}\n`);
    expect(r.actionPlans[11]!.text).toBe(text);
    expect(r.answers.filter((a) => a.principle === 12).map((a) => a.choice)).toEqual(expectedFromSpec(spec).answers.filter((a) => a.id.startsWith('P12.')).map((a) => a.choice));
  });

  it('reads a closing question that names the principle before it by mistake as its own principle\'s', async () => {
    const spec = base();
    const text = renderText(spec);
    const q12 = text.indexOf('\n12. Have you identified');
    const q19 = text.indexOf('\n19. Have you identified');
    // Principle 3's plan, Principle 4's heading and its other questions left out; its closing question names Principle 3.
    const cut = text.slice(0, text.indexOf('\n', q12 + 1)) + text.slice(q19).replace('requirements of Principle 4?', 'requirements of Principle 3?');
    const r = await run(cut);
    const expected = expectedFromSpec(spec).answers;
    expect(['P3.6', 'P4.7'].map((id) => answer(r, id).choice)).toEqual(['P3.6', 'P4.7'].map((id) => expected.find((a) => a.id === id)!.choice));
  });

  it("keeps a form that stops after principle 4 to its own principles where its last closing question's second line is read apart", async () => {
    const spec = base();
    const text = renderText(spec);
    const stop = text.indexOf('\nPrinciple 5\n');
    const cut = text
      .slice(0, stop)
      .replace(
        '19. Have you identified any areas where action is required to conform more fully with the requirements of Principle 4?  ☐ Yes  ☒ No',
        '19. Have you identified any areas where action  ☐ Yes  ☒ No\n\nis required to conform more fully with the requirements of Principle 4?',
      );
    expect(cut).not.toContain('requirements of Principle 4?  ☐');
    const r = await run(cut);
    expect(answer(r, 'P4.7')).toMatchObject({ choice: 'no', status: 'answered' });
    expect(r.answers.filter((a) => a.principle >= 5 && a.status !== 'missing')).toEqual([]);
    expect(r.actionPlans.map((p) => p.text)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((n) => (n <= 4 ? (spec.actionPlans[n] ?? null) : null)));
  });

  it('reads a form that stops early after a table of the principles whose last row stands apart, asking a question of its own', async () => {
    const spec = base();
    const text = renderText(spec);
    // The form with no title block of its own, from Principle 1 to Principle 5.
    const form = text.slice(text.indexOf('Principle 1\n'), text.indexOf('\nPrinciple 6\n'));
    const summary = [
      'Summary of compliance',
      ...PRINCIPLES.slice(0, 11).map((p) => `Principle ${p.number} – ${p.statement}\n\nCompliant? Yes`),
      'Principles 6 to 12 are assessed by the police in their own self assessment.',
      'The police report to the Police and Crime Panel each year.',
      'Their assessment is published on the force website.',
      `Principle 12 – ${PRINCIPLES[11]!.statement}`,
      'Do you have a policy in place to ensure that the information contained on the database is accurate and up to date? The police hold it.',
    ].join('\n\n');
    const r = await run(`${summary}\n\n${form}\n`);
    expect(r.answers.filter((a) => a.principle <= 5).map((a) => [a.id, a.choice])).toEqual(
      expectedFromSpec(spec).answers.filter((a) => Number(a.id.slice(1, a.id.indexOf('.'))) <= 5).map((a) => [a.id, a.choice]),
    );
    expect(r.actionPlans.slice(0, 5).map((p) => p.text)).toEqual([1, 2, 3, 4, 5].map((n) => spec.actionPlans[n] ?? null));
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
      'P7.2': 'Yes, we have a written disclosure policy\nNo, because we do not disclose images',
      'P8.3': 'Yes, we have certification No, because it is not required',
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
      // A choice someone said, after a word, is no second option.
      'P10.5': ['Yes, the DPO said No, registration was not needed until 2022, but we have now registered.', 'yes'],
      'P12.3': ['No, the auditor asked if we had one and we said Yes, but the post is vacant.', 'no'],
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

  it('takes no title block label for a question ("Senior Responsible Officer" for "… include a senior responsible officer?")', async () => {
    const spec = base();
    const whole = renderText(spec);
    // A form published from Principle 6 on: nothing but the title block comes before it.
    const text = whole.slice(0, whole.indexOf('Principle 1\n')) + whole.slice(whole.indexOf('Principle 6\n'));
    expect(text).toContain('Senior Responsible Officer\t');
    const r = await run(text);
    const { name, scope, seniorResponsibleOfficer, position, signOffDate } = r.organisation;
    expect({ name, scope, seniorResponsibleOfficer, position, signOffDate }).toEqual(expectedFromSpec(spec).organisation);
    expect(answer(r, 'P4.2')).toMatchObject({ status: 'missing', reason: 'question not found' });
    // Among the questions, the label is question 14's row, a title label beside it in its comments.
    spec.answers['P4.2'] = { ...spec.answers['P4.2'], text: 'Position: Director of Place' };
    const stacked = renderText(spec, { ...DEFAULT_TEXT_STYLE, optionsInline: false });
    const row = stacked.replace('14. Do your governance arrangements include a senior responsible officer?', 'Senior Responsible Officer');
    expect(row).toMatch(/\nSenior Responsible Officer\n\n.*\n\n.*\n\nPosition: Director of Place\n/);
    const asked = await run(row);
    expect(answer(asked, 'P4.2')).toMatchObject({ choice: expectedFromSpec(spec).answers.find((a) => a.id === 'P4.2')!.choice, text: 'Position: Director of Place' });
    expect(answer(asked, 'P4.2').choice).not.toBeNull();
  });

  it('keeps an "Action Plan" heading printed before the closing question out of the answer above it', async () => {
    const spec = base();
    spec.actionPlans[2] = 'Review the DPIA by June.';
    const rendered = renderText(spec);
    // The heading moved from after the closing question to before it, as some forms print it.
    const text = rendered.replace(/\n(Have you identified any areas[^\n]*Principle (\d+)\?[^\n]*)\n\nAction Plan\n/g, (_, asked: string, n: string) => `\nAction Plan – Principle ${n}\n\n${asked}\n`);
    expect(text).not.toBe(rendered);
    const r = await run(text);
    const expected = expectedFromSpec(spec);
    for (const a of expected.answers) expect([a.id, answer(r, a.id).text]).toEqual([a.id, a.text]);
    expect(r.actionPlans.map((p) => p.text)).toEqual(expected.actionPlans.map((p) => p.text));
    // Printed with its plan before the closing question, a label naming the principle still gives the plan.
    const before = rendered.replace(/\n((?:\d+\. )?Have you identified any areas[^\n]*Principle 2\?[^\n]*)\n\nAction Plan\n\n([^\n]+)\n/, '\nAction Plan – Principle 2\n\n$2\n\n$1\n');
    expect(before).not.toBe(rendered);
    const r2 = await run(before);
    expect(r2.actionPlans[1]!.text).toBe(expected.actionPlans[1]!.text);
    expect(answer(r2, 'P2.5').text).toBe(expected.answers.find((a) => a.id === 'P2.5')!.text);
    // Elsewhere an "Action Plan" line heads words of the answer it stands in.
    const own = text.replace(/\n(Access is limited to trained and vetted staff)/, '\nAction Plan\n\n$1');
    expect(own).not.toBe(text);
    expect(answer(await run(own), 'P1.4').text).toMatch(/Access is limited to trained and vetted staff with a recorded business need.$/);
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

  it('reads "Not applicable." opening the drone question\'s answer, and says where N/A answers a question that offers none', async () => {
    const spec = base();
    spec.answers['P5.9'] = { ticked: 'none', text: 'Not applicable. The council does not operate drones.' };
    spec.answers['P2.2'] = { ticked: 'none', text: 'N/A. No facial recognition or biometric software is used.' };
    spec.answers['P3.3'] = { ticked: 'none', text: 'Not applicable: the signs were replaced by a published notice.' };
    const r = await run(renderText(spec, { ...DEFAULT_TEXT_STYLE, marks: 'labels-only' }));
    expect(answer(r, 'P5.9')).toMatchObject({ choice: 'na', status: 'answered' });
    for (const id of ['P2.2', 'P3.3']) expect(answer(r, id)).toMatchObject({ choice: null, status: 'missing', reason: 'answered N/A, which this question does not offer' });
    // Beside a ticked box, or boxes whose state was lost, "N/A" in the comments may be nothing to add.
    const boxed = base();
    boxed.answers['P2.2'] = { ticked: 'yes', text: 'N/A' };
    expect(answer(await render(boxed), 'P2.2')).toMatchObject({ choice: 'yes', status: 'answered' });
    expect(answer(await render(boxed, { marks: 'placeholder' }), 'P2.2')).toMatchObject({ choice: null, reason: 'checkbox state not present in this format' });
  });

  it('does not read an opening Yes that goes straight on to take it back ("Yes - previously, but no longer"), nor a choice made a part of one ("Yes, partially")', async () => {
    const spec = base();
    spec.answers['P5.10'] = { ticked: 'none', text: 'Yes - previously, but no longer' };
    spec.answers['P2.3'] = { ticked: 'none', text: 'Yes, but no longer: the DPIA lapsed when the cameras were replaced.' };
    spec.answers['P11.4'] = { ticked: 'none', text: 'Yes – previously exported to DVD; this is no longer possible since the 2023 upgrade.' };
    spec.answers['P3.2'] = { ticked: 'none', text: 'Yes (until recently); the signs are being replaced.' };
    spec.answers['P3.3'] = { ticked: 'none', text: 'Yes – formerly; now decided case by case.' };
    spec.answers['P3.4'] = { ticked: 'none', text: 'Yes – previously, but we are not currently registered.' };
    // Such words further on are about a detail; a No or N/A they agree with; "as previously" or a later sentence say
    // nothing of the choice.
    spec.answers['P6.3'] = { ticked: 'none', text: 'Yes – as previously reported, footage is reviewed the same day.' };
    spec.answers['P6.4'] = { ticked: 'none', text: 'Yes. Access was previously wider; it is now council staff only.' };
    spec.answers['P6.5'] = { ticked: 'none', text: 'Yes – reviewed monthly (previously quarterly).' };
    spec.answers['P2.2'] = { ticked: 'none', text: 'No – we no longer use any facial recognition software.' };
    spec.answers['P9.2'] = { ticked: 'none', text: 'Yes - the SRO, formerly the Head of Service, signs it off.' };
    spec.answers['P6.6'] = { ticked: 'none', text: 'Yes – no longer than 31 days unless the police ask.' };
    spec.answers['P7.2'] = { ticked: 'none', text: 'Yes – previously annually, now every six months.' };
    // A choice made a part of one at once is in doubt too, a Yes or a No; such words further on are a detail's.
    spec.answers['P4.3'] = { ticked: 'none', text: 'Yes, partially. Some sites are still to be done.' };
    spec.answers['P5.4'] = { ticked: 'none', text: 'No – in part: the town centre cameras are registered.' };
    spec.answers['P8.3'] = { ticked: 'none', text: 'Yes – not fully, the certificate covers the control room only.' };
    spec.answers['P5.2'] = { ticked: 'none', text: 'Yes – the signs were partly replaced in 2023 and all name the council.' };
    spec.answers['P11.1'] = { ticked: 'none', text: 'Yes, but only partly.' };
    spec.answers['P11.3'] = { ticked: 'none', text: 'Yes, partially\nSome sites are still to be done.' };
    spec.answers['P2.4'] = { ticked: 'none', text: 'No, partly because the budget was cut.' };
    spec.answers['P4.2'] = { ticked: 'none', text: 'Yes. Partially sighted visitors are also given audio notices.' };
    spec.answers['P4.4'] = { ticked: 'none', text: 'Yes, largely automated deletion removes footage after 31 days.' };
    const r = await run(renderText(spec, { ...DEFAULT_TEXT_STYLE, marks: 'placeholder' }));
    for (const [id, words] of [['P5.10', 'previously'], ['P11.4', 'previously'], ['P2.3', 'no longer'], ['P3.2', 'until recently'], ['P3.3', 'formerly'], ['P3.4', 'previously']] as const)
      expect(answer(r, id)).toMatchObject({ choice: null, status: 'ambiguous', reason: expect.stringContaining(`("${words}")`) });
    for (const [id, words] of [['P4.3', 'partially'], ['P5.4', 'in part'], ['P8.3', 'not fully'], ['P11.1', 'partly'], ['P11.3', 'partially']] as const)
      expect(answer(r, id)).toMatchObject({ choice: null, status: 'ambiguous', reason: expect.stringContaining(`holds in part ("${words}")`) });
    expect(['P6.3', 'P6.4', 'P6.5', 'P2.2', 'P9.2', 'P6.6', 'P7.2', 'P5.2', 'P2.4', 'P4.2', 'P4.4'].map((id) => answer(r, id).choice)).toEqual([
      'yes', 'yes', 'yes', 'no', 'yes', 'yes', 'yes', 'yes', 'no', 'yes', 'yes',
    ]);
    // A ticked box beside such words is in doubt too.
    const boxed = base();
    boxed.answers['P3.2'] = { ticked: 'yes', text: 'Yes - previously at every entrance, but no longer since the car park was rebuilt.' };
    expect(answer(await render(boxed), 'P3.2')).toMatchObject({ choice: null, status: 'ambiguous', reason: expect.stringMatching(/^ticked box says yes but the answer opens with a choice .*\("previously"\)$/) });
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
