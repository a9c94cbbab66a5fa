/**
 * DOCX parser. One pass: the zip is read with a decompression budget, each
 * needed part is parsed once (xml.ts), prepared (prepare.ts: sentinels for
 * what mammoth drops), read into mammoth's document model by its body reader
 * (paragraphs, runs, tables, lists, hyperlinks, tracked changes, and the
 * checked state of legacy form-field and content-control checkboxes), and
 * walked into blocks (blocks.ts). Comments are never read; headers and
 * footers come out as furniture; text boxes are read where they are anchored.
 */
import { DEFAULT_LIMITS, type Diagnostic, type Limits, type NormalisedDocument, type ParseOptions } from '../../src/document.js';
import { ExtractError, isStackOverflow } from '../../src/errors.js';
import { BlockBuilder } from './blocks.js';
import { readBody, readNumbering, readRelationships, readStyles, type Relationships, type XmlElement } from './mammoth.js';
import { boxBullets, hiddenStyles, Preparer, styleFonts } from './prepare.js';
import { XmlError, parseXml } from './xml.js';
import { readDirectory, readEntry, type Budget, type ZipEntry } from './zip.js';

const OFFICE_DOCUMENT = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument';
const OFFICE_DOCUMENT_STRICT = 'http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument';
const REL_BASE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';
const REL_BASE_STRICT = 'http://purl.oclc.org/ooxml/officeDocument/relationships/';

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function utf16le(s: string): Buffer {
  return Buffer.from(s, 'utf16le');
}

/** What an OLE compound file (D0 CF 11 E0) is: an encrypted OOXML package or a Word 97-2003 document. */
function oleError(bytes: Uint8Array): ExtractError {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.indexOf(utf16le('EncryptionInfo')) !== -1 || buf.indexOf(utf16le('EncryptedPackage')) !== -1) {
    return new ExtractError(
      'encrypted',
      `the document is password-protected: an encrypted OLE compound file, not a zip (encrypted or legacy .doc files cannot be read); remove the password and save as .docx`,
    );
  }
  if (buf.indexOf(utf16le('WordDocument')) !== -1) {
    return new ExtractError('unsupported-format', `a legacy Word 97-2003 .doc (OLE compound file), not a .docx (encrypted or legacy .doc files cannot be read); save it as .docx`);
  }
  return new ExtractError('encrypted', `an OLE compound file (D0 CF 11 E0), not a zip: an encrypted or legacy .doc, which cannot be read as .docx`);
}

function resolvePart(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = (base ? base.split('/') : []).concat(target.split('/'));
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p && p !== '.') out.push(p);
  }
  return out.join('/');
}

class Package {
  readonly budget: Budget;
  private readonly entries: Map<string, ZipEntry>;

  constructor(
    private readonly bytes: Uint8Array,
    limits: Limits,
  ) {
    this.entries = readDirectory(bytes);
    this.budget = { remaining: limits.maxDecompressedBytes, limit: limits.maxDecompressedBytes };
  }

  has(path: string): boolean {
    return this.entries.has(path.toLowerCase());
  }

  text(path: string): string | null {
    const entry = this.entries.get(path.toLowerCase());
    if (!entry) return null;
    const data = readEntry(this.bytes, entry, this.budget);
    if (data[0] === 0xff && data[1] === 0xfe) return new TextDecoder('utf-16le').decode(data.subarray(2));
    if (data[0] === 0xfe && data[1] === 0xff) return new TextDecoder('utf-16be').decode(data.subarray(2));
    return new TextDecoder('utf-8').decode(data);
  }

  xml(path: string): XmlElement | null {
    const text = this.text(path);
    if (text === null) return null;
    try {
      return parseXml(text);
    } catch (error) {
      if (error instanceof XmlError) throw new ExtractError('corrupt', `${path} is not well-formed XML: ${error.message}`);
      throw error;
    }
  }

  relationships(part: string): Relationships {
    const slash = part.lastIndexOf('/');
    return readRelationships(this.xml(`${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`));
  }
}

function related(rels: Relationships, base: string, type: string): string[] {
  return [...rels.findTargetsByType(REL_BASE + type), ...rels.findTargetsByType(REL_BASE_STRICT + type)].map((t) => resolvePart(base, t));
}

const OPEN_DOCUMENT: Record<string, string> = { text: 'an OpenDocument text (.odt)', spreadsheet: 'an OpenDocument spreadsheet (.ods)', presentation: 'an OpenDocument presentation (.odp)' };

/** What another office suite's zip package is, by its mimetype entry or its main part; null for anything else. */
function otherOfficeFile(pkg: Package, mainPath: string): string | null {
  const kind = /^application\/vnd\.oasis\.opendocument\.(\w+)/.exec(pkg.has('mimetype') ? (pkg.text('mimetype') ?? '') : '')?.[1];
  if (kind) return OPEN_DOCUMENT[kind] ?? `an OpenDocument file (${kind})`;
  if (mainPath.startsWith('xl/')) return 'an Excel workbook';
  if (mainPath.startsWith('ppt/')) return 'a PowerPoint presentation';
  return null;
}

/**
 * The steps after the XML parser walk the element tree recursively, so
 * elements nested thousands deep (content controls in content controls,
 * tables in tables) run out of stack: the file is then refused, as it would
 * be the same on every run.
 */
export async function parse(bytes: Uint8Array, options: ParseOptions = {}): Promise<NormalisedDocument> {
  try {
    return await parsePackage(bytes, options);
  } catch (error) {
    if (isStackOverflow(error)) throw new ExtractError('corrupt', `nesting too deep: its XML nests elements inside each other more deeply than can be read`);
    throw error;
  }
}

async function parsePackage(bytes: Uint8Array, options: ParseOptions): Promise<NormalisedDocument> {
  const limits: Limits = { ...DEFAULT_LIMITS, ...options.limits };
  const started = Date.now();
  const check = () => {
    if (options.signal?.aborted) throw new ExtractError('timeout', `stopped: the document's time ran out`);
    if (Date.now() - started > limits.timeoutMs) throw new ExtractError('timeout', `took longer than ${limits.timeoutMs} ms`);
  };
  check();
  if (bytes.length > limits.maxInputBytes) {
    throw new ExtractError('too-large', `${bytes.length} bytes is more than the ${limits.maxInputBytes} byte input limit`);
  }
  if (OLE_MAGIC.every((b, i) => bytes[i] === b)) throw oleError(bytes);
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    throw new ExtractError('corrupt', `not a .docx: the file is not a zip archive (it does not start with "PK")`);
  }

  const pkg = new Package(bytes, limits);
  const rootRels = readRelationships(pkg.xml('_rels/.rels'));
  const mainPath =
    [...rootRels.findTargetsByType(OFFICE_DOCUMENT), ...rootRels.findTargetsByType(OFFICE_DOCUMENT_STRICT)].map((t) => resolvePart('', t)).find((p) => pkg.has(p)) ??
    'word/document.xml';
  const other = otherOfficeFile(pkg, mainPath);
  if (other) throw new ExtractError('unsupported-format', `${other}, not a Word document; save it as .docx or PDF`);
  if (!pkg.has(mainPath)) {
    throw new ExtractError('corrupt', `a zip, but not a Word document: it has no ${mainPath} (main document part)`);
  }
  const base = mainPath.slice(0, mainPath.lastIndexOf('/'));
  const documentRels = pkg.relationships(mainPath);
  const partOf = (type: string, fallback: string) => related(documentRels, base, type).find((p) => pkg.has(p)) ?? fallback;

  const root = pkg.xml(mainPath)!;
  check();
  const body = root.first('w:body');
  if (!body) throw new ExtractError('corrupt', `${mainPath} has no w:body: not a WordprocessingML document`);

  let styles, numbering, bullets, hidden, fonts;
  try {
    const stylesXml = pkg.xml(partOf('styles', `${base}/styles.xml`));
    styles = readStyles(stylesXml);
    hidden = hiddenStyles(stylesXml);
    fonts = styleFonts(stylesXml);
    const numberingXml = pkg.xml(partOf('numbering', `${base}/numbering.xml`));
    numbering = readNumbering(numberingXml, styles);
    bullets = boxBullets(numberingXml);
  } catch (error) {
    if (error instanceof ExtractError || isStackOverflow(error)) throw error;
    throw new ExtractError('corrupt', `unreadable styles or numbering: ${error instanceof Error ? error.message : String(error)}`);
  }

  // Headers and footers: read as furniture, each distinct text once.
  const preparer = new Preparer(bullets, hidden, fonts);
  const furniture: Array<{ path: string; root: XmlElement; rels: Relationships }> = [];
  for (const type of ['header', 'footer']) {
    for (const path of related(documentRels, base, type)) {
      if (!pkg.has(path) || furniture.some((f) => f.path === path)) continue;
      const partRoot = pkg.xml(path);
      if (!partRoot) continue;
      preparer.prepare(partRoot);
      furniture.push({ path, root: partRoot, rels: pkg.relationships(path) });
    }
  }
  preparer.prepare(body);
  check();

  const diagnostics: Diagnostic[] = [];
  const builder = new BlockBuilder({ side: preparer.result.side, pages: preparer.result.pageMarkers > 0, check });
  const read = (children: XmlElement['children'], relationships: Relationships) => {
    try {
      return readBody(children, { relationships, styles, numbering }).value;
    } catch (error) {
      if (isStackOverflow(error)) throw error;
      throw new ExtractError('corrupt', `unreadable document body: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  for (const f of furniture.filter((f) => /header/i.test(f.path))) builder.furnitureNodes(read(f.root.children, f.rels));
  builder.bodyNodes(read(body.children, documentRels));
  for (const f of furniture.filter((f) => !/header/i.test(f.path))) builder.furnitureNodes(read(f.root.children, f.rels));
  check();

  if (preparer.result.altChunks > 0) {
    diagnostics.push({
      code: 'docx-alt-chunk',
      message: `${preparer.result.altChunks} part(s) of the document are kept in another format (w:altChunk: HTML, RTF or another document), which Word converts when it opens the file; they are not read`,
    });
  }
  if (preparer.result.trackedChanges > 0) {
    diagnostics.push({
      code: 'docx-tracked-changes',
      message: `${preparer.result.trackedChanges} tracked change(s) read as accepted: insertions kept, deletions dropped`,
    });
  }
  if (related(documentRels, base, 'comments').some((p) => pkg.has(p))) {
    diagnostics.push({ code: 'docx-comments-ignored', message: 'the document has review comments; they are not read as answer text' });
  }
  diagnostics.push(...builder.diagnostics);

  const blocks = dedupeFurniture(builder.finish());
  const doc: NormalisedDocument = { format: 'docx', blocks, diagnostics };
  if (preparer.result.pageMarkers > 0) doc.pages = builder.page;
  return doc;
}

/** First/even/default headers often repeat the same text: keep each furniture text once. */
function dedupeFurniture(blocks: NormalisedDocument['blocks']): NormalisedDocument['blocks'] {
  const seen = new Set<string>();
  return blocks.filter((b) => {
    if (!b.furniture) return true;
    if (seen.has(b.text)) return false;
    seen.add(b.text);
    return true;
  });
}
