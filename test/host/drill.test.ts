import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DrillResultSchema, MonitorSnapshotSchema, type DrillResult, type MonitorEvent } from '../../src/contract/index';
import { summarizeJournal } from '../../src/core/provision/journal';
import { createHost, type Host } from '../../src/host/index';
import { createLabAdapter } from '../../src/host/lab-adapter';
import { commissionLab, portOf } from './monitor-lab';

/** drill.run through the host, on the app's lab pair while the monitor watches it. */
const root = new URL('../../', import.meta.url).pathname;
let host: Host;
let work: string;

const ok = async <T>(p: Promise<{ ok: boolean; data?: unknown; error?: unknown }>): Promise<T> => {
  const r = await p;
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.data as T;
};

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'hp-host-drill-'));
  const lab = createLabAdapter({ stateDir: join(work, 'lab'), sshPortBase: 0, pairIndexBase: 253, examplesDir: join(root, 'resources', 'examples') });
  host = createHost({ version: '0.0.0', mode: 'browser', examplesDir: join(root, 'resources', 'examples'), lab, dataDir: join(work, 'data'), monitor: { dbFile: join(work, 'm.sqlite'), syslogPort: 0, metricsPort: 0 } });
  await ok(host.invoke('settings.set', { monitorIntervalSeconds: 1 }));
  await ok(host.invoke('lab.start', {}));
  await ok(host.invoke('monitor.start', { source: 'lab' }));
  const snap = MonitorSnapshotSchema.parse(await ok(host.invoke('monitor.snapshot', {})));
  await commissionLab(lab.access!()!, portOf(snap.receivers.syslog));
}, 60_000);

afterAll(async () => {
  await host?.dispose();
  rmSync(work, { recursive: true, force: true });
});

describe('drill.run on a monitored pair', () => {
  it('runs a confirmed switchover drill with progress, journals it and adds it to the monitor history', async () => {
    // The commissioned pair settles (A Active) before the drill's health matrix may pass.
    let r: DrillResult | undefined;
    const steps: string[] = [];
    const off = host.onEvent((e) => e.event === 'op.progress' && e.payload.opId === 'op-drill-1' && steps.push(e.payload.step));
    let attempts = 0;
    for (; attempts < 20 && r?.outcome !== 'passed'; attempts++) {
      r = DrillResultSchema.parse(await ok(host.invoke('drill.run', { opId: 'op-drill-1', pair: 'lab', confirmed: true })));
      if (r.outcome !== 'passed') await new Promise((res) => setTimeout(res, 1_000));
    }
    off.dispose();
    expect(r?.outcome, r?.message).toBe('passed');
    expect(r!.switchoverMs).toBeGreaterThan(0);
    expect(r!.interruptionMs).toBeNull(); // no probes given
    expect(r!.plan.join('\n')).toMatch(/Trigger: "switchover request" typed on device A/);
    expect(steps).toEqual(expect.arrayContaining([expect.stringMatching(/^typing "switchover request" on device A$/), expect.stringMatching(/^switchover: \d+ ms/)]));
    expect(existsSync(r!.journal)).toBe(true);
    expect(summarizeJournal(readFileSync(r!.journal, 'utf8')).drill?.outcome).toBe('passed');
    const { events } = await ok<{ events: MonitorEvent[] }>(host.invoke('monitor.history', { pair: 'lab' }));
    // Every drill is an event, a refused one (the pair still settling) too.
    const drills = events.filter((e) => e.kind === 'drill');
    expect(drills).toHaveLength(attempts);
    expect(drills.at(-1)).toEqual(expect.objectContaining({ outcome: 'passed', drill: 'switchover', journal: r!.journal, switchoverMs: r!.switchoverMs }));
  }, 60_000);

  it('a drill not confirmed changes nothing; an unknown pair and a bad probe are refused', async () => {
    const no = DrillResultSchema.parse(await ok(host.invoke('drill.run', { opId: 'op-drill-2', pair: 'lab', confirmed: true, confirmation: 'no' })));
    expect(no).toMatchObject({ outcome: 'declined', message: 'not confirmed: nothing was done', switchoverMs: null });
    const unknown = await host.invoke('drill.run', { opId: 'op-drill-3', pair: 'nope', confirmed: true });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const bad = await host.invoke('drill.run', { opId: 'op-drill-4', pair: 'lab', confirmed: true, probes: ['10.1.1.3'] });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const unconfirmed = await host.invoke('drill.run', { opId: 'op-drill-5', pair: 'lab' });
    expect(unconfirmed).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  }, 60_000);
});
