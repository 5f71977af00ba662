/**
 * The failover drill against the lab: commission resources/examples/lab.yaml, then drill it, over
 * SSH and over the serial console. The lab's data plane records when the VIP really stopped and
 * resumed answering; the drill's probe figures must agree with that record within 150 ms.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { summarizeJournal } from '../../src/core/provision/journal';
import { runDrill } from '../../src/core/drill/run';
import { tcpProber } from '../../src/core/drill/node/probes';
import type { DrillKind, DrillRecord, PhaseFigures } from '../../src/core/drill/types';
import { KnownHostsStore } from '../../src/core/known-hosts';
import { parseConnectUrl, type ConnectTarget } from '../../src/core/model/connect';
import type { DeviceKey } from '../../src/core/model/pair';
import { comware7 } from '../../src/core/platforms/comware7';
import type { SessionFactory } from '../../src/core/provision/types';
import { runPair } from '../../src/core/provision/workflow';
import { openSession } from '../../src/core/session/node/open';
import { sha256 } from '../../src/core/transport/node/known-hosts-file';
import type { AddressOutage } from '../../src/lab/dataplane';
import { LAB_PASSWORD, LAB_USERNAME, startLab, type Lab } from '../../src/lab/lab';
import { examplePair, memoryJournal } from './lab-pair';

/** What the spec allows between the drill's probe figures and the lab's own record. */
const TOLERANCE_MS = 150;
const VIP = '10.1.1.3';
const UPLINK = 'GigabitEthernet1/0/2';
const BAUD = 115_200;

let lab: Lab | undefined;
let dir: string | undefined;
afterEach(async () => {
  await lab?.stop();
  lab = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

/** A commissioned lab.yaml pair: SSH (host keys checked) and serial sessions opened the way the tool opens them. */
async function commissionedLab(net: number): Promise<{ lab: Lab; ssh: SessionFactory; serial: SessionFactory }> {
  dir = mkdtempSync(join(tmpdir(), 'hotpair-drill-'));
  const l = await startLab({ stateDir: join(dir, 'lab'), sshPortBase: 0, baud: BAUD, stateFile: false, pairIndexBase: net, keepalive: { intervalMs: 1000, count: 3 } });
  lab = l;
  let known = '';
  const knownHosts = new KnownHostsStore({ location: 'memory', read: async () => known, write: async (t) => void (known = t) }, sha256);
  const member = (k: DeviceKey) => l.members[k === 'a' ? 0 : 1]!;
  const opener =
    (target: (k: DeviceKey) => ConnectTarget): SessionFactory =>
    async (k, signal) =>
      (
        await openSession({
          target: target(k),
          credentials: { username: LAB_USERNAME, password: LAB_PASSWORD },
          knownHosts,
          hostKeyPolicy: { acceptNew: true },
          transcriptDir: join(dir as string, 'transcripts'),
          signal,
        })
      ).session;
  const ssh = opener((k) => ({ kind: 'ssh', host: '127.0.0.1', port: member(k).ssh.port, username: LAB_USERNAME }));
  const serial = opener((k) => {
    const r = parseConnectUrl(`serial://${member(k).console!.path}?baud=${BAUD}`);
    if (!r.ok) throw new Error(r.message);
    return r.target;
  });
  const pair = examplePair('lab');
  const r = await runPair({ pair, pack: comware7, open: ssh, journal: memoryJournal(), timeouts: { verifyMs: 20_000 }, meta: { runId: 'commission', targets: { a: 'a', b: 'b' }, tool: 'test' } });
  expect(r.error).toBeUndefined();
  expect(r.outcome).toBe('success');
  return { lab: l, ssh, serial };
}

async function drill(l: Lab, open: SessionFactory, kind: DrillKind, management: Record<DeviceKey, string | undefined>): Promise<{ record: DrillRecord; journal: ReturnType<typeof memoryJournal> }> {
  // The address answers a takeover time after the device took it: wait for it, as an engineer would.
  const t0 = Date.now();
  while (!l.dataPlane!.endpoint(VIP)?.answering && Date.now() - t0 < 3_000) await new Promise((r) => setTimeout(r, 20));
  const vip = l.dataPlane!.endpoint(VIP)!;
  expect(vip.answering).toBe(true);
  const journal = memoryJournal();
  const record = await runDrill({
    pair: examplePair('lab'),
    kind,
    probes: [{ host: vip.host, port: vip.port }],
    open,
    prober: tcpProber,
    signal: new AbortController().signal,
    management,
    journal,
    meta: { runId: `drill-${kind.kind}`, targets: { a: 'a', b: 'b' }, tool: 'test' },
  });
  return { record, journal };
}

/** The lab's outage that this phase caused: the first one recorded after its trigger. */
function labOutage(l: Lab, f: PhaseFigures): AddressOutage {
  const o = l.dataPlane!.record().outages.find((x) => x.address === VIP && x.stoppedAt >= f.triggeredAt - TOLERANCE_MS);
  expect(o, `no outage of ${VIP} recorded after ${f.triggeredAt}`).toBeDefined();
  return o as AddressOutage;
}

/** The drill's probes saw the outage the lab recorded: its length and both edges within the tolerance. */
function agreesWithLab(l: Lab, f: PhaseFigures | undefined, from: DeviceKey, to: DeviceKey): void {
  expect(f).toBeDefined();
  const figures = f as PhaseFigures;
  expect([figures.from, figures.to]).toEqual([from, to]);
  expect(figures.switchoverMs).not.toBeNull();
  const o = labOutage(l, figures);
  expect([o.from, o.to]).toEqual([from, to]);
  const real = (o.resumedAt as number) - o.stoppedAt;
  const seen = figures.targets[0]!;
  expect(figures.failedProbes).toBeGreaterThan(0);
  expect(Math.abs((figures.interruptionMs as number) - real), `measured ${figures.interruptionMs} ms, lab ${real} ms`).toBeLessThanOrEqual(TOLERANCE_MS);
  expect(Math.abs((seen.stoppedAt as number) - o.stoppedAt)).toBeLessThanOrEqual(TOLERANCE_MS);
  expect(Math.abs((seen.resumedAt as number) - (o.resumedAt as number))).toBeLessThanOrEqual(TOLERANCE_MS);
}

function passedAndJournalled(record: DrillRecord, journal: ReturnType<typeof memoryJournal>): void {
  expect(record.outcome, `${record.message}\n${record.timeline.map((e) => e.text).join('\n')}`).toBe('passed');
  expect(record.health.before?.filter((c) => c.status === 'fail')).toEqual([]);
  expect(record.health.after?.filter((c) => c.status === 'fail')).toEqual([]);
  expect(record.after?.a.runningStatus).toBe('Active');
  const s = summarizeJournal(journal.text());
  expect(s.outcome).toBe('success');
  expect(s.drill?.switchover?.interruptionMs).toBe(record.switchover?.interruptionMs);
  // The record is plain JSON: it survives the journal's round trip unchanged.
  expect(JSON.parse(JSON.stringify(record))).toEqual(record);
}

describe('failover drill on a commissioned lab pair', () => {
  it('over SSH: switchover and link drills measure what the lab recorded (within 150 ms), there and back', async () => {
    const { lab: l, ssh } = await commissionedLab(72);
    await l.inject('a', 'traffic', '200');
    await new Promise((r) => setTimeout(r, 1_000));

    const sw = await drill(l, ssh, { kind: 'switchover' }, { a: '127.0.0.1', b: '127.0.0.1' });
    passedAndJournalled(sw.record, sw.journal);
    agreesWithLab(l, sw.record.switchover, 'a', 'b');
    agreesWithLab(l, sw.record.switchback, 'b', 'a');
    // Session backup: the new Active held (nearly) every session the old one had.
    expect(sw.record.switchover?.sessionsPreservedPct).toBeGreaterThanOrEqual(90);

    const link = await drill(l, ssh, { kind: 'link', interface: UPLINK }, { a: '127.0.0.1', b: '127.0.0.1' });
    passedAndJournalled(link.record, link.journal);
    agreesWithLab(l, link.record.switchover, 'a', 'b');
    expect(link.record.switchover?.trigger).toBe('link-down');
    // lab.yaml configures fallback (5 s): RBM moves back by itself once the link is up, delay included.
    expect(link.record.switchback?.trigger).toBe('fallback');
    expect(link.record.switchback?.switchoverMs).toBeGreaterThanOrEqual(5_000);
    agreesWithLab(l, link.record.switchback, 'b', 'a');
  }, 60_000);

  it('over the serial console: switchover and link drills measure what the lab recorded (within 150 ms)', async () => {
    const { lab: l, serial } = await commissionedLab(73);
    const none = { a: undefined, b: undefined };
    const sw = await drill(l, serial, { kind: 'switchover' }, none);
    passedAndJournalled(sw.record, sw.journal);
    agreesWithLab(l, sw.record.switchover, 'a', 'b');
    agreesWithLab(l, sw.record.switchback, 'b', 'a');

    const link = await drill(l, serial, { kind: 'link', interface: UPLINK }, none);
    passedAndJournalled(link.record, link.journal);
    agreesWithLab(l, link.record.switchover, 'a', 'b');
    agreesWithLab(l, link.record.switchback, 'b', 'a');
  }, 60_000);

  it('stops on the unexpected, brings the link back and moves the Active role back, and says where each device stands', async () => {
    const { lab: l, ssh } = await commissionedLab(76);
    // A service that dies with the move (a server only reachable through device A): its probes never answer again.
    const server = createServer((c) => c.end());
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as { port: number }).port;
    const journal = memoryJournal();
    const record = await runDrill({
      pair: examplePair('lab', (p) => void (p.fallback = { enabled: false, delaySeconds: 5 })),
      kind: { kind: 'link', interface: UPLINK },
      probes: [{ host: '127.0.0.1', port }],
      open: ssh,
      prober: tcpProber,
      signal: new AbortController().signal,
      management: { a: '127.0.0.1', b: '127.0.0.1' },
      journal,
      timeouts: { recoveryMs: 1_500 },
      emit: (e) => void (e.kind === 'step' && /every VRRP group moved/.test(e.entry.text) && server.close()),
      meta: { runId: 'drill-stop', targets: { a: 'a', b: 'b' }, tool: 'test' },
    });
    expect(record.outcome).toBe('failed');
    expect(record.message).toMatch(/^stopped: 127\.0\.0\.1:\d+ not answering 2 s after the move; the pair was put back where it started \(device A Active\)$/);
    expect(record.restored).toBe(true);
    expect(record.timeline.filter((e) => e.unexpected).map((e) => e.text)).toEqual([expect.stringMatching(/not answering/)]);
    expect(record.timeline.map((e) => e.text)).toEqual(expect.arrayContaining(['typing "undo shutdown" on GigabitEthernet1/0/2 of device A', 'moving the Active role back to device A']));
    expect(record.standing.a).toMatch(/^device A: Active, primary, control channel Connected, VRRP master of GigabitEthernet1\/0\/1 vrid 1$/);
    expect(record.standing.b).toMatch(/^device B: Standby, secondary/);
    expect(l.members[0]!.device.interfaceUp(UPLINK)).toBe(true);
    expect(l.engine('a').runningStatus()).toBe('Active');
    expect(summarizeJournal(journal.text()).outcome).toBe('rolled-back');
  }, 60_000);
});
