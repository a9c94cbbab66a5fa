import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ExtractError } from '../src/errors.js';
import { WorkerPool } from '../src/pool.js';

/** A worker that does what each message says, to drive the pool through every way a worker can go. */
const FIXTURE = `
import { parentPort, threadId } from 'node:worker_threads';
parentPort.on('message', (m) => {
  switch (m.kind) {
    case 'echo':
      parentPort.postMessage({ threadId, value: m.value, length: m.bytes ? m.bytes.byteLength : 0 });
      break;
    case 'sleep':
      setTimeout(() => parentPort.postMessage({ threadId, value: m.value }), m.ms);
      break;
    case 'hang':
      for (;;);
    case 'oom': {
      const hoard = [];
      for (;;) hoard.push(new Array(100000).fill(hoard.length));
    }
    case 'exit':
      process.exit(3);
    case 'throw':
      setTimeout(() => { throw new Error('boom'); });
      break;
  }
});
`;

const dir = mkdtempSync(path.join(tmpdir(), 'scc-pool-'));
const workerUrl = path.join(dir, 'fixture-worker.mjs');
writeFileSync(workerUrl, FIXTURE);

interface Reply {
  threadId: number;
  value?: number;
  length?: number;
}

let pool: WorkerPool<Record<string, unknown>, Reply>;
const make = (size: number, timeoutMs = 5000) => (pool = new WorkerPool({ size, workerUrl, timeoutMs, maxMemoryMb: 64 }));
afterEach(() => pool?.close());

async function failure(promise: Promise<unknown>): Promise<ExtractError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ExtractError);
  return error as ExtractError;
}

describe('worker pool', () => {
  it('runs jobs on at most `size` workers and transfers the bytes instead of copying them', async () => {
    make(2);
    const bytes = new Uint8Array(1000).buffer;
    const first = await pool.run({ kind: 'echo', value: 1, bytes }, [bytes]);
    expect(first).toMatchObject({ value: 1, length: 1000 });
    expect(bytes.byteLength).toBe(0);

    const replies = await Promise.all(Array.from({ length: 6 }, (_, i) => pool.run({ kind: 'sleep', ms: 30, value: i })));
    expect(replies.map((r) => r.value)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(new Set(replies.map((r) => r.threadId)).size).toBe(2);
    expect(pool.size).toBe(2);
  });

  it('kills a job that runs past its time and goes on with a fresh worker', async () => {
    make(1, 300);
    const before = await pool.run({ kind: 'echo' });
    const started = performance.now();
    const e = await failure(pool.run({ kind: 'hang' }));
    expect(e.code).toBe('timeout');
    expect(e.message).toMatch(/time limit/);
    expect(performance.now() - started).toBeLessThan(3000);
    const after = await pool.run({ kind: 'echo', value: 2 });
    expect(after.value).toBe(2);
    expect(after.threadId).not.toBe(before.threadId);
  });

  it('reports a worker that runs out of memory, and the next job still runs', async () => {
    make(1, 20_000);
    const e = await failure(pool.run({ kind: 'oom' }));
    expect(e.code).toBe('internal');
    expect(e.message).toBe('worker ran out of memory');
    expect((await pool.run({ kind: 'echo', value: 3 })).value).toBe(3);
  });

  it('reports a worker that exits or throws outside the job, and the next job still runs', async () => {
    make(1);
    const exit = await failure(pool.run({ kind: 'exit' }));
    expect(exit.code).toBe('internal');
    expect(exit.message).toBe('worker crashed: exited with code 3');
    const thrown = await failure(pool.run({ kind: 'throw' }));
    expect(thrown.message).toBe('worker crashed: boom');
    expect((await pool.run({ kind: 'echo', value: 4 })).value).toBe(4);
  });

  it('fails only the job whose worker went; the others finish', async () => {
    make(2, 500);
    const results = await Promise.allSettled([
      pool.run({ kind: 'sleep', ms: 50, value: 1 }),
      pool.run({ kind: 'hang' }),
      pool.run({ kind: 'sleep', ms: 50, value: 2 }),
      pool.run({ kind: 'exit' }),
      pool.run({ kind: 'sleep', ms: 50, value: 3 }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'rejected', 'fulfilled']);
  });
});
