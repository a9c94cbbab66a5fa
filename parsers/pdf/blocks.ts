/**
 * Lines and parts to blocks in reading order: wrapped lines joined into
 * paragraphs, options placed after the question they belong to, table rows
 * read left to right, running headers and footers flagged as furniture.
 */
import type { Block, BlockKind, Provenance } from '../../src/document.js';
import { optionBlocks, optionValue } from '../../src/options.js';
import { apply, type Rect } from './geometry.js';
import type { Candidate, OptionGroup } from './labels.js';
import type { PageText, Part } from './text.js';

/**
 * The line pitch of wrapped text for each font size (keyed by size rounded to
 * half a point): the smallest baseline step seen often between lines that
 * start at the same x. A larger step between two lines is paragraph spacing.
 */
export function linePitches(pages: PageText[]): Map<number, number> {
  const steps = new Map<number, number[]>();
  for (const page of pages) {
    for (let i = 1; i < page.lines.length; i++) {
      const a = page.lines[i - 1]!.parts.find((p) => !p.furniture);
      const b = page.lines[i]!.parts.find((p) => !p.furniture);
      if (!a || !b || Math.abs(a.x0 - b.x0) > 3 || Math.abs(a.size - b.size) > 0.3) continue;
      const key = Math.round(a.size * 2) / 2;
      const list = steps.get(key) ?? [];
      list.push(b.baseline - a.baseline);
      steps.set(key, list);
    }
  }
  const out = new Map<number, number>();
  for (const [key, list] of steps) {
    const sorted = list.filter((d) => d >= 0.9 * key && d <= 2.5 * key).sort((x, y) => x - y);
    const pitch = sorted.find((d) => sorted.filter((o) => Math.abs(o - d) <= 0.3).length >= 3);
    if (pitch !== undefined) out.set(key, pitch);
  }
  return out;
}

export interface PageLayout {
  text: PageText;
  /** Maps display space back to user space. */
  toUser: readonly number[];
  /** Parts that are not text (taken by options). */
  consumed: Set<Part>;
  /** Option groups kept, each anchored to its lead part or placed by its own position. */
  groups: OptionGroup[];
  /** Typed answers from form text fields. */
  fields: Array<{ rect: Rect; text: string }>;
  /** Line pitch by font size, from `linePitches`. */
  pitches: Map<number, number>;
}

interface Para {
  parts: Part[];
  x0: number;
  x1: number;
  top: number;
  baseline: number;
  lastBaseline: number;
  lastX1: number;
  size: number;
  furniture: boolean;
  after: OptionGroup[];
}

interface Unit {
  baseline: number;
  x0: number;
  size: number;
  blocks: Block[];
  /** A paragraph of text, for telling table rows. */
  textual: boolean;
}

const STARTS_ITEM = /^(\(?\d{1,3}[.)]|Q\d{1,3}[.:)]?|[•●▪◦‣∙–\-*])\s/;
const BULLET = /^[•●▪◦‣∙–\-*]\s+/;

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

export function provenance(page: number, toUser: readonly number[], x: number, top: number): Provenance {
  const [ux, uy] = apply(toUser, x, top);
  return { page, x: round(ux), y: round(uy) };
}

/** Width of the first word of a part, with the space before it. */
function firstWordWidth(part: Part): number {
  const end = part.text.search(/\s/);
  const last = (end < 0 ? part.text.length : end) - 1;
  return (part.xe[last] ?? part.x1) - part.x0 + 0.3 * part.size;
}

function canJoin(p: Para, part: Part, besideRight: (part: Part) => boolean, pitch: number | undefined): boolean {
  const size = Math.max(p.size, part.size);
  const dy = part.baseline - p.lastBaseline;
  if (dy < 0.5 * size || dy > 1.75 * size) return false;
  // Further apart than wrapped lines of this size are: paragraph spacing.
  if (pitch !== undefined && dy > pitch + Math.max(1.2, 0.1 * pitch)) return false;
  if (Math.abs(part.size - p.size) > 0.2 * p.size) return false;
  if (part.x0 < p.x0 - 0.6 * size || part.x0 > p.x0 + 3 * size || part.x0 >= p.lastX1) return false;
  if (STARTS_ITEM.test(part.text)) return false;
  const last = p.parts[p.parts.length - 1]!;
  // A bare "Yes" or "No" is a whole answer cell: it neither takes nor gives a next line.
  if (optionValue(last.text) || optionValue(part.text)) return false;
  // Table rows: a line ending a sentence with a cell beside it, then a line with a cell beside it, start a new row.
  if (/[.?!:]["')\]]?$/.test(last.text) && besideRight(last) && besideRight(part)) return false;
  // A sentence that ends where the next line's first word would still have fitted closes its paragraph.
  // The width is known only from a paragraph of two lines or more: a one-line one is joined.
  if (p.parts.length >= 2 && /[.?!:]["')\]]?$/.test(last.text) && p.x1 - last.x1 > firstWordWidth(part) + 0.5 * size) return false;
  return true;
}

function joinLines(parts: Part[]): string {
  let text = '';
  for (const part of parts) {
    const t = part.text.trim();
    if (!text) text = t;
    else if (text.endsWith('\u00AD') || text.endsWith('\u2010')) text = text.slice(0, -1) + t;
    // A hyphen at a line end from a word processor is part of the word ("third-party"): keep it, no space.
    else if (/\p{L}-$/u.test(text) && /^\p{Ll}/u.test(t)) text += t;
    // A web address broken after a "/" or "-" goes on without a space.
    else if (/(?:https?:\/\/|www\.)\S*[/\-]$/.test(text) && /^[\w%~.-]/.test(t)) text += t;
    else text += ' ' + t;
  }
  return text.replace(/\u00AD/g, '').replace(/\s+/g, ' ').trim();
}

function buildParas(layout: PageLayout): Para[] {
  const paras: Para[] = [];
  const besideRight = (part: Part) => layout.text.lines[part.line]?.parts.some((o) => o !== part && !o.furniture && o.x0 > part.x1) ?? false;
  let open: Para[] = [];
  for (const line of layout.text.lines) {
    open = open.filter((p) => line.baseline - p.lastBaseline <= 2 * p.size);
    const used = new Set<Para>();
    for (const part of line.parts) {
      if (layout.consumed.has(part) || !part.text.trim()) continue;
      const fresh = (): Para => ({
        parts: [part],
        x0: part.x0,
        x1: part.x1,
        top: part.top,
        baseline: part.baseline,
        lastBaseline: part.baseline,
        lastX1: part.x1,
        size: part.size,
        furniture: part.furniture === true,
        after: [],
      });
      if (part.furniture) {
        paras.push(fresh());
        continue;
      }
      const into = open.find((p) => !used.has(p) && canJoin(p, part, besideRight, layout.pitches.get(Math.round(p.size * 2) / 2)));
      if (into) {
        into.parts.push(part);
        into.x1 = Math.max(into.x1, part.x1);
        into.lastBaseline = part.baseline;
        into.lastX1 = part.x1;
        used.add(into);
      } else {
        const p = fresh();
        paras.push(p);
        open.push(p);
        used.add(p);
      }
    }
  }
  return paras;
}

function kindOf(text: string, size: number, bodySize: number): { kind: BlockKind; level?: number } {
  const ratio = size / bodySize;
  if (ratio >= 1.25 && text.length <= 200) return { kind: 'heading', level: ratio >= 1.7 ? 1 : ratio >= 1.4 ? 2 : 3 };
  if (BULLET.test(text)) return { kind: 'listItem' };
  return { kind: 'paragraph' };
}

function optionBlocksOf(group: OptionGroup, page: number, toUser: readonly number[]): Block[] {
  return group.options.flatMap((o: Candidate) =>
    optionBlocks({ lead: '', options: [{ label: o.label, value: o.value, mark: o.mark }] }, provenance(page, toUser, o.rect.x0, o.rect.top)),
  );
}

/** The blocks of one page in reading order. */
export function pageBlocks(layout: PageLayout, bodySize: number): Block[] {
  const page = layout.text.page;
  const { toUser } = layout;
  const paras = buildParas(layout);
  const byPart = new Map<Part, Para>();
  for (const p of paras) for (const part of p.parts) byPart.set(part, p);
  const units: Unit[] = [];
  for (const g of layout.groups) {
    const host = g.lead ? byPart.get(g.lead) : undefined;
    if (host) host.after.push(g);
    else {
      const first = g.options[0]!;
      units.push({ baseline: first.baseline, x0: first.rect.x0, size: first.size, blocks: optionBlocksOf(g, page, toUser), textual: false });
    }
  }
  for (const p of paras) {
    const text = joinLines(p.parts);
    if (!text) continue;
    const { kind, level } = kindOf(text, p.size, bodySize);
    const block: Block = { kind, text, provenance: provenance(page, toUser, p.x0, p.top) };
    if (level) block.level = level;
    if (p.furniture) block.furniture = true;
    units.push({
      baseline: p.baseline,
      x0: p.x0,
      size: p.size,
      blocks: [block, ...p.after.flatMap((g) => optionBlocksOf(g, page, toUser))],
      textual: kind === 'paragraph' && !p.furniture,
    });
  }
  for (const f of layout.fields) {
    for (const [i, piece] of f.text.split(/\r\n?|\n/).map((s) => s.replace(/\s+/g, ' ').trim()).entries()) {
      if (!piece) continue;
      units.push({ baseline: f.rect.top + 10 + i * 0.01, x0: f.rect.x0, size: 10, blocks: [{ kind: 'paragraph', text: piece, provenance: provenance(page, toUser, f.rect.x0, f.rect.top) }], textual: false });
    }
  }
  // Rows: units whose first lines share a baseline, read left to right.
  units.sort((a, b) => a.baseline - b.baseline || a.x0 - b.x0);
  const rows: Unit[][] = [];
  for (const u of units) {
    const row = rows[rows.length - 1];
    if (row && Math.abs(u.baseline - row[0]!.baseline) <= 0.5 * Math.min(u.size, row[0]!.size)) row.push(u);
    else rows.push([u]);
  }
  const out: Block[] = [];
  let tableRow = 0;
  for (const row of rows) {
    row.sort((a, b) => a.x0 - b.x0);
    const cells = row.filter((u) => u.textual);
    if (cells.length >= 2) {
      cells.forEach((u, column) => {
        const b = u.blocks[0]!;
        b.kind = 'tableCell';
        b.table = { row: tableRow, column };
      });
      tableRow++;
    } else tableRow = 0;
    for (const u of row) out.push(...u.blocks);
  }
  return out;
}

/**
 * Joins a paragraph cut by a page break: the last text block of a page and
 * the first of the next, in the same column, when the first does not end a
 * sentence. Furniture between them stays where it is.
 */
export function joinAcrossPages(blocks: Block[]): Block[] {
  const out: Block[] = [];
  let lastText: Block | null = null;
  for (const b of blocks) {
    if (b.furniture) {
      out.push(b);
      continue;
    }
    const prev = lastText;
    if (
      prev &&
      prev.kind === 'paragraph' &&
      b.kind === 'paragraph' &&
      prev.provenance.page !== undefined &&
      b.provenance.page === prev.provenance.page + 1 &&
      out.slice(out.indexOf(prev) + 1).every((o) => o.furniture) &&
      Math.abs((prev.provenance.x ?? 0) - (b.provenance.x ?? 0)) <= 6 &&
      prev.text.length >= 30 &&
      !/[.?!:;]["')\]]?$/.test(prev.text) &&
      (/^\p{Ll}/u.test(b.text) || /[\p{Ll},\-–]$/u.test(prev.text)) &&
      !STARTS_ITEM.test(b.text)
    ) {
      prev.text = /\p{L}-$/u.test(prev.text) && /^\p{Ll}/u.test(b.text) ? prev.text + b.text : `${prev.text} ${b.text}`;
      continue;
    }
    out.push(b);
    lastText = b;
  }
  return out;
}
