/**
 * A failure that belongs to one input and is reported against it; the batch
 * goes on. Anything else thrown while processing a document is a bug, but is
 * still reported the same way (with code `internal`).
 */
export type ErrorCode =
  | 'unsupported-format'
  | 'corrupt'
  | 'encrypted'
  | 'too-large'
  | 'timeout'
  | 'needs-ocr'
  | 'not-self-assessment'
  | 'invalid-record'
  | 'io'
  | 'internal';

export class ExtractError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ExtractError';
  }
}

/** JavaScript's own stack ran out: what a walk over a file's structure meets where the file nests too deep. */
export const isStackOverflow = (error: unknown) => error instanceof RangeError && /call stack size/i.test(error.message);

export function toExtractError(error: unknown): ExtractError {
  if (error instanceof ExtractError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new ExtractError('internal', `internal error: ${message}`);
}

const IO_REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOENT: 'no such file or folder',
  ENOTDIR: 'a file stands where a folder is needed',
  EISDIR: 'a folder, not a file',
  EEXIST: 'already exists',
  ELOOP: 'too many levels of symbolic links',
  ENAMETOOLONG: 'name too long',
  ENOSPC: 'no space left on the device',
  EROFS: 'read-only file system',
  EMFILE: 'too many open files',
  EIO: 'input/output error',
};

/** A file-system failure in words, its code kept for searching. */
export function ioReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (!code) return error instanceof Error ? error.message : String(error);
  const words = IO_REASONS[code];
  return words ? `${words} (${code})` : code;
}
