import { describe, expect, it } from 'vitest';
import { DEFAULT_TEXT_STYLE, renderText } from '../corpus/build/text.js';
import { sampleSpec } from '../corpus/build/spec.js';
import { answerRows, CSV_HEADER } from '../src/csv.js';
import { extract } from '../src/extract.js';
import type { ExtractRecord } from '../src/schema.js';

/** RFC 4180 read back: rows of fields, quoted fields unquoted. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  for (let i = 0, quoted = false; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), i++;
    else field += c;
  }
  return rows;
}

async function record(): Promise<ExtractRecord> {
  const spec = sampleSpec(61);
  spec.answers['P2.4'] = { ticked: 'yes', text: 'Reviewed "annually", or sooner,\nafter any change.' };
  return extract(new TextEncoder().encode(renderText(spec, DEFAULT_TEXT_STYLE)), { path: 'in/a.txt' });
}

describe('answers.csv rows', () => {
  it('give one row per answer, every field as the record has it, read back whole', async () => {
    const r = await record();
    const [header, ...rows] = readCsv(CSV_HEADER + answerRows(r));
    expect(rows).toHaveLength(75);
    const at = (id: string) => Object.fromEntries(header!.map((name, i) => [name, rows.find((row) => row[header!.indexOf('id')] === id)![i]]));
    const p24 = r.answers.find((a) => a.id === 'P2.4')!;
    expect(at('P2.4')).toMatchObject({
      path: 'in/a.txt',
      organisation: r.organisation.name,
      id: 'P2.4',
      principle: '2',
      number: '4',
      choice: 'yes',
      status: 'answered',
      reason: '',
      confidence: String(p24.confidence),
      evidence: 'mark',
      evidenceSource: 'glyph',
      questionAt: `l${p24.provenance.question!.line}`,
      text: 'Reviewed "annually", or sooner,\nafter any change.',
    });
    expect(at('P1.1').number).toBe('');
  });

  it('set off text a spreadsheet would run as a formula, and leave other text as it is', async () => {
    const r = await record();
    const texts = ['=HYPERLINK("http://example.com","details")', '@SUM(A1)', '-cmd|calc', '- a list item', '+44 20 7946 0000', '-12'];
    texts.forEach((t, i) => (r.answers[i]!.text = t));
    expect(readCsv(answerRows(r)).slice(0, texts.length).map((row) => row.at(-1))).toEqual([
      `'=HYPERLINK("http://example.com","details")`,
      "'@SUM(A1)",
      "'-cmd|calc",
      '- a list item',
      '+44 20 7946 0000',
      '-12',
    ]);
  });
});
