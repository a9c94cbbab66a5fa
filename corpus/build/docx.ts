/**
 * Renders a CaseSpec into a .docx that looks like a filled-in copy of the
 * official self-assessment template (a Word form: title block table, one
 * table per principle with Yes/No checkbox cells and answer boxes, Action
 * Plan boxes) or a plain paragraph layout, with the checkbox encodings and
 * editing artefacts (tracked changes, comments, headers, text boxes, page
 * breaks) real published documents carry. The expected record is always
 * `expectedFromSpec(spec)`: nothing here changes what a correct extractor
 * should read.
 */
import { PRINCIPLES, QUESTIONS_BY_PRINCIPLE, type Question } from '../../src/catalogue.js';
import { printedNumber, printedWording, type CaseSpec, type Choice, type Ticked } from './spec.js';
import {
  COMMENTS_CT,
  FOOTER_CT,
  HEADER_CT,
  PAGE_BREAK,
  REL,
  RENDERED_PAGE_BREAK,
  cell,
  contentControlCheckbox,
  deletedRun,
  esc,
  formCheckbox,
  glyphBox,
  insertedRuns,
  packageDocx,
  para,
  resetIds,
  row,
  run,
  symbolBox,
  table,
  xmlPart,
  type Relationship,
  type RunProps,
} from './docx-ooxml.js';

/** How the boxes of a question are filled in. */
export type BoxEncoding =
  /** Legacy FORMCHECKBOX field, state in w:checked. */
  | 'form-field'
  /** Legacy FORMCHECKBOX field, state in w:default only. */
  | 'form-field-default'
  /** Word 2010+ checkbox content control (w14:checkbox). */
  | 'content-control'
  /** w:sym boxes in Wingdings / Wingdings 2 / Segoe UI Symbol. */
  | 'symbol-wingdings'
  | 'symbol-wingdings2'
  | 'symbol-segoe'
  /** ☒ / ☐ typed as text. */
  | 'glyph'
  /** "X" typed beside the chosen option, nothing beside the other. */
  | 'typed-mark'
  /** "✓" typed beside the chosen option. */
  | 'typed-tick'
  /** The option not chosen struck through (w:strike / w:dstrike); no boxes. */
  | 'struck'
  | 'struck-double'
  /** The option not chosen deleted; no boxes. */
  | 'deleted'
  /** The option not chosen deleted as a tracked change (w:del). */
  | 'deleted-tracked';

export interface DocxLayout {
  layout: 'template' | 'paragraph';
  boxes: BoxEncoding;
  /** Per-question encodings, keyed by question id. */
  boxesFor?: Record<string, BoxEncoding>;
  /** Paragraph layout: the options on the question's own line, after a tab. */
  inlineOptions?: boolean;
  header?: string;
  footer?: string;
  /** Review comments anchored on a question's answer (or its question), keyed by question id. */
  comments?: Record<string, string>;
  /** Questions whose answers carry tracked changes (an insertion, a deletion, a deleted paragraph). */
  tracked?: string[];
  /** Questions whose answer paragraphs are split by a page break. */
  pageBreakIn?: string[];
  /** Questions whose answer lines after the first are bullet list items when they end without a full stop. */
  listIn?: string[];
  /** Principles whose action plan sits in a floating text box. */
  textBoxActionPlans?: number[];
  /** Paragraph layout: each principle starts a new page (w:pageBreakBefore). */
  principlePageBreaks?: boolean;
}

export interface DocxCaseSpec extends CaseSpec {
  docx: DocxLayout;
}

// Page: A4, 2 cm margins, 9638 twips of text width.
const GRID = [5638, 450, 800, 450, 800, 450, 1050];
const TEXT_WIDTH = GRID.reduce((a, b) => a + b, 0);
const SHADE_LABEL = 'D9E2F3';
const SHADE_QUESTION = 'F2F2F2';
const SHADE_PRINCIPLE = 'DEEAF6';
const LABELS: Record<Choice, string> = { yes: 'Yes', no: 'No', na: 'N/A' };

class Renderer {
  readonly rels: Relationship[] = [];
  readonly comments: string[] = [];
  private changeId = 1;
  private checkboxNo = 1;

  constructor(readonly spec: DocxCaseSpec) {}

  get opts(): DocxLayout {
    return this.spec.docx;
  }

  encodingFor(q: Question): BoxEncoding {
    return this.opts.boxesFor?.[q.id] ?? this.opts.boxes;
  }

  /** Text with any URLs rendered as hyperlinks. */
  runs(text: string, props: RunProps = {}): string {
    let out = '';
    let last = 0;
    for (const m of text.matchAll(/https?:\/\/[^\s)]+[^\s).,;:]/g)) {
      const index = m.index ?? 0;
      if (index > last) out += run(text.slice(last, index), props);
      const id = `rIdLink${this.rels.length + 1}`;
      this.rels.push({ id, type: REL.hyperlink, target: m[0], external: true });
      out += `<w:hyperlink r:id="${id}" w:history="1">${run(m[0], { ...props, style: 'Hyperlink' })}</w:hyperlink>`;
      last = index + m[0].length;
    }
    if (last < text.length) out += run(text.slice(last), props);
    return out;
  }

  /** The paragraphs of an answer box (never empty: a blank box keeps one empty paragraph). */
  answer(q: Question | null, text: string | null | undefined, key: string): string {
    const lines = (text ?? '').split('\n').filter((l) => l.trim());
    const id = q?.id ?? key;
    const list = this.opts.listIn?.includes(id) ?? false;
    const breakAt = this.opts.pageBreakIn?.includes(id) ? Math.max(1, Math.ceil(lines.length / 2)) : -1;
    const tracked = this.opts.tracked?.includes(id) ?? false;
    const comment = this.opts.comments?.[id];
    const paragraphs: string[] = [];
    if (tracked) {
      // A whole paragraph deleted with its mark: Word merges what is left into the next one.
      paragraphs.push(para(deletedRun('Previous answer withdrawn after review.', this.changeId++), { deletedMark: true }));
    }
    lines.forEach((line, i) => {
      let content = '';
      if (i === breakAt) {
        // Explicit breaks only outside tables; inside a cell the page break is where Word rendered it.
        content += this.opts.layout === 'paragraph' ? PAGE_BREAK + RENDERED_PAGE_BREAK : RENDERED_PAGE_BREAK;
      }
      if (tracked && i === 0) {
        const cut = line.search(/(?<=[.!?])\s+\S[^.!?]*[.!?]?\s*$/);
        if (cut > 0) {
          content += this.runs(line.slice(0, cut + 1));
          content += deletedRun('This sentence was struck out by the reviewer. ', this.changeId++);
          content += insertedRuns(this.runs(line.slice(cut + 1)), this.changeId++);
        } else {
          content += deletedRun('Draft: ', this.changeId++) + insertedRuns(this.runs(line), this.changeId++);
        }
      } else {
        content += this.runs(line);
      }
      if (comment && i === 0) content = this.commentAround(content, comment, i === lines.length - 1);
      else if (comment && i === lines.length - 1) content += this.commentEnd();
      const bullet = list && i > 0 && !/[.!?:]$/.test(line.trim());
      paragraphs.push(para(content, bullet ? { style: 'ListParagraph', list: 0 } : {}));
    });
    if (lines.length === 0) {
      paragraphs.push(comment ? para(this.commentAround('', comment, true)) : para(''));
    }
    return paragraphs.join('');
  }

  private openComment: number | null = null;

  commentAround(content: string, text: string, close: boolean): string {
    const id = this.comments.length;
    this.comments.push(text);
    this.openComment = id;
    return `<w:commentRangeStart w:id="${id}"/>${content}${close ? this.commentEnd() : ''}`;
  }

  commentEnd(): string {
    const id = this.openComment;
    if (id === null) return '';
    this.openComment = null;
    return `<w:commentRangeEnd w:id="${id}"/><w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference w:id="${id}"/></w:r>`;
  }

  questionText(q: Question): string {
    const n = printedNumber(this.spec, q);
    return (n === null ? '' : `${n}. `) + printedWording(this.spec, q);
  }

  choices(q: Question): Choice[] {
    return q.type === 'yesno-na-text' ? ['yes', 'no', 'na'] : ['yes', 'no'];
  }

  ticked(q: Question): Ticked {
    return this.spec.answers[q.id]?.ticked ?? 'none';
  }

  /** The box for one option of a question, as runs. Empty for encodings that print no boxes. */
  box(q: Question, choice: Choice): string {
    const t = this.ticked(q);
    // "Both" is Yes and No ticked together (N/A stays empty).
    const checked = t === choice || (t === 'both' && choice !== 'na');
    switch (this.encodingFor(q)) {
      case 'form-field':
      case 'form-field-default':
        return formCheckbox(checked, {
          name: `Check${this.checkboxNo++}`,
          viaDefault: this.encodingFor(q) === 'form-field-default',
          separate: q.index % 3 === 0,
        });
      case 'content-control':
        return contentControlCheckbox(checked);
      case 'symbol-wingdings':
        return symbolBox(checked, 'Wingdings');
      case 'symbol-wingdings2':
        return symbolBox(checked, 'Wingdings 2');
      case 'symbol-segoe':
        return symbolBox(checked, 'Segoe UI Symbol');
      case 'glyph':
        return glyphBox(checked);
      case 'typed-mark':
        return checked ? run('X', { bold: true }) : '';
      case 'typed-tick':
        return checked ? run('✓', { font: 'Segoe UI Symbol' }) : '';
      default:
        return '';
    }
  }

  /** The printed option label, struck, deleted or left as the encoding says. */
  label(q: Question, choice: Choice): string {
    const t = this.ticked(q);
    const chosen = t === choice || (t === 'both' && choice !== 'na') || t === 'none';
    const text = LABELS[choice];
    switch (this.encodingFor(q)) {
      case 'struck':
        return run(text, { strike: !chosen });
      case 'struck-double':
        return run(text, { dstrike: !chosen });
      case 'deleted':
        return chosen ? run(text) : '';
      case 'deleted-tracked':
        return chosen ? run(text) : deletedRun(text, this.changeId++);
      default:
        return run(text);
    }
  }

  /* ------------------------------------------------------ template layout */

  template(): string {
    const o = this.spec.organisation;
    const titleRows: Array<[string, string]> = [
      ['Name of organisation', o.name],
      ['Scope of surveillance camera system', o.scope],
      ['Senior Responsible Officer', o.seniorResponsibleOfficer],
      ['Position within organisation', o.position],
      ['Signature', ''],
      ['Date of sign off', o.signOffDateRaw],
    ];
    let body =
      para(run('Surveillance Camera Code of Practice'), { style: 'Title' }) +
      para(run('Self assessment tool: complete this template for each surveillance camera system, then publish it.', { italic: true })) +
      table(
        titleRows.map(([label, value]) =>
          row([cell(para(run(label, { bold: true })), { width: 3200, shade: SHADE_LABEL }), cell(para(value ? this.runs(value) : ''), { width: TEXT_WIDTH - 3200 })]),
        ),
        [3200, TEXT_WIDTH - 3200],
      ) +
      para(PAGE_BREAK) +
      para(run('Self Assessment Tool'), { style: 'Heading1' });
    for (const p of PRINCIPLES) {
      body += table(
        [row([cell(para(run(`Principle ${p.number}`), { style: 'Heading2' }) + para(run(p.statement, { italic: true })), { width: TEXT_WIDTH, shade: SHADE_PRINCIPLE })])],
        [TEXT_WIDTH],
      );
      body += para('', { spacingAfter: 0 });
      const rows: string[] = [];
      for (const q of QUESTIONS_BY_PRINCIPLE.get(p.number) ?? []) rows.push(...this.templateQuestion(q));
      rows.push(row([cell(para(run('Action Plan', { bold: true })), { width: TEXT_WIDTH, span: GRID.length, shade: SHADE_LABEL })]));
      rows.push(row([cell(this.actionPlan(p.number), { width: TEXT_WIDTH, span: GRID.length })]));
      body += table(rows, GRID) + para('');
    }
    return body;
  }

  templateQuestion(q: Question): string[] {
    const a = this.spec.answers[q.id];
    const qPara = para(run(this.questionText(q)));
    const rows: string[] = [];
    if (q.type === 'open') {
      rows.push(row([cell(qPara, { width: TEXT_WIDTH, span: GRID.length, shade: SHADE_QUESTION })], { cantSplit: true }));
      if (a?.text?.trim() || !q.actionQuestion) rows.push(row([cell(this.answer(q, a?.text, q.id), { width: TEXT_WIDTH, span: GRID.length })]));
      return rows;
    }
    const cells = [cell(qPara, { width: GRID[0]!, shade: SHADE_QUESTION })];
    const choices = this.choices(q);
    choices.forEach((c, i) => {
      cells.push(cell(para(this.box(q, c), { jc: 'center' }), { width: GRID[1 + 2 * i]!, vAlign: 'center' }));
      cells.push(cell(para(this.label(q, c)), { width: GRID[2 + 2 * i]!, vAlign: 'center' }));
    });
    if (choices.length === 2) cells.push(cell(para(''), { width: GRID[5]! + GRID[6]!, span: 2 }));
    rows.push(row(cells, { cantSplit: true }));
    if (q.type !== 'yesno') rows.push(row([cell(this.answer(q, a?.text, q.id), { width: TEXT_WIDTH, span: GRID.length })]));
    return rows;
  }

  actionPlan(principle: number): string {
    const text = this.spec.actionPlans[principle] ?? null;
    const key = `action-${principle}`;
    if (this.opts.textBoxActionPlans?.includes(principle)) return textBox(this.answer(null, text, key));
    return this.answer(null, text, key);
  }

  /* ----------------------------------------------------- paragraph layout */

  paragraphs(): string {
    const o = this.spec.organisation;
    let body =
      para(run('Surveillance Camera Code of Practice – Self Assessment'), { style: 'Title' }) +
      [
        ['Name of organisation', o.name],
        ['Scope of surveillance camera system', o.scope],
        ['Senior Responsible Officer', o.seniorResponsibleOfficer],
        ['Position within organisation', o.position],
        ['Date of sign off', o.signOffDateRaw],
      ]
        .map(([label, value]) => para(run(`${label}: `, { bold: true }) + this.runs(value!)))
        .join('');
    for (const p of PRINCIPLES) {
      body += para(run(`Principle ${p.number}`), { style: 'Heading1', pageBreakBefore: this.opts.principlePageBreaks && p.number > 1 });
      body += para(run(p.statement, { italic: true }));
      for (const q of QUESTIONS_BY_PRINCIPLE.get(p.number) ?? []) body += this.paragraphQuestion(q);
      body += para(run('Action Plan'), { style: 'Heading2' });
      body += this.opts.textBoxActionPlans?.includes(p.number)
        ? para(textBox(this.answer(null, this.spec.actionPlans[p.number] ?? null, `action-${p.number}`)))
        : this.answer(null, this.spec.actionPlans[p.number] ?? null, `action-${p.number}`);
    }
    return body;
  }

  paragraphQuestion(q: Question): string {
    const a = this.spec.answers[q.id];
    const question = run(this.questionText(q), { bold: true });
    let out = '';
    if (q.type !== 'open') {
      const enc = this.encodingFor(q);
      const options = this.choices(q)
        .map((c) => {
          const box = this.box(q, c);
          const label = this.label(q, c);
          if (!label && !box) return '';
          // Typed marks follow their label ("Yes X"); boxes precede it ("☒ Yes").
          if (enc === 'typed-mark' || enc === 'typed-tick') return label + (box ? run(' ') + box : '');
          return box ? box + run(' ') + label : label;
        })
        .filter(Boolean)
        .join(run('     '));
      out += this.opts.inlineOptions ? para(question + run('\t') + options) : para(question, { keepNext: true }) + para(options);
    } else {
      out += para(question, { keepNext: true });
    }
    if (q.type !== 'yesno' && (a?.text?.trim() || !q.actionQuestion)) out += this.answer(q, a?.text, q.id);
    return out;
  }

  /* ------------------------------------------------------------- package */

  render(): Uint8Array {
    resetIds();
    const body = this.opts.layout === 'template' ? this.template() : this.paragraphs();
    const parts: Array<{ name: string; contentType: string; xml: string }> = [];
    let refs = '';
    if (this.opts.header) {
      parts.push({ name: 'header1.xml', contentType: HEADER_CT, xml: xmlPart('w:hdr', para(run(this.opts.header), { style: 'Header' })) });
      this.rels.push({ id: 'rIdHeader1', type: REL.header, target: 'header1.xml' });
      refs += '<w:headerReference w:type="default" r:id="rIdHeader1"/>';
    }
    if (this.opts.footer) {
      const page = '<w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>';
      parts.push({ name: 'footer1.xml', contentType: FOOTER_CT, xml: xmlPart('w:ftr', para(run(this.opts.footer) + run('\tPage ') + page, { style: 'Footer' })) });
      this.rels.push({ id: 'rIdFooter1', type: REL.footer, target: 'footer1.xml' });
      refs += '<w:footerReference w:type="default" r:id="rIdFooter1"/>';
    }
    if (this.comments.length) {
      const xml = this.comments
        .map(
          (text, id) =>
            `<w:comment w:id="${id}" w:author="Reviewer" w:date="2023-03-01T10:00:00Z" w:initials="R"><w:p><w:pPr><w:pStyle w:val="CommentText"/></w:pPr>` +
            `<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:annotationRef/></w:r><w:r><w:t xml:space="preserve">${esc(text)}</w:t></w:r></w:p></w:comment>`,
        )
        .join('');
      parts.push({ name: 'comments.xml', contentType: COMMENTS_CT, xml: xmlPart('w:comments', xml) });
      this.rels.push({ id: 'rIdComments', type: REL.comments, target: 'comments.xml' });
    }
    const sectPr =
      `<w:sectPr>${refs}<w:pgSz w:w="11906" w:h="16838"/>` +
      '<w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr>';
    return packageDocx({ body, relationships: this.rels, parts, sectPr });
  }
}

let shapeId = 1;

/** A floating DrawingML text box (no VML fallback), anchored in the paragraph that holds it. */
function textBox(paragraphs: string): string {
  const id = shapeId++;
  const cx = Math.round(TEXT_WIDTH * 635);
  const cy = 900000;
  return (
    '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>' +
    '<wp:anchor distT="45720" distB="45720" distL="114300" distR="114300" simplePos="0" relativeHeight="251659264" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">' +
    '<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH>' +
    '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>' +
    `<wp:extent cx="${cx}" cy="${cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapTopAndBottom/>` +
    `<wp:docPr id="${id}" name="Text Box ${id}"/><wp:cNvGraphicFramePr/>` +
    '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:cNvSpPr txBox="1"/>' +
    `<wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom>` +
    '<a:solidFill><a:srgbClr val="FFF2CC"/></a:solidFill><a:ln w="9525"><a:solidFill><a:srgbClr val="7F6000"/></a:solidFill></a:ln></wps:spPr>' +
    `<wps:txbx><w:txbxContent>${paragraphs}</w:txbxContent></wps:txbx>` +
    '<wps:bodyPr rot="0" vert="horz" wrap="square" lIns="91440" tIns="45720" rIns="91440" bIns="45720" anchor="t"><a:noAutofit/></wps:bodyPr>' +
    '</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice></mc:AlternateContent></w:r>'
  );
}

/** The .docx bytes for a spec. Deterministic: the same spec gives the same bytes. */
export function renderDocx(spec: DocxCaseSpec): Uint8Array {
  shapeId = 1;
  return new Renderer(spec).render();
}
