/**
 * Renders a case spec as plain text, the way "Save as text" or a PDF-to-text
 * converter gives a filled-in template. Used by tests and to build text cases.
 */
import { PRINCIPLES, QUESTIONS, TITLE_FIELDS } from '../../src/catalogue.js';
import { printedNumber, printedWording, titleValues, type CaseSpec, type Ticked } from './spec.js';

export interface TextStyle {
  /**
   * How boxes show: ☒/☐ glyphs, [x]/[ ] brackets, a converter's `|_|` that
   * keeps no state, the labels alone with no box, or only the chosen option left.
   */
  marks: 'glyph' | 'brackets' | 'placeholder' | 'labels-only' | 'sole-option';
  /** Options on the question's line ("…?  ☒ Yes  ☐ No") or on lines of their own. */
  optionsInline: boolean;
  /** A running header and page number every this many lines, with form feeds; 0 for none. */
  pageEvery: number;
}

export const DEFAULT_TEXT_STYLE: TextStyle = { marks: 'glyph', optionsInline: true, pageEvery: 0 };

function optionLine(ticked: Ticked, withNa: boolean, style: TextStyle): string[] {
  const values = withNa ? (['yes', 'no', 'na'] as const) : (['yes', 'no'] as const);
  const label = { yes: 'Yes', no: 'No', na: 'N/A' } as const;
  const on = (v: string) => ticked === v || (ticked === 'both' && v !== 'na');
  switch (style.marks) {
    case 'glyph':
      return values.map((v) => `${on(v) ? '☒' : '☐'} ${label[v]}`);
    case 'brackets':
      return values.map((v) => `[${on(v) ? 'x' : ' '}] ${label[v]}`);
    case 'placeholder':
      return values.map((v) => `|_| ${label[v]}`);
    case 'labels-only':
      return values.map((v) => label[v]);
    case 'sole-option':
      return ticked === 'none' || ticked === 'both' ? values.map((v) => label[v]) : [label[ticked]];
  }
}

export function renderText(spec: CaseSpec, style: TextStyle = DEFAULT_TEXT_STYLE): string {
  const lines: string[] = ['Surveillance Camera Code of Practice', 'Self Assessment Tool', ''];
  const values = titleValues(spec);
  for (const f of TITLE_FIELDS) lines.push(`${f.label}\t${values[f.key]}`);
  lines.push('');
  for (const p of PRINCIPLES) {
    lines.push(`Principle ${p.number}`, p.statement, '');
    for (const q of QUESTIONS.filter((x) => x.principle === p.number)) {
      const n = printedNumber(spec, q);
      const question = `${n === null ? '' : `${n}. `}${printedWording(spec, q)}`;
      const a = spec.answers[q.id] ?? {};
      if (q.type === 'open') {
        lines.push(question, '');
      } else {
        const opts = optionLine(a.ticked ?? 'none', q.type === 'yesno-na-text', style);
        if (style.optionsInline && style.marks !== 'sole-option') lines.push(`${question}  ${opts.join('  ')}`, '');
        else lines.push(question, '', ...opts.flatMap((x) => [x, '']));
      }
      if (a.text?.trim()) lines.push(...a.text.trim().split('\n').flatMap((t) => [t, '']));
    }
    lines.push('Action Plan', '');
    const plan = spec.actionPlans[p.number];
    if (plan?.trim()) lines.push(...plan.trim().split('\n').flatMap((t) => [t, '']));
  }
  if (style.pageEvery > 0) return paginate(lines, style.pageEvery, spec.organisation.name);
  return `${lines.join('\n')}\n`;
}

function paginate(lines: string[], every: number, organisation: string): string {
  const pages: string[][] = [];
  for (let i = 0; i < lines.length; i += every) pages.push(lines.slice(i, i + every));
  return `${pages
    .map((page, i) => [`${organisation} - Self Assessment`, '', ...page, '', `Page ${i + 1} of ${pages.length}`].join('\n'))
    .join('\n\f')}\n`;
}
