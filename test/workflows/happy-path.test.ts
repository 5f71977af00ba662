import { afterEach, describe, expect, it } from 'vitest';
import { summarizeJournal } from '../../src/core/provision/journal';
import { runOp } from '../../src/core/provision/ops';
import { runPair } from '../../src/core/provision/workflow';
import { comware7 } from '../../src/core/platforms/comware7';
import type { WorkflowEvent } from '../../src/core/provision/types';
import { examplePair, memoryJournal, startLabPair, type LabPair } from './lab-pair';

const meta = (l: LabPair) => ({ runId: 'test', targets: { a: `ssh://127.0.0.1:${l.port.a}`, b: `ssh://127.0.0.1:${l.port.b}` }, tool: 'test' });

describe('commissioning resources/examples/lab.yaml on the lab pair', () => {
  let lab: LabPair | undefined;
  afterEach(async () => {
    await lab?.stop();
    lab = undefined;
  });

  it('pushes in stages, verifies, saves; a second run plans nothing; manual operations are verified', async () => {
    lab = await startLabPair(64);
    const pair = examplePair('lab');
    const j = memoryJournal();
    const events: WorkflowEvent[] = [];
    const t0 = Date.now();
    const r = await runPair({ pair, pack: comware7, open: lab.open, journal: j, emit: (e) => events.push(e), timeouts: { verifyMs: 20_000 }, meta: meta(lab) });
    const took = Date.now() - t0;
    expect(r.error).toBeUndefined();
    expect(r.outcome).toBe('success');
    expect(r.saved).toBe(true);
    // The health matrix before (nothing configured) and after (everything passes).
    expect(r.health.before?.length).toBeGreaterThanOrEqual(8);
    expect(r.health.before?.find((c) => c.id === 'control-channel')?.status).toBe('n/a');
    expect(r.health.after?.filter((c) => c.status !== 'pass')).toEqual([]);
    // Stages in the order explained, with per-line progress on both devices.
    const stages = events.flatMap((e) => (e.kind === 'stage' && e.phase === 'begin' ? [e.stage] : []));
    expect(stages).toEqual(['connect', 'discover', 'preflight', 'plan', 'prepare', 'channel', 'sync', 'local', 'verify', 'commit', 'save']);
    expect(events.filter((e) => e.kind === 'line' && e.device === 'b').length).toBe(r.plans?.b.add.length);
    // Journal: a begin and a done around every line, commit delay started and confirmed, saved.
    const s = summarizeJournal(j.text());
    expect(s.outcome).toBe('success');
    expect(s.applied.a.map((x) => x.line)).toEqual(r.plans?.a.add);
    expect(s.inFlight).toEqual([]);
    expect(s.commitDelay).toEqual({ a: expect.objectContaining({ confirmed: true }), b: expect.objectContaining({ confirmed: true }) });
    expect(j.records.filter((x) => x.type === 'save').map((x) => x.type === 'save' && x.ok)).toEqual([true, true]);
    // Saved: a power cycle boots into the commissioned configuration.
    expect(lab.lab.members[0]!.device.saved.rbm?.role).toBe('primary');
    expect(lab.lab.members[1]!.device.saved.rbm?.role).toBe('secondary');
    expect(took).toBeLessThan(20_000);

    const again = await runPair({ pair, pack: comware7, open: lab.open, journal: memoryJournal(), meta: meta(lab) });
    expect(again.outcome).toBe('nothing-to-do');
    expect(again.plans).toEqual({ a: expect.objectContaining({ add: [], remove: [] }), b: expect.objectContaining({ add: [], remove: [] }) });

    const [a, b] = await Promise.all([lab.open('a', new AbortController().signal), lab.open('b', new AbortController().signal)]);
    try {
      const o = { pair, sessions: { a, b }, signal: new AbortController().signal, timeoutMs: 15_000, pollMs: 500 };
      const sw = await runOp('switchover', o);
      expect(sw.after.a.rbm?.runningStatus).toBe('Standby');
      expect(sw.after.b.rbm?.runningStatus).toBe('Active');
      const check = await runOp('check', o);
      expect(check.verified).toMatch(/Consistent/);
      await expect(runOp('peer-active', o)).rejects.toThrow(/only in dual-active/);
      const reset = await runOp('switchover', o);
      expect(reset.after.a.rbm?.runningStatus).toBe('Active');
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  }, 60_000);
});
