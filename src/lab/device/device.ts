import { Emitter, type Disposable } from '../../core/base/emitter';
import { comware7 } from '../../core/platforms/comware7';
import type { PlatformPack } from '../../core/platforms/pack';
import { loadConfigLines } from '../cli/loader';
import { logStamp } from './clock';
import { FLASH_DRIVE, LabFlash, STARTUP_FILE, startupFileBytes } from './flash';
import { maskToPrefix, newConfig, newInterface, type RunningConfig } from './model';
import { renderConfig } from './render';
import type { DeviceEvent, InterfaceState, LabDeviceApi, RbmConfig, RbmRuntime } from './seam';
import { clearSyncable, syncableLines } from './sync';
import { LoginGuard, checkPassword, hashPassword, type AuthResult } from './users';

export interface LabUser {
  username: string;
  password: string;
  /** Force the first-login password change (password-control, the vendor CLI notes). */
  firstLoginChange?: boolean;
}

export interface LabDeviceOptions {
  key: string;
  sysname: string;
  model?: string;
  version?: string; // "7.1.064"
  release?: string; // "ESS 1171P23"
  serialNumber?: string;
  mac?: string;
  interfaces?: string[];
  users?: LabUser[];
  /** Device clock minus real time, ms. */
  clockOffsetMs?: number;
  /** Length of a "minute" for commit-delay timers; tests shrink it. */
  minuteMs?: number;
  /** How long a user name stays locked after 3 wrong passwords. */
  lockoutMs?: number;
  /** How long `reboot` keeps the device down (0 = back at once). */
  bootMs?: number;
  /** Wall clock; injectable for deterministic tests. */
  now?: () => number;
  /** Folder holding the device's flash (startup.cfg); absent = kept in memory. */
  flashDir?: string;
  /** The dialect its CLI speaks (`hotpair lab --pack`); default the built-in Comware V7 pack. */
  pack?: PlatformPack;
}

type TrackState = 'Positive' | 'Negative' | 'NotReady';

const DEFAULT_INTERFACES = ['M-GigabitEthernet0/0/0', ...Array.from({ length: 8 }, (_, i) => `GigabitEthernet1/0/${i}`)];
const LOG_BUFFER_MAX = 512;

/**
 * One simulated appliance: running and saved configuration, link and track state, power, the log
 * buffer and the hook for the RBM runtime. It holds no timers while idle (only a pending
 * commit-delay timer), so hundreds of devices can share one process.
 */
export class LabDevice implements LabDeviceApi {
  readonly key: string;
  readonly model: string;
  readonly version: string;
  readonly release: string;
  readonly serialNumber: string;
  readonly mac: string;
  readonly minuteMs: number;
  readonly bootMs: number;
  readonly now: () => number;
  readonly clockOffsetMs: number;
  readonly guard: LoginGuard;
  readonly flash: LabFlash;
  readonly pack: PlatformPack;
  running: RunningConfig;
  saved: RunningConfig;
  runtime: RbmRuntime | undefined;
  bootTime: number;
  rebootReason = 'Power on';
  /** Users who must change their password at next login. */
  readonly mustChangePassword = new Set<string>();
  readonly logBuffer: string[] = [];
  private readonly links: Record<string, boolean> = {};
  private readonly forcedTracks = new Map<number, TrackState>();
  private lastIfState = new Map<string, boolean>();
  private lastTrackState = new Map<number, TrackState>();
  private readonly events = new Emitter<DeviceEvent>();
  private readonly sessions = new Set<{ close(): void }>();
  private isOn = true;
  private commit: { timer: ReturnType<typeof setTimeout>; snapshot: RunningConfig; minutes: number } | undefined;

  constructor(o: LabDeviceOptions) {
    this.key = o.key;
    this.model = o.model ?? 'H3C SecPath F1000-AK1xx';
    this.version = o.version ?? '7.1.064';
    this.release = o.release ?? 'ESS 1171P23';
    this.serialNumber = o.serialNumber ?? `210235A2X8H20${o.key.toUpperCase().padStart(7, '0')}`;
    this.mac = o.mac ?? '3cd2-e5a1-0001';
    this.minuteMs = o.minuteMs ?? 60_000;
    this.bootMs = o.bootMs ?? 0;
    this.now = o.now ?? Date.now;
    this.clockOffsetMs = o.clockOffsetMs ?? 0;
    this.guard = new LoginGuard(this.now, o.lockoutMs ?? 10 * 60_000);
    this.flash = new LabFlash(o.flashDir);
    this.pack = o.pack ?? comware7;
    this.bootTime = this.now();
    const names = o.interfaces ?? DEFAULT_INTERFACES;
    for (const n of names) this.links[n] = true;
    this.running = newConfig(o.sysname, names);
    for (const u of o.users ?? [{ username: 'admin', password: 'admin' }]) {
      this.running.users.push({ name: u.username, passwordHash: hashPassword(u.password), serviceTypes: ['ssh', 'terminal'], roles: ['network-admin'] });
      if (u.firstLoginChange) this.mustChangePassword.add(u.username);
    }
    this.saved = structuredClone(this.running);
    this.snapshotStates();
  }

  // ---- LabDeviceApi ----
  sysname(): string {
    return this.running.sysname;
  }
  powered(): boolean {
    return this.isOn;
  }
  rbmConfig(): RbmConfig | undefined {
    return this.running.rbm;
  }
  interfaces(): InterfaceState[] {
    return this.running.interfaces.map((i) => ({
      name: i.name,
      adminUp: !i.shutdown,
      linkUp: this.isOn && (this.links[i.name] ?? false),
      ...(i.ipv4 ? { address: `${i.ipv4.ip}/${maskToPrefix(i.ipv4.mask)}` } : {}),
      ipv6Addresses: [...i.ipv6, ...i.ipv6LinkLocal.map((a) => `${a}/10`)],
      ...(i.description !== undefined ? { description: i.description } : {}),
      ...(i.aggregateGroup !== undefined ? { aggregateMember: `Route-Aggregation${i.aggregateGroup}` } : {}),
    }));
  }
  interfaceUp(name: string): boolean {
    const i = this.running.interfaces.find((x) => x.name === name);
    if (!this.isOn || !i || i.shutdown) return false;
    // An aggregate with member ports is up while any member is; without members it follows its own link.
    const group = /^Route-Aggregation(\d+)$/.exec(name)?.[1];
    const members = group === undefined ? [] : this.running.interfaces.filter((m) => m.aggregateGroup === Number(group));
    if (members.length) return members.some((m) => this.interfaceUp(m.name));
    return this.links[name] ?? false;
  }
  trackState(id: number): TrackState {
    const forced = this.forcedTracks.get(id);
    if (forced) return forced;
    const t = this.running.tracks.find((x) => x.id === id);
    if (!t || !this.running.interfaces.some((i) => i.name === t.interface)) return 'NotReady';
    return this.interfaceUp(t.interface) ? 'Positive' : 'Negative';
  }
  syncableConfig(): string[] {
    return syncableLines(this.running);
  }
  applySyncedConfig(lines: string[]): void {
    clearSyncable(this.running);
    loadConfigLines(this, lines);
    this.changed(lines);
  }
  vrrpGroups(): { interface: string; vrid: number; virtualIp: string; group?: 'active' | 'standby' }[] {
    return this.running.interfaces.flatMap((i) =>
      [...i.vrrp, ...i.vrrp6].map((v) => ({ interface: i.name, vrid: v.vrid, virtualIp: v.ip, ...(v.group ? { group: v.group } : {}) })),
    );
  }
  /** The RBM-managed virtual (floating) IPs of the service interfaces, IPv4 and IPv6, without prefixes. */
  floatingIps(): string[] {
    return this.running.interfaces.flatMap((i) => [...i.floatingIps, ...i.floatingIpv6].map((f) => f.ip));
  }
  log(module: string, severity: number, mnemonic: string, text: string): void {
    if (!this.isOn) return; // a dead device says nothing
    const line = `%${logStamp(this.clock())} ${this.running.sysname} ${module}/${severity}/${mnemonic}: ${text}`;
    this.logBuffer.push(line);
    if (this.logBuffer.length > LOG_BUFFER_MAX) this.logBuffer.shift();
    this.events.fire({ kind: 'log', line });
  }
  loghosts(): { ip: string; port: number }[] {
    return this.running.loghosts.map((h) => ({ ...h }));
  }
  on(listener: (e: DeviceEvent) => void): Disposable {
    return this.events.on(listener);
  }
  attachRbm(runtime: RbmRuntime | undefined): void {
    this.runtime = runtime;
  }

  // ---- fault injection ----
  setLink(name: string, up: boolean): void {
    if (!(name in this.links)) throw new Error(`${this.key}: no interface ${name}`);
    this.links[name] = up;
    this.refresh();
  }
  forceTrack(id: number, state: TrackState | undefined): void {
    if (state) this.forcedTracks.set(id, state);
    else this.forcedTracks.delete(id);
    this.refresh();
  }

  // ---- power ----
  powerOff(): void {
    if (!this.isOn) return;
    this.cancelCommitDelay();
    this.isOn = false;
    for (const s of [...this.sessions]) s.close();
    this.events.fire({ kind: 'power', on: false });
    this.refresh();
  }
  /** Boot from the saved configuration (what a power cycle does to unsaved changes). */
  powerOn(reason = 'Power on'): void {
    if (this.isOn) return;
    this.running = structuredClone(this.saved);
    this.logBuffer.length = 0; // the log buffer lives in RAM
    this.isOn = true;
    this.bootTime = this.now();
    this.rebootReason = reason;
    this.events.fire({ kind: 'power', on: true });
    this.refresh();
  }
  reboot(): void {
    this.log('DEVM', 5, 'SYSTEM_REBOOT', 'System is rebooting now.');
    this.powerOff();
    if (!this.bootMs) return this.powerOn('User reboot');
    // The only timer besides commit delay, and only while the device is down.
    setTimeout(() => this.powerOn('User reboot'), this.bootMs).unref?.();
  }

  // ---- used by the CLI engine and terminals ----
  clock(): Date {
    return new Date(this.now() + this.clockOffsetMs);
  }
  currentConfig(): string[] {
    return renderConfig(this.running, `${this.version}, ${this.release}`);
  }
  savedConfig(): string[] {
    return renderConfig(this.saved, `${this.version}, ${this.release}`);
  }
  /** `save`: the running configuration becomes the saved one, written to flash:/startup.cfg. */
  save(): void {
    this.saved = structuredClone(this.running);
    this.flash.write(STARTUP_FILE, startupFileBytes(this.savedConfig()));
  }
  /** `display startup`, box layout (comware-cli.md form): the file booted from and the next one. */
  startupLines(): string[] {
    const file = this.flash.has(STARTUP_FILE) ? `${FLASH_DRIVE}/${STARTUP_FILE}` : 'NULL';
    return [` Current startup saved-configuration file: ${file}`, ` Next main startup saved-configuration file: ${file}`, ' Next backup startup saved-configuration file: NULL'];
  }
  /** Apply configuration lines as a configuration file would (system view, indented sub-view lines). */
  applyConfig(lines: string[]): string[] {
    const errors = loadConfigLines(this, lines);
    this.changed(lines);
    return errors;
  }
  /** Record a running-config change: emit it and re-evaluate interface and track states. */
  changed(lines: string[]): void {
    this.events.fire({ kind: 'config', lines });
    this.refresh();
  }
  authenticate(username: string, password: string, service: 'ssh' | 'terminal'): AuthResult {
    if (this.guard.locked(username)) return 'locked';
    const u = this.running.users.find((x) => x.name === username);
    if (!u || !checkPassword(u, password) || !u.serviceTypes.includes(service)) return this.guard.fail(username) ? 'locked' : 'bad';
    this.guard.succeed(username);
    return this.mustChangePassword.has(username) ? 'change-required' : 'ok';
  }
  verifyPassword(username: string, password: string): boolean {
    const u = this.running.users.find((x) => x.name === username);
    return !!u && checkPassword(u, password);
  }
  changePassword(username: string, password: string): void {
    const u = this.running.users.find((x) => x.name === username);
    if (!u) return;
    u.passwordHash = hashPassword(password);
    // The device writes the new password to the running and the saved configuration at once.
    const s = this.saved.users.find((x) => x.name === username);
    if (s) s.passwordHash = u.passwordHash;
    if (s && this.flash.has(STARTUP_FILE)) this.flash.write(STARTUP_FILE, startupFileBytes(this.savedConfig()));
    this.mustChangePassword.delete(username);
    this.changed([`local-user ${username} class manage`, ` password hash ${u.passwordHash}`]);
  }
  /** Logical interfaces (LoopBack, Route-Aggregation, Vlan-interface) come into being when entered. */
  createInterface(name: string): 'exists' | 'created' | undefined {
    if (this.running.interfaces.some((i) => i.name === name)) return 'exists';
    if (!/^(LoopBack|Route-Aggregation|Vlan-interface)\d+$/.test(name)) return undefined;
    this.running.interfaces.push(newInterface(name));
    this.links[name] = true;
    return 'created';
  }
  removeInterface(name: string): boolean {
    if (!/^(LoopBack|Route-Aggregation|Vlan-interface)\d+$/.test(name)) return false;
    this.running.interfaces = this.running.interfaces.filter((i) => i.name !== name);
    const group = /^Route-Aggregation(\d+)$/.exec(name)?.[1];
    // Removing an aggregate interface releases its member ports.
    for (const i of this.running.interfaces) if (group !== undefined && i.aggregateGroup === Number(group)) delete i.aggregateGroup;
    return true;
  }
  hashPassword(password: string): string {
    return hashPassword(password);
  }
  addSession(s: { close(): void }): Disposable {
    this.sessions.add(s);
    return { dispose: () => this.sessions.delete(s) };
  }

  /** `configuration commit delay N`: roll back to now unless confirmed within N minutes. */
  startCommitDelay(minutes: number): void {
    this.cancelCommitDelay();
    const snapshot = structuredClone(this.running);
    const timer = setTimeout(() => this.rollback(), minutes * this.minuteMs);
    timer.unref?.();
    this.commit = { timer, snapshot, minutes };
  }
  /** `configuration commit`: keep the changes. False when no commit delay was pending. */
  confirmCommit(): boolean {
    if (!this.commit) return false;
    this.cancelCommitDelay();
    return true;
  }
  commitPending(): boolean {
    return this.commit !== undefined;
  }
  private cancelCommitDelay(): void {
    if (this.commit) clearTimeout(this.commit.timer);
    this.commit = undefined;
  }
  private rollback(): void {
    const c = this.commit;
    if (!c) return;
    this.commit = undefined;
    this.running = c.snapshot;
    this.log('CFGMAN', 4, 'CFGMAN_ROLLBACK', `Configuration rolled back: not committed within ${c.minutes} minutes.`);
    this.changed(this.currentConfig());
  }

  /** Emit interface and track events for every state that differs from the last snapshot. */
  private refresh(): void {
    const prevIf = this.lastIfState;
    const prevTrack = this.lastTrackState;
    this.snapshotStates();
    for (const [name, up] of this.lastIfState) {
      const before = prevIf.get(name);
      if (before === up) continue;
      this.events.fire({ kind: 'interface', name, up });
      // A powered-off device logs nothing; a new interface (before === undefined) has no change to report.
      if (this.isOn && before !== undefined) {
        const state = up ? 'up' : 'down';
        this.log('IFNET', 3, 'PHY_UPDOWN', `Physical state on the interface ${name} changed to ${state}.`);
        this.log('IFNET', 5, 'LINK_UPDOWN', `Line protocol state on the interface ${name} changed to ${state}.`);
      }
    }
    for (const [id, state] of this.lastTrackState) if (prevTrack.get(id) !== state) this.events.fire({ kind: 'track', id, state });
  }
  private snapshotStates(): void {
    this.lastIfState = new Map(this.running.interfaces.map((i) => [i.name, this.interfaceUp(i.name)]));
    const ids = new Set([...this.running.tracks.map((t) => t.id), ...this.forcedTracks.keys()]);
    this.lastTrackState = new Map([...ids].map((id) => [id, this.trackState(id)]));
  }
}
