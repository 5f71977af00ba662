import { Emitter, type Disposable } from '../../../src/core/base/emitter';
import type { DeviceEvent, InterfaceState, RbmConfig, RbmRuntime } from '../../../src/lab/device/seam';
import type { ControllableDevice } from '../../../src/lab/device-control';

/** RBM settings as the CLI would produce them for `remote-backup group` with the usual commands. */
export function rbmConfig(over: Partial<RbmConfig>): RbmConfig {
  return {
    mode: 'active-standby',
    port: 60064,
    keepaliveInterval: 1,
    keepaliveCount: 3,
    dataChannelLayer3: false,
    hotBackup: true,
    backupHttp: false,
    backupDns: false,
    backupAftPortBlock: false,
    backupLastHop: false,
    autoSync: true,
    autoSyncStaticRoutes: false,
    syncCheck: { enabled: true },
    switchback: false,
    delaySeconds: 1,
    tracks: [],
    monitorInterfaces: [],
    monitorVlans: [],
    adjustCost: {},
    ...over,
  };
}

/**
 * A small stand-in for LabDevice (src/lab/device) so the RBM engine can be tested on its own:
 * interfaces with addresses and links, forced tracks, power, a syncable configuration list and a
 * log buffer; every change fires the same events the real device fires.
 */
export class FakeDevice implements ControllableDevice {
  rbm?: RbmConfig;
  syncable: string[] = [];
  vrrp: { interface: string; vrid: number; virtualIp: string; group?: 'active' | 'standby' }[] = [];
  readonly logs: string[] = [];
  runtime?: RbmRuntime;
  private on_ = true;
  private readonly ifs = new Map<string, { address?: string; link: boolean }>();
  private readonly tracks = new Map<number, 'Positive' | 'Negative' | 'NotReady'>();
  private readonly events = new Emitter<DeviceEvent>();
  private savedRbm?: RbmConfig;

  constructor(
    readonly key: string,
    private readonly name: string,
    addresses: Record<string, string>,
  ) {
    for (const [n, a] of Object.entries(addresses)) this.ifs.set(n, { address: a, link: true });
  }

  sysname(): string {
    return this.name;
  }
  powered(): boolean {
    return this.on_;
  }
  rbmConfig(): RbmConfig | undefined {
    return this.rbm;
  }
  interfaces(): InterfaceState[] {
    return [...this.ifs].map(([name, i]) => ({ name, adminUp: true, linkUp: this.on_ && i.link, address: i.address, ipv6Addresses: [] }));
  }
  interfaceUp(name: string): boolean {
    return this.on_ && (this.ifs.get(name)?.link ?? false);
  }
  trackState(id: number): 'Positive' | 'Negative' | 'NotReady' {
    return this.tracks.get(id) ?? 'Positive';
  }
  syncableConfig(): string[] {
    return [...this.syncable];
  }
  applySyncedConfig(lines: string[]): void {
    this.syncable = [...lines];
    this.events.fire({ kind: 'config', lines });
  }
  vrrpGroups(): { interface: string; vrid: number; virtualIp: string; group?: 'active' | 'standby' }[] {
    return this.vrrp;
  }
  log(module: string, severity: number, mnemonic: string, text: string): void {
    const line = `%Nov 25 14:00:00:000 2026 ${this.name} ${module}/${severity}/${mnemonic}: ${text}`;
    this.logs.push(line);
    this.events.fire({ kind: 'log', line });
  }
  loghosts(): { ip: string; port: number }[] {
    return [];
  }
  on(listener: (e: DeviceEvent) => void): Disposable {
    return this.events.on(listener);
  }
  attachRbm(runtime: RbmRuntime | undefined): void {
    this.runtime = runtime;
  }

  // ---- ControllableDevice ----
  configure(rbm: RbmConfig | undefined, syncable?: string[]): void {
    this.rbm = rbm;
    if (syncable) this.syncable = syncable;
    this.events.fire({ kind: 'config', lines: ['remote-backup group'] });
  }
  setLink(name: string, up: boolean): void {
    const i = this.ifs.get(name);
    if (!i) throw new Error(`no interface ${name}`);
    i.link = up;
    this.events.fire({ kind: 'interface', name, up });
  }
  forceTrack(id: number, state: 'Positive' | 'Negative' | 'NotReady' | undefined): void {
    if (state) this.tracks.set(id, state);
    else this.tracks.delete(id);
    this.events.fire({ kind: 'track', id, state: this.trackState(id) });
  }
  powerOff(): void {
    if (!this.on_) return;
    this.on_ = false;
    this.events.fire({ kind: 'power', on: false });
  }
  powerOn(): void {
    if (this.on_) return;
    this.rbm = this.savedRbm;
    this.on_ = true;
    this.events.fire({ kind: 'power', on: true });
  }
  reboot(): void {
    this.powerOff();
    this.powerOn();
  }
  authenticate(username: string, password: string): 'ok' | 'bad' {
    return username === 'admin' && password === 'admin' ? 'ok' : 'bad';
  }
  applyConfig(lines: string[]): string[] {
    this.syncable.push(...lines);
    this.events.fire({ kind: 'config', lines });
    return [];
  }
  save(): void {
    this.savedRbm = this.rbm;
  }
  logsMatching(re: RegExp): string[] {
    return this.logs.filter((l) => re.test(l));
  }
}
