import { describe, expect, it } from 'vitest';
import { detectFormat } from '../src/detect.js';
import { ExtractError } from '../src/errors.js';

const utf8 = (s: string) => new TextEncoder().encode(s);
const utf16le = (s: string) => new Uint8Array(Buffer.from(`\ufeff${s}`, 'utf16le'));

/** The code and message a file is refused with, or its format. */
function detect(bytes: Uint8Array, name: string): string {
  try {
    return detectFormat(bytes, name);
  } catch (error) {
    if (!(error instanceof ExtractError)) throw error;
    return `${error.code}: ${error.message}`;
  }
}

const REFUSED = 'unsupported-format: an HTML page, not a supported format: save it as PDF, DOCX or text';
const ASSESSMENT = '## Principle 1\n\n## Principle 2\n\n## Principle 3\n\n1. Has your organisation paid a registration fee?\n\n☒ Yes ☐ No\n';

describe('format detection', () => {
  it('sends a file named .pdf to the PDF parser, whatever stands before its header', () => {
    expect(detect(new Uint8Array([...new Uint8Array(2000), ...utf8('%PDF-1.7\n')]), 'wrapped.pdf')).toBe('pdf');
    expect(detect(new Uint8Array([...new Uint8Array(2000), ...utf8('%PDF-1.7\n')]), 'wrapped.txt')).toBe('text');
  });

  it('refuses an HTML page whatever it is named', () => {
    const exported = '<!DOCTYPE html>\n<html>\n<head>\n\t<meta name="generator" content="LibreOffice"/>\n</head>\n<body><p>Yes ☒</p></body>\n</html>\n';
    for (const name of ['export.html', 'export.txt', 'export.pdf', 'export.md']) expect(detect(utf8(exported), name)).toBe(REFUSED);
    expect(detect(utf8(`\ufeff \r\n\t<HTML lang="en"><BODY>Yes</BODY></HTML>`), 'a.txt')).toBe(REFUSED);
    expect(detect(utf8('<?xml version="1.0"?>\n<!-- saved by Word -->\n<html xmlns="http://www.w3.org/1999/xhtml">'), 'a.txt')).toBe(REFUSED);
    expect(detect(utf8('\n<head><title>x</title></head>'), 'a.txt')).toBe(REFUSED);
    expect(detect(utf8('<body>\nYes ☒ No ☐\n</body>'), 'a.txt')).toBe(REFUSED);
    expect(detect(utf16le('<!doctype html><html><body>Yes</body></html>'), 'a.txt')).toBe(REFUSED);
    // Pages that open some other way: a <meta>, a line of text, a fragment of paragraphs.
    const rows = '<p>1. Has your organisation paid a registration fee?</p>\n<p><font face="MS Gothic">☒</font> Yes <font face="MS Gothic">☐</font> No</p>\n'.repeat(3);
    for (const start of ['<meta charset="utf-8">\n', 'Saved from the council website\n', '<?php /* cms */ ?>\n', '']) expect(detect(utf8(`${start}${rows}`), 'a.txt')).toBe(REFUSED);
  });

  it('refuses a fragment that opens with a table, but not Markdown that does', () => {
    const fragment = '<table border="1">\n<tr><td>Yes &#9746;</td><td>No &#9744;</td></tr>\n</table>\n';
    expect(detect(utf8(fragment), 'fragment.txt')).toBe(REFUSED);
    expect(detect(utf8(fragment), 'fragment.md')).toBe('markdown');
    expect(detect(utf8(`${fragment}\n${ASSESSMENT}`), 'assessment.txt')).toBe('markdown');
  });

  it('reads Markdown and text with HTML inside them as Markdown and text', () => {
    const inline = `<div style="display:none"><script>alert(1)</script></div>\n<table><tr><td>Yes &#9746;</td></tr></table>\n\n<!-- comment -->\n\n${ASSESSMENT}`;
    expect(detect(utf8(inline), 'with-html.md')).toBe('markdown');
    expect(detect(utf8(inline), 'with-html.txt')).toBe('markdown');
    expect(detect(utf8(`Notes\n<html> pages are not read\n<table> neither\n`), 'notes.txt')).toBe('text');
    expect(detect(utf8('<htmlish>\n'), 'notes.txt')).toBe('text');
  });
});
