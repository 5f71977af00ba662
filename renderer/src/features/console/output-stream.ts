import { onHostEvent } from '../../services/api';
import { useStore } from '../../store/index';
import { i18n } from '../../i18n';

/** Scrollback kept per console for a terminal that is (re)mounted: roughly xterm's 5000 lines. */
const KEEP_CHARS = 512 * 1024;

interface Stream {
  text: string;
  sink?: (data: string) => void;
}

/**
 * Console output outside React and outside the store (it is not state: a byte stream). It keeps
 * listening while the user is on another screen, so coming back to Console shows what the device
 * said meanwhile. Only the newest session is kept.
 */
const streams = new Map<string, Stream>();
let unsubscribe: (() => void) | undefined;

function listen(): void {
  unsubscribe ??= onHostEvent((e) => {
    if (e.event !== 'console.output') return;
    const s = streams.get(e.payload.sessionId);
    if (!s) return;
    let data = e.payload.data;
    if (e.payload.closed) {
      // HotPair's own note in the terminal (the reason is the host's): the user's language, not the device's.
      const reason = e.payload.reason ?? i18n.t('app:console.closedReason');
      data += `\r\n\x1b[33m[${i18n.t('app:console.connectionClosed', { reason })}]\x1b[0m\r\n`;
      useStore.getState().consoleClosed(e.payload.sessionId, e.payload.reason ?? 'closed');
    }
    if (!data) return;
    s.text = (s.text + data).slice(-KEEP_CHARS);
    s.sink?.(data);
  });
}

/**
 * Attach a terminal: it first gets what arrived so far, then live output. `first` is true the first
 * time a session is attached (the terminal then presses Enter for a fresh prompt).
 */
export function attachOutput(sessionId: string, sink: (data: string) => void): { first: boolean; detach: () => void } {
  listen();
  for (const id of streams.keys()) if (id !== sessionId) streams.delete(id);
  let s = streams.get(sessionId);
  const first = !s;
  if (!s) streams.set(sessionId, (s = { text: '' }));
  if (s.text) sink(s.text);
  s.sink = sink;
  const mine = s;
  return {
    first,
    detach: () => {
      if (mine.sink === sink) mine.sink = undefined;
    },
  };
}

/** Tests: forget every stream and the subscription. */
export function resetOutputStreams(): void {
  unsubscribe?.();
  unsubscribe = undefined;
  streams.clear();
}
