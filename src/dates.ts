/** Sign-off dates as organisations write them, to ISO 8601. UK order (day first) for numeric dates. */

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** Edits (insertions, deletions, substitutions) between two short words. */
function edits(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length]!;
}

/**
 * A month's name, its abbreviation ("Sept" too) or its name misspelt ("Febuary"), not any word that starts like one
 * ("decision", "Mayor", "Juno", "Marching").
 */
function monthNumber(word: string): number | null {
  const w = word.toLowerCase();
  const i = MONTHS.indexOf(w.slice(0, 3));
  if (i < 0) return null;
  const name = MONTH_NAMES[i]!;
  // A long name may be two letters out ("Octobre", "Feburary"); a short one only one ("Augst").
  return name.startsWith(w) || w === 'sept' || (w.length >= 5 && edits(w, name) <= (w.length >= 7 && name.length >= 7 ? 2 : 1)) ? i + 1 : null;
}

function fullYear(y: string): number {
  const n = Number(y);
  return y.length === 2 ? 2000 + n : n;
}

function iso(year: number, month: number, day?: number): string | null {
  if (year < 1990 || year > 2100 || month < 1 || month > 12) return null;
  const ym = `${year}-${String(month).padStart(2, '0')}`;
  if (day === undefined) return ym;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day >= 1 && day <= last ? `${ym}-${String(day).padStart(2, '0')}` : null;
}

/** yyyy-mm-dd, or yyyy-mm when only a month is given; null when the text is not a date. */
export function parseSignOffDate(raw: string): string | null {
  const t = raw.trim().replace(/\s+/g, ' ');
  let m = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/.exec(t);
  if (m) return iso(Number(m[1]), Number(m[3]), Number(m[4]));
  m = /^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4}|\d{2})$/.exec(t);
  if (m) return iso(fullYear(m[3]!), Number(m[2]), Number(m[1]));
  m = /^(\d{1,2})(?:st|nd|rd|th)?(?: of)? ([a-z]+)\.?,? (\d{4})$/i.exec(t);
  if (m) {
    const month = monthNumber(m[2]!);
    return month ? iso(Number(m[3]), month, Number(m[1])) : null;
  }
  m = /^([a-z]+)\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})$/i.exec(t);
  if (m) {
    const month = monthNumber(m[1]!);
    return month ? iso(Number(m[3]), month, Number(m[2])) : null;
  }
  m = /^([a-z]+)\.?,? (\d{4})$/i.exec(t);
  if (m) {
    const month = monthNumber(m[1]!);
    return month ? iso(Number(m[2]), month) : null;
  }
  m = /^(\d{1,2})[/.\-](\d{4})$/.exec(t);
  if (m) return iso(Number(m[2]), Number(m[1]));
  // "4-Dec-23" and "Apr-24", as a spreadsheet prints a day or a month.
  m = /^(\d{1,2})-([a-z]+)-(\d{4}|\d{2})$/i.exec(t);
  if (m) {
    const month = monthNumber(m[2]!);
    return month ? iso(fullYear(m[3]!), month, Number(m[1])) : null;
  }
  m = /^([a-z]+)[-\u2019'](\d{2})$/i.exec(t);
  if (m) {
    const month = monthNumber(m[1]!);
    return month ? iso(fullYear(m[2]!), month) : null;
  }
  return null;
}

const DATE_IN_TEXT = [
  /\b\d{4}([-/.])\d{1,2}\1\d{1,2}\b/g,
  /\b\d{1,2}[/.\-]\d{1,2}[/.\-](\d{4}|\d{2})\b/g,
  /\b\d{1,2}(st|nd|rd|th)?( of)? [a-z]+\.?,? \d{4}\b/gi,
  /\b[a-z]+\.? \d{1,2}(st|nd|rd|th)?,? \d{4}\b/gi,
  /\b[a-z]+\.?,? \d{4}\b/gi,
  /\b\d{1,2}-[a-z]+-(\d{4}|\d{2})\b/gi,
  /\b[a-z]+-\d{2}\b/gi,
];

/** The sign-off date in a value that carries more than the date ("09/01/2026 (reviewed)"). */
export function findSignOffDate(raw: string): string | null {
  // A non-breaking or typographic hyphen between the numbers ("28‑01‑2025") is a hyphen.
  const text = raw.replace(/[\u2010\u2011\u2012\u2212]/g, '-');
  const whole = parseSignOffDate(text);
  if (whole) return whole;
  for (const re of DATE_IN_TEXT)
    for (const m of text.matchAll(re)) {
      const iso = parseSignOffDate(m[0]);
      if (iso) return iso;
    }
  return null;
}
