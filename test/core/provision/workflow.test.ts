import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/core/base/errors';
import type { DeviceKey, Pair } from '../../../src/core/model/pair';
import { comware7 } from '../../../src/core/platforms/comware7';
import { summarizeJournal, type JournalRecord } from '../../../src/core/provision/journal';
import type { SessionFactory } from '../../../src/core/provision/types';
import { runPair } from '../../../src/core/provision/workflow';
import { LabDevice } from '../../../src/lab/device/index';
import { EXAMPLES } from '../render/examples';
import { InProcessSession } from './in-process-session';

/**
 * The workflow against in-process lab appliances (no RBM runtime, so verification cannot pass:
 * these cases fail before or during the push). Each case checks what the devices hold afterwards.
 */
const pair = EXAMPLES['as-vrrp'] as Pair;
const meta = { runId: 'r', targets: { a: 'a', b: 'b' }, tool: 't' };
const timeouts = { verifyMs: 2_000, pollMs: 200 };

function rig(o: { hangUpB?: string; reopenB?: boolean; cancelOn?: string } = {}) {
  const devices = { a: new LabDevice({ key: 'a', sysname: pair.devices.a.sysname }), b: new LabDevice({ key: 'b', sysname: pair.devices.b.sysname }) };
  const config = (k: DeviceKey) => (new InProcessSession(devices[k]).cli.execute('display current-configuration').lines ?? []).join('\n');
  const before = { a: config('a'), b: config('b') };
  const opens: Record<DeviceKey, number> = { a: 0, b: 0 };
  const ctrl = new AbortController();
  const open: SessionFactory = async (k) => {
    opens[k]++;
    if (k === 'b' && opens.b > 1 && o.reopenB === false) throw new AppError('CONNECT_FAILED', 'no route to device B');
    const s = new InProcessSession(devices[k]);
    if (k === 'b' && opens.b === 1 && o.hangUpB) s.hangUp = { line: o.hangUpB, when: 'after' };
    if (o.cancelOn && k === 'a') {
      const exec = s.exec.bind(s);
      s.exec = async (c, x) => {
        if (c === o.cancelOn) ctrl.abort();
        return exec(c, x);
      };
    }
    return s;
  };
  const records: JournalRecord[] = [];
  return { devices, config, before, opens, open, ctrl, records, journal: { append: (r: JournalRecord) => void records.push(r) } };
}

describe('workflow failures on in-process appliances', () => {
  it('B hangs up after running a line: B is reconnected for the rollback, both configurations equal the pre-push copies', async () => {
    const t = rig({ hangUpB: 'remote-ip 10.2.1.1 port 60064' });
    const r = await runPair({ pair, pack: comware7, open: t.open, journal: t.journal, timeouts, meta });
    expect(r.error?.code).toBe('DISCONNECTED');
    expect(r.outcome).toBe('rolled-back');
    expect(t.opens.b).toBe(2);
    expect(t.config('a')).toBe(t.before.a);
    expect(t.config('b')).toBe(t.before.b);
    const s = summarizeJournal(t.records.map((x) => JSON.stringify(x)).join('\n'));
    expect(s.rolledBack).toEqual({ a: 'done', b: 'done' });
    // The line whose fate was unknown was undone too (it had in fact been applied).
    expect(t.records.some((x) => x.type === 'step' && x.phase === 'failed' && x.device === 'b' && x.line === 'remote-ip 10.2.1.1 port 60064')).toBe(true);
  });

  it('B cannot be reached again: A is restored, B is reported relying on its commit-delay revert, exit state rollback-incomplete', async () => {
    const t = rig({ hangUpB: 'remote-ip 10.2.1.1 port 60064', reopenB: false });
    const r = await runPair({ pair, pack: comware7, open: t.open, journal: t.journal, timeouts: { rollbackMs: 5_000 }, meta });
    expect(r.outcome).toBe('rollback-incomplete');
    expect(r.rollback?.a.differences).toEqual([]);
    expect(r.rollback?.b.unreachable?.reason).toMatch(/no route to device B/);
    expect(Date.parse(r.rollback?.b.unreachable?.revertsAt ?? '')).toBeGreaterThan(Date.now() + 9 * 60_000);
    expect(t.devices.b.commitPending()).toBe(true);
    expect(t.devices.a.commitPending()).toBe(false);
    expect(t.config('a')).toBe(t.before.a);
  });

  it('--no-rollback keeps what was applied and ends the commit-delay window', async () => {
    const t = rig({ hangUpB: 'remote-ip 10.2.1.1 port 60064' });
    const r = await runPair({ pair, pack: comware7, open: t.open, journal: t.journal, noRollback: true, timeouts, meta });
    expect(r.outcome).toBe('failed-kept');
    expect(r.applied.a).toBeGreaterThan(0);
    expect(t.config('a')).toMatch(/remote-backup group/);
    expect(t.devices.a.commitPending()).toBe(false);
    expect(summarizeJournal(t.records.map((x) => JSON.stringify(x)).join('\n')).outcome).toBe('failed-kept');
  });

  it('a cancel mid-push is rolled back like any failure', async () => {
    const t = rig({ cancelOn: 'local-ip 10.2.1.1' });
    const r = await runPair({ pair, pack: comware7, open: t.open, journal: t.journal, signal: t.ctrl.signal, meta });
    expect(r.error?.code).toBe('CANCELLED');
    expect(r.outcome).toBe('rolled-back');
    expect(t.config('a')).toBe(t.before.a);
    expect(t.config('b')).toBe(t.before.b);
  });

  it('preflight errors stop the run before a byte is pushed, every finding with its fix', async () => {
    const bad = structuredClone(pair);
    bad.devices.b.interfaces = [...bad.devices.b.interfaces, { name: 'GigabitEthernet9/0/9' }];
    const t = rig();
    const typed: string[] = [];
    const open: SessionFactory = async (k, s) => {
      const x = (await t.open(k, s)) as InProcessSession;
      const exec = x.exec.bind(x);
      x.exec = async (c, o) => (typed.push(c), exec(c, o));
      return x;
    };
    const r = await runPair({ pair: bad, pack: comware7, open, journal: t.journal, meta });
    expect(r.outcome).toBe('preflight-failed');
    expect(r.findings).toEqual(expect.arrayContaining([expect.objectContaining({ severity: 'error', path: `devices.b.interfaces[${pair.devices.b.interfaces.length}].name`, message: 'device b has no interface GigabitEthernet9/0/9' })]));
    expect(r.findings.every((f) => f.fix.length > 0)).toBe(true);
    expect(typed.filter((c) => !c.startsWith('display'))).toEqual([]);
    expect(t.records).toEqual([]);
  });

  it('a dry run plans both devices and changes nothing', async () => {
    const t = rig();
    const r = await runPair({ pair, pack: comware7, open: t.open, journal: t.journal, dryRun: true, meta });
    expect(r.outcome).toBe('dry-run');
    expect(r.plans?.a.add[0]).toBe('interface GigabitEthernet1/0/3');
    expect(t.config('a')).toBe(t.before.a);
    expect(summarizeJournal(t.records.map((x) => JSON.stringify(x)).join('\n')).outcome).toBe('dry-run');
  });
});
