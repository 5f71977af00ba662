import { useEffect, useRef } from 'react';
import { Terminal as XTerm } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import '@xterm/xterm/css/xterm.css';
import { errorText } from '../../../../src/i18n/core-text';
import { api } from '../../services/api';
import { attachOutput } from './output-stream';
import { styleNonce, withStyleNonce } from './style-nonce';
import { useAppTranslation } from '../../i18n';

/** Keystrokes typed within this window leave as one console.write (paste, fast typing). */
const WRITE_BATCH_MS = 8;

/**
 * The xterm.js terminal of one console session. Device output comes from output-stream.ts (host
 * events, never through the store), keystrokes go to console.write.
 */
export function Terminal({ sessionId }: { sessionId: string }) {
  const box = useRef<HTMLDivElement>(null);
  const live = useRef<XTerm | null>(null);
  const { t, i18n } = useAppTranslation();

  // xterm's own screen-reader text is English and global to the library: set before a terminal
  // opens (its input reads it then) and again on a language change, for the one already open.
  useEffect(() => {
    XTerm.strings.promptLabel = t('console.xterm.promptLabel');
    XTerm.strings.tooMuchOutput = t('console.xterm.tooMuchOutput');
    live.current?.textarea?.setAttribute('aria-label', XTerm.strings.promptLabel);
  }, [t]);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const term = new XTerm({ convertEol: false, cursorBlink: true, fontSize: 14, scrollback: 5000, fontFamily: 'ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace' });
    const fit = new FitAddon();
    term.loadAddon(fit);
    withStyleNonce(document, styleNonce(), () => term.open(el));
    live.current = term;
    // Alt+1…6 stay the app's screen keys (Nav) even while the terminal has focus: Comware has no Alt bindings.
    term.attachCustomKeyEventHandler((e) => !(e.altKey && !e.ctrlKey && !e.metaKey && /^[1-9]$/.test(e.key)));
    const resize = () => {
      try {
        fit.fit();
      } catch {
        return; // not laid out yet (hidden): the next resize fits
      }
      void api()['console.resize']({ sessionId, cols: term.cols, rows: term.rows });
    };
    resize();
    const observer = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(() => resize());
    observer?.observe(el);

    let pending = '';
    let timer: ReturnType<typeof setTimeout> | undefined;
    const send = () => {
      const data = pending;
      pending = '';
      timer = undefined;
      if (data) void api()['console.write']({ sessionId, data }).then((r) => !r.ok && term.write(`\r\n\x1b[31m[${errorText(i18n, r.error).message}]\x1b[0m\r\n`));
    };
    const typed = term.onData((data) => {
      pending += data;
      timer ??= setTimeout(send, WRITE_BATCH_MS);
    });
    const output = attachOutput(sessionId, (data) => term.write(data));
    // Enter once we listen: the device answers with a fresh prompt, so nothing is lost before mount
    if (output.first) void api()['console.write']({ sessionId, data: '\r' });
    term.focus();
    return () => {
      output.detach();
      typed.dispose();
      if (timer) {
        clearTimeout(timer);
        send(); // keystrokes typed just before leaving the screen still reach the device
      }
      observer?.disconnect();
      live.current = null;
      term.dispose();
    };
  }, [sessionId]);

  return <div className="terminal" ref={box} aria-label={t('console.deviceTerminal')} data-session={sessionId} />;
}
