import { describe, expect, it } from 'vitest';
import type { DeviceFacts } from '../../../src/core/model/facts';
import type { Pair } from '../../../src/core/model/pair';
import { expectedState, vrrpFamilies } from '../../../src/core/provision/expected';
import { healthMatrix } from '../../../src/core/provision/health';
import { checkExpectations, type Seen } from '../../../src/core/provision/verify';
import { EXAMPLES } from '../render/examples';
import { healthyRbm } from './rbm-fact';

// as-vrrp plus an IPv6 group numbered as the IPv4 group on the same interface (vrid 1 on
// GigabitEthernet1/0/1): only the family tells the two apart.
const base = EXAMPLES['as-vrrp'] as Pair;
const v6 = { interface: 'GigabitEthernet1/0/1', vrid: 1, group: 'active' as const, mode: 'standard' as const };
const pair: Pair = { ...base, vrrp: [...base.vrrp, { ...v6, virtualIp: 'fe80::1' }, { ...v6, virtualIp: '2001:db8:10::1' }] };
const now = new Date('2026-11-25T15:00:00Z');

/** What a device shows when every group is as expected; `flip` turns that group's state over. */
function groups(k: 'a' | 'b', flip?: { family: 'ipv4' | 'ipv6'; vrid: number }): Seen['vrrp'] {
  return expectedState(pair).devices[k].vrrp.map((g) => {
    const state = g.state ?? 'Master';
    const flipped = flip && flip.family === g.family && flip.vrid === g.vrid;
    return { interface: g.interface, vrid: g.vrid, family: g.family, state: flipped ? (state === 'Master' ? 'Backup' : 'Master') : state };
  });
}

const seen = (k: 'a' | 'b', flip?: { family: 'ipv4' | 'ipv6'; vrid: number }): Seen => ({ rbm: healthyRbm(pair, k), vrrp: groups(k, flip) });

function facts(k: 'a' | 'b', vrrp: DeviceFacts['vrrp']): DeviceFacts {
  return { model: 'M', softwareVersion: '7.1.064', serialNumber: `SN-${k}`, clock: now.toISOString(), interfaces: [], rbm: healthyRbm(pair, k), vrrp, tracks: [], warnings: [] };
}

describe('verification of IPv6 VRRP groups', () => {
  it('reads the IPv6 display only for a plan with IPv6 groups', () => {
    expect(vrrpFamilies(base)).toEqual({ ipv4: true, ipv6: false });
    expect(vrrpFamilies(pair)).toEqual({ ipv4: true, ipv6: true });
    expect(expectedState(pair).devices.a.vrrp.map((g) => [g.family, g.vrid, g.state])).toEqual([['ipv4', 1, 'Master'], ['ipv4', 2, 'Master'], ['ipv6', 1, 'Master']]);
  });

  it('passes when both families show their expected states', () => {
    expect(checkExpectations(expectedState(pair), { a: seen('a'), b: seen('b') }, 'a', { result: 'Consistent', differences: [] })).toEqual([]);
  });

  it('names the IPv6 group, not the IPv4 one of the same number, when it is in the wrong state', () => {
    const f = checkExpectations(expectedState(pair), { a: seen('a'), b: seen('b', { family: 'ipv6', vrid: 1 }) }, 'a', { result: 'Consistent', differences: [] });
    expect(f).toEqual([
      expect.objectContaining({ device: 'b', code: 'verify.expect.vrrp-ipv6-standby', expected: 'Backup', seen: 'Master', params: { vrid: '1', interface: 'GigabitEthernet1/0/1' } }),
    ]);
    expect(f[0]?.expectation).toBe('IPv6 VRRP group 1 on GigabitEthernet1/0/1 (bound to the VRRP standby group)');
  });

  it('an IPv6 group the device does not show is seen as nothing', () => {
    const onlyV4 = { rbm: healthyRbm(pair, 'a'), vrrp: groups('a').filter((g) => g.family === 'ipv4') };
    const f = checkExpectations(expectedState(pair), { a: onlyV4, b: seen('b') }, 'a', { result: 'Consistent', differences: [] });
    expect(f.map((x) => [x.device, x.code, x.seen])).toEqual([['a', 'verify.expect.vrrp-ipv6-active', 'nothing']]);
  });
});

describe('health matrix over IPv6 VRRP groups', () => {
  const vrrp = (h: ReturnType<typeof healthMatrix>) => h.find((c) => c.id === 'vrrp');

  it('passes with both families as expected, fails naming the IPv6 group in the wrong state', () => {
    expect(vrrp(healthMatrix(pair, facts('a', groups('a')), facts('b', groups('b')), now))?.status).toBe('pass');
    const bad = vrrp(healthMatrix(pair, facts('a', groups('a')), facts('b', groups('b', { family: 'ipv6', vrid: 1 })), now));
    expect(bad).toMatchObject({ status: 'fail', reason: 'B IPv6 group 1 is Master, expected Backup' });
  });

  it('facts without any IPv6 group (display vrrp ipv6 verbose not read) leave those groups unread, not missing', () => {
    const v4 = (k: 'a' | 'b') => groups(k).filter((g) => g.family === 'ipv4');
    const c = vrrp(healthMatrix(pair, facts('a', v4('a')), facts('b', v4('b')), now));
    expect(c).toMatchObject({ status: 'warn', code: 'health.vrrp.unread' });
    expect(c?.reason).toBe('not read: A IPv6 group 1 on GigabitEthernet1/0/1; B IPv6 group 1 on GigabitEthernet1/0/1');
  });
});
