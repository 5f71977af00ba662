import { AppError } from './errors';
import { durationMessage, limitEnglish, limitMessage, part, type Limit } from './limit';

/** The user's stop, said in the reader's language wherever it surfaces. */
export const cancelled = (): AppError => new AppError('CANCELLED', 'Cancelled by the user.', { message: { key: 'error.cancelled.user' } });

/** Throws CANCELLED if the signal is already aborted: call at every step boundary. */
export function throwIfAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw cancelled();
}

/** The TIMEOUT of a named limit; `details.timeout` keeps the limit's English for the journal. */
export function timeoutError(limit: Limit, ms: number): AppError {
  const name = limitEnglish(limit);
  return new AppError('TIMEOUT', `${name} of ${formatMs(ms)} expired.`, {
    details: { timeout: name, limit: limit.limit, ms },
    message: { key: 'error.timeout.limit', params: { what: part(limitMessage(limit)), within: part(durationMessage(ms)) } },
  });
}

/**
 * A signal that aborts when the parent aborts or after `ms`. The timeout carries its limit so
 * that the TIMEOUT error says which limit was hit ("login timeout of 30 s"), not just "timed out".
 */
export function withTimeout(parent: AbortSignal | undefined, ms: number, limit: Limit): { signal: AbortSignal; dispose: () => void } {
  const ctrl = new AbortController();
  const onParent = () => ctrl.abort(parent?.reason ?? cancelled());
  if (parent?.aborted) onParent();
  else parent?.addEventListener('abort', onParent, { once: true });
  const timer = setTimeout(() => ctrl.abort(timeoutError(limit, ms)), ms);
  return {
    signal: ctrl.signal,
    dispose: () => {
      clearTimeout(timer);
      parent?.removeEventListener('abort', onParent);
    },
  };
}

/** Runs `f` under `withTimeout`'s signal and releases its timer however `f` ends. */
export async function withinLimit<T>(parent: AbortSignal | undefined, ms: number, limit: Limit, f: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const op = withTimeout(parent, ms, limit);
  try {
    return await f(op.signal);
  } finally {
    op.dispose();
  }
}

/** The AppError an aborted signal stands for (TIMEOUT or CANCELLED). */
export function abortError(signal: AbortSignal): AppError {
  const r: unknown = signal.reason;
  if (r instanceof AppError) return r;
  return cancelled();
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError(signal));
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(t);
      reject(abortError(signal!));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export function formatMs(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  const s = ms / 1000;
  return Number.isInteger(s) ? `${s} s` : `${s.toFixed(1)} s`;
}
