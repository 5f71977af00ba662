import net from 'node:net';
import { LineDecoder, encodeLine } from './framing';

/**
 * One RBM TCP channel between two lab devices (used for the control channel and, on another port,
 * the data channel). As the seed says: the device with the higher IP listens, the other connects;
 * each side sends a keepalive every interval, and after `count` keepalives without an answer the
 * channel is declared down. A "cut" (fault cut-control-channel) black-holes frames instead of
 * closing sockets, so loss is detected by keepalive, as on a real broken link.
 *
 * Every lab on the machine shares 127/8, and labs in other processes (parallel test files, other
 * engineers' benches) may use the same 127.10.<n>.x addresses and port, so a source address does
 * not prove who is calling. Each new connection therefore opens with a handshake naming the pair's
 * wire (PairNet.id) before either side treats it as the channel: a stranger is refused without
 * disturbing the live connection. Without it, a foreign client superseded the real one, the real
 * one reconnected a second later and superseded the stranger, and B flapped once a second.
 */
export interface ChannelOptions {
  name: 'control' | 'data';
  /** Loopback address standing for this device's local IP. */
  localHost: string;
  port: number;
  server: boolean;
  /** The pair's wire (PairNet.id): both ends know it, a lab in another process does not. */
  linkId: string;
  /** Loopback address of the peer's IP, or undefined while it is not reachable. */
  resolvePeer(): string | undefined;
  /** True while the link between the pair is cut. */
  blocked(): boolean;
  intervalMs: number;
  count: number;
}

export interface ChannelEvents {
  up(): void;
  down(reason: 'keepalive' | 'closed'): void;
  message(msg: { t: string }): void;
  bindFailed(error: string): void;
}

/** The configured keepalive (seconds × count), or the lab's override for fast tests. */
export function keepaliveTiming(cfg: { keepaliveInterval: number; keepaliveCount: number }, override?: { intervalMs?: number; count?: number }): { intervalMs: number; count: number } {
  return { intervalMs: override?.intervalMs ?? cfg.keepaliveInterval * 1000, count: override?.count ?? cfg.keepaliveCount };
}

/** The lab's data channel listens next to the control channel: port + 1 (port − 1 at the top of the range). */
export function dataPortFor(controlPort: number): number {
  return controlPort >= 65535 ? controlPort - 1 : controlPort + 1;
}

/** How long a client waits for TCP connect, and either side for the peer's opening frame, before giving the connection up. */
const CONNECT_TIMEOUT_MS = 2_000;

/** The first frame on every connection, both ways. */
interface OpenFrame {
  t: 'open';
  link: string;
  ch: ChannelOptions['name'];
}

export class RbmChannel {
  private server?: net.Server;
  private socket?: net.Socket;
  private connecting?: net.Socket;
  /** Connections whose opening frame has not arrived yet (not the channel until it has). */
  private readonly opening = new Set<net.Socket>();
  /** Sockets of a powered-off device: kept open but silent, so the peer detects loss by keepalive. */
  private zombies = new Set<net.Socket>();
  private timer?: NodeJS.Timeout;
  private retry?: NodeJS.Timeout;
  private outstanding = 0;
  private seq = 0;
  private running = false;
  private bindReported = false;

  constructor(
    private opts: ChannelOptions,
    private readonly events: ChannelEvents,
  ) {}

  get up(): boolean {
    return this.socket !== undefined;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    if (this.opts.server) this.listen();
    else this.scheduleConnect(0);
  }

  /** silent: the device lost power — no FIN, the peer must notice by keepalive. */
  stop(silent: boolean): void {
    this.running = false;
    clearInterval(this.timer);
    clearTimeout(this.retry);
    this.timer = this.retry = undefined;
    this.server?.close();
    this.server = undefined;
    this.connecting?.destroy();
    this.connecting = undefined;
    for (const s of this.opening) s.destroy();
    this.opening.clear();
    const s = this.socket;
    this.socket = undefined;
    if (s) {
      if (silent) {
        s.removeAllListeners('data');
        s.pause();
        s.on('error', () => undefined);
        this.zombies.add(s);
        s.once('close', () => this.zombies.delete(s));
      } else s.destroy();
    }
  }

  /** Release everything, zombies included (power-on, lab stop). */
  dispose(): void {
    this.stop(false);
    for (const z of this.zombies) z.destroy();
    this.zombies.clear();
  }

  /** A new keepalive setting takes effect on the running channel, without dropping the connection. */
  retime(intervalMs: number, count: number): void {
    if (intervalMs === this.opts.intervalMs && count === this.opts.count) return;
    this.opts = { ...this.opts, intervalMs, count };
    if (!this.timer) return;
    clearInterval(this.timer);
    this.timer = setInterval(() => this.tick(), intervalMs);
  }

  send(msg: object): void {
    if (!this.socket || this.opts.blocked()) return;
    this.socket.write(encodeLine(msg));
  }

  private listen(): void {
    const server = net.createServer((s) => this.accept(s));
    this.server = server;
    server.on('error', (e: NodeJS.ErrnoException) => {
      if (!this.bindReported) this.events.bindFailed(`${e.code ?? e.message}`);
      this.bindReported = true;
      server.close();
      if (this.server === server) this.server = undefined;
      // A port in use may be freed later (previous lab still shutting down): try again.
      if (this.running) this.retry = setTimeout(() => this.running && !this.server && this.listen(), this.opts.intervalMs);
    });
    server.listen(this.opts.port, this.opts.localHost, () => {
      this.bindReported = false;
    });
  }

  private accept(s: net.Socket): void {
    const expected = this.opts.resolvePeer();
    // Only the configured peer may open the channel; a cut link lets nothing through.
    if (!this.running || this.opts.blocked() || expected === undefined || s.remoteAddress !== expected) {
      s.destroy();
      return;
    }
    this.open(s, () => undefined);
  }

  private scheduleConnect(delayMs: number): void {
    if (!this.running || this.opts.server) return;
    clearTimeout(this.retry);
    this.retry = setTimeout(() => this.connect(), delayMs);
  }

  private connect(): void {
    if (!this.running || this.socket || this.connecting) return;
    const host = this.opts.resolvePeer();
    if (host === undefined || this.opts.blocked()) {
      this.scheduleConnect(this.opts.intervalMs);
      return;
    }
    const s = net.connect({ host, port: this.opts.port, localAddress: this.opts.localHost, timeout: CONNECT_TIMEOUT_MS });
    this.connecting = s;
    const fail = (): void => {
      s.destroy();
      if (this.connecting === s) this.connecting = undefined;
      this.scheduleConnect(this.opts.intervalMs);
    };
    s.once('error', fail);
    s.once('timeout', fail);
    s.once('connect', () => {
      s.removeListener('error', fail);
      s.removeListener('timeout', fail);
      s.setTimeout(0);
      if (!this.running) return void s.destroy();
      // Still `connecting` until the handshake is done, so no second attempt runs alongside.
      this.open(s, fail);
    });
  }

  /**
   * The handshake: send our opening frame, and take the connection as the channel only once the
   * peer's names the same wire and channel. Anything else (a stranger, silence, garbage) is
   * refused with `refused` and leaves the current channel alone.
   */
  private open(s: net.Socket, refused: () => void): void {
    this.opening.add(s);
    s.setNoDelay(true);
    s.on('error', () => undefined);
    const decoder = new LineDecoder();
    let state: 'opening' | 'open' | 'refused' = 'opening';
    const refuse = (): void => {
      if (state !== 'opening') return;
      state = 'refused';
      clearTimeout(timer);
      this.opening.delete(s);
      s.destroy();
      refused();
    };
    // Checked after the poll phase (setImmediate): after a stall of this process timers run before
    // I/O, and the opening frame may be waiting unread in the socket.
    const timer = setTimeout(() => setImmediate(refuse), CONNECT_TIMEOUT_MS);
    s.on('close', () => {
      if (state === 'opening') refuse();
      else if (state === 'open' && this.socket === s) this.drop('closed');
    });
    s.on('data', (chunk: Buffer) => {
      if (state === 'refused' || this.opts.blocked() || (state === 'open' && this.socket !== s)) return;
      let msgs: { t: string }[];
      try {
        msgs = decoder.feed(chunk);
      } catch {
        if (state === 'opening') refuse();
        else this.drop('closed');
        return;
      }
      for (const m of msgs) {
        if (state === 'opening') {
          if (!this.isPeerOpen(m) || !this.running) return refuse();
          state = 'open';
          clearTimeout(timer);
          this.opening.delete(s);
          if (this.connecting === s) this.connecting = undefined;
          this.adopt(s);
        } else if (this.socket === s) this.receive(m);
      }
    });
    if (!this.opts.blocked()) s.write(encodeLine({ t: 'open', link: this.opts.linkId, ch: this.opts.name } satisfies OpenFrame));
  }

  private isPeerOpen(m: { t: string }): boolean {
    const o = m as Partial<OpenFrame>;
    return o.t === 'open' && o.link === this.opts.linkId && o.ch === this.opts.name;
  }

  private adopt(s: net.Socket): void {
    // A new connection from the peer supersedes an old one (the peer restarted); the handshake
    // has proved that it is the peer, not another lab that happens to use the same address.
    if (this.socket) this.drop('closed');
    this.socket = s;
    this.outstanding = 0;
    this.timer = setInterval(() => this.tick(), this.opts.intervalMs);
    this.events.up();
  }

  /**
   * One keepalive interval: the verdict counts keepalives, never wall-clock time. Both ends share
   * this process, and when it stalls (2 busy cores, 100 pairs) Node fires an overdue interval once,
   * not once per missed period, and reads the answers in the same loop turn or the next. However
   * long or frequent the stalls, a live peer thus leaves at most two keepalives unanswered (the
   * one whose answer is still unread, and the one just sent): count ≥ 3, the device's minimum, is
   * never reached (test/lab/rbm/scale.test.ts stalls the loop on purpose to hold this).
   */
  private tick(): void {
    if (this.outstanding >= this.opts.count) {
      this.drop('keepalive');
      return;
    }
    this.outstanding++;
    this.send({ t: 'ka', n: ++this.seq });
  }

  private receive(m: { t: string }): void {
    if (m.t === 'ka') this.send({ t: 'ka-ack', n: (m as unknown as { n: number }).n });
    else if (m.t === 'ka-ack') this.outstanding = 0;
    else if (m.t !== 'open') this.events.message(m);
  }

  private drop(reason: 'keepalive' | 'closed'): void {
    const s = this.socket;
    if (!s) return;
    this.socket = undefined;
    clearInterval(this.timer);
    this.timer = undefined;
    s.destroy();
    this.events.down(reason);
    if (this.running && !this.opts.server) this.scheduleConnect(this.opts.intervalMs);
  }
}
