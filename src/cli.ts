#!/usr/bin/env node
/** The command line: arguments in, a batch run, a summary out. */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { runBatch, type DocumentEvent } from './batch.js';
import { DEFAULT_LIMITS, type Limits } from './document.js';
import { listInputs } from './inputs.js';
import { availableParallelism } from 'node:os';

const HELP = `scc-extract: turn Surveillance Camera Code of Practice self-assessments into records

Usage:
  scc-extract <files or folders...> --out <dir> [options]
  npm run --silent extract -- <files or folders...> --out <dir> [options]

Inputs are PDF, DOCX, plain text or Markdown files; the format is read from the
bytes, not the extension. Folders are walked for .pdf, .docx, .txt, .md files.

Writes to <dir>:
  dataset.jsonl        one record per line, in input order
  records/<name>.json  the same records, one per file
  report.json          per document: counts and every missing or ambiguous
                       answer with its reason; per failed input: { path, code, message }
  report.md            the same report for people

Options:
  --out <dir>          output folder (required)
  --password <pw>      password for encrypted PDFs
  --concurrency <n>    documents processed at once (default: ${availableParallelism()})
  --max-bytes <n>      largest input accepted, bytes (default ${DEFAULT_LIMITS.maxInputBytes})
  --max-pages <n>      most PDF pages read (default ${DEFAULT_LIMITS.maxPages})
  --max-unzipped <n>   most bytes decompressed from one DOCX (default ${DEFAULT_LIMITS.maxDecompressedBytes})
  --timeout <seconds>  time allowed for one document (default ${DEFAULT_LIMITS.timeoutMs / 1000})
  --summary            print a short summary of the answers found
  --version            print the version
  -h, --help           show this help

Exit status: 0 when every input was processed (missing answers are not
failures), 1 when any input failed, 2 on a usage error.`;

function usage(message: string): never {
  process.stderr.write(`scc-extract: ${message}\nTry 'scc-extract --help'.\n`);
  process.exit(2);
}

function positiveInt(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) usage(`--${name} needs a positive number, got '${value}'`);
  return n;
}

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: { type: 'string' },
        password: { type: 'string' },
        concurrency: { type: 'string' },
        'max-bytes': { type: 'string' },
        'max-pages': { type: 'string' },
        'max-unzipped': { type: 'string' },
        timeout: { type: 'string' },
        summary: { type: 'boolean' },
        version: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    usage((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  if (values.version) {
    process.stdout.write(`${version()}\n`);
    return 0;
  }
  if (positionals.length === 0) usage('no input files or folders given');
  if (!values.out) usage('--out <dir> is required');

  const limits: Partial<Limits> = {};
  const maxBytes = positiveInt('max-bytes', values['max-bytes']);
  const maxPages = positiveInt('max-pages', values['max-pages']);
  const maxUnzipped = positiveInt('max-unzipped', values['max-unzipped']);
  const timeout = positiveInt('timeout', values.timeout);
  if (maxBytes) limits.maxInputBytes = maxBytes;
  if (maxPages) limits.maxPages = maxPages;
  if (maxUnzipped) limits.maxDecompressedBytes = maxUnzipped;
  if (timeout) limits.timeoutMs = timeout * 1000;
  const concurrency = positiveInt('concurrency', values.concurrency) ?? availableParallelism();

  const inputs = await listInputs(positionals);
  const errors = inputs.problems.map((p) => ({ path: p.path, code: 'io', message: p.message }));
  const progress = process.stderr.isTTY ? progressLine(inputs.files.length) : undefined;
  const started = performance.now();
  const result = await runBatch(inputs.files, { out: values.out, password: values.password, limits, concurrency, onDocument: progress }, errors);
  if (progress) process.stderr.write('\r\x1b[K');

  const seconds = (performance.now() - started) / 1000;
  process.stderr.write(
    `${result.succeeded} extracted, ${result.failed} failed in ${seconds.toFixed(1)} s; output in ${values.out}\n`,
  );
  for (const e of result.report.errors) process.stderr.write(`  failed: ${e.path}: ${e.message}\n`);
  if (values.summary) process.stdout.write(summaryTable(result.report));
  return result.failed > 0 ? 1 : 0;
}

function progressLine(total: number): (e: DocumentEvent) => void {
  let done = 0;
  let failed = 0;
  const started = performance.now();
  return (e) => {
    done++;
    if (!e.ok) failed++;
    const rate = done / ((performance.now() - started) / 1000);
    const eta = rate > 0 ? Math.round((total - done) / rate) : 0;
    process.stderr.write(`\r\x1b[K${done}/${total} documents, ${rate.toFixed(1)}/s, ETA ${eta}s, ${failed} failed`);
  };
}

function summaryTable(report: Awaited<ReturnType<typeof runBatch>>['report']): string {
  const rows = report.documents.map((d) => `${d.path}\t${d.counts.answered} answered\t${d.counts.missing} missing\t${d.counts.ambiguous} ambiguous`);
  return `${rows.join('\n')}\n`;
}

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`scc-extract: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
