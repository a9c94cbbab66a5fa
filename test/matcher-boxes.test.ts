import { describe, expect, it } from 'vitest';
import { DEFAULT_TEXT_STYLE, renderText } from '../corpus/build/text.js';
import { expectedFromSpec, sampleSpec } from '../corpus/build/spec.js';
import { PRINCIPLES, QUESTIONS } from '../src/catalogue.js';
import type { Block, Mark } from '../src/document.js';
import { glyphMark } from '../src/options.js';
import { match } from '../src/matcher/index.js';
import { sameRowBefore } from '../src/matcher/rows.js';
import { parse as parseText } from '../parsers/text/index.js';
import { enc, run, render, answer, expectMatchesSpec } from './matcher-fixtures.js';

describe('matcher on rendered templates', () => {
  it('says a question whose options are read from text printed invisible (an OCR layer) has boxes not read, not none ticked', async () => {
    const bare = renderText(sampleSpec(5), DEFAULT_TEXT_STYLE).replace(/[☒☐] /g, '');
    const doc = await parseText(enc(bare));
    const reasons = (blocks: Block[]) => new Set(match({ ...doc, blocks }).answers.filter((a) => a.type !== 'open' && a.status === 'missing').map((a) => a.reason));
    expect(reasons(doc.blocks)).toContain('no box ticked');
    const unseen = reasons(doc.blocks.map((b) => ({ ...b, unshown: true })));
    expect(unseen).not.toContain('no box ticked');
    expect(unseen).toContain('its options are read from text printed invisible (an OCR layer over a scan): whether a box is ticked is not read');
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

  it('reads an X typed between the labels of a layout conversion\'s table the way the document\'s other rows put theirs', async () => {
    const spec = sampleSpec(6);
    const text = renderText(spec, DEFAULT_TEXT_STYLE)
      .replace(/ {2}☒ Yes {2}☐ No$/gm, '          X   Yes        No')
      .replace(/ {2}☐ Yes {2}☒ No$/gm, '          Yes    X   No');
    expect(text).toMatch(/\? {10}X {3}Yes {8}No\n/);
    expect(text).toMatch(/\? {10}Yes {4}X {3}No\n/);
    const r = await run(text);
    expectMatchesSpec(r, spec);
    const no = expectedFromSpec(spec).answers.find((a) => a.choice === 'no' && QUESTIONS.find((q) => q.id === a.id)!.type === 'yesno')!;
    expect(answer(r, no.id).evidence.source).toBe('typed-mark');
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

  it('reports both boxes ticked as ambiguous and none ticked as missing', async () => {
    const spec = sampleSpec(7);
    spec.answers['P2.2'] = { ticked: 'both' };
    spec.answers['P2.3'] = { ticked: 'none' };
    const r = await render(spec);
    expect(answer(r, 'P2.2')).toMatchObject({ choice: null, status: 'ambiguous', reason: 'both boxes ticked' });
    expect(answer(r, 'P2.3')).toMatchObject({ choice: null, status: 'missing', reason: 'no box ticked' });
  });

  it('reads a Yes or No typed after blank boxes as the answer; typed against a ticked box, as ambiguous', async () => {
    const spec = sampleSpec(7);
    spec.answers['P2.2'] = { ticked: 'none' };
    spec.answers['P2.3'] = { ticked: 'yes' };
    const text = renderText(spec, DEFAULT_TEXT_STYLE)
      .replace(/^(2\. .*\?  ☐ Yes  ☐ No)$/m, '$1  No')
      .replace(/^(3\. .*\?  ☒ Yes  ☐ No)$/m, '$1 No');
    const r = await run(text);
    expect(answer(r, 'P2.2')).toMatchObject({ choice: 'no', status: 'answered', evidence: { kind: 'mark', source: 'typed-mark', quote: 'No' } });
    expect(answer(r, 'P2.3')).toMatchObject({ choice: null, status: 'ambiguous', reason: 'both options marked' });
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

  it('is read as the choice under boxes with no label that a row\'s border parts from its question', async () => {
    const spec = sampleSpec(32);
    spec.answers['P2.3'] = { ticked: 'none' };
    spec.answers['P2.4'] = { ticked: 'no' };
    const read = async (border: boolean) => {
      const doc = await parseText(new TextEncoder().encode(renderText(spec, { ...DEFAULT_TEXT_STYLE, marks: 'sole-option' })));
      const at = doc.blocks.findIndex((b) => b.text.includes('Do you update your data protection impact assessment'));
      const question = doc.blocks[at]!;
      // "☐ Yes ☒" at the foot of the row above, its last box unlabelled; the next row's question under a border.
      const above = { ...question.provenance, line: (question.provenance.line ?? 0) - 1 };
      const box = (glyph: string): Block => ({ kind: 'option', text: '', provenance: above, option: { value: null, mark: glyphMark(glyph) } });
      doc.blocks.splice(at, 1, box('☐'), { kind: 'option', text: 'Yes', provenance: above, option: { value: 'yes', mark: null } }, box('☒'), border ? { ...question, ruledAbove: true } : question);
      return match(doc).answers.find((a) => a.id === 'P2.4')!;
    };
    expect(await read(true)).toMatchObject({ choice: 'no', status: 'answered', evidence: { kind: 'sole-option' } });
    expect(await read(false)).toMatchObject({ choice: null, status: 'missing' });
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

  it('takes table cells for one row only on one page: rows are counted afresh on each', () => {
    const cell = (page: number, column: number): Block => ({ kind: 'tableCell', text: 'x', provenance: { page, x: 100 * column, y: 700 }, table: { row: 0, column } });
    expect(sameRowBefore(cell(1, 0), cell(1, 1))).toBe(true);
    expect(sameRowBefore(cell(1, 0), cell(2, 1))).toBe(false);
  });

  it('gives a row its boxes where its number and boxes are centred down it, read before its question, and its comment where that falls between the question\'s lines', () => {
    const spec = sampleSpec(31);
    const blocks: Block[] = [];
    let y = 800;
    let page = 1;
    let row = 0;
    for (const p of PRINCIPLES) {
      blocks.push({ kind: 'heading', text: `Principle ${p.number}`, provenance: { page, x: 50, y } }, { kind: 'paragraph', text: p.statement, provenance: { page, x: 50, y } });
      for (const q of QUESTIONS.filter((x) => x.principle === p.number)) {
        y -= 100;
        if (y < 60) [y, page] = [700, page + 1];
        row++;
        // A tall row, its cells centred down it: the number and the boxes level with the question's middle line.
        const middle = { page, x: 100, y: y - 40 };
        const cell = (column: number) => ({ row, column });
        if (q.number !== null) blocks.push({ kind: 'tableCell', text: `${q.number}.`, provenance: middle, table: cell(0) });
        const a = spec.answers[q.id] ?? {};
        if (q.type !== 'open')
          for (const value of ['yes', 'no'] as const)
            blocks.push({ kind: 'option', text: value === 'yes' ? 'Yes' : 'No', provenance: { ...middle, x: value === 'yes' ? 285 : 320 }, option: { value, mark: { state: a.ticked === value ? 'checked' : 'unchecked', source: 'glyph' } }, table: cell(0) });
        blocks.push({ kind: 'tableCell', text: q.text, provenance: { page, x: 135, y }, table: cell(1) });
      }
    }
    const result = match({ format: 'pdf', blocks, diagnostics: [] });
    for (const q of QUESTIONS.filter((x) => x.type === 'yesno')) {
      const ticked = spec.answers[q.id]?.ticked;
      expect(result.answers.find((x) => x.id === q.id)!.choice, q.id).toBe(ticked === 'yes' || ticked === 'no' ? ticked : null);
    }

    // The number level with the question's second line, which it opens in reading order, and the comment set between.
    const p46 = QUESTIONS.find((q) => q.id === 'P4.6')!;
    const at = blocks.findIndex((b) => b.text === p46.text);
    const [{ provenance }] = [blocks[at]!];
    const [first, second] = [p46.text.slice(0, p46.text.indexOf(' clear')), p46.text.slice(p46.text.indexOf('clear'))];
    const boxes = blocks.slice(at - 2, at).map((b) => ({ ...b, option: { ...b.option!, mark: { state: b.option!.value === 'no' ? 'checked' : 'unchecked', source: 'glyph' } } }) as Block);
    blocks.splice(
      at - 3,
      4,
      { kind: 'paragraph', text: first, provenance },
      { kind: 'paragraph', text: 'Yes – see the collaboration agreement with the Regional Organised Crime Unit.', provenance: { ...provenance, x: 350, y: provenance.y! - 20 } },
      { kind: 'paragraph', text: `18. ${second}`, provenance: { ...provenance, x: 100, y: provenance.y! - 40 } },
      ...boxes,
    );
    const split = match({ format: 'pdf', blocks, diagnostics: [] });
    expect(split.answers.find((x) => x.id === 'P4.6')).toMatchObject({ choice: null, status: 'ambiguous', text: 'Yes – see the collaboration agreement with the Regional Organised Crime Unit.' });
    expect(split.answers.find((x) => x.id === 'P4.5')!.text ?? '').not.toContain('collaboration');
  });
});
