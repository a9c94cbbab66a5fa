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

export function toExtractError(error: unknown): ExtractError {
  if (error instanceof ExtractError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new ExtractError('internal', `internal error: ${message}`);
}
