import type { LabDeviceApi, RbmConfig, RunningStatus, SessionCounters } from '../device/seam';
import { RbmChannel, type ChannelOptions } from './channel';
import type { DataMessage, WireSession } from './messages';
import { RateAccumulator, SessionTable, TRAFFIC_TICK_MS } from './sessions';

export interface SessionBackupContext {
  device: LabDeviceApi;
  cfg(): RbmConfig | undefined;
  status(): RunningStatus;
  /** The data channel went up or down (it shows in both devices' status blocks). */
  dataChannelChanged(): void;
}

/** Sessions per data-channel frame in a bulk backup, so one frame stays small. */
const BULK_CHUNK = 5_000;

/**
 * Session (service entry) backup, seed "Service entry backup": only the active device creates
 * sessions (fault `traffic N`), and backs them up to the peer in real time over the data channel,
 * a TCP connection separate from the control channel; the standby keeps them so that after a
 * switchover it already holds them.
 */
export class SessionBackup {
  readonly table: SessionTable;
  private channel?: RbmChannel;
  private stale: RbmChannel[] = [];
  private traffic?: { acc: RateAccumulator; timer: NodeJS.Timeout; last: number };

  constructor(private readonly ctx: SessionBackupContext) {
    this.table = new SessionTable(ctx.device.key);
  }

  get dataUp(): boolean {
    return this.channel?.up ?? false;
  }

  counters(): SessionCounters {
    return this.table.counters();
  }

  /** Opens the data channel (when the control channel is up and a data-channel interface is configured). */
  open(opts: Omit<ChannelOptions, 'name'>): void {
    if (this.channel) return;
    this.channel = new RbmChannel(
      { ...opts, name: 'data' },
      {
        up: () => {
          this.ctx.dataChannelChanged();
          this.bulk();
        },
        down: () => this.ctx.dataChannelChanged(),
        bindFailed: (e) => this.ctx.device.log('RBM', 4, 'RBM_CHANNEL_BIND_FAILED', `Failed to bind the data channel port ${opts.port}: ${e}.`),
        message: (m) => this.receive(m as DataMessage),
      },
    );
    this.channel.start();
  }

  /** silent: power lost — the sockets stay open but mute until disposeSockets(). */
  close(silent: boolean): void {
    const ch = this.channel;
    this.channel = undefined;
    if (!ch) return;
    if (silent) {
      ch.stop(true);
      this.stale.push(ch);
    } else ch.dispose();
  }

  /** Power-on: release the mute sockets left by a power-off. */
  disposeSockets(): void {
    this.close(false);
    for (const ch of this.stale.splice(0)) ch.dispose();
  }

  /** Lab stop: sockets and the traffic generator. */
  dispose(): void {
    this.disposeSockets();
    this.setTraffic(0);
  }

  /** Fault `traffic N`: N new sessions per second while this device is Active (0 stops). */
  setTraffic(rate: number): void {
    if (this.traffic) clearInterval(this.traffic.timer);
    this.traffic = undefined;
    if (!(rate > 0)) return;
    const acc = new RateAccumulator(rate);
    const t = { acc, last: Date.now(), timer: setInterval(() => this.tick(), TRAFFIC_TICK_MS) };
    this.traffic = t;
  }

  get trafficRate(): number {
    return this.traffic?.acc.rate ?? 0;
  }

  /** Sessions die with the device's memory. */
  lost(): void {
    this.table.clear();
  }

  private tick(): void {
    const t = this.traffic;
    if (!t) return;
    const now = Date.now();
    const n = t.acc.take(now - t.last);
    t.last = now;
    if (n === 0 || !this.ctx.device.powered() || this.ctx.status() !== 'Active') return;
    this.replicate(this.table.create(n, now), false);
  }

  /** The data channel came up: the active device backs up what it holds in bulk. */
  private bulk(): void {
    if (this.ctx.status() !== 'Active') return;
    const all = this.table.all();
    for (let i = 0; i < all.length; i += BULK_CHUNK) this.replicate(all.slice(i, i + BULK_CHUNK), true);
  }

  private replicate(items: WireSession[], bulk: boolean): void {
    if (items.length === 0 || !this.ctx.cfg()?.hotBackup || !this.channel?.up) return;
    this.channel.send({ t: 'sessions', bulk, items });
    this.table.noteSent(items.length);
  }

  private receive(m: DataMessage): void {
    if (m.t === 'sessions' && Array.isArray(m.items)) this.table.receive(m.items);
  }
}
