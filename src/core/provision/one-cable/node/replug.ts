/**
 * Seeing a console cable move by the port's name: an unplugged USB adapter's device node vanishes
 * and a new one appears when it is plugged in (a new inode, even with the same name), and a
 * symlink re-pointed to another device resolves to another node. So the port's identity is the
 * node it resolves to; a move is that node going away and coming back, or becoming another one.
 */
import { stat } from 'node:fs/promises';
import { abortError, sleep } from '../../../base/abort';

/** Often enough to catch a replug within a human's reaction time, rarely enough to cost nothing. */
export const REPLUG_POLL_MS = 200;

/** The node a port name resolves to now (`dev:ino:rdev`), or undefined while it is absent. */
export async function portIdentity(path: string): Promise<string | undefined> {
  try {
    const st = await stat(path);
    return `${st.dev}:${st.ino}:${st.rdev}`;
  } catch {
    return undefined;
  }
}

/**
 * Resolves once the port named `path` is present and is not the node `since` (the one the last
 * device was reached through): it went away and came back, or now leads elsewhere. `onGone` is
 * told when it disappears, so the engineer sees the unplug was noticed. Bounded by the signal.
 */
export async function waitForReplug(path: string, since: string | undefined, o: { signal: AbortSignal; onGone?: () => void; pollMs?: number }): Promise<void> {
  let gone = since === undefined;
  for (;;) {
    if (o.signal.aborted) throw abortError(o.signal);
    const now = await portIdentity(path);
    if (now === undefined) {
      if (!gone) o.onGone?.();
      gone = true;
    } else if (gone || now !== since) return;
    await sleep(o.pollMs ?? REPLUG_POLL_MS, o.signal);
  }
}

export interface CableWatch {
  signal: AbortSignal;
  onGone?: () => void;
  pollMs?: number;
  /** The engineer's word that the cable is on the other device (Enter); bounded by its signal. */
  confirm?: (signal: AbortSignal) => Promise<void>;
  /** Nobody to confirm: a port still there and unchanged after this long is taken as moved (only the far end moved). */
  presumeAfterMs?: number;
}

/**
 * The cable's move seen whichever way comes first: the port went away and came back (`plugged`),
 * the engineer said so (`confirmed`), or the port stayed put past `presumeAfterMs` (`presumed`:
 * a USB adapter left plugged in while its RJ45 end moved). A port seen going away cancels the
 * presumption: it is a replug, and only its return counts. Whoever answers is identified after.
 */
export async function waitForCableMove(path: string, since: string | undefined, o: CableWatch): Promise<'plugged' | 'confirmed' | 'presumed'> {
  const stop = new AbortController();
  const parent = () => stop.abort(o.signal.reason);
  o.signal.addEventListener('abort', parent, { once: true });
  let gone = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const racers: Promise<'plugged' | 'confirmed' | 'presumed'>[] = [
      waitForReplug(path, since, {
        signal: stop.signal,
        ...(o.pollMs !== undefined ? { pollMs: o.pollMs } : {}),
        onGone: () => {
          gone = true;
          if (timer) clearTimeout(timer);
          o.onGone?.();
        },
      }).then(() => 'plugged' as const),
    ];
    // The engineer's word never arriving (stdin closed) leaves the other ways open.
    if (o.confirm) racers.push(o.confirm(stop.signal).then(() => 'confirmed' as const, () => new Promise<never>(() => undefined)));
    if (o.presumeAfterMs !== undefined) {
      const ms = o.presumeAfterMs;
      racers.push(new Promise((resolve) => (timer = setTimeout(() => !gone && resolve('presumed'), ms))));
    }
    return await Promise.race(racers);
  } finally {
    if (timer) clearTimeout(timer);
    o.signal.removeEventListener('abort', parent);
    stop.abort();
  }
}
