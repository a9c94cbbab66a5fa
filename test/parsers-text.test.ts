import { describe, expect, it } from 'vitest';
import { parse } from '../parsers/text/index.js';
import { ExtractError } from '../src/errors.js';

const enc = (s: string) => new TextEncoder().encode(s);
const brief = (b: { kind: string; text: string; option?: { value: string | null; mark: { state: string } | null } }) =>
  b.option ? `${b.kind}:${b.option.value}:${b.option.mark?.state ?? 'none'}` : `${b.kind}:${b.text}`;

describe('text parser', () => {
  it('splits tab-separated cells and gives each block its line', async () => {
    const doc = await parse(enc('Intro\n\nName of organisation\tWestvale Council\n'));
    expect(doc.blocks.map(brief)).toEqual(['paragraph:Intro', 'tableCell:Name of organisation', 'tableCell:Westvale Council']);
    expect(doc.blocks[2]!.provenance).toMatchObject({ line: 3, start: 7 });
  });

  it('reads boxes followed by a control character nobody sees (U+0001, as an HTML export leaves after a checkbox) as boxes, offsets kept', async () => {
    const doc = await parse(enc('Is it published?  ☐\u0001  Yes  ☒\u0001  No\n\nOn the website.\n'));
    expect(doc.blocks.map(brief)).toEqual(['paragraph:Is it published?', 'option:yes:unchecked', 'option:no:checked', 'paragraph:On the website.']);
    expect(doc.blocks[3]!.provenance).toMatchObject({ line: 3, start: 35 });
  });

  it('reads a line opening with a box and its label, then words, as that option and a paragraph of the words', async () => {
    const doc = await parse(enc('Is it published?\n\n☒ Yes – on the council website.\n☐ No\n\n[x] No: not used\n\n☒ No-one may view it\n'));
    expect(doc.blocks.map(brief)).toEqual([
      'paragraph:Is it published?',
      'option:yes:checked',
      'paragraph:on the council website.',
      'option:no:unchecked',
      'option:no:checked',
      'paragraph:not used',
      'paragraph:☒ No-one may view it',
    ]);
  });

  it('reads boxes in cells of their own side by side before a comment as the row\'s, none as the comment\'s first word\'s', async () => {
    const doc = await parse(enc(' 4.6   If the system is jointly operated, is it clear who does what?   ☐   ☒   Yes – see the collaboration agreement'));
    expect(doc.blocks.map(brief)).toEqual([
      'paragraph:4.6 If the system is jointly operated, is it clear who does what?',
      'option:null:unchecked',
      'option:null:checked',
      'paragraph:Yes – see the collaboration agreement',
    ]);
  });

  it('reads a layout conversion\'s table of question, boxes and comments: the question and the comment each joined up, the boxes between', async () => {
    // Columns as pdftotext -layout sets them: number, question, response, comments.
    const row = (no: string, question: string, boxes = '', comment = '') => `${no.padEnd(6)}${question.padEnd(62)}${boxes.padEnd(12)}${comment}`.trimEnd();
    const text = [
      row(' 3', 'Have you carried out a data protection impact assessment,', '☒ Yes', 'DPIA v3 signed by the DPO'),
      row('', 'and were you and your DPO able to sign off that privacy', '☐ No', 'in February 2024.'),
      row('', 'risks had been mitigated adequately?'),
      '',
      row(' 4', 'Do you update your data protection impact assessment', 'Yes ☐', 'Reviewed when cameras'),
      row('', 'regularly and whenever fundamental changes are made to', '', 'are added.'),
      row('', '', 'No ☒'),
      row('', 'your system?'),
    ].join('\n');
    const doc = await parse(enc(text));
    expect(doc.blocks.map(brief)).toEqual([
      'paragraph:3 Have you carried out a data protection impact assessment, and were you and your DPO able to sign off that privacy risks had been mitigated adequately?',
      'option:yes:checked',
      'option:no:unchecked',
      'paragraph:DPIA v3 signed by the DPO in February 2024.',
      'paragraph:4 Do you update your data protection impact assessment regularly and whenever fundamental changes are made to your system?',
      'option:yes:unchecked',
      'option:no:checked',
      'paragraph:Reviewed when cameras are added.',
    ]);
  });

  it('leaves boxes in a layout row whole where a choice is typed in a column before them', async () => {
    const row = (no: string, question: string, typed: string, boxes: string, comment = '') => `${no.padEnd(6)}${question.padEnd(60)}${typed.padEnd(10)}${boxes.padEnd(12)}${comment}`.trimEnd();
    // Response typed, then an "Action needed" column of boxes: the boxes are not the answer.
    const typed = await parse(enc([row('1', 'Has your organisation paid a registration fee to the', 'Yes', '☐ Yes', 'Evidence held.'), row('', 'Information Commissioner\'s Office and informed them', '', '☒ No', 'by the manager.')].join('\n')));
    expect(typed.blocks.filter((b) => b.option)).toEqual([]);
  });

  it('reads a layout conversion\'s table of number, boxes and question: the question joined up, then its boxes', async () => {
    // No. | Response | Question, as pdftotext -layout sets it: each row's boxes open its lines.
    const row = (no: string, boxes: string, question: string) => `${no.padEnd(6)}${boxes.padEnd(12)}${question}`.trimEnd();
    const text = [
      row('', '☐ Yes', 'Is the system being used for any other purpose other than'),
      row('', '☒ No', 'those specified? If so please explain.'),
      row('', '☒ Yes', 'Is a second use of the system set out in the policy for'),
      row('', '☐ No', 'each purpose?'),
      '',
      row('2', '☐ Yes', 'Are you able to document that any use of automatic facial'),
      row('', '☒ No', 'recognition software or any other biometric characteristic'),
      row('', '', 'recognition systems is necessary and proportionate?'),
      row('3', '☒ Yes', 'Have you carried out a data protection impact assessment,'),
      row('', '☐ No', 'and were you and your DPO able to sign off that privacy'),
      row('', '', 'risks had been mitigated adequately?'),
      '',
      row('5', '', 'How have you documented any decision that a data protection'),
      row('', '', 'impact assessment is not necessary?'),
    ].join('\n');
    const doc = await parse(enc(text));
    expect(doc.blocks.map(brief)).toEqual([
      'paragraph:Is the system being used for any other purpose other than those specified? If so please explain.',
      'option:yes:unchecked',
      'option:no:checked',
      // The next row's "Yes" opens that row, though no blank line parts them.
      'paragraph:Is a second use of the system set out in the policy for each purpose?',
      'option:yes:checked',
      'option:no:unchecked',
      'paragraph:2 Are you able to document that any use of automatic facial recognition software or any other biometric characteristic recognition systems is necessary and proportionate?',
      'option:yes:unchecked',
      'option:no:checked',
      // A row straight after the one above, its question's first line not carrying on that question.
      'paragraph:3 Have you carried out a data protection impact assessment, and were you and your DPO able to sign off that privacy risks had been mitigated adequately?',
      'option:yes:checked',
      'option:no:unchecked',
      'paragraph:5 How have you documented any decision that a data protection impact assessment is not necessary?',
    ]);
    // A narrow question column, three words to its first line; the row's number centred between its boxes.
    const narrow = [row('', '☐ Yes', 'Do your governance'), row('14', '', ''), row('', '☒ No', 'arrangements include a'), row('', '', 'senior responsible officer?')].join('\n');
    expect((await parse(enc(narrow))).blocks.map(brief)).toEqual([
      'paragraph:14 Do your governance arrangements include a senior responsible officer?',
      'option:yes:unchecked',
      'option:no:checked',
    ]);
    // A comments column after the question's: its lines are the row's comment, after the boxes.
    const commented = [
      `${'3'.padEnd(6)}${'☒ Yes'.padEnd(12)}${'Have you carried out a data protection impact'.padEnd(49)}Signed off by the DPO`,
      `${''.padEnd(6)}${'☐ No'.padEnd(12)}${'assessment, and were you and your DPO able to'.padEnd(49)}in February 2024.`,
      `${''.padEnd(18)}sign off that privacy risks had been mitigated?`,
    ].join('\n');
    expect((await parse(enc(commented))).blocks.map(brief)).toEqual([
      'paragraph:3 Have you carried out a data protection impact assessment, and were you and your DPO able to sign off that privacy risks had been mitigated?',
      'option:yes:checked',
      'option:no:unchecked',
      'paragraph:Signed off by the DPO in February 2024.',
    ]);
    // Boxes then a word or two are an answer's options and its comment, as they were.
    const short = await parse(enc(`Is it published?\n\n☒ Yes      On the website.`));
    expect(short.blocks.map(brief)).toEqual(['paragraph:Is it published?', 'option:yes:checked', 'paragraph:On the website.']);
  });

  it('pairs a box on its own line with the label on the next', async () => {
    const doc = await parse(enc('\tDo you have a policy?\n\t|_|\n\tYes\n\t|_|\n\tNo\n'));
    expect(doc.blocks.map(brief)).toEqual(['paragraph:Do you have a policy?', 'option:yes:unknown', 'option:no:unknown']);
  });

  it('reads spacing as typed: a box right beside one label and a wide gap from the other is that label\'s', async () => {
    const doc = await parse(enc('Do you have a policy?\nYes    ☒ No\n\nDo you audit it?\nYes ☒ No\n'));
    expect(doc.blocks.map(brief)).toEqual([
      'paragraph:Do you have a policy?',
      'option:yes:none',
      'option:no:checked',
      'paragraph:Do you audit it?',
      'option:yes:none',
      'option:null:checked',
      'option:no:none',
    ]);
  });

  it('joins lines a layout tool wrapped, and only those', async () => {
    const wrapped =
      'The council operates forty cameras across the town centre and the two main\n' +
      'car parks, monitored from the control room.\n' +
      'Yes\n' +
      'Footage is kept for 31 days.\n' +
      '\n' +
      'Concerns about the CCTV system, including any CCTV-\n' +
      'specific complaint, are answered on a rolling 31-\n' +
      'day cycle by the control room manager.\n';
    const doc = await parse(enc(wrapped));
    expect(doc.blocks.map((b) => b.text)).toEqual([
      'The council operates forty cameras across the town centre and the two main car parks, monitored from the control room.',
      'Yes',
      'Footage is kept for 31 days.',
      // A hyphen at a line end after a capital or a digit is part of the word too.
      'Concerns about the CCTV system, including any CCTV-specific complaint, are answered on a rolling 31-day cycle by the control room manager.',
    ]);
  });

  it('keeps a layout conversion\'s box column aside so the wrapped question joins up', async () => {
    const layout = [
      '   1. Has your organisation paid a registration fee to the          ☒ Yes   ☐ No',
      '      Information Commissioner\'s Office and informed them of the',
      '      appointment of a Data Protection Officer?',
      '',
      '      We renewed the registration in April.',
    ].join('\n');
    const doc = await parse(enc(layout));
    expect(doc.blocks.map(brief)).toEqual([
      "paragraph:1. Has your organisation paid a registration fee to the Information Commissioner's Office and informed them of the appointment of a Data Protection Officer?",
      'option:yes:checked',
      'option:no:unchecked',
      'paragraph:We renewed the registration in April.',
    ]);
  });


  it('wraps no row of short cells set apart by column gaps into the next line, as a heading row repeated over a cut row', async () => {
    const layout = [
      ' 1     Has your organisation paid a registration fee to the       Y    Registered.',
      '       Information Commissioner\'s Office and appointed a DPO who reports to the highest management level',
      '\f No.   Question                                                  Y/N   Comments',
      '       within the organisation?',
    ].join('\n');
    const doc = await parse(enc(layout));
    expect(doc.blocks.slice(2).map(brief)).toEqual(['paragraph:No. Question Y/N Comments', 'paragraph:within the organisation?']);
  });

  it('keeps labels stacked in a column beside a wrapped question aside as its options, and a single-line question\'s label as it was', async () => {
    // pdftotext -layout of a cell printing "Yes" over "No" whose boxes were drawn, so the text keeps only the labels.
    const layout = [
      ' 3.2    Does your Privacy Notice signage           Yes',
      '        highlight the use of a surveillance',
      '                                                   No',
      '        camera system and the purpose for',
      '        which it captures images?',
      '',
      ' 3.3    Does your signage state who operates it?    No',
    ].join('\n');
    const doc = await parse(enc(layout));
    expect(doc.blocks.map(brief)).toEqual([
      'paragraph:3.2 Does your Privacy Notice signage highlight the use of a surveillance camera system and the purpose for which it captures images?',
      'option:yes:none',
      'option:no:none',
      'paragraph:3.3 Does your signage state who operates it? No',
    ]);
    // A sentence's "no" a justified gap away is the sentence's; a label typed under boxes is the answer typed.
    const prose = ['Following the review in March there is   no', 'other purpose for which the cameras are used.'].join('\n');
    expect((await parse(enc(prose))).blocks.map(brief)).toEqual(['paragraph:Following the review in March there is no other purpose for which the cameras are used.']);
    const typed = [' 1.  Is the system used for any other purpose?        ☐ Yes ☐ No', '                                                      No'].join('\n');
    expect((await parse(enc(typed))).blocks.map(brief)).toEqual(['paragraph:1. Is the system used for any other purpose?', 'option:yes:unchecked', 'option:no:unchecked', 'paragraph:No']);
  });
  it('joins the short lines of a narrow column where the words go on in lower case, and nothing else short', async () => {
    const layout = [
      ' 69     Are all staff aware of when       ☒ Yes',
      '        surveillance becomes covert       ☐ No',
      '        surveillance under the',
      '        Regulation of Investigatory',
      '        Powers Act (RIPA) 2000?',
      '',
      'Scope of surveillance camera',
      'system',
      'Town centre CCTV',
      'Senior Responsible Officer',
      'Jo Marsh',
      'Yes',
      'see the ICO register entry on our website',
      'Town centre',
      'cameras and car parks',
    ].join('\n');
    const doc = await parse(enc(layout));
    expect(doc.blocks.map(brief)).toEqual([
      'paragraph:69 Are all staff aware of when surveillance becomes covert surveillance under the Regulation of Investigatory',
      'option:yes:checked',
      'option:no:unchecked',
      // Going on in capitals, a short line cannot be told from a new one.
      'paragraph:Powers Act (RIPA) 2000?',
      'paragraph:Scope of surveillance camera system',
      'paragraph:Town centre CCTV',
      'paragraph:Senior Responsible Officer',
      'paragraph:Jo Marsh',
      // A word or two is no line of a column: an answer, then its comment.
      'paragraph:Yes',
      'paragraph:see the ICO register entry on our website',
      'paragraph:Town centre',
      'paragraph:cameras and car parks',
    ]);
  });

  it('numbers pages at form feeds and flags running headers and page numbers', async () => {
    const page = (n: number, body: string) => `Westvale CCTV Self Assessment\n${body}\nPage ${n} of 3`;
    const doc = await parse(enc([page(1, 'First answer.'), page(2, 'Second answer.'), page(3, 'Third answer.')].join('\n\f')));
    expect(doc.pages).toBe(3);
    expect(doc.blocks.filter((b) => !b.furniture).map((b) => [b.text, b.provenance.page])).toEqual([
      ['First answer.', 1],
      ['Second answer.', 2],
      ['Third answer.', 3],
    ]);
  });

  it('decodes Windows-1252 text that is not UTF-8', async () => {
    const doc = await parse(Uint8Array.from([0x93, 0x4e, 0x6f, 0x94, 0x20, 0x96, 0x20, 0x6e, 0x6f, 0x6e, 0x65]));
    expect(doc.blocks[0]!.text).toBe('“No” – none');
  });

  it('rejects binary data with a clear error', async () => {
    await expect(parse(Uint8Array.from([0x00, 0x10, 0x00]))).rejects.toThrow(ExtractError);
    await expect(parse(Uint8Array.from([0x00, 0x10, 0x00]))).rejects.toThrow(/binary/);
  });
});
