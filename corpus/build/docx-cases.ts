/**
 * The DOCX corpus cases as data: a spec per case (answers, organisation,
 * numbering) plus how it is laid out in Word. `build-docx-cases.ts` writes
 * them to corpus/docx-<name>/; tests render them in memory.
 */
import { QUESTIONS } from '../../src/catalogue.js';
import { sampleSpec, type AnswerSpec, type CaseSpec } from './spec.js';
import type { BoxEncoding, DocxCaseSpec, DocxLayout } from './docx.js';

export interface DocxCase {
  name: string;
  /** What the case is for, one line. */
  about: string;
  spec: DocxCaseSpec;
}

function make(seed: number, docx: DocxLayout, edit: (spec: CaseSpec) => void = () => {}): DocxCaseSpec {
  const spec = sampleSpec(seed);
  edit(spec);
  return { ...spec, docx };
}

function set(spec: CaseSpec, answers: Record<string, AnswerSpec>): void {
  for (const [id, a] of Object.entries(answers)) spec.answers[id] = { ...spec.answers[id], ...a };
}

/** Encodings that cannot show "both boxes ticked": such answers become a single choice. */
function noBoth(spec: CaseSpec): void {
  for (const a of Object.values(spec.answers)) if (a.ticked === 'both') a.ticked = 'yes';
}

function every<T>(n: number, value: T, from = 0): Record<string, T> {
  const out: Record<string, T> = {};
  QUESTIONS.filter((q) => q.type !== 'open').forEach((q, i) => {
    if (i % n === from) out[q.id] = value;
  });
  return out;
}

const LONG_P11 =
  'Our objectives are set out in a written statement of need agreed with partners:\n' +
  'Protect and reassure the communities we serve\n' +
  'Disrupt and deter criminality in the town centre\n' +
  'Investigate crime and support prosecutions\n' +
  'The statement of need is published at https://www.example.gov.uk/cctv/statement-of-need and is reviewed every year by the information governance board.';

const LONG_P41 =
  'The scheme is governed by the Community Safety Partnership board, which meets quarterly and receives a written report on camera use, complaints and audits.\n' +
  'Day to day management sits with the CCTV manager, who reports to the Senior Responsible Officer. Terms of reference are at https://www.example.gov.uk/cctv/governance for anyone to read.';

const LONG_P61 =
  'Images are retained for 31 days and then overwritten automatically, which matches the time in which incidents are normally reported to us.\n' +
  'Where footage is needed as evidence it is exported, logged and kept until the case is closed, then deleted.\n' +
  'The retention period was last reviewed in January and agreed by the data protection officer.';

export const DOCX_CASES: readonly DocxCase[] = [
  {
    name: 'template-form-fields',
    about: 'official template tables, legacy FORMCHECKBOX fields (w:checked, some state only in w:default)',
    spec: make(101, { layout: 'template', boxes: 'form-field', boxesFor: every<BoxEncoding>(4, 'form-field-default') }),
  },
  {
    name: 'template-content-controls',
    about: 'template tables, Word 2010+ checkbox content controls (w14:checkbox) in table cells',
    spec: make(102, { layout: 'template', boxes: 'content-control' }),
  },
  {
    name: 'template-wingdings',
    about: 'template tables, w:sym boxes in Wingdings, Wingdings 2 and Segoe UI Symbol',
    spec: make(103, {
      layout: 'template',
      boxes: 'symbol-wingdings',
      boxesFor: { ...every<BoxEncoding>(5, 'symbol-wingdings2', 1), ...every<BoxEncoding>(5, 'symbol-segoe', 3) },
    }),
  },
  {
    name: 'paragraph-glyphs',
    about: 'paragraph layout, ☒ / ☐ typed as text on a line below the question',
    spec: make(104, { layout: 'paragraph', boxes: 'glyph' }),
  },
  {
    name: 'template-typed-x',
    about: 'template tables with the form fields removed and an X (or ✓) typed in the box cell beside the chosen option',
    spec: make(105, { layout: 'template', boxes: 'typed-mark', boxesFor: every<BoxEncoding>(3, 'typed-tick') }),
  },
  {
    name: 'paragraph-struck-options',
    about: 'paragraph layout, no boxes: the option not chosen struck through (w:strike, some w:dstrike)',
    spec: make(106, { layout: 'paragraph', boxes: 'struck', boxesFor: every<BoxEncoding>(3, 'struck-double') }, noBoth),
  },
  {
    name: 'template-deleted-option',
    about: 'template tables, no boxes: the option not chosen deleted (some as a tracked deletion); one question left with both',
    spec: make(107, { layout: 'template', boxes: 'deleted', boxesFor: every<BoxEncoding>(4, 'deleted-tracked', 2) }, (s) => {
      noBoth(s);
      set(s, { 'P3.2': { ticked: 'none' } });
    }),
  },
  {
    name: 'reworded-restart',
    about: 'form fields; questions reworded by the organisation and numbered from 1 in every principle',
    spec: make(108, { layout: 'template', boxes: 'form-field' }, (s) => {
      s.numbering = 'restart';
      set(s, {
        'P1.2': { wording: 'What is the legal basis for the use of surveillance cameras?' },
        'P2.3': { wording: 'Has a DPIA been completed and signed off by the DPO with the privacy risks mitigated?' },
        'P4.3': { wording: 'Is there a single point of contact, and how is the role publicised?' },
        'P5.9': { wording: 'Do you use drones and, if so, what CAA permissions and operator ID do you hold?' },
        'P7.2': { wording: 'Is there a written policy on disclosing information to third parties?' },
        'P11.4': { wording: 'Can the information be exported easily?' },
      });
    }),
  },
  {
    name: 'first-only-blanks',
    about: 'content controls; only the first question of a principle numbered; blank answers, no box ticked, both boxes ticked',
    spec: make(109, { layout: 'template', boxes: 'content-control' }, (s) => {
      s.numbering = 'first-only';
      set(s, {
        'P1.3': { text: null },
        'P2.1': { ticked: 'none' },
        'P2.2': { ticked: 'both' },
        'P3.5': { text: '' },
        'P4.3': { ticked: 'none', text: null },
        'P5.9': { ticked: 'both', text: 'Not applicable: we do not operate drones.' },
        'P9.2': { ticked: 'none' },
        'P10.3': { ticked: 'yes', text: null },
        'P12.1': { text: null },
      });
      s.actionPlans[4] = null;
    }),
  },
  {
    name: 'paragraph-long-answers',
    about: 'paragraph layout, form fields, no question numbers; long answers with bullet lists and links that run across explicit page breaks',
    spec: make(
      110,
      {
        layout: 'paragraph',
        boxes: 'form-field',
        listIn: ['P1.1'],
        pageBreakIn: ['P1.1', 'P4.1', 'P6.1'],
        principlePageBreaks: true,
      },
      (s) => {
        s.numbering = 'none';
        set(s, { 'P1.1': { text: LONG_P11 }, 'P4.1': { text: LONG_P41 }, 'P6.1': { text: LONG_P61 } });
      },
    ),
  },
  {
    name: 'tracked-changes-comments',
    about: 'form fields; answers edited with tracked changes (insertions kept, deletions and a deleted paragraph dropped) and review comments',
    spec: make(111, {
      layout: 'template',
      boxes: 'form-field',
      tracked: ['P1.1', 'P3.5', 'P4.3', 'P7.1'],
      comments: { 'P1.2': 'Check the lawful basis wording with legal services.', 'P6.2': 'Is this still true after the upgrade?', 'action-5': 'Add dates.' },
      boxesFor: { 'P2.1': 'deleted-tracked' },
    }),
  },
  {
    name: 'header-footer-textbox',
    about: 'paragraph layout with options inline after the question, content controls; running header and footer; action plans in text boxes',
    spec: make(
      112,
      {
        layout: 'paragraph',
        boxes: 'content-control',
        inlineOptions: true,
        header: 'OFFICIAL – Eastmarsh Police – Surveillance Camera self assessment',
        footer: 'Version 2.1 – approved for publication',
        textBoxActionPlans: [3, 12],
      },
      (s) => {
        s.actionPlans[3] = 'Review the wording of all site signage by the end of the year.';
        s.actionPlans[12] = 'Audit the hotlist database quarterly and record the results.';
      },
    ),
  },
  {
    name: 'template-page-breaks',
    about: 'template tables with typed ☒ / ☐; long answers with lists and links split across pages inside their answer cells',
    spec: make(113, { layout: 'template', boxes: 'glyph', listIn: ['P1.1'], pageBreakIn: ['P1.1', 'P4.1', 'P6.1'] }, (s) => {
      set(s, { 'P1.1': { text: LONG_P11 }, 'P4.1': { text: LONG_P41 }, 'P6.1': { text: LONG_P61 } });
    }),
  },
  {
    name: 'paragraph-inline-symbols',
    about: 'paragraph layout, Wingdings 2 w:sym boxes inline after the question text',
    spec: make(114, { layout: 'paragraph', boxes: 'symbol-wingdings2', inlineOptions: true }),
  },
];
