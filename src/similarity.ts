/** Word-level likeness between a printed question and the template's wording. */

const STOPWORDS = new Set(
  'a an and any are as at be been by do does for from has have how if in into is it its of on or so such that the their them then there these this those to was were what when where whether which who will with within you your'.split(
    ' ',
  ),
);

/** Lower-case words with accents, punctuation and a leading printed number removed. */
export function words(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/^\s*(q(uestion)?\s*)?\d{1,2}\s*[.):]\s*/, '')
    .replace(/[’']s\b/g, '')
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
}

export function contentWords(text: string): string[] {
  return words(text).filter((w) => !STOPWORDS.has(w));
}

/** Crude stemming so "deploy"/"deployed"/"deployment" and "licence"/"licences" meet. */
function stem(w: string): string {
  return w.replace(/(ments?|ings?|ed|es|s)$/, '').slice(0, 7);
}

export interface Likeness {
  /** Share of the template question's words found in the text. */
  recall: number;
  /** Share of the text's words that belong to the question. */
  precision: number;
  score: number;
}

/**
 * The matcher scores each block against every question near it, so a block's
 * words are stemmed once and kept. Keys are texts, so the cache is the same
 * whatever the document; it is emptied when full, so a long batch does not grow it.
 */
interface Stemmed {
  list: readonly string[];
  set: ReadonlySet<string>;
}

const STEMMED_TEXTS = new Map<string, Stemmed>();
const MAX_STEMMED_TEXTS = 1024;
const STEMMED_QUESTIONS = new WeakMap<readonly string[], ReadonlySet<string>>();

function textStems(text: string): Stemmed {
  let stems = STEMMED_TEXTS.get(text);
  if (!stems) {
    if (STEMMED_TEXTS.size >= MAX_STEMMED_TEXTS) STEMMED_TEXTS.clear();
    const list = contentWords(text).map(stem);
    stems = { list, set: new Set(list) };
    STEMMED_TEXTS.set(text, stems);
  }
  return stems;
}

function questionStems(questionWords: readonly string[]): ReadonlySet<string> {
  let stems = STEMMED_QUESTIONS.get(questionWords);
  if (!stems) {
    stems = new Set(questionWords.map(stem));
    STEMMED_QUESTIONS.set(questionWords, stems);
  }
  return stems;
}

export function likeness(questionWords: readonly string[], text: string): Likeness {
  const q = questionStems(questionWords);
  const { list: t, set: tSet } = textStems(text);
  if (q.size === 0 || t.length === 0) return { recall: 0, precision: 0, score: 0 };
  let shared = 0;
  for (const w of q) if (tSet.has(w)) shared++;
  const recall = shared / q.size;
  let inQuestion = 0;
  for (const w of t) if (q.has(w)) inQuestion++;
  const precision = inQuestion / t.length;
  const score = recall + precision === 0 ? 0 : (2 * recall * precision) / (recall + precision);
  return { recall, precision, score };
}
