/**
 * Shared by the parsers: recognising option labels ("Yes", "No", "N/A") and the
 * box and tick characters people type or converters leave beside them.
 */
import type { Block, Mark, MarkState, OptionValue, Provenance } from './document.js';

const LABELS: ReadonlyArray<[RegExp, OptionValue]> = [
  [/^yes$/i, 'yes'],
  [/^no$/i, 'no'],
  [/^(n\/a|n\.a\.?|na|not applicable)$/i, 'na'],
];

const TEMPLATE_ORDER: readonly OptionValue[] = ['yes', 'no', 'na'];

/** Where an option comes in the template's order (Yes, No, N/A); -1 for no option. */
export function optionRank(value: OptionValue | null | undefined): number {
  return value ? TEMPLATE_ORDER.indexOf(value) : -1;
}

/** The option a label names, or null when it is not an option label. */
export function optionValue(label: string): OptionValue | null {
  const t = welshMasked(label).trim().replace(/[.:;,]+$/, '');
  for (const [re, value] of LABELS) if (re.test(t)) return value;
  return null;
}

/**
 * Box and tick characters, including the private-use code points that Symbol
 * fonts (Wingdings, Wingdings 2, MS Gothic fallbacks) leave in extracted text.
 */
const GLYPHS: ReadonlyMap<string, MarkState> = new Map<string, MarkState>([
  ['☒', 'checked'],
  ['☑', 'checked'],
  ['✓', 'checked'],
  ['✔', 'checked'],
  ['✗', 'checked'],
  ['✘', 'checked'],
  ['⊠', 'checked'],
  ['■', 'checked'],
  ['☐', 'unchecked'],
  ['□', 'unchecked'],
  ['❑', 'unchecked'],
  ['❒', 'unchecked'],
  ['◻', 'unchecked'],
  ['\uF0FE', 'checked'], // Wingdings: box with tick
  ['\uF0FD', 'checked'], // Wingdings: box with cross
  ['\uF0FC', 'checked'], // Wingdings: tick
  ['\uF078', 'checked'], // Wingdings: box with x
  ['\uF0FB', 'checked'], // Wingdings: cross
  ['\u{1F5F9}', 'checked'], // ballot box with bold check (what Wingdings boxes become in Unicode)
  ['\u{1F5F7}', 'checked'], // ballot box with bold script x
  ['\u{1F5F8}', 'checked'], // light check mark
  ['\u{1F5F4}', 'checked'], // ballot script x
  ['\u{1F5F5}', 'checked'], // ballot box with script x
  ['\u{1F5F6}', 'checked'], // ballot bold script x
  ['\u2327', 'checked'], // x in a rectangle box
  ['\u2BBD', 'checked'], // ballot box with light x
  ['\u{1F78E}', 'unchecked'], // light white square
  ['\u{1F78F}', 'unchecked'],
  ['\u{1F790}', 'unchecked'],
  ['\u{1F791}', 'unchecked'],
  ['\u2751', 'unchecked'], // lower right shadowed white square
  ['\uF054', 'checked'], // Wingdings 2: box with cross
  ['\uF052', 'checked'], // Wingdings 2: box with tick
  ['\uF0A3', 'unchecked'], // Wingdings 2: empty box
  ['\uF0A8', 'unchecked'], // Wingdings: empty box
  ['\uF06F', 'unchecked'], // Wingdings: empty box (o)
  ['\uF071', 'unchecked'], // Wingdings: shadowed box (q)
]);

/** How each option is printed, for an option read from a column heading rather than a label of its own. */
export const LABEL_OF: Readonly<Record<OptionValue, string>> = { yes: 'Yes', no: 'No', na: 'N/A' };

/** A cell that holds nothing but a typed mark. */
export const TYPED_MARK = /^[xX✓✔✗✘]$/;

/**
 * The options a table's heading row names, by column: "Yes" and "No" (and "N/A"; "Y" and "N"), each a whole cell, in the
 * template's order where the row may be any row of a table; in any order, each once, where it is known to be the
 * heading row (a Markdown table's first). A "No." or "No" heading the row's first cell, before the "Yes", names the
 * question numbers under it. Takes the row's cells in order, each its column and its text.
 */
/** Yes and No abbreviated as column titles ("Ref | Question | Y | N"), which a label beside a box never is. */
const COLUMN_LETTER: Readonly<Record<string, OptionValue>> = { Y: 'yes', N: 'no' };

export function optionColumns(cells: ReadonlyArray<{ column: number; text: string }>, heading = false): Map<number, OptionValue> | null {
  const columns = new Map<number, OptionValue>();
  cells.forEach(({ column, text }, i) => {
    const value = optionValue(text) ?? COLUMN_LETTER[text.trim()] ?? null;
    if (value && !(value === 'no' && i === 0 && /^no\.?$/i.test(text.trim()))) columns.set(column, value);
  });
  const values = [...columns.values()];
  const inOrder = values.every((v, i) => i === 0 || optionRank(v) > optionRank(values[i - 1]));
  const once = new Set(values).size === values.length;
  return values.includes('yes') && values.includes('no') && (inOrder || (heading && once)) ? columns : null;
}

/** What a parser puts for a glyph it could not read, such as a box in a font with no Unicode map. */
const UNREADABLE = '\uFFFD';
const UNREADABLE_DETAIL = 'U+FFFD (a glyph its font maps to no character)';

/** Whether a mark is a box glyph its font maps to no character. */
export const isUnreadableGlyph = (mark: Mark): boolean => mark.source === 'glyph' && mark.detail === UNREADABLE_DETAIL;

/**
 * Glyphs word processors offer as list bullets that look like boxes or ticks (❑, Wingdings q, r, o and ü),
 * and a glyph that could not be read, which beside boxes that could is not one of them.
 */
const BULLETS: ReadonlySet<string> = new Set(['❑', '\uF071', '\uF072', '\uF06F', '\uF0FC', UNREADABLE]);

/**
 * Bracket forms typed in text: [x], [X], [✓], [*], [ ], [], the same in round brackets but for "(*)", a footnote's
 * marker, (x), ( ), and the `|_|` placeholder.
 */
const BRACKET = /^(?:\[\s*([xX✓✔*]?)\s*\]|\(\s*([xX✓✔]?)\s*\))$/;
const PLACEHOLDER = /^\|_\|$/;

export function glyphMark(token: string): Mark | null {
  const state = GLYPHS.get(token);
  if (state) return { state, source: 'glyph', detail: `U+${token.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}` };
  const bracket = BRACKET.exec(token);
  if (bracket) return { state: bracket[1] || bracket[2] ? 'checked' : 'unchecked', source: 'glyph', detail: token };
  if (PLACEHOLDER.test(token)) return { state: 'unknown', source: 'placeholder', detail: token };
  if (token === UNREADABLE) return { state: 'unknown', source: 'glyph', detail: UNREADABLE_DETAIL };
  return null;
}

/** The states of the box glyphs in a text, in order ("☐ No ☒" gives unchecked, checked). */
export function boxGlyphs(text: string): MarkState[] {
  const out: MarkState[] = [];
  for (const ch of text) {
    const state = GLYPHS.get(ch);
    if (state) out.push(state);
  }
  return out;
}

/** A text's words before its first box glyph: a line of a layout that ran its row's boxes and comments into it. */
export function beforeBoxes(text: string): string {
  const at = [...text].findIndex((ch) => GLYPHS.has(ch));
  return at < 0 ? text : [...text].slice(0, at).join('').trimEnd();
}

/**
 * Whether a text is an option and its ticked box and nothing more ("☒ Yes", "No ☑"), as a box the layout parted
 * from the other options is left: not a tick in running words ("ICO registration: yes ✓").
 */
export function ticksLabel(text: string): boolean {
  const m = /^\s*(?:(\S)\s*(?:yes|no|n\/a)|(?:yes|no|n\/a)\s*(\S))\s*$/iu.exec(text);
  const glyph = m?.[1] ?? m?.[2];
  return glyph !== undefined && GLYPHS.get(glyph) === 'checked';
}

const GLYPH_CLASS = [...GLYPHS.keys(), UNREADABLE].join('');
const MARK_TOKEN = `\\[\\s*(?:[xX✓✔*]\\s*)?\\]|\\(\\s*(?:[xX✓✔]\\s*)?\\)|\\|_\\||[${GLYPH_CLASS}]`;
const LABEL_TOKEN = String.raw`yes|no|n\/a|n\.a\.?|na|not applicable`;
const LEADING_MARK = new RegExp(`^\\s*(${MARK_TOKEN})\\s*`, 'u');
const TOKEN = new RegExp(`(${MARK_TOKEN})|\\b(${LABEL_TOKEN})(?![\\w/])|(?<![\\w])([xX])(?![\\w])`, 'giu');
/** The same, a label running into the next by a slash ("Yes/No"; "Yes/" before anything else is a word's). */
const TOKEN_SLASH_JOINED = new RegExp(`(${MARK_TOKEN})|\\b(${LABEL_TOKEN})(?![\\w]|\\/(?!(?:${LABEL_TOKEN})\\b))|(?<![\\w])([xX])(?![\\w])`, 'giu');

export interface OptionRun {
  /** Text before the options (a question printed on the same line), trimmed; may be empty. */
  lead: string;
  options: Array<{
    label: string;
    value: OptionValue | null;
    /** The box printed with the label, or a mark typed beside it. */
    mark: Mark | null;
    /** The option's name typed after the boxes, left blank (see typedAfterBoxes): what marks it. */
    typed?: Mark;
  }>;
  /** Which way the run's typed marks went with its labels, where its own order of marks and labels said (see markOrder). */
  order?: MarkOrder;
}

export type MarkOrder = 'mark-first' | 'label-first';

/**
 * Reads a line that ends in options, e.g. "☒ Yes ☐ No", "Yes [x]  No [ ]",
 * "|_|", "X Yes", or "Do you …?  Yes  No". Returns null when the line is not
 * (or does not end in) a run of options. Marks attach to the label they
 * precede when the run starts with a mark, else to the label they follow.
 * A bare "X" counts as a typed mark only inside such a run; a bare single
 * label ("No") is left to the matcher, which knows the question around it.
 * Where a label or a box is missing from the middle of the run, the order
 * cannot say which way the boxes go (see below). Labels may be parted by
 * " / ", and a box then goes with the option on its side of the slash
 * ("Yes / ☒ No" is No); `slashJoined` lets a slash alone part them too ("Yes/No"), for a
 * reader that keeps such a row as text unless something marks one of them
 * (a column headed "Yes/No" is no row of options). A label typed after the
 * boxed options, naming one of them, marks that one (see typedAfterBoxes).
 */
/**
 * A bilingual form's options, Welsh and English ("Ie / Yes", "Na / No", "Amh. / N/A", or English first): the Welsh
 * word masked with spaces, so that each is read as its English label where it stands. Only a word with its own
 * translation: "Na" alone is as likely "N/A" as Welsh "No", and stays as it is.
 */
const WELSH_BEFORE = /\b(Ie|Na|Amh\.?)(\s*\/\s*)(?=(Yes|No|N\/A)\b)/gi;
const WELSH_AFTER = /\b(Yes|No|N\/A)(\s*\/\s*)(Ie|Na|Amh\.?)(?![\w.])/gi;
const WELSH: Readonly<Record<string, string>> = { ie: 'yes', na: 'no', amh: 'n/a', 'amh.': 'n/a' };

function welshMasked(line: string): string {
  if (!/\b(?:ie|na|amh)\b/i.test(line)) return line;
  const blank = (s: string) => ' '.repeat(s.length);
  // "NA" in capitals is English's not applicable ("Yes / No / NA").
  const translates = (welsh: string, english: string) => welsh !== 'NA' && WELSH[welsh.toLowerCase()] === english.toLowerCase();
  return line
    .replace(WELSH_BEFORE, (whole, welsh: string, slash: string, english: string) => (translates(welsh, english) ? blank(welsh + slash) : whole))
    .replace(WELSH_AFTER, (whole, english: string, slash: string, welsh: string) => (translates(welsh, english) ? english + blank(slash + welsh) : whole));
}

export function readOptionRun(
  line: string,
  { slashJoined = false, documentOrder }: { slashJoined?: boolean; /** The way the document's other rows put boxes and labels (see documentMarkOrder). */ documentOrder?: MarkOrder } = {},
): OptionRun | null {
  line = welshMasked(line);
  const tokens: Array<{ index: number; end: number; mark?: Mark; label?: string; bullet?: boolean }> = [];
  const slash = slashJoined ? /^ ?\/ ?$/ : /^ \/ $/;
  for (const m of line.matchAll(slashJoined ? TOKEN_SLASH_JOINED : TOKEN)) {
    const index = m.index ?? 0;
    const end = index + m[0].length;
    if (m[1]) tokens.push({ index, end, mark: glyphMark(m[1].replace(/\s+/g, /^[[(]/.test(m[1]) ? ' ' : '')) ?? glyphMark(m[1])!, bullet: BULLETS.has(m[1]) });
    else if (m[2]) tokens.push({ index, end, label: m[2] });
    else if (m[3]) tokens.push({ index, end, mark: { state: 'checked', source: 'typed-mark', detail: m[3] } });
  }
  // The run is the longest suffix of tokens separated only by whitespace/punctuation.
  let first = tokens.length;
  for (let i = tokens.length - 1; i >= 0; i--) {
    const gapEnd = i + 1 < tokens.length ? tokens[i + 1]!.index : line.length;
    const gap = line.slice(tokens[i]!.end, gapEnd);
    if (!/^[\s:;,.\-–|]*$/.test(gap) && !slash.test(gap)) break;
    first = i;
  }
  const run = tokens.slice(first);
  if (run.length === 0) return null;
  // A list bullet that looks like a box, opening a line of options whose other marks are boxes of another kind
  // ("❑ Yes ☒ No ☐"), is the list's, not Yes's box. Boxes alone on a line ("❑ ☒" under "Yes | No" headings) are
  // all boxes.
  // Only a whole row says so: "o Yes þ" alone (its "No" on the next line or page) may be a box-first row wrapped.
  const values = new Set(run.map((t) => (t.label ? optionValue(t.label) : null)));
  const bullet =
    run[0]!.bullet &&
    !line.slice(0, run[0]!.index).trim() &&
    values.has('yes') &&
    values.has('no') &&
    run.slice(1).some((t) => t.mark && !t.bullet) &&
    !run.slice(1).some((t) => t.bullet)
      ? run.shift()
      : undefined;
  const typed = typedAfterBoxes(run);
  if (typed) run.pop();
  const labels = run.filter((t) => t.label).length;
  const marks = run.length - labels;
  const before = line.slice(bullet?.end ?? 0, run[0]!.index);
  const lead = before.trim();
  // Options printed after a question are set apart by a wide gap or follow its punctuation.
  const setApart = /\s\s$|\t$/.test(before) || /[?:.)]$/.test(lead);
  const typedOnly = run.every((t) => t.label || t.mark?.source === 'typed-mark');
  // Or the run is a whole set of boxed options, each box before its label ("… more ☒ Yes ☐ No", a question whose
  // first line a text conversion ended with its boxes): no words of a sentence.
  const boxedSet =
    labels >= 2 && marks === labels && run.every((t, i) => (i % 2 === 0 ? t.mark?.source === 'glyph' : t.label)) && values.has('yes') && values.has('no');
  if (lead && !setApart && !boxedSet) return null;
  // Labels alone make an options row only when two or more are printed.
  if (marks === 0 && !isPrintedOptionRow(line, run, slash)) return null;
  // An "X" is a typed mark only beside a label on a line of options, or in a column of options a wide gap sets
  // after the question, both labels there ("…Principle 2?        X   Yes      No", a layout conversion's table).
  if (typedOnly && marks > 0 && (labels === 0 || (lead && !(labels >= 2 && / {3,}$|\t$/.test(before))))) return null;
  const options: OptionRun['options'] = [];
  // "Yes ☒ No" or "☒ No ☐": one of a pair missing from the run (wrapped onto the line before or after, or lost
  // in conversion), so the order does not say whether a box belongs to the label before it or after it. Only spacing can: a box between two labels goes with the one it
  // stands right beside when a wide gap parts it from the other ("Yes ✓    No"). Any other box is kept unlabelled.
  const order = labels > 0 && marks > 0 ? markOrder(run.map((t) => t.mark !== undefined)) : 'label-first';
  // Two boxes side by side and a label short ("☐   ☒   N/A", a comment "N/A" after a Yes and a No box each in its own
  // cell): which box the label is, if either, cannot be told. Every box is kept unlabelled, every label bare.
  if (labels > 0 && marks > labels && run.some((t, i) => t.mark && run[i + 1]?.mark)) {
    for (const t of run) options.push(t.label ? { label: t.label, value: optionValue(t.label), mark: null } : { label: '', value: null, mark: t.mark! });
    return { lead, options };
  }
  if (order === null) {
    const gap = (a: { end: number }, b: { index: number }) => line.slice(a.end, b.index);
    const tight = (g: string) => /^ ?$/.test(g);
    const wide = (g: string) => /\t| {2,}/.test(g);
    const owner = new Map<number, number | null>();
    const claim = (label: number, mark: number) => owner.set(label, owner.has(label) ? null : mark);
    run.forEach((t, i) => {
      const prev = run[i - 1];
      const next = run[i + 1];
      if (!t.mark || !prev?.label || !next?.label) return;
      const [before, after] = [gap(prev, t), gap(t, next)];
      // A slash parts one option from the next, so a box on one side of it is the option's on that side.
      if (slash.test(before) !== slash.test(after)) claim(slash.test(before) ? i + 1 : i - 1, i);
      else if (tight(before) && wide(after)) claim(i - 1, i);
      else if (wide(before) && tight(after)) claim(i + 1, i);
    });
    for (const [label, mark] of owner) if (mark === null) owner.delete(label);
    // A typed mark between two labels that nothing on its line places ("Yes   X   No") goes the way every other row
    // of the document that says puts its marks: before their labels, or after.
    const placed = new Map<number, Mark>();
    if (documentOrder && owner.size === 0 && run.length === 3 && run[0]!.label && run[1]!.mark?.source === 'typed-mark' && run[2]!.label) {
      owner.set(documentOrder === 'mark-first' ? 2 : 0, 1);
      const side = documentOrder === 'mark-first' ? 'before their labels' : 'after their labels';
      placed.set(1, { ...run[1]!.mark, detail: `${run[1]!.mark.detail ?? 'a mark'}, placed as the document's other rows put their marks, ${side}` });
    }
    const taken = new Set(owner.values());
    run.forEach((t, i) => {
      if (t.label) options.push({ label: t.label, value: optionValue(t.label), mark: owner.has(i) ? (placed.get(owner.get(i)!) ?? run[owner.get(i)!]!.mark!) : null });
      else if (!taken.has(i)) options.push({ label: '', value: null, mark: t.mark! });
    });
    return { lead, options };
  }
  const markFirst = order === 'mark-first';
  const decided = labels >= 2 && marks > 0 && typedOnly ? { order } : {};
  let pending: Mark | null = null;
  for (const [i, t] of run.entries()) {
    if (t.label) {
      const option = { label: t.label, value: optionValue(t.label), mark: markFirst ? pending : null };
      pending = null;
      options.push(option);
    } else if (markFirst) {
      if (pending) options.push({ label: '', value: null, mark: pending });
      pending = t.mark!;
    } else {
      const last = options[options.length - 1];
      // "Yes / ☒" (its "No" wrapped onto the next line): the box after the slash is not Yes's.
      const parted = i > 0 && slash.test(line.slice(run[i - 1]!.end, t.index));
      if (last && !last.mark && !parted) last.mark = t.mark!;
      else options.push({ label: '', value: null, mark: t.mark! });
    }
  }
  if (pending) options.push({ label: '', value: null, mark: pending });
  if (typed) {
    const named = options.find((o) => o.value === optionValue(typed));
    if (named && named.mark?.state !== 'checked') named.typed = { state: 'checked', source: 'typed-mark', detail: `"${typed}" typed after the boxes` };
  }
  return { lead, options, ...decided };
}

/**
 * The way a document's rows of options put their typed marks ("X", "✓"), before their labels or after, where two or
 * more rows with two labels and a mark say so by their own order and none says otherwise; undefined otherwise.
 */
export function documentMarkOrder(lines: Iterable<string>): MarkOrder | undefined {
  const seen = new Set<MarkOrder>();
  let rows = 0;
  for (const line of lines)
    for (const cell of line.split('\t')) {
      // Only an X is a typed mark (see TOKEN): a line without one says nothing, and is not read twice.
      if (!/(?<!\w)[xX](?!\w)/.test(cell)) continue;
      const order = readOptionRun(cell.trim())?.order;
      if (!order) continue;
      seen.add(order);
      rows++;
    }
  return seen.size === 1 && rows >= 2 ? [...seen][0] : undefined;
}

/**
 * "☐ Yes ☐ No Yes": a label after a whole set of options, each with its box, naming one of them again, is the
 * word the organisation typed as its answer, not a third option. Returns that label.
 */
function typedAfterBoxes(run: ReadonlyArray<{ label?: string; mark?: Mark }>): string | undefined {
  const last = run[run.length - 1];
  const set = run.slice(0, -1);
  const value = last?.label ? optionValue(last.label) : null;
  if (!value || set.length < 4 || !set.some((t) => t.label && optionValue(t.label) === value)) return undefined;
  const isMark = set.map((t) => t.mark !== undefined);
  const whole = (markFirst: boolean) => pairsOf(isMark, markFirst).unpaired === 0;
  return whole(true) || whole(false) ? last!.label : undefined;
}

/** Box-label pairs reading `isMark` one way (box then label, or label then box), and how many are left unpaired. */
function pairsOf(isMark: readonly boolean[], markFirst: boolean): { pairs: Array<[number, number]>; unpaired: number } {
  const pairs: Array<[number, number]> = [];
  let unpaired = 0;
  for (let i = 0; i < isMark.length; i++) {
    if (isMark[i] === markFirst && isMark[i + 1] === !markFirst) pairs.push([i, ++i]);
    else unpaired++;
  }
  return { pairs, unpaired };
}

/**
 * Which way boxes and labels in a row pair up (`isMark` true for a box): box
 * then label, or label then box, whichever leaves fewer of them unpaired; null
 * when both leave as many ("Yes ☒ No": the box may go either way).
 */
export function markOrder(isMark: readonly boolean[]): 'mark-first' | 'label-first' | null {
  const m = pairsOf(isMark, true).unpaired;
  const l = pairsOf(isMark, false).unpaired;
  return m < l ? 'mark-first' : l < m ? 'label-first' : null;
}

/** "Yes  No" or "Yes No N/A": the template's labels, in its order, apart only by spaces. */
function isPrintedOptionRow(line: string, run: Array<{ index: number; end: number; label?: string }>, slash: RegExp): boolean {
  if (run.length < 2) return false;
  const values = run.map((t) => optionValue(t.label ?? ''));
  const inOrder = values.every((v, i) => v !== null && (i === 0 || optionRank(v) > optionRank(values[i - 1])));
  const spaced = run.slice(1).every((t, i) => {
    const gap = line.slice(run[i]!.end, t.index);
    return /^\s+$/.test(gap) || slash.test(gap);
  });
  return inOrder && spaced;
}

/** A label, then the organisation's words about it: "Yes – the policy is on the intranet" (not "No-one …"). */
const LABEL_THEN_WORDS = /^(yes|no|n\/a)(?:\s*[–—:;,]\s*|\s+-\s*|\s*-\s+|\s{2,})(\S[\s\S]*)$/i;

/** A label and the words after it, where nothing after it is another option or box. */
export function labelThenWords(text: string): { label: string; value: OptionValue; rest: string } | null {
  const m = LABEL_THEN_WORDS.exec(text.trim());
  if (!m || readOptionRun(m[2]!) || boxGlyphs(m[2]!).length > 0) return null;
  return { label: m[1]!, value: optionValue(m[1]!)!, rest: m[2]!.trim() };
}

/** A box, its label, then the organisation's words: "☒ Yes – the policy is on the intranet", "[x] No: not used". */
function leadingOption(text: string): { label: string; value: OptionValue; mark: Mark; rest: string } | null {
  const m = LEADING_MARK.exec(text);
  const mark = m && !BULLETS.has(m[1]!) ? glyphMark(m[1]!.replace(/\s+/g, /^[[(]/.test(m[1]!) ? ' ' : '')) : null;
  const words = mark && mark.source !== 'placeholder' ? labelThenWords(text.slice(m![0].length)) : null;
  return words ? { ...words, mark: mark! } : null;
}

/** Builds `option` blocks from a run, all with the given provenance. */
export function optionBlocks(run: OptionRun, provenance: Provenance): Block[] {
  return run.options.map((o) => ({
    kind: 'option' as const,
    text: o.label,
    provenance,
    option: { value: o.value, mark: o.typed ?? o.mark },
  }));
}

/**
 * Joins a box that stands on its own with a label that does (its own line or
 * cell, as in "|_|" then "Yes"), so that every parser hands the matcher
 * options that carry both: "☒", "Yes", "☐", "No" box first; "Yes", "☒",
 * "No", "☐" label first. With one missing ("Yes", "☒", "No") the order
 * cannot tell (see markOrder), and the boxes are left unlabelled.
 */
export function pairMarksWithLabels(blocks: Block[]): Block[] {
  const isMark = (b: Block) => b.kind === 'option' && b.option?.value === null && b.option.mark !== null && b.option.mark !== undefined;
  const isLabel = (b: Block) => b.kind !== 'option' && optionValue(b.text) !== null;
  const labelled = (mark: Block, label: Block): Block => ({ ...mark, text: label.text.trim(), option: { value: optionValue(label.text), mark: mark.option!.mark } });
  const out: Block[] = [];
  for (let i = 0; i < blocks.length; ) {
    let end = i;
    while (end < blocks.length && (isMark(blocks[end]!) || isLabel(blocks[end]!)) && (end === i || !parted(blocks[end - 1]!, blocks[end]!))) end++;
    const units = blocks.slice(i, end);
    if (units.length < 2) {
      out.push(blocks[i]!);
      i++;
      continue;
    }
    // Labels with the form's first option missing, no fewer of them than boxes ("✓", "No", "N/A": a table's headings
    // printed after its first row, "Yes" long before, alone): a box may be the missing label's, so none is paired.
    // Not where an option stands a little before, read as one ("☐ Yes", a plan's lines, "☒ No"; "☐ Yes ☒", "No").
    const labels = units.filter(isLabel).map((u) => optionValue(u.text));
    const optionBefore = out.slice(-FIRST_OPTION_REACH).some((b) => b.kind === 'option' && b.option?.value !== null && b.option?.value !== undefined);
    const firstMissing = !labels.includes('yes') && !optionBefore && labels.length >= units.length - labels.length;
    const order = firstMissing ? null : markOrder(units.map(isMark));
    for (let k = 0; k < units.length; k++) {
      const u = units[k]!;
      const next = units[k + 1];
      if (order === 'mark-first' && isMark(u) && next && isLabel(next)) out.push(labelled(u, next));
      else if (order === 'label-first' && isLabel(u) && next && isMark(next)) out.push(labelled(next, u));
      else {
        out.push(u);
        continue;
      }
      k++;
    }
    i = end;
  }
  return unpairAcrossBlocks(unbulletOptionLines(out));
}

const BULLET_DETAILS: ReadonlySet<string> = new Set([...BULLETS].map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`));

/**
 * Options set as a bulleted list, one per line ("❑ Yes" / "❑ No ☒"): each
 * line opens with the same box-like glyph, and a box of another kind after a
 * label shows the opening glyphs are the list's bullets, not boxes. Two or
 * more such lines in a row, their labels in the template's order, lose the
 * bullets, and each label takes the box after it.
 */
function unbulletOptionLines(blocks: Block[]): Block[] {
  const bulletOf = (b: Block | undefined) => (b?.kind === 'option' && b.option?.mark && BULLET_DETAILS.has(b.option.mark.detail ?? '') ? b.option.mark.detail! : null);
  const out: Block[] = [];
  for (let i = 0; i < blocks.length; ) {
    const lines: Block[][] = [];
    let j = i;
    const bullet = bulletOf(blocks[i]);
    while (bullet && bulletOf(blocks[j]) === bullet) {
      let end = j + 1;
      while (end < blocks.length && blocks[end]!.kind === 'option' && onOneLine(blocks[j]!, blocks[end]!) && bulletOf(blocks[end]) !== bullet) end++;
      lines.push(blocks.slice(j, end));
      j = end;
    }
    const read = lines.length >= 2 ? readBulletedLines(lines) : null;
    if (read) {
      out.push(...read);
      i = j;
    } else out.push(blocks[i++]!);
  }
  return out;
}

/** The options of bulleted option lines, or null where they do not read as such a list. */
function readBulletedLines(lines: readonly Block[][]): Block[] | null {
  const read: Block[] = [];
  let boxAfter = false;
  for (const [first, ...rest] of lines) {
    const labelled = first!.option!.value !== null ? first! : rest.find((b) => b.option?.value !== null && b.option?.value !== undefined);
    const value = labelled?.option?.value ?? null;
    if (!labelled || (first!.option!.value === null && rest[0] !== labelled)) return null;
    const after = rest.filter((b) => b !== labelled);
    if (after.some((b) => b.option?.value !== null || !b.option?.mark) || after.length > 1 || (labelled !== first && labelled.option!.mark)) return null;
    if (read.length && optionRank(value) <= optionRank(read[read.length - 1]!.option!.value)) return null;
    boxAfter ||= after.length === 1;
    read.push({ ...labelled, option: { value, mark: after[0]?.option!.mark ?? null } });
  }
  return boxAfter ? read : null;
}

/**
 * Whether a row's border may stand between two blocks, `b` after `a`: `b` is
 * ruled off from what is above it, or `a` is where it stands below `b` (the
 * blocks out of the page's order), and they are not on one line. A box is not
 * paired with a label across it.
 */
export function parted(a: Block, b: Block): boolean {
  if (onOneLine(a, b)) return false;
  const [pa, pb] = [a.provenance, b.provenance];
  // A PDF's y counts up the page; a text's lines count down it.
  const aBelow =
    (pa.page ?? 0) !== (pb.page ?? 0) ? (pa.page ?? 0) > (pb.page ?? 0) : pa.y !== undefined && pb.y !== undefined ? pa.y < pb.y : (pa.line ?? 0) > (pb.line ?? 0);
  return b.ruledAbove === true || (aBelow && a.ruledAbove === true);
}

function onOneLine(a: Block, b: Block): boolean {
  return a.provenance.page === b.provenance.page && a.provenance.line === b.provenance.line && Math.abs((a.provenance.y ?? 0) - (b.provenance.y ?? 0)) <= LINE_SLACK;
}

/** How many blocks before a run of boxes and labels its first option may stand. */
const FIRST_OPTION_REACH = 8;
/** How far apart (points) the tops of a box and a label on one printed line may be. */
const LINE_SLACK = 6;
/** Most boxes paired within their own line or cell in one run that are weighed against the run as a whole. */
const MAX_PAIRED_IN_RUN = 6;

/**
 * Boxes paired within their own line or cell that the run around them pairs
 * another way: "☐" / "Yes ☒" / "No" reads Yes on its middle line but No as a
 * whole (box first), and a question ending in "☐" before "Yes ☒ No" the same.
 * Where a run of lone boxes, lone labels and such pairs pairs up completely
 * read as one row, and no complete reading keeps the pairs as they are, no box
 * in it keeps its label (a ticked one is then ambiguous, not a guess).
 */
function unpairAcrossBlocks(blocks: Block[]): Block[] {
  const mark = (b: Block) => b.kind === 'option' && !!b.option?.mark;
  const label = (b: Block) => (b.kind === 'option' ? b.option?.value !== null && b.option?.value !== undefined : optionValue(b.text) !== null);
  const paired = (b: Block) => mark(b) && label(b);
  for (let start = 0; start < blocks.length; ) {
    let end = start;
    while (end < blocks.length && (mark(blocks[end]!) || label(blocks[end]!)) && (end === start || !parted(blocks[end - 1]!, blocks[end]!))) end++;
    const run = blocks.slice(start, end);
    if (run.some((b) => mark(b) && !label(b)) && run.some(paired) && !keepsItsPairs(run, mark, paired))
      run.forEach((b, k) => paired(b) && (blocks[start + k] = { ...b, option: { value: null, mark: b.option!.mark } }));
    start = Math.max(end, start + 1);
  }
  return blocks;
}

/**
 * Whether some complete reading of the run as one row (every box with a label)
 * keeps each pair's box with its own label, or no reading is complete. A pair's
 * box may have stood on either side of its label: both are tried.
 */
function keepsItsPairs(run: readonly Block[], mark: (b: Block) => boolean, paired: (b: Block) => boolean): boolean {
  const pairedAt = run.flatMap((b, k) => (paired(b) ? [k] : []));
  if (pairedAt.length > MAX_PAIRED_IN_RUN) return true;
  let complete = false;
  for (let sides = 0; sides < 1 << pairedAt.length; sides++) {
    const tokens = run.flatMap((b, k) => {
      if (!paired(b)) return [{ block: k, isMark: mark(b) }];
      const boxFirst = (sides >> pairedAt.indexOf(k)) & 1;
      return boxFirst ? [{ block: k, isMark: true }, { block: k, isMark: false }] : [{ block: k, isMark: false }, { block: k, isMark: true }];
    });
    const isMark = tokens.map((t) => t.isMark);
    const order = markOrder(isMark);
    if (order === null) continue;
    const { pairs, unpaired } = pairsOf(isMark, order === 'mark-first');
    if (unpaired > 0) continue;
    complete = true;
    if (pairedAt.every((k) => pairs.some(([a, b]) => tokens[a]!.block === k && tokens[b]!.block === k))) return true;
  }
  return !complete;
}

/**
 * One line of text as blocks: cells split at tabs (a table row or a
 * "label<TAB>value" pair), and each cell either a paragraph or, when it holds a
 * run of options, the question before them and one `option` block per option;
 * a cell opening with a box and its label, then words ("☒ Yes – see the
 * policy"), is that option and a paragraph of the words.
 */
export function lineBlocks(line: string, provenance: Provenance, kind: 'paragraph' | 'listItem' | 'heading' = 'paragraph', documentOrder?: MarkOrder): Block[] {
  const collapse = (s: string) => s.replace(/[ \u00a0]+/g, ' ').trim();
  // Runs of spaces are kept for reading options: a wide gap says which label a box stands beside.
  const cells = line
    .split('\t')
    .map((c) => c.replace(/\u00a0/g, ' ').trim())
    .filter((c) => c.length > 0);
  const blocks: Block[] = [];
  cells.forEach((raw, column) => {
    const cell = collapse(raw);
    const base: Pick<Block, 'provenance' | 'table'> = cells.length > 1 ? { provenance, table: { row: 0, column } } : { provenance };
    const blockKind = cells.length > 1 ? 'tableCell' : kind;
    const run = readOptionRun(raw, { documentOrder });
    const lead = run ? null : leadingOption(raw);
    if (run) {
      if (run.lead) blocks.push({ kind: blockKind, text: collapse(run.lead), ...base });
      blocks.push(...optionBlocks(run, provenance));
    } else if (lead) {
      blocks.push({ kind: 'option', text: lead.label, provenance, option: { value: lead.value, mark: lead.mark } });
      blocks.push({ kind: blockKind, text: collapse(lead.rest), ...base });
    } else {
      blocks.push({ kind: blockKind, text: cell, ...base });
    }
  });
  return blocks;
}
