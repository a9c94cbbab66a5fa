/**
 * Writes the generated text cases: corpus/text-<name>/input.txt and the
 * expected.json derived from the same spec.
 *   npm run corpus:text
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { QUESTIONS } from '../../src/catalogue.js';
import { expectedFromSpec, sampleSpec, type CaseSpec } from './spec.js';
import { renderText, type TextStyle } from './text.js';

interface TextCase {
  name: string;
  spec: CaseSpec;
  style: TextStyle;
}

/** Spec edits that exercise the hard cases: blanks, no box, both boxes, reworded questions. */
function awkward(spec: CaseSpec): CaseSpec {
  const answers = { ...spec.answers };
  answers['P2.2'] = { ticked: 'none' };
  answers['P3.4'] = { ticked: 'both' };
  answers['P5.5'] = { text: null };
  answers['P4.1'] = { ...answers['P4.1'], wording: 'What governance arrangements do you have in place?' };
  answers['P7.2'] = { ...answers['P7.2'], wording: 'Is there a written policy on disclosing information to third parties?' };
  answers['P12.1'] = { ...answers['P12.1'], wording: 'What use is made of integrated surveillance technology such as ANPR or facial recognition?' };
  return { ...spec, answers };
}

/** Every box left unticked: what a conversion that kept no box state must give. */
function unticked(spec: CaseSpec): CaseSpec {
  const answers = Object.fromEntries(
    QUESTIONS.map((q) => [q.id, { ...spec.answers[q.id], ticked: 'none' as const }]),
  );
  return { ...spec, answers };
}

const CASES: TextCase[] = [
  { name: 'text-glyph-inline', spec: awkward(sampleSpec(101)), style: { marks: 'glyph', optionsInline: true, pageEvery: 0 } },
  {
    name: 'text-brackets-restart-numbering',
    spec: awkward(sampleSpec(102, { numbering: 'restart' })),
    style: { marks: 'brackets', optionsInline: false, pageEvery: 0 },
  },
  {
    name: 'text-pages-headers-first-only-numbering',
    spec: awkward(sampleSpec(103, { numbering: 'first-only' })),
    style: { marks: 'glyph', optionsInline: false, pageEvery: 40 },
  },
  { name: 'text-sole-option-unnumbered', spec: sampleSpec(104, { numbering: 'none' }), style: { marks: 'sole-option', optionsInline: false, pageEvery: 0 } },
  { name: 'text-placeholder-boxes', spec: unticked(sampleSpec(105)), style: { marks: 'placeholder', optionsInline: false, pageEvery: 0 } },
];

for (const c of CASES) {
  const dir = path.join('corpus', c.name);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'input.txt'), renderText(c.spec, c.style));
  await writeFile(path.join(dir, 'expected.json'), `${JSON.stringify(expectedFromSpec(c.spec), null, 2)}\n`);
}
