/**
 * Console-cable transport over serialport. DTR/RTS are never toggled (some appliances reset or
 * drop the line on them): the port opens with hupcl off and modem-control `set()` is never called.
 * The line speed can change without reopening (auto-baud), a break is sent by shifting a NUL out
 * at a low speed (which holds the line low far longer than a character time, without set()),
 * and after a cable is pulled the transport can wait for the device path to come back.
 */
import { access, stat } from 'node:fs/promises';
import { SerialPort } from 'serialport';
import { abortError, sleep } from '../../base/abort';
import { AppError } from '../../base/errors';
import { BaseTransport } from '../base';
import { internalError } from '../internal-error';
import { serialBytesPerSecond } from '../line-rate';

export interface SerialTransportOptions {
  path: string;
  baud: number;
  dataBits?: 5 | 6 | 7 | 8;
  parity?: 'none' | 'even' | 'odd';
  stopBits?: 1 | 2;
  flowControl?: 'none' | 'rtscts' | 'xonxoff';
}

/** Line speed used to stretch one NUL into a break (~30 ms low at 300 baud). */
const BREAK_BAUD = 300;
const REPLUG_POLL_MS = 250;
/**
 * How often the device path is checked while open. The driver does not always report a hang-up
 * (a PTY whose other end died, some USB adapters), but an unplugged adapter's /dev node vanishes
 * or is replaced: one stat() per interval catches it within that time.
 */
const PRESENCE_POLL_MS = 300;

export class SerialTransport extends BaseTransport {
  readonly kind = 'serial' as const;
  private port: SerialPort | undefined;
  private baudNow: number;
  private watch: ReturnType<typeof setInterval> | undefined;

  constructor(private readonly o: SerialTransportOptions) {
    super();
    this.baudNow = o.baud;
  }

  get label(): string {
    return `${this.o.path} @${this.baudNow}`;
  }
  get baud(): number {
    return this.baudNow;
  }
  get path(): string {
    return this.o.path;
  }
  get bytesPerSecond(): number {
    return serialBytesPerSecond(this.baudNow, this.o.dataBits ?? 8, this.o.parity ?? 'none', this.o.stopBits ?? 1);
  }

  async open(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) throw abortError(signal);
    if (this.state === 'open' || this.state === 'opening') throw internalError(`${this.label}: already open`);
    this.state = 'opening';
    const fc = this.o.flowControl ?? 'none';
    const port = new SerialPort({
      path: this.o.path,
      baudRate: this.baudNow,
      dataBits: this.o.dataBits ?? 8,
      parity: this.o.parity ?? 'none',
      stopBits: this.o.stopBits ?? 1,
      rtscts: fc === 'rtscts',
      xon: fc === 'xonxoff',
      xoff: fc === 'xonxoff',
      hupcl: false,
      autoOpen: false,
    });
    await new Promise<void>((resolve, reject) => {
      port.open((err) => (err ? reject(this.openError(err)) : resolve()));
    }).catch((e: unknown) => {
      this.state = 'closed';
      throw e;
    });
    this.port = port;
    port.on('data', (d: Buffer) => this.emitData(new Uint8Array(d.buffer, d.byteOffset, d.length)));
    port.on('close', (err: (Error & { disconnected?: boolean }) | null) => {
      if (this.port !== port) return;
      this.lost(port, err !== null);
    });
    port.on('error', () => undefined); // reported through 'close'
    this.watchPresence(port);
    if (signal?.aborted) {
      await this.close();
      throw abortError(signal);
    }
    this.state = 'open';
  }

  /** The link is gone (hang-up reported, or the device node vanished): close and tell listeners. */
  private lost(port: SerialPort, unexpected: boolean): void {
    clearInterval(this.watch);
    this.port = undefined;
    if (port.isOpen) port.close(() => undefined);
    this.markClosed(
      unexpected
        ? new AppError('DISCONNECTED', `${this.o.path}: the serial port went away (cable or USB adapter unplugged?).`, {
            fix: 'Plug the cable back in; HotPair can wait for the port to come back.',
            message: { key: 'error.disconnected.serial-gone', params: { path: this.o.path } },
          })
        : undefined,
    );
  }

  private watchPresence(port: SerialPort): void {
    let identity: string | undefined;
    const check = () =>
      stat(this.o.path).then(
        (st) => {
          const id = `${st.dev}:${st.ino}:${st.rdev}`;
          identity ??= id;
          if (id !== identity && this.port === port) this.lost(port, true);
        },
        () => this.port === port && this.lost(port, true),
      );
    void check();
    this.watch = setInterval(check, PRESENCE_POLL_MS);
    this.watch.unref?.();
  }

  private openError(err: Error): AppError {
    const m = err.message;
    const path = this.o.path;
    const said = (key: string) => ({ key: `error.connect-failed.${key}`, params: { path, reason: m } });
    if (/ENOENT|No such file/i.test(m)) return new AppError('CONNECT_FAILED', `${path}: no such serial port.`, { fix: 'Plug in the USB console adapter; `hotpair ports` lists what is there.', message: said('no-port') });
    if (/EACCES|Permission denied/i.test(m)) return new AppError('CONNECT_FAILED', `${path}: permission denied.`, { fix: 'Add your user to the dialout group (Linux) and log in again.', message: said('port-denied') });
    if (/lock|EBUSY|busy/i.test(m)) return new AppError('CONNECT_FAILED', `${path}: the port is in use by another program.`, { fix: 'Close the other terminal program (screen, minicom, PuTTY).', message: said('port-busy') });
    return new AppError('CONNECT_FAILED', `${path}: cannot open: ${m}`, { message: said('port-open') });
  }

  write(data: string | Uint8Array): Promise<void> {
    const port = this.port;
    if (this.state !== 'open' || !port) return Promise.reject(this.notOpenError());
    return new Promise((resolve, reject) => {
      port.write(typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data), (err) => (err ? reject(this.notOpenError()) : resolve()));
    });
  }

  /** Changes the line speed in place (termios only; modem lines untouched). */
  async setBaud(baud: number): Promise<void> {
    const port = this.port;
    if (!port) throw this.notOpenError();
    await new Promise<void>((resolve, reject) => port.update({ baudRate: baud }, (err) => (err ? reject(this.notOpenError()) : resolve())));
    this.baudNow = baud;
  }

  async sendBreak(): Promise<void> {
    const port = this.port;
    if (!port) throw this.notOpenError();
    const baud = this.baudNow;
    await new Promise<void>((resolve) => port.drain(() => resolve()));
    await this.setBaud(BREAK_BAUD);
    try {
      await this.write(new Uint8Array([0]));
      await new Promise<void>((resolve) => port.drain(() => resolve()));
      // tcdrain on a USB adapter returns once the byte reached the adapter, not the wire, and
      // changing the speed flushes (TCIOFLUSH): wait out one character time at the break speed
      await sleep(Math.ceil(10_000 / BREAK_BAUD) + 10);
    } finally {
      await this.setBaud(baud);
    }
  }

  /**
   * After the cable (USB adapter) was pulled: wait for the device path to reappear, then open it
   * again at the same settings. Data listeners stay attached, so the channel carries on.
   */
  async reconnect(o: { timeoutMs: number; signal?: AbortSignal }): Promise<void> {
    if (this.state === 'open') return;
    const deadline = Date.now() + o.timeoutMs;
    for (;;) {
      if (o.signal?.aborted) throw abortError(o.signal);
      const present = await access(this.o.path).then(
        () => true,
        () => false,
      );
      if (present) {
        try {
          this.state = 'new';
          return await this.open(o.signal);
        } catch (e) {
          // the node can appear before udev has set its permissions: retry until the deadline
          if (Date.now() >= deadline) throw e;
        }
      }
      if (Date.now() >= deadline) {
        const seconds = String(Math.round(o.timeoutMs / 1000));
        throw new AppError('TIMEOUT', `${this.o.path} did not come back within ${seconds} s.`, {
          fix: 'Check the cable and the USB adapter.',
          message: { key: 'error.timeout.port-return', params: { path: this.o.path, timeout: 'replug', seconds } },
        });
      }
      await sleep(REPLUG_POLL_MS, o.signal);
    }
  }

  async close(): Promise<void> {
    const port = this.port;
    clearInterval(this.watch);
    this.port = undefined;
    this.markClosed();
    if (port?.isOpen) await new Promise<void>((resolve) => port.close(() => resolve()));
  }
}
