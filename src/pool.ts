/**
 * A fixed number of worker threads, one job at a time each. A job that runs
 * past its time, runs its worker out of memory or crashes it costs only that
 * worker: it is terminated, the job fails with the cause, and the next job
 * gets a fresh worker.
 */
import { Worker, type Transferable } from 'node:worker_threads';
import { ExtractError } from './errors.js';

export interface PoolOptions {
  /** Most workers alive at once. */
  size: number;
  /** The worker's entry module (compiled JavaScript). */
  workerUrl: URL | string;
  /** Per job, wall clock, counted from when a worker takes it. */
  timeoutMs: number;
  /** Each worker's JavaScript heap cap (V8 old generation), in MB. */
  maxMemoryMb: number;
  /**
   * Lets the worker stop itself cleanly at `timeoutMs` (a worker that polls an
   * AbortSignal stays reusable) before it is terminated from outside.
   */
  graceMs?: number;
}

interface Job<In, Out> {
  message: In;
  transfer: readonly Transferable[];
  resolve: (value: Out) => void;
  reject: (error: ExtractError) => void;
}

interface Slot<In, Out> {
  worker: Worker;
  job: Job<In, Out> | null;
  timer: NodeJS.Timeout | null;
  /** Set once the slot's worker is finished with, whichever event came first. */
  dead: boolean;
}

export class WorkerPool<In, Out> {
  private readonly slots = new Set<Slot<In, Out>>();
  private readonly queue: Array<Job<In, Out>> = [];
  private closed = false;

  constructor(private readonly options: PoolOptions) {
    if (options.size < 1) throw new RangeError('a pool needs at least one worker');
  }

  /** Resolves with the worker's reply; rejects with `timeout` or `internal` when the worker had to go. */
  run(message: In, transfer: readonly Transferable[] = []): Promise<Out> {
    if (this.closed) return Promise.reject(new ExtractError('internal', 'worker pool is closed'));
    return new Promise<Out>((resolve, reject) => {
      this.queue.push({ message, transfer, resolve, reject });
      this.dispatch();
    });
  }

  /** Workers alive now (for tests and progress). */
  get size(): number {
    return this.slots.size;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new ExtractError('internal', 'worker pool is closed'));
    await Promise.all([...this.slots].map((slot) => this.retire(slot)));
  }

  private dispatch(): void {
    while (this.queue.length) {
      const slot = [...this.slots].find((s) => !s.dead && s.job === null) ?? (this.slots.size < this.options.size ? this.spawn() : null);
      if (!slot) return;
      this.start(slot, this.queue.shift()!);
    }
  }

  private spawn(): Slot<In, Out> {
    const worker = new Worker(this.options.workerUrl, {
      resourceLimits: { maxOldGenerationSizeMb: this.options.maxMemoryMb },
    });
    const slot: Slot<In, Out> = { worker, job: null, timer: null, dead: false };
    worker.on('message', (reply: Out) => {
      const job = slot.job;
      if (slot.dead || !job) return;
      this.finish(slot);
      job.resolve(reply);
      this.dispatch();
    });
    worker.on('error', (error: Error & { code?: string }) => {
      const message = error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'worker ran out of memory' : `worker crashed: ${error.message}`;
      this.fail(slot, new ExtractError('internal', message));
    });
    worker.on('exit', (code) => this.fail(slot, new ExtractError('internal', `worker crashed: exited with code ${code}`)));
    this.slots.add(slot);
    return slot;
  }

  private start(slot: Slot<In, Out>, job: Job<In, Out>): void {
    slot.job = job;
    const { timeoutMs, graceMs = 0 } = this.options;
    slot.timer = setTimeout(() => {
      this.fail(slot, new ExtractError('timeout', timeoutMessage(timeoutMs)));
    }, timeoutMs + graceMs);
    slot.worker.postMessage(job.message, [...job.transfer]);
  }

  private finish(slot: Slot<In, Out>): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.job = null;
  }

  /** The slot's worker is done for: its job (if any) fails with `error`, and a fresh worker takes the queue. */
  private fail(slot: Slot<In, Out>, error: ExtractError): void {
    if (slot.dead) return;
    const job = slot.job;
    this.finish(slot);
    void this.retire(slot);
    job?.reject(error);
    if (!this.closed) this.dispatch();
  }

  private async retire(slot: Slot<In, Out>): Promise<void> {
    slot.dead = true;
    this.finish(slot);
    this.slots.delete(slot);
    await slot.worker.terminate();
  }
}

/** The same words whether the worker stopped itself or was stopped, so output does not depend on which came first. */
export function timeoutMessage(timeoutMs: number): string {
  return `took longer than the ${timeoutMs / 1000} s time limit (--timeout)`;
}
