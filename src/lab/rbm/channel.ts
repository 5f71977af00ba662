import net from 'node:net';
import { LineDecoder, encodeLine } from './framing';

/**
 * One RBM TCP channel between two lab devices (used for the control channel and, on another port,
 * the data channel). As the seed says: the device with the higher IP listens, the other connects;
 * each side sends a keepalive every interval, and after `count` keepalives without an answer the
 * channel is declared down. A "cut" (fault cut-control-channel) black-holes frames instead of
 * closing sockets, so loss is detected by keepalive, as on a real broken link.
 */
export interface ChannelOptions {
  name: 'control' | 'data';
  /** Loopback address standing for this device's local IP. */
  localHost: string;
  port: number;
  server: boolean;
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

/** How long a client waits for TCP connect before trying again (loopback answers at once). */
const CONNECT_TIMEOUT_MS = 2_000;

export class RbmChannel {
  private server?: net.Server;
  private socket?: net.Socket;
  private connecting?: net.Socket;
  /** Sockets of a powered-off device: kept open but silent, so the peer detects loss by keepalive. */
  private zombies = new Set<net.Socket>();
  private timer?: NodeJS.Timeout;
  private retry?: NodeJS.Timeout;
  private outstanding = 0;
  private seq = 0;
  private running = false;
  private bindReported = false;

  constructor(
    private readonly opts: ChannelOptions,
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
    this.adopt(s);
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
      if (this.connecting === s) this.connecting = undefined;
      if (!this.running) return void s.destroy();
      this.adopt(s);
    });
  }

  private adopt(s: net.Socket): void {
    // A new connection from the peer supersedes an old one (the peer restarted).
    if (this.socket) this.drop('closed');
    this.socket = s;
    this.outstanding = 0;
    s.setNoDelay(true);
    const decoder = new LineDecoder();
    s.on('data', (chunk: Buffer) => {
      if (this.socket !== s || this.opts.blocked()) return;
      let msgs: { t: string }[];
      try {
        msgs = decoder.feed(chunk);
      } catch {
        this.drop('closed');
        return;
      }
      for (const m of msgs) this.receive(m);
    });
    s.on('error', () => undefined);
    s.on('close', () => {
      if (this.socket === s) this.drop('closed');
    });
    this.timer = setInterval(() => this.tick(), this.opts.intervalMs);
    this.events.up();
  }

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
    else this.events.message(m);
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
