import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLabAdapter } from '../../src/host/lab-adapter';
import { MonitorBatchSchema, MonitorSnapshotSchema, type HostEvent, type MonitorBatch, type MonitorEvent, type PairStatus } from '../../src/contract/index';
import { createHost, type Host } from '../../src/host/index';
import { sendFault } from '../../src/lab/faults';
import { commissionLab, portOf } from './monitor-lab';

/**
 * monitor.* on the real lab pair through the host, as the app uses it: the lab adapter `hotpair
 * serve` injects, SSH polling, the shared syslog receiver, batched pushes to the renderer.
 */
const root = new URL('../../', import.meta.url).pathname;
let host: Host;
let labDir: string;
const batches: MonitorBatch[] = [];
const events = new Map<string, MonitorEvent>();
let lastStatus: PairStatus | undefined;

async function until<T>(what: string, probe: () => T | undefined | false, ms: number): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = probe();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}; events: ${JSON.stringify([...events.values()].map((e) => [e.kind, 'device' in e ? e.device : '', 'cause' in e ? e.cause : '']))}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const ok = async <T>(p: Promise<{ ok: boolean; data?: unknown; error?: unknown }>): Promise<T> => {
  const r = await p;
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.data as T;
};

beforeAll(async () => {
  const work = mkdtempSync(join(tmpdir(), 'hp-host-monitor-'));
  labDir = join(work, 'lab');
  const lab = createLabAdapter({ stateDir: labDir, sshPortBase: 0, pairIndexBase: 236, examplesDir: join(root, 'resources', 'examples') });
  host = createHost({ version: '0.0.0', mode: 'browser', examplesDir: join(root, 'resources', 'examples'), lab, monitor: { dbFile: join(work, 'm.sqlite'), syslogPort: 0, metricsPort: 0 } });
  host.onEvent((e: HostEvent) => {
    if (e.event !== 'monitor.events') return;
    batches.push(MonitorBatchSchema.parse(e.payload)); // every push fits the contract
    for (const ev of e.payload.events) events.set(ev.id, ev);
    for (const p of e.payload.pairs) lastStatus = p;
  });
  await ok(host.invoke('settings.set', { monitorIntervalSeconds: 1 }));
  await ok(host.invoke('lab.start', {}));
  const status = await ok<PairStatus>(host.invoke('monitor.start', { source: 'lab' }));
  expect(status).toMatchObject({ pair: 'lab', source: 'lab', mode: 'active-standby', intervalSeconds: 1 });
  expect(status.ops).toEqual(['check', 'sync', 'switchover']); // no peer-* outside dual-active; no reset while its command is unverified
  const snap = MonitorSnapshotSchema.parse(await ok(host.invoke('monitor.snapshot', {})));
  await commissionLab(lab.access!()!, portOf(snap.receivers.syslog));
}, 60_000);

afterAll(async () => {
  await host?.dispose();
});

describe('monitor through the host, on the lab pair', () => {
  it('reports the commissioned pair healthy: A active, B standby, channel up both ways', async () => {
    await until('A Active / B Standby, channel up', () => {
      const d = lastStatus?.health.devices;
      return d && d.a.runningStatus === 'Active' && d.b.runningStatus === 'Standby' && d.a.controlChannel === 'Connected' && d.b.controlChannel === 'Connected';
    }, 30_000);
    expect(lastStatus!.health.devices.a.keepalive).toEqual({ interval: 1, count: 3 });
    const snap = MonitorSnapshotSchema.parse(await ok(host.invoke('monitor.snapshot', {})));
    expect(snap.pairs.map((p) => p.pair)).toEqual(['lab']);
    expect(snap.receivers.syslog).toMatch(/^udp\+tcp 127\.0\.0\.1:\d+$/);
    expect(snap.samples.lab!.some((s) => s.a === 1 && s.b === 1)).toBe(true);
  }, 40_000);

  it('runs a confirmed manual switchover, verified, with progress; the monitor records it with its cause', async () => {
    const steps: string[] = [];
    const off = host.onEvent((e) => e.event === 'op.progress' && e.payload.opId === 'op-switchover-1' && steps.push(e.payload.step));
    const mark = Date.now();
    const r = await ok<{ op: string; verified: string }>(host.invoke('monitor.op', { opId: 'op-switchover-1', pair: 'lab', op: 'switchover', confirmed: true }));
    off.dispose();
    expect(r.verified).toMatch(/swapped: A Standby, B Active/);
    expect(steps).toContain('connecting to both devices');
    const sw = await until('B takes over', () => [...events.values()].find((e) => e.kind === 'switchover' && e.device === 'b' && e.to === 'Active' && e.time >= mark), 15_000);
    expect(sw.kind === 'switchover' && sw.cause).toBe('Manual switchover');
  }, 60_000);

  it('power-off of the active: the survivor takes over with cause "Peer lost", pushed, stored and in history', async () => {
    // Whichever is active now (the switchback after the manual switchover may have run).
    await until('one device active, the other standby', () => {
      const d = lastStatus?.health.devices;
      return d && d.a.controlChannel === 'Connected' && d.b.controlChannel === 'Connected' && [d.a.runningStatus, d.b.runningStatus].sort().join() === 'Active,Standby';
    }, 30_000);
    const active = lastStatus!.health.devices.a.runningStatus === 'Active' ? 'a' : 'b';
    const survivor = active === 'a' ? 'b' : 'a';
    const mark = Date.now();
    await sendFault(labDir, active, 'power-off');
    const sw = await until('the survivor takes over', () => [...events.values()].find((e) => e.kind === 'switchover' && e.device === survivor && e.to === 'Active' && e.time >= mark - 1000), 15_000);
    expect(sw.kind === 'switchover' && sw.cause).toBe('Peer lost');
    await until('survivor Active on the card', () => lastStatus?.health.devices[survivor].runningStatus === 'Active', 10_000);
    await until('the powered-off device unreachable', () => [...events.values()].some((e) => e.kind === 'device-unreachable' && e.device === active && e.time >= mark), 20_000);
    const hist = await ok<{ events: MonitorEvent[] }>(host.invoke('monitor.history', { pair: 'lab', since: mark - 1000 }));
    expect(hist.events.some((e) => e.id === sw.id)).toBe(true);
    // Batched: far fewer pushes than events and chart points.
    const pushed = batches.reduce((n, b) => n + b.events.length + b.samples.length, 0);
    expect(batches.length).toBeLessThan(pushed);
  }, 60_000);

  it('refuses an operation the mode does not allow, and a pair not monitored', async () => {
    const r = await host.invoke('monitor.op', { opId: 'op-peer-active-1', pair: 'lab', op: 'peer-active', confirmed: true });
    expect(!r.ok && r.error).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/dual-active/) });
    const n = await host.invoke('monitor.op', { opId: 'op-nopair-1', pair: 'nope', op: 'check', confirmed: true });
    expect(!n.ok && n.error.code).toBe('NOT_FOUND');
    const unconfirmed = await host.invoke('monitor.op', { opId: 'op-unconf-1', pair: 'lab', op: 'check' });
    expect(!unconfirmed.ok && unconfirmed.error.code).toBe('VALIDATION');
  });

  it('stops: the pair leaves the snapshot and a push says so', async () => {
    expect(await ok(host.invoke('monitor.stop', { pair: 'lab' }))).toEqual({ stopped: true });
    await until('stopped pushed', () => batches.some((b) => b.stopped.includes('lab')), 2_000);
    const snap = MonitorSnapshotSchema.parse(await ok(host.invoke('monitor.snapshot', {})));
    expect(snap.pairs).toEqual([]);
    expect(snap.receivers.syslog).toBeUndefined(); // the receiver closes with the last pair
  });
});
