/**
 * DeviceSession: a logged-in CLI on one device over any transport. Commands run strictly one at
 * a time; every wait is bounded (per command, per operation, on silence) and cancellable, and a
 * failed wait closes the transport so no later command can read stale output.
 */
import { withTimeout } from '../base/abort';
import { AppError } from '../base/errors';
import { Emitter, type Disposable } from '../base/emitter';
import { Channel } from '../channel/channel';
import { compilePack, type CompiledPack } from '../channel/patterns';
import type { TranscriptRecorder } from '../channel/transcript';
import type { PlatformPack } from '../platforms/pack';
import { timeoutForBytes } from '../transport/line-rate';
import type { Transport } from '../transport/types';
import { runCommand, checkLineLength, type PromptMatch } from './command';
import { login, type LoginCredentials } from './login';
import { describePrompt } from './prompt';
import { typeUntilShown } from './typed';
import type { CommandResponse, ExecOptions, HelpResponse, LogLineEvent, PromptInfo, SendConfigOptions, Session, ViewKind } from './types';

export interface SessionTimeouts {
  /** Per command when nothing else is known (plus the line time of expectBytes). */
  commandMs: number;
  /** Silence limit while a command runs. */
  idleMs: number;
  /** The whole login. */
  loginMs: number;
  /** `save` writes flash: slower than a command. */
  saveMs: number;
}

export const DEFAULT_TIMEOUTS: SessionTimeouts = { commandMs: 60_000, idleMs: 15_000, loginMs: 45_000, saveMs: 120_000 };
/** Output assumed for a command of unknown size on a slow line (a long display). */
const DEFAULT_EXPECT_BYTES = 64 * 1024;
/** Output assumed for one `?` (a long keyword list), for its share of the line time. */
const HELP_EXPECT_BYTES = 4 * 1024;
/** Ctrl+H: Comware's erase-left key; its other hotkeys (Ctrl+G, Ctrl+L, Ctrl+O …) run commands. */
const BACKSPACE = '\b';

export interface ConnectOptions {
  pack: PlatformPack;
  transport: Transport;
  transcript: TranscriptRecorder;
  credentials: LoginCredentials;
  /** console: serial line (banner, Press ENTER, login); shell: SSH (authenticated already). */
  loginMode?: 'console' | 'shell';
  signal?: AbortSignal;
  timeouts?: Partial<SessionTimeouts>;
  /** Serial line speed, for a WRONG_BAUD message that names it. */
  baud?: number;
}

export class DeviceSession implements Session {
  readonly pack: PlatformPack;
  private readonly cp: CompiledPack;
  private readonly logEvents = new Emitter<LogLineEvent>();
  private current: PromptInfo;
  private busy = false;
  private queue: Promise<unknown> = Promise.resolve();
  private viewUnknown = false;

  private constructor(
    readonly channel: Channel,
    pack: PlatformPack,
    first: PromptMatch,
    readonly timeouts: SessionTimeouts,
    /** Kept for a re-login after the console cable is replugged (the transcript redacts them). */
    private readonly credentials: LoginCredentials,
    private readonly loginMode: 'console' | 'shell',
  ) {
    this.pack = pack;
    this.cp = compilePack(pack);
    this.current = describePrompt(first, undefined);
  }

  /** Opens the transport, logs in and disables paging; closes everything on any failure. */
  static async connect(o: ConnectOptions): Promise<DeviceSession> {
    const timeouts = { ...DEFAULT_TIMEOUTS, ...o.timeouts };
    const rec = o.transcript;
    rec.addSecret(o.credentials.password);
    rec.addSecret(o.credentials.newPassword);
    rec.note(`connect ${o.transport.label}`);
    const channel = new Channel(o.transport, rec);
    const op = withTimeout(o.signal, timeouts.loginMs, { limit: 'login' });
    try {
      // a console may already be open (auto-baud ran on it)
      if (!o.transport.isOpen) await o.transport.open(op.signal);
      const mode = o.loginMode ?? (o.transport.kind === 'serial' ? 'console' : 'shell');
      const first = await login(channel, compilePack(o.pack), o.credentials, {
        mode,
        signal: op.signal,
        timeoutMs: timeouts.loginMs,
        idleTimeoutMs: timeouts.idleMs,
        ...(o.baud !== undefined ? { baud: o.baud } : {}),
      });
      channel.term.consumeTo(channel.term.lineStart);
      const s = new DeviceSession(channel, o.pack, first, timeouts, o.credentials, mode);
      // operator roles may not be allowed to disable paging: the pager is answered anyway
      await s.exec(o.pack.session.disablePaging, { check: false, signal: op.signal });
      return s;
    } catch (e) {
      // the transcript of a failed connect is the support record: say why it ended
      rec.note(e instanceof AppError ? `${e.code}: ${e.message}` : `failed: ${String(e)}`);
      await o.transport.close().catch(() => undefined);
      channel.dispose();
      await rec.close().catch(() => undefined);
      throw e;
    } finally {
      op.dispose();
    }
  }

  get prompt(): PromptInfo {
    return this.current;
  }

  get closed(): boolean {
    return this.channel.closed;
  }

  get transcriptLocation(): string {
    return this.channel.transcript.sink.location;
  }

  /**
   * Someone typed on the channel directly (interactive console): the view we know is stale
   * until the next command's prompt.
   */
  invalidateView(): void {
    this.viewUnknown = true;
  }

  /** Read after an await: the prompt (and so the view) changes with every command. */
  private viewNow(): ViewKind {
    return this.current.view;
  }

  onLog(listener: (e: LogLineEvent) => void): Disposable {
    return this.logEvents.on(listener);
  }

  /**
   * Callers (discovery, a monitor poll, the UI) may ask at the same time; the device has one
   * cursor, so requests queue and each runs whole — a config push is never interleaved.
   */
  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.queue.then(fn, fn);
    this.queue = next.catch(() => undefined);
    return next;
  }

  async exec(command: string, opts: ExecOptions = {}): Promise<CommandResponse> {
    checkLineLength(this.cp, command);
    return this.serial(() => this.run(command, opts));
  }

  private closedError(): AppError {
    const label = this.channel.transport.label;
    return new AppError('DISCONNECTED', `${label}: the session is closed.`, { message: { key: 'error.disconnected.session-closed', params: { label } } });
  }

  private async run(command: string, opts: ExecOptions = {}): Promise<CommandResponse> {
    if (this.channel.closed) throw this.closedError();
    this.busy = true;
    try {
      const bps = this.channel.transport.bytesPerSecond;
      const expect = opts.expectBytes ?? (bps ? DEFAULT_EXPECT_BYTES : 0);
      const r = await runCommand(this.channel, this.cp, command, {
        signal: opts.signal,
        timeoutMs: opts.timeoutMs ?? timeoutForBytes(this.timeouts.commandMs, expect, bps),
        idleTimeoutMs: opts.idleTimeoutMs ?? this.timeouts.idleMs,
        check: opts.check !== false,
      });
      this.current = describePrompt(r.prompt, this.current.hostname);
      this.viewUnknown = false;
      for (const line of r.logLines) this.logEvents.fire({ time: Date.now(), line });
      return { command, output: r.output, prompt: r.prompt.text, elapsedMs: r.elapsedMs };
    } finally {
      this.busy = false;
    }
  }

  /**
   * Context help without running anything: `text` and `?` are typed, the help is read until the
   * device shows the prompt with `text` again, and `text` is erased with one Backspace per
   * character. Enter is never sent, so the line cannot run whatever the device makes of it.
   */
  help(text: string, opts: ExecOptions = {}): Promise<HelpResponse> {
    checkLineLength(this.cp, `${text}?`);
    if (text.includes('?')) throw new AppError('VALIDATION', `"${text}" holds a "?", which the CLI takes as a help request.`, { message: { key: 'error.validation.help-question', params: { text } } });
    return this.serial(() => this.askHelp(text, opts));
  }

  private async askHelp(text: string, opts: ExecOptions): Promise<HelpResponse> {
    if (this.channel.closed) throw this.closedError();
    this.busy = true;
    const started = Date.now();
    try {
      const bps = this.channel.transport.bytesPerSecond;
      const limits = { idleTimeoutMs: opts.idleTimeoutMs ?? this.timeouts.idleMs, ...(opts.signal ? { signal: opts.signal } : {}) };
      const asked = `${text}?`;
      const r = await typeUntilShown(this.channel, this.cp, asked, {
        ...limits,
        typed: text,
        echo: asked,
        awaiting: { wait: 'help-for', asked },
        timeoutMs: opts.timeoutMs ?? timeoutForBytes(this.timeouts.commandMs, opts.expectBytes ?? HELP_EXPECT_BYTES, bps),
      });
      for (const line of r.logLines) this.logEvents.fire({ time: Date.now(), line });
      let bytes = asked.length + r.received;
      if (text.length > 0) {
        const erase = BACKSPACE.repeat(text.length);
        const e = await typeUntilShown(this.channel, this.cp, erase, {
          ...limits,
          typed: '',
          awaiting: { wait: 'prompt-after-erase', text },
          timeoutMs: opts.timeoutMs ?? timeoutForBytes(this.timeouts.commandMs, text.length * 4, bps),
        });
        for (const line of e.logLines) this.logEvents.fire({ time: Date.now(), line });
        bytes += erase.length + e.received;
      }
      const echo = r.echoLine?.trimEnd() ?? '';
      const at = echo.lastIndexOf(asked);
      return { text, output: r.output, typedStart: at >= 0 ? at : r.prompt.text.length, prompt: r.prompt.text, bytes, elapsedMs: Date.now() - started };
    } finally {
      this.busy = false;
    }
  }

  /**
   * After the console cable was pulled: wait for the port to come back, log in again, disable
   * paging. The device may have logged the session out meanwhile, so the login always runs.
   */
  reconnect(o: { timeoutMs: number; signal?: AbortSignal }): Promise<void> {
    return this.serial(() => this.relogin(o));
  }

  private async relogin(o: { timeoutMs: number; signal?: AbortSignal }): Promise<void> {
    const t = this.channel.transport;
    if (!t.reconnect) throw new AppError('UNSUPPORTED', `${t.label}: only a console line can be reconnected; open a new session instead.`, { message: { key: 'error.unsupported.reconnect', params: { label: t.label } } });
    await t.reconnect(o);
    this.channel.reattach();
    const first = await login(this.channel, this.cp, this.credentials, {
      mode: this.loginMode,
      timeoutMs: this.timeouts.loginMs,
      idleTimeoutMs: this.timeouts.idleMs,
      ...(o.signal ? { signal: o.signal } : {}),
    });
    this.channel.term.consumeTo(this.channel.term.lineStart);
    this.current = describePrompt(first, this.current.hostname);
    await this.run(this.pack.session.disablePaging, { check: false, ...(o.signal ? { signal: o.signal } : {}) });
  }

  enterSystemView(opts: ExecOptions = {}): Promise<void> {
    return this.serial(() => this.toSystem(opts));
  }

  private async toSystem(opts: ExecOptions): Promise<void> {
    if (this.current.view === 'system') return;
    if (this.current.view === 'subview') await this.run(this.pack.session.returnToUser, opts);
    await this.run(this.pack.session.enterSystemView, opts);
    if (this.viewNow() !== 'system') {
      const params = { command: this.pack.session.enterSystemView, prompt: this.current.text };
      throw new AppError('COMMAND_REJECTED', `"${params.command}" left the CLI at ${params.prompt}, not in system view.`, { message: { key: 'error.command-rejected.system-view', params } });
    }
  }

  /** From system view, a command that opens a sub-view (`interface X`, `remote-backup group`). */
  async enterView(command: string, opts: ExecOptions = {}): Promise<CommandResponse> {
    checkLineLength(this.cp, command);
    return this.serial(async () => {
      await this.toSystem(opts);
      const r = await this.run(command, opts);
      if (this.viewNow() !== 'subview') {
        throw new AppError('COMMAND_REJECTED', `"${command}" did not open a view (prompt ${r.prompt}).`, { details: { command }, message: { key: 'error.command-rejected.no-view', params: { command, prompt: r.prompt } } });
      }
      return r;
    });
  }

  returnToUser(opts: ExecOptions = {}): Promise<void> {
    return this.serial(() => this.toUser(opts));
  }

  private async toUser(opts: ExecOptions): Promise<void> {
    if (this.current.view !== 'user') await this.run(this.pack.session.returnToUser, opts);
  }

  /**
   * Pushes configuration lines from system view, one at a time: send a line, wait for its
   * prompt. Waiting per line costs one character time at most (the device echoes as it reads),
   * and it is what lets a rejected line stop the push before the next one runs.
   */
  async sendConfig(lines: readonly string[], opts: SendConfigOptions = {}): Promise<CommandResponse[]> {
    for (const line of lines) checkLineLength(this.cp, line);
    return this.serial(() => this.push(lines, opts));
  }

  private async push(lines: readonly string[], opts: SendConfigOptions): Promise<CommandResponse[]> {
    const op = opts.timeoutMs ? withTimeout(opts.signal, opts.timeoutMs, { limit: 'config-push' }) : undefined;
    const signal = op?.signal ?? opts.signal;
    const out: CommandResponse[] = [];
    try {
      await this.toSystem({ signal });
      for (let i = 0; i < lines.length; i++) {
        const line = lines[i]!;
        try {
          out.push(await this.run(line, { signal }));
        } catch (e) {
          if (e instanceof AppError && e.code === 'COMMAND_REJECTED') {
            const reason = e.said ? { sep: 'comma' as const, items: [{ code: `${e.said.key}.message`, ...(e.said.params ? { params: e.said.params } : {}) }] } : e.message;
            throw new AppError(e.code, `Line ${i + 1} of ${lines.length}: ${e.message}`, {
              details: { ...e.details, index: i },
              cause: e,
              message: { key: 'error.command-rejected.line', params: { line: String(i + 1), total: String(lines.length), reason } },
            });
          }
          throw e;
        }
        opts.onProgress?.({ index: i, total: lines.length, line });
      }
      if (!opts.stayInView) await this.toUser({ signal });
      return out;
    } finally {
      op?.dispose();
    }
  }

  save(opts: ExecOptions = {}): Promise<CommandResponse> {
    return this.serial(() => this.saveNow(opts));
  }

  private async saveNow(opts: ExecOptions): Promise<CommandResponse> {
    const r = await this.run(this.pack.session.save, { timeoutMs: this.timeouts.saveMs, ...opts });
    if (!this.cp.saveOk.test(r.output)) {
      const last = r.output.trim().split('\n').pop() ?? '(no output)';
      throw new AppError('COMMAND_REJECTED', `"${r.command}" did not confirm the save: ${last}`, {
        details: { command: r.command, output: r.output },
        message: { key: 'error.command-rejected.save', params: { command: r.command, last } },
      });
    }
    return r;
  }

  /**
   * A file off the device over its own channel beside the CLI (SFTP on the SSH connection), so it
   * needs no turn of the command queue. A console line carries no files: UNSUPPORTED.
   */
  async readFile(path: string, opts: { signal?: AbortSignal } = {}): Promise<Uint8Array> {
    const t = this.channel.transport;
    if (this.channel.closed) throw this.closedError();
    if (!t.readFile) throw new AppError('UNSUPPORTED', `${t.label}: a console line carries no files.`, { message: { key: 'error.unsupported.no-files', params: { label: t.label } } });
    return t.readFile(path, opts.signal);
  }

  /** Logs out (a console left logged in is open to the next person with a cable), then closes. */
  async close(): Promise<void> {
    const t = this.channel.transport;
    if (!this.channel.closed && !this.busy) {
      try {
        // `quit` from a sub-view only goes up one level and would leave the console logged in
        if (this.current.view !== 'user' || this.viewUnknown) await this.run(this.pack.session.returnToUser, { timeoutMs: 5000, check: false });
        await this.channel.write(this.pack.session.quit + '\r');
      } catch {
        // already gone: nothing to log out of
      }
    }
    await t.close().catch(() => undefined);
    this.channel.dispose();
    await this.channel.transcript.close();
  }
}
