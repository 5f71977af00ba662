import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { summarizeJournal } from '../../src/core/provision/journal';
import type { ApplyOutput, PairProgress, PlanOutput } from '../../src/contract/index';
import { PASSWORD, startLabHost, type LabHost } from './devices-lab';

// pair.check / pair.plan / pair.apply through the host on the lab pair, over the sessions the
// wizard holds: facts-aware validation, a staged plan with the health matrix, a push cancelled
// mid-way and rolled back, then the full push verified and saved, and a second plan empty.
describe('pair.* on the lab pair', () => {
  let h: LabHost;
  beforeAll(async () => {
    h = await startLabHost(241);
    await h.connect('a');
    await h.connect('b');
  }, 30_000);
  afterAll(async () => {
    await h?.close();
  });
  const progress = (opId: string) => h.events.flatMap((e) => (e.event === 'pair.progress' && e.payload.opId === opId ? [e.payload as PairProgress] : []));

  it('plans from the devices, staged, with the health matrix', async () => {
    const r = await h.call<PlanOutput>('pair.plan', { opId: 'op-plan-0001', text: h.pairText });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.data.outcome).toBe('dry-run');
    expect(r.data.health.length).toBeGreaterThanOrEqual(8);
    const a = r.data.devices!.a.add;
    // The lab pair has nothing that synchronises from the primary: stage 1 and stage 3 lines only.
    expect(new Set(a.map((l) => l.stage))).toEqual(new Set(['channel', 'local']));
    expect(a.find((l) => /^vrrp vrid 1 virtual-ip/.test(l.text))?.stage).toBe('local');
    expect(a.find((l) => /remote-backup group/.test(l.text))?.stage).toBe('channel');
    // The plan read the devices, nothing was written.
    const again = await h.call<PlanOutput>('pair.plan', { text: h.pairText });
    expect(again.ok && again.data.devices!.a.add.length).toBe(a.length);
  });

  it('validates with the facts of the discovered devices', async () => {
    const before = await h.call<{ checked: string }>('pair.check', { text: h.pairText });
    expect(before.ok && before.data.checked).toBe('rules');
    await h.call('devices.discover', {});
    const wrongIf = h.pairText.replace('dataChannel: { interface: GigabitEthernet1/0/3, address: 10.2.1.1/24 }', 'dataChannel: { interface: GigabitEthernet9/0/9, address: 10.2.1.1/24 }');
    const r = await h.call<{ checked: string; valid: boolean; diagnostics: { path: string; severity: string }[] }>('pair.check', { text: wrongIf });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.data.checked).toBe('facts');
    expect(r.data.valid).toBe(false);
    expect(r.data.diagnostics.some((d) => d.path === 'devices.a.dataChannel.interface' && d.severity === 'error')).toBe(true);
    const good = await h.call<{ valid: boolean }>('pair.check', { text: h.pairText });
    expect(good.ok && good.data.valid).toBe(true);
  });

  it('cancels a push mid-way: the workflow rolls both devices back to before', async () => {
    const opId = 'op-apply-cancel-1';
    const applying = h.call<ApplyOutput>('pair.apply', { opId, text: h.pairText });
    // Cancel once lines are going out in stage 1 (the control channel).
    const t0 = Date.now();
    while (!progress(opId).some((p) => p.devices.a && p.devices.a.done >= 2) && Date.now() - t0 < 20_000) await new Promise((r) => setTimeout(r, 20));
    expect((await h.call<{ cancelled: boolean }>('ops.cancel', { opId })).ok).toBe(true);
    const r = await applying;
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.data.error?.code).toBe('CANCELLED');
    expect(r.data.outcome).toBe('rolled-back');
    expect(r.data.rollback?.a.differences).toEqual([]);
    expect(r.data.rollback?.b.differences).toEqual([]);
    expect(r.data.saved).toBe(false);
  }, 60_000);

  it('pushes, verifies and saves, with batched per-line progress and a journal', async () => {
    const opId = 'op-apply-full-1';
    const r = await h.call<ApplyOutput>('pair.apply', { opId, text: h.pairText });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.data.error).toBeUndefined();
    expect(r.data).toMatchObject({ outcome: 'success', verified: true, saved: true });
    expect(r.data.healthAfter?.filter((c) => c.status !== 'pass')).toEqual([]);
    expect(existsSync(r.data.journal!)).toBe(true);
    expect(summarizeJournal(readFileSync(r.data.journal!, 'utf8')).outcome).toBe('success');
    const batches = progress(opId);
    const lines = r.data.applied.a + r.data.applied.b;
    // Batched: fewer messages than lines pushed, yet the last counters reach every line.
    expect(batches.length).toBeLessThan(lines);
    const lastA = batches.flatMap((b) => (b.devices.a ? [b.devices.a] : [])).at(-1)!;
    expect(lastA).toMatchObject({ done: r.data.applied.a, total: r.data.applied.a });
    // Every stage is told in the messages, even those shorter than a batch.
    const told = batches.flatMap((b) => b.messages.map((m) => m.text)).join('\n');
    for (const t of ['Stage 1 — control channel', 'Stage 2 — synchronised', 'Stage 3 — per-device', 'Verify', 'Save']) expect(told).toContain(t);
    expect(JSON.stringify(h.events)).not.toContain(PASSWORD);

    const again = await h.call<PlanOutput>('pair.plan', { text: h.pairText });
    expect(again.ok && again.data.outcome).toBe('nothing-to-do');
  }, 60_000);

  it('says which device is missing when one is not connected', async () => {
    await h.call('devices.disconnect', { device: 'b' });
    const r = await h.call('pair.plan', { text: h.pairText });
    expect(r.ok === false && r.error.code === 'DISCONNECTED' && /Device B/.test(r.error.message) && /step 1/.test(r.error.fix ?? '')).toBe(true);
  });
});
