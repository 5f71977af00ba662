import { closeSync, constants, openSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { SerialPort } from 'serialport';
import type { Disposable } from '../../core/base/emitter';
import type { TerminalSession } from '../device/seam';
import { PacedPipe, TokenBucket } from './pacing';
import { PtyPair } from './socat';

export interface ConsoleHostOptions {
  clientPath: string;
  labPath: string;
  /** Line rate to emulate (9600 → 960 bytes/s each way); undefined = as fast as the PTY goes. */
  baud?: number;
  open(): TerminalSession;
}

/**
 * A device's serial console on a real pseudo-terminal: socat makes the PTY pair, the lab opens its
 * end with serialport (the same library the tool uses) and bridges it to the device's console
 * terminal, paced at the line rate. The console terminal is reopened whenever it closes (power-off
 * closes every session; the new one stays silent until power returns, then greets).
 */
export class ConsoleHost {
  private readonly pty: PtyPair;
  private port?: SerialPort;
  private holdFd?: number;
  private term?: TerminalSession;
  private termSubs: Disposable[] = [];
  private toClient?: PacedPipe;
  private toDevice?: PacedPipe;
  private running = false;

  constructor(private readonly opts: ConsoleHostOptions) {
    this.pty = new PtyPair(opts.clientPath, opts.labPath);
  }

  get path(): string {
    return this.opts.clientPath;
  }

  /** Process group of socat and its watchdog (for resource accounting). */
  get socatGroup(): number | undefined {
    return this.pty.processGroup;
  }

  async start(): Promise<void> {
    await this.pty.start();
    // Keep the engineer's end open ourselves (never read): when a client closes it the PTY does not
    // hang up, so socat stays up and the next client finds the console where the last one left it.
    this.holdFd = openSync(this.opts.clientPath, constants.O_RDWR | constants.O_NOCTTY | constants.O_NONBLOCK);
    const port = new SerialPort({ path: this.opts.labPath, baudRate: this.opts.baud ?? 9600, autoOpen: false });
    await new Promise<void>((resolve, reject) => port.open((e) => (e ? reject(e) : resolve())));
    this.port = port;
    port.on('error', () => undefined);
    const rate = this.opts.baud ? this.opts.baud / 10 : undefined;
    this.toClient = new PacedPipe((b) => port.write(b), rate ? new TokenBucket(rate) : undefined);
    const decoder = new StringDecoder('utf8');
    this.toDevice = new PacedPipe((b) => this.term?.write(decoder.write(b)), rate ? new TokenBucket(rate) : undefined);
    port.on('data', (b: Buffer) => this.toDevice?.push(b));
    this.running = true;
    this.attach();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.detach();
    this.toClient?.close();
    this.toDevice?.close();
    const port = this.port;
    this.port = undefined;
    if (port?.isOpen) await new Promise<void>((r) => port.close(() => r()));
    if (this.holdFd !== undefined) closeSync(this.holdFd);
    this.holdFd = undefined;
    await this.pty.stop();
  }

  private attach(): void {
    const term = this.opts.open();
    this.term = term;
    this.termSubs = [
      term.onOutput((s) => this.toClient?.push(Buffer.from(s, 'utf8'))),
      term.onClose(() => {
        if (this.term !== term) return;
        this.detach();
        if (this.running) this.attach();
      }),
    ];
  }

  private detach(): void {
    for (const d of this.termSubs) d.dispose();
    this.termSubs = [];
    const t = this.term;
    this.term = undefined;
    t?.close();
  }
}
