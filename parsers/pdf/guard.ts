/**
 * Stops a parse when the caller's signal aborts or the time limit passes:
 * every pdf.js call is raced against it, and pdf.js is torn down at once.
 */
import { ExtractError } from '../../src/errors.js';

export class Guard {
  private reason: ExtractError | null = null;
  private readonly pending = new Set<(e: ExtractError) => void>();
  private readonly timer: ReturnType<typeof setTimeout> | null;
  private readonly onAbort = () => this.fire(new ExtractError('timeout', `stopped before the PDF was read (aborted${this.where()})`));
  /** Called once when the guard fires, e.g. to destroy the pdf.js loading task. */
  stop: () => void = () => {};
  /** What is being read, for messages. */
  progress = '';

  constructor(
    private readonly signal: AbortSignal | undefined,
    timeoutMs: number,
  ) {
    if (signal?.aborted) this.onAbort();
    else signal?.addEventListener('abort', this.onAbort, { once: true });
    this.timer =
      Number.isFinite(timeoutMs) && timeoutMs > 0
        ? setTimeout(() => this.fire(new ExtractError('timeout', `took longer than ${timeoutMs} ms to read${this.where()}`)), timeoutMs)
        : null;
    this.timer?.unref?.();
  }

  private where(): string {
    return this.progress ? `; was reading ${this.progress}` : '';
  }

  private fire(error: ExtractError): void {
    if (this.reason) return;
    this.reason = error;
    for (const reject of this.pending) reject(error);
    this.pending.clear();
    try {
      this.stop();
    } catch {
      // tearing down is best effort
    }
  }

  check(): void {
    if (this.reason) throw this.reason;
  }

  run<T>(promise: Promise<T>): Promise<T> {
    this.check();
    return new Promise<T>((resolve, reject) => {
      this.pending.add(reject);
      promise.then(
        (v) => {
          this.pending.delete(reject);
          resolve(v);
        },
        (e: unknown) => {
          this.pending.delete(reject);
          reject(this.reason ?? e);
        },
      );
    });
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.signal?.removeEventListener('abort', this.onAbort);
    this.pending.clear();
  }
}
