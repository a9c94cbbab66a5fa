/** Scores extracted records against hand-checked expectations. */
import type { Expected, ExtractRecord } from './schema.js';

export interface Tally {
  documents: number;
  perfectDocuments: number;
  choices: number;
  choicesRight: number;
  wrongAnswered: number;
  unanswered: number;
  unansweredFound: number;
  texts: number;
  textF1Strict: number;
  textF1Soft: number;
  plans: number;
  planF1Soft: number;
  titleFields: number;
  titleStrict: number;
  titleSoft: number;
  /** Inputs that failed to extract although an expectation exists. */
  failed: number;
}

export const emptyTally = (): Tally => ({
  documents: 0,
  perfectDocuments: 0,
  choices: 0,
  choicesRight: 0,
  wrongAnswered: 0,
  unanswered: 0,
  unansweredFound: 0,
  texts: 0,
  textF1Strict: 0,
  textF1Soft: 0,
  plans: 0,
  planF1Soft: 0,
  titleFields: 0,
  titleStrict: 0,
  titleSoft: 0,
  failed: 0,
});

const strictTokens = (t: string | null) => (t ?? '').split(/\s+/).filter(Boolean);
const softTokens = (t: string | null) =>
  (t ?? '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/** Token-multiset F1; two empty texts agree fully. */
export function tokenF1(expected: string[], actual: string[]): number {
  if (expected.length === 0 && actual.length === 0) return 1;
  if (expected.length === 0 || actual.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const t of expected) counts.set(t, (counts.get(t) ?? 0) + 1);
  let shared = 0;
  for (const t of actual) {
    const n = counts.get(t) ?? 0;
    if (n > 0) {
      shared++;
      counts.set(t, n - 1);
    }
  }
  if (shared === 0) return 0;
  const p = shared / actual.length;
  const r = shared / expected.length;
  return (2 * p * r) / (p + r);
}

export const softEqual = (a: string | null, b: string | null) => softTokens(a).join(' ') === softTokens(b).join(' ');

/** Adds one document's comparison to a tally; returns the differences found, for the report. */
export function scoreDocument(t: Tally, expected: Expected, record: ExtractRecord): string[] {
  const diffs: string[] = [];
  t.documents++;
  const byId = new Map(record.answers.map((a) => [a.id, a]));
  for (const e of expected.answers) {
    const a = byId.get(e.id)!;
    const isChoice = a.type !== 'open';
    if (isChoice) {
      t.choices++;
      if (a.choice === e.choice) t.choicesRight++;
      else diffs.push(`${e.id} choice: expected ${e.choice}, got ${a.choice} (${a.reason ?? a.evidence.kind})`);
    }
    const claimed = a.status === 'answered' && e.status !== 'answered';
    const contradicts = isChoice && a.choice !== null && a.choice !== e.choice;
    if (claimed || contradicts) t.wrongAnswered++;
    if (e.status !== 'answered') {
      t.unanswered++;
      if (a.status === e.status) t.unansweredFound++;
    }
    if (a.status !== e.status) diffs.push(`${e.id} status: expected ${e.status}, got ${a.status} (${a.reason})`);
    if (e.text !== null || a.text !== null) {
      t.texts++;
      t.textF1Strict += tokenF1(strictTokens(e.text), strictTokens(a.text));
      t.textF1Soft += tokenF1(softTokens(e.text), softTokens(a.text));
      if (!softEqual(e.text, a.text)) diffs.push(`${e.id} text: expected ${JSON.stringify(e.text)}, got ${JSON.stringify(a.text)}`);
    }
  }
  for (const e of expected.actionPlans) {
    const a = record.actionPlans.find((p) => p.principle === e.principle)!;
    t.plans++;
    t.planF1Soft += tokenF1(softTokens(e.text), softTokens(a.text));
    if (!softEqual(e.text, a.text)) diffs.push(`action plan ${e.principle}: expected ${JSON.stringify(e.text)}, got ${JSON.stringify(a.text)}`);
  }
  for (const key of ['name', 'scope', 'seniorResponsibleOfficer', 'position', 'signOffDate'] as const) {
    const e = expected.organisation[key];
    const a = record.organisation[key];
    t.titleFields++;
    if (e === a) t.titleStrict++;
    if (softEqual(e, a)) t.titleSoft++;
    else diffs.push(`organisation.${key}: expected ${JSON.stringify(e)}, got ${JSON.stringify(a)}`);
  }
  if (diffs.length === 0) t.perfectDocuments++;
  return diffs;
}

export interface Figures {
  documents: number;
  failed: number;
  choiceAccuracy: number;
  wrongAnswered: number;
  missingRecall: number;
  textF1Strict: number;
  textF1Soft: number;
  actionPlanF1: number;
  titleStrict: number;
  titleSoft: number;
  perfectDocuments: number;
}

const ratio = (n: number, d: number) => (d === 0 ? 1 : Math.round((n / d) * 10000) / 10000);

export function figures(t: Tally): Figures {
  return {
    documents: t.documents + t.failed,
    failed: t.failed,
    choiceAccuracy: ratio(t.choicesRight, t.choices),
    wrongAnswered: t.wrongAnswered,
    missingRecall: ratio(t.unansweredFound, t.unanswered),
    textF1Strict: ratio(t.textF1Strict, t.texts),
    textF1Soft: ratio(t.textF1Soft, t.texts),
    actionPlanF1: ratio(t.planF1Soft, t.plans),
    titleStrict: ratio(t.titleStrict, t.titleFields),
    titleSoft: ratio(t.titleSoft, t.titleFields),
    perfectDocuments: ratio(t.perfectDocuments, t.documents + t.failed),
  };
}

/** Figures where a higher value is better; `wrongAnswered` and `failed` are the other way. */
export const LOWER_IS_BETTER: ReadonlyArray<keyof Figures> = ['wrongAnswered', 'failed'];
