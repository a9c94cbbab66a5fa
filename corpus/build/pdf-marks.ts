/**
 * How the corpus builder draws a Yes/No/N/A option and its box: vector
 * squares (ticked with a cross, a tick or a fill), AcroForm checkboxes or
 * radio buttons, a typed "X", box glyphs in the text layer, ZapfDingbats
 * ticks, pictures of boxes (images, as a form built from pasted pictures
 * has), or labels with no box at all.
 */
import {
  concatTransformationMatrix,
  drawObject,
  PDFName,
  popGraphicsState,
  pushGraphicsState,
  rgb,
  type PDFCheckBox,
  type PDFForm,
  type PDFRadioGroup,
  type PDFRef,
} from 'pdf-lib';
import type { Choice } from './spec.js';
import { GlyphFont } from './pdf-glyph-font.js';
import { BLACK, type PdfWriter } from './pdf-writer.js';

export type MarkStyle =
  | 'vector-cross'
  | 'vector-tick'
  | 'vector-fill'
  | 'typed-x'
  | 'acroform-checkbox'
  | 'acroform-radio'
  | 'glyph-unicode'
  | 'glyph-wingdings'
  | 'zapf-tick'
  | 'picture'
  | 'labels-only';

export interface OptionSpot {
  qid: string;
  value: Choice;
  checked: boolean;
}

export const LABEL: Record<Choice, string> = { yes: 'Yes', no: 'No', na: 'N/A' };
const EXPORT: Record<Choice, string> = { yes: 'Yes', no: 'No', na: 'NA' };
const BOX = 9;
const GAP = 3;

export interface MarkOptions {
  /** Where a typed X goes: inside the box, beside it, or alternating by question. */
  typed?: 'inside' | 'beside' | 'alternate';
  /** Question ids whose ticked checkbox keeps an unchecked appearance (/AS /Off) though its value is on. */
  mismatch?: string[];
}

export class MarkPainter {
  private readonly glyphs: GlyphFont | null;
  private readonly form: PDFForm | null;
  private readonly radios = new Map<string, PDFRadioGroup>();
  private readonly checks: Array<{ box: PDFCheckBox; spot: OptionSpot }> = [];
  private typedCount = 0;
  private readonly pictures = new Map<boolean, PDFRef>();

  constructor(
    private readonly w: PdfWriter,
    readonly style: MarkStyle,
    private readonly opts: MarkOptions = {},
  ) {
    this.glyphs = style === 'glyph-unicode' ? new GlyphFont(w.doc, 'unicode') : style === 'glyph-wingdings' ? new GlyphFont(w.doc, 'wingdings') : null;
    this.form = style.startsWith('acroform') ? w.doc.getForm() : null;
  }

  /** Whether the box comes before its label ("☐ Yes") for this style. */
  get boxFirst(): boolean {
    return this.style === 'glyph-unicode' || this.style === 'acroform-radio' || this.style === 'vector-tick';
  }

  /** Width of one option (box and label) for layout. */
  optionWidth(value: Choice): number {
    return this.w.fonts.regular.widthOfTextAtSize(LABEL[value], this.w.size) + GAP + BOX;
  }

  rowWidth(values: Choice[]): number {
    return values.reduce((s, v) => s + this.optionWidth(v), 0) + 12 * (values.length - 1);
  }

  /** Options side by side on one line, starting at x. */
  row(spots: OptionSpot[], x: number, baseline: number): void {
    for (const s of spots) {
      this.option(s, x, baseline);
      x += this.optionWidth(s.value) + 12;
    }
  }

  /** Options one under another. Returns the height used. */
  stack(spots: OptionSpot[], x: number, baseline: number): number {
    const lh = this.w.lineHeight + 2;
    spots.forEach((s, i) => this.option(s, x, baseline - i * lh));
    return spots.length * lh;
  }

  option(s: OptionSpot, x: number, baseline: number): void {
    const { w } = this;
    const label = LABEL[s.value];
    const labelWidth = w.fonts.regular.widthOfTextAtSize(label, w.size);
    if (this.style === 'zapf-tick') {
      w.text(label, x, baseline);
      if (s.checked) w.text('✔', x + labelWidth + GAP, baseline, w.fonts.zapf, w.size);
      return;
    }
    if (this.style === 'labels-only') {
      w.text(label, x, baseline);
      return;
    }
    const boxX = this.boxFirst ? x : x + labelWidth + GAP;
    const labelX = this.boxFirst ? x + BOX + GAP : x;
    w.text(label, labelX, baseline);
    this.box(s, boxX, baseline - 1.5);
  }

  private box(s: OptionSpot, x: number, bottom: number): void {
    const { w } = this;
    const page = w.page;
    const square = () => page.drawRectangle({ x, y: bottom, width: BOX, height: BOX, borderColor: BLACK, borderWidth: 0.75 });
    switch (this.style) {
      case 'vector-cross':
        square();
        if (s.checked) {
          page.drawLine({ start: { x: x + 1.8, y: bottom + 1.8 }, end: { x: x + BOX - 1.8, y: bottom + BOX - 1.8 }, thickness: 0.9, color: BLACK });
          page.drawLine({ start: { x: x + 1.8, y: bottom + BOX - 1.8 }, end: { x: x + BOX - 1.8, y: bottom + 1.8 }, thickness: 0.9, color: BLACK });
        }
        return;
      case 'vector-tick':
        square();
        if (s.checked) page.drawSvgPath('M 1.8 4.8 L 3.9 7.4 L 7.6 1.6', { x, y: bottom + BOX, borderColor: BLACK, borderWidth: 1.1 });
        return;
      case 'vector-fill':
        square();
        if (s.checked) page.drawRectangle({ x: x + 2, y: bottom + 2, width: BOX - 4, height: BOX - 4, color: rgb(0.1, 0.1, 0.1) });
        return;
      case 'typed-x': {
        square();
        if (!s.checked) return;
        const mode = this.opts.typed ?? 'inside';
        const inside = mode === 'inside' || (mode === 'alternate' && this.typedCount++ % 2 === 0);
        if (inside) w.text('X', x + 1.6, bottom + 1.8, w.fonts.regular, 8.5);
        else w.text('X', x + BOX + 1.5, bottom + 1.5, w.fonts.regular, w.size);
        return;
      }
      case 'picture': {
        const name = page.node.newXObject('Box', this.picture(s.checked));
        page.pushOperators(pushGraphicsState(), concatTransformationMatrix(BOX, 0, 0, BOX, x, bottom), drawObject(name), popGraphicsState());
        return;
      }
      case 'glyph-unicode':
      case 'glyph-wingdings':
        this.glyphs!.draw(page, s.checked ? (this.style === 'glyph-unicode' ? 'cross' : 'tick') : 'empty', x - 0.5, bottom + 1.5, w.size + 1);
        return;
      case 'acroform-checkbox': {
        const box = this.form!.createCheckBox(`${s.qid.replace(".", "_")}_${EXPORT[s.value]}`);
        box.addToPage(page, { x, y: bottom, width: BOX, height: BOX, borderWidth: 0.75, borderColor: BLACK });
        if (s.checked) box.check();
        this.checks.push({ box, spot: s });
        return;
      }
      case 'acroform-radio': {
        let group = this.radios.get(s.qid);
        if (!group) {
          group = this.form!.createRadioGroup(s.qid.replace(".", "_"));
          this.radios.set(s.qid, group);
        }
        group.addOptionToPage(EXPORT[s.value], page, { x, y: bottom, width: BOX, height: BOX, borderWidth: 0.75, borderColor: BLACK });
        if (s.checked) group.select(EXPORT[s.value]);
        return;
      }
      default:
        return;
    }
  }

  /**
   * A grey picture of a box, 36 pixels square, with a frame 3 pixels wide and,
   * ticked, a cross 4 pixels thick; made once per document and state.
   */
  private picture(checked: boolean): PDFRef {
    const made = this.pictures.get(checked);
    if (made) return made;
    const size = 36;
    const pixels = new Uint8Array(size * size).fill(255);
    for (let y = 0; y < size; y++)
      for (let x = 0; x < size; x++) {
        const frame = x < 3 || y < 3 || x >= size - 3 || y >= size - 3;
        const cross = checked && x > 6 && x < size - 7 && (Math.abs(x - y) <= 2 || Math.abs(x + y - (size - 1)) <= 2);
        if (frame || cross) pixels[y * size + x] = 0;
      }
    const image = this.w.doc.context.flateStream(pixels, { Type: 'XObject', Subtype: 'Image', Width: size, Height: size, ColorSpace: 'DeviceGray', BitsPerComponent: 8 });
    const ref = this.w.doc.context.register(image);
    this.pictures.set(checked, ref);
    return ref;
  }

  /** An answer typed into a multi-line text field instead of printed text. */
  textField(qid: string, text: string | null, minLines = 2): void {
    const { w } = this;
    const lines = text ? w.wrap(text, w.width - 8) : [];
    const height = Math.max(lines.length, minLines) * w.lineHeight + 8;
    w.ensure(height);
    const field = this.form!.createTextField(`${qid.replace(".", "_")}_answer`);
    field.enableMultiline();
    if (text) field.setText(text);
    field.addToPage(w.page, { x: w.left, y: w.y - height, width: w.width, height, borderWidth: 0.75, borderColor: BLACK, font: w.fonts.regular });
    field.setFontSize(w.size);
    w.y -= height + w.size * 0.9;
  }

  /**
   * Before saving: draw the field appearances, then give the mismatch
   * questions' ticked boxes an unchecked appearance state while their value
   * stays on. A viewer shows an empty box; the value (what the form holds)
   * says ticked, and that is what the expected record takes.
   */
  finish(): void {
    if (!this.form) return;
    this.form.updateFieldAppearances(this.w.fonts.regular);
    for (const { box, spot } of this.checks) {
      if (!spot.checked || !this.opts.mismatch?.includes(spot.qid)) continue;
      for (const widget of box.acroField.getWidgets()) widget.dict.set(PDFName.of('AS'), PDFName.of('Off'));
    }
  }
}
