/**
 * Choices an organisation states in its own words elsewhere in the document,
 * e.g. "Although 'No' has been selected as the answer for point 9".
 */
import type { OptionValue, Provenance } from './document.js';
import { optionValue } from './options.js';

export interface Statement {
  value: OptionValue;
  /** The number the sentence gives, and the principle when it names one. */
  number: number;
  principle: number | null;
  quote: string;
  provenance: Provenance;
}

const Q = String.raw`["'‘’“”]?`;
const VALUE = String.raw`(yes|no|n\/a)`;
// "question 9", "question 3 of principle 2", or "question 2.3" (principle 2, its third).
const REF = String.raw`(?:point|question|q)\.?\s*(?:(\d{1,2})\.(\d{1,2})(?!\d)|(\d{1,2})(?:\s+(?:of|in)\s+principle\s+(\d{1,2}))?)`;
const PATTERNS = [
  new RegExp(`${Q}${VALUE}${Q}\\s+(?:has|was|is|have)\\s+(?:been\\s+)?(?:selected|ticked|checked|marked|chosen|given)(?:\\s+as\\s+(?:the|our)\\s+(?:answer|response))?\\s+(?:for|to|on|against|at|in)\\s+${REF}`, 'gi'),
  new RegExp(`\\b(?:answered|ticked|selected|marked|chose|chosen)\\s+${Q}${VALUE}${Q}\\s+(?:for|to|on|against|at|in)\\s+${REF}`, 'gi'),
];

/** A choice said to be a mistake, or made in another assessment, draft, year or publication, is not this document's answer. */
const ELSEWHERE =
  /\b(?:in error|by mistake|mistaken(?:ly)?|incorrect(?:ly)?|wrong(?:ly)?|accidental(?:ly)?|previous|prior|earlier|former|last (?:year|time)|draft|checklist|neighbou?ring|another|other assessment|separate assessment|(?:in|for) the (?!this\b)[\w -]{2,40}? assessment|(?:19|20)\d\d)\b/i;
/** The sentence after a statement taking it back: "That was a mistake and will be corrected." ("This is an oversight in our induction programme" explains it.) */
const TAKEN_BACK = /^\s*(?:that|this|it|the (?:answer|selection|tick))\s+(?:was|is)\s+(?:a mistake|an error|an oversight|incorrect|wrong|not correct)\b(?!\s+(?:in|of|on|by|within|at|with|across)\b)/i;
/** Denied or supposed ("we have not answered", "had we answered", "if 'No' is selected"), not stated: in the sentence up to the choice. */
const NOT_SO = /\b(?:not|never|if|had we|were we|would|should|could|unless|target|aim|intend|expect|hope|will|once|until)\b|n't\b/i;
/** Asked, doubted or advised right before the choice ("queried whether 'Yes' was selected", "recommended that 'No' is given"). */
const ASKED = /\b(?:whether|(?:recommend|propos|suggest|advis|request|ask)\w*\s+that(?:\s+(?:the\s+)?(?:answer|response))?(?:\s+(?:is|be|was))?)\s*$/i;
/**
 * Advice or a doubt in the sentence, and the choice in the present, as a proposal puts it ("Members proposed 'Yes'
 * is selected", "recommended that, pending the survey, 'No' is selected"): not made. Advice taken, the choice made
 * ("As advised by the DPO, 'Yes' has been selected"; "In line with the auditor's recommendation, 'No' is selected"), is a
 * statement.
 */
const ADVISED = /\b(?:suggest(?:s|ed)?|recommend(?:s|ed)?|propos(?:e|es|ed)|advis(?:e|es|ed)|request(?:s|ed)?|ask(?:s|ed)?|quer(?:y|ies|ied)|unclear|uncertain|unsure)\b/i;
const PRESENT = /\b(?:is|be|are)\s+(?:selected|ticked|checked|marked|chosen|given)\b/i;
/** A rule for the reader, not a statement: "Where 'No' has been ticked for question 6, an action must be entered". */
const RULE = /\b(?:must|should|needs? to|is required|are required|only where|only when|only if|once)\b/i;
/** A case a rule opens with, the choice its subject: "Where 'No' has been ticked …", not "Where … we ticked 'No' …". */
const CASE_OF_CHOICE = /^(?:where|wherever|when|whenever|once|if)\s+["'‘’“”]?(?:yes|no|n\/a)\b/i;

export function findStatements(text: string, provenance: Provenance): Statement[] {
  const found: Statement[] = [];
  for (const re of PATTERNS) {
    for (const m of text.matchAll(re)) {
      const value = optionValue(m[1]!);
      if (!value) continue;
      const quote = sentenceAround(text, m.index ?? 0);
      // Sentences are cut at ". ", which abbreviations ("Feb. 2024") also end with: the words around count too.
      const around = text.slice(Math.max(0, (m.index ?? 0) - 120), (m.index ?? 0) + m[0].length + 120);
      const stop = text.lastIndexOf('. ', m.index ?? 0);
      const upTo = text.slice(stop < 0 ? 0 : stop + 2, (m.index ?? 0) + m[0].length);
      const end = (m.index ?? 0) + m[0].length;
      const after = text.indexOf('. ', end);
      const rest = text.slice(end, after < 0 ? text.length : after);
      const next = after < 0 ? '' : text.slice(after + 2, text.indexOf('. ', after + 2) < 0 ? text.length : text.indexOf('. ', after + 2));
      const asked = ASKED.test(text.slice(stop < 0 ? 0 : stop + 2, m.index ?? 0)) || (ADVISED.test(upTo) && PRESENT.test(m[0]));
      if (ELSEWHERE.test(quote) || ELSEWHERE.test(around) || NOT_SO.test(upTo) || asked || RULE.test(rest) || CASE_OF_CHOICE.test(upTo.trim()) || TAKEN_BACK.test(next)) continue;
      const [principle, number] = m[2] ? [Number(m[2]), Number(m[3])] : [m[5] ? Number(m[5]) : null, Number(m[4])];
      found.push({ value, number, principle, quote, provenance });
    }
  }
  return found;
}

function sentenceAround(text: string, at: number): string {
  const start = Math.max(text.lastIndexOf('. ', at) + 2, 0);
  const stop = text.indexOf('. ', at);
  return text.slice(start > 1 ? start : 0, stop < 0 ? text.length : stop + 1).trim();
}
