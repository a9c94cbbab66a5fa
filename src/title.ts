/** The title block: who the organisation is, what system, who signed it off and when. */
import { TITLE_FIELDS, type TitleField } from './catalogue.js';
import { findSignOffDate } from './dates.js';
import type { Block, Provenance } from './document.js';
import type { Organisation } from './schema.js';

/** The organisation's label in other words, which a partner's or parent body's name may follow. */
const STAND_IN_NAME = String.raw`(?:police )?force|council|local authority`;
const LABELS: Record<TitleField, RegExp> = {
  name: new RegExp(String.raw`^(name of (the )?organi[sz]ation|organi[sz]ation name|organi[sz]ation)\b\s*[:\-–]?\s*|^(${STAND_IN_NAME})\s*(:\s*|$)`, 'i'),
  scope: /^(system scope|scope( of (the )?(surveillance )?(camera )?system(s|\(s\))?)?)(?![\p{L}\d])\s*[:\-–]?\s*/iu,
  seniorResponsibleOfficer: /^(name of (the )?)?(senior responsible (officer|owner)|sro)\b(\s*\([^)]{0,40}\))?( name)?\s*[:\-–]?\s*/i,
  position: /^(position|job title|role|rank\s*\/\s*role)( within (the )?organi[sz]ation)?\b\s*[:\-–]?\s*|^(rank)\s*(:\s*|$)/i,
  signOffDate: /^(date (of )?sign(ed)?[- ]?off|sign[- ]?off date|date signed|date|signed[- ]off( on)?(?=\s*[:\-–]))\b\s*[:\-–]?\s*/i,
};
/**
 * Words after a label that are more of the label, up to a colon or the end: "Scope of this assessment:", "Organisation
 * type", "SRO name and position". Lower case, as a label's words are and a value's first word seldom is.
 */
const LABEL_TAIL = /^((?:[\p{Ll}(&/][^\s:]*\s*){1,5}?)(?::\s*|$)/u;
/** Words a longer label is made of ("of this assessment", "held", "name and position", "in full"), and no value is. */
const LABEL_WORDS = new Set(
  ('of the this in within at on for by and & / full held title name names position role job assessment self-assessment self organisation organization ' +
    'sro deputy details completed reviewed review approved approval agreed signed sign off submitted date type address email e-mail ' +
    'telephone phone website number reference').split(' '),
);
/** A label's words that name something else than its field: "Organisation type", "Organisation address". */
const OTHER_TAIL = /\b(?:type|address|e-?mail|telephone|phone|website|number|reference)$/;
/** A date label that names the sign-off: it wins over one that says only "Date" (a covering letter's). */
const SIGN_OFF_LABEL = /^(date (of )?([\w ]{1,20} )?sign(ed|ing)?[- ]?off|sign[- ]?off date|date (signed|approved|agreed)|date of (signature|approval|agreement))\b/i;
/** Other dates a document gives: "Date published", "Date of meeting", "Date of next review". */
const OTHER_DATE = /^date\s+(?:of\s+)?(?:publication|published|meeting|next review|print(?:ed)?|creat(?:ed|ion)|issued?|version|last (?:updated|modified)|updated|modified|received)\b/i;
/** A sign-off not made yet: the date in "TBC - to be signed after Cabinet on 12 July 2022" is not the sign-off's. */
const UNSIGNED = /^\W*(?:tbc|tba|to be (?:signed|confirmed|agreed|approved)|awaiting|pending|not yet)\b/i;
const STOP = /^(signature|signed|self[- ]assessment tool)\b\s*[:\-–]?\s*/i;
/** Another field's name ("Telephone", "Contact email"), which a title block may hold besides the template's. */
const OTHER_FIELD = /^(?:[\p{L}-]+\s+){0,2}(?:tel(?:ephone)?|phone|mobile|fax|e-?mail|address|postcode|website|contact(?: details)?|number|version|author)$/iu;
/** Words of another language before a slash and the template's label ("Enw'r sefydliad / Name of organisation"). */
const BILINGUAL = /^[^/:\d]{2,40}?\s\/\s+(\S.*)$/;
/** Longest label line; a longer block starting with the same words is prose. */
const MAX_LABEL_LINE = 200;

interface Label {
  field: TitleField | null;
  rest: string;
  /** A label in other words than the template's ("Council:", "Force:"): the template's own, after it, wins. */
  standIn: boolean;
  /** One word with nothing setting it off ("Scope Housing Association"): after a bare label, that label's value. */
  weak: boolean;
}

/** Whether a block is one of the title block's labels ("Name of organisation"). */
export function isTitleLabel(block: Block): boolean {
  return !!labelOf(block)?.field;
}

/** A title block label standing alone, its value in the next block ("Name of organisation", then the name). */
export function isBareTitleLabel(block: Block): boolean {
  const label = labelOf(block);
  return !!label?.field && label.rest === '';
}

function labelOf(block: Block): Label | null {
  if (block.kind === 'option' || block.text.length > MAX_LABEL_LINE) return null;
  // A bilingual form's label gives another language's words first ("Enw'r sefydliad / Name of organisation"): the
  // label is the template's words after the slash.
  const other = BILINGUAL.exec(block.text);
  if (other && TITLE_FIELDS.some(({ key }) => LABELS[key].test(other[1]!))) block = { ...block, text: other[1]! };
  for (const { key } of TITLE_FIELDS) {
    const m = LABELS[key].exec(block.text);
    if (!m) continue;
    // Another date's label stops a value as any label does, but gives none.
    if (key === 'signOffDate' && OTHER_DATE.test(block.text)) return { field: null, rest: '', weak: false, standIn: false };
    // "Rank" alone is a police officer's position in other words, which the template's own label outweighs.
    const standIn = (key === 'name' && m[3] !== undefined) || (key === 'position' && m[4] !== undefined);
    // "Council" on a line of its own is as likely a name wrapped ("Barset District" over "Council") as a label.
    if (standIn && !block.table && !/:/.test(m[0])) continue;
    // "Signed off:" dates a sign-off only where a date follows; "Signed off: Jane Smith" names who signed.
    if (key === 'signOffDate' && /^signed/i.test(m[0]) && !findSignOffDate(block.text.slice(m[0].length)))
      return { field: null, rest: '', weak: false, standIn: false };
    // A note in brackets after the label is the form's guidance: "Scope of surveillance camera system (e.g. town
    // centre, ANPR)".
    const rest = block.text.slice(m[0].length).trim().replace(/^\([^)]{0,80}\)\s*[:\-–]?\s*/, '');
    // After the template's own wording, words in lower case are the value run on ("Scope of surveillance camera
    // system town centre: 14 cameras").
    const whole = TITLE_FIELDS.some((f) => f.key === key && m[0].replace(/[\s:\-–]+$/, '').toLowerCase() === f.label.toLowerCase());
    // Though not a slash and more label ("Date of sign off / review"), the label's other name.
    const tail = (whole && !rest.startsWith('/')) || /[:\-–]\s*$/.test(m[0]) ? null : LABEL_TAIL.exec(rest);
    // Label words only, up to a colon or filling a cell: a value may run on after its label in lower case ("Position
    // within organisation parish clerk", "Scope cctv: 14 cameras"). A date's label may say more ("Date signed off by
    // the chief officer:"): what follows it must be a date anyway.
    const words = tail ? tail[1]!.trim().toLowerCase() : '';
    const colon = tail !== null && tail[0] !== tail[1];
    if (tail && (colon || block.table) && ((key === 'signOffDate' && colon) || words.split(/\s+/).every((w) => LABEL_WORDS.has(w.replace(/^\(|\)$/g, '')))))
      return { field: OTHER_TAIL.test(words) ? null : key, rest: rest.slice(tail[0].length).trim(), weak: false, standIn };
    const weak = /^\p{L}+\s*$/u.test(m[0]);
    // One word in lower case run on into more (the template's introduction wrapped to open a line, "organisation
    // identify if you're complying with …") is prose, not a label and its value.
    if (weak && /^\p{Ll}/u.test(m[0]) && /^\p{Ll}/u.test(rest)) continue;
    return { field: key, rest, weak, standIn };
  }
  return STOP.test(block.text) ? { field: null, rest: '', weak: false, standIn: false } : null;
}

/** The template's labels as printed, where a flattened table row runs several of them together; "Date:" after a signature. */
const EMBEDDED = new RegExp(`\\s(?=(${[...TITLE_FIELDS.map((f) => f.label), 'Signature', 'Self Assessment Tool', 'Date(?=\\s*:)'].join('|')})\\b)`, 'gi');

/** "Name of organisation X Scope of surveillance camera system Y" → one block per label. */
function splitLabels(blocks: readonly Block[]): Block[] {
  return blocks.flatMap((b) =>
    b.kind === 'option' || b.text.length > MAX_LABEL_LINE || !labelOf(b)
      ? [b]
      : b.text
          .split(EMBEDDED)
          .filter((part, i) => i % 2 === 0 && part.trim())
          .map((part) => ({ ...b, text: part.trim() })),
  );
}

/**
 * Whether a block names another field of its own, alone or before a colon ("Contact email", "Telephone: …"): not the
 * value of a label left blank above it.
 */
function namesOtherField(b: Block, next: Block | undefined): boolean {
  const head = /^([^:\n]{1,40}):/.exec(b.text)?.[1];
  // Without a colon, only a table's cell with its value beside it: "Lead Author" on a line may be a position.
  const cell = !head && b.table !== undefined && next?.table?.row === b.table.row;
  return (head !== undefined || cell) && OTHER_FIELD.test((head ?? b.text).trim());
}

/**
 * From a label with no value beside it: the run of two or more such labels
 * it opens, and the value blocks after them (one more than the labels at
 * most, to tell whether there are more).
 */
function stackedRun(blocks: readonly Block[], from: number): { labels: number[]; values: number[] } | null {
  const labels: number[] = [];
  let j = from;
  for (; j < blocks.length; j++) {
    const label = labelOf(blocks[j]!);
    if (!label || label.rest) break;
    labels.push(j);
  }
  const values: number[] = [];
  for (; j < blocks.length && values.length <= labels.length; j++) {
    const b = blocks[j]!;
    if (labelOf(b) || b.kind === 'heading' || b.kind === 'option' || namesOtherField(b, blocks[j + 1])) break;
    values.push(j);
  }
  return labels.length >= 2 ? { labels, values } : null;
}

/** What introduces a sign-off printed after the form: its heading, or the declaration signed ("I confirm that …"). */
/** The declaration a sign-off has signed: "I confirm that this self assessment …". */
export const DECLARATION = /^i (?:confirm|certify|declare)\b/i;
const SIGN_OFF_INTRO = new RegExp(`^(?:(?:title(?: block)?|approval|declaration|sign[\\s-]?off)\\b[^.]{0,60}|${DECLARATION.source.slice(1)}.{0,300})$`, 'i');

/**
 * Where a title block printed after the form starts (a sign-off table at the end of the document), from `from`
 * on: labels alone or before a colon, two or more fields among the next few blocks, with the heading or
 * declaration that introduces them; -1 where there is none.
 */
export function trailingTitleStart(blocks: readonly Block[], from: number): number {
  const anchor = (b: Block) => labelOf(b)?.field && (isBareTitleLabel(b) || /^[^:]{1,60}:/.test(b.text));
  const fieldsOf = (b: Block) => splitLabels([b]).filter(anchor).map((part) => labelOf(part)!.field!);
  const signs = (b: Block) => b.kind !== 'option' && (SIGN_OFF_INTRO.test(b.text.trim()) || /^(?:signed|signature)\b/i.test(b.text.trim()));
  for (let i = Math.max(0, from); i < blocks.length; i++) {
    if (fieldsOf(blocks[i]!).length === 0) continue;
    const fields = new Set(blocks.slice(i, i + 16).flatMap(fieldsOf));
    // A date alone is a sign-off's where a signature or the sign-off's heading or declaration comes with it.
    const signed = fields.has('signOffDate') && blocks.slice(Math.max(from, i - 3), i + 1).some(signs);
    if (fields.size < 2 && !signed) continue;
    let start = i;
    while (start - 1 > from && start > i - 2 && blocks[start - 1]!.kind !== 'option' && SIGN_OFF_INTRO.test(blocks[start - 1]!.text.trim())) start--;
    return start;
  }
  return -1;
}

/** A title block's fields, each taken from `later` where `first` has none (its start, then a sign-off at the end). */
export function mergeTitleBlocks(first: Organisation, later: Organisation): Organisation {
  const merged: Organisation = { ...first, provenance: { ...first.provenance } };
  for (const key of ['name', 'scope', 'seniorResponsibleOfficer', 'position'] as const)
    if (merged[key] === null && later[key] !== null) {
      merged[key] = later[key];
      if (later.provenance[key]) merged.provenance[key] = later.provenance[key];
    }
  if (merged.signOffDateRaw === null && later.signOffDateRaw !== null) {
    merged.signOffDate = later.signOffDate;
    merged.signOffDateRaw = later.signOffDateRaw;
    if (later.provenance.signOffDate) merged.provenance.signOffDate = later.provenance.signOffDate;
  }
  return merged;
}

/** Words that name a post: "Head of Community Safety", "Chief Nursing Officer", "Director of Housing". */
const POST =
  /\b(?:head|director|chief|manager|officer|lead|superintendent|supt|inspector|constable|commissioner|commander|sergeant|clerk|executive|controller|co-?ordinator|secretary|principal|registrar|chair(?:man|woman|person)?|governor|dean|deputy|assistant|advis[eo]r|administrator|president|treasurer|leader)\b/i;

/**
 * A name and a post in one value, the name first and the post after a comma ("Det Ch Supt Jane Doe, Head of Crime"):
 * each; null where what follows the comma names no post ("Jane Doe, MBE", "Supt Jane Doe, Northvale Police").
 */
function nameAndPost(text: string): { name: string; post: string } | null {
  const m = /^([^,\n]{3,60}),\s*([^\n]{3,160})$/.exec(text.trim());
  return m && POST.test(m[2]!) ? { name: m[1]!.trim(), post: m[2]!.trim() } : null;
}

/** Reads a title block from the blocks before `before`: the form's start, or a sign-off printed after the form. */
export function readTitleBlock(all: readonly Block[], before: number): Organisation {
  const blocks = splitLabels(all.slice(0, before));
  const end = blocks.length;
  const values: Partial<Record<TitleField, { text: string; provenance: Provenance }>> = {};
  // A date under a label that does not name the sign-off (a covering letter's "Date") gives way to one under a
  // label that does, whatever that label holds ("Spring 2023", "To follow"); a value that is no date under a label
  // that does not name the sign-off is kept only where no label gives a date.
  let datedGenerically = false;
  let undated: { text: string; provenance: Provenance } | null = null;
  // A one-word label standing where a value is due ("Scope Housing Association" under "Name of organisation") is
  // that value where its own field has a label of its own elsewhere.
  const labelled = new Set(blocks.map(labelOf).filter((l) => l?.field && !l.weak).map((l) => l!.field));
  /** Fields read under a label in other words, which the template's own label, further on, takes back. */
  const stoodIn = new Set<TitleField>();
  for (let i = 0; i < end; i++) {
    const label = labelOf(blocks[i]!);
    const signOff = label?.field === 'signOffDate' && SIGN_OFF_LABEL.test(blocks[i]!.text);
    if (!label?.field || (values[label.field] && !(label.field === 'signOffDate' && datedGenerically && signOff) && !(stoodIn.has(label.field) && !label.standIn)))
      continue;
    // Labels stacked with nothing between, then their values stacked (a two-column table read column by
    // column): as many values as labels go to them in order, where the date's is a date. Otherwise which
    // value is whose cannot be told (a field left blank, a value over two lines): only a date straight after
    // the last label, itself the date's, is taken.
    const stacked = stackedRun(blocks, i);
    if (stacked) {
      const fields = stacked.labels.map((at) => labelOf(blocks[at]!)!.field);
      const dated = (k: number) => fields[k] !== 'signOffDate' || findSignOffDate(blocks[stacked.values[k]!]!.text) !== null;
      const take = (k: number) => {
        const field = fields[k];
        if (field && !values[field]) values[field] = { text: blocks[stacked.values[k]!]!.text, provenance: blocks[stacked.values[k]!]!.provenance };
      };
      if (stacked.values.length === fields.length && fields.every((_, k) => dated(k))) fields.forEach((_, k) => take(k));
      else if (fields.at(-1) === 'signOffDate' && stacked.values.length > 0 && findSignOffDate(blocks[stacked.values[0]!]!.text) !== null)
        values.signOffDate ??= { text: blocks[stacked.values[0]!]!.text, provenance: blocks[stacked.values[0]!]!.provenance };
      i = stacked.labels.at(-1)!;
      continue;
    }
    // The value is beside the label or after it: one block, or for the scope every block up to the next label.
    const parts: Array<{ text: string; provenance: Provenance; table?: Block['table'] }> = label.rest ? [{ text: label.rest, provenance: blocks[i]!.provenance, table: blocks[i]!.table }] : [];
    const labelCell = blocks[i]!.table;
    let j = i + 1;
    for (; j < end && parts.length < 12 && (label.field === 'scope' || parts.length === 0); j++) {
      const b = blocks[j]!;
      const next = labelOf(b);
      if ((next && !(next.weak && parts.length === 0 && labelled.has(next.field))) || b.kind === 'heading' || b.kind === 'option') break;
      if (parts.length === 0 && namesOtherField(b, blocks[j + 1])) break;
      // A scope runs on over rows of a table that hold only more of it, in its value's column; a row with a cell in
      // the labels' column holds a field of its own ("Owner | Supt Ian Marsh").
      if (parts.length > 0 && labelCell && b.table && b.table.row !== parts.at(-1)!.table?.row && b.table.column <= labelCell.column) break;
      parts.push(b);
    }
    if (!parts.length) continue;
    const text = parts.map((b) => b.text).join('\n');
    if (label.field === 'signOffDate' && !signOff) {
      // Under a label that does not name the sign-off, a value that is no date is another column's (a version
      // table's "Date" over "Author").
      if (!findSignOffDate(text) && !UNSIGNED.test(text)) {
        undated ??= { text, provenance: parts[0]!.provenance };
        continue;
      }
      datedGenerically = true;
    } else if (label.field === 'signOffDate') datedGenerically = false;
    values[label.field] = { text, provenance: parts[0]!.provenance };
    if (label.standIn) stoodIn.add(label.field);
    else stoodIn.delete(label.field);
    i = j - 1;
  }
  if (!values.signOffDate && undated) values.signOffDate = undated;
  // A name and post given together where the block gives no post of its own ("Jane Doe, Head of Community Safety").
  const named = !values.position && values.seniorResponsibleOfficer ? nameAndPost(values.seniorResponsibleOfficer.text) : null;
  if (named) {
    values.position = { text: named.post, provenance: values.seniorResponsibleOfficer!.provenance };
    values.seniorResponsibleOfficer = { ...values.seniorResponsibleOfficer!, text: named.name };
  }
  const provenance: Record<string, Provenance> = {};
  for (const [key, value] of Object.entries(values)) provenance[key] = value.provenance;
  const raw = values.signOffDate?.text ?? null;
  return {
    name: values.name?.text ?? null,
    scope: values.scope?.text ?? null,
    seniorResponsibleOfficer: values.seniorResponsibleOfficer?.text ?? null,
    position: values.position?.text ?? null,
    signOffDate: raw && !UNSIGNED.test(raw) ? findSignOffDate(raw) : null,
    signOffDateRaw: raw,
    provenance,
  };
}
