import type { Disposable } from '../../core/base/emitter';
import type {
  ActionOutcome,
  LabDeviceApi,
  RbmConfig,
  RbmRuntime,
  RbmStatusView,
  RunningStatus,
  SessionCounters,
  SwitchoverRecord,
  SyncCheckView,
} from '../device/seam';
import { RbmChannel, keepaliveTiming } from './channel';
import { DataLink } from './data-link';
import { ConfigBackup } from './config-backup';
import { candidateOf, effectiveRole, isServerSide, statusOnJoin, winsElection, type Candidate } from './election';
import { CAUSE, evaluateHealth, type Health } from './health';
import type { ControlMessage, PeerState } from './messages';
import { PairNet } from './pair-net';
import { SessionBackup } from './session-backup';
import { SwitchoverSequence } from './switchover';
import { disconnected, dualActiveRefusal, notRunning } from './outcomes';
import { localBlock, peerBlock, peerState } from './status-view';
import { vrrpStateFor, withVrrpLog } from './vrrp';

export interface EngineOptions {
  /** Lab override of the configured keepalive, for fast tests: milliseconds and count. */
  keepalive?: { intervalMs?: number; count?: number };
}

/** Switchover records a device keeps (the display shows the latest). */
const MAX_RECORDS = 64;

/**
 * RBM on one lab device: control channel, election, switchovers (the seed's five-step sequence),
 * fallback, dual-active peer commands, configuration and session backup, RBM-bound VRRP. The CLI
 * engine reaches it through RbmRuntime; everything else is driven by device events.
 */
export class RbmEngine implements RbmRuntime {
  readonly sessionsBackup: SessionBackup;
  private readonly data: DataLink;
  private readonly config: ConfigBackup;
  private control?: RbmChannel;
  private staleControls: RbmChannel[] = [];
  private channelKey = '';
  private state: RunningStatus = 'Initial';
  private peer?: PeerState;
  private peerConnected = false;
  private health: Health = { healthy: true };
  private lastUnhealthyCause?: string;
  private records: SwitchoverRecord[] = [];
  private lastSwitch = Date.now();
  private forcedStandby = false;
  private lastMode?: string;
  /** This device took over because of a fault on the peer: fall back to it when it recovers (if enabled). */
  private fallbackTo = false;
  private fallbackTimer?: NodeJS.Timeout;
  private initialTimer?: NodeJS.Timeout;
  private readonly sequence: SwitchoverSequence;
  private readonly sub: Disposable;

  constructor(
    readonly device: LabDeviceApi,
    private readonly net: PairNet,
    private readonly opts: EngineOptions = {},
  ) {
    this.config = new ConfigBackup({
      device,
      cfg: () => this.cfg(),
      send: (m) => this.send(m),
      controlUp: () => this.peerConnected,
      isPrimary: () => this.effectiveRole() === 'primary',
    });
    this.sessionsBackup = new SessionBackup({ device, cfg: () => this.cfg(), status: () => this.state, dataChannelChanged: () => this.announce() });
    this.data = new DataLink(device, this.sessionsBackup, opts.keepalive);
    this.sequence = new SwitchoverSequence({
      send: (m) => this.send(m),
      state: () => this.state,
      healthy: () => this.health.healthy,
      answerTimeoutMs: () => this.keepaliveBudgetMs(),
      setStatus: (to, cause) => {
        if (to === 'Active') this.forcedStandby = false;
        this.setStatus(to, cause);
      },
      tookOverForFault: (v) => (this.fallbackTo = v),
    });
    this.sub = device.on((e) => {
      if (e.kind === 'power') return e.on ? this.powerOn() : this.powerOff();
      if (e.kind === 'config') {
        this.reconcile();
        this.config.localConfigChanged();
        const mode = this.cfg()?.mode; // a running device whose mode changes holds a new election, as after `reset election`
        if (this.lastMode && mode && mode !== this.lastMode && this.running() && this.peerConnected) this.reelect();
        this.lastMode = mode;
      }
      if (e.kind === 'config' || e.kind === 'interface' || e.kind === 'track') this.healthChanged();
    });
    device.attachRbm(this);
    this.reconcile();
  }

  // ---- RbmRuntime ----

  status(): RbmStatusView {
    const local = localBlock(this.snapshot());
    return { local, peer: this.peer ? peerBlock(this.peer, this.peerConnected) : undefined, switchovers: [...this.records] };
  }

  syncCheck(): SyncCheckView { return this.config.view(); } // prettier-ignore
  runningStatus(): RunningStatus { return this.state; } // prettier-ignore

  promptPrefix(): '' | 'RBM_P' | 'RBM_S' {
    const role = this.effectiveRole();
    return role === 'primary' ? 'RBM_P' : role === 'secondary' ? 'RBM_S' : '';
  }

  vrrpState(group: 'active' | 'standby'): 'Master' | 'Backup' | 'Initialize' {
    return vrrpStateFor(group, {
      powered: this.device.powered(),
      mode: this.cfg()?.mode,
      local: this.state,
      peerActive: this.peerConnected && this.peer?.status === 'Active',
      role: this.cfg()?.role,
    });
  }

  sessions(): SessionCounters { return this.sessionsBackup.counters(); } // prettier-ignore
  manualSyncCheck(): ActionOutcome { return this.running() ? this.config.manualCheck() : notRunning(); } // prettier-ignore
  manualSync(): ActionOutcome { return this.running() ? this.config.manualSync() : notRunning(); } // prettier-ignore

  switchover(): ActionOutcome {
    const cfg = this.cfg();
    if (!cfg || !this.running()) return notRunning();
    if (cfg.mode === 'dual-active') return { ok: false, message: 'This operation is not supported in dual-active mode.' };
    if (!this.peerConnected) return disconnected();
    if (this.state === 'Active') this.sequence.start(CAUSE.manual, true);
    else this.send({ t: 'switchover-ask' });
    return { ok: true };
  }

  peerActive(): ActionOutcome {
    const check = dualActiveRefusal(this.cfg(), this.running(), this.peerConnected);
    if (check) return check;
    this.forcedStandby = true;
    this.setStatus('Standby', CAUSE.manual);
    this.send({ t: 'peer-set', status: 'Active' });
    return { ok: true };
  }

  peerStandby(): ActionOutcome {
    const check = dualActiveRefusal(this.cfg(), this.running(), this.peerConnected);
    if (check) return check;
    this.forcedStandby = false;
    this.send({ t: 'peer-set', status: 'Standby' });
    if (this.health.healthy) this.setStatus('Active', CAUSE.manual);
    return { ok: true };
  }

  resetElection(): ActionOutcome {
    if (!this.running()) return notRunning();
    this.send({ t: 'reset-election' });
    this.reelect();
    return { ok: true };
  }

  // ---- lab-side API ----

  /** Fault `traffic N`. */
  setTraffic(rate: number): void {
    this.sessionsBackup.setTraffic(rate);
  }

  controlConnected(): boolean { return this.peerConnected; } // prettier-ignore

  dispose(): void {
    this.sub.dispose();
    this.teardown(false);
    for (const c of this.staleControls.splice(0)) c.dispose();
    this.sessionsBackup.dispose();
    this.config.dispose();
    this.device.attachRbm(undefined);
  }

  private cfg(): RbmConfig | undefined { return this.device.rbmConfig(); } // prettier-ignore
  private running(): boolean { return this.control !== undefined; } // prettier-ignore

  /** interval × count: how long silence lasts before the peer counts as lost. */
  private keepaliveBudgetMs(): number {
    const cfg = this.cfg();
    const k = cfg && keepaliveTiming(cfg, this.opts.keepalive);
    return k ? k.intervalMs * k.count : 0;
  }

  /** Start, restart or stop the channel to match the configuration (local/remote IP, port); retime it for a new keepalive. */
  private reconcile(): void {
    if (!this.device.powered()) return;
    const cfg = this.cfg();
    const localIp = cfg?.localIp;
    const remoteIp = cfg?.remoteIp;
    const ready = cfg && localIp && remoteIp && localIp !== remoteIp;
    const owned = ready && PairNet.owns(this.device, localIp);
    // Only the addresses and the port make a new connection; keepalive and data-channel changes are
    // applied to the running channel. Restarting it for them dropped the peer mid-commissioning: the
    // peer took over (peer lost) and kept Active when this device came back, whichever was primary.
    const key = ready ? JSON.stringify([localIp, remoteIp, cfg.port, owned]) : '';
    this.config.reschedule();
    if (key === this.channelKey) {
      // Keepalive or data-channel interface: the running channel is retimed, only the data channel reopens.
      const ka = cfg && keepaliveTiming(cfg, this.opts.keepalive);
      if (ka && this.control) this.control.retime(ka.intervalMs, ka.count);
      if (cfg && this.control && this.data.follow(cfg, this.peerConnected)) this.announce();
      return;
    }
    this.teardown(false);
    this.channelKey = key;
    if (!ready) return;
    // As on the device: the channel cannot bind an address no interface has; retried on the next config change.
    if (!owned) return this.device.log('RBM', 4, 'RBM_CHANNEL_BIND_FAILED', `Failed to bind local IP ${localIp} port ${cfg.port}: no interface has this address.`);
    this.health = evaluateHealth(this.device, cfg);
    const link = {
      localHost: this.net.loopbackOf(this.device),
      server: isServerSide(localIp, remoteIp),
      linkId: this.net.id,
      resolvePeer: () => this.net.resolve(this.device, remoteIp),
      blocked: () => !this.net.passes(this.device, localIp, remoteIp),
    };
    this.data.reset(link, cfg);
    this.control = new RbmChannel(
      { ...link, ...keepaliveTiming(cfg, this.opts.keepalive), name: 'control', port: cfg.port },
      {
        up: () => this.channelUp(localIp, remoteIp),
        down: () => this.channelDown(localIp, remoteIp),
        message: (m) => this.receive(m as ControlMessage),
        bindFailed: (e) => this.device.log('RBM', 4, 'RBM_CHANNEL_BIND_FAILED', `Failed to bind local IP ${localIp} port ${cfg.port}: ${e}.`),
      },
    );
    this.control.start();
    // Nobody answers within the keepalive budget: this device carries the traffic alone.
    this.initialTimer = setTimeout(() => {
      if (this.state === 'Initial' && !this.peerConnected) this.setStatus('Active', CAUSE.peerLost);
    }, this.keepaliveBudgetMs());
  }

  private teardown(silent: boolean): void {
    clearTimeout(this.initialTimer);
    this.cancelFallback();
    this.sequence.cancel();
    if (this.control) {
      this.control.stop(silent);
      if (silent) this.staleControls.push(this.control);
      else this.control.dispose();
    }
    this.control = undefined;
    this.sessionsBackup.close(silent);
    this.config.channelDown();
    this.channelKey = '';
    this.peerConnected = false;
    this.forcedStandby = false;
    this.fallbackTo = false;
    this.withVrrp('RBM stopped', () => (this.state = 'Initial'));
  }

  private powerOff(): void {
    // No FIN, no log: a device without power just goes silent.
    this.teardown(true);
    this.sessionsBackup.lost();
    this.peer = undefined;
  }

  private powerOn(): void {
    for (const c of this.staleControls.splice(0)) c.dispose();
    this.sessionsBackup.disposeSockets();
    this.lastSwitch = Date.now();
    this.reconcile();
  }

  private channelUp(localIp: string, remoteIp: string): void {
    this.peerConnected = true;
    clearTimeout(this.initialTimer);
    this.config.channelUp();
    this.device.log('RBM', 6, 'RBM_CHANNEL', `Local IP=${localIp}, remote IP=${remoteIp}, status=Connected.`);
    this.send({ t: 'hello', state: this.snapshot() });
    this.data.open(this.cfg());
  }

  private channelDown(localIp: string, remoteIp: string): void {
    this.peerConnected = false;
    this.sequence.cancel();
    this.cancelFallback();
    this.config.channelDown();
    this.sessionsBackup.close(false);
    this.device.log('RBM', 6, 'RBM_CHANNEL', `Local IP=${localIp}, remote IP=${remoteIp}, status=Disconnected.`);
    this.withVrrp('peer lost', () => {
      if (this.state !== 'Active') {
        this.forcedStandby = false;
        this.fallbackTo = true;
        this.setStatus('Active', CAUSE.peerLost);
      }
    });
  }

  private send(m: ControlMessage): void {
    this.control?.send(m);
  }

  private receive(m: ControlMessage): void {
    if (this.config.handle(m)) return;
    switch (m.t) {
      case 'hello':
        return this.join(m.state);
      case 'state':
        this.withVrrp('peer RBM status changed', () => (this.peer = m.state));
        return this.evaluate();
      case 'switchover-request':
        return this.sequence.onRequest(m.id, m.cause, m.manual);
      case 'switchover-ack':
        return this.sequence.onAck(m.id, m.accepted);
      case 'switchover-ask':
        if (this.state === 'Active') this.sequence.start(CAUSE.manual, true);
        return;
      case 'peer-set':
        this.forcedStandby = m.status === 'Standby';
        if (m.status === 'Standby') this.setStatus('Standby', CAUSE.peerCommand);
        else if (this.health.healthy) this.setStatus('Active', CAUSE.peerCommand);
        return;
      case 'reset-election':
        return this.reelect();
    }
  }

  // ---- election and switchover ----

  private join(peer: PeerState): void {
    const cfg = this.cfg();
    if (!cfg) return;
    this.withVrrp('RBM status changed', () => (this.peer = peer));
    const to = statusOnJoin(cfg.mode, this.candidate(), candidateOf(peer), this.forcedStandby);
    if (to !== this.state) this.setStatus(to, CAUSE.election);
    else this.announce();
    this.config.maybeBulk();
    this.evaluate();
  }

  private reelect(): void {
    const cfg = this.cfg();
    this.forcedStandby = false;
    this.fallbackTo = false;
    this.cancelFallback();
    if (!cfg) return;
    let to: RunningStatus;
    if (cfg.mode === 'dual-active') to = this.health.healthy ? 'Active' : 'Standby';
    else if (!this.peerConnected || !this.peer) to = 'Active';
    else to = winsElection(this.candidate(), candidateOf(this.peer)) ? 'Active' : 'Standby';
    this.setStatus(to, CAUSE.election);
    this.config.maybeBulk();
  }

  private healthChanged(): void {
    const cfg = this.cfg();
    if (!cfg || !this.running()) return;
    const h = evaluateHealth(this.device, cfg);
    if (h.healthy === this.health.healthy) return;
    this.health = h;
    if (!h.healthy) this.lastUnhealthyCause = h.cause;
    if (cfg.mode === 'dual-active') {
      const cause = h.cause ?? this.lastUnhealthyCause ?? CAUSE.interface;
      if (!h.healthy && this.state === 'Active') this.setStatus('Standby', cause);
      else if (h.healthy && this.state === 'Standby' && !this.forcedStandby) this.setStatus('Active', cause);
      else this.announce();
      return;
    }
    this.announce();
    this.evaluate();
  }

  /** The Active device's decisions (A/S, mirroring): hand over when it fails; fall back when the original active recovers. */
  private evaluate(): void {
    const cfg = this.cfg();
    const peer = this.peer;
    if (!cfg || cfg.mode === 'dual-active' || !this.peerConnected || !peer || this.state !== 'Active') return this.cancelFallback();
    if (!this.health.healthy && peer.healthy && peer.status === 'Standby') {
      this.cancelFallback();
      this.sequence.start(this.health.cause ?? CAUSE.interface, false);
      return;
    }
    const fallback = cfg.switchback && this.fallbackTo && peer.healthy && peer.status === 'Standby';
    if (!fallback) return this.cancelFallback();
    if (this.fallbackTimer) return;
    this.fallbackTimer = setTimeout(() => {
      this.fallbackTimer = undefined;
      const p = this.peer;
      if (this.state === 'Active' && this.fallbackTo && this.peerConnected && p?.healthy && p.status === 'Standby') this.sequence.start(CAUSE.fallback, false);
    }, cfg.delaySeconds * 1000);
  }

  private setStatus(to: RunningStatus, cause: string): void {
    if (to === this.state) return this.announce();
    const from = this.state;
    this.withVrrp(`RBM status changed (${cause})`, () => {
      this.state = to;
      this.lastSwitch = Date.now();
      this.records.push({ time: new Date(), from, to, cause });
      if (this.records.length > MAX_RECORDS) this.records.shift();
    });
    this.device.log('RBM', 5, 'RBM_STATUS_CHANGE', `Running status changed from ${from} to ${to}. Cause: ${cause}.`);
    this.announce();
    this.config.maybeBulk();
    if (to !== 'Active') this.cancelFallback();
  }

  private announce(): void {
    if (this.peerConnected) this.send({ t: 'state', state: this.snapshot() });
  }

  private effectiveRole(): 'primary' | 'secondary' | undefined {
    return effectiveRole(this.cfg()?.role, this.running(), this.state);
  }

  private candidate(): Candidate {
    return { ip: this.cfg()?.localIp ?? '0.0.0.0', status: this.state, healthy: this.health.healthy, configuredRole: this.cfg()?.role };
  }

  private snapshot(): PeerState {
    return peerState(this.device, this.cfg(), {
      role: this.effectiveRole(),
      status: this.state,
      healthy: this.health.healthy,
      forcedStandby: this.forcedStandby,
      controlUp: this.peerConnected,
      dataUp: this.sessionsBackup.dataUp,
      check: this.config.view(),
      uptimeSinceSwitchover: Math.floor((Date.now() - this.lastSwitch) / 1000),
    });
  }

  private withVrrp(reason: string, fn: () => void): void {
    withVrrpLog(this.device, (g) => this.vrrpState(g), reason, fn);
  }

  private cancelFallback(): void {
    clearTimeout(this.fallbackTimer);
    this.fallbackTimer = undefined;
  }
}
