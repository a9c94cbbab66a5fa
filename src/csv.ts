/**
 * answers.csv: every answer of every record as a row of a flat table, for
 * spreadsheets and data frames. The record stays the full account (action
 * plans, diagnostics, all provenance); this is its answers, each beside the
 * document it came from.
 */
import type { Answer, ExtractRecord } from './schema.js';

type Cell = string | number | null;

/** Column name, and its value for one answer of one record. */
const COLUMNS: ReadonlyArray<readonly [string, (r: ExtractRecord, a: Answer) => Cell]> = [
  ['path', (r) => r.source.path],
  ['sha256', (r) => r.source.sha256],
  ['format', (r) => r.source.format],
  ['organisation', (r) => r.organisation.name],
  ['scope', (r) => r.organisation.scope],
  ['seniorResponsibleOfficer', (r) => r.organisation.seniorResponsibleOfficer],
  ['position', (r) => r.organisation.position],
  ['signOffDate', (r) => r.organisation.signOffDate],
  ['id', (_, a) => a.id],
  ['principle', (_, a) => a.principle],
  ['number', (_, a) => a.number],
  ['type', (_, a) => a.type],
  ['choice', (_, a) => a.choice],
  ['status', (_, a) => a.status],
  ['reason', (_, a) => a.reason],
  ['confidence', (_, a) => a.confidence],
  ['evidence', (_, a) => a.evidence.kind],
  ['evidenceSource', (_, a) => a.evidence.source],
  ['evidenceQuote', (_, a) => a.evidence.quote],
  ['questionAt', (_, a) => where(a.provenance.question)],
  ['textAt', (_, a) => where(a.provenance.text)],
  ['text', (_, a) => a.text],
];

export const CSV_HEADER = `${COLUMNS.map(([name]) => name).join(',')}\r\n`;

/** The record's answers as CSV rows (RFC 4180: CRLF line ends, fields quoted where they must be). */
export function answerRows(record: ExtractRecord): string {
  return record.answers.map((a) => `${COLUMNS.map(([, value]) => field(value(record, a))).join(',')}\r\n`).join('');
}

/** "p3" or "l120": the page, else the line, an answer was read from. */
function where(p: Answer['provenance']['question']): string | null {
  if (!p) return null;
  return p.page !== undefined ? `p${p.page}` : p.line !== undefined ? `l${p.line}` : null;
}

/**
 * A field as written: quoted where it holds a comma, quote or line break.
 * Text a spreadsheet would run as a formula ("=HYPERLINK(…)", "@SUM(…)",
 * "-cmd|…") is set off with an apostrophe, as spreadsheets themselves do.
 */
function field(value: Cell): string {
  if (value === null) return '';
  let s = String(value);
  if (typeof value === 'string' && /^(?:[=@\t\r]|[+-][^\s\d])/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
