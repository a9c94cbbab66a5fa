/**
 * Writes the PDF corpus cases: corpus/pdf-<name>/input.pdf and expected.json
 * (the expected record comes from the spec, never from a parser). With qpdf
 * on the PATH it also writes the encrypted fixtures under corpus/bad/ that
 * are missing.
 *
 *   npx tsc -p . && node dist/corpus/build/build-pdf-cases.js [corpusDir] [--force]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, PDFName, StandardFonts, TextRenderingMode, concatTransformationMatrix, drawObject, popGraphicsState, pushGraphicsState, setTextRenderingMode } from 'pdf-lib';
import { QUESTIONS } from '../../src/catalogue.js';
import { renderPdf, type PdfStyle } from './pdf.js';
import { expectedFromSpec, rng, sampleSpec, type CaseSpec, type Ticked } from './spec.js';

export interface PdfCase {
  name: string;
  spec: CaseSpec;
  style: PdfStyle;
  /** Notes for the reader, keyed by question id, copied into expected.json. */
  notes?: Record<string, string>;
}

const LONG = [
  'The scheme covers forty-two cameras across the town centre, the bus station and three council car parks, monitored from the control room at the civic centre.',
  'Every request for footage is logged on the disclosure register, checked against the retention schedule and approved by the duty supervisor before anything is released.',
  'Operators are trained in-house on induction and again every year, and the training records are kept by the community safety team for inspection.',
  'The partnership agreement with the police sets out who may view live images, how evidence is exported and how quickly copies must be produced.',
  'Where a camera no longer meets its stated purpose it is reviewed by the CCTV board and, if it cannot be justified, decommissioned and its sign removed.',
  'Complaints are handled under the corporate complaints procedure, and any that concern the cameras are reported to the board with the action taken.',
  'The system is audited by internal audit every two years and the findings and our response are published on the council website.',
];

function longText(random: () => number, n: number): string {
  return Array.from({ length: n }, () => LONG[Math.floor(random() * LONG.length)]!).join(' ');
}

/** Every case, built from seeded specs so the corpus is the same on every run. */
export function pdfCases(): PdfCase[] {
  const cases: PdfCase[] = [];

  cases.push({ name: 'vector-cross', spec: sampleSpec(101), style: { marks: 'vector-cross', layout: 'inline', furniture: true } });
  cases.push({ name: 'vector-tick-table', spec: sampleSpec(102), style: { marks: 'vector-tick', layout: 'table' } });
  cases.push({ name: 'vector-fill-stacked', spec: sampleSpec(103, { numbering: 'restart' }), style: { marks: 'vector-fill', layout: 'stacked' } });

  // Mismatch: P2.1 and P7.2 are ticked in the form's value but their boxes keep an unchecked appearance.
  const acro = sampleSpec(104);
  acro.answers['P2.1'] = { ...acro.answers['P2.1'], ticked: 'yes' };
  acro.answers['P7.2'] = { ...acro.answers['P7.2'], ticked: 'no' };
  const mismatchNote = 'AcroForm checkbox whose value (/V) is on while its appearance state (/AS) is Off: a viewer shows it empty while the form holds it ticked; which was meant cannot be told, so the answer is ambiguous.';
  cases.push({
    name: 'acroform-checkbox',
    spec: acro,
    style: { marks: 'acroform-checkbox', layout: 'inline', mismatch: ['P2.1', 'P7.2'] },
    notes: { 'P2.1': mismatchNote, 'P7.2': mismatchNote },
  });

  const radio = sampleSpec(105);
  for (const q of QUESTIONS) if (radio.answers[q.id]?.ticked === 'both') radio.answers[q.id]!.ticked = 'yes';
  radio.answers['P3.2'] = { ...radio.answers['P3.2'], ticked: 'none' };
  cases.push({ name: 'acroform-radio', spec: radio, style: { marks: 'acroform-radio', layout: 'table', answerFields: true } });

  cases.push({ name: 'typed-x', spec: sampleSpec(106), style: { marks: 'typed-x', layout: 'inline', typed: 'alternate' } });
  cases.push({ name: 'glyph-msgothic', spec: sampleSpec(107), style: { marks: 'glyph-unicode', layout: 'inline' } });
  cases.push({ name: 'glyph-wingdings-table', spec: sampleSpec(108), style: { marks: 'glyph-wingdings', layout: 'table' } });
  cases.push({ name: 'zapf-ticks', spec: sampleSpec(109), style: { marks: 'zapf-tick', layout: 'inline' } });

  // Long answers that run over page breaks, with running header, footer and page numbers.
  const long = sampleSpec(110, { numbering: 'first-only' });
  const random = rng(110);
  for (const q of QUESTIONS) if (q.type !== 'yesno') long.answers[q.id] = { ...long.answers[q.id], text: longText(random, 4 + Math.floor(random() * 6)) };
  for (let p = 1; p <= 12; p++) long.actionPlans[p] = longText(random, 2 + Math.floor(random() * 4));
  cases.push({ name: 'page-break-answers', spec: long, style: { marks: 'vector-cross', layout: 'inline', furniture: true, principleBreak: false } });

  // Boxes left empty, both ticked, answers left blank; no question numbers.
  const blank = sampleSpec(111, { numbering: 'none' });
  const cycle: Ticked[] = ['none', 'both', 'yes', 'none', 'no', 'both'];
  QUESTIONS.forEach((q, i) => {
    const a = (blank.answers[q.id] ??= {});
    if (q.type !== 'open') a.ticked = cycle[i % cycle.length]!;
    if (i % 3 === 0) a.text = null;
  });
  blank.actionPlans[3] = null;
  blank.actionPlans[4] = null;
  cases.push({ name: 'unticked-both-blank', spec: blank, style: { marks: 'vector-cross', layout: 'stacked' } });

  // Labels printed with no boxes at all: no state can be read, and none is made up.
  const labels = sampleSpec(112);
  for (const q of QUESTIONS) if (q.type !== 'open') labels.answers[q.id] = { ...labels.answers[q.id], ticked: 'none' };
  cases.push({ name: 'labels-only', spec: labels, style: { marks: 'labels-only', layout: 'inline' } });

  // Questions renumbered 1.. in every principle, some reworded.
  const renum = sampleSpec(113, { numbering: 'restart' });
  renum.answers['P2.3'] = { ...renum.answers['P2.3'], wording: 'Have you carried out a DPIA and did your DPO sign off that the privacy risks are mitigated?' };
  renum.answers['P9.2'] = { ...renum.answers['P9.2'], wording: 'Where the system is connected to the corporate network, are the controls sufficient?' };
  cases.push({ name: 'renumbered', spec: renum, style: { marks: 'vector-cross', layout: 'inline', furniture: true } });

  // A realistic long one: 11 pt, table layout, MS Gothic boxes, running header and footer, fuller answers.
  const real = sampleSpec(114);
  const r2 = rng(114);
  for (const q of QUESTIONS) if (q.type !== 'yesno') real.answers[q.id] = { ...real.answers[q.id], text: longText(r2, 1 + Math.floor(r2() * 3)) };
  for (let p = 1; p <= 12; p++) real.actionPlans[p] = r2() < 0.3 ? null : longText(r2, 1 + Math.floor(r2() * 2));
  cases.push({ name: 'realistic-multipage', spec: real, style: { marks: 'glyph-unicode', layout: 'table', furniture: true, fontSize: 11 } });
  // A three-column table, comments to the right of the boxes: box glyphs, and boxes drawn beside lone labels.
  cases.push({ name: 'comments-column-glyphs', spec: sampleSpec(116), style: { marks: 'glyph-unicode', layout: 'comments', furniture: true } });
  cases.push({ name: 'comments-column-drawn', spec: sampleSpec(117), style: { marks: 'vector-cross', layout: 'comments' } });
  // Boxes printed as pictures, as a form built from pasted images has them.
  cases.push({ name: 'picture-boxes', spec: sampleSpec(115), style: { marks: 'picture', layout: 'table', furniture: true } });

  return cases;
}

function expectedJson(c: PdfCase): string {
  const expected = expectedFromSpec(c.spec);
  for (const a of expected.answers) {
    const note = c.notes?.[a.id];
    if (note) a.note = note;
    if (c.style.mismatch?.includes(a.id)) Object.assign(a, { choice: null, status: 'ambiguous' });
  }
  return JSON.stringify(expected, null, 2) + '\n';
}

function hasQpdf(): boolean {
  try {
    execFileSync('qpdf', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * A scanned page as OCR software leaves it: one image over all of it, and the
 * words read from it printed invisible over it, an "X" read beside "Yes".
 */
async function ocrLayerPdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const page = pdf.addPage([595, 842]);
  const scan = pdf.context.register(pdf.context.stream(new Uint8Array([200]), { Type: 'XObject', Subtype: 'Image', Width: 1, Height: 1, ColorSpace: 'DeviceGray', BitsPerComponent: 8 }));
  page.node.setXObject(PDFName.of('Scan'), scan);
  page.pushOperators(pushGraphicsState(), concatTransformationMatrix(595, 0, 0, 842, 0, 0), drawObject('Scan'), popGraphicsState());
  page.pushOperators(pushGraphicsState(), setTextRenderingMode(TextRenderingMode.Invisible));
  const t = (text: string, x: number, y: number) => page.drawText(text, { x, y, size: 10, font });
  t('Principle 2', 50, 790);
  t('1. Do you publish an annual report?', 50, 760);
  t('X Yes', 390, 760);
  t('No', 440, 760);
  t('The report is published each April.', 50, 740);
  page.pushOperators(popGraphicsState());
  return pdf.save();
}

/**
 * Encrypted fixtures: a user password ("secret"), an owner password only, and
 * an OCR layer under an owner password. Needs qpdf. Each is made once and
 * committed (encryption salts make every run differ); --force makes them again.
 */
async function writeEncrypted(corpus: string, force: boolean): Promise<void> {
  const dir = join(corpus, 'bad');
  const plain = () => renderPdf(sampleSpec(120), { marks: 'vector-cross', layout: 'inline', principles: [2], guidance: false });
  const fixtures = [
    { name: 'pdf-encrypted-user-password.pdf', make: plain, encrypt: ['secret', 'owner-secret', '256'] },
    { name: 'pdf-encrypted-owner-only.pdf', make: plain, encrypt: ['', 'owner-secret', '128', '--use-aes=y'] },
    { name: 'pdf-encrypted-ocr-layer.pdf', make: ocrLayerPdf, encrypt: ['', 'owner-secret', '128', '--use-aes=y'] },
  ].filter((f) => force || !existsSync(join(dir, f.name)));
  if (fixtures.length === 0) return;
  if (!hasQpdf()) {
    console.log('qpdf not found: corpus/bad encrypted fixtures left as they are');
    return;
  }
  mkdirSync(dir, { recursive: true });
  const tmp = join(tmpdir(), `scc-plain-${process.pid}.pdf`);
  try {
    for (const f of fixtures) {
      writeFileSync(tmp, await f.make());
      execFileSync('qpdf', ['--encrypt', ...f.encrypt, '--', tmp, join(dir, f.name)]);
    }
  } finally {
    rmSync(tmp, { force: true });
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const corpus = args.find((a) => !a.startsWith('--')) ?? join(process.cwd(), 'corpus');
  for (const c of pdfCases()) {
    const dir = join(corpus, `pdf-${c.name}`);
    mkdirSync(dir, { recursive: true });
    const bytes = await renderPdf(c.spec, c.style);
    writeFileSync(join(dir, 'input.pdf'), bytes);
    writeFileSync(join(dir, 'expected.json'), expectedJson(c));
    console.log(`pdf-${c.name}: ${(bytes.byteLength / 1024).toFixed(0)} KB`);
  }
  await writeEncrypted(corpus, args.includes('--force'));
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/').split('/').pop()!)) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
