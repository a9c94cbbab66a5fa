/**
 * The corpus scorer: extracts every corpus case, compares it with its
 * expected record and prints the figures per format and overall.
 *   npm run eval                 print the table
 *   npm run eval -- --verbose    also every difference
 *   npm run eval -- --cases      one column per case (e.g. per checkbox encoding)
 *   npm run eval -- --write      record the figures as the new baseline
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadCorpus } from './corpus.js';
import { toExtractError } from './errors.js';
import { extract } from './extract.js';
import { emptyTally, figures, scoreDocument, type Figures, type Tally } from './scoring.js';

export const CORPUS_DIR = 'corpus';
export const BASELINE_FILE = path.join(CORPUS_DIR, 'baseline.json');

export interface Evaluation {
  figures: Record<string, Figures>;
  /** Figures of each case on its own. */
  cases: Record<string, Figures>;
  differences: Record<string, string[]>;
}

export async function evaluate(root = CORPUS_DIR): Promise<Evaluation> {
  const tallies = new Map<string, Tally>();
  const cases: Record<string, Figures> = {};
  const differences: Record<string, string[]> = {};
  const tallyFor = (key: string) => tallies.get(key) ?? tallies.set(key, emptyTally()).get(key)!;
  for (const c of await loadCorpus(root)) {
    const bytes = await readFile(c.input);
    try {
      const record = await extract(bytes, { path: c.input });
      const diffs = scoreDocument(tallyFor(record.source.format), c.expected, record);
      scoreDocument(tallyFor('all'), c.expected, record);
      const own = emptyTally();
      scoreDocument(own, c.expected, record);
      cases[c.name] = figures(own);
      if (diffs.length) differences[c.name] = diffs;
    } catch (error) {
      const format = path.extname(c.input).slice(1);
      tallyFor(format).failed++;
      tallyFor('all').failed++;
      differences[c.name] = [`failed: ${toExtractError(error).message}`];
      cases[c.name] = figures({ ...emptyTally(), failed: 1 });
    }
  }
  const out: Record<string, Figures> = {};
  for (const key of [...tallies.keys()].sort((a, b) => (a === 'all' ? 1 : b === 'all' ? -1 : a.localeCompare(b)))) {
    out[key] = figures(tallies.get(key)!);
  }
  return { figures: out, cases, differences };
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
  const { values } = parseArgs({ options: { write: { type: 'boolean' }, verbose: { type: 'boolean' }, cases: { type: 'boolean' } } });
  const result = await evaluate();
  if (values.verbose) {
    for (const [name, diffs] of Object.entries(result.differences)) {
      console.log(`\n${name}`);
      for (const d of diffs) console.log(`  ${d}`);
    }
    console.log('');
  }
  if (values.cases) console.log(`${formatCaseTable(result.cases)}\n`);
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
