import type { Message, MessageParams } from './message';

/**
 * Error codes are a closed union: every failure that crosses a process boundary (IPC, HTTP,
 * CLI exit) carries one of these, so callers can branch on the code and never on message text.
 */
export const ERROR_CODES = [
  'VALIDATION',
  'PARSE',
  'NOT_FOUND',
  'AUTH_FAILED',
  'HOST_KEY_UNKNOWN',
  'HOST_KEY_MISMATCH',
  'TIMEOUT',
  'CANCELLED',
  'COMMAND_REJECTED',
  'DISCONNECTED',
  'CONNECT_FAILED',
  'LOCKED_OUT',
  'WRONG_BAUD',
  'LINE_TOO_LONG',
  'VERIFY_FAILED',
  'ROLLBACK_FAILED',
  'BUNDLE_INVALID',
  'UNSUPPORTED',
  'CONFLICT',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * The error's sentence as a message of the `core` catalogue: `<key>.message`, and `<key>.fix` for
 * the fix, formatted from `params` in the reader's language. Errors without one are shown in their
 * English `message`; every code also has a short title (`error.code.<CODE>`).
 */
export interface ErrorMessage {
  key: string;
  params?: MessageParams;
}

export interface ErrorInfo {
  code: ErrorCode;
  message: string;
  /** What the user can do about it; shown beside the message. */
  fix?: string;
  details?: Record<string, unknown>;
  /** The message id (core catalogue) and its params; `message` and `fix` are its English. */
  key?: string;
  params?: MessageParams;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fix?: string;
  readonly details?: Record<string, unknown>;
  readonly said?: ErrorMessage;

  constructor(code: ErrorCode, message: string, opts: { fix?: string; details?: Record<string, unknown>; cause?: unknown; message?: ErrorMessage | Message } = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'AppError';
    this.code = code;
    this.fix = opts.fix;
    this.details = opts.details;
    const m = opts.message;
    if (m) this.said = 'key' in m ? m : { key: m.code, ...(m.params ? { params: m.params } : {}) };
  }

  toInfo(): ErrorInfo {
    const info: ErrorInfo = { code: this.code, message: this.message };
    if (this.fix !== undefined) info.fix = this.fix;
    if (this.details !== undefined) info.details = this.details;
    if (this.said) {
      info.key = this.said.key;
      if (this.said.params) info.params = this.said.params;
    }
    return info;
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

/** Any thrown value → ErrorInfo without a stack trace; unknown errors become INTERNAL. */
export function toErrorInfo(e: unknown): ErrorInfo {
  if (isAppError(e)) return e.toInfo();
  if (e instanceof Error && e.name === 'AbortError') return { code: 'CANCELLED', message: 'Cancelled.', key: 'error.cancelled' };
  const message = e instanceof Error ? e.message : String(e);
  return { code: 'INTERNAL', message };
}
