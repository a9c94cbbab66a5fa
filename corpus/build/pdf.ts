/**
 * Renders a CaseSpec into a PDF that looks like an exported self-assessment
 * form: a title page with the organisation table, then each principle with
 * its questions, Yes/No boxes, answer boxes and the Action Plan box.
 */
import { PRINCIPLES, QUESTIONS_BY_PRINCIPLE, TEMPLATE_GUIDANCE, TITLE_FIELDS, type Question } from '../../src/catalogue.js';
import { printedNumber, printedWording, titleValues, type CaseSpec, type Choice } from './spec.js';
import { MarkPainter, type MarkOptions, type MarkStyle, type OptionSpot } from './pdf-marks.js';
import { A4, GREY, MARGIN, PdfWriter } from './pdf-writer.js';

export type PdfLayout =
  /** Question text on the left, "Yes ☐ No ☐" at the right of its last line, answer box below. */
  | 'inline'
  /** A bordered two-column table: question cell | options cell (stacked), then an answer row. */
  | 'table'
  /** Question, then each option on its own line, then the answer box. */
  | 'stacked'
  /** A bordered three-column table, as Word users lay the form out: question | "Yes ☐ No ☐" | comments. */
  | 'comments';

export interface PdfStyle extends MarkOptions {
  marks: MarkStyle;
  layout: PdfLayout;
  /** Running header, footer and "Page N of M" on every page after the first. */
  furniture?: boolean;
  /** Body font size (default 10). */
  fontSize?: number;
  /** AcroForm styles: answers typed into text fields rather than printed. */
  answerFields?: boolean;
  /** Print the template's guidance notes between questions (default true). */
  guidance?: boolean;
  /** Start each principle on a new page (default true). */
  principleBreak?: boolean;
  /** Render only these principles (small fixtures for tests); default all twelve. */
  principles?: number[];
}

const INTRO =
  'This self assessment tool has been prepared by the Surveillance Camera Commissioner to help you and your organisation identify if you are complying with the Surveillance Camera Code of Practice. It should be completed in conjunction with the Code.';

const GUIDANCE_AFTER: Record<string, string[]> = {
  'P2.3': [TEMPLATE_GUIDANCE[0]!, TEMPLATE_GUIDANCE[1]!],
  'P4.3': [TEMPLATE_GUIDANCE[2]!, TEMPLATE_GUIDANCE[3]!],
  'P8.1': [TEMPLATE_GUIDANCE[4]!],
};

export async function renderPdf(spec: CaseSpec, style: PdfStyle): Promise<Uint8Array> {
  const w = await PdfWriter.create(style.fontSize ?? 10);
  const marks = new MarkPainter(w, style.marks, style);
  titlePage(w, spec);
  for (const p of PRINCIPLES) {
    if (style.principles && !style.principles.includes(p.number)) continue;
    if (style.principleBreak !== false || p.number === 1) w.newPage();
    else w.ensure(w.lineHeight * 8);
    w.paragraph(`Principle ${p.number}`, { font: w.fonts.bold, size: 15, after: 4 });
    w.paragraph(p.statement, { font: w.fonts.bold, after: 10 });
    for (const q of QUESTIONS_BY_PRINCIPLE.get(p.number) ?? []) {
      question(w, marks, spec, style, q);
      if (style.guidance !== false) for (const g of GUIDANCE_AFTER[q.id] ?? []) w.paragraph(g, { font: w.fonts.italic, size: w.size - 1, color: GREY, after: 6 });
    }
    w.ensure(w.lineHeight * 3);
    w.paragraph('Action Plan', { font: w.fonts.bold, after: 3 });
    if (style.answerFields && style.marks.startsWith('acroform')) marks.textField(`AP${p.number}`, spec.actionPlans[p.number] ?? null, 3);
    else w.box(spec.actionPlans[p.number] ?? null, { minLines: 3 });
  }
  marks.finish();
  if (style.furniture) furniture(w, spec);
  return w.doc.save({ updateFieldAppearances: false });
}

function titlePage(w: PdfWriter, spec: CaseSpec): void {
  w.paragraph('Surveillance Camera Code of Practice', { font: w.fonts.bold, size: 18, after: 2 });
  w.paragraph('Self Assessment Tool', { font: w.fonts.bold, size: 14, after: 10 });
  w.paragraph(INTRO, { after: 16 });
  const labelWidth = 190;
  const values = titleValues(spec);
  const rows = TITLE_FIELDS.map((f) => [f.label, values[f.key] ?? '']);
  rows.splice(4, 0, ['Signature', '']);
  for (const [label, value] of rows) {
    const valueLines = w.wrap(value!, w.width - labelWidth - 10);
    const labelLines = w.wrap(label!, labelWidth - 10, w.fonts.bold);
    const h = Math.max(1, valueLines.length, labelLines.length) * w.lineHeight + 10;
    w.rect(w.left, w.y, labelWidth, h);
    w.rect(w.left + labelWidth, w.y, w.width - labelWidth, h);
    labelLines.forEach((l, i) => w.text(l, w.left + 5, w.y - 5 - w.size - i * w.lineHeight, w.fonts.bold));
    valueLines.forEach((l, i) => w.text(l, w.left + labelWidth + 5, w.y - 5 - w.size - i * w.lineHeight));
    w.y -= h;
  }
}

function choicesOf(q: Question): Choice[] {
  return q.type === 'yesno-na-text' ? ['yes', 'no', 'na'] : ['yes', 'no'];
}

function spotsFor(spec: CaseSpec, q: Question): OptionSpot[] {
  const ticked = spec.answers[q.id]?.ticked ?? 'none';
  return choicesOf(q).map((value) => ({ qid: q.id, value, checked: ticked === 'both' ? value !== 'na' : ticked === value }));
}

function question(w: PdfWriter, marks: MarkPainter, spec: CaseSpec, style: PdfStyle, q: Question): void {
  const n = printedNumber(spec, q);
  const wording = printedWording(spec, q);
  const label = n === null ? wording : `${n}. ${wording}`;
  const hasBoxes = q.type !== 'open';
  const hasText = q.type !== 'yesno';
  const answer = spec.answers[q.id]?.text ?? null;
  const lh = w.lineHeight;

  if (!hasBoxes) {
    w.ensure(lh * 4);
    w.paragraph(label, { after: 4 });
  } else if (style.layout === 'inline') {
    const spots = spotsFor(spec, q);
    const optWidth = marks.rowWidth(spots.map((s) => s.value));
    const lines = w.wrap(label, w.width - 150);
    w.ensure(lines.length * lh + lh * 2);
    lines.forEach((l, i) => w.text(l, w.left, w.y - w.size - i * lh));
    marks.row(spots, w.right - optWidth, w.y - w.size - (lines.length - 1) * lh);
    w.y -= lines.length * lh + 6;
  } else if (style.layout === 'table') {
    const spots = spotsFor(spec, q);
    const optCol = 86;
    const lines = w.wrap(label, w.width - optCol - 10);
    const h = Math.max(lines.length * lh, spots.length * (lh + 2)) + 10;
    w.ensure(h + lh * 2);
    w.rect(w.left, w.y, w.width - optCol, h);
    w.rect(w.right - optCol, w.y, optCol, h);
    lines.forEach((l, i) => w.text(l, w.left + 5, w.y - 5 - w.size - i * lh));
    marks.stack(spots, w.right - optCol + 8, w.y - 5 - w.size);
    w.y -= h;
    if (!hasText) w.y -= w.size * 0.9;
  } else if (style.layout === 'comments') {
    const spots = spotsFor(spec, q);
    const optCol = Math.max(90, marks.rowWidth(spots.map((s) => s.value)) + 12);
    const qCol = Math.round(w.width * 0.45);
    const commentCol = w.width - qCol - optCol;
    const lines = w.wrap(label, qCol - 10);
    const comment = hasText && answer ? w.wrap(answer, commentCol - 10) : [];
    const h = Math.max(lines.length, comment.length) * lh + 10;
    w.ensure(h + lh);
    w.rect(w.left, w.y, qCol, h);
    w.rect(w.left + qCol, w.y, optCol, h);
    w.rect(w.left + qCol + optCol, w.y, commentCol, h);
    lines.forEach((l, i) => w.text(l, w.left + 5, w.y - 5 - w.size - i * lh));
    marks.row(spots, w.left + qCol + 6, w.y - 5 - w.size);
    comment.forEach((l, i) => w.text(l, w.left + qCol + optCol + 5, w.y - 5 - w.size - i * lh));
    w.y -= h + w.size * 0.9;
    return;
  } else {
    const spots = spotsFor(spec, q);
    w.ensure(lh * (3 + spots.length));
    w.paragraph(label, { after: 3 });
    const used = marks.stack(spots, w.left + 14, w.y - w.size);
    w.y -= used + 4;
  }

  if (hasText) {
    if (style.answerFields && style.marks.startsWith('acroform')) marks.textField(q.id, answer);
    else w.box(answer, { minLines: 2 });
  }
}

function furniture(w: PdfWriter, spec: CaseSpec): void {
  const total = w.pages.length;
  const { regular } = w.fonts;
  const size = 8;
  w.pages.forEach((page, i) => {
    if (i === 0) return;
    page.drawText('Surveillance Camera Code of Practice - Self Assessment Tool', { x: MARGIN.left, y: A4[1] - 34, size, font: regular, color: GREY });
    const org = spec.organisation.name;
    page.drawText(org, { x: A4[0] - MARGIN.right - regular.widthOfTextAtSize(org, size), y: A4[1] - 34, size, font: regular, color: GREY });
    page.drawLine({ start: { x: MARGIN.left, y: A4[1] - 39 }, end: { x: A4[0] - MARGIN.right, y: A4[1] - 39 }, thickness: 0.5, color: GREY });
    page.drawText('OFFICIAL', { x: MARGIN.left, y: 34, size, font: regular, color: GREY });
    const pn = `Page ${i + 1} of ${total}`;
    page.drawText(pn, { x: A4[0] - MARGIN.right - regular.widthOfTextAtSize(pn, size), y: 34, size, font: regular, color: GREY });
  });
}
