/**
 * PDF parser: pdf.js text with positions → lines → blocks in reading order,
 * with the Yes/No boxes read from glyphs, form widgets, drawn squares or
 * typed marks. Bad input (not a PDF, truncated, encrypted, image-only, too
 * big) is an ExtractError that says what is wrong.
 */
import type { Block, Diagnostic, NormalisedDocument, ParseOptions } from '../../src/document.js';
import { DEFAULT_LIMITS } from '../../src/document.js';
import { ExtractError } from '../../src/errors.js';
import { pairMarksWithLabels } from '../../src/options.js';
import { joinAcrossPages, linePitches, pageBlocks, provenance } from './blocks.js';
import { markFurniture } from './furniture.js';
import { apply, inside, inverse, rectFromPoints, type Rect } from './geometry.js';
import { drawsHidden, layerSettings, type LayerOps, type Layers } from './layers.js';
import { Guard } from './guard.js';
import { resolveMarks, type BorderedHeadings, type MarkSources } from './marks.js';
import { mayHoldStruckChoice, withdrawStruckChoices } from './struck.js';
import { explain, openDocument, pdfjs } from './pdfjs.js';
import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { RawObjects, type PageContent } from './raw.js';
import { rowBorders } from './rows.js';
import { invisibleItems, mayHideText, textRuns, type InvisibleItems, type TextStateOps } from './invisible.js';
import { glyphKey, readBoxGlyph, readBoxGlyphs, readType3BoxGlyph, type BoxGlyph, type ShownGlyph } from './glyphs.js';
import { readPageText, UNMAPPED_GLYPH, type PageText } from './text.js';
import { collectShapes, findBoxes, findCellBorders, findRules, highlighterFills, penShapes, readPictures, ringsRound, type Ops } from './vector.js';
import type { RawImage } from './pictures.js';
import { annotationLayerShown, readWidgets } from './widgets.js';
import { drawnOver, markOverdrawn, penStrokes, textMarkup, typedText, type DrawnOver } from './markup.js';

/** Operator lists longer than this are not searched for drawn boxes. */
const MAX_OPS = 400_000;
/**
 * A page whose content decodes to more bytes than this is too big to build an
 * operator list for (tens of seconds and gigabytes for a few million
 * operations); its drawn boxes are not looked for. Word pages are tens of
 * kilobytes. A size, not a time, so the same file always reads the same.
 */
const MAX_CONTENT_BYTES_FOR_VECTORS = 4 * 1024 * 1024;
/**
 * A page whose content decodes to more bytes than this is not read at all:
 * pdf.js would hold all of it in memory, and a kilobyte of compressed zeros
 * can decode to a gigabyte. Measured before pdf.js reads the page.
 */
const MAX_PAGE_CONTENT_BYTES = 64 * 1024 * 1024;
const megabytes = (n: number) => `${n / 1024 / 1024} MB`;

export interface PdfStats {
  /** Pages whose operator list was read for drawn boxes. */
  vectorPages: number;
  /** Pages whose annotations were asked of pdf.js. */
  annotationPages: number;
}

/** Counters from the last parse, for tests of what was read. */
export const lastStats: PdfStats = { vectorPages: 0, annotationPages: 0 };

function latin1(bytes: Uint8Array, from: number, to: number): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset + from, Math.max(0, Math.min(to, bytes.byteLength) - from)).toString('latin1');
}

function describeStart(bytes: Uint8Array): string {
  const head = latin1(bytes, 0, 8);
  if (head.startsWith('PK')) return 'it looks like a ZIP archive (a .docx?)';
  if (/^\s*</.test(head)) return 'it looks like HTML or XML (an error page saved in place of the PDF?)';
  if (head.startsWith('\xD0\xCF\x11\xE0')) return 'it looks like an old Word or Excel file';
  if (head.startsWith('{\\rtf')) return 'it looks like an RTF document';
  return 'it does not start with %PDF-';
}

/** How far into a file its %PDF- header may be looked for, past the 1 KB readers allow. */
const HEADER_SEARCH_BYTES = 1024 * 1024;

/**
 * Checks that need no parsing: size, the %PDF- header, the %%EOF trailer.
 * Returns the PDF itself, from its header on, and what was odd about it.
 */
function checkBytes(bytes: Uint8Array, maxBytes: number): { pdf: Uint8Array; notes: Diagnostic[] } {
  if (bytes.byteLength > maxBytes) {
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
    throw new ExtractError('too-large', `the file is ${mb(bytes.byteLength)}, over the ${mb(maxBytes)} input limit`);
  }
  if (bytes.byteLength === 0) throw new ExtractError('corrupt', `the file is empty`);
  const notes: Diagnostic[] = [];
  let pdf = bytes;
  if (!latin1(bytes, 0, 1024).includes('%PDF-')) {
    // Data before the header (a mail or HTTP header saved with the file): the PDF's offsets count from its header.
    const header = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, HEADER_SEARCH_BYTES)).indexOf('%PDF-');
    if (header < 0) throw new ExtractError('corrupt', `not a PDF: ${describeStart(bytes)}`);
    pdf = bytes.subarray(header);
    notes.push({ code: 'data-before-header', message: `${header} bytes of other data stand before the %PDF- header; read from the header on`});
  }
  const buf = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  const eof = buf.lastIndexOf('%%EOF');
  if (eof < 0) {
    if (!endsWithWholeXref(pdf)) throw new ExtractError('corrupt', `truncated PDF: no %%EOF end marker, the file was cut short (incomplete download or copy?)`);
    notes.push({ code: 'no-eof-marker', message: 'the file has no %%EOF end marker, but ends with a whole cross-reference pointer; read as it is'});
  } else if (pdf.byteLength - eof > 64 && /\d+\s+\d+\s+obj\b/.test(latin1(pdf, eof, eof + 1_000_000))) {
    throw new ExtractError('corrupt', `truncated PDF: an update after the last %%EOF marker is cut short (incomplete download or copy?)`);
  }
  return { pdf, notes };
}

/**
 * Whether a file without %%EOF still ends as a whole PDF does: "startxref",
 * then the offset of a cross-reference table or stream that is there. A file
 * cut short ends mid-object instead.
 */
function endsWithWholeXref(pdf: Uint8Array): boolean {
  const tail = /startxref\s+(\d+)\s*$/.exec(latin1(pdf, Math.max(0, pdf.byteLength - 64), pdf.byteLength));
  if (!tail) return false;
  const at = Number(tail[1]);
  return at < pdf.byteLength && /^(?:xref\b|\d+\s+\d+\s+obj\b)/.test(latin1(pdf, at, at + 32));
}

const OPS: Ops & LayerOps & TextStateOps = pdfjs.OPS as unknown as Ops & LayerOps & TextStateOps;

/**
 * A picture's decoded pixels. pdf.js sends them after the operator list that
 * names them, and sends null for one it cannot decode, so this always settles.
 * Pictures used on many pages are held by the document, the rest by the page.
 */
function pixelsOf(page: PDFPageProxy, name: string): Promise<RawImage | null> {
  const store = (name.startsWith('img_') ? page.objs : page.commonObjs) as unknown as { get(name: string, resolved: (data: unknown) => void): void };
  return new Promise((resolve) => store.get(name, (data) => resolve((data as RawImage | null) ?? null)));
}

/**
 * The page's text items nobody sees (see invisible.ts). Read from its operator
 * list only where its content sets a render mode that paints no text or a
 * fill colour near white, or cannot be read here to tell (an encrypted file).
 */
async function invisibleOn(page: PDFPageProxy, items: TextItem[], measured: PageContent | null): Promise<InvisibleItems<TextItem> | null> {
  if ((measured?.invisibleText === false && measured.lightFill === false) || !items.some((it) => it.str?.trim())) return null;
  const ops = await page.getOperatorList({ annotationMode: pdfjs.AnnotationMode.DISABLE });
  const fontMatrixOf = (font: string) => (page.commonObjs.has(font) ? (page.commonObjs.get(font) as { fontMatrix?: number[] }).fontMatrix : undefined);
  const found = mayHideText(ops.fnArray, ops.argsArray, OPS) ? invisibleItems(items, textRuns(ops.fnArray, ops.argsArray, OPS, fontMatrixOf)) : null;
  // Every page of an encrypted file comes here: an operator list that found nothing is not held to the end. Elsewhere
  // it is kept for reading the page's drawing.
  if (measured === null && (found === null || found.unseen.size + found.copies.size + found.covered.size === 0)) page.cleanup();
  return found;
}

export async function parse(bytes: Uint8Array, options: ParseOptions = {}): Promise<NormalisedDocument> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const { pdf, notes } = checkBytes(bytes, limits.maxInputBytes);
  const guard = new Guard(options.signal, limits.timeoutMs);
  guard.check();
  const task = openDocument(pdf, options.password);
  guard.stop = () => void task.destroy().catch(() => {});
  lastStats.vectorPages = 0;
  lastStats.annotationPages = 0;
  try {
    guard.progress = 'the document structure';
    const doc = await guard.run(task.promise);
    const pageCount = doc.numPages;
    if (pageCount > limits.maxPages)
      throw new ExtractError('too-large', `${pageCount} pages, over the ${limits.maxPages}-page limit; not read`);
    if (pageCount === 0) throw new ExtractError('corrupt', `the PDF has no pages`);

    let raw: RawObjects | null = null;
    const rawObjects = () => (raw ??= new RawObjects(pdf));
    let usesDingbats: boolean | null = null;
    const dingbats = () => (usesDingbats ??= rawObjects().usesDingbats());
    const layers = await guard.run(layerSettings(doc));
    /** Whether a widget's layer (its raw /OC) is shown; a membership dictionary's answer is not worked out here. */
    const layerShown = (oc: string): boolean | null => {
      const ref = /^(\d+)\s+(\d+)\s+R$/.exec(oc.trim());
      if (!layers || !ref) return layers ? null : true;
      return rawObjects().entries(Number(ref[1]))?.Type === '/OCG' ? layers.isVisible({ type: 'OCG', id: `${ref[1]}R${ref[2] === '0' ? '' : ref[2]}` }) : null;
    };
    /** Whether an annotation is in no layer, or one that shows; where that cannot be told, it is not read. */
    const inShownLayer = (id: string | undefined) => annotationLayerShown(id, rawObjects, layerShown) === true;
    /** A typed text box's alignment (/Q: 0 left, 1 centred, 2 right), which pdf.js does not hand out; null where the file keeps its look. */
    const alignmentOf = (id: string | undefined): number | null => {
      const ref = /^(\d+)R/.exec(id ?? '');
      const entries = ref ? rawObjects().entries(Number(ref[1])) : null;
      if (!entries || entries.AP !== undefined) return null;
      const q = Number(entries.Q);
      return q === 1 || q === 2 ? q : 0;
    };
    const pages: Array<{ text: PageText; display: number[]; toUser: number[]; annotations: unknown[]; pen: ReturnType<typeof penStrokes>; tooLarge: string | null }> = [];
    let totalChars = 0;
    const pageNotes: Diagnostic[] = [...notes];
    for (let n = 1; n <= pageCount; n++) {
      guard.progress = `page ${n} of ${pageCount}`;
      const page = await guard.run(doc.getPage(n));
      const measured = page.ref ? rawObjects().pageContent(page.ref.num, MAX_PAGE_CONTENT_BYTES) : null;
      const size = measured?.bytes ?? null;
      if (size !== null && size > MAX_PAGE_CONTENT_BYTES) {
        pageNotes.push({ code: 'page-too-large', message: `page ${n}: its content decodes to over ${megabytes(MAX_PAGE_CONTENT_BYTES)}; not read`, provenance: { page: n } });
        continue;
      }
      const tooLarge = size !== null && size > MAX_CONTENT_BYTES_FOR_VECTORS ? `its content decodes to over ${megabytes(MAX_CONTENT_BYTES_FOR_VECTORS)}` : null;
      const content = await guard.run(page.getTextContent());
      const invisible = tooLarge ? null : await guard.run(invisibleOn(page, content.items as TextItem[], measured));
      if (invisible && invisible.unseen.size + invisible.copies.size + invisible.covered.size > 0) {
        // Copies over painted words add nothing, nor does text nobody sees; the rest stays text, and the parts below
        // read no choice from it.
        content.items = content.items.filter((it) => !invisible.copies.has(it as TextItem) && !invisible.covered.has(it as TextItem));
        for (const it of invisible.unseen) it.unseen = true;
        if (invisible.unseen.size > 0)
          pageNotes.push({
            code: 'invisible-text',
            message: `page ${n}: some of its text is printed invisible (render mode 3 or 7): an OCR layer over a scan, or words nobody sees; kept as text, but no box or choice is read from it`,
            provenance: { page: n },
          });
        if (invisible.covered.size > 0)
          pageNotes.push({
            code: 'covered-text',
            message: `page ${n}: some of its text is painted over in white, or printed in white on nothing dark: not read, as nobody sees it`,
            provenance: { page: n },
          });
      }
      const turn = uprightTurn(content.items as TextItem[], (r) => page.getViewport({ scale: 1, rotation: (page.rotate + r) % 360 }).transform as number[]);
      if (turn) pageNotes.push({ code: 'page-turned', message: `page ${n}: its text runs sideways as the page is shown; read turned by ${turn}°`, provenance: { page: n } });
      const viewport = page.getViewport({ scale: 1, rotation: (page.rotate + turn) % 360 });
      const display = viewport.transform as number[];
      const read = tooLarge ? 0 : await guard.run(boxesFromOutlines(page, content.items as TextItem[]));
      if (read > 0)
        pageNotes.push({ code: 'box-glyph-outline', message: `page ${n}: ${read} box glyph${read === 1 ? '' : 's'} printed in a font that maps them to no character, read from their outlines (a frame with a cross or tick inside as ticked, an empty frame as empty)`, provenance: { page: n } });
      let annotations: unknown[] = [];
      if (!page.ref || mayHaveAnnotations(rawObjects(), page.ref.num)) {
        annotations = await guard.run(page.getAnnotations({ intent: 'display' }));
        lastStats.annotationPages++;
      }
      content.items.push(...typedText(annotations, inShownLayer, alignmentOf));
      const text = readPageText(n, content as unknown as Parameters<typeof readPageText>[1], display, viewport.width, viewport.height, dingbats);
      totalChars += text.chars;
      pages.push({ text, display, toUser: inverse(display), annotations, pen: penStrokes(annotations, inShownLayer), tooLarge });
    }
    if (pages.length === 0) throw new ExtractError('too-large', `every page's content decodes to over ${megabytes(MAX_PAGE_CONTENT_BYTES)}; not read`);
    if (totalChars === 0)
      throw new ExtractError('needs-ocr', `image-only: needs OCR (no text layer on any of its ${pageCount} page${pageCount === 1 ? '' : 's'}; it is probably a scan)`);

    /** Why the page's marks cannot be trusted for its hidden layers, or null where it draws nothing in one. */
    const hiddenOnPage = async (n: number, size: string | null, shown: Layers): Promise<string | null> => {
      if (size) return `the document has layers, and this page's content is too large to see whether it draws in a hidden one: ${size}`;
      const ops = await guard.run((await guard.run(doc.getPage(n))).getOperatorList({ annotationMode: pdfjs.AnnotationMode.DISABLE }));
      return drawsHidden(ops.fnArray, ops.argsArray, shown, OPS) ? 'the page draws in a layer hidden when the file opens' : null;
    };
    const bodySize = bodyFontSize(pages.map((p) => p.text));
    markFurniture(pages.map((p) => p.text), bodySize);
    const pitches = linePitches(pages.map((p) => p.text));
    const blocks: Block[] = [];
    const diagnostics: Diagnostic[] = [...pageNotes];
    /** The page's drawing: its shapes, and the boxes, rules, cell and row borders and highlighter fills among them; null where the page is too large to read. */
    const readDrawing = async (p: (typeof pages)[number], n: number): ReturnType<MarkSources['vectorShapes']> => {
      if (p.tooLarge) {
        diagnostics.push({ code: 'vector-skipped', message: `page ${n}: ${p.tooLarge}, too large to look for drawn boxes`, provenance: { page: n } });
        return null;
      }
      const page = await guard.run(doc.getPage(n));
      const ops = await guard.run(page.getOperatorList({ annotationMode: pdfjs.AnnotationMode.DISABLE }));
      lastStats.vectorPages++;
      if (ops.fnArray.length > MAX_OPS) {
        diagnostics.push({ code: 'vector-skipped', message: `page ${n}: ${ops.fnArray.length} drawing operations, too many to look for drawn boxes`, provenance: { page: n } });
        return null;
      }
      // Pen strokes a viewer saved as annotations lie over the page's drawing.
      const drawn = await guard.run(readPictures(collectShapes(ops.fnArray, ops.argsArray, p.display, OPS, MAX_OPS), (name) => pixelsOf(page, name)));
      const shapes = [...drawn, ...penShapes(p.pen, p.display)];
      const boxes = findBoxes(shapes);
      const rules = findRules(shapes);
      return { boxes, rules, borders: findCellBorders(shapes, boxes), rows: rowBorders(shapes, rules, boxes), highlights: highlighterFills(shapes), shapes };
    };
    let headings: BorderedHeadings | null = null;
    for (const p of pages) {
      const n = p.text.page;
      guard.progress = `page ${n} of ${pageCount}`;
      guard.check();
      if (p.text.chars === 0) diagnostics.push({ code: 'page-without-text', message: `page ${n} has no text layer (a scanned page?); its content is not read`, provenance: { page: n } });
      const widgets = readWidgets(p.annotations, p.display, rawObjects, layerShown);
      let drawing: ReturnType<MarkSources['vectorShapes']> | undefined;
      const vectorShapes = () => (drawing ??= readDrawing(p, n));
      const markup = textMarkup(p.annotations, inShownLayer).map((m) => ({
        rect: rectFromPoints([0, 2, 4, 6].map((k) => apply(p.display, m.corners[k]!, m.corners[k + 1]!))),
        how: m.how,
      }));
      const marks = await resolveMarks(p.text, p.toUser, { widgets, vectorShapes, markup, carried: headings });
      if (mayHoldStruckChoice(p.text, marks.consumed)) {
        const rules = (await vectorShapes())?.rules ?? [];
        const strikeOuts = markup.filter((m) => m.how === 'strike-out').map((m) => m.rect);
        for (const w of withdrawStruckChoices(p.text, marks.consumed, rules, strikeOuts))
          diagnostics.push({ code: 'struck-text', message: `page ${n}: "${w.text}" is struck through, withdrawn: left out of the answer`, provenance: provenance(n, p.toUser, w.x0, w.top) });
      }
      headings = marks.headings;
      diagnostics.push(...marks.diagnostics);
      // Rings round options drawn into the page are read where the page's drawing was read for its boxes anyway.
      const drawn = drawing ? await drawing : null;
      // Options a column heading named stand where their box is: its own outline is no ring round them.
      const isBox = (r: Rect) => drawn?.boxes.some((b) => Math.abs(b.rect.x0 - r.x0) <= 1 && Math.abs(b.rect.top - r.top) <= 1 && Math.abs(b.rect.x1 - r.x1) <= 1) ?? false;
      const labels = marks.groups.flatMap((g) => g.options.filter((o) => o.value !== null && !isBox(o.rect)).map((o) => o.rect));
      const rings = (drawn ? ringsRound(drawn.shapes, labels) : []).map((r): DrawnOver => {
        const [from, to] = [apply(p.toUser, r.x0, r.top), apply(p.toUser, r.x1, r.bottom)];
        return { kind: 'ring (flattened into the page)', rect: [from[0], from[1], to[0], to[1]], read: null };
      });
      const overdrawn = markOverdrawn(marks.groups, [...drawnOver(p.annotations, inShownLayer), ...rings], p.display, p.text);
      if (overdrawn.length > 0)
        diagnostics.push({
          code: 'drawn-over',
          message: `page ${n}: a viewer's ${[...new Set(overdrawn)].join(', ')} drawn over the options of ${overdrawn.length} row${overdrawn.length === 1 ? '' : 's'}, read as nothing here: their boxes are not read`,
          provenance: { page: n },
        });
      const unseen = layers ? await hiddenOnPage(n, p.tooLarge, layers) : null;
      if (unseen) {
        diagnostics.push({ code: 'hidden-layer', message: `page ${n}: its boxes are not read (${unseen}), and its text may hold words nobody sees`, provenance: { page: n } });
        for (const g of marks.groups) for (const o of g.options) if (o.value !== null) o.mark = { state: 'unknown', source: o.mark?.source ?? 'vector', detail: unseen };
      }
      // Text fields whose text is also printed on the page (a flattened form) are not read twice.
      const parts = p.text.lines.flatMap((l) => l.parts);
      const fields = marks.fields.filter((f) => !parts.some((part) => inside(part, f.rect, 1)));
      const layout = { text: p.text, toUser: p.toUser, consumed: marks.consumed, groups: marks.groups, fields, pitches };
      let { blocks: read, rowsInDoubt } = pageBlocks({ ...layout, ruled: drawn?.rows }, bodySize);
      // Rows set as close as wrapped lines are told apart by their borders: the drawing is read for them.
      const rows = rowsInDoubt && !drawn ? (await vectorShapes())?.rows : undefined;
      if (rows) read = pageBlocks({ ...layout, ruled: rows }, bodySize).blocks;
      if (unseen) for (const b of read) b.unshown = true;
      blocks.push(...read);
      const page = await guard.run(doc.getPage(n));
      page.cleanup();
    }
    return { format: 'pdf', pages: pageCount, blocks: pairMarksWithLabels(joinAcrossPages(blocks)), diagnostics };
  } catch (error) {
    throw explain(error, options.password);
  } finally {
    guard.dispose();
    await task.destroy().catch(() => {});
  }
}

type TextItem = { str?: string; fontName?: string; transform?: number[]; width?: number; unseen?: boolean };

/**
 * How far to turn a page, clockwise, for its text to run left to right: 0 for
 * nearly every page; 90 or 270 for a landscape table printed on a portrait
 * page without saying so. Only where hardly any of it reads as shown and
 * nearly all of it reads turned: turning drops what was upright, so a page
 * with a sideways table or margin note beside upright text stays as it is.
 */
function uprightTurn(items: TextItem[], displayAt: (turn: number) => number[]): number {
  const upright = (turn: number) => {
    const [a, b, c, d] = displayAt(turn) as [number, number, number, number];
    let chars = 0;
    for (const it of items) {
      if (!it.str || !it.transform) continue;
      const [m0, m1] = it.transform as [number, number];
      // The text's direction on the page as shown, tested as readPageText tests it.
      const x = a * m0 + c * m1;
      const y = b * m0 + d * m1;
      if (x > 0 && Math.abs(y) <= 0.1 * x) chars += it.str.trim().length;
    }
    return chars;
  };
  const total = items.reduce((n, it) => n + (it.str?.trim().length ?? 0), 0);
  const here = upright(0);
  if (here > 0.1 * total) return 0;
  for (const turn of [90, 180, 270]) if (upright(turn) >= 0.8 * total) return turn;
  return 0;
}

/**
 * Text items that are a glyph their font maps to no character, rewritten as
 * ☐ or ☒ where the glyph's outline is an empty or a ticked box. Builds the
 * page's operator list (pdf.js makes the outlines with it) only when there
 * are such items. Returns how many were read.
 */
async function boxesFromOutlines(page: PDFPageProxy, items: TextItem[]): Promise<number> {
  const unmapped = items.filter((it) => typeof it.str === 'string' && UNMAPPED_GLYPH.test(it.str));
  if (unmapped.length === 0) return 0;
  const key = (it: TextItem) => glyphKey(it.fontName ?? '', it.str!.trim());
  const ops = await page.getOperatorList({ annotationMode: pdfjs.AnnotationMode.DISABLE });
  const readGlyph = (font: string, glyph: ShownGlyph): BoxGlyph | null => {
    const loaded = page.commonObjs.has(font) ? (page.commonObjs.get(font) as { charProcOperatorList?: Record<string, { fnArray: number[]; argsArray: unknown[] }> }) : null;
    const drawing = glyph.operatorListId !== undefined ? loaded?.charProcOperatorList?.[glyph.operatorListId] : undefined;
    if (drawing) return readType3BoxGlyph(drawing.fnArray, drawing.argsArray, OPS);
    const id = `${font}_path_${glyph.fontChar}`;
    const path = page.commonObjs.has(id) ? ((page.commonObjs.get(id) as { path?: ArrayLike<number> }).path ?? null) : null;
    return path ? readBoxGlyph(path) : null;
  };
  const boxes = readBoxGlyphs(ops.fnArray, ops.argsArray, OPS, new Set(unmapped.map(key)), readGlyph);
  let read = 0;
  for (const it of unmapped) {
    const box = boxes.get(key(it));
    if (!box) continue;
    it.str = it.str!.replace(/[\u0001-\u001F]/, box === 'empty' ? '\u2610' : '\u2612');
    read++;
  }
  return read;
}

/**
 * Whether a page may have annotations: it has a list of them that is not
 * empty, or a page-tree node above it has (pdf.js inherits it as it does
 * /Resources), or its object cannot be read here for sure. Most pages of a
 * Word export have none, and pdf.js is then not asked for them.
 */
function mayHaveAnnotations(raw: RawObjects, page: number): boolean {
  let node: number | null = page;
  for (let depth = 0; node !== null && depth < 32; depth++) {
    const entries = raw.isSure(node) ? raw.entries(node) : null;
    if (entries === null) return true;
    // The nearest /Annots is the page's, an empty array (as some writers give every page) as much as any.
    if (entries.Annots !== undefined) return !/^\[\s*\]$/.test(entries.Annots);
    const parent = /^(\d+)\s+\d+\s+R$/.exec(entries.Parent ?? '');
    node = parent ? Number(parent[1]) : null;
  }
  return node !== null;
}

/** The most common font size, by characters: the body text. */
function bodyFontSize(pages: PageText[]): number {
  const counts = new Map<number, number>();
  for (const page of pages)
    for (const line of page.lines)
      for (const part of line.parts) {
        const key = Math.round(part.size * 2) / 2;
        counts.set(key, (counts.get(key) ?? 0) + part.text.length);
      }
  let best = 10;
  let most = -1;
  for (const [size, n] of counts)
    if (n > most) {
      best = size;
      most = n;
    }
  return best;
}
