import { execFile, spawnSync, type ExecFileOptions } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { packageDocx } from '../corpus/build/docx-ooxml.js';
import { renderText } from '../corpus/build/text.js';
import { sampleSpec } from '../corpus/build/spec.js';
import { RecordSchema, ReportSchema } from '../src/schema.js';

const run = promisify(execFile);
const CLI = path.resolve('dist/src/cli.js');

async function cli(args: string[], options: ExecFileOptions = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args], { ...options, encoding: 'utf8' });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/**
 * Permissions stop everyone but root, so as root the command line is run as
 * nobody; null where that is not possible (no POSIX ids, or nobody cannot run it).
 */
const UNPRIVILEGED: ExecFileOptions | null = (() => {
  if (process.getuid === undefined) return null;
  if (process.getuid() !== 0) return {};
  const asNobody = { uid: 65534, gid: 65534 };
  return spawnSync(process.execPath, [CLI, '--version'], asNobody).status === 0 ? asNobody : null;
})();

/** A folder anyone may read and write, so that the unprivileged run can use it. */
function openFolder(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'scc-cli-'));
  chmodSync(dir, 0o777);
  return dir;
}

describe('scc-extract command line', () => {
  it('extracts the good inputs of a batch and reports the broken ones alone', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'scc-cli-'));
    const inputs = path.join(dir, 'in');
    const out = path.join(dir, 'out');
    await import('node:fs/promises').then((fs) => fs.mkdir(inputs));
    writeFileSync(path.join(inputs, 'a-good.txt'), renderText(sampleSpec(21)));
    writeFileSync(path.join(inputs, 'b-binary.txt'), Buffer.from([0x00, 0x01, 0x02, 0xff, 0x00]));
    writeFileSync(path.join(inputs, 'c-policy.txt'), 'CCTV Policy\nFootage is kept for 31 days.\n');
    writeFileSync(path.join(inputs, 'd-good.txt'), renderText(sampleSpec(22)));

    const { code, stderr } = await cli([inputs, path.join(dir, 'nowhere.pdf'), '--out', out]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/2 extracted, 3 failed/);

    const report = ReportSchema.parse(JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8')));
    expect(report.documents.map((d) => path.basename(d.path))).toEqual(['a-good.txt', 'd-good.txt']);
    expect(report.errors.map((e) => [path.basename(e.path), e.code])).toEqual([
      ['nowhere.pdf', 'io'],
      ['b-binary.txt', 'unsupported-format'],
      ['c-policy.txt', 'not-self-assessment'],
    ]);
    expect(report.errors[1]!.message).toMatch(/binary/);

    const lines = readFileSync(path.join(out, 'dataset.jsonl'), 'utf8').trim().split('\n');
    expect(lines.map((l) => path.basename(RecordSchema.parse(JSON.parse(l)).source.path))).toEqual(['a-good.txt', 'd-good.txt']);
    expect(readdirSync(path.join(out, 'records')).sort()).toEqual(['a-good.json', 'd-good.json']);
    const rows = readFileSync(path.join(out, 'answers.csv'), 'utf8').split('\r\n');
    expect(rows).toHaveLength(1 + 2 * 75 + 1);
    expect(rows[0]).toMatch(/^path,sha256,format,organisation,/);
    expect(rows.slice(1, -1).map((r) => path.basename(r.split(',')[0]!))).toEqual([...Array(75).fill('a-good.txt'), ...Array(75).fill('d-good.txt')]);
    expect(readFileSync(path.join(out, 'report.md'), 'utf8')).toMatch(/## Failed inputs/);
    expect(readdirSync(out).filter((f) => f.includes('.scc-tmp-'))).toEqual([]);
  });

  it('exits 0 when every input is processed, even with missing answers', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'scc-cli-'));
    const spec = sampleSpec(23);
    spec.answers['P2.1'] = { ticked: 'none' };
    writeFileSync(path.join(dir, 'one.txt'), renderText(spec));
    const { code } = await cli([path.join(dir, 'one.txt'), '--out', path.join(dir, 'out')]);
    expect(code).toBe(0);
    const report = ReportSchema.parse(JSON.parse(readFileSync(path.join(dir, 'out', 'report.json'), 'utf8')));
    expect(report.documents[0]!.problems).toContainEqual(expect.objectContaining({ id: 'P2.1', status: 'missing', reason: 'no box ticked' }));
  });

  it('exits 2 on usage errors and explains itself with --help', async () => {
    expect((await cli([])).code).toBe(2);
    expect((await cli(['x.pdf'])).stderr).toMatch(/--out <dir> is required/);
    expect((await cli(['x.pdf', '--out', 'o', '--concurrency', 'lots'])).code).toBe(2);
    const help = await cli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Exit status/);
  });

  it('takes inputs from glob patterns and --from lists, and logs one JSON line per document', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'scc-cli-'));
    const sub = path.join(dir, 'in', 'deep');
    await import('node:fs/promises').then((fs) => fs.mkdir(sub, { recursive: true }));
    writeFileSync(path.join(dir, 'in', 'a.txt'), renderText(sampleSpec(31)));
    writeFileSync(path.join(sub, 'b.txt'), renderText(sampleSpec(32)));
    writeFileSync(path.join(sub, 'notes.json'), '{}');
    writeFileSync(path.join(dir, 'c.txt'), 'CCTV Policy\n');
    const list = path.join(dir, 'list.txt');
    writeFileSync(list, `# inputs\n\n${path.join(dir, 'c.txt')}\n${path.join(dir, 'in', 'a.txt')}\n`);

    const out = path.join(dir, 'out');
    const { code, stdout } = await cli([`${dir}/in/**/*`, '--from', list, '--out', out, '--log', 'json']);
    expect(code).toBe(1);
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    const docs = lines.slice(0, -1).sort((a, b) => String(a.path).localeCompare(String(b.path)));
    expect(docs.map((d) => [path.basename(String(d.path)), d.status])).toEqual([
      ['c.txt', 'failed'],
      ['a.txt', 'ok'],
      ['b.txt', 'ok'],
    ]);
    expect(docs[0]).toMatchObject({ code: 'not-self-assessment', answered: 0 });
    expect(docs[1]).toMatchObject({ answered: expect.any(Number), missing: expect.any(Number), ambiguous: expect.any(Number), ms: expect.any(Number) });
    expect(lines.at(-1)).toMatchObject({ summary: { inputs: 3, extracted: 2, failed: 1, skipped: 0 } });

    const report = ReportSchema.parse(JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8')));
    expect(report.documents.map((d) => path.basename(d.path))).toEqual(['a.txt', 'b.txt']);
    expect(readdirSync(out).sort()).toEqual(['answers.csv', 'dataset.jsonl', 'manifest.jsonl', 'records', 'report.json', 'report.md', 'run.json']);

    const again = await cli([`${dir}/in/**/*`, '--from', list, '--out', out]);
    expect(again.stderr).toMatch(/^2 extracted, 1 failed \(3 of these kept unchanged from the last run\) in /);
  });

  it('rejects bad --shard, --log and --from values, and --summary with --log json, as usage errors', async () => {
    expect((await cli(['x.txt', '--out', 'o', '--shard', '3/2'])).code).toBe(2);
    expect((await cli(['x.txt', '--out', 'o', '--shard', 'half'])).code).toBe(2);
    expect((await cli(['x.txt', '--out', 'o', '--log', 'xml'])).code).toBe(2);
    const mixed = await cli(['x.txt', '--out', 'o', '--log', 'json', '--summary']);
    expect([mixed.code, mixed.stdout]).toEqual([2, '']);
    expect(mixed.stderr).toMatch(/^scc-extract: --summary prints a table for people and --log json lines for programs/);
    expect((await cli(['--from', '/nonexistent/list.txt', '--out', 'o'])).stderr).toMatch(/cannot read --from/);
    expect((await cli(['merge', '--out', 'o'])).code).toBe(2);
  });

  it.skipIf(UNPRIVILEGED === null)('reports a folder it may not read as a failed input and extracts the rest', async () => {
    const dir = openFolder();
    const inputs = path.join(dir, 'in');
    mkdirSync(path.join(inputs, 'locked'), { recursive: true });
    mkdirSync(path.join(inputs, 'open'));
    writeFileSync(path.join(inputs, 'a.txt'), renderText(sampleSpec(41)));
    writeFileSync(path.join(inputs, 'locked', 'b.txt'), renderText(sampleSpec(42)));
    writeFileSync(path.join(inputs, 'open', 'c.txt'), renderText(sampleSpec(43)));
    chmodSync(path.join(inputs, 'locked'), 0o000);

    const out = path.join(dir, 'out');
    const { code, stderr } = await cli([inputs, '--out', out], UNPRIVILEGED!);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(code).toBe(1);
    const report = ReportSchema.parse(JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8')));
    expect(report.documents.map((d) => path.relative(inputs, d.path))).toEqual(['a.txt', path.join('open', 'c.txt')]);
    expect(report.errors).toEqual([{ path: path.join(inputs, 'locked'), code: 'io', message: 'cannot read the folder: permission denied (EACCES)' }]);
  });

  it('runs again into an output folder inside its input folder without reading its own outputs', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'scc-cli-'));
    const inputs = path.join(dir, 'in');
    mkdirSync(inputs);
    writeFileSync(path.join(inputs, 'a.txt'), renderText(sampleSpec(44)));
    writeFileSync(path.join(inputs, 'b.txt'), renderText(sampleSpec(45)));
    const out = path.join(inputs, 'results');
    for (const args of [[inputs], [inputs], [`${inputs}/**/*`]]) {
      const { code, stderr } = await cli([...args, '--out', out]);
      expect(stderr).toMatch(/^2 extracted, 0 failed/);
      expect(code).toBe(0);
    }
  });

  it('refuses an output folder it cannot write to, and a --from that is no list, in one line with exit 2', async () => {
    const dir = openFolder();
    const input = path.join(dir, 'a.txt');
    writeFileSync(input, renderText(sampleSpec(46)));
    const file = path.join(dir, 'file');
    writeFileSync(file, 'not a folder\n');
    const binary = path.join(dir, 'binary');
    writeFileSync(binary, Buffer.from([0x25, 0x50, 0x00, 0xff, 0x0a, 0x00]));
    const shard = path.join(dir, 'shard');
    expect((await cli([input, '--out', shard])).code).toBe(0);

    const refused = async (args: string[], message: RegExp, options: ExecFileOptions = {}) => {
      const { code, stderr } = await cli(args, options);
      expect(stderr).toMatch(message);
      expect(stderr).not.toMatch(/\n\s+at /);
      expect(code).toBe(2);
    };
    await refused([input, '--out', file], /^scc-extract: cannot write to --out .*file: it is a file, not a folder\n$/);
    await refused([input, '--out', path.join(file, 'sub')], /^scc-extract: cannot write to --out .*: a file stands where a folder is needed \(ENOTDIR\)\n$/);
    await refused(['merge', shard, '--out', file], /^scc-extract: cannot write to --out .*file: it is a file, not a folder\n$/);
    await refused(['--from', binary, '--out', path.join(dir, 'out')], /^scc-extract: cannot read --from .*binary: binary data \(NUL bytes\), not a list of paths\n/);
    // A folder where the lock file goes, and a folder the system will never make: told at once, not waited on.
    const stuck = path.join(dir, 'stuck');
    mkdirSync(path.join(stuck, '.scc-extract.lock'), { recursive: true });
    await refused([input, '--out', stuck], /^scc-extract: cannot use the lock file .*\.scc-extract\.lock: a folder, not a file \(EISDIR\); remove it if no run is writing to --out .*stuck\n$/);
    if (existsSync('/proc/self')) await refused([input, '--out', '/proc/scc-extract-test'], /^scc-extract: cannot write to --out \/proc\/scc-extract-test: /);
    // A message of several lines stays several lines.
    await refused([input, '--password', '-x', '--out', path.join(dir, 'out')], /^scc-extract: Option '--password' argument is ambiguous\.\nDid you forget/);
    if (UNPRIVILEGED) {
      const locked = path.join(dir, 'locked');
      mkdirSync(locked, { mode: 0o555 });
      chmodSync(locked, 0o555);
      await refused([input, '--out', locked], /^scc-extract: cannot write to --out .*locked: permission denied \(EACCES\)\n$/, UNPRIVILEGED);
    }
  });

  it('shows a crash as one line, with the stack only when asked', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'scc-cli-'));
    writeFileSync(path.join(dir, 'a.txt'), renderText(sampleSpec(47)));
    const out = path.join(dir, 'out');
    // A folder where the report is to go cannot be replaced by it.
    mkdirSync(path.join(out, 'report.json', 'inside'), { recursive: true });
    const plain = await cli([path.join(dir, 'a.txt'), '--out', out]);
    expect(plain.code).toBe(1);
    expect(plain.stderr).toMatch(/^scc-extract: EISDIR: .*report\.json.* \(SCC_EXTRACT_DEBUG=1 shows where\)\n$/);
    const debug = await cli([path.join(dir, 'a.txt'), '--out', out], { env: { ...process.env, SCC_EXTRACT_DEBUG: '1' } });
    expect(debug.stderr).toMatch(/\n\s+at /);
  });

  it('takes --timeout up to what a timer holds, and refuses more with exit 2', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'scc-cli-'));
    writeFileSync(path.join(dir, 'a.txt'), renderText(sampleSpec(48)));
    const longest = await cli([path.join(dir, 'a.txt'), '--out', path.join(dir, 'out'), '--timeout', '2147482']);
    expect(longest.stderr).not.toMatch(/Warning/);
    expect(longest.code).toBe(0);
    const over = await cli([path.join(dir, 'a.txt'), '--out', path.join(dir, 'out'), '--timeout', '2147484']);
    expect(over.stderr).toMatch(/--timeout is at most 2147482 seconds/);
    expect(over.code).toBe(2);
  });

  it('uses at most twice as many workers as there are cores, and says so when asked for more', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'scc-cli-'));
    writeFileSync(path.join(dir, 'a.txt'), renderText(sampleSpec(49)));
    const most = 2 * availableParallelism();
    const r = await cli([path.join(dir, 'a.txt'), '--out', path.join(dir, 'out'), '--concurrency', String(most + 1000)]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(new RegExp(`^scc-extract: --concurrency ${most + 1000} is more than twice the ${most / 2} cores; ${most} workers are used$`, 'm'));
    expect(JSON.parse(readFileSync(path.join(dir, 'out', 'run.json'), 'utf8')).options.concurrency).toBe(most);
    const within = await cli([path.join(dir, 'a.txt'), '--out', path.join(dir, 'out2'), '--concurrency', String(most)]);
    expect(within.stderr).not.toMatch(/more than twice/);
  });

  it('writes control characters from names and files out as \\xNN on stderr, in --summary and in report.md', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'scc-cli-'));
    const escape = '\x1b]0;PWNED\x07\x1b[2J\x9b31m';
    const named = path.join(dir, `name${escape}.txt`);
    writeFileSync(named, renderText(sampleSpec(49)));
    writeFileSync(path.join(dir, 'policy\x1b[41m.txt'), 'CCTV Policy\n');
    const docx = path.join(dir, 'element.docx');
    writeFileSync(docx, packageDocx({ body: `<zz${escape}:p/>`, relationships: [], parts: [], sectPr: '' }));
    const out = path.join(dir, 'out');

    const { code, stdout, stderr } = await cli([dir, '--out', out, '--summary']);
    expect(code).toBe(1);
    const controls = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/;
    expect(stderr).not.toMatch(controls);
    expect(stdout).not.toMatch(controls);
    expect(stderr).toContain('failed: ' + path.join(dir, 'element.docx') + ': word/document.xml is not well-formed XML: undeclared namespace prefix in <zz\\x1b]0;PWNED\\x07\\x1b[2J\\x9b31m:p>');
    expect(stdout).toContain('name\\x1b]0;PWNED\\x07\\x1b[2J\\x9b31m.txt\t');
    const markdown = readFileSync(path.join(out, 'report.md'), 'utf8');
    expect(markdown).not.toMatch(controls);
    expect(markdown).toContain('policy\\x1b[41m.txt');
    const report = ReportSchema.parse(JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8')));
    expect(report.documents.map((d) => d.path)).toEqual([named]);
  });
});
