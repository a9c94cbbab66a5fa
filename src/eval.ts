/**
 * The corpus scorer: extracts every corpus case, compares it with its
 * expected record and prints the figures per format and overall.
 *   npm run eval                 print the table
 *   npm run eval -- --verbose    also every difference
 *   npm run eval -- --cases      one column per case (e.g. per checkbox encoding)
 *   npm run eval -- --kinds      one column per format and kind of box read
 *   npm run eval -- --write      record the figures as the new baseline
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadCorpus } from './corpus.js';
import { toExtractError } from './errors.js';
import { extract } from './extract.js';
import type { ExtractRecord } from './schema.js';
import { emptyTally, figures, scoreDocument, type Figures, type Tally } from './scoring.js';

export const CORPUS_DIR = 'corpus';
export const BASELINE_FILE = path.join(CORPUS_DIR, 'baseline.json');

export interface Evaluation {
  figures: Record<string, Figures>;
  /** Figures of each case on its own. */
  cases: Record<string, Figures>;
  /** Figures per format and kind of box its cases' choices were read from (see checkboxKind). */
  kinds: Record<string, Figures>;
  differences: Record<string, string[]>;
}

/**
 * The kind of box a document's choices were read from: the mark source most of its answers cite (glyph, vector,
 * acroform, typed-mark …), or "no box read" where none was read from a box. A document whose boxes went unread
 * counts there too, so a kind's figures are those of the documents where that kind was found.
 */
export function checkboxKind(record: ExtractRecord): string {
  const counts = new Map<string, number>();
  for (const a of record.answers) {
    const source = a.evidence.kind === 'mark' || a.evidence.source === 'struck-option' ? a.evidence.source : null;
    if (source) counts.set(source, (counts.get(source) ?? 0) + 1);
  }
  const [kind] = [...counts].sort(([a, m], [b, n]) => n - m || a.localeCompare(b))[0] ?? ['no box read'];
  return kind;
}

const byName = (a: string, b: string) => (a === 'all' ? 1 : b === 'all' ? -1 : a.localeCompare(b));

function figuresOf(tallies: Map<string, Tally>): Record<string, Figures> {
  return Object.fromEntries([...tallies.keys()].sort(byName).map((key) => [key, figures(tallies.get(key)!)]));
}

export async function evaluate(root = CORPUS_DIR): Promise<Evaluation> {
  const tallies = new Map<string, Tally>();
  const kindTallies = new Map<string, Tally>();
  const cases: Record<string, Figures> = {};
  const differences: Record<string, string[]> = {};
  const tallyFor = (key: string, from = tallies) => from.get(key) ?? from.set(key, emptyTally()).get(key)!;
  for (const c of await loadCorpus(root)) {
    const bytes = await readFile(c.input);
    try {
      const record = await extract(bytes, { path: c.input });
      const diffs = scoreDocument(tallyFor(record.source.format), c.expected, record);
      scoreDocument(tallyFor('all'), c.expected, record);
      scoreDocument(tallyFor(`${record.source.format} ${checkboxKind(record)}`, kindTallies), c.expected, record);
      const own = emptyTally();
      scoreDocument(own, c.expected, record);
      cases[c.name] = figures(own);
      if (diffs.length) differences[c.name] = diffs;
    } catch (error) {
      const format = path.extname(c.input).slice(1);
      tallyFor(format).failed++;
      tallyFor('all').failed++;
      tallyFor(`${format} failed`, kindTallies).failed++;
      differences[c.name] = [`failed: ${toExtractError(error).message}`];
      cases[c.name] = figures({ ...emptyTally(), failed: 1 });
    }
  }
  return { figures: figuresOf(tallies), cases, kinds: figuresOf(kindTallies), differences };
}

/** A Markdown table, columns padded to line up in a terminal. */
function markdownTable(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => `| ${r.map((x, i) => x.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(rows[0]!), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.slice(1).map(line)].join('\n');
}

/** Figures as rows, formats as columns. */
export function formatTable(all: Record<string, Figures>): string {
  const keys = Object.keys(Object.values(all)[0] ?? {}) as Array<keyof Figures>;
  const cols = Object.keys(all);
  return markdownTable([['figure', ...cols], ...keys.map((k) => [k, ...cols.map((c) => String(all[c]![k]))])]);
}

/** Cases as rows, the figures that tell cases apart as columns. */
export function formatCaseTable(cases: Record<string, Figures>): string {
  const keys: Array<keyof Figures> = ['choiceAccuracy', 'wrongAnswered', 'missingRecall', 'textF1Soft', 'actionPlanF1', 'titleSoft', 'failed'];
  return markdownTable([['case', ...keys], ...Object.entries(cases).map(([name, f]) => [name, ...keys.map((k) => String(f[k]))])]);
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { write: { type: 'boolean' }, verbose: { type: 'boolean' }, cases: { type: 'boolean' }, kinds: { type: 'boolean' } } });
  const result = await evaluate();
  if (values.verbose) {
    for (const [name, diffs] of Object.entries(result.differences)) {
      console.log(`\n${name}`);
      for (const d of diffs) console.log(`  ${d}`);
    }
    console.log('');
  }
  if (values.cases) console.log(`${formatCaseTable(result.cases)}\n`);
  if (values.kinds) console.log(`${formatTable(result.kinds)}\n`);
  console.log(formatTable(result.figures));
  if (values.write) {
    await writeFile(BASELINE_FILE, `${JSON.stringify(result.figures, null, 2)}\n`);
    console.log(`\nbaseline written to ${BASELINE_FILE}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`)
  await main().catch((error: unknown) => {
    process.stderr.write(`scc-extract eval: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  });
