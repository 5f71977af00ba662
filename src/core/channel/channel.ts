/**
 * The buffered reader between a transport and the session: decodes UTF-8 across chunk
 * boundaries, feeds the one-line terminal, records the transcript, and runs one wait at a time.
 * A wait's check only looks at the tail of the text (the terminal keeps lines), so the cost per
 * chunk does not grow with the output. Any failed wait (timeout, abort, link loss, a check that
 * throws) closes the transport: a half-read channel would hand the next command stale output.
 */
import { abortError, formatMs } from '../base/abort';
import { AppError } from '../base/errors';
import { DisposableStore, Emitter, type Disposable } from '../base/emitter';
import { internalError } from '../transport/internal-error';
import type { Transport } from '../transport/types';
import { TerminalText } from './terminal';
import type { TranscriptRecorder } from './transcript';
import { waitEnglish, waitMessage, type WaitFor } from './wait-for';

export interface WaitOptions {
  /** What we wait for, which a timeout names ("the prompt after 'display version'"). */
  awaiting: WaitFor;
  signal?: AbortSignal;
  timeoutMs: number;
  /** Silence limit, reset by every chunk. */
  idleTimeoutMs?: number;
  /** Fail with WRONG_BAUD when what arrives is mostly unreadable (serial consoles). */
  garbageCheck?: { baud?: number };
}

/** Bytes that a wrong line speed typically produces: replacement chars and stray C0 controls. */
const GARBAGE = /[\uFFFD\x01-\x06\x0e-\x1a\x1c-\x1f\x7f]/g;

export class Channel implements Disposable {
  readonly term = new TerminalText();
  private decoder = new TextDecoder('utf-8');
  private readonly store = new DisposableStore();
  private readonly textEvents = new Emitter<string>();
  private waiter: { check: () => void; fail: (e: AppError) => void; onChunk: (text: string) => void } | undefined;
  private closeError: AppError | undefined;

  constructor(
    readonly transport: Transport,
    readonly transcript: TranscriptRecorder,
  ) {
    this.store.add(transport.onData((chunk) => this.onChunk(chunk)));
    this.store.add(
      transport.onClose((e) => {
        this.closeError = e.error ?? new AppError('DISCONNECTED', `${transport.label}: the session is closed.`, { message: { key: 'error.disconnected.session-closed', params: { label: transport.label } } });
        this.transcript.note(e.error ? `link lost: ${e.error.message}` : 'closed');
        this.waiter?.fail(this.closeError);
      }),
    );
  }

  get closed(): boolean {
    return this.closeError !== undefined || !this.transport.isOpen;
  }

  /**
   * The transport was opened again (console cable replugged): accept I/O again. Half a UTF-8
   * character or a half-drawn line from before the drop means nothing now, so both are reset.
   */
  reattach(): void {
    if (!this.transport.isOpen) throw internalError('reattach() before the transport is open again');
    this.closeError = undefined;
    this.decoder = new TextDecoder('utf-8');
    this.term.feed('\n');
    this.term.consumeTo(this.term.lineStart);
    this.transcript.note('link back');
  }

  /** Decoded device text as it arrives (interactive console, auto-baud). */
  onText(listener: (text: string) => void): Disposable {
    return this.textEvents.on(listener);
  }

  async write(text: string): Promise<void> {
    if (this.closeError) throw this.closeError;
    this.transcript.record('out', text);
    await this.transport.write(text);
  }

  /**
   * Resolves with the first non-undefined value of `check`, evaluated now and after every chunk.
   * Only one wait runs at a time: the device has a single cursor, and so does the channel.
   */
  wait<T>(check: () => T | undefined, o: WaitOptions): Promise<T> {
    if (this.waiter) return Promise.reject(internalError(`channel busy: cannot wait for ${waitEnglish(o.awaiting)} while another wait runs`));
    if (this.closeError) return Promise.reject(this.closeError);
    return new Promise<T>((resolve, reject) => {
      let settled = false;
      let received = 0;
      let garbage = 0;
      let words = false;
      let idleTimer: ReturnType<typeof setTimeout> | undefined;
      const started = Date.now();
      const wrongBaud = () => {
        const baud = o.garbageCheck?.baud;
        const at = baud ? ` at ${baud} baud` : '';
        return new AppError('WRONG_BAUD', `${this.transport.label}: the console answers with unreadable bytes${at}; the line speed is probably wrong.`, {
          fix: 'Use ?baud=auto, or the device console speed (9600 8N1 on most H3C appliances).',
          message: { key: 'error.wrong-baud.console', params: { label: this.transport.label, baud: baud ? String(baud) : 'none' } },
          details: { received, unreadable: garbage },
        });
      };
      // A console at the wrong speed echoes a few bad bytes per Enter, then nothing: a device at the
      // right speed always shows a word (banner, prompt, question), so bytes without one mean the speed.
      const timedOut = (message: string, key: string, limit: string) => fail(o.garbageCheck && received > 0 && !words ? wrongBaud() : this.timeoutError(o, message, key, limit));
      const what = waitEnglish(o.awaiting);
      const overall = setTimeout(() => timedOut(`${what}: no complete answer within ${formatMs(o.timeoutMs)}`, 'no-answer', formatMs(o.timeoutMs)), o.timeoutMs);
      const armIdle = () => {
        if (!o.idleTimeoutMs) return;
        clearTimeout(idleTimer);
        idleTimer = setTimeout(() => timedOut(`${what}: the device sent nothing for ${formatMs(o.idleTimeoutMs!)}`, 'idle', formatMs(o.idleTimeoutMs!)), o.idleTimeoutMs);
      };
      const onAbort = () => fail(abortError(o.signal!));
      const cleanup = () => {
        settled = true;
        this.waiter = undefined;
        clearTimeout(overall);
        clearTimeout(idleTimer);
        o.signal?.removeEventListener('abort', onAbort);
      };
      const fail = (e: AppError) => {
        if (settled) return;
        cleanup();
        this.transcript.note(`${e.code}: ${e.message} (after ${Date.now() - started} ms)`);
        void this.transport.close();
        reject(e);
      };
      const check2 = () => {
        if (settled) return;
        try {
          const v = check();
          if (v !== undefined) {
            cleanup();
            resolve(v);
          }
        } catch (e) {
          fail(e instanceof AppError ? e : internalError(String(e), { cause: e }));
        }
      };
      this.waiter = {
        check: check2,
        fail,
        onChunk: (text) => {
          armIdle();
          if (!o.garbageCheck) return;
          received += text.length;
          garbage += text.match(GARBAGE)?.length ?? 0;
          words ||= /[A-Za-z0-9]/.test(text);
          if (received >= 8 && garbage / received > 0.25) fail(wrongBaud());
        },
      };
      if (o.signal?.aborted) return onAbort();
      o.signal?.addEventListener('abort', onAbort, { once: true });
      armIdle();
      check2();
    });
  }

  private onChunk(chunk: Uint8Array): void {
    const text = this.decoder.decode(chunk, { stream: true });
    if (!text) return;
    this.transcript.record('in', text);
    this.term.feed(text);
    this.textEvents.fire(text);
    this.waiter?.onChunk(text);
    this.waiter?.check();
  }

  private timeoutError(o: WaitOptions, message: string, key: string, limit: string): AppError {
    const last = this.term.tail(120).replace(/^\u0001/, '').trim().slice(-80);
    const what = { sep: 'comma' as const, items: [waitMessage(o.awaiting)] };
    return new AppError('TIMEOUT', `${message}.${last ? ` Last text from the device: "${last}"` : ' The device sent nothing.'}`, {
      fix: 'Check that the device is powered, the cable or network path is up, and the console is not held by another session.',
      message: { key: `error.timeout.${key}`, params: { what, limit, sent: last ? 'yes' : 'no', last } },
      details: { what: waitEnglish(o.awaiting), lastText: last },
    });
  }

  dispose(): void {
    this.store.dispose();
  }
}
