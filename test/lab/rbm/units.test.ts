import { describe, expect, it } from 'vitest';
import { LineDecoder, encodeLine } from '../../../src/lab/rbm/framing';
import { diffConfig, intervalText, msUntilNextCheck } from '../../../src/lab/rbm/consistency';
import { isServerSide, statusOnJoin, winsElection } from '../../../src/lab/rbm/election';
import { vrrpStateFor } from '../../../src/lab/rbm/vrrp';
import { RateAccumulator, SessionTable } from '../../../src/lab/rbm/sessions';
import { rbmConfig } from '../fakes/fake-device';

describe('RBM framing', () => {
  it('decodes JSON lines whatever the chunking', () => {
    const text = encodeLine({ t: 'ka', n: 1 }) + encodeLine({ t: 'hello', x: 'é' });
    for (let cut = 0; cut <= text.length; cut++) {
      const d = new LineDecoder();
      const msgs = [...d.feed(text.slice(0, cut)), ...d.feed(text.slice(cut))];
      expect(msgs).toEqual([{ t: 'ka', n: 1 }, { t: 'hello', x: 'é' }]);
    }
  });
  it('rejects a frame without a type', () => {
    expect(() => new LineDecoder().feed('{"x":1}\n')).toThrow(/without a type/);
  });
});

describe('consistency check', () => {
  it('lists + lines only on the primary and - lines only on the secondary, ignoring order', () => {
    expect(diffConfig(['a', 'b', 'c'], ['c', 'a'])).toEqual(['+ b']);
    expect(diffConfig(['a'], ['a', 'z'])).toEqual(['- z']);
    expect(diffConfig(['x', 'x'], ['x'])).toEqual(['+ x']);
    expect(diffConfig(['a', 'b'], ['b', 'a'])).toEqual([]);
  });
  it('schedules interval, daily and weekly checks', () => {
    const now = new Date(2026, 10, 25, 14, 0, 0); // a Wednesday
    expect(msUntilNextCheck(rbmConfig({ syncCheck: { enabled: true, schedule: { intervalHours: 2 } } }), now)).toBe(2 * 3_600_000);
    expect(msUntilNextCheck(rbmConfig({ syncCheck: { enabled: true, schedule: { daily: '15:30' } } }), now)).toBe(90 * 60_000);
    expect(msUntilNextCheck(rbmConfig({ syncCheck: { enabled: true, schedule: { daily: '13:00' } } }), now)).toBe(23 * 3_600_000);
    expect(msUntilNextCheck(rbmConfig({ syncCheck: { enabled: true, schedule: { weekly: { day: 'fri', at: '14:00' } } } }), now)).toBe(2 * 86_400_000);
    expect(msUntilNextCheck(rbmConfig({ syncCheck: { enabled: false } }), now)).toBeUndefined();
    expect(intervalText(rbmConfig({ syncCheck: { enabled: true } }))).toBe('1 hour');
  });
});

describe('election', () => {
  const c = (ip: string, over: object = {}) => ({ ip, status: 'Initial' as const, healthy: true, configuredRole: undefined, ...over });
  it('the higher IP is the TCP server', () => {
    expect(isServerSide('10.2.1.2', '10.2.1.1')).toBe(true);
    expect(isServerSide('10.2.1.10', '10.2.1.9')).toBe(true); // numeric, not text order
    expect(isServerSide('10.2.1.1', '10.2.1.2')).toBe(false);
  });
  it('is antisymmetric: health, then primary, then the higher IP', () => {
    const pairs = [
      [c('10.0.0.1', { healthy: false }), c('10.0.0.2', { configuredRole: 'secondary' })],
      [c('10.0.0.1', { configuredRole: 'primary' }), c('10.0.0.2', { configuredRole: 'secondary' })],
      [c('10.0.0.1', { configuredRole: 'auto' }), c('10.0.0.2', { configuredRole: 'auto' })],
    ] as const;
    for (const [x, y] of pairs) expect(winsElection(x, y)).toBe(!winsElection(y, x));
    expect(winsElection(pairs[1][0], pairs[1][1])).toBe(true);
    expect(winsElection(pairs[2][0], pairs[2][1])).toBe(false);
  });
  it('an Active device keeps its state against a returning peer; dual-active is Active when healthy', () => {
    expect(statusOnJoin('active-standby', c('10.0.0.2', { status: 'Active', configuredRole: 'secondary' }), c('10.0.0.1', { configuredRole: 'primary' }), false)).toBe('Active');
    expect(statusOnJoin('active-standby', c('10.0.0.1', { configuredRole: 'primary' }), c('10.0.0.2', { status: 'Active' }), false)).toBe('Standby');
    expect(statusOnJoin('dual-active', c('10.0.0.1'), c('10.0.0.2', { status: 'Active' }), false)).toBe('Active');
    expect(statusOnJoin('dual-active', c('10.0.0.1'), c('10.0.0.2'), true)).toBe('Standby');
  });
});

describe('RBM-bound VRRP', () => {
  type Role = 'primary' | 'secondary' | 'auto' | undefined;
  const ctx = (local: 'Initial' | 'Active' | 'Standby', mode: 'active-standby' | 'dual-active', peerActive: boolean, role: Role = undefined) => ({ powered: true, mode, local, peerActive, role });
  it('A/S: the primary masters through its VRRP active group, the secondary through its standby group, only while Active', () => {
    expect(vrrpStateFor('active', ctx('Active', 'active-standby', false, 'primary'))).toBe('Master');
    expect(vrrpStateFor('active', ctx('Standby', 'active-standby', true, 'primary'))).toBe('Backup');
    expect(vrrpStateFor('standby', ctx('Active', 'active-standby', false, 'secondary'))).toBe('Master');
    expect(vrrpStateFor('standby', ctx('Standby', 'active-standby', true, 'secondary'))).toBe('Backup');
    expect(vrrpStateFor('active', ctx('Initial', 'active-standby', false, 'primary'))).toBe('Initialize');
  });
  it('A/S: a group bound to the other VRRP group never becomes master, even on the Active device', () => {
    expect(vrrpStateFor('active', ctx('Active', 'active-standby', false, 'secondary'))).toBe('Backup');
    expect(vrrpStateFor('standby', ctx('Active', 'active-standby', false, 'primary'))).toBe('Backup');
  });
  it('A/S with automatic roles: either binding follows the running status', () => {
    for (const g of ['active', 'standby'] as const) {
      expect(vrrpStateFor(g, ctx('Active', 'active-standby', false, 'auto'))).toBe('Master');
      expect(vrrpStateFor(g, ctx('Standby', 'active-standby', true, 'auto'))).toBe('Backup');
    }
  });
  it('dual-active: standby groups Master only while the peer is not Active', () => {
    expect(vrrpStateFor('standby', ctx('Active', 'dual-active', true, 'secondary'))).toBe('Backup');
    expect(vrrpStateFor('standby', ctx('Active', 'dual-active', false, 'primary'))).toBe('Master');
    expect(vrrpStateFor('active', ctx('Active', 'dual-active', true, 'secondary'))).toBe('Master');
    expect(vrrpStateFor('active', ctx('Standby', 'dual-active', true, 'primary'))).toBe('Backup');
  });
});

describe('sessions', () => {
  it('turns a rate into whole sessions per tick without losing the fraction', () => {
    const acc = new RateAccumulator(15);
    let n = 0;
    for (let i = 0; i < 10; i++) n += acc.take(100);
    expect(n).toBe(15);
  });
  it('counts local and received sessions; receiving twice does not duplicate', () => {
    const a = new SessionTable('a');
    const b = new SessionTable('b');
    const made = a.create(10, 1000);
    b.receive(made);
    b.receive(made.slice(0, 3));
    expect(b.counters()).toMatchObject({ total: 10, receivedFromPeer: 13, createdLocally: 0 });
    expect(a.counters()).toMatchObject({ total: 10, createdLocally: 10 });
  });
});
