/**
 * One pass over a part's XML tree before mammoth's body reader sees it, for
 * what mammoth would lose:
 *
 * - which encoding a checkbox came from (mammoth turns legacy form fields and
 *   w14 content controls into the same `checkbox` element) and what exactly
 *   set its state;
 * - w:sym boxes (mammoth maps Wingdings to Unicode, so they could not be told
 *   from typed glyphs), w:dstrike, w:lastRenderedPageBreak and
 *   w:pageBreakBefore (mammoth ignores the last three);
 * - DrawingML text boxes, as Word shows them (mammoth reads only the VML
 *   fallback, a copy that can be stale or empty), w:fldSimple results, w:cr
 *   and w:ptab;
 * - the entry a legacy FORMDROPDOWN field shows, which the file keeps only as
 *   an index into the field's list (w:ddList), and whether a legacy FORMTEXT
 *   field still shows default text that asks for an entry (it was never
 *   filled in);
 * - each table's column widths (w:tblGrid), at the start of its first cell;
 * - a list item's bullet where the list's level prints a box (☐, ☒, or a
 *   Wingdings box), as a checklist does: mammoth gives no bullet text;
 * - the grid columns a row leaves to a cell merged from the row above
 *   (w:vMerge) or skips (w:gridBefore, w:gridAfter): mammoth drops them, so
 *   the cells after them would take the wrong columns. Each is kept as an
 *   empty cell.
 *
 * Each of these leaves a sentinel in the text: a w:t holding U+F0000, an
 * index into the side table, U+F0001. The block builder turns sentinels back
 * into marks, page breaks and strike details. Deleted content (w:del,
 * w:moveFrom, deleted rows) is left alone: mammoth drops it. Hidden text
 * (w:vanish runs, set directly or by their character or paragraph style,
 * content controls and hidden rows) is dropped here, and so is the prompt a
 * content control shows until it is filled in.
 */
import { createRequire } from 'node:module';
import type { Mark, MarkState } from '../../src/document.js';
import { glyphMark } from '../../src/options.js';
import { element, type XmlElement, type XmlNode } from './mammoth.js';
import { textOf } from './xml.js';

const require = createRequire(import.meta.url);
const dingbats = require('dingbat-to-unicode') as { hex(font: string, code: string): { string: string } | undefined };

export type Side =
  | { kind: 'form-field'; state: MarkState; detail: string }
  | { kind: 'content-control'; state: MarkState; detail: string }
  | { kind: 'symbol'; mark: Mark }
  | { kind: 'page'; rendered: boolean }
  | { kind: 'dstrike' }
  | { kind: 'grid'; widths: string }
  | { kind: 'filler' };

export interface Prepared {
  side: Side[];
  /** Page breaks seen (explicit, rendered or page-break-before). */
  pageMarkers: number;
  /** Tracked insertions and deletions seen (taken as accepted). */
  trackedChanges: number;
  /** Parts of the document kept in another format (w:altChunk: HTML, RTF, another document), which are not read. */
  altChunks: number;
}

export const SENTINEL_RE = /\u{F0000}(\d+)\u{F0001}/gu;

/** Box and tick characters a symbol font maps to that the shared glyph table does not list. */
const EXTRA_BOXES = new Map<number, MarkState>([
  [0x1f5f9, 'checked'], // 🗹 ballot box with bold check (Wingdings FE)
  [0x1f5f7, 'checked'], // 🗷 ballot box with bold script x (Wingdings FD)
  [0x1f5f8, 'checked'], // 🗸 light check mark (Wingdings 2 50)
  [0x1f5f4, 'checked'], // 🗴 ballot script x (Wingdings 2 4F)
  [0x1f5f5, 'checked'], // 🗵 ballot box with script x (Wingdings 2 51)
  [0x1f5f6, 'checked'], // 🗶 ballot bold script x (Wingdings FB)
  [0x2327, 'checked'], // ⌧ x in a rectangle box (Wingdings 78)
  [0x2bbd, 'checked'], // ⮽ ballot box with light x (Wingdings 2 53)
  [0x221a, 'checked'], // √ (Symbol D6)
  [0x1f78e, 'unchecked'], // 🞎 (Wingdings A8)
  [0x1f78f, 'unchecked'], // 🞏 (Wingdings 6F)
  [0x1f790, 'unchecked'], // 🞐 (Wingdings 70)
  [0x1f791, 'unchecked'], // 🞑 (Wingdings 2 A4)
  [0x2751, 'unchecked'], // ❑ (Wingdings 71)
  [0x2610, 'unchecked'],
  [0x2611, 'checked'],
  [0x2612, 'checked'],
]);

/** Fonts whose characters are pictures: Word's boxes and ticks among them. */
export const SYMBOL_FONT = /^(wingdings( [23])?|webdings|symbol)$/i;

/**
 * The box state a character in a symbol font shows, or null when it is not
 * a box or tick. `code` is the character's hex code as Word stores it
 * (w:sym w:char, e.g. "F0FE", or a typed character's code point).
 */
export function symbolState(font: string, code: string): { state: MarkState; unicode: string } | null {
  let unicode: string | undefined = dingbats.hex(font, code)?.string;
  if (unicode === undefined && /^F0[0-9A-F]{2}$/i.test(code)) unicode = dingbats.hex(font, code.slice(2))?.string;
  if (unicode === undefined) {
    // Not a dingbat font (Segoe UI Symbol, MS Gothic, …): the code is a Unicode code point.
    const cp = parseInt(code, 16);
    if (!Number.isFinite(cp) || cp < 0x20 || cp > 0x10ffff) return null;
    unicode = String.fromCodePoint(cp);
  }
  const state = EXTRA_BOXES.get(unicode.codePointAt(0)!) ?? glyphMark(unicode)?.state ?? null;
  return state ? { state, unicode } : null;
}

function on(el: XmlElement | undefined, attr = 'w:val'): boolean {
  if (!el) return false;
  const v = el.attributes[attr];
  return v === undefined || (v !== 'false' && v !== '0' && v !== 'off');
}

function attrDetail(el: XmlElement, attr: string): string {
  const v = el.attributes[attr];
  return v === undefined ? el.name.replace(/^wordml:/, 'w14:') : `${el.name.replace(/^wordml:/, 'w14:')} ${attr.replace(/^wordml:/, 'w14:')}="${v}"`;
}

/** Drop-down entries that only ask for a choice ("Choose an item.", "Select", "- Select -", a blank). */
const PROMPT_ENTRY = /^[\s\p{P}]*(?:(?:please\s+)?(?:select|choose)\b.*)?$/isu;

/**
 * The text a FORMDROPDOWN field shows: the entry at w:result, else at w:default, else the first (an index out of
 * range is ignored, as Word does); null where that entry only asks for a choice.
 */
function dropdownText(list: XmlElement): string | null {
  const entries = list.children.flatMap((c) => (c.type === 'element' && c.name === 'w:listEntry' ? [c.attributes['w:val'] ?? ''] : []));
  const index = (name: string) => {
    const v = list.first(name)?.attributes['w:val'];
    const i = v !== undefined && /^\s*\d+\s*$/.test(v) ? Number(v) : NaN;
    return i < entries.length ? i : NaN;
  };
  const chosen = entries[[index('w:result'), index('w:default')].find((i) => !Number.isNaN(i)) ?? 0];
  return chosen === undefined || PROMPT_ENTRY.test(chosen) ? null : chosen;
}

/** A complex field open in the paragraph being prepared: whether it is a drop-down, and whether its result has begun. */
interface OpenField {
  dropdown: boolean;
  result: boolean;
  /** A legacy text field's default text, and the text elements of its result: showing the default, it is unfilled. */
  prompt?: { text: string; shown: XmlElement[] };
}

/** A list level's bullet, by numbering id and level ("3:0"), where it prints a ballot box. */
export type BoxBullets = ReadonlyMap<string, Mark>;

/**
 * Ballot boxes a checklist prints as its bullet: ☐ ☑ ☒, and Wingdings' empty
 * and ticked boxes. Not the bullets Word's bullet library offers for any list
 * (❑, ✓, ▪, o), which look like boxes and ticks but mark nothing.
 */
const BALLOT_BOXES = new Set([0x2610, 0x2611, 0x2612, 0x1f78e, 0x1f5f9, 0x1f5f7]);

/**
 * The list levels whose bullet is a ballot box (in a symbol font or not),
 * from numbering.xml: each w:num's abstract numbering, with the levels a
 * w:lvlOverride replaces.
 */
export function boxBullets(numbering: XmlElement | null): BoxBullets {
  const found = new Map<string, Mark>();
  if (!numbering) return found;
  const box = (lvl: XmlElement): Mark | null => {
    if (lvl.first('w:numFmt')?.attributes['w:val'] !== 'bullet') return null;
    const text = lvl.first('w:lvlText')?.attributes['w:val'] ?? '';
    if ([...text].length !== 1) return null;
    const font = lvl.first('w:rPr')?.first('w:rFonts')?.attributes['w:ascii'] ?? '';
    const read = symbolState(font, text.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0'));
    return read && BALLOT_BOXES.has(read.unicode.codePointAt(0)!) ? { state: read.state, source: 'glyph', detail: `list bullet U+${read.unicode.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}` } : null;
  };
  const levels = (parent: XmlElement) => parent.children.flatMap((c) => (c.type === 'element' && c.name === 'w:lvl' ? [c] : []));
  const abstract = new Map<string, XmlElement>();
  for (const c of numbering.children) if (c.type === 'element' && c.name === 'w:abstractNum') abstract.set(c.attributes['w:abstractNumId'] ?? '', c);
  for (const num of numbering.children) {
    if (num.type !== 'element' || num.name !== 'w:num') continue;
    const id = num.attributes['w:numId'];
    const base = abstract.get(num.first('w:abstractNumId')?.attributes['w:val'] ?? '');
    if (id === undefined) continue;
    const byLevel = new Map<string, XmlElement>();
    for (const lvl of base ? levels(base) : []) byLevel.set(lvl.attributes['w:ilvl'] ?? '0', lvl);
    for (const o of num.children) {
      if (o.type !== 'element' || o.name !== 'w:lvlOverride') continue;
      const lvl = o.first('w:lvl');
      if (lvl) byLevel.set(o.attributes['w:ilvl'] ?? '0', lvl);
    }
    for (const [level, lvl] of byLevel) {
      const mark = box(lvl);
      if (mark) found.set(`${id}:${level}`, mark);
    }
  }
  return found;
}

/** The paragraph and character styles whose text is hidden (w:vanish in their run properties, or a style they are based on). */
export interface HiddenStyles {
  paragraph: ReadonlySet<string>;
  character: ReadonlySet<string>;
}

/** A run's fonts as Word picks them: `ascii` for characters below U+0080, `hAnsi` for the others. */
interface RunFonts {
  ascii?: string;
  hAnsi?: string;
}

/** Each character style's fonts, its own or those of the styles it is based on. */
export type StyleFonts = ReadonlyMap<string, RunFonts>;

export function styleFonts(styles: XmlElement | null): StyleFonts {
  const byId = new Map<string, XmlElement>();
  for (const c of styles?.children ?? []) if (c.type === 'element' && c.name === 'w:style' && c.attributes['w:type'] === 'character') byId.set(c.attributes['w:styleId'] ?? '', c);
  const fontsOf = (id: string, seen: Set<string>): RunFonts => {
    const style = byId.get(id);
    if (!style || seen.has(id)) return {};
    seen.add(id);
    const own = style.firstOrEmpty('w:rPr').first('w:rFonts')?.attributes ?? {};
    const base = style.first('w:basedOn')?.attributes['w:val'];
    const inherited = base === undefined ? {} : fontsOf(base, seen);
    return { ascii: own['w:ascii'] ?? inherited.ascii, hAnsi: own['w:hAnsi'] ?? inherited.hAnsi };
  };
  const out = new Map<string, RunFonts>();
  for (const id of byId.keys()) {
    const fonts = fontsOf(id, new Set());
    if (SYMBOL_FONT.test(fonts.ascii ?? '') || SYMBOL_FONT.test(fonts.hAnsi ?? '')) out.set(id, fonts);
  }
  return out;
}

/** A run property's setting: on, off, or not set here. */
const setting = (el: XmlElement | undefined): boolean | undefined => (el ? on(el) : undefined);

/** Which styles in styles.xml hide their text, following each style's w:basedOn chain. */
export function hiddenStyles(styles: XmlElement | null): HiddenStyles {
  const byId = new Map<string, XmlElement>();
  for (const c of styles?.children ?? []) if (c.type === 'element' && c.name === 'w:style') byId.set(c.attributes['w:styleId'] ?? '', c);
  const hides = (id: string, seen: Set<string>): boolean => {
    const style = byId.get(id);
    if (!style || seen.has(id)) return false;
    seen.add(id);
    const own = setting(style.firstOrEmpty('w:rPr').first('w:vanish'));
    if (own !== undefined) return own;
    const base = style.first('w:basedOn')?.attributes['w:val'];
    return base !== undefined && hides(base, seen);
  };
  const paragraph = new Set<string>();
  const character = new Set<string>();
  for (const [id, style] of byId) {
    if (!hides(id, new Set())) continue;
    const type = style.attributes['w:type'];
    if (type === 'paragraph') paragraph.add(id);
    else if (type === 'character') character.add(id);
  }
  return { paragraph, character };
}

export class Preparer {
  readonly result: Prepared = { side: [], pageMarkers: 0, trackedChanges: 0, altChunks: 0 };
  private fields: OpenField[] = [];
  /** Whether the paragraph being prepared is in a style that hides its text. */
  private paragraphHidden = false;
  /** The colour the cell or paragraph being read is shaded, behind its text. */
  private ground: string | null = null;

  constructor(
    private readonly bullets: BoxBullets = new Map(),
    private readonly hidden: HiddenStyles = { paragraph: new Set(), character: new Set() },
    private readonly fonts: StyleFonts = new Map(),
  ) {}

  /**
   * Box characters a run prints in a symbol font that mammoth does not see, it reading only the run's own ASCII
   * font: one set for characters past U+007F alone ("þ" with w:hAnsi="Wingdings"), or by the run's character
   * style. Each becomes a w:sym, as Insert Symbol writes one.
   */
  private symbolsInOtherFonts(run: XmlElement): void {
    const rPr = run.firstOrEmpty('w:rPr');
    const own = rPr.first('w:rFonts')?.attributes ?? {};
    if (SYMBOL_FONT.test(own['w:ascii'] ?? '')) return;
    const style = this.fonts.get(rPr.first('w:rStyle')?.attributes['w:val'] ?? '') ?? {};
    const ascii = own['w:ascii'] ?? style.ascii;
    const hAnsi = own['w:hAnsi'] ?? style.hAnsi;
    if (!SYMBOL_FONT.test(ascii ?? '') && !SYMBOL_FONT.test(hAnsi ?? '')) return;
    const children: XmlNode[] = [];
    for (const c of run.children) {
      if (c.type !== 'element' || c.name !== 'w:t') {
        children.push(c);
        continue;
      }
      let text = '';
      const flush = () => {
        if (text) children.push(element('w:t', { 'xml:space': 'preserve' }, [{ type: 'text', value: text }]));
        text = '';
      };
      for (const ch of textOf(c)) {
        const font = (ch.codePointAt(0)! < 0x80 ? ascii : hAnsi) ?? '';
        const code = ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
        if (SYMBOL_FONT.test(font) && symbolState(font, code)) {
          flush();
          children.push(element('w:sym', { 'w:font': font, 'w:char': code }));
        } else text += ch;
      }
      flush();
    }
    run.children = children;
  }

  /**
   * Whether a run is hidden: by its own w:vanish, else by its character style, else by its paragraph's style (a
   * template's guidance and worked examples, last year's answers kept in a hidden style).
   */
  private hiddenRun(run: XmlElement): boolean {
    const rPr = run.firstOrEmpty('w:rPr');
    const own = setting(rPr.first('w:vanish'));
    if (own !== undefined) return own;
    const style = rPr.first('w:rStyle')?.attributes['w:val'];
    if (style !== undefined && this.hidden.character.has(style)) return true;
    return this.paragraphHidden;
  }

  /** A content control set hidden, or whose every run is. */
  private hiddenControl(sdt: XmlElement): boolean {
    if (on(sdt.firstOrEmpty('w:sdtPr').firstOrEmpty('w:rPr').first('w:vanish'))) return true;
    const runs: XmlElement[] = [];
    collect(sdt.firstOrEmpty('w:sdtContent'), 'w:r', runs);
    return runs.length > 0 && runs.every((r) => this.hiddenRun(r));
  }

  /** Prepares the children of a part's body element (w:body, w:hdr, w:ftr) in place. */
  prepare(body: XmlElement): void {
    this.children(body);
  }

  sentinel(side: Side): XmlElement {
    const index = this.result.side.push(side) - 1;
    return element('w:t', {}, [{ type: 'text', value: `\u{F0000}${index}\u{F0001}` }]);
  }

  sentinelRun(side: Side): XmlElement {
    return element('w:r', {}, [this.sentinel(side)]);
  }

  /** Transforms an element's children in place. */
  children(el: XmlElement): void {
    const out: XmlNode[] = [];
    for (const child of el.children) {
      if (child.type !== 'element') {
        out.push(child);
        continue;
      }
      this.node(child, out);
    }
    el.children = out;
  }

  node(el: XmlElement, out: XmlNode[]): void {
    switch (el.name) {
      case 'w:del':
      case 'w:moveFrom':
        this.result.trackedChanges++;
        out.push(el); // mammoth drops it
        return;
      case 'w:ins':
      case 'w:moveTo':
        this.result.trackedChanges++;
        break;
      case 'mc:AlternateContent': {
        // Word shows the choice (a DrawingML text box); the VML fallback is a copy for older readers, which a filler
        // that edits one copy leaves stale. The fallback is read only where the choice holds no text.
        const choice = el.first('mc:Choice');
        const fallback = el.first('mc:Fallback');
        const chosen = choice && holdsText(choice) ? choice : fallback?.children.some((c) => c.type === 'element') ? fallback : choice;
        if (!chosen) return;
        for (const c of chosen.children) if (c.type === 'element') this.node(c, out);
        return;
      }
      case 'w:fldSimple':
      case 'w:dir':
      case 'w:bdo':
      case 'w:smartTag':
        // Keep the content (a simple field's result text, bidi runs).
        for (const c of el.children) if (c.type === 'element') this.node(c, out);
        return;
      case 'w:altChunk':
        this.result.altChunks++;
        return;
      case 'w:cr':
        out.push(element('w:br'));
        return;
      case 'w:ptab':
        out.push(element('w:tab'));
        return;
      case 'w:lastRenderedPageBreak':
        this.result.pageMarkers++;
        out.push(this.sentinel({ kind: 'page', rendered: true }));
        return;
      case 'w:br':
        if (el.attributes['w:type'] === 'page') this.result.pageMarkers++;
        break;
      case 'w:sym': {
        const font = el.attributes['w:font'] ?? '';
        const code = el.attributes['w:char'] ?? '';
        const box = symbolState(font, code);
        if (box) {
          out.push(this.sentinel({ kind: 'symbol', mark: { state: box.state, source: 'symbol', detail: `w:sym ${font} ${code.toUpperCase()}` } }));
          return;
        }
        break;
      }
      case 'w:tbl': {
        this.children(el);
        this.keepColumns(el);
        const widths = el.firstOrEmpty('w:tblGrid').children.flatMap((c) => (c.type === 'element' && c.name === 'w:gridCol' ? [c.attributes['w:w'] ?? '?'] : []));
        const first = firstCellParagraph(el);
        if (widths.length && first) {
          const at = first.children.findIndex((c) => c.type === 'element' && c.name !== 'w:pPr');
          first.children.splice(at === -1 ? first.children.length : at, 0, this.sentinelRun({ kind: 'grid', widths: widths.join(',') }));
        }
        out.push(el);
        return;
      }
      case 'w:tc': {
        const outer = this.ground;
        this.ground = shownShading(el.firstOrEmpty('w:tcPr').first('w:shd'), true) ?? outer;
        this.children(el);
        this.ground = outer;
        out.push(el);
        return;
      }
      case 'w:tr':
        if (on(el.firstOrEmpty('w:trPr').first('w:hidden'))) return;
        if (el.firstOrEmpty('w:trPr').first('w:del')) {
          this.result.trackedChanges++;
          out.push(el); // mammoth drops deleted rows
          return;
        }
        break;
      case 'w:p': {
        // A drop-down's field ends in its own paragraph: one left open must not hide the text after it.
        const outer = this.fields;
        const outerHidden = this.paragraphHidden;
        const outerGround = this.ground;
        this.fields = [];
        const style = el.firstOrEmpty('w:pPr').first('w:pStyle')?.attributes['w:val'] ?? '';
        this.paragraphHidden = this.hidden.paragraph.has(style);
        this.ground = shownShading(el.firstOrEmpty('w:pPr').first('w:shd'), true) ?? outerGround;
        this.children(el);
        this.fields = outer;
        this.paragraphHidden = outerHidden;
        this.ground = outerGround;
        const numPr = el.firstOrEmpty('w:pPr').first('w:numPr');
        const bullet = numPr && this.bullets.get(`${numPr.first('w:numId')?.attributes['w:val']}:${numPr.first('w:ilvl')?.attributes['w:val'] ?? '0'}`);
        // A line with boxes of its own has them after a bullet that is only a bullet; a hidden paragraph has none.
        const markHidden = on(el.firstOrEmpty('w:pPr').firstOrEmpty('w:rPr').first('w:vanish'));
        if (bullet && !hasOwnBoxes(el) && !this.hidden.paragraph.has(style) && !markHidden) {
          const at = el.children.findIndex((c) => c.type === 'element' && c.name !== 'w:pPr');
          el.children.splice(at === -1 ? el.children.length : at, 0, this.sentinelRun({ kind: 'symbol', mark: bullet }));
        }
        if (on(el.firstOrEmpty('w:pPr').first('w:pageBreakBefore'))) {
          this.result.pageMarkers++;
          const at = el.children.findIndex((c) => c.type === 'element' && c.name !== 'w:pPr');
          el.children.splice(at === -1 ? el.children.length : at, 0, this.sentinelRun({ kind: 'page', rendered: false }));
        }
        out.push(el);
        return;
      }
      case 'w:r':
        // Hidden text (w:vanish) is not on the page: last year's answers, the template's notes. Nor is a control's
        // prompt left behind when the control was removed, still in the placeholder style.
        if (this.hiddenRun(el) || (placeholderStyled(el) && PLACEHOLDER_PROMPT.test(textOf(el)))) return;
        this.run(el);
        out.push(el);
        return;
      case 'w:sdt':
        if (this.hiddenControl(el)) return;
        if (showingPlaceholder(el)) emptyOut(el.firstOrEmpty('w:sdtContent'));
        this.sdt(el, out);
        return;
      case 'w:drawing':
        this.children(el);
        this.drawing(el);
        out.push(el);
        return;
    }
    this.children(el);
    out.push(el);
  }

  run(el: XmlElement): void {
    const rPr = el.first('w:rPr');
    // mammoth reads a switch as off only when "false" or "0"; "off" is as valid (w:strike w:val="off").
    for (const c of rPr?.children ?? []) if (c.type === 'element' && c.attributes['w:val'] === 'off') c.attributes['w:val'] = 'false';
    this.symbolsInOtherFonts(el);
    // Text shading is how Google Docs (and LibreOffice, by one setting) saves a highlight: read as one, unless it is
    // grey (a template's styling) or the colour of the cell or paragraph behind it.
    const shading = rPr && !rPr.first('w:highlight') ? shownShading(rPr.first('w:shd'), false) : null;
    if (shading && shading !== this.ground) rPr!.children.push(element('w:highlight', { 'w:val': `w:shd ${shading}` }));
    const prefix: XmlNode[] = [];
    if (rPr && on(rPr.first('w:dstrike')) && !on(rPr.first('w:strike'))) {
      rPr.children = rPr.children.filter((c) => !(c.type === 'element' && c.name === 'w:strike'));
      rPr.children.push(element('w:strike'));
      prefix.push(this.sentinel({ kind: 'dstrike' }));
    }
    this.children(el);
    const out: XmlNode[] = [];
    for (const c of el.children) {
      // The list's chosen entry is what the field shows; any result text a writer left stands in for it.
      if (c.type === 'element' && c.name === 'w:t' && this.fields.some((f) => f.dropdown && f.result)) continue;
      const field = c.type === 'element' && c.name === 'w:fldChar' ? c.attributes['w:fldCharType'] : undefined;
      if (field === 'begin') this.fieldBegin(c as XmlElement, out);
      else out.push(c);
      const open = this.fields[this.fields.length - 1];
      if (c.type === 'element' && c.name === 'w:t' && open?.result) open.prompt?.shown.push(c);
      if (field === 'separate' && open) open.result = true;
      if (field === 'end') {
        const prompt = this.fields.pop()?.prompt;
        // A text field still showing default text that asks for an entry ("Enter details here") was never filled in;
        // a default that is a value ("No", "0") is what the form was left saying.
        if (prompt && FIELD_PROMPT.test(prompt.text) && prompt.shown.map(textOf).join('').trim() === prompt.text) for (const t of prompt.shown) t.children = [];
      }
    }
    if (prefix.length) {
      const at = out.findIndex((c) => c.type === 'element' && c.name !== 'w:rPr');
      out.splice(at === -1 ? out.length : at, 0, ...prefix);
    }
    el.children = out;
  }

  /**
   * Puts an empty cell, marked as such, wherever a row of the table leaves grid columns to a cell merged from the
   * row above or skips them. A cell marked as merged with no cell above it merges into nothing and is read as it is.
   */
  keepColumns(tbl: XmlElement): void {
    const rows: XmlElement[] = [];
    collect(tbl, 'w:tr', rows);
    const filler = () => element('w:p', {}, [this.sentinelRun({ kind: 'filler' })]);
    const skipped = (span: number) => element('w:tc', {}, [element('w:tcPr', {}, [element('w:gridSpan', { 'w:val': String(span) })]), filler()]);
    // Grid columns where a cell of a row above starts.
    const above = new Set<number>();
    for (const tr of rows) {
      const trPr = tr.firstOrEmpty('w:trPr');
      if (trPr.first('w:del')) continue;
      const cells: XmlElement[] = [];
      collect(tr, 'w:tc', cells);
      const before = count(trPr.first('w:gridBefore'));
      let column = before;
      for (const tc of cells) {
        const pr = tc.firstOrEmpty('w:tcPr');
        const merge = pr.first('w:vMerge');
        if (merge && merge.attributes['w:val'] !== 'restart' && above.has(column)) {
          pr.children = pr.children.filter((c) => c !== merge);
          tc.children = [pr, filler()];
        }
        above.add(column);
        column += count(pr.first('w:gridSpan')) || 1;
      }
      if (before) {
        const at = tr.children.findIndex((c) => c.type === 'element' && c.name !== 'w:trPr' && c.name !== 'w:tblPrEx');
        tr.children.splice(at === -1 ? tr.children.length : at, 0, skipped(before));
      }
      const after = count(trPr.first('w:gridAfter'));
      if (after) tr.children.push(skipped(after));
    }
  }

  /** A field's begin character, after the sentinel of a FORMCHECKBOX's state or followed by a drop-down's text. */
  fieldBegin(c: XmlElement, out: XmlNode[]): void {
    const list = c.firstOrEmpty('w:ffData').first('w:ddList');
    const prompt = c.firstOrEmpty('w:ffData').first('w:textInput')?.first('w:default')?.attributes['w:val']?.trim();
    this.fields.push({ dropdown: !!list, result: false, ...(prompt ? { prompt: { text: prompt, shown: [] } } : {}) });
    const box = c.firstOrEmpty('w:ffData').first('w:checkBox');
    if (box) {
      const checked = box.first('w:checked');
      const dflt = box.first('w:default');
      const state: MarkState = checked ? (on(checked) ? 'checked' : 'unchecked') : on(dflt) ? 'checked' : 'unchecked';
      const detail = checked ? attrDetail(checked, 'w:val') : dflt ? attrDetail(dflt, 'w:val') : 'w:checkBox (no w:checked or w:default)';
      out.push(this.sentinel({ kind: 'form-field', state, detail }));
    }
    out.push(c);
    const shown = list ? dropdownText(list) : null;
    if (shown !== null) out.push(element('w:t', {}, [{ type: 'text', value: shown }]));
  }

  sdt(el: XmlElement, out: XmlNode[]): void {
    const box = el.firstOrEmpty('w:sdtPr').first('wordml:checkbox');
    // Read before the children are prepared, which turns w:sym into sentinels.
    const shown = box ? shownBox(el.firstOrEmpty('w:sdtContent'), box) : null;
    this.children(el);
    out.push(el);
    if (!box) return;
    const checked = box.first('wordml:checked');
    const stored: MarkState = checked && on(checked, 'wordml:val') ? 'checked' : 'unchecked';
    const detail = checked ? attrDetail(checked, 'wordml:val') : 'w14:checkbox (no w14:checked)';
    const content = el.firstOrEmpty('w:sdtContent');
    // Word shows the glyph in the control, not the stored value: a file edited outside Word can make them differ.
    const side: Side =
      shown && shown.state !== stored
        ? { kind: 'content-control', state: 'conflicting', detail: `${detail}, but it shows ${shown.unicode}` }
        : { kind: 'content-control', state: stored, detail };
    const blockLevel = content.children.some((c) => c.type === 'element' && (c.name === 'w:p' || c.name === 'w:tc' || c.name === 'w:tr' || c.name === 'w:tbl'));
    if (!blockLevel) {
      // Run-level (the usual): the detail follows the checkbox in the same paragraph.
      out.push(this.sentinelRun(side));
      return;
    }
    const last = lastParagraph(content);
    if (last) last.children.push(this.sentinelRun(side));
  }

  drawing(el: XmlElement): void {
    const boxes: XmlElement[] = [];
    collect(el, 'w:txbxContent', boxes);
    if (boxes.length) el.children.push(element('w:pict', {}, boxes));
  }
}

/**
 * The colour shading shows (w:shd: a pattern's colour where solid, else its fill), or null for none or white, and,
 * unless greys are asked for, for grey, which templates shade their labels and headings with.
 */
function shownShading(shd: XmlElement | undefined, greys: boolean): string | null {
  if (!shd || shd.attributes['w:val'] === 'nil') return null;
  const colour = (shd.attributes[shd.attributes['w:val'] === 'solid' ? 'w:color' : 'w:fill'] ?? '').toUpperCase();
  if (!/^[0-9A-F]{6}$/.test(colour) || colour === 'FFFFFF') return null;
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(colour.slice(i, i + 2), 16));
  return greys || Math.max(r!, g!, b!) - Math.min(r!, g!, b!) > 24 ? colour : null;
}

/**
 * The state the box glyph a checkbox control displays stands for, or null when that cannot be told. The glyph
 * is compared with the control's declared checked and unchecked symbols (w14:checkedState, w14:uncheckedState)
 * where it has them, else read as a box glyph (☒, ☐, Wingdings boxes…).
 */
function shownBox(content: XmlElement, box: XmlElement): { state: MarkState; unicode: string } | null {
  const runs: XmlElement[] = [];
  collect(content, 'w:r', runs);
  const shown: Array<{ font: string; code: string }> = [];
  for (const r of runs) {
    const fonts = r.firstOrEmpty('w:rPr').first('w:rFonts')?.attributes ?? {};
    const font = fonts['w:ascii'] ?? fonts['w:hAnsi'] ?? fonts['w:eastAsia'] ?? fonts['w:cs'] ?? '';
    for (const c of r.children) {
      if (c.type !== 'element') continue;
      if (c.name === 'w:sym') shown.push({ font: c.attributes['w:font'] ?? font, code: c.attributes['w:char'] ?? '' });
      else if (c.name === 'w:t') for (const ch of textOf(c)) if (ch.trim()) shown.push({ font, code: ch.codePointAt(0)!.toString(16) });
    }
  }
  // Symbol fonts' characters are stored both as F0xx and as 00xx.
  const code = (hex: string | undefined) => (hex === undefined ? null : parseInt(hex, 16) & (parseInt(hex, 16) >= 0xf000 ? 0xff : 0x1fffff));
  const declared = (name: string) => code(box.first(name)?.attributes['wordml:val']);
  const [checked, unchecked] = [declared('wordml:checkedState'), declared('wordml:uncheckedState')];
  if (checked !== null || unchecked !== null) {
    const text = shown.map((g) => String.fromCodePoint(code(g.code) ?? 0x20)).join('');
    if (shown.length === 1 && code(shown[0]!.code) === checked) return { state: 'checked', unicode: text };
    if (shown.length === 1 && code(shown[0]!.code) === unchecked) return { state: 'unchecked', unicode: text };
    if (shown.length === 0 && (unchecked === 0x20 || unchecked === 0xa0)) return { state: 'unchecked', unicode: 'a blank' };
  }
  const boxes = shown.flatMap((g) => symbolState(g.font, g.code.toUpperCase()) ?? []);
  return boxes.length === 1 && shown.length === 1 ? boxes[0]! : null;
}

/** Elements that may wrap a table's rows, a row's cells or a cell's paragraphs. */
const WRAPPERS = new Set(['w:sdt', 'w:sdtContent', 'w:customXml']);

function firstOf(el: XmlElement, name: string): XmlElement | null {
  for (const c of el.children) {
    if (c.type !== 'element') continue;
    if (c.name === name) return c;
    if (WRAPPERS.has(c.name)) {
      const inner = firstOf(c, name);
      if (inner) return inner;
    }
  }
  return null;
}

/** The first paragraph of a table's first cell that is the cell's own (not in a table inside it). */
function firstCellParagraph(tbl: XmlElement): XmlElement | null {
  const tr = firstOf(tbl, 'w:tr');
  const tc = tr && firstOf(tr, 'w:tc');
  return tc && firstOf(tc, 'w:p');
}

function lastParagraph(el: XmlElement): XmlElement | null {
  for (let i = el.children.length - 1; i >= 0; i--) {
    const c = el.children[i]!;
    if (c.type !== 'element') continue;
    if (c.name === 'w:p') return c;
    const inner = lastParagraph(c);
    if (inner) return inner;
  }
  return null;
}

/** Whether a paragraph holds boxes of its own: a checkbox, a symbol, a box or tick typed. */
function hasOwnBoxes(p: XmlElement): boolean {
  const boxy = (el: XmlElement): boolean =>
    el.name === 'w:sym' || el.name === 'w:checkBox' || el.name === 'wordml:checkbox' || el.children.some((c) => c.type === 'element' && boxy(c));
  const text = textOf(p);
  return boxy(p) || [...text].some((ch) => glyphMark(ch) !== null) || /(?:^|\s)[xX](?:\s|$)/.test(text);
}

/** Default text of a legacy text field that asks for an entry rather than gives one. */
const FIELD_PROMPT = /\b(?:enter|type|insert|click|tap|add|give|provide|fill in|complete|describe|state)\b|\bhere\b|^\W*$/i;

/** The prompts Word puts in a content control until it is filled in. */
const PLACEHOLDER_PROMPT = /^\s*(?:click(?: or tap)?(?: here)? to enter (?:text|a date)|choose an item|enter text(?: here)?)\.?\s*$/i;

/**
 * A content control still showing its placeholder ("Click or tap here to enter text.", "Choose an item."): what
 * it holds is the template's prompt, not an answer. The flag alone is not enough: a program that fills a control
 * in may leave it set, so the content must also read as a prompt (in the placeholder style, or a prompt's words).
 * A checkbox control's content is its box, whatever the flag.
 */
function showingPlaceholder(sdt: XmlElement): boolean {
  const pr = sdt.firstOrEmpty('w:sdtPr');
  if (!on(pr.first('w:showingPlcHdr')) || pr.first('wordml:checkbox')) return false;
  const content = sdt.firstOrEmpty('w:sdtContent');
  const runs: XmlElement[] = [];
  const collect = (el: XmlElement) => {
    for (const c of el.children) if (c.type === 'element') (c.name === 'w:r' ? runs.push(c) : collect(c));
  };
  collect(content);
  return runs.filter((r) => textOf(r).trim()).every(placeholderStyled) || PLACEHOLDER_PROMPT.test(textOf(content));
}

/** A run in Word's placeholder style, as a content control shows its prompt in. */
function placeholderStyled(run: XmlElement): boolean {
  return /placeholder/i.test(run.first('w:rPr')?.first('w:rStyle')?.attributes['w:val'] ?? '');
}

/** The paragraphs, rows and cells a placeholder's content is laid out in, kept so the table keeps its shape. */
const LAYOUT = new Set(['w:p', 'w:tbl', 'w:tr', 'w:tc']);
const LAYOUT_PROPERTIES = new Set(['w:pPr', 'w:tblPr', 'w:tblGrid', 'w:tblPrEx', 'w:trPr', 'w:tcPr']);

/** Drops all the text of an element's content, keeping its layout. */
function emptyOut(el: XmlElement): void {
  el.children = el.children.filter((c) => c.type === 'element' && (LAYOUT.has(c.name) || LAYOUT_PROPERTIES.has(c.name)));
  for (const c of el.children) if (c.type === 'element' && LAYOUT.has(c.name)) emptyOut(c);
}

/** A positive count (w:gridSpan, w:gridBefore, w:gridAfter), else 0. */
function count(el: XmlElement | undefined): number {
  const n = Number(el?.attributes['w:val']);
  return Number.isInteger(n) && n > 0 ? n : 0;
}

function collect(el: XmlElement, name: string, into: XmlElement[]): void {
  for (const c of el.children) {
    if (c.type !== 'element') continue;
    if (c.name === name) into.push(c);
    else if (c.name !== 'w:pict') collect(c, name, into);
  }
}

/** Whether an element holds text a reader sees (a run's text or symbol), not just a drawing's numbers (its offsets). */
function holdsText(el: XmlElement): boolean {
  return el.children.some((c) => c.type === 'element' && ((c.name === 'w:t' && textOf(c).trim() !== '') || c.name === 'w:sym' || holdsText(c)));
}
