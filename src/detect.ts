/** Which parser reads a file: decided from its bytes, the extension only breaking ties between text kinds. */
import type { Format } from './document.js';
import { ExtractError } from './errors.js';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, sig: readonly number[], at = 0): boolean {
  return sig.every((b, i) => bytes[at + i] === b);
}

export function detectFormat(bytes: Uint8Array, name: string): Format {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (head.includes('%PDF-')) return 'pdf';
  // Password-protected .docx files are OLE containers; the DOCX parser tells them from legacy .doc.
  if (startsWith(bytes, ZIP) || startsWith(bytes, OLE)) return 'docx';
  if (/^\s*{\\rtf/.test(head)) throw new ExtractError('unsupported-format', 'an RTF document; save it as .docx or PDF');
  if (looksLikeHtml(bytes, name)) throw new ExtractError('unsupported-format', 'an HTML page, not a supported format: save it as PDF, DOCX or text');
  // Anything else named .pdf is told what is wrong with it as a PDF.
  if (/\.pdf$/i.test(name)) return 'pdf';
  if (MARKDOWN_NAME.test(name)) return 'markdown';
  if (looksLikeMarkdown(bytes)) return 'markdown';
  return 'text';
}

const MARKDOWN_NAME = /\.(md|markdown)$/i;

/** An opening tag of a page (after any XML declaration, comments and white space), in any case. */
const HTML_PAGE = /^(?:\s|<\?xml[^>]*>|<!--[\s\S]*?-->)*<(?:!doctype\s+html|html|head|body)[\s>/]/i;
const HTML_TABLE = /^(?:\s|<!--[\s\S]*?-->)*<table[\s>/]/i;

/**
 * A web page read as text would give answers full of markup. A table at the
 * start is a page's fragment too, except in Markdown, which may open with an
 * HTML block and carry on in Markdown.
 */
function looksLikeHtml(bytes: Uint8Array, name: string): boolean {
  const head = decodeHead(bytes.subarray(0, 4096));
  if (HTML_PAGE.test(head)) return true;
  if (MARKDOWN_NAME.test(name) || looksLikeMarkdown(bytes)) return false;
  // A page that opens some other way (a <meta>, a <p>, a line of text) still closes tag after tag.
  return HTML_TABLE.test(head) || (head.match(CLOSING_TAG)?.length ?? 0) >= MARKUP_TAGS;
}

const CLOSING_TAG = /<\/(?:html|head|body|title|table|tr|td|th|div|p|span|font|b|i|li|ul|ol|h[1-6])>/gi;
/** Closing tags in a file's first 4 KB that make it markup: plain text has none. */
const MARKUP_TAGS = 8;

/** The start of a text file in its own encoding, without its byte order mark. */
function decodeHead(bytes: Uint8Array): string {
  const encoding = startsWith(bytes, [0xff, 0xfe]) ? 'utf-16le' : startsWith(bytes, [0xfe, 0xff]) ? 'utf-16be' : 'utf-8';
  return new TextDecoder(encoding).decode(bytes);
}

/** Converters that write Markdown often name it .txt: ATX headings or bold labels give it away. */
function looksLikeMarkdown(bytes: Uint8Array): boolean {
  const text = new TextDecoder('utf-8').decode(bytes.subarray(0, 200_000));
  const headings = text.match(/^#{1,6} \S/gm)?.length ?? 0;
  const bold = text.match(/^\*\*[^*\n]+\*\*\s*$/gm)?.length ?? 0;
  return headings + bold >= 3;
}

export const SUPPORTED_EXTENSIONS = ['.pdf', '.docx', '.txt', '.text', '.md', '.markdown'];
/**
 * Document formats this tool cannot read that a folder of assessments may
 * hold: walked all the same, so each fails saying what to save it as, rather
 * than being passed over without a word.
 */
export const REFUSED_EXTENSIONS = ['.doc', '.odt', '.rtf'];
