/**
 * Typed access to the parts of mammoth this parser uses: its XML node class,
 * its body reader (WordprocessingML → document model, including legacy form
 * field and w14 content-control checkboxes), and its styles, numbering and
 * relationships readers. These are mammoth's internal modules (lib/…): the
 * public API only converts to HTML or raw text, both of which drop checkbox
 * state and cost a second pass. Pinned by package.json to mammoth 1.13.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export interface XmlText {
  type: 'text';
  value: string;
}

export interface XmlElement {
  type: 'element';
  name: string;
  attributes: Record<string, string>;
  children: XmlNode[];
  first(name: string): XmlElement | undefined;
  firstOrEmpty(name: string): XmlElement;
}

export type XmlNode = XmlElement | XmlText;

const nodes = require('mammoth/lib/xml/nodes.js') as {
  Element: new (name: string, attributes?: Record<string, string>, children?: XmlNode[]) => XmlElement;
};

export const XmlElementClass = nodes.Element;

export function element(name: string, attributes: Record<string, string> = {}, children: XmlNode[] = []): XmlElement {
  return new nodes.Element(name, attributes, children);
}

/* ------------------------------------------------------ document model -- */

export interface MText {
  type: 'text';
  value: string;
}
export interface MTab {
  type: 'tab';
}
export interface MCheckbox {
  type: 'checkbox';
  checked: boolean;
}
export interface MBreak {
  type: 'break';
  breakType: 'line' | 'page' | 'column';
}
export interface MRun {
  type: 'run';
  children: MNode[];
  isStrikethrough: boolean;
  font: string | null;
  /** w:highlight's colour ("yellow"), or null. */
  highlight: string | null;
}
export interface MHyperlink {
  type: 'hyperlink';
  children: MNode[];
  href?: string;
}
export interface MParagraph {
  type: 'paragraph';
  children: MNode[];
  styleId: string | null;
  styleName: string | null;
  numbering: { isOrdered: boolean; level: string } | null;
}
export interface MTableCell {
  type: 'tableCell';
  children: MNode[];
  colSpan: number;
}
export interface MTableRow {
  type: 'tableRow';
  children: MNode[];
}
export interface MTable {
  type: 'table';
  children: MNode[];
}
export interface MOther {
  type: 'noteReference' | 'commentReference' | 'image' | 'bookmarkStart' | 'note' | 'comment' | 'document';
}

export type MNode = MText | MTab | MCheckbox | MBreak | MRun | MHyperlink | MParagraph | MTableCell | MTableRow | MTable | MOther;

/* ------------------------------------------------------------- readers -- */

export interface Relationships {
  findTargetByRelationshipId(id: string): string | undefined;
  findTargetsByType(type: string): string[];
}
export interface Styles {
  readonly __styles: unique symbol;
}
export interface Numbering {
  readonly __numbering: unique symbol;
}

interface ReadResult {
  value: MNode[];
  messages: Array<{ type: string; message: string }>;
}

const bodyReaderModule = require('mammoth/lib/docx/body-reader.js') as {
  createBodyReader(options: unknown): { readXmlElements(elements: XmlNode[]): ReadResult };
};
const stylesReader = require('mammoth/lib/docx/styles-reader.js') as {
  readStylesXml(root: XmlElement): Styles;
  defaultStyles: Styles;
};
const numberingReader = require('mammoth/lib/docx/numbering-xml.js') as {
  readNumberingXml(root: XmlElement, options: { styles: Styles }): Numbering;
  defaultNumbering: Numbering;
};
const relationshipsReader = require('mammoth/lib/docx/relationships-reader.js') as {
  readRelationships(root: XmlElement): Relationships;
  defaultValue: Relationships;
};

export function readStyles(root: XmlElement | null): Styles {
  return root ? stylesReader.readStylesXml(root) : stylesReader.defaultStyles;
}

export function readNumbering(root: XmlElement | null, styles: Styles): Numbering {
  return root ? numberingReader.readNumberingXml(root, { styles }) : numberingReader.defaultNumbering;
}

/**
 * The part's relationships. An id with no relationship gives an empty target: a picture whose relationship is
 * gone (a logo a redaction tool stripped) would otherwise stop mammoth's reader, and pictures are never read.
 */
export function readRelationships(root: XmlElement | null): Relationships {
  const read = root ? relationshipsReader.readRelationships(root) : relationshipsReader.defaultValue;
  return {
    findTargetByRelationshipId: (id) => read.findTargetByRelationshipId(id) ?? '',
    findTargetsByType: (type) => read.findTargetsByType(type),
  };
}

/** Unused by this parser (images are never read) but required by mammoth's body reader. */
const NO_FILES = {
  exists: () => false,
  read: () => Promise.reject(new Error('images are not read')),
};

/** Runs mammoth's body reader over the children of w:body (or w:hdr / w:ftr). */
export function readBody(
  children: XmlNode[],
  context: { relationships: Relationships; styles: Styles; numbering: Numbering },
): ReadResult {
  const reader = bodyReaderModule.createBodyReader({
    relationships: context.relationships,
    contentTypes: { findContentType: () => 'application/octet-stream' },
    docxFile: NO_FILES,
    files: NO_FILES,
    numbering: context.numbering,
    styles: context.styles,
  });
  return reader.readXmlElements(children);
}
