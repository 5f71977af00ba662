import { afterEach, describe, expect, it } from 'vitest';
import { isAppError } from '../../src/core/base/errors';
import type { PairInput } from '../../src/core/model/pair';
import { comware7 } from '../../src/core/platforms/comware7';
import type { VerifyFailure } from '../../src/core/provision/types';
import { verifyPair } from '../../src/core/provision/verify';
import { healthMatrix } from '../../src/core/provision/health';
import { vrrpFamily } from '../../src/core/provision/expected';
import { discover } from '../../src/core/discover/discover';
import { runPair } from '../../src/core/provision/workflow';
import { examplePair, fast, memoryJournal, startLabPair, type LabPair } from './lab-pair';

const meta = { runId: 'test', targets: { a: 'lab', b: 'lab' }, tool: 'test' };

/** as-vrrp with an IPv6 group numbered as the IPv4 group on GigabitEthernet1/0/1: only the family tells them apart. */
function withIpv6(p: PairInput): void {
  fast(p);
  const g = { interface: 'GigabitEthernet1/0/1', vrid: 1, group: 'active' as const };
  p.vrrp = [...(p.vrrp ?? []), { ...g, virtualIp: 'fe80::1' }, { ...g, virtualIp: '2001:db8:10::1' }];
  for (const [k, host] of [['a', 2], ['b', 3]] as const) {
    const itf = p.devices[k].interfaces?.find((i) => i.name === 'GigabitEthernet1/0/1');
    if (itf) itf.ipv6Address = `2001:db8:10::${host}/64`;
  }
}

describe('IPv6 VRRP groups on the lab pair', () => {
  let lab: LabPair | undefined;
  afterEach(async () => {
    await lab?.stop();
    lab = undefined;
  });

  it('commissioned and verified with display vrrp ipv6 verbose; an IPv6 group in the wrong state fails verification by name', async () => {
    const pair = examplePair('as-vrrp', withIpv6);
    lab = await startLabPair(79, pair);
    const r = await runPair({ pair, pack: comware7, open: lab.open, journal: memoryJournal(), timeouts: { verifyMs: 20_000 }, meta });
    expect(r.error).toBeUndefined();
    expect(r.outcome).toBe('success');
    expect(lab.config('b')).toContain(' vrrp ipv6 vrid 1 virtual-ip fe80::1 link-local standby');

    const [a, b] = await Promise.all([lab.open('a', new AbortController().signal), lab.open('b', new AbortController().signal)]);
    try {
      const o = { pair, sessions: { a, b }, primary: 'a' as const, signal: new AbortController().signal, pollMs: 300, emit: () => {} };
      await verifyPair({ ...o, timeoutMs: 10_000 });
      // Discovery reads the IPv6 display too, so the health matrix checks the IPv6 groups rather than calling them unread.
      const [fa, fb] = [await discover(a, { pack: comware7 }), await discover(b, { pack: comware7 })];
      expect(fa.vrrp.filter((g) => vrrpFamily(g) === 'ipv6').length).toBeGreaterThan(0);
      const vrrpCheck = healthMatrix(pair, fa, fb, new Date()).find((c) => c.id === 'vrrp');
      expect(vrrpCheck?.status).toBe('pass');
      const read = (k: 'a' | 'b') => lab!.lab.members[k === 'a' ? 0 : 1]!.device;

      // B's IPv6 group loses its RBM binding: it masters alone on its link while B is Standby.
      const itf = read('b').running.interfaces.find((i) => i.name === 'GigabitEthernet1/0/1')!;
      for (const v of itf.vrrp6) delete v.group;
      const failed = await verifyPair({ ...o, timeoutMs: 1_000 }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(isAppError(failed) && failed.code).toBe('VERIFY_FAILED');
      const failures = (isAppError(failed) ? failed.details?.failures : undefined) as VerifyFailure[];
      // The IPv6 group is named; the IPv4 group with the same number on the same interface is fine.
      // (A's IPv6 group may react to B's master in the same moment, and the edit makes the two
      // configurations differ, which the consistency check may report: no IPv4 VRRP failure is what matters.)
      expect(failures).toEqual(
        expect.arrayContaining([expect.objectContaining({ device: 'b', code: 'verify.expect.vrrp-ipv6-standby', expected: 'Backup', seen: 'Master', params: { vrid: '1', interface: 'GigabitEthernet1/0/1' } })]),
      );
      expect(failures.map((f) => f.code).filter((c) => c?.startsWith('verify.expect.vrrp-') && !c.startsWith('verify.expect.vrrp-ipv6-'))).toEqual([]);
      expect((failed as Error).message).toContain('IPv6 VRRP group 1 on GigabitEthernet1/0/1');
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  }, 60_000);
});
