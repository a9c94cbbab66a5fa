/**
 * Turns mammoth's document model (plus the side table of sentinels left by
 * prepare.ts) into the normalised block stream, in reading order: headings,
 * paragraphs, list items and table cells, with `option` blocks wherever a
 * box, a typed mark or a struck-through label sits beside Yes / No / N/A.
 */
import type { Block, BlockKind, Diagnostic, Mark, OptionValue, Provenance } from '../../src/document.js';
import { LABEL_OF, TYPED_MARK, optionBlocks, optionColumns, optionValue, pairMarksWithLabels, readOptionRun, type OptionRun } from '../../src/options.js';
import type { MNode, MParagraph, MTable } from './mammoth.js';
import { SENTINEL_RE, SYMBOL_FONT, symbolState, type Side } from './prepare.js';

type Seg =
  | { t: 'text'; text: string; struck: string | null; highlight: string | null; page: number }
  | { t: 'mark'; mark: Mark; page: number }
  | { t: 'line' };

interface RunProps {
  struck: string | null;
  font: string | null;
  /** The highlighter's colour (w:highlight), as Word's highlighter marks a word. */
  highlight: string | null;
}

/** Stand-ins for structural marks while a line goes through readOptionRun: box glyphs nobody types beside a Word checkbox. */
const SUB_CHECKED = '\u22A0'; // ⊠
const SUB_UNCHECKED = '\u2752'; // ❒
const SUB_DETAILS = new Set(['U+22A0', 'U+2752']);

/** The labels readOptionRun recognises (and also before a slash, as in "Yes/No"), to find where each option sits in the line. */
const LABEL_RE = /(?<![\p{L}\p{N}_])(yes|no|n\/a|n\.a\.?|na|not applicable)(?![\p{L}\p{N}_])/giu;
const LABEL_GAP = /^[\s/,|;:.\-–]*$/;
interface Cell {
  /** The cell's blocks: this.blocks[start, end). */
  start: number;
  end: number;
  /** Its first grid column, and how many it spans. */
  column: number;
  span: number;
  /** Whether it only stands for columns the row leaves to a cell merged from above, or skips: never a box. */
  filler: boolean;
}

/**
 * The option each heading column stands for, by grid column, how many grid columns the heading row spans, and
 * whether a mark has been read under them.
 */
type Headings = Map<number, OptionValue> & { width?: number; read?: boolean };

const TICKS = new Map([
  ['U+2713', '✓'],
  ['U+2714', '✔'],
  ['U+2717', '✗'],
  ['U+2718', '✘'],
]);
const HEADING_STYLE = /^heading\s*([1-6])$/i;

export interface BuildContext {
  side: Side[];
  /** Whether to record page numbers (the document has page breaks to count). */
  pages: boolean;
  /** Called every few hundred paragraphs: throws when the document's time is up. */
  check(): void;
}

export class BlockBuilder {
  readonly blocks: Block[] = [];
  readonly diagnostics: Diagnostic[] = [];
  page = 1;
  private paragraphNo = 0;
  /** No text or mark since the last page break: a rendered break here repeats it. */
  private cleanBreak = false;
  private table: { row: number; column: number } | null = null;
  /**
   * The sides of their labels the document's tables so far put boxes on (-1 before, 1 after), by the shape of
   * their answer rows (see answerRowShape).
   */
  private readonly documentSides = new Map<string, Set<-1 | 1>>();
  /** The column widths (w:tblGrid) of the table being read, once its first cell has given them. */
  private grid: string | null = null;
  /** Whether the cell being read is a filler (see Cell). */
  private fillerCell = false;
  /**
   * The column headings still in force at the end of the document's last table of each grid, where they have
   * read a mark: a form may print them over its first table only and go on in tables of the same columns. A row
   * that only looks like headings ("Yes | X | No") reads none under it.
   */
  private readonly gridHeadings = new Map<string, Headings>();
  private furniture = false;
  private pendingFormField: Extract<Side, { kind: 'form-field' }> | null = null;
  private awaitingDetail: Mark | null = null;

  constructor(private readonly ctx: BuildContext) {}

  /** Reads a header or footer: its blocks are flagged as page furniture. */
  furnitureNodes(nodes: MNode[]): void {
    this.furniture = true;
    const savedPage = this.page;
    for (const n of nodes) this.node(n);
    this.page = savedPage;
    this.furniture = false;
  }

  bodyNodes(nodes: MNode[]): void {
    for (const n of nodes) this.node(n);
  }

  finish(): Block[] {
    return pairMarksWithLabels(this.blocks);
  }

  private node(n: MNode): void {
    if (n.type === 'paragraph') this.paragraph(n);
    else if (n.type === 'table') this.tableNode(n);
    else if ('children' in n) for (const c of n.children) this.node(c);
  }

  /* ---------------------------------------------------------- pages -- */

  private explicitBreak(): void {
    if (this.furniture) return;
    this.page++;
    this.cleanBreak = true;
  }

  private renderedBreak(): void {
    if (this.furniture || this.cleanBreak) return;
    this.page++;
    this.cleanBreak = true;
  }

  /* ----------------------------------------------------- paragraphs -- */

  private paragraph(p: MParagraph): void {
    if (!this.furniture) this.paragraphNo++;
    if (this.paragraphNo % 256 === 0) this.ctx.check();
    const segs: Seg[] = [];
    this.inline(p.children, segs, { struck: null, font: null, highlight: null });

    const heading = HEADING_STYLE.exec(p.styleName ?? '') ?? HEADING_STYLE.exec(p.styleId ?? '');
    const isTitle = /^title$/i.test(p.styleName ?? p.styleId ?? '');
    const kind: BlockKind = heading || isTitle ? 'heading' : p.numbering ? 'listItem' : this.table ? 'tableCell' : 'paragraph';
    const level = heading ? Number(heading[1]) : isTitle ? 1 : undefined;

    let text = '';
    let textPage: number | null = null;
    const flush = () => {
      const t = collapse(text);
      if (t) this.push({ kind, text: t, provenance: this.provenance(textPage), ...(level ? { level } : {}) });
      text = '';
      textPage = null;
    };
    const bulleted = !!p.numbering && !p.numbering.isOrdered;
    for (const line of splitLines(segs)) {
      const found = this.options(line, bulleted);
      const firstPage = line.find((s): s is Exclude<Seg, { t: 'line' }> => s.t !== 'line' && (s.t === 'mark' || s.text.trim() !== ''));
      if (!found) {
        // An answer struck through outside a line of options ("Yes – consulted residents in 2021.") is withdrawn,
        // not the answer; but a checklist strikes the item it ticks, and a question struck as not applicable is
        // still the question.
        const struck = line.filter((s): s is Extract<Seg, { t: 'text' }> => s.t === 'text' && s.struck !== null).map((s) => s.text).join('');
        const withdrawn = !bulleted && /^\s*(?:yes|no|n\/a)\b/i.test(struck);
        text += (text ? ' ' : '') + line.map((s) => (s.t === 'text' && !(withdrawn && s.struck) ? s.text : '')).join('');
        textPage ??= firstPage?.page ?? null;
        continue;
      }
      text += (text ? ' ' : '') + found.lead;
      textPage ??= firstPage?.page ?? null;
      flush();
      for (const b of optionBlocks(found, this.provenance(firstPage?.page ?? null))) this.push(b);
    }
    flush();
  }

  private provenance(page: number | null): Provenance {
    if (this.furniture) return {};
    return this.ctx.pages ? { page: page ?? this.page, line: this.paragraphNo } : { line: this.paragraphNo };
  }

  private push(b: Block): void {
    if (this.table) b.table = { ...this.table };
    if (this.furniture) b.furniture = true;
    this.blocks.push(b);
  }

  private sawContent(): void {
    this.cleanBreak = false;
  }

  private inline(children: MNode[], segs: Seg[], props: RunProps): void {
    for (const c of children) {
      switch (c.type) {
        case 'run':
          this.inline(c.children, segs, { struck: c.isStrikethrough ? 'w:strike' : null, font: c.font, highlight: c.highlight && c.highlight !== 'none' ? c.highlight : null });
          break;
        case 'hyperlink':
          this.inline(c.children, segs, props);
          break;
        case 'text':
          this.text(c.value, segs, props);
          break;
        case 'tab':
          segs.push({ t: 'text', text: '\t', struck: props.struck, highlight: props.highlight, page: this.page });
          break;
        case 'break':
          if (c.breakType === 'page') this.explicitBreak();
          else segs.push({ t: 'line' });
          break;
        case 'checkbox': {
          const state = c.checked ? 'checked' : 'unchecked';
          const ff = this.pendingFormField;
          this.pendingFormField = null;
          let mark: Mark;
          if (ff) {
            mark = { state: ff.state, source: 'form-field', detail: ff.detail };
            if (ff.state !== state) this.mismatch('form field', ff.state, state);
          } else {
            // A content control: its detail follows (prepare.ts puts it after the control).
            mark = { state, source: 'content-control' };
            this.awaitingDetail = mark;
          }
          this.sawContent();
          segs.push({ t: 'mark', mark, page: this.page });
          break;
        }
        default:
          if ('children' in c) this.inline(c.children, segs, props);
      }
    }
  }

  private mismatch(what: string, expected: string, got: string): void {
    this.diagnostics.push({
      code: 'docx-checkbox-state-mismatch',
      message: `a ${what} reads ${expected} in the XML but ${got} in mammoth's model; the XML's state was kept`,
      provenance: this.provenance(null),
    });
  }

  private text(value: string, segs: Seg[], props: RunProps): void {
    let last = 0;
    if (value.includes('\u{F0000}')) {
      for (const m of value.matchAll(SENTINEL_RE)) {
        const index = m.index ?? 0;
        if (index > last) this.plain(value.slice(last, index), segs, props);
        last = index + m[0].length;
        const side = this.ctx.side[Number(m[1])];
        if (!side) continue;
        switch (side.kind) {
          case 'form-field':
            this.pendingFormField = side;
            break;
          case 'content-control':
            if (this.awaitingDetail) {
              this.awaitingDetail.detail = side.detail;
              if (side.state === 'conflicting') {
                this.awaitingDetail.state = 'conflicting';
                this.diagnostics.push({
                  code: 'docx-checkbox-shows-other-state',
                  message: `a checkbox content control's stored state and the box it shows disagree (${side.detail}); its question is left ambiguous`,
                  provenance: this.provenance(null),
                });
              } else if (this.awaitingDetail.state !== side.state) {
                this.mismatch('content control', side.state, this.awaitingDetail.state);
                this.awaitingDetail.state = side.state;
              }
              this.awaitingDetail = null;
            }
            break;
          case 'symbol':
            this.sawContent();
            segs.push({ t: 'mark', mark: { ...side.mark }, page: this.page });
            break;
          case 'page':
            if (side.rendered) this.renderedBreak();
            else this.explicitBreak();
            break;
          case 'dstrike':
            props.struck = 'w:dstrike';
            break;
          case 'grid':
            this.grid = side.widths;
            break;
          case 'filler':
            this.fillerCell = true;
            break;
        }
      }
    }
    if (last < value.length) this.plain(last ? value.slice(last) : value, segs, props);
  }

  /** Text; characters of a symbol font that draw boxes become marks. */
  private plain(raw: string, segs: Seg[], props: RunProps): void {
    // Word's optional hyphen shows only where a line breaks; its non-breaking hyphen is a hyphen.
    const text = raw.replace(/\u00AD/g, '').replace(/\u2011/g, '-');
    if (props.font && SYMBOL_FONT.test(props.font)) {
      let buffer = '';
      for (const ch of text) {
        const box = symbolState(props.font, ch.codePointAt(0)!.toString(16).toUpperCase());
        if (!box) {
          buffer += ch;
          continue;
        }
        if (buffer) segs.push({ t: 'text', text: buffer, struck: props.struck, highlight: props.highlight, page: this.page });
        buffer = '';
        this.sawContent();
        const cp = ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
        segs.push({ t: 'mark', mark: { state: box.state, source: 'symbol', detail: `${props.font} U+${cp}` }, page: this.page });
      }
      if (buffer) segs.push({ t: 'text', text: buffer, struck: props.struck, highlight: props.highlight, page: this.page });
      return;
    }
    if (/\S/.test(text)) this.sawContent();
    segs.push({ t: 'text', text, struck: props.struck, highlight: props.highlight, page: this.page });
  }

  /**
   * The options a line ends in, with structural marks (form fields, content
   * controls, symbols) and struck labels put back in place of the stand-ins
   * readOptionRun saw. In a bulleted list a label struck on a line of its
   * own says nothing: the bullet may be a checklist's box, which strikes the
   * item it ticks.
   */
  private options(line: Seg[], bulleted: boolean): OptionRun | null {
    let lineText = '';
    const marks: Mark[] = [];
    const struck: Span[] = [];
    const highlighted: Span[] = [];
    for (const s of line) {
      if (s.t === 'mark') {
        lineText += ` ${s.mark.state === 'checked' ? SUB_CHECKED : SUB_UNCHECKED} `;
        marks.push(s.mark);
      } else if (s.t === 'text') {
        const span = (how: string) => ({ start: lineText.length, end: lineText.length + s.text.length, how });
        if (s.struck && s.text.trim()) struck.push(span(s.struck));
        if (s.highlight && s.text.trim()) highlighted.push(span(s.highlight.startsWith('w:shd') ? s.highlight : `w:highlight ${s.highlight}`));
        lineText += s.text;
      }
    }
    let run = readOptionRun(lineText);
    // A checklist item is one option: a bulleted line holding both ("Yes / No") strikes the one left out.
    const labels = lineText.match(/\b(?:yes|no|n\/a)\b/gi)?.length ?? 0;
    if (struck.length && (!bulleted || labels >= 2)) run = withLabelMarks(lineText, run, struck, (how) => ({ state: 'unchecked', source: 'struck-option', detail: how }));
    // A label highlighted where the options have no boxes is the one chosen.
    if (highlighted.length && marks.length === 0 && !styledAlike(lineText, highlighted))
      run = withLabelMarks(lineText, run, highlighted, (how) => ({ state: 'checked', source: 'highlight', detail: how }));
    if (!run) return null;
    // Stand-ins in the run are the last ones in the line (the run is a suffix).
    let k = marks.length - 1;
    for (let i = run.options.length - 1; i >= 0; i--) {
      const o = run.options[i]!;
      if (o.mark?.source === 'glyph' && o.mark.detail && SUB_DETAILS.has(o.mark.detail) && k >= 0) o.mark = marks[k--]!;
    }
    return { lead: collapse(run.lead), options: run.options };
  }

  /* --------------------------------------------------------- tables -- */

  private tableNode(t: MTable): void {
    const saved = this.table;
    const outerGrid = this.grid;
    this.grid = null;
    let r = 0;
    let headings: Headings | null = null;
    const rows: Cell[][] = [];
    for (const rowNode of t.children) {
      if (rowNode.type !== 'tableRow') {
        this.node(rowNode);
        continue;
      }
      const cells: Cell[] = [];
      let column = 0;
      for (const cellNode of rowNode.children) {
        if (cellNode.type !== 'tableCell') continue;
        this.table = { row: r, column };
        const start = this.blocks.length;
        for (const c of cellNode.children) this.node(c);
        cells.push({ start, end: this.blocks.length, column, span: cellNode.colSpan || 1, filler: this.fillerCell });
        this.fillerCell = false;
        column += cellNode.colSpan || 1;
      }
      this.table = saved;
      // A table that opens without headings of its own reads its marks under those of the tables of its grid before it.
      if (r === 0 && this.grid !== null) headings = this.gridHeadings.get(this.grid) ?? null;
      if (headings && !this.underHeadings(cells, column, headings)) headings = null;
      rows.push(cells);
      headings = this.headingRow(cells, column) ?? headings;
      r++;
    }
    this.table = saved;
    // Read back as numbers: the property was narrowed to null above, though a cell's sentinel set it since.
    const widths = (this.grid as string | null)?.split(',').map(Number) ?? null;
    if (this.grid !== null) {
      if (headings?.read) this.gridHeadings.set(this.grid, headings);
      else this.gridHeadings.delete(this.grid);
    }
    this.grid = outerGrid;
    // Where no row of this table shows it, the tables before it in the document with rows of the same shape may
    // (a table of another shape, pasted from another template, may put its boxes the other way).
    const own = this.boxSides(rows, widths);
    const shape = this.answerRowShape(rows);
    const alike = this.documentSides.get(shape) ?? new Set<-1 | 1>();
    for (const s of own) alike.add(s);
    this.documentSides.set(shape, alike);
    const agreed = (sides: Set<-1 | 1>) => (sides.size === 1 ? [...sides][0]! : null);
    const side = own.size ? agreed(own) : agreed(alike);
    // Last row first: pairing a row drops cells, which moves the blocks of the rows after it.
    for (const cells of rows.reverse()) this.pairRow(cells, side);
  }

  /** Each cell of a row as a label ("L"), a box or typed mark ("M") or anything else ("-"). */
  private cellKinds(cells: Cell[]): string[] {
    return cells.map((c) => {
      const b = c.end - c.start === 1 ? this.blocks[c.start]! : null;
      if (b === null) return '-';
      if (b.kind !== 'option' && optionValue(b.text) !== null) return 'L';
      return (b.kind === 'option' && b.option?.value === null && !!b.option.mark) || TYPED_MARK.test(b.text.trim()) ? 'M' : '-';
    });
  }

  /**
   * Where the table's answer rows print their labels: the columns of the labels in its first row holding both
   * labels and boxes, and how many columns it has ("7:3,5"); "" for none. Rows of one template share it
   * whichever box is ticked.
   */
  private answerRowShape(rows: Cell[][]): string {
    for (const cells of rows) {
      const kinds = this.cellKinds(cells);
      if (!kinds.includes('L') || !kinds.includes('M')) continue;
      const last = cells[cells.length - 1]!;
      return `${last.column + last.span}:${cells.filter((_, i) => kinds[i] === 'L').map((c) => c.column)}`;
    }
    return '';
  }

  /**
   * Which sides of their labels the rows of a table that show it put the boxes on. A mark after the row's last label
   * in a cell over twice as wide as the one between its labels is typed in a comments cell, not a box: it shows no
   * side.
   */
  private boxSides(rows: Cell[][], grid: readonly number[] | null): Set<-1 | 1> {
    const sides = new Set<-1 | 1>();
    // 0 where not known: no grid, or a column without its width.
    const widthOf = (c: Cell | undefined) => (c && grid ? grid.slice(c.column, c.column + c.span).reduce((a, b) => a + b, 0) || 0 : 0);
    for (const cells of rows) {
      const kinds = this.cellKinds(cells);
      const labels = kinds.flatMap((k, i) => (k === 'L' ? [i] : []));
      const between = widthOf(cells[labels[0]! + 1]);
      const comments = (i: number) => i > labels.at(-1)! && between > 0 && widthOf(cells[i]) > 2 * between;
      const box = (i: number) => kinds[i] === 'M' && !comments(i);
      let before = 0;
      let after = 0;
      kinds.forEach((k, i) => {
        if (k !== 'L') return;
        if (box(i - 1)) before++;
        if (box(i + 1)) after++;
      });
      if (before !== after) sides.add(before > after ? -1 : 1);
    }
    return sides;
  }

  /**
   * A row of column headings over the answers: "Yes" and "No" (and "N/A"),
   * in the template's order, each alone in its cell, the other cells text
   * and none a box. Returns the option each of those columns stands for. A
   * "No." or "No" heading the row's first column, before the "Yes", names the
   * question numbers under it.
   */
  private headingRow(cells: Cell[], width: number): Headings | null {
    if (cells.some((c) => c.end - c.start === 1 && this.blocks[c.start]!.kind === 'option')) return null;
    // A cell of one block is a heading's text, any other no heading.
    const found = optionColumns(cells.map((c) => ({ column: c.column, text: c.end - c.start === 1 ? this.blocks[c.start]!.text : '' })));
    if (!found) return null;
    const headings: Headings = found;
    headings.width = width;
    return headings;
  }

  /**
   * A row under column headings with an X, a tick or a box alone in the cell
   * under one of them: that column's option, ticked (or not, for an empty
   * box). Returns false, ending the headings' reach, where heading columns
   * hold anything else (other headings): the rows below are no longer answers
   * in those columns. Words in one of them alone ("N/A" or "Partially" in the
   * Yes column, perhaps a box in the other) are the organisation's, left as
   * they are, and the rows below are still read. A row of another width than the heading row cannot be
   * lined up with it and is left as it is.
   */
  private underHeadings(cells: Cell[], width: number, headings: Headings): boolean {
    if (width !== headings.width) return true;
    // A cell across the heading columns (a principle's heading, an answer box): not a row of answers in them.
    const covers = (c: Cell) => [...headings.keys()].some((h) => h >= c.column && h < c.column + c.span);
    if (cells.some((c) => c.span > 1 && covers(c))) return true;
    const under = cells.filter((c) => headings.has(c.column) && c.end > c.start);
    if (under.length === 0) return true;
    const typedChoice = (c: Cell) => c.end - c.start === 1 && this.blocks[c.start]!.kind !== 'option' && optionValue(this.blocks[c.start]!.text) !== null;
    // One word, the other heading columns blank: more ("No | Yes") are a row of headings, ending these.
    if (under.filter(typedChoice).length === 1 && under.every((c) => typedChoice(c) || this.blocks.slice(c.start, c.end).every((b) => !b.text.trim()))) return true;
    const marks = under.map((c) => {
      if (c.end - c.start !== 1) return null;
      const b = this.blocks[c.start]!;
      if (b.kind === 'option') return b.option?.value === null && b.option.mark ? b.option.mark : null;
      return TYPED_MARK.test(b.text.trim()) ? ({ state: 'checked', source: 'typed-mark', detail: b.text.trim() } satisfies Mark) : null;
    });
    // Words in one heading column alone, any other holding a box ("Partially | ☐"), are the organisation's answer in
    // words, left as they are; the rows below are still read. Words in more of them are a row of other headings.
    const words = marks.filter((m) => m === null).length;
    if (words === 1) return true;
    if (words > 1) return false;
    headings.read = true;
    under.forEach((c, i) => {
      const value = headings.get(c.column)!;
      const b = this.blocks[c.start]!;
      this.blocks[c.start] = { ...b, kind: 'option', text: LABEL_OF[value], option: { value, mark: marks[i]! } };
    });
    return true;
  }

  /**
   * Joins option labels with the box or typed mark in the cell beside them
   * (either side, whichever the row uses). An empty cell beside a label
   * counts as an unticked typed box only when another label in the row has
   * a typed mark beside it.
   */
  private pairRow(cells: Cell[], side: -1 | 1 | null): void {
    if (cells.length < 2) return;
    type Kind = 'mark' | 'typed' | 'label' | 'empty' | 'other';
    const typedText = (b: Block): string | null => {
      if (b.kind !== 'option') return TYPED_MARK.test(b.text) ? b.text : null;
      // A tick typed alone in the box cell reads as a glyph mark without a label.
      const m = b.option?.value === null ? b.option.mark : null;
      return m?.source === 'glyph' && m.detail && TICKS.has(m.detail) ? TICKS.get(m.detail)! : null;
    };
    const kinds: Kind[] = cells.map(({ start, end, filler }) => {
      if (filler) return 'other';
      if (end === start) return 'empty';
      if (end - start !== 1) return 'other';
      const b = this.blocks[start]!;
      if (typedText(b)) return 'typed';
      if (b.kind === 'option') return b.option?.value === null && b.option.mark ? 'mark' : 'other';
      return optionValue(b.text) ? 'label' : 'other';
    });
    const labels = kinds.flatMap((k, i) => (k === 'label' ? [i] : []));
    if (!labels.length) return;
    const beside = (i: number, d: number) => kinds[i + d] === 'mark' || kinds[i + d] === 'typed';
    const before = labels.filter((i) => beside(i, -1)).length;
    const after = labels.filter((i) => beside(i, 1)).length;
    // "Yes | X | No": the X may be either label's. An empty box cell at one end of the row says which side the boxes
    // are on ("Yes | X | No | ·"); else the table's other rows, or the document's earlier tables, may.
    const first = labels[0]!;
    const last = labels[labels.length - 1]!;
    const emptyBefore = kinds[first - 1] === 'empty';
    const emptyAfter = kinds[last + 1] === 'empty';
    const ends = emptyBefore !== emptyAfter ? (emptyBefore ? -1 : 1) : null;
    const d = before > after ? -1 : after > before ? 1 : (ends ?? side);
    if (d === null) return;
    const typed = labels.some((i) => kinds[i + d] === 'typed');
    const drop = new Set<number>();
    for (const i of labels) {
      const j = i + d;
      const label = this.blocks[cells[i]!.start]!;
      let mark: Mark | null = null;
      if (kinds[j] === 'mark') mark = this.blocks[cells[j]!.start]!.option!.mark;
      else if (kinds[j] === 'typed') mark = { state: 'checked', source: 'typed-mark', detail: typedText(this.blocks[cells[j]!.start]!)! };
      else if (kinds[j] === 'empty' && typed) mark = { state: 'unchecked', source: 'typed-mark', detail: 'empty cell' };
      if (!mark) continue;
      this.blocks[cells[i]!.start] = { ...label, kind: 'option', text: label.text, option: { value: optionValue(label.text), mark } };
      if (kinds[j] !== 'empty') drop.add(cells[j]!.start);
    }
    if (!drop.size) return;
    const from = cells[0]!.start;
    const kept = this.blocks.slice(from).filter((_, i) => !drop.has(from + i));
    this.blocks.length = from;
    this.blocks.push(...kept);
  }
}

function splitLines(segs: Seg[]): Seg[][] {
  const lines: Seg[][] = [[]];
  for (const s of segs) {
    if (s.t === 'line') lines.push([]);
    else lines[lines.length - 1]!.push(s);
  }
  return lines;
}

function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** Where in a line something applies to its text, and how (for the mark's detail). */
interface Span {
  start: number;
  end: number;
  how: string;
}

/**
 * Whether every label on the line is shaded alike: a template's styling,
 * which picks out none of them. A highlighter's colour on each is the author
 * marking both, and stays.
 */
function styledAlike(line: string, spans: readonly Span[]): boolean {
  const hows = [...line.matchAll(LABEL_RE)].map((m) => spans.find((s) => s.start < (m.index ?? 0) + m[0].length && (m.index ?? 0) < s.end)?.how ?? null);
  return hows.length >= 2 && hows.every((h) => h !== null && h === hows[0] && h.startsWith('w:shd'));
}

/**
 * Marks the labels of a line that a span covers: struck through (an option
 * taken as not chosen) or highlighted (the one chosen). When readOptionRun
 * found no run (e.g. "Yes/No" or a single struck "No"), the run is the
 * trailing labels of the line.
 */
function withLabelMarks(line: string, run: OptionRun | null, spans: readonly Span[], mark: (how: string) => Mark): OptionRun | null {
  const labels = [...line.matchAll(LABEL_RE)].map((m) => ({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length, text: m[0] }));
  const coveredBy = (l: { start: number; end: number }) => spans.find((s) => s.start < l.end && l.start < s.end)?.how ?? null;
  if (!labels.some((l) => coveredBy(l))) return run;
  if (!run) {
    // Trailing labels, apart only by separators, to the end of the line.
    let first = labels.length;
    for (let i = labels.length - 1; i >= 0; i--) {
      const gapEnd = i + 1 < labels.length ? labels[i + 1]!.start : line.length;
      if (!LABEL_GAP.test(line.slice(labels[i]!.end, gapEnd))) break;
      first = i;
    }
    const tail = labels.slice(first);
    if (!tail.some((l) => coveredBy(l))) return null;
    run = { lead: line.slice(0, tail[0]!.start).trim(), options: tail.map((l) => ({ label: l.text, value: optionValue(l.text), mark: null })) };
  }
  // The run's labelled options are the line's last labels, in order.
  const labelled = run.options.filter((o) => o.label);
  const positions = labels.slice(labels.length - labelled.length);
  labelled.forEach((o, i) => {
    const how = positions[i] ? coveredBy(positions[i]!) : null;
    if (how && !o.mark) o.mark = mark(how);
  });
  return run;
}
