import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { HostEvent, MonitorEvent, PairStatus } from '../../src/contract/index';
import { createHost, type Host } from '../../src/host/index';

/** monitor.start's answers without a lab: what it refuses, and what it does with a device that is not there. */
const root = new URL('../../', import.meta.url).pathname;
// The lab pair file, pointed at a port nothing listens on.
const text = (port: number) => readFileSync(join(root, 'resources', 'examples', 'lab.yaml'), 'utf8').replaceAll('127.0.0.1:2201', `127.0.0.1:${port}`).replaceAll('127.0.0.1:2202', `127.0.0.1:${port}`);

let host: Host | undefined;
afterEach(async () => {
  await host?.dispose();
  host = undefined;
});

function make() {
  const h = createHost({ version: '0', mode: 'browser', examplesDir: join(root, 'resources', 'examples'), monitor: { syslogPort: false, metricsPort: false } });
  const events: MonitorEvent[] = [];
  h.onEvent((e: HostEvent) => e.event === 'monitor.events' && events.push(...e.payload.events));
  host = h;
  return { h, events };
}

describe('monitor.start', () => {
  it('says what is missing: no lab, no password, a file that does not load', async () => {
    const { h } = make();
    const lab = await h.invoke('monitor.start', { source: 'lab' });
    expect(!lab.ok && lab.error).toMatchObject({ code: 'NOT_FOUND', fix: expect.stringMatching(/Start it on Home/) });
    const nopw = await h.invoke('monitor.start', { source: 'file', text: text(1) });
    expect(!nopw.ok && nopw.error).toMatchObject({ code: 'AUTH_FAILED', fix: expect.stringMatching(/password/) });
    const bad = await h.invoke('monitor.start', { source: 'file', text: 'name: [' });
    expect(!bad.ok && bad.error.code).toBe('VALIDATION');
  });

  it('watches a pair whose devices do not answer: unreachable events, same pair once, moved devices relaunch', async () => {
    const { h, events } = make();
    await h.invoke('settings.set', { monitorIntervalSeconds: 1 });
    const first = await h.invoke('monitor.start', { source: 'file', text: text(1), passwords: { a: 'x', b: 'y' } });
    expect(first.ok && (first.data as PairStatus).verdict).toBe('unknown');
    for (let i = 0; i < 50 && events.filter((e) => e.kind === 'device-unreachable').length < 2; i++) await new Promise((r) => setTimeout(r, 100));
    expect(events.filter((e) => e.kind === 'device-unreachable').map((e) => 'device' in e && e.device).sort()).toEqual(['a', 'b']);
    const again = await h.invoke('monitor.start', { source: 'file', text: text(1), passwords: { a: 'x', b: 'y' } });
    expect(again.ok && (again.data as PairStatus).verdict).toBe('down'); // the running watch, not a new one
    const moved = await h.invoke('monitor.start', { source: 'file', text: text(2), passwords: { a: 'x', b: 'y' } });
    expect(moved.ok && (moved.data as PairStatus).verdict).toBe('unknown'); // relaunched for the new address
    const snap = await h.invoke('monitor.snapshot', {});
    expect(snap.ok && (snap.data as { pairs: unknown[]; receivers: { syslog?: string } })).toMatchObject({ pairs: [{ pair: 'lab' }], receivers: { warnings: [] } });
  });
});
