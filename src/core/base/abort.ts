import { AppError } from './errors';

/** Throws CANCELLED if the signal is already aborted: call at every step boundary. */
export function throwIfAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw new AppError('CANCELLED', 'Cancelled by the user.');
}

/**
 * A signal that aborts when the parent aborts or after `ms`. The timeout carries its name so
 * that the TIMEOUT error says which limit was hit ("command timeout 30 s"), not just "timed out".
 */
export function withTimeout(parent: AbortSignal | undefined, ms: number, name: string): { signal: AbortSignal; dispose: () => void } {
  const ctrl = new AbortController();
  const onParent = () => ctrl.abort(parent?.reason ?? new AppError('CANCELLED', 'Cancelled by the user.'));
  if (parent?.aborted) onParent();
  else parent?.addEventListener('abort', onParent, { once: true });
  const timer = setTimeout(
    () => ctrl.abort(new AppError('TIMEOUT', `${name} of ${formatMs(ms)} expired.`, { details: { timeout: name, ms } })),
    ms,
  );
  return {
    signal: ctrl.signal,
    dispose: () => {
      clearTimeout(timer);
      parent?.removeEventListener('abort', onParent);
    },
  };
}

/** The AppError an aborted signal stands for (TIMEOUT or CANCELLED). */
export function abortError(signal: AbortSignal): AppError {
  const r: unknown = signal.reason;
  if (r instanceof AppError) return r;
  return new AppError('CANCELLED', 'Cancelled by the user.');
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
