/**
 * Markdown, as document converters write it: ATX headings, bold labels,
 * numbered questions as ordered lists, "Label<TAB>value" lines.
 */
import type { Heading, List, ListItem, Nodes, Paragraph, PhrasingContent, Root, Table } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { decodeNamedCharacterReference } from 'decode-named-character-reference';
import { unified } from 'unified';
import type { Block, BlockKind, NormalisedDocument, ParseOptions, Provenance } from '../../src/document.js';
import { DEFAULT_LIMITS } from '../../src/document.js';
import { ExtractError } from '../../src/errors.js';
import { labelThenWords, lineBlocks, optionValue, pairMarksWithLabels } from '../../src/options.js';
import { tableBlocks, type TableCell } from '../../src/table-cells.js';
import { decodeText } from '../text/decode.js';
import { pandocTables, type GridTable } from './pandoc-tables.js';

/** GFM for its tables (title blocks are often one) and task lists ("- [x] Yes"). */
const processor = unified().use(remarkParse).use(remarkGfm);

export async function parse(bytes: Uint8Array, options: ParseOptions = {}): Promise<NormalisedDocument> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  if (bytes.byteLength > limits.maxInputBytes) {
    throw new ExtractError('too-large', `Markdown file of ${bytes.byteLength} bytes exceeds the ${limits.maxInputBytes}-byte limit`);
  }
  const source = decodeText(bytes);
  const grids = pandocTables(source);
  const tree = processor.parse(grids.masked) as Root;
  const blocks: Block[] = [];
  const lineStarts = lineOffsets(source);
  /** A whole line of the source, by its number, as provenance. */
  const wholeLine = (lineNo: number): Provenance => ({ line: lineNo, start: lineStarts[lineNo - 1] ?? 0, end: (lineStarts[lineNo] ?? source.length + 1) - 1 });
  const emit = (text: string, startLine: number, kind: Exclude<BlockKind, 'option' | 'tableCell'>, level?: number) => {
    text.split('\n').forEach((line, i) => {
      for (const b of lineBlocks(line, wholeLine(startLine + i), kind)) {
        if (level !== undefined && b.kind === 'heading') b.level = level;
        blocks.push(b);
      }
    });
  };
  const visit = (node: Nodes, listPrefix?: string): void => {
    switch (node.type) {
      case 'heading':
        emit(inlineText((node as Heading).children), line(node), 'heading', (node as Heading).depth);
        return;
      case 'paragraph': {
        const text = inlineText((node as Paragraph).children);
        emit(listPrefix ? listPrefix + text : text, line(node), listPrefix !== undefined ? 'listItem' : 'paragraph');
        return;
      }
      case 'list': {
        const list = node as List;
        list.children.forEach((item: ListItem, i) => {
          if (typeof item.checked === 'boolean' && taskOption(item)) return;
          const box = typeof item.checked === 'boolean' ? (item.checked ? '[x] ' : '[ ] ') : '';
          const prefix = list.ordered ? `${(list.start ?? 1) + i}. ${box}` : box;
          item.children.forEach((child, j) => visit(child, j === 0 ? prefix : undefined));
        });
        return;
      }
      case 'table':
        readTable((node as Table).children.map((row) => row.children.map((cell, column) => ({ column, text: inlineText(cell.children), provenance: position(cell) }))));
        return;
      case 'code':
        emit(node.value, line(node) + 1, 'paragraph');
        return;
      case 'html':
        readHtml(node.value, line(node));
        return;
      default:
        if ('children' in node) for (const child of node.children as Nodes[]) visit(child);
    }
  };
  const readTable = (rows: TableCell[][]) => blocks.push(...tableBlocks(rows));
  /** A pandoc table's rows, each cell's Markdown read as text: a line for each paragraph, list item or heading. */
  const readGrid = (grid: GridTable) =>
    readTable(
      grid.rows.map((row) => row.cells.map(({ column, markdown }) => ({ column, text: markdownLines(markdown).join('\n'), provenance: wholeLine(row.line) }))),
    );
  /**
   * A task-list item that is an option ("- [x] Yes") becomes that option with its box; one with words after the
   * option ("- [x] Yes – the policy is published") is the option, then a paragraph of the words.
   */
  const taskOption = (item: ListItem): boolean => {
    const first = item.children[0];
    const text = first?.type === 'paragraph' ? inlineText(first.children).trim() : '';
    const words = optionValue(text) ? null : labelThenWords(text);
    const value = optionValue(text) ?? words?.value;
    if (!value || item.children.length > 1) return false;
    const mark = { state: item.checked ? ('checked' as const) : ('unchecked' as const), source: 'glyph' as const, detail: item.checked ? '[x]' : '[ ]' };
    blocks.push({ kind: 'option', text: words?.label ?? text, provenance: position(item), option: { value, mark } });
    if (words) blocks.push({ kind: 'paragraph', text: words.rest, provenance: position(item) });
    return true;
  };
  /**
   * A block of HTML, as a converter writes a table whose cells hold paragraphs or lists (pandoc's GFM): each row's
   * cells as table cells, each line of a cell read as any line is; other HTML as paragraphs, a line each.
   */
  const readHtml = (html: string, startLine: number) => {
    const at = (k: number) => wholeLine(startLine + (html.slice(0, k).match(/\n/g)?.length ?? 0));
    const rows = [...html.matchAll(/<tr\b[^>]*>([\s\S]*?)<\/tr\s*>/gi)];
    if (rows.length === 0) {
      for (const text of htmlLines(html)) emit(text, startLine, 'paragraph');
      return;
    }
    rows.forEach((row, r) => {
      const inside = row.index + row[0].indexOf(row[1]!);
      const cells = [...row[1]!.matchAll(/<t[dh]\b[^>]*>([\s\S]*?)<\/t[dh]\s*>/gi)];
      cells.forEach((cell, column) => {
        for (const text of htmlLines(cell[1]!))
          for (const b of lineBlocks(text, at(inside + cell.index))) blocks.push(b.kind === 'option' ? b : { ...b, kind: 'tableCell', table: { row: r, column } });
      });
    });
  };
  const position = (node: Nodes) => {
    const lineNo = line(node);
    return { line: lineNo, start: node.position?.start.offset ?? lineStarts[lineNo - 1] ?? 0, end: node.position?.end.offset ?? source.length };
  };
  // Pandoc's tables, read apart, come in where they stand among the rest.
  const pending = [...grids.tables];
  for (const node of tree.children) {
    while (pending.length > 0 && pending[0]!.line < line(node)) readGrid(pending.shift()!);
    visit(node);
  }
  for (const grid of pending) readGrid(grid);
  return { format: 'markdown', blocks: pairMarksWithLabels(blocks), diagnostics: [] };
}

/** Markdown's text a line for each paragraph (its wrapped lines joined), list item or heading. */
function markdownLines(markdown: string): string[] {
  const out: string[] = [];
  const walk = (node: Nodes, prefix = ''): void => {
    if (node.type === 'paragraph' || node.type === 'heading') out.push(prefix + inlineText(node.children).replace(/\s*\n\s*/g, ' ').trim());
    else if (node.type === 'list')
      node.children.forEach((item, i) => item.children.forEach((child, j) => walk(child, j > 0 ? '' : node.ordered ? `${(node.start ?? 1) + i}. ` : '- ')));
    else if ('children' in node) for (const child of node.children as Nodes[]) walk(child, prefix);
  };
  walk(processor.parse(markdown) as Root);
  return out.filter(Boolean);
}

/** An HTML fragment's text, a line for each paragraph, list item or line break, its tags gone and its entities read. */
function htmlLines(html: string): string[] {
  return html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(?:br|\/p|\/li|\/div|\/h[1-6]|\/tr)\b[^>]*>/gi, '\n')
    .replace(/<li\b[^>]*>/gi, '\n- ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z][a-z0-9]*);/gi, (whole, ref: string) => {
      if (ref[0] !== '#') return decodeNamedCharacterReference(ref) || whole;
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : Number(ref.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    })
    .split('\n')
    .map((l) => l.replace(/[ \t\u00a0]+/g, ' ').trim())
    .filter(Boolean);
}

function line(node: Nodes): number {
  return node.position?.start.line ?? 1;
}

/** Inline content as plain text: emphasis and link syntax dropped, soft breaks kept as newlines. */
function inlineText(nodes: PhrasingContent[]): string {
  let out = '';
  for (const n of nodes) {
    if (n.type === 'text' || n.type === 'inlineCode') out += n.value;
    else if (n.type === 'break') out += '\n';
    else if (n.type === 'html') out += /^<br\s*\/?>$/i.test(n.value) ? '\n' : '';
    else if ('children' in n) out += inlineText(n.children as PhrasingContent[]);
  }
  return out;
}

function lineOffsets(source: string): number[] {
  const starts = [0];
  for (let i = 0; i < source.length; i++) if (source[i] === '\n') starts.push(i + 1);
  return starts;
}
