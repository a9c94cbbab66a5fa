/**
 * Small WordprocessingML writer for the DOCX corpus builder: runs, paragraphs,
 * tables, the checkbox encodings Word and its users leave in filled-in forms,
 * and the package (parts, relationships, content types) zipped with fflate.
 * Only what the corpus needs; every string written here is escaped.
 */
import { zipSync, strToU8 } from 'fflate';

export const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const ROOT_NS =
  `xmlns:w="${W_NS}" xmlns:r="${R_NS}" ` +
  'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ' +
  'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" ' +
  'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" ' +
  'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" ' +
  'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ' +
  'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" ' +
  'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" ' +
  'mc:Ignorable="w14"';

export function esc(s: string): string {
  return s.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

export interface RunProps {
  bold?: boolean;
  italic?: boolean;
  strike?: boolean;
  dstrike?: boolean;
  font?: string;
  /** Half-points. */
  size?: number;
  color?: string;
  /** The highlighter's colour, as Word names it ("yellow"). */
  highlight?: string;
  style?: string;
}

export function rPr(p: RunProps = {}): string {
  let x = '';
  if (p.style) x += `<w:rStyle w:val="${esc(p.style)}"/>`;
  if (p.font) x += `<w:rFonts w:ascii="${esc(p.font)}" w:hAnsi="${esc(p.font)}" w:eastAsia="${esc(p.font)}" w:cs="${esc(p.font)}"/>`;
  if (p.bold) x += '<w:b/>';
  if (p.italic) x += '<w:i/>';
  if (p.strike) x += '<w:strike/>';
  if (p.dstrike) x += '<w:dstrike/>';
  if (p.color) x += `<w:color w:val="${p.color}"/>`;
  if (p.highlight) x += `<w:highlight w:val="${p.highlight}"/>`;
  if (p.size) x += `<w:sz w:val="${p.size}"/><w:szCs w:val="${p.size}"/>`;
  return x ? `<w:rPr>${x}</w:rPr>` : '';
}

/** One run of text; tabs become w:tab, spaces are preserved. */
export function run(text: string, props: RunProps = {}): string {
  const parts = text.split('\t');
  const inner = parts.map((t, i) => (i ? '<w:tab/>' : '') + (t ? `<w:t xml:space="preserve">${esc(t)}</w:t>` : '')).join('');
  return `<w:r>${rPr(props)}${inner}</w:r>`;
}

/** Deleted text as Word records it in a tracked change. */
export function deletedRun(text: string, id: number, props: RunProps = {}): string {
  return `<w:del w:id="${id}" w:author="Reviewer" w:date="2023-03-01T10:00:00Z"><w:r>${rPr(props)}<w:delText xml:space="preserve">${esc(text)}</w:delText></w:r></w:del>`;
}

export function insertedRuns(runs: string, id: number): string {
  return `<w:ins w:id="${id}" w:author="Reviewer" w:date="2023-03-01T10:00:00Z">${runs}</w:ins>`;
}

export const PAGE_BREAK = '<w:r><w:br w:type="page"/></w:r>';
export const RENDERED_PAGE_BREAK = '<w:r><w:lastRenderedPageBreak/></w:r>';

export interface ParaProps {
  style?: string;
  jc?: 'left' | 'center' | 'right';
  /** Bullet list item at this level. */
  list?: number;
  keepNext?: boolean;
  pageBreakBefore?: boolean;
  spacingAfter?: number;
  /** The paragraph mark itself is a tracked deletion. */
  deletedMark?: boolean;
}

export function para(content: string, p: ParaProps = {}): string {
  let x = '';
  if (p.style) x += `<w:pStyle w:val="${esc(p.style)}"/>`;
  if (p.keepNext) x += '<w:keepNext/>';
  if (p.pageBreakBefore) x += '<w:pageBreakBefore/>';
  if (p.list !== undefined) x += `<w:numPr><w:ilvl w:val="${p.list}"/><w:numId w:val="1"/></w:numPr>`;
  if (p.spacingAfter !== undefined) x += `<w:spacing w:after="${p.spacingAfter}"/>`;
  if (p.jc) x += `<w:jc w:val="${p.jc}"/>`;
  if (p.deletedMark) x += '<w:rPr><w:del w:id="9000" w:author="Reviewer" w:date="2023-03-01T10:00:00Z"/></w:rPr>';
  return `<w:p>${x ? `<w:pPr>${x}</w:pPr>` : ''}${content}</w:p>`;
}

export interface CellProps {
  width: number;
  span?: number;
  shade?: string;
  vAlign?: 'top' | 'center' | 'bottom';
}

export function cell(paragraphs: string, p: CellProps): string {
  let x = `<w:tcW w:w="${p.width}" w:type="dxa"/>`;
  if (p.span && p.span > 1) x += `<w:gridSpan w:val="${p.span}"/>`;
  if (p.shade) x += `<w:shd w:val="clear" w:color="auto" w:fill="${p.shade}"/>`;
  if (p.vAlign) x += `<w:vAlign w:val="${p.vAlign}"/>`;
  // A cell must end in a paragraph.
  const body = paragraphs.endsWith('</w:p>') ? paragraphs : paragraphs + '<w:p/>';
  return `<w:tc><w:tcPr>${x}</w:tcPr>${body}</w:tc>`;
}

export function row(cells: string[], opts: { cantSplit?: boolean } = {}): string {
  return `<w:tr>${opts.cantSplit ? '<w:trPr><w:cantSplit/></w:trPr>' : ''}${cells.join('')}</w:tr>`;
}

export function table(rows: string[], grid: number[]): string {
  const width = grid.reduce((a, b) => a + b, 0);
  return (
    `<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="${width}" w:type="dxa"/><w:tblLayout w:type="fixed"/>` +
    '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr>' +
    `<w:tblGrid>${grid.map((g) => `<w:gridCol w:w="${g}"/>`).join('')}</w:tblGrid>${rows.join('')}</w:tbl>`
  );
}

/* ---------------------------------------------------------------- boxes -- */

let bookmarkId = 100;
let sdtId = 1000;

/** Restarts the bookmark and content-control ids, so that a spec always renders to the same bytes. */
export function resetIds(): void {
  bookmarkId = 100;
  sdtId = 1000;
}

/**
 * A legacy FORMCHECKBOX field as the official template has them. With
 * `viaDefault` the state is carried by w:default alone (no w:checked), which
 * is what Word writes when the field's default was changed instead.
 */
export function formCheckbox(checked: boolean, opts: { name: string; viaDefault?: boolean; separate?: boolean }): string {
  const state = opts.viaDefault ? `<w:default w:val="${checked ? 1 : 0}"/>` : `<w:default w:val="0"/>${checked ? '<w:checked/>' : ''}`;
  const id = bookmarkId++;
  return (
    `<w:bookmarkStart w:id="${id}" w:name="${esc(opts.name)}"/>` +
    `<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="${esc(opts.name)}"/><w:enabled/><w:calcOnExit w:val="0"/>` +
    `<w:checkBox><w:sizeAuto/>${state}</w:checkBox></w:ffData></w:fldChar></w:r>` +
    '<w:r><w:instrText xml:space="preserve"> FORMCHECKBOX </w:instrText></w:r>' +
    (opts.separate ? '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' : '') +
    '<w:r><w:fldChar w:fldCharType="end"/></w:r>' +
    `<w:bookmarkEnd w:id="${id}"/>`
  );
}

/** A Word 2010+ checkbox content control (w14:checkbox), shown as ☒ / ☐ in MS Gothic. */
export function contentControlCheckbox(checked: boolean): string {
  const id = sdtId++;
  return (
    `<w:sdt><w:sdtPr><w:rPr><w:rFonts w:ascii="MS Gothic" w:eastAsia="MS Gothic" w:hAnsi="MS Gothic"/></w:rPr><w:id w:val="${id}"/>` +
    `<w14:checkbox><w14:checked w14:val="${checked ? 1 : 0}"/><w14:checkedState w14:val="2612" w14:font="MS Gothic"/>` +
    '<w14:uncheckedState w14:val="2610" w14:font="MS Gothic"/></w14:checkbox></w:sdtPr>' +
    `<w:sdtContent>${run(checked ? '☒' : '☐', { font: 'MS Gothic' })}</w:sdtContent></w:sdt>`
  );
}

export type SymbolFont = 'Wingdings' | 'Wingdings 2' | 'Segoe UI Symbol';

const SYMBOL_CODES: Record<SymbolFont, { checked: string; unchecked: string }> = {
  Wingdings: { checked: 'F0FE', unchecked: 'F0A8' },
  'Wingdings 2': { checked: 'F054', unchecked: 'F0A3' },
  'Segoe UI Symbol': { checked: '2612', unchecked: '2610' },
};

/** A box inserted with Insert > Symbol: a w:sym element naming the font and code point. */
export function symbolBox(checked: boolean, font: SymbolFont): string {
  const code = SYMBOL_CODES[font][checked ? 'checked' : 'unchecked'];
  return `<w:r><w:rPr><w:sz w:val="24"/></w:rPr><w:sym w:font="${esc(font)}" w:char="${code}"/></w:r>`;
}

/** A box or tick character typed into the text. */
export function glyphBox(checked: boolean, chars: { checked: string; unchecked: string } = { checked: '☒', unchecked: '☐' }): string {
  return run(checked ? chars.checked : chars.unchecked, { font: 'MS Gothic' });
}

/* -------------------------------------------------------------- package -- */

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external?: boolean;
}

export const REL = {
  styles: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles',
  numbering: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering',
  settings: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings',
  comments: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments',
  header: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/header',
  footer: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer',
  hyperlink: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink',
  aFChunk: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk',
};

export interface Package {
  body: string;
  /** Extra relationships of the main document (hyperlinks, header, footer, comments). */
  relationships: Relationship[];
  /** Extra parts under word/, by file name, with their content type. */
  parts: Array<{ name: string; contentType: string; xml: string }>;
  /** Section properties (page size, header/footer references). */
  sectPr: string;
}

export function xmlPart(rootTag: string, inner: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${rootTag} ${ROOT_NS}>${inner}</${rootTag.split(' ')[0]}>`;
}

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="${W_NS}"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:eastAsia="Arial" w:cs="Arial"/><w:sz w:val="20"/><w:szCs w:val="20"/><w:lang w:val="en-GB"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="80" w:line="259" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="240"/></w:pPr><w:rPr><w:b/><w:color w:val="1F3864"/><w:sz w:val="40"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="120"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:color w:val="1F3864"/><w:sz w:val="32"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="120" w:after="60"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:color w:val="1F3864"/><w:sz w:val="24"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:ind w:left="720"/><w:contextualSpacing/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/><w:pPr><w:tabs><w:tab w:val="center" w:pos="4513"/><w:tab w:val="right" w:pos="9026"/></w:tabs><w:spacing w:after="0"/></w:pPr><w:rPr><w:sz w:val="16"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/><w:pPr><w:tabs><w:tab w:val="center" w:pos="4513"/><w:tab w:val="right" w:pos="9026"/></w:tabs><w:spacing w:after="0"/></w:pPr><w:rPr><w:sz w:val="16"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="CommentText"><w:name w:val="annotation text"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>
<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/><w:rPr><w:color w:val="0563C1"/><w:u w:val="single"/></w:rPr></w:style>
<w:style w:type="character" w:styleId="CommentReference"><w:name w:val="annotation reference"/><w:rPr><w:sz w:val="16"/></w:rPr></w:style>
<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>
<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/><w:pPr><w:spacing w:before="40" w:after="40"/></w:pPr><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:left w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:right w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="auto"/></w:tblBorders></w:tblPr></w:style>
</w:styles>`;

const NUMBERING = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="${W_NS}"><w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="hybridMultilevel"/>
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="\u2022"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial"/></w:rPr></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="o"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="1440" w:hanging="360"/></w:pPr><w:rPr><w:rFonts w:ascii="Courier New" w:hAnsi="Courier New"/></w:rPr></w:lvl>
</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`;

const SETTINGS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:settings xmlns:w="${W_NS}"><w:zoom w:percent="100"/><w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>`;

const CORE = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>Surveillance Camera Code of Practice self assessment</dc:title><dc:creator>scc-extract corpus</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">2023-03-14T09:00:00Z</dcterms:created></cp:coreProperties>`;

function relsXml(rels: Relationship[]): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    rels.map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${esc(r.target)}"${r.external ? ' TargetMode="External"' : ''}/>`).join('') +
    '</Relationships>'
  );
}

const MAIN_CT = 'application/vnd.openxmlformats-officedocument.wordprocessingml';

/** Zips a document into a .docx (deterministic: fixed timestamps). */
export function packageDocx(pkg: Package): Uint8Array {
  const document = xmlPart('w:document', `<w:body>${pkg.body}${pkg.sectPr}</w:body>`);
  const rels: Relationship[] = [
    { id: 'rIdStyles', type: REL.styles, target: 'styles.xml' },
    { id: 'rIdNumbering', type: REL.numbering, target: 'numbering.xml' },
    { id: 'rIdSettings', type: REL.settings, target: 'settings.xml' },
    ...pkg.relationships,
  ];
  const overrides = [
    ['/word/document.xml', `${MAIN_CT}.document.main+xml`],
    ['/word/styles.xml', `${MAIN_CT}.styles+xml`],
    ['/word/numbering.xml', `${MAIN_CT}.numbering+xml`],
    ['/word/settings.xml', `${MAIN_CT}.settings+xml`],
    ['/docProps/core.xml', 'application/vnd.openxmlformats-package.core-properties+xml'],
    ...pkg.parts.map((p) => [`/word/${p.name}`, p.contentType]),
  ];
  const contentTypes =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
    overrides.map(([name, type]) => `<Override PartName="${name}" ContentType="${type}"/>`).join('') +
    '</Types>';
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(contentTypes),
    '_rels/.rels': strToU8(
      relsXml([
        { id: 'rId1', type: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument', target: 'word/document.xml' },
        { id: 'rId2', type: 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties', target: 'docProps/core.xml' },
      ]),
    ),
    'docProps/core.xml': strToU8(CORE),
    'word/document.xml': strToU8(document),
    'word/_rels/document.xml.rels': strToU8(relsXml(rels)),
    'word/styles.xml': strToU8(STYLES),
    'word/numbering.xml': strToU8(NUMBERING),
    'word/settings.xml': strToU8(SETTINGS),
  };
  for (const p of pkg.parts) files[`word/${p.name}`] = strToU8(p.xml);
  return zipSync(files, { level: 9, mtime: new Date('2023-03-14T09:00:00Z') });
}

export const HEADER_CT = `${MAIN_CT}.header+xml`;
export const FOOTER_CT = `${MAIN_CT}.footer+xml`;
export const COMMENTS_CT = `${MAIN_CT}.comments+xml`;
