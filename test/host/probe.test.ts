import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanOutput, ProbeOutput } from '../../src/contract/index';
import { startLabHost, type LabHost } from './devices-lab';

// pair.probe through the host over the sessions the wizard holds: the Plan step's per-line
// verdicts from the devices' own `?` help, with nothing executed on them.
describe('pair.probe on the lab pair', () => {
  let h: LabHost;
  beforeAll(async () => {
    h = await startLabHost(246);
    await h.connect('a');
    await h.connect('b');
  }, 30_000);
  afterAll(async () => {
    await h?.close();
  });

  /** The plan is the difference to the running configurations: the same plan means the same configurations. */
  const plan = async () => {
    const r = await h.call<PlanOutput>('pair.plan', { text: h.pairText });
    return r.ok ? JSON.stringify(r.data.devices) : JSON.stringify(r.error);
  };

  it('confirms every planned line of both devices and leaves their configuration as it was', async () => {
    const before = await plan();
    const r = await h.call<ProbeOutput>('pair.probe', { opId: 'op-probe-0001', text: h.pairText });
    expect(r.ok ? r.data.confirmed : r.error).toBe(true);
    if (!r.ok) return;
    for (const k of ['a', 'b'] as const) {
      expect(r.data.devices[k].lines.length).toBeGreaterThan(5);
      expect(r.data.devices[k].lines.filter((l) => l.status !== 'confirmed')).toEqual([]);
    }
    expect(r.data.devices.a.lines).toContainEqual(expect.objectContaining({ view: 'remote-backup group', status: 'confirmed' }));
    expect(await plan()).toBe(before);
  }, 60_000);
});
