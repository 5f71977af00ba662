import { randomUUID } from 'node:crypto';
import type { StepReport } from '../progress-step';
import { basename } from 'node:path';
import { AppError } from '../../core/base/errors';
import type { Disposable } from '../../core/base/emitter';
import type { OpenedSession } from '../../core/session/node/open';
import type { ConsoleSession, HostEvent } from '../../contract/index';
import { openDevice, type DeviceLogin, type OpenDeviceDeps } from '../devices/connect';
import { OutputBatcher } from '../devices/output-batcher';
import { TeeTranscriptSink } from '../devices/tee-sink';
import { TypedSecretFilter } from './typed-secrets';

interface Live {
  info: ConsoleSession;
  opened: OpenedSession;
  tee: TeeTranscriptSink;
  filter: TypedSecretFilter;
  subs: Disposable[];
  closed: boolean;
  shutting?: Promise<void>;
}

/** Closed consoles whose transcript can still be downloaded. */
const KEEP_CLOSED = 8;

/**
 * Interactive terminals: each on its own connection, output batched (OutputBatcher), keystrokes
 * passed through raw, transcript redacted (logins, typed passwords, `password simple X`).
 */
export class ConsoleManager {
  private readonly live = new Map<string, Live>();
  private readonly batcher: OutputBatcher;

  constructor(
    private readonly deps: OpenDeviceDeps,
    private readonly emit: (e: HostEvent) => void,
    batchMs?: number,
  ) {
    this.batcher = new OutputBatcher((sessionId, data) => emit({ event: 'console.output', payload: { sessionId, data } }), batchMs);
  }

  /** Device chunks in, console.output events out: the coalescing ratio. */
  get stats(): { chunks: number; events: number } {
    return { chunks: this.batcher.received, events: this.batcher.sent };
  }

  async open(login: DeviceLogin & { cols: number; rows: number }, signal: AbortSignal, onStatus?: StepReport): Promise<ConsoleSession> {
    let tee: TeeTranscriptSink | undefined;
    const opened = await openDevice(login, this.deps, { signal, tee: (file) => (tee = new TeeTranscriptSink(file, { keep: true })), ...(onStatus ? { onStatus } : {}) });
    const { session, transport } = opened;
    const sessionId = `c-${randomUUID()}`;
    const rec = session.channel.transcript;
    const filter = new TypedSecretFilter((secret) => rec.addSecret(secret));
    const info: ConsoleSession = {
      sessionId,
      label: transport.label,
      kind: transport.kind === 'serial' ? 'serial' : 'ssh',
      prompt: session.prompt.text,
      ...(opened.baud !== undefined ? { baud: opened.baud } : {}),
    };
    const entry: Live = { info, opened, tee: tee!, filter, subs: [], closed: false };
    // From here on the user types: the session's idea of the current view is no longer reliable.
    session.invalidateView();
    entry.subs.push(
      session.channel.onText((text) => {
        filter.sawOutput(text);
        this.batcher.push(sessionId, text);
        // nobody waits on this channel now: drop finished lines so a long session stays small
        session.channel.term.consumeTo(session.channel.term.lineStart);
      }),
      transport.onClose((e) => {
        this.batcher.flush(sessionId);
        entry.closed = true;
        this.emit({ event: 'console.output', payload: { sessionId, data: '', closed: true, reason: e.error?.message ?? 'closed' } });
        void this.shut(entry); // flushes the transcript's held text and ends its file
      }),
    );
    this.live.set(sessionId, entry);
    this.prune();
    transport.resize?.(login.cols, login.rows);
    // No output is pushed before the terminal attaches: it presses Enter once subscribed, and the
    // device answers with a fresh prompt (the login's prompt was consumed by the session).
    return info;
  }

  private get(sessionId: string): Live {
    const e = this.live.get(sessionId);
    if (!e) throw new AppError('NOT_FOUND', 'No such console session.', { fix: 'Connect again.', message: { key: 'host.no-console' } });
    return e;
  }

  async write(sessionId: string, data: string): Promise<void> {
    const e = this.get(sessionId);
    if (e.closed) throw new AppError('DISCONNECTED', `${e.info.label}: the session is closed.`, { fix: 'Connect again.', message: { key: 'host.console-closed', params: { label: e.info.label } } });
    // The transcript gets the filtered keystrokes; the device gets them as typed.
    e.opened.session.channel.transcript.record('out', e.filter.typed(data));
    await e.opened.transport.write(data);
  }

  resize(sessionId: string, cols: number, rows: number): boolean {
    const e = this.get(sessionId);
    if (e.closed || !e.opened.transport.resize) return false;
    e.opened.transport.resize(cols, rows);
    return true;
  }

  transcript(sessionId: string): { name: string; text: string } {
    const e = this.get(sessionId);
    return { name: basename(e.tee.location), text: e.tee.text() };
  }

  async close(sessionId: string): Promise<boolean> {
    const e = this.live.get(sessionId);
    if (!e) return false;
    await this.shut(e);
    return true;
  }

  private shut(e: Live): Promise<void> {
    this.batcher.flush(e.info.sessionId);
    for (const s of e.subs.splice(0)) s.dispose();
    e.closed = true;
    // logs out, closes the transport and the transcript (flushing held redaction text); once
    return (e.shutting ??= e.opened.session.close().catch(() => undefined));
  }

  private prune(): void {
    const closed = [...this.live.values()].filter((e) => e.closed);
    for (const e of closed.slice(0, Math.max(0, closed.length - KEEP_CLOSED))) this.live.delete(e.info.sessionId);
  }

  async dispose(): Promise<void> {
    await Promise.all([...this.live.values()].filter((e) => !e.closed).map((e) => this.shut(e)));
    this.batcher.dispose();
  }
}
