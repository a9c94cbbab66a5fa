/**
 * The template's own words as a document prints them: how like one of its
 * questions a block reads, principle headings, action plan labels, table
 * column headings, prompts and guidance.
 */
import { PRINCIPLES, QUESTIONS, TEMPLATE_GUIDANCE, type Question } from '../catalogue.js';
import type { Block } from '../document.js';
import { contentWords, likeness } from '../similarity.js';

/** Likeness a block needs to be taken for a question. */
export const QUESTION_THRESHOLD = 0.5;

const NUMBER_WORDS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];
/** "Principle 3" opening a line, but not "Principle 3?": the end of a closing question wrapped onto a line of its own. */
export const PRINCIPLE_HEADING = new RegExp(`^(?:egwyddor\\s+\\d{1,2}\\s*\\/\\s*)?(?:guiding\\s+)?principle\\s+(\\d{1,2}|${NUMBER_WORDS.join('|')})\\b(?!\\s*\\?)\\s*[:.\\-–—]?\\s*(.*)$`, 'i');

export function principleNumber(word: string): number {
  const n = NUMBER_WORDS.indexOf(word.toLowerCase());
  return n >= 0 ? n + 1 : Number(word);
}
/** "Action Plan", or "Action Plan – Principle 2" naming its principle, and what follows on its line. */
export const ACTION_PLAN = /^(?:cynllun\s+gweithredu\s*\/\s*)?action\s*plan\b[\s:.\-–—]*(?:(?:for\s+)?principle\s+\d{1,2}\b[\s:.\-–—]*)?(\S.*)?$/i;
/**
 * The Welsh half of a bilingual form's own labels ("Egwyddor 2 / Principle 2", "Cynllun Gweithredu / Action Plan"):
 * such a form prints each question in Welsh too, before or after its English.
 */
export const WELSH_LABEL = /^\s*(?:egwyddor\s+\d{1,2}|cynllun\s+gweithredu)\s*\//i;
/** A column's title in an action plan set out as a table: "Action", "Owner", "Target date", "Timescale", "Status". */
const PLAN_TITLE =
  String.raw`(?:no\.?|#|ref(?:erence)?\.?|(?:proposed\s+|agreed\s+)?actions?(?:\s+(?:required|needed|proposed|to\s+be\s+taken))?|owner|responsib(?:le|ility)(?:\s+(?:officer|person|lead))?|lead(?:\s+officer)?|by\s+whom|(?:target|due|completion|review)\s+date|date|deadline|timescales?|time\s*frame|by\s+when|status|progress|priority|rag(?:\s+status)?|comments?|notes?|updates?|outcomes?|resources?)`;
export const PLAN_COLUMN = new RegExp(String.raw`^${PLAN_TITLE}\s*:?$`, 'i');
/**
 * A plan table's row of titles run into one line, as a text conversion keeps it: "Action Owner Target date"; not
 * "No action" or "No actions required", a plan's words.
 */
export const PLAN_COLUMNS_ROW = new RegExp(String.raw`^(?!no\b(?!\.))(?:${PLAN_TITLE}\s*[|:]?\s+){1,7}${PLAN_TITLE}\s*:?$`, 'i');
/** An answer that only points to the action plan: "See Action Plan below", "(see action plan)". */
export const PLAN_POINTER = /^\(?\s*(?:please\s+)?(?:see|refer\s+to|as\s+per)\s+(?:the\s+)?action\s+plan(?:\s+(?:below|overleaf|attached|following))?\s*[.)]*\s*$/i;
export const NIL_ANSWER = /^(n\/?a|nil|none|not applicable)\.?$/i;
/** A table's column headings, which a layout repeats at the top of every page the table runs onto. */
export const COLUMN_HEADINGS = /^((ref(erence)?|number|question|response|answer|comments?|evidence|yes\s*\/\s*no|y\s*\/\s*n)\s*(?:(?:[\/&,]|and)\s*)?){1,5}$/i;

export const QUESTION_WORDS = new Map(QUESTIONS.map((q) => [q.id, contentWords(q.text)]));
export const STATEMENT_WORDS = PRINCIPLES.map((p) => contentWords(p.statement));
const GUIDANCE_WORDS = TEMPLATE_GUIDANCE.map((g) => contentWords(g));

/** A question's reference printed in a column of its own: "2.6", "Q12". */
export const REFERENCE = /^(q\s*\d{1,2}|\d{1,2}\.\d{1,2})\.?$/i;

/**
 * A response column's heading: "Response", "Answer", "Yes/No", "Y/N" opening it, or "Compliant?", "Met", "In place",
 * "Achieved (Y/N)", "Compliant Yes/No" as the whole heading ("Compliance with Principle 2" is a title).
 */
export const RESPONSE_HEADING =
  /^(?:(?:response|answer|yes\s*\/\s*no|y\s*\/\s*n)\b|(?:compliant|compliance|met|in place|achieved)\s*\??\s*(?:\(?\s*(?:yes|y)\s*\/\s*(?:no|n)(?:\s*\/\s*n\/?a)?\s*\)?)?\s*\??$)/i;
export const QUESTION_HEADING = /^questions?$/i;

/** The template's follow-on to a question, which documents often print on a line of its own. */
export const FOLLOW_ON = /^\(?\s*(if so|please)\b/i;

/**
 * Ends in a question mark, perhaps followed by how to answer it: "…covert?
 * (tick one)", "? (Y/N)", "? Yes/No", "? - please tick".
 */
export const endsAsQuestion = (text: string) =>
  /\?["'”’)\]]*\s*(?:(?:(?:[-–—]\s*)?\(?(?:please\s+)?(?:tick|select|circle|delete|choose|mark)\b[^)]*\)?|\(?y\s*\/\s*n\)?|yes\s*\/\s*no)\s*)?$/i.test(text);

/** What else a heading row's cell may hold: a number column's "No." or "#", an option's label. */
export const HEADING_CELL = /^(?:no\.?|#|yes|n\/a)$/i;

export function leadingNumber(text: string): number | null {
  // "12.", "12)", "Q12:", "Q.12", "Question 12 …"; "2.1 …" (principle and question) is question 1.
  const m = /^\s*(?:q(?:uestion)?\.?\s*(\d{1,2})\s*[.):]?|\d{1,2}\.(\d{1,2})(?!\d)\s*[.):]?|(\d{1,2})\s*[.):](?!\d))\s*\S/i.exec(text);
  return m ? Number(m[1] ?? m[2] ?? m[3]) : null;
}

export function questionScore(q: Question, b: Block): number {
  if (b.kind === 'option' || b.text.length > 1200) return 0;
  const l = likeness(QUESTION_WORDS.get(q.id)!, b.text);
  if (l.recall < 0.3) return 0;
  let s = l.score;
  if (/\?\s*$/.test(b.text)) s += 0.08;
  const printed = leadingNumber(b.text);
  if (printed !== null && (printed === q.number || printed === q.index)) s += 0.08;
  return s;
}

export function isGuidance(text: string): boolean {
  const t = text.trim();
  if (/^<?https?:\/\/\S+>?$/.test(t) && TEMPLATE_GUIDANCE.some((g) => g.includes(t.replace(/^<|>$/g, '')))) return true;
  if (/^guidance on single point of contact\b/i.test(t)) return true;
  const w = contentWords(t);
  return w.length > 0 && GUIDANCE_WORDS.some((g) => likeness(g, t).recall >= 0.8 && likeness(g, t).precision >= 0.8);
}

/**
 * A form's prompt printed in the answer cell, with nothing after it: "Answer:", "Comments:", or the options
 * parted by slashes with none marked ("Yes / No / N/A", "Yes / No (delete as appropriate)").
 */
export const PROMPT = /^(?:(?:answer|response|comments?|evidence|notes?|details?)\s*:|yes\s+\/\s+no(?:\s+\/\s+n\/a)?(?:\s*\((?:please\s+)?delete as (?:appropriate|applicable)\))?)$/i;
