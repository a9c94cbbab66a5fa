import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sampleSpec } from '../corpus/build/spec.js';
import { renderText } from '../corpus/build/text.js';
import { planBatch, runBatch, type BatchOptions, type DocumentEvent, type RunInfo } from '../src/batch.js';
import { listInputs } from '../src/inputs.js';
import { MANIFEST, readManifest } from '../src/manifest.js';
import { mergeOutputs } from '../src/merge.js';
import { ReportSchema } from '../src/schema.js';
import { parseShard, shardOf } from '../src/shard.js';

const WORKER = path.resolve('dist/src/worker.js');
const CLI = path.resolve('dist/src/cli.js');
if (!existsSync(WORKER)) throw new Error('dist/ is missing: build first (npx tsc -p .), as npm test does');

function folder(name: string): string {
  return mkdtempSync(path.join(tmpdir(), `scc-${name}-`));
}

/** `n` generated assessments plus a binary file and a document that is not an assessment. */
function inputs(n: number, seed = 100): string {
  const dir = path.join(folder('in'), 'in');
  mkdirSync(dir);
  for (let i = 0; i < n; i++) writeFileSync(path.join(dir, `doc-${String(i).padStart(3, '0')}.txt`), renderText(sampleSpec(seed + i)));
  writeFileSync(path.join(dir, 'broken-binary.txt'), Buffer.from([0, 1, 2, 0xff, 0]));
  writeFileSync(path.join(dir, 'broken-policy.txt'), 'CCTV Policy\nFootage is kept for 31 days.\n');
  return dir;
}

async function batch(args: string[], out: string, options: Partial<BatchOptions> = {}) {
  const events: DocumentEvent[] = [];
  const result = await runBatch(planBatch(await listInputs(args)), {
    out,
    concurrency: 2,
    workerUrl: WORKER,
    onDocument: (e) => events.push(e),
    ...options,
  });
  return { result, events, count: (s: DocumentEvent['status']) => events.filter((e) => e.status === s).length };
}

/** Every output file but run.json (the one file allowed to differ: it holds times), by relative path. */
function snapshot(out: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.name !== 'run.json') files[path.relative(out, full)] = readFileSync(full, 'utf8');
    }
  };
  walk(out);
  return files;
}

function cli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args]);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('batch runs', () => {
  it('writes byte-identical outputs whatever the concurrency, with no times outside run.json', async () => {
    const dir = inputs(12);
    const one = folder('out1');
    const four = folder('out4');
    await batch([dir], one, { concurrency: 1 });
    const { result } = await batch([dir], four, { concurrency: 4 });
    expect(result.extracted).toBe(12);
    expect(result.failed).toBe(2);
    const a = snapshot(one);
    expect(Object.keys(a).sort()).toContain('dataset.jsonl');
    expect(snapshot(four)).toEqual(a);
    for (const text of Object.values(a)) expect(text).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:\d\d/);
    const run = JSON.parse(readFileSync(path.join(four, 'run.json'), 'utf8')) as RunInfo;
    expect(run.finishedAt).not.toBeNull();
    expect(run.counts).toEqual({ inputs: 14, extracted: 12, failed: 2, skipped: 0 });
  });

  it('skips what an earlier run did, redoes what changed, and --force redoes everything', async () => {
    const dir = inputs(6);
    const out = folder('out');
    await batch([dir], out);
    const first = snapshot(out);

    const again = await batch([dir], out);
    expect(again.count('skipped')).toBe(8);
    expect(snapshot(out)).toEqual(first);

    writeFileSync(path.join(dir, 'doc-002.txt'), renderText(sampleSpec(999)));
    const changed = await batch([dir], out);
    expect(changed.events.filter((e) => e.status !== 'skipped').map((e) => path.basename(e.path))).toEqual(['doc-002.txt']);
    const fresh = folder('fresh');
    await batch([dir], fresh);
    expect(snapshot(out)).toEqual(snapshot(fresh));

    const forced = await batch([dir], out, { force: true });
    expect(forced.count('skipped')).toBe(0);

    rmSync(path.join(dir, 'doc-005.txt'));
    await batch([dir], out);
    expect(existsSync(path.join(out, 'records/doc-005.json'))).toBe(false);
    expect([...(await readManifest(out)).keys()].some((p) => p.endsWith('doc-005.txt'))).toBe(false);
  });

  it('removes the record of an input that fails now, even when a killed run journalled the failure', async () => {
    const dir = inputs(3);
    const out = folder('out');
    await batch([dir], out);
    expect(existsSync(path.join(out, 'records/doc-001.json'))).toBe(true);
    writeFileSync(path.join(dir, 'doc-001.txt'), 'CCTV Policy\nFootage is kept for 31 days.\n');
    const failing = await batch([dir], out);
    expect(failing.result.report.errors.map((e) => path.basename(e.path))).toContain('doc-001.txt');
    expect(existsSync(path.join(out, 'records/doc-001.json'))).toBe(false);
    const fresh = folder('fresh');
    await batch([dir], fresh);
    expect(snapshot(out)).toEqual(snapshot(fresh));

    // A run killed right after journalling doc-002's failure leaves the manifest's last word on it an error.
    writeFileSync(path.join(dir, 'doc-001.txt'), renderText(sampleSpec(101)));
    await batch([dir], out);
    const entry = (await readManifest(out)).get(path.join(dir, 'doc-002.txt'))!;
    writeFileSync(path.join(dir, 'doc-002.txt'), 'CCTV Policy\n');
    appendFileSync(path.join(out, MANIFEST), `${JSON.stringify({ ...entry, record: undefined, counts: undefined, error: { code: 'not-self-assessment', message: '…' } })}\n`);
    await batch([dir], out);
    expect(existsSync(path.join(out, 'records/doc-002.json'))).toBe(false);
  });

  it('removes the records of inputs not given again, but does nothing while an input given cannot be found', async () => {
    const dir = inputs(3);
    const out = folder('out');
    await batch([dir], out);
    const records = () => readdirSync(path.join(out, 'records')).sort();
    const before = snapshot(out);
    // A path mistyped: the run stops before any work, as for an --out that will not do, and the folder is as it was.
    const mistyped = await cli([`${dir}-typo`, '--out', out]);
    expect(mistyped.code).toBe(2);
    expect(mistyped.stderr).toContain('no such file or folder; nothing was done, as this run would remove the records');
    expect(snapshot(out)).toEqual(before);
    // The same inputs by another path are the same inputs.
    expect((await cli([path.relative(process.cwd(), dir), `${dir}-typo`, '--out', out])).code).toBe(1);
    // A missing input's record name taken by another of the same name: still a missing input.
    const other = path.join(folder('other'), 'doc-000.txt');
    writeFileSync(other, renderText(sampleSpec(7)));
    expect((await cli([other, path.join(dir, 'doc-001.txt'), path.join(dir, 'doc-002.txt'), path.join(dir, 'broken-binary.txt'), path.join(dir, 'broken-policy.txt'), `${dir}-typo`, '--out', out])).code).toBe(2);
    // Into a folder of its own, the same mistake fails that input alone.
    expect((await cli([`${dir}-typo`, dir, '--out', folder('fresh')])).code).toBe(1);
    // One input given of three: the other two records go, and the summary says so.
    const one = await cli([path.join(dir, 'doc-000.txt'), '--out', out]);
    expect(records()).toEqual(['doc-000.json']);
    expect(one.stderr).toContain('the records of 2 earlier inputs not given this time are removed');
  });

  it('refuses an output folder that is also an input folder or holds documents, writing nothing', async () => {
    const dir = inputs(1);
    const listed = readdirSync(dir).sort();
    const refused = await cli([dir, '--out', dir]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('is also an input folder');
    // Nor may it hold documents: given by name or by pattern, or in a folder a walk passes over as the outputs'.
    const sub = path.join(dir, 'sub');
    mkdirSync(sub);
    writeFileSync(path.join(sub, 'form.pdf'), 'not read');
    for (const [given, out] of [[path.join(dir, 'doc-000.txt'), dir], [`${dir}/*.txt`, dir], [dir, sub]] as const) {
      const named = await cli([given, '--out', out]);
      expect(named.code).toBe(2);
      expect(named.stderr).toMatch(/is also an input folder|holds documents \((?:doc|broken|form)[\w-]*\.(?:txt|pdf)\)/);
    }
    expect(readdirSync(dir).sort()).toEqual([...listed, 'sub'].sort());
    expect(readdirSync(sub)).toEqual(['form.pdf']);
    // Outside the inputs, notes kept beside the outputs are no inputs left unread.
    const results = folder('results');
    writeFileSync(path.join(results, 'notes.txt'), 'read me');
    expect((await cli([path.join(dir, 'doc-000.txt'), '--out', results])).code).toBe(0);
  });

  it('redoes a document whose limits changed, and keeps failures that would fail again', async () => {
    const dir = inputs(2);
    const out = folder('out');
    await batch([dir], out);
    const changed = await batch([dir], out, { limits: { maxPages: 7 } });
    expect(changed.count('skipped')).toBe(0);
    const same = await batch([dir], out, { limits: { maxPages: 7, timeoutMs: 5000 } });
    expect(same.count('skipped')).toBe(4);
    expect(same.result.report.errors.map((e) => e.code)).toEqual(['unsupported-format', 'not-self-assessment']);
  });

  it('holds a time limit longer than a timer can to the longest it can', async () => {
    const dir = inputs(2);
    const { result } = await batch([dir], folder('out'), { limits: { timeoutMs: 1e13 } });
    expect(result.extracted).toBe(2);
    expect(result.report.errors.map((e) => e.code)).toEqual(['unsupported-format', 'not-self-assessment']);
  });

  it('shortens record names too long for the file system, the same way every run and apart from each other', async () => {
    const dir = inputs(0);
    const long = (tail: string) => path.join(dir, `${'n'.repeat(245)}${tail}.txt`);
    writeFileSync(long('-a'), renderText(sampleSpec(61)));
    writeFileSync(long('-b'), renderText(sampleSpec(62)));
    const out = folder('out');
    const first = await batch([dir], out);
    expect(first.result.report.errors.map((e) => path.basename(e.path))).toEqual(['broken-binary.txt', 'broken-policy.txt']);
    const names = first.result.report.documents.map((d) => d.record);
    expect(names).toHaveLength(2);
    expect(new Set(names).size).toBe(2);
    for (const name of names) expect(name).toMatch(/^records\/n{91}-[0-9a-f]{8}\.json$/);
    const again = await batch([dir], out);
    expect(again.count('skipped')).toBe(4);
    expect(again.result.report.documents.map((d) => d.record)).toEqual(names);
  });

  it('names records a manifest may point at: no "..", no leading dot', async () => {
    const dir = inputs(0);
    writeFileSync(path.join(dir, 'CCTV assessment v2..txt'), renderText(sampleSpec(63)));
    writeFileSync(path.join(dir, '.hidden..txt'), renderText(sampleSpec(64)));
    const { result } = await batch([path.join(dir, 'CCTV assessment v2..txt'), path.join(dir, '.hidden..txt')], folder('out'));
    expect(result.report.documents.map((d) => d.record)).toEqual(['records/CCTV_assessment_v2.json', 'records/_hidden.json']);
  });

  it('removes the temporary files a killed run left of its own outputs, and no other files', async () => {
    const dir = inputs(2);
    const out = folder('out');
    mkdirSync(path.join(out, 'records'));
    const theirs = ['notes.1234.tmp', 'report.json.1234.tmp', '.notes.txt.scc-tmp-1234', 'records/draft.42.tmp', 'records/.draft.txt.scc-tmp-42'];
    const stale = ['.report.json.scc-tmp-1234', '.dataset.jsonl.scc-tmp-1', 'records/.doc-000.json.scc-tmp-42'];
    for (const f of [...theirs, ...stale]) writeFileSync(path.join(out, f), 'x');
    await batch([dir], out);
    for (const f of theirs) expect(existsSync(path.join(out, f))).toBe(true);
    for (const f of stale) expect(existsSync(path.join(out, f))).toBe(false);
  });

  it('tries an encrypted file again on every run, as the password may be another', async () => {
    const dir = inputs(1);
    const ole = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
    writeFileSync(path.join(dir, 'locked.docx'), Buffer.concat([Buffer.from(ole), Buffer.alloc(504), Buffer.from('EncryptionInfo', 'utf16le')]));
    const out = folder('out');
    const first = await batch([dir], out, { password: 'first' });
    expect(first.events.find((e) => e.path.endsWith('locked.docx'))).toMatchObject({ status: 'failed', code: 'encrypted' });
    const second = await batch([dir], out, { password: 'second' });
    expect(second.events.find((e) => e.path.endsWith('locked.docx'))).toMatchObject({ status: 'failed', code: 'encrypted' });
    expect(second.count('skipped')).toBe(3);
  });

  it('fails a named pipe or a device alone, without waiting on it or reading it', async () => {
    const dir = inputs(1);
    const fifo = path.join(folder('pipe'), 'pipe.pdf');
    const made = spawnSync('mkfifo', [fifo]).status === 0;
    const devices = existsSync('/dev/zero') ? ['/dev/zero'] : [];
    const { result } = await batch([dir, ...(made ? [fifo] : []), ...devices], folder('out'));
    expect(result.extracted).toBe(1);
    const errors = Object.fromEntries(result.report.errors.map((e) => [e.path, `${e.code}: ${e.message}`]));
    if (made) expect(errors[fifo]).toBe('io: not a regular file: a named pipe (FIFO)');
    for (const device of devices) expect(errors[device]).toBe('io: not a regular file: a character device');
  });

  it('kills a document that hangs, runs out of memory or crashes its worker, reports why, and finishes the rest', async () => {
    const fixture = path.join(folder('worker'), 'worker.mjs');
    const real = pathToFileURL(WORKER).href;
    // The real worker, except for documents whose name asks for trouble (its handler runs after the real one has begun).
    writeFileSync(
      fixture,
      `import ${JSON.stringify(real)};
       import { parentPort } from 'node:worker_threads';
       const name = (m) => m.path.split('/').pop();
       parentPort.on('message', (m) => {
         if (name(m).startsWith('hang')) for (;;);
         if (name(m).startsWith('oom')) { const a = []; for (;;) a.push(new Array(100000).fill(a.length)); }
         if (name(m).startsWith('crash')) process.exit(7);
       });`,
    );
    const dir = inputs(4);
    for (const bad of ['crash.txt', 'hang.txt', 'oom.txt']) writeFileSync(path.join(dir, bad), renderText(sampleSpec(7)));
    const out = folder('out');
    const started = performance.now();
    // Long enough for a normal document on a loaded machine, as the limit is per document.
    const { result } = await batch([dir], out, { workerUrl: fixture, limits: { timeoutMs: 3000 }, maxMemoryMb: 128 });
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(result.extracted).toBe(4);
    const errors = Object.fromEntries(result.report.errors.map((e) => [path.basename(e.path), [e.code, e.message]]));
    expect(errors['crash.txt']).toEqual(['internal', 'worker crashed: exited with code 7']);
    expect(errors['hang.txt']).toEqual(['timeout', 'took longer than the 3 s time limit (--timeout)']);
    expect(errors['oom.txt']).toEqual(['internal', 'worker ran out of memory']);
    expect(readFileSync(path.join(out, 'dataset.jsonl'), 'utf8').trim().split('\n')).toHaveLength(4);
  });

  it('after kill -9 half-way leaves only complete files, and the next run finishes without redoing work', async () => {
    const dir = inputs(120);
    const out = folder('out');
    const child = spawn(process.execPath, [CLI, dir, '--out', out, '--concurrency', '1'], { stdio: 'ignore' });
    const manifest = path.join(out, MANIFEST);
    const lines = () => (existsSync(manifest) ? readFileSync(manifest, 'utf8').split('\n').length - 1 : 0);
    while (lines() < 15) await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGKILL');
    await new Promise((r) => child.on('exit', r));
    const done = lines();
    expect(done).toBeLessThan(122);

    for (const f of readdirSync(path.join(out, 'records')).filter((f) => f.endsWith('.json'))) {
      expect(() => JSON.parse(readFileSync(path.join(out, 'records', f), 'utf8'))).not.toThrow();
    }
    expect(JSON.parse(readFileSync(path.join(out, 'run.json'), 'utf8')).finishedAt).toBeNull();

    const resumed = await cli([dir, '--out', out, '--log', 'json']);
    const statuses = resumed.stdout.trim().split('\n').slice(0, -1).map((l) => (JSON.parse(l) as { status: string }).status);
    expect(statuses).toHaveLength(122);
    expect(statuses.filter((s) => s === 'skipped').length).toBeGreaterThanOrEqual(done);
    const fresh = folder('fresh');
    await cli([dir, '--out', fresh]);
    expect(snapshot(out)).toEqual(snapshot(fresh));
    expect(readdirSync(out).filter((f) => f.includes('.scc-tmp-'))).toEqual([]);
  });

  it('stopped by Ctrl-C or SIGTERM says how far it got, and leaves no temporary file or lock', async () => {
    for (const [signal, status] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
      const dir = inputs(120);
      const out = folder('out');
      const child = spawn(process.execPath, [CLI, dir, '--out', out, '--concurrency', '1']);
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d));
      const manifest = path.join(out, MANIFEST);
      while (!existsSync(manifest) || readFileSync(manifest, 'utf8').split('\n').length < 10) await new Promise((r) => setTimeout(r, 20));
      child.kill(signal);
      const code = await new Promise((r) => child.on('exit', r));
      expect(code).toBe(status);
      expect(stderr).toMatch(new RegExp(`stopped \\(${signal}\\) after \\d+ of 122 documents; their results are kept`));
      expect(readdirSync(out).filter((f) => f.includes('.scc-tmp-') || f.includes('lock'))).toEqual([]);
      expect(readdirSync(path.join(out, 'records')).filter((f) => f.includes('.scc-tmp-'))).toEqual([]);
    }
  });

  it('lets one run at a time write to an output folder, and takes over the lock of a run that is gone', async () => {
    const dir = inputs(40);
    const out = folder('out');
    const lock = path.join(out, '.scc-extract.lock');
    const [a, b] = await Promise.all([cli([dir, '--out', out, '--concurrency', '1']), cli([dir, '--out', out, '--concurrency', '1'])]);
    for (const { code, stderr } of [a, b]) {
      // The lock may be read in the instant between its making and its pid being written: held, by a run not yet named.
      if (code === 2) expect(stderr).toMatch(/^scc-extract: another scc-extract run (\(process \d+\) )?is writing to --out /);
      else expect(code).toBe(1);
    }
    expect(existsSync(lock)).toBe(false);
    const fresh = folder('fresh');
    await batch([dir], fresh);
    expect(snapshot(out)).toEqual(snapshot(fresh));

    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)']);
    const gone = new Promise((r) => holder.on('exit', r));
    try {
      writeFileSync(lock, `${holder.pid}\n`);
      const refused = await cli([dir, '--out', out]);
      expect(refused.stderr).toBe(`scc-extract: another scc-extract run (process ${holder.pid}) is writing to --out ${out}; wait for it to finish, or remove ${lock} if none is\n`);
      expect(refused.code).toBe(2);
    } finally {
      holder.kill();
      await gone;
    }
    const { result } = await batch([dir], out);
    expect(result.skipped).toBe(42);
    expect(existsSync(lock)).toBe(false);

    // A lock whose pid a later, living process was given (here this test's parent) is taken over; one naming
    // that process with its own start time is not.
    if (existsSync(`/proc/${process.ppid}/stat`)) {
      const parentStart = readFileSync(`/proc/${process.ppid}/stat`, 'latin1').split(') ')[1]!.split(' ')[19]!;
      writeFileSync(lock, `${process.ppid} ${Number(parentStart) + 1}\n`);
      expect((await batch([dir], out)).result.skipped).toBe(42);
      expect(existsSync(lock)).toBe(false);
      writeFileSync(lock, `${process.ppid} ${parentStart}\n`);
      await expect(batch([dir], out)).rejects.toThrow(/^another scc-extract run \(process \d+\) is writing to --out /);
      rmSync(lock);
    }

    // A lock naming this process that it does not hold is from a process before it with the same pid.
    writeFileSync(lock, `${process.pid}\n`);
    expect((await batch([dir], out)).result.skipped).toBe(42);
    // A second run in this process, started while the first is writing, is refused.
    let second: Promise<unknown> | undefined;
    await batch([dir], out, { force: true, onDocument: () => void (second ??= batch([dir], out).then(() => null, (error: Error) => error)) });
    expect(await second).toMatchObject({ message: expect.stringMatching(/^another scc-extract run \(process \d+\) is writing to --out /) });
    expect(existsSync(lock)).toBe(false);
  });

  it('splits inputs into shards by path hash, and merge gives what one run over everything gives', async () => {
    const dir = inputs(20);
    const whole = folder('whole');
    await batch([dir], whole);
    const list = await listInputs([dir]);
    const shards = [1, 2, 3].map((i) => ({ shard: parseShard(`${i}/3`)!, out: folder(`shard${i}`) }));
    for (const { shard, out } of shards) await runBatch(planBatch(list, shard), { out, concurrency: 2, workerUrl: WORKER });
    const sizes = shards.map(({ out }) => ReportSchema.parse(JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8'))).documents.length);
    expect(sizes.reduce((a, b) => a + b)).toBe(20);
    expect(sizes.every((n) => n > 0)).toBe(true);

    const merged = folder('merged');
    await mergeOutputs(shards.map((s) => s.out).reverse(), merged);
    expect(snapshot(merged)).toEqual(snapshot(whole));

    await expect(mergeOutputs([shards[0]!.out, shards[2]!.out], folder('partial'))).rejects.toThrow(/shard 2\/3 missing/);
    // An --out that is a shard, by name or through a link, would be overwritten while it is read.
    const link = path.join(folder('links'), 'to-shard1');
    symlinkSync(shards[0]!.out, link);
    const kept = snapshot(shards[0]!.out);
    for (const into of [shards[0]!.out, link]) await expect(mergeOutputs(shards.map((s) => s.out), into)).rejects.toThrow(/--out must be a folder other than the shards/);
    expect(snapshot(shards[0]!.out)).toEqual(kept);
    const other = await listInputs([inputs(3)]);
    const stranger = folder('stranger');
    await runBatch(planBatch(other, parseShard('2/3')), { out: stranger, concurrency: 1, workerUrl: WORKER });
    await expect(mergeOutputs([shards[0]!.out, stranger, shards[2]!.out], folder('bad'))).rejects.toThrow(/different input list/);
  });

  it('walks folders for every supported ending in any case, and for documents it refuses with a reason, passing over hidden entries and symbolic links', async () => {
    const dir = folder('walk');
    for (const name of ['a.PDF', 'b.docx', 'c.txt', 'd.text', 'e.md', 'f.Markdown', 'g.json', '.h.txt', 'l.doc', 'm.ODT', 'n.rtf', 'o.xlsx']) writeFileSync(path.join(dir, name), 'x');
    mkdirSync(path.join(dir, '.hidden'));
    writeFileSync(path.join(dir, '.hidden', 'i.txt'), 'x');
    const elsewhere = folder('elsewhere');
    writeFileSync(path.join(elsewhere, 'j.txt'), 'x');
    symlinkSync(path.join(elsewhere, 'j.txt'), path.join(dir, 'k.txt'));
    symlinkSync(elsewhere, path.join(dir, 'linked'));
    const list = await listInputs([dir]);
    expect(list.files.map((f) => path.relative(dir, f))).toEqual(['a.PDF', 'b.docx', 'c.txt', 'd.text', 'e.md', 'f.Markdown', 'l.doc', 'm.ODT', 'n.rtf']);
    expect((await listInputs([path.join(dir, 'k.txt')])).files).toEqual([path.join(dir, 'k.txt')]);
    // One file reached through a link to it, a link to its folder and its own path is one input.
    expect((await listInputs([path.join(dir, 'k.txt'), `${dir}/linked/*.txt`, path.join(elsewhere, 'j.txt')])).files).toEqual([path.join(dir, 'k.txt')]);
  });

  it('says so of a folder with no document to read, as of a path that names nothing', async () => {
    const dir = folder('empty');
    writeFileSync(path.join(dir, 'figures.xlsx'), 'not read');
    mkdirSync(path.join(dir, 'sub'));
    expect((await listInputs([dir])).problems).toEqual([{ path: dir, message: 'no documents in this folder (none ending .pdf, .docx, .txt, .text, .md, .markdown, hidden files aside)' }]);
    writeFileSync(path.join(dir, 'sub', 'form.txt'), 'text');
    expect((await listInputs([dir])).problems).toEqual([]);
  });

  it('passes over output folders, its own and older ones, in walks and patterns alike', async () => {
    const dir = inputs(2);
    await batch([dir], path.join(dir, 'old'));
    rmSync(path.join(dir, 'old', 'run.json'));
    await batch([dir], path.join(dir, 'results'));
    const names = (list: { files: string[] }) => list.files.map((f) => path.relative(dir, f));
    const expected = ['broken-binary.txt', 'broken-policy.txt', 'doc-000.txt', 'doc-001.txt'];
    expect(names(await listInputs([dir], { out: path.join(dir, 'new') }))).toEqual(expected);
    expect(names(await listInputs([`${dir}/**/*.md`]))).toEqual([]);
    const own = await listInputs([path.join(dir, 'results')]);
    expect(own.problems).toEqual([{ path: path.join(dir, 'results'), message: 'an scc-extract output folder, not inputs: it is not read' }]);
    const inside = folder('inside');
    writeFileSync(path.join(inside, 'a.txt'), renderText(sampleSpec(5)));
    expect((await listInputs([inside], { out: inside })).files).toEqual([]);
    // Someone else's folder that happens to hold a manifest.jsonl and a records folder is read.
    const council = path.join(folder('theirs'), 'council-a');
    mkdirSync(path.join(council, 'records'), { recursive: true });
    writeFileSync(path.join(council, 'manifest.jsonl'), '{"file": "assessment.txt", "received": "2025-03-01"}\n');
    writeFileSync(path.join(council, 'assessment.txt'), renderText(sampleSpec(6)));
    expect((await listInputs([path.dirname(council)])).files.map((f) => path.basename(f))).toEqual(['assessment.txt']);
  });

  it('puts a path in the same shard however it is spelt, and moves no other path when one is added', async () => {
    expect(shardOf('./in/a.pdf', 5)).toBe(shardOf('in/a.pdf', 5));
    const paths = Array.from({ length: 400 }, (_, i) => `in/doc-${i}.pdf`);
    const counts = [0, 0, 0, 0];
    for (const p of paths) counts[shardOf(p, 4) - 1]!++;
    for (const c of counts) expect(c).toBeGreaterThan(70);
    expect(parseShard('0/3')).toBeNull();
    expect(parseShard('4/3')).toBeNull();
    expect(parseShard('2/3')).toEqual({ index: 2, count: 3 });
  });

  it('runs from the command line into shards and merges them', async () => {
    const dir = inputs(6);
    const base = folder('cli');
    const outs = [1, 2].map((i) => path.join(base, `s${i}`));
    for (const [i, out] of outs.entries()) expect([0, 1]).toContain((await cli([dir, '--out', out, '--shard', `${i + 1}/2`])).code);
    const merged = await cli(['merge', ...outs, '--out', path.join(base, 'all')]);
    expect(merged.code).toBe(1);
    expect(merged.stderr).toMatch(/6 extracted, 2 failed/);
    expect((await cli(['merge', outs[0]!, '--out', path.join(base, 'half')])).stderr).toMatch(/shard 2\/2 missing/);
  });
});
