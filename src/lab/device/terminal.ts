import { Emitter, type Disposable } from '../../core/base/emitter';
import { CliSession } from '../cli/engine';
import type { Outcome } from '../cli/types';
import type { LabDevice } from './device';
import { ConsoleLogin } from './login';
import { MORE, Pager } from './pager';
import type { TerminalSession } from './seam';

export interface TerminalOptions {
  kind: 'console' | 'ssh';
  /** SSH: the user the SSH server authenticated. */
  username?: string;
}

export const COPYRIGHT_BANNER = [
  '******************************************************************************',
  '* Copyright (c) 2004-2026 New H3C Technologies Co., Ltd. All rights reserved.*',
  '* Without the owner\'s prior written consent,                                 *',
  '* no decompiling or reverse-engineering shall be allowed.                    *',
  '******************************************************************************',
];
export const PRESS_ENTER = ['', 'Line aux0 is available.', '', 'Press ENTER to get started.'];
const LINE_MAX = 511;

/**
 * A byte-stream terminal on a device: echo and line editing like a real terminal, console login
 * (see login.ts), the CLI engine, the pager, questions, and async log lines for monitor sessions.
 * Output written before the first listener attaches is held and flushed to it, so the banner
 * printed on open is never lost.
 */
class Terminal implements TerminalSession {
  private readonly out = new Emitter<string>();
  private readonly closed = new Emitter<void>();
  private held = '';
  private line = '';
  private skipLf = false;
  private escape = false;
  private cli: CliSession | undefined;
  private login: ConsoleLogin | undefined;
  private pager: Pager | undefined;
  private afterPager: (() => void) | undefined;
  private isClosed = false;
  private bannerShown = false;
  /** Log lines that arrived while a command ran; printed before its prompt. */
  private busy = false;
  private deferred: string[] = [];
  private readonly subs: Disposable[] = [];

  constructor(
    private readonly device: LabDevice,
    private readonly opts: TerminalOptions,
  ) {
    this.subs.push(device.addSession(this));
    this.subs.push(
      device.on((e) => {
        if (e.kind === 'log' && this.cli?.state.monitor) this.asyncLine(e.line);
        if (e.kind === 'power' && e.on && opts.kind === 'console' && !this.cli && !this.login) this.greet();
      }),
    );
    if (!device.powered()) {
      // A dead console stays silent until power comes back; an SSH shell cannot exist at all.
      if (opts.kind === 'ssh') queueMicrotask(() => this.close());
      return;
    }
    if (opts.kind === 'console') this.greet();
    else if (opts.username && device.mustChangePassword.has(opts.username)) {
      // password-control also forces the change on the first SSH login, inside the shell.
      this.emit(`${COPYRIGHT_BANNER.join('\r\n')}\r\n`);
      this.bannerShown = true;
      this.login = new ConsoleLogin(device, (s) => this.emit(s), (user) => this.startCli(user));
      this.login.changePassword(opts.username);
    } else this.startCli(opts.username);
  }

  write(data: string): void {
    for (const ch of data) {
      if (this.isClosed) return;
      this.key(ch);
    }
  }
  onOutput(listener: (data: string) => void): Disposable {
    const d = this.out.on(listener);
    if (this.held) {
      const h = this.held;
      this.held = '';
      listener(h);
    }
    return d;
  }
  onClose(listener: () => void): Disposable {
    return this.closed.on(listener);
  }
  close(): void {
    if (this.isClosed) return;
    this.isClosed = true;
    for (const s of this.subs) s.dispose();
    this.closed.fire();
  }

  private emit(s: string): void {
    if (this.out.size) this.out.fire(s);
    else this.held += s;
  }

  /** Console idle screen: banner, `Press ENTER to get started.` */
  private greet(): void {
    this.cli = undefined;
    this.login = new ConsoleLogin(this.device, (s) => this.emit(s), (user) => this.startCli(user));
    this.emit(`\r\n${[...COPYRIGHT_BANNER, ...PRESS_ENTER].join('\r\n')}`);
  }

  private startCli(username: string | undefined): void {
    this.login = undefined;
    const console = this.opts.kind === 'console';
    // Logged before the session exists, so it reaches other monitors but not this fresh screen.
    this.device.log('SHELL', 5, 'SHELL_LOGIN', `${username ?? 'A user'} logged in from ${console ? 'aux0' : '127.0.0.1'}.`);
    this.cli = new CliSession(this.device, { monitor: console, ...(username ? { username } : {}) });
    if (!console && !this.bannerShown) this.emit(`${COPYRIGHT_BANNER.join('\r\n')}\r\n\r\n`);
    else this.emit('\r\n');
    this.bannerShown = true;
    this.emit(this.cli.prompt());
  }

  private echoes(): boolean {
    return this.login ? this.login.echoes() : this.cli !== undefined;
  }

  private key(ch: string): void {
    if (this.pager) {
      if (this.skipLf && ch === '\n') return void (this.skipLf = false);
      this.skipLf = ch === '\r';
      if (!this.pager.key(ch)) this.endPager();
      return;
    }
    if (this.escape) {
      // Swallow ANSI sequences (arrow keys): ESC [ … final letter.
      if (/[A-Za-z~]/.test(ch)) this.escape = false;
      return;
    }
    if (this.skipLf && ch === '\n') return void (this.skipLf = false);
    this.skipLf = false;
    if (ch === '\r' || ch === '\n') {
      this.skipLf = ch === '\r';
      const text = this.line;
      this.line = '';
      this.submit(text);
    } else if (ch === '\x7f' || ch === '\b') {
      if (!this.line) return;
      this.line = this.line.slice(0, -1);
      if (this.echoes()) this.emit('\b \b');
    } else if (ch === '\x1a' && this.cli && !this.cli.asking()) {
      this.line = '';
      this.cli.toUserView();
      this.emit(`^Z\r\n${this.cli.prompt()}`);
    } else if (ch === '\x03' && this.cli) {
      // Ctrl+C drops the line, and a pending question with it (the command is abandoned).
      this.line = '';
      this.cli.cancelQuestion();
      this.emit(`^C\r\n${this.cli.prompt()}`);
    } else if (ch === '?' && this.cli && !this.cli.asking()) {
      // Help is shown at once, then the prompt and the line typed so far come back.
      const lines = this.cli.help(this.line);
      this.emit(`?\r\n${lines.map((l) => `${l}\r\n`).join('')}\r\n${this.cli.prompt()}${this.line}`);
    } else if (ch === '\t' && this.cli && !this.cli.asking()) {
      const rest = this.cli.complete(this.line);
      if (rest && this.line.length + rest.length <= LINE_MAX) {
        this.line += rest;
        this.emit(rest);
      }
    } else if (ch === '\x1b') {
      this.escape = true;
    } else if (ch >= ' ') {
      if (this.line.length >= LINE_MAX) return; // the edit buffer is full: further keys are dropped
      this.line += ch;
      if (this.echoes()) this.emit(ch);
    }
  }

  private submit(text: string): void {
    if (this.login) return this.login.submit(text);
    const cli = this.cli;
    if (!cli) return; // a powered-off console
    this.emit('\r\n');
    this.busy = true;
    const o: Outcome = cli.execute(text);
    this.busy = false;
    this.output(o.lines ?? [], () => this.afterCommand(o));
  }

  private afterCommand(o: Outcome): void {
    const cli = this.cli;
    if (!cli || this.isClosed) return;
    if (this.deferred.length) this.emit(this.deferred.splice(0).map((l) => `${l}\r\n`).join(''));
    if (o.logout) return this.logout();
    if (!o.noPrompt) this.emit(cli.prompt());
  }

  private logout(): void {
    const user = this.cli?.state.username ?? 'A user';
    this.cli = undefined; // gone before the logout log line, which must not reach this screen
    this.device.log('SHELL', 5, 'SHELL_LOGOUT', `${user} logged out from ${this.opts.kind === 'console' ? 'aux0' : '127.0.0.1'}.`);
    if (this.opts.kind === 'ssh') return this.close();
    this.greet();
  }

  /** Print command output through the pager unless paging is off for this session. */
  private output(lines: string[], then: () => void): void {
    const size = this.cli?.state.screenLength ?? 0;
    if (!size || lines.length <= size) {
      if (lines.length) this.emit(lines.map((l) => `${l}\r\n`).join(''));
      return then();
    }
    const pager = new Pager(lines, size, (s) => this.emit(s));
    if (!pager.start()) return then();
    this.pager = pager;
    this.afterPager = then;
  }

  private endPager(): void {
    const then = this.afterPager;
    this.pager = undefined;
    this.afterPager = undefined;
    then?.();
  }

  /**
   * A log line arriving while the user types: printed on its own line, then what was on screen
   * (prompt and partial input, the question, or the pager marker) is shown again.
   */
  private asyncLine(line: string): void {
    if (this.isClosed || !this.cli) return;
    // Output of the running command has not been printed yet: keep the log line for after it.
    if (this.busy) return void this.deferred.push(line);
    const again = this.pager ? MORE : `${this.cli.prompt()}${this.line}`;
    this.emit(`\r\n${line}\r\n${again}`);
  }
}

export function openTerminal(device: LabDevice, opts: TerminalOptions): TerminalSession {
  return new Terminal(device, opts);
}
