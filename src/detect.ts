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
  if (/\.(md|markdown)$/i.test(name)) return 'markdown';
  if (looksLikeMarkdown(bytes)) return 'markdown';
  return 'text';
}

/** Converters that write Markdown often name it .txt: ATX headings or bold labels give it away. */
function looksLikeMarkdown(bytes: Uint8Array): boolean {
  const text = new TextDecoder('utf-8').decode(bytes.subarray(0, 200_000));
  const headings = text.match(/^#{1,6} \S/gm)?.length ?? 0;
  const bold = text.match(/^\*\*[^*\n]+\*\*\s*$/gm)?.length ?? 0;
  return headings + bold >= 3;
}

export const SUPPORTED_EXTENSIONS = ['.pdf', '.docx', '.txt', '.text', '.md', '.markdown'];
