import { closeSync, constants, openSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { SerialPort } from 'serialport';
import type { Disposable } from '../../core/base/emitter';
import type { TerminalSession } from '../device/seam';
import { PacedPipe, TokenBucket } from './pacing';
import { PtyPair } from './socat';
import { misread, setTtySpeed, ttySpeed } from './uart';

/** A Comware console's factory line speed: what the lab's device runs at unless told otherwise. */
export const DEFAULT_CONSOLE_BAUD = 9600;
/**
 * How old the last reading of the engineer's line speed may be when the device sends: reading it
 * costs an stty run, so output bursts share one reading, while a program that just opened the port
 * at the right speed gets at most this much of the output garbled as if at the old one.
 */
const SPEED_STALE_MS = 50;

export interface ConsoleHostOptions {
  clientPath: string;
  labPath: string;
  /**
   * The device's console speed: it answers only a client set to this speed, and sees and sends
   * garbage at any other. Paced at this rate too (9600 → 960 bytes/s each way); undefined =
   * 9600 baud, unpaced.
   */
  baud?: number;
  open(): TerminalSession;
}

/**
 * A device's serial console on a real pseudo-terminal: socat makes the PTY pair, the lab opens its
 * end with serialport (the same library the tool uses) and bridges it to the device's console
 * terminal, paced at the line rate. The console terminal is reopened whenever it closes (power-off
 * closes every session; the new one stays silent until power returns, then greets).
 *
 * Like a real UART it has one speed. The speed the engineer's program set on its end is read back
 * with stty before each chunk it sends is delivered, and before output leaves when the last reading
 * is stale; at another speed both directions go through misread(): the device gets garbage (echoed
 * back, garbled again, as a device echoes keys, but kept off its command line, so a speed hunt
 * never types a garbage user name into the login) and the engineer reads garbage. All I/O runs in
 * one ordered lane, so a reading never lets a later chunk overtake an earlier one.
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
  private lane: Promise<void> = Promise.resolve();
  private clientBaud?: number;
  private readAt = 0;

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
    // A new PTY starts at 38400: at the device's speed instead, the greeting sent before anyone opens the port is not garbled.
    await setTtySpeed(this.opts.clientPath, this.baud);
    const port = new SerialPort({ path: this.opts.labPath, baudRate: this.baud, autoOpen: false });
    await new Promise<void>((resolve, reject) => port.open((e) => (e ? reject(e) : resolve())));
    this.port = port;
    port.on('error', () => undefined);
    const rate = this.opts.baud ? this.opts.baud / 10 : undefined;
    // Garbled as the bytes leave the pipe, with the speed the client has then, not when the device wrote them.
    this.toClient = new PacedPipe((b) => this.inOrder(false, (client) => port.write(client === this.baud ? b : misread(b, this.baud, client))), rate ? new TokenBucket(rate) : undefined);
    const decoder = new StringDecoder('utf8');
    this.toDevice = new PacedPipe((b) => this.term?.write(decoder.write(b)), rate ? new TokenBucket(rate) : undefined);
    port.on('data', (b: Buffer) => this.inOrder(true, (client) => (client === this.baud ? this.toDevice?.push(b) : this.echo(misread(b, client, this.baud)))));
    this.running = true;
    this.attach();
  }

  /** The device's console speed. */
  get baud(): number {
    return this.opts.baud ?? DEFAULT_CONSOLE_BAUD;
  }

  /** Device output still waiting for the line (a paced console after a long display or the greeting). */
  get pendingOutput(): number {
    return this.toClient?.pending ?? 0;
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

  /** What the device mis-read, echoed back at the device's speed (and so garbled once more on the way). */
  private echo(misread: Buffer): void {
    if (misread.length > 0) this.toClient?.push(misread);
  }

  /**
   * Runs `f` after everything queued before it, with the engineer's line speed: read afresh for
   * input (the program may have changed it just before writing), reused for output while recent.
   * An unreadable speed (no client, stty missing) counts as the device's, as before this check.
   */
  private inOrder(fresh: boolean, f: (clientBaud: number) => void): void {
    this.lane = this.lane.then(async () => {
      if (!this.running) return;
      if (fresh || this.clientBaud === undefined || Date.now() - this.readAt > SPEED_STALE_MS) {
        this.readAt = Date.now();
        this.clientBaud = await ttySpeed(this.opts.clientPath);
      }
      if (this.running) f(this.clientBaud ?? this.baud);
    });
  }

  private detach(): void {
    for (const d of this.termSubs) d.dispose();
    this.termSubs = [];
    const t = this.term;
    this.term = undefined;
    t?.close();
  }
}
