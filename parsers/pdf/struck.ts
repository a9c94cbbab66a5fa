/**
 * Answers struck through on the page: last year's "Yes – …" left in place
 * with a line through it, or a tracked deletion printed with its markup
 * ("~~Yes – joint with the harbour authority~~ No"). Struck text that opens
 * with a choice is withdrawn, not the answer, and is left out, as a DOCX's
 * struck runs are. Struck option labels are read elsewhere (as not chosen);
 * this looks only at text no option took.
 */
import type { Rect } from './geometry.js';
import type { Part, PageText } from './text.js';
import type { Rule } from './vector.js';

/**
 * Where struck text can open a choice the matcher reads: a cell's first word, or its first after a label
 * ("Response:"), set off as an answer is ("Yes –", "No.", "No" alone or before another choice, "NoYes" as Word prints a
 * word replaced with its changes tracked), not "No more images…".
 */
const MAY_OPEN_WITH_CHOICE = /^\s*(?:[A-Za-z][A-Za-z ]{0,24}:\s*)?(?:yes|no|n\/?a)(?:\s*[–—:,;(.-]|\s*$|\s*(?:yes|no|n\/?a)\b)/i;
const OPENS_WITH_CHOICE = /^\s*(?:yes|no|n\/?a)\b/i;

/** Struck text taken out, and where it started. */
export interface Withdrawn {
  text: string;
  x0: number;
  top: number;
}

/** Whether any text on the page could be a struck choice: only then is the page's drawing worth reading for it. */
export function mayHoldStruckChoice(text: PageText, consumed: ReadonlySet<Part>): boolean {
  return text.lines.some((l) => l.parts.some((p) => !p.furniture && !consumed.has(p) && MAY_OPEN_WITH_CHOICE.test(p.text)));
}

/**
 * Takes struck text that opens with a choice out of the page's parts, with
 * the struck words that run on from it at the start of the lines below in the
 * same column. Strikes are drawn lines through the words' middle (`rules`)
 * or a viewer's StrikeOut quadrilaterals (`strikeOuts`). Returns what was
 * taken out.
 */
export function withdrawStruckChoices(text: PageText, consumed: ReadonlySet<Part>, rules: readonly Rule[], strikeOuts: readonly Rect[]): Withdrawn[] {
  const out: Withdrawn[] = [];
  for (const line of text.lines) {
    for (const part of [...line.parts]) {
      if (part.furniture || consumed.has(part) || !MAY_OPEN_WITH_CHOICE.test(part.text)) continue;
      const struck = struckChars(part, rules, strikeOuts);
      const struckText = struck.map((m, i) => (m ? part.text[i] : '')).join('');
      if (!OPENS_WITH_CHOICE.test(struckText)) continue;
      const taken = { text: struckText.trim(), x0: part.x0, top: part.top };
      let runsOn = struck[lastCharIndex(part.text)] === true;
      removeChars(text, part, struck);
      let column = { x0: part.x0, x1: part.x1 };
      for (let next = line.index + 1; runsOn && next < text.lines.length; next++) {
        const below = text.lines[next]!.parts.find((p) => !p.furniture && !consumed.has(p) && p.x0 < column.x1 && p.x1 > column.x0);
        if (!below) break;
        // Only the struck words at its start carry on the withdrawn answer.
        const marks = struckChars(below, rules, strikeOuts);
        let end = firstCharIndex(below.text);
        if (end < 0 || !marks[end]) break;
        while (end + 1 < below.text.length && (marks[end + 1] || below.text[end + 1] === ' ')) end++;
        while (below.text[end] === ' ') end--;
        const leading = marks.map((_, i) => i <= end);
        taken.text += ` ${below.text.slice(0, end + 1).trim()}`;
        runsOn = end >= lastCharIndex(below.text);
        column = { x0: below.x0, x1: below.x1 };
        removeChars(text, below, leading);
      }
      out.push(taken);
    }
  }
  return out;
}

/** For each character, whether a strike runs through its middle. */
function struckChars(part: Part, rules: readonly Rule[], strikeOuts: readonly Rect[]): boolean[] {
  const capTop = part.baseline - 0.72 * part.size;
  const capHeight = 0.72 * part.size;
  const slack = 3 * part.size;
  // A line through the words, not a border or a page rule running on past the text at both ends.
  const through = rules.filter((r) => {
    const at = (r.y - capTop) / capHeight;
    return at >= 0.25 && at <= 0.8 && r.x1 > part.x0 && r.x0 < part.x1 && !(r.x0 < part.x0 - slack && r.x1 > part.x1 + slack);
  });
  const outs = strikeOuts.filter((r) => r.top <= capTop + 0.5 * capHeight && r.bottom >= capTop + 0.5 * capHeight);
  return part.xs.map((x, i) => {
    const mid = (x + part.xe[i]!) / 2;
    return through.some((r) => r.x0 <= mid && mid <= r.x1) || outs.some((r) => r.x0 <= mid && mid <= r.x1);
  });
}

function firstCharIndex(s: string): number {
  return s.search(/\S/);
}

function lastCharIndex(s: string): number {
  return s.trimEnd().length - 1;
}

/** Drops the marked characters from a part, and the part from its line if nothing is left. */
function removeChars(text: PageText, part: Part, drop: readonly boolean[]): void {
  const keep: number[] = [];
  for (let i = 0; i < part.text.length; i++) {
    if (drop[i]) continue;
    // One space where the dropped words leave two together, none at either end.
    if (part.text[i] === ' ' && (keep.length === 0 || part.text[keep[keep.length - 1]!] === ' ')) continue;
    keep.push(i);
  }
  while (keep.length && part.text[keep[keep.length - 1]!] === ' ') keep.pop();
  const line = text.lines[part.line]!;
  if (keep.length === 0) {
    line.parts.splice(line.parts.indexOf(part), 1);
    return;
  }
  const pick = <T>(values: readonly T[]) => keep.map((i) => values[i]!);
  part.text = keep.map((i) => part.text[i]).join('');
  part.xs = pick(part.xs);
  part.xe = pick(part.xe);
  if (part.unseen) part.unseen = pick(part.unseen);
  part.x0 = Math.min(...part.xs);
  part.x1 = Math.max(...part.xe);
}
