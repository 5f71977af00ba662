import { renameSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import type { Disposable } from '../core/base/emitter';
import type { Pair } from '../core/model/pair';
import type { LabDevice } from './device';
import type { Lab } from './lab';
import type { PairNet } from './rbm/pair-net';

/**
 * The new owner's share of a move: its gratuitous ARP learned upstream and its forwarding path
 * set up. The lab's RBM sequence itself is a loopback round trip, so without this an address
 * would move in about a millisecond and a probe every 50 ms could report "no interruption"
 * without having measured anything.
 */
export const ADDRESS_TAKEOVER_MS = 300;
/** Where a CLI lab publishes the mapping and the record, beside lab.json. */
export const DATAPLANE_FILE = 'dataplane.json';
/** First host number of the per-pair loopback addresses the data plane listens on (devices use .1 and .2). */
const HOST_BASE = 100;
/** A listener that cannot reopen its port (taken meanwhile) tries again this often. */
const RELISTEN_MS = 50;

/** One virtual address and the loopback endpoint that stands for it. */
export interface DataPlaneAddress {
  pair: number;
  /** The virtual IP as configured (VRRP virtual IP or RBM floating IP). */
  address: string;
  kind: 'vrrp' | 'floating-ip';
  host: string;
  port: number;
  answering: boolean;
  /** The device key that answers now. */
  device?: string;
}

/** When an address really stopped answering, and when (and on which device) it answered again. */
export interface AddressOutage {
  pair: number;
  address: string;
  host: string;
  port: number;
  from: string;
  stoppedAt: number;
  to?: string;
  resumedAt?: number;
}

export interface DataPlaneRecord {
  takeoverMs: number;
  addresses: DataPlaneAddress[];
  outages: AddressOutage[];
}

export interface DataPlaneMember {
  key: string;
  device: LabDevice;
  net: PairNet;
}

export interface DataPlaneOptions {
  members: readonly DataPlaneMember[];
  /** The devices that own `address` now (the lab's whoAnswers). */
  owners(address: string): string[];
  takeoverMs?: number;
  /** Addresses known before any device configures them (a lab started from a pair file). */
  expected?: readonly { pair: number; address: string; kind: DataPlaneAddress['kind'] }[];
  /** The lab's state dir: the record is published there as dataplane.json. */
  stateDir?: string;
}

interface Slot {
  view: DataPlaneAddress;
  server?: Server;
  listening: boolean;
  sockets: Set<Socket>;
  /** Since when each current owner has owned the address. */
  ownedSince: Map<string, number>;
  timer?: NodeJS.Timeout;
}

/**
 * The lab's data plane. Each virtual IP configured on a pair (RBM-bound VRRP groups, RBM floating
 * IPs) is stood for by a loopback host:port that accepts TCP only while a device holds it: the
 * listener closes the moment the holder stops owning the address and reopens on the new owner
 * ADDRESS_TAKEOVER_MS after that device took the address (the seed's step 2), never sooner than
 * the old owner let go (step 4). While both own it (between steps 2 and 4) the old holder keeps
 * answering: the vendor says the transient conflict does not affect services.
 */
export class DataPlane {
  private readonly slots = new Map<string, Slot>();
  private readonly outages: AddressOutage[] = [];
  private readonly subs: Disposable[] = [];
  private stopped = false;
  private readonly takeoverMs: number;

  constructor(private readonly o: DataPlaneOptions) {
    this.takeoverMs = o.takeoverMs ?? ADDRESS_TAKEOVER_MS;
  }

  async start(): Promise<void> {
    for (const e of this.o.expected ?? []) await this.add(e.pair, e.address, e.kind);
    for (const m of this.o.members) this.subs.push(m.device.on(() => void this.refresh(m.net.pairIndex)));
    for (const p of this.pairs()) await this.refresh(p);
    this.publish();
  }

  /** The mapping as it stands (what the lab's description shows). */
  describe(): DataPlaneAddress[] {
    return [...this.slots.values()].map((s) => ({ ...s.view }));
  }

  /** The mapping and every outage seen so far (times are epoch ms of this machine's clock). */
  record(): DataPlaneRecord {
    return { takeoverMs: this.takeoverMs, addresses: this.describe(), outages: this.outages.map((x) => ({ ...x })) };
  }

  /** The endpoint standing for `address` (first pair that has it). */
  endpoint(address: string): DataPlaneAddress | undefined {
    return this.describe().find((a) => a.address === address);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const s of this.subs.splice(0)) s.dispose();
    for (const s of this.slots.values()) {
      clearTimeout(s.timer);
      this.closeListener(s);
    }
  }

  private pairs(): number[] {
    return [...new Set(this.o.members.map((m) => m.net.pairIndex))];
  }

  private membersOf(pair: number): DataPlaneMember[] {
    return this.o.members.filter((m) => m.net.pairIndex === pair);
  }

  /** Registers addresses that appeared in the configuration, then re-evaluates who holds each one. */
  private async refresh(pair: number): Promise<void> {
    if (this.stopped) return;
    for (const m of this.membersOf(pair)) {
      for (const g of m.device.vrrpGroups()) if (g.group && !this.slots.has(key(pair, g.virtualIp))) await this.add(pair, g.virtualIp, 'vrrp');
      for (const ip of m.device.floatingIps()) if (!this.slots.has(key(pair, ip))) await this.add(pair, ip, 'floating-ip');
    }
    for (const s of this.slots.values()) if (s.view.pair === pair) this.evaluate(s);
  }

  private async add(pair: number, address: string, kind: DataPlaneAddress['kind']): Promise<void> {
    const k = key(pair, address);
    if (this.slots.has(k)) return;
    const host = `127.10.${pair}.${HOST_BASE + [...this.slots.values()].filter((s) => s.view.pair === pair).length}`;
    // Placeholder first, so a second refresh during the await does not add the address twice.
    const slot: Slot = { view: { pair, address, kind, host, port: 0, answering: false }, listening: false, sockets: new Set(), ownedSince: new Map() };
    this.slots.set(k, slot);
    slot.view.port = await reservePort(host);
    this.publish();
  }

  private evaluate(s: Slot): void {
    if (this.stopped || s.view.port === 0) return;
    const pairKeys = new Set(this.membersOf(s.view.pair).map((m) => m.key));
    const owners = this.o.owners(s.view.address).filter((d) => pairKeys.has(d));
    const now = Date.now();
    for (const d of [...s.ownedSince.keys()]) if (!owners.includes(d)) s.ownedSince.delete(d);
    for (const d of owners) if (!s.ownedSince.has(d)) s.ownedSince.set(d, now);
    const holder = s.view.device;
    if (holder !== undefined && owners.includes(holder)) return;
    if (holder !== undefined) this.release(s, holder, now);
    clearTimeout(s.timer);
    s.timer = undefined;
    const next = [...s.ownedSince.entries()].sort((x, y) => x[1] - y[1])[0];
    if (!next) return;
    const due = next[1] + this.takeoverMs;
    if (due > now) s.timer = setTimeout(() => this.evaluate(s), due - now);
    else this.take(s, next[0]);
  }

  private release(s: Slot, holder: string, now: number): void {
    const wasAnswering = s.view.answering;
    s.view.device = undefined;
    s.view.answering = false;
    this.closeListener(s);
    if (wasAnswering) this.outages.push({ pair: s.view.pair, address: s.view.address, host: s.view.host, port: s.view.port, from: holder, stoppedAt: now });
    this.publish();
  }

  private take(s: Slot, device: string): void {
    s.view.device = device;
    const server = createServer((sock) => {
      s.sockets.add(sock);
      sock.on('error', () => undefined);
      sock.on('close', () => s.sockets.delete(sock));
      sock.end();
    });
    s.server = server;
    server.on('error', () => {
      // The port was taken while the address was dark: try again shortly, the outage goes on.
      if (s.server !== server) return;
      s.server = undefined;
      if (!this.stopped && s.view.device === device) s.timer = setTimeout(() => s.view.device === device && !s.server && this.take(s, device), RELISTEN_MS);
    });
    server.listen({ host: s.view.host, port: s.view.port, exclusive: true }, () => {
      if (s.server !== server || s.view.device !== device || this.stopped) return void server.close();
      s.listening = true;
      s.view.answering = true;
      const open = [...this.outages].reverse().find((x) => x.pair === s.view.pair && x.address === s.view.address);
      if (open && open.resumedAt === undefined) Object.assign(open, { resumedAt: Date.now(), to: device });
      this.publish();
    });
  }

  private closeListener(s: Slot): void {
    const server = s.server;
    s.server = undefined;
    s.listening = false;
    server?.close();
    for (const sock of s.sockets) sock.destroy();
    s.sockets.clear();
  }

  private publish(): void {
    if (!this.o.stateDir || this.stopped) return;
    const file = join(this.o.stateDir, DATAPLANE_FILE);
    // Renamed into place so a reader never sees half a file.
    writeFileSync(`${file}.tmp`, `${JSON.stringify(this.record())}\n`, { mode: 0o600 });
    renameSync(`${file}.tmp`, file);
  }
}

const key = (pair: number, address: string) => `${pair}|${address}`;

/** A free port on `host`, learnt by binding it once; the address's listener reopens it whenever it answers. */
function reservePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen({ host, port: 0, exclusive: true }, () => {
      const a = s.address();
      const port = typeof a === 'object' && a ? a.port : 0;
      s.close(() => resolve(port));
    });
  });
}

/**
 * The lab's data plane, started: every address the lab's pair file names is mapped at once (so the
 * description printed at start shows it), others as devices configure them.
 */
export async function startDataPlane(lab: Pick<Lab, 'members' | 'options' | 'whoAnswers'>): Promise<DataPlane> {
  const pairIndex = lab.members[0]?.net.pairIndex ?? 0;
  const dp = new DataPlane({
    members: lab.members,
    owners: (ip) => lab.whoAnswers(ip),
    expected: lab.options.pair ? pairAddresses(lab.options.pair, pairIndex) : [],
    ...(lab.options.stateFile === false ? {} : { stateDir: lab.options.stateDir }),
  });
  await dp.start();
  return dp;
}

/** A pair file's virtual addresses: its RBM-bound VRRP virtual IPs and its floating IPs. */
export function pairAddresses(pair: Pair, pairIndex: number): { pair: number; address: string; kind: DataPlaneAddress['kind'] }[] {
  return [
    ...pair.vrrp.map((g) => ({ pair: pairIndex, address: g.virtualIp, kind: 'vrrp' as const })),
    ...pair.floatingIps.map((f) => ({ pair: pairIndex, address: f.address.split('/')[0] as string, kind: 'floating-ip' as const })),
  ];
}
