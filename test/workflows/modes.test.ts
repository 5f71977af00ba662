import { afterEach, describe, expect, it } from 'vitest';
import { comware7 } from '../../src/core/platforms/comware7';
import { expectedState } from '../../src/core/provision/expected';
import { runOp } from '../../src/core/provision/ops';
import { runPair } from '../../src/core/provision/workflow';
import { examplePair, fast, memoryJournal, startLabPair, type LabPair } from './lab-pair';

const meta = { runId: 'test', targets: { a: 'lab-a', b: 'lab-b' }, tool: 'test' };

/**
 * The other modes and collaborations of resources/examples on lab pairs built from each file
 * (its sysnames, interfaces and addresses), keepalive 1 s × 3. Dual-active runs the whole way
 * (VRRP masters split between the devices, then a peer-active operation), and so do the three
 * active/standby collaborations; mirroring runs fully from bare devices, and once as a dry run.
 */
describe('modes and collaborations on the lab pair', () => {
  let lab: LabPair | undefined;
  afterEach(async () => {
    await lab?.stop();
    lab = undefined;
  });

  it('dual-active with four VRRP groups: verified, saved, nothing to do the second time; peer-active verified', async () => {
    const pair = examplePair('dual-active-vrrp', fast);
    lab = await startLabPair(67, pair);
    // From scratch: the channel comes up in active/standby, then `backup-mode dual-active` makes
    // both devices hold a new election and go Active.
    const r = await runPair({ pair, pack: comware7, open: lab.open, journal: memoryJournal(), timeouts: { verifyMs: 20_000 }, meta });
    expect(r.error).toBeUndefined();
    expect(r.outcome).toBe('success');
    expect(r.health.after?.find((c) => c.id === 'vrrp')?.status).toBe('pass');
    // Each device masters the groups bound `active` on it.
    const exp = expectedState(pair);
    expect(exp.devices.a.vrrp.map((g) => g.state)).toEqual(['Master', 'Backup', 'Master', 'Backup']);
    expect(exp.devices.b.vrrp.map((g) => g.state)).toEqual(['Backup', 'Master', 'Backup', 'Master']);
    const again = await runPair({ pair, pack: comware7, open: lab.open, meta });
    expect(again.outcome).toBe('nothing-to-do');

    const [a, b] = await Promise.all([lab.open('a', new AbortController().signal), lab.open('b', new AbortController().signal)]);
    try {
      const o = { pair, sessions: { a, b }, signal: new AbortController().signal, timeoutMs: 15_000, pollMs: 500 };
      await expect(runOp('switchover', o)).rejects.toThrow(/dual-active/);
      const pa = await runOp('peer-active', o);
      expect([pa.after.a.rbm?.runningStatus, pa.after.b.rbm?.runningStatus]).toEqual(['Standby', 'Active']);
      const ps = await runOp('peer-standby', o);
      expect([ps.after.a.rbm?.runningStatus, ps.after.b.rbm?.runningStatus]).toEqual(['Active', 'Standby']);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  }, 60_000);

  it('mirroring with automatic roles: the service addresses are pushed once, to the elected primary, and arrive on the other device', async () => {
    const pair = examplePair('mirroring-track', fast);
    // Lab devices built from the file but without the mirrored service addresses: stage 2 has work to do.
    const bare = examplePair('mirroring-track', (p) => {
      fast(p);
      for (const k of ['a', 'b'] as const) p.devices[k].interfaces = (p.devices[k].interfaces ?? []).map((i) => (i.name === 'GigabitEthernet1/0/0' ? i : { name: i.name }));
    });
    lab = await startLabPair(68, bare);
    const lines: string[] = [];
    const r = await runPair({ pair, pack: comware7, open: lab.open, emit: (e) => e.kind === 'line' && e.stage === 'sync' && lines.push(`${e.device} ${e.line}`), timeouts: { verifyMs: 20_000, syncMs: 15_000 }, meta });
    expect(r.error).toBeUndefined();
    expect(r.outcome).toBe('success');
    // Pushed once, to whichever device the election made primary.
    const to = lines[0]?.slice(0, 1);
    expect(lines).toContain(`${to} ip address 192.168.20.1 255.255.255.0`);
    expect(lines.every((l) => l.startsWith(`${to} `))).toBe(true);
    for (const k of ['a', 'b'] as const) expect(lab.config(k)).toMatch(/interface GigabitEthernet1\/0\/1\n ip address 192\.168\.20\.1 255\.255\.255\.0/);
    expect(r.saved).toBe(true);
    // Issue 5's proof for every mode: the second run plans nothing (mirroring included).
    const again = await runPair({ pair, pack: comware7, open: lab.open, meta });
    expect(again.outcome).toBe('nothing-to-do');
  }, 60_000);

  for (const [i, name] of ['as-vrrp', 'as-ospf-cost', 'as-floating-ip'].entries()) {
    it(`${name}: preflight clean, verified, saved; a second run plans nothing`, async () => {
      const pair = examplePair(name, fast);
      lab = await startLabPair(71 + i, pair);
      const r = await runPair({ pair, pack: comware7, open: lab.open, journal: memoryJournal(), timeouts: { verifyMs: 20_000 }, meta });
      expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
      expect(r.error).toBeUndefined();
      expect(r.outcome).toBe('success');
      expect(r.health.after?.filter((c) => c.status === 'fail')).toEqual([]);
      const again = await runPair({ pair, pack: comware7, open: lab.open, meta });
      expect(again.outcome).toBe('nothing-to-do');
    }, 60_000);
  }

  it('mirroring-track: preflight clean against lab devices built from the file, plan for both devices (dry run)', async () => {
    const pair = examplePair('mirroring-track', fast);
    lab = await startLabPair(74, pair);
    const r = await runPair({ pair, pack: comware7, open: lab.open, dryRun: true, meta });
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(r.outcome).toBe('dry-run');
    // Mirrored addresses are the same on both devices already (the lab was built from the file), so nothing to sync.
    expect(r.plans?.a.add).toContain('backup-mode mirroring');
  }, 30_000);
});
