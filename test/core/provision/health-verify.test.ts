import { describe, expect, it } from 'vitest';
import type { DeviceFacts, RbmFact } from '../../../src/core/model/facts';
import type { Pair } from '../../../src/core/model/pair';
import { configDifferences } from '../../../src/core/provision/config-text';
import { expectedState } from '../../../src/core/provision/expected';
import { healthMatrix } from '../../../src/core/provision/health';
import { refusal } from '../../../src/core/provision/ops';
import { factFindings } from '../../../src/core/provision/preflight';
import { checkExpectations, freshCheck } from '../../../src/core/provision/verify';
import { comware7 } from '../../../src/core/platforms/comware7';
import { healthyRbm } from './rbm-fact';
import { EXAMPLES } from '../render/examples';

const pair = EXAMPLES['as-vrrp'] as Pair;
const now = new Date('2026-11-25T15:00:00Z');

const rbm = (k: 'a' | 'b', over: Partial<RbmFact> = {}): RbmFact => healthyRbm(pair, k, over);

function facts(k: 'a' | 'b', over: Partial<DeviceFacts> = {}): DeviceFacts {
  const exp = expectedState(pair).devices[k];
  return {
    model: 'SecPath F1000-AK1xx',
    softwareVersion: '7.1.064',
    release: 'ESS 1171P23',
    serialNumber: `SN-${k}`,
    clock: now.toISOString(),
    interfaces: [
      { name: 'GigabitEthernet1/0/1', address: k === 'a' ? '10.1.1.1/24' : '10.1.1.2/24' },
      { name: 'GigabitEthernet1/0/2' },
      { name: 'GigabitEthernet1/0/3' },
    ],
    rbm: rbm(k),
    vrrp: exp.vrrp.map((g) => ({ interface: g.interface, vrid: g.vrid, state: g.state ?? 'Master' })),
    tracks: [],
    warnings: [],
    ...over,
  };
}

const status = (checks: ReturnType<typeof healthMatrix>) => Object.fromEntries(checks.map((c) => [c.id, c.status]));

describe('pair health matrix', () => {
  it('has at least 8 named checks, all passing for a commissioned pair', () => {
    const m = healthMatrix(pair, facts('a'), facts('b'), now);
    expect(m.length).toBeGreaterThanOrEqual(8);
    expect(m.filter((c) => c.status !== 'pass')).toEqual([]);
    expect(m.map((c) => c.id)).toEqual(['model', 'software', 'rbm-port', 'clock-skew', 'identity', 'roles', 'control-channel', 'data-channel', 'config-sync', 'vrrp']);
  });

  it('before commissioning the RBM checks are n/a, not failures', () => {
    const m = status(healthMatrix(pair, facts('a', { rbm: { configured: false }, vrrp: [] }), facts('b', { rbm: { configured: false }, vrrp: [] }), now));
    expect(m).toMatchObject({ model: 'pass', 'rbm-port': 'n/a', roles: 'n/a', 'control-channel': 'n/a', 'data-channel': 'n/a', 'config-sync': 'n/a', vrrp: 'n/a' });
  });

  it('names what is wrong and how to fix it', () => {
    const m = healthMatrix(
      pair,
      facts('a', { model: 'SecPath F1000-X', rbm: rbm('a', { port: 60065, controlChannel: 'Disconnected' }) }),
      facts('b', { serialNumber: 'SN-a', clock: new Date(now.getTime() + 200_000).toISOString(), rbm: rbm('b', { runningStatus: 'Active', consistency: 'Inconsistent' }) }),
      now,
    );
    const by = Object.fromEntries(m.map((c) => [c.id, c]));
    expect(by.model).toMatchObject({ status: 'fail', reason: 'A has SecPath F1000-X, B has SecPath F1000-AK1xx' });
    expect(by['rbm-port']?.status).toBe('fail');
    expect(by['clock-skew']).toMatchObject({ status: 'fail', reason: expect.stringMatching(/differ by 200\.0 s/) });
    expect(by.identity).toMatchObject({ status: 'fail', reason: 'both connections reach serial SN-a' });
    expect(by.roles?.reason).toMatch(/B is Active, planned Standby/);
    expect(by['control-channel']).toMatchObject({ status: 'fail', reason: 'A shows Disconnected (expected Connected)' });
    expect(by['config-sync']?.status).toBe('fail');
    for (const c of m) if (c.status === 'fail') expect(c.fix).not.toBe('');
  });

  it('clock skew: pass up to 10 s, warn up to 120 s', () => {
    const skew = (s: number) => status(healthMatrix(pair, facts('a'), facts('b', { clock: new Date(now.getTime() + s * 1000).toISOString() }), now))['clock-skew'];
    expect([skew(9), skew(60), skew(121)]).toEqual(['pass', 'warn', 'fail']);
  });
});

describe('preflight fact checks', () => {
  it('missing interface is an error; a different address is a warning naming old → new', () => {
    const f = factFindings(pair, { a: facts('a', { interfaces: facts('a').interfaces.filter((i) => i.name !== 'GigabitEthernet1/0/2') }), b: facts('b', { interfaces: [...facts('b').interfaces.slice(1), { name: 'GigabitEthernet1/0/1', address: '10.9.9.9/24' }] }) });
    expect(f).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ severity: 'error', message: 'device a has no interface GigabitEthernet1/0/2' }),
        expect.objectContaining({ severity: 'warning', message: 'device b GigabitEthernet1/0/1: the address changes 10.9.9.9/24 → 10.1.1.2/24' }),
      ]),
    );
  });

  it('an aggregation member port taking an address is an error', () => {
    const f = factFindings(pair, { a: facts('a', { interfaces: facts('a').interfaces.map((i) => (i.name === 'GigabitEthernet1/0/1' ? { ...i, aggregateMember: 'Route-Aggregation1' } : i)) }), b: facts('b') });
    expect(f).toEqual([expect.objectContaining({ rule: 'preflight.aggregation', severity: 'error', fix: 'put the address on Route-Aggregation1 instead' })]);
  });
});

describe('verification judgement', () => {
  const exp = expectedState(pair);
  const seen = (k: 'a' | 'b', over: Partial<RbmFact> = {}) => ({ rbm: rbm(k, over), vrrp: facts(k).vrrp });

  it('met expectations give no failure', () => {
    expect(checkExpectations(exp, { a: seen('a'), b: seen('b') }, 'a', { result: 'Consistent', differences: [] })).toEqual([]);
  });

  it('each unmet expectation is named with what was seen', () => {
    const f = checkExpectations(exp, { a: seen('a', { controlChannel: 'Disconnected' }), b: { rbm: rbm('b', { dataChannelState: 'Down' }), vrrp: [] } }, 'a', { result: 'Inconsistent', differences: ['+ interface GigabitEthernet1/0/9'] });
    expect(f).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ device: 'a', expectation: 'control channel', expected: 'Connected', seen: 'Disconnected' }),
        expect.objectContaining({ device: 'b', expectation: 'data channel', expected: 'Up', seen: 'Down' }),
        expect.objectContaining({ device: 'b', expectation: 'VRRP group 1 on GigabitEthernet1/0/1 (bound to the VRRP standby group)', expected: 'Backup', seen: 'nothing' }),
        expect.objectContaining({ device: 'a', expectation: 'configuration consistency check', expected: 'Consistent', seen: 'Inconsistent (+ interface GigabitEthernet1/0/9)' }),
      ]),
    );
  });

  it('a consistency result older than the check just started does not count', () => {
    const old = { result: 'Consistent' as const, time: '2026-11-25 14:00:00', differences: [] };
    expect(freshCheck(old, old, 1000, 1500)).toBe(false);
    expect(freshCheck(old, { ...old, time: '2026-11-25 15:00:00' }, 1000, 1500)).toBe(true);
    expect(freshCheck({ result: 'Not Performed', differences: [] }, old, 1000, 1500)).toBe(true);
    expect(freshCheck(old, old, 1000, 4500)).toBe(true);
  });
});

describe('manual operations by mode', () => {
  it('peer-active/standby only in dual-active; switchover not in dual-active', () => {
    expect(refusal(pair, 'peer-active')).toMatch(/only in dual-active/);
    expect(refusal(pair, 'switchover')).toBeUndefined();
    const dual = EXAMPLES['dual-active'] ?? Object.values(EXAMPLES).find((p) => p.mode === 'dual-active');
    expect(dual).toBeDefined();
    expect(refusal(dual as Pair, 'switchover')).toMatch(/dual-active/);
    expect(refusal(dual as Pair, 'peer-standby')).toBeUndefined();
  });

  it('reset is refused while its command is unverified (no vendor text names it); a pack that verifies it allows it', () => {
    expect(refusal(pair, 'reset')).toMatch(/reset remote-backup-group election.*no vendor document names/);
    const corrected = { ...comware7, commands: { ...comware7.commands, opReset: { ...comware7.commands.opReset!, verified: true } } };
    expect(refusal(pair, 'reset', corrected)).toBeUndefined();
  });
});

describe('expected state: VRRP bindings per the seed', () => {
  it('active/standby: the primary binds the active group and masters it, the secondary binds the standby group and waits', () => {
    const exp = expectedState(pair);
    expect(exp.devices.a.vrrp.map((g) => [g.vrid, g.group, g.state])).toEqual([[1, 'active', 'Master'], [2, 'active', 'Master']]);
    expect(exp.devices.b.vrrp.map((g) => [g.vrid, g.group, g.state])).toEqual([[1, 'standby', 'Backup'], [2, 'standby', 'Backup']]);
  });

  it('dual-active: b holds the inverse binding; each device masters what it binds active', () => {
    const exp = expectedState(EXAMPLES['da-vrrp'] as Pair);
    expect(exp.devices.a.vrrp.map((g) => `${g.group}:${g.state}`)).toEqual(['active:Master', 'standby:Backup']);
    expect(exp.devices.b.vrrp.map((g) => `${g.group}:${g.state}`)).toEqual(['standby:Backup', 'active:Master']);
  });

  it('an IPv6 group listed with its link-local and a global address is one expectation', () => {
    const v6 = { ...pair, vrrp: [{ interface: 'GigabitEthernet1/0/1', vrid: 7, virtualIp: 'fe80::7', group: 'active' as const, mode: 'standard' as const }, { interface: 'GigabitEthernet1/0/1', vrid: 7, virtualIp: '2001:db8::7', group: 'active' as const, mode: 'standard' as const }] };
    expect(expectedState(v6).devices.b.vrrp).toEqual([{ interface: 'GigabitEthernet1/0/1', vrid: 7, family: 'ipv6', group: 'standby', state: 'Backup' }]);
  });
});

describe('configuration text comparison', () => {
  it('names the differing lines with their view, whatever the view order', () => {
    const a = '#\ninterface G1\n ip address 1.1.1.1 24\n#\ninterface G2\n description x\n#\nreturn\n';
    const b = '#\ninterface G2\n description  x\n#\ninterface G1\n#\ntrack 1 interface G1\n#\nreturn\n';
    expect(configDifferences(a, b)).toEqual(['- interface G1 > ip address 1.1.1.1 24', '+ track 1 interface G1']);
    expect(configDifferences(a, a)).toEqual([]);
  });
});

describe('rollback second pass', () => {
  it('types missing lines back in their view and undoes left-over ones, left-overs first', async () => {
    const { restoreLists } = await import('../../../src/core/provision/restore');
    const { comware7 } = await import('../../../src/core/platforms/comware7');
    const r = restoreLists(
      ['- interface GigabitEthernet1/0/0 > ip address 192.0.2.31 255.255.255.0', '- local-user admin class manage > password hash $h$6$x$y', '+ interface GigabitEthernet1/0/1 > ip address 192.168.20.1 255.255.255.0', '+ remote-backup group', '+ something unknown'],
      comware7,
    );
    expect(r.lists).toEqual([
      ['interface GigabitEthernet1/0/1', 'undo ip address 192.168.20.1 255.255.255.0', 'quit'],
      ['undo remote-backup group'],
      ['interface GigabitEthernet1/0/0', 'ip address 192.0.2.31 255.255.255.0', 'quit'],
      ['local-user admin class manage', 'password hash $h$6$x$y', 'quit'],
    ]);
    expect(r.unknown).toEqual(['+ something unknown']);
  });
});
