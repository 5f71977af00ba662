import { describe, expect, it } from 'vitest';
import type { DeviceFacts } from '../../src/core/model/facts';
import type { Pair } from '../../src/core/model/pair';
import { expectedState } from '../../src/core/provision/expected';
import { healthMatrix } from '../../src/core/provision/health';
import { checkExpectations, type Seen } from '../../src/core/provision/verify';
import { createI18n } from '../../src/i18n/create';
import { healthCheckText, verifyFailureText } from '../../src/i18n/core-text';
import { EXAMPLES } from '../core/render/examples';
import { healthyRbm } from '../core/provision/rbm-fact';
import { expectCoreEnglish } from './core-helpers';

const zh = createI18n('zh-CN');
const now = new Date('2026-11-25T15:00:00Z');
const base = EXAMPLES['as-vrrp'] as Pair;
const v6 = { interface: 'GigabitEthernet1/0/1', vrid: 1, group: 'active' as const, mode: 'standard' as const };
const pair: Pair = { ...base, vrrp: [...base.vrrp, { ...v6, virtualIp: 'fe80::1' }, { ...v6, virtualIp: '2001:db8:10::1' }] };

/** Every group as expected, except that the IPv6 group's state is turned over when `flip`. */
const groups = (k: 'a' | 'b', flip = false): Seen['vrrp'] =>
  expectedState(pair).devices[k].vrrp.map((g) => ({ interface: g.interface, vrid: g.vrid, family: g.family, state: flip && g.family === 'ipv6' ? (g.state === 'Master' ? 'Backup' : 'Master') : (g.state ?? 'Master') }));
const facts = (k: 'a' | 'b', vrrp: DeviceFacts['vrrp']): DeviceFacts => ({ interfaces: [], rbm: healthyRbm(pair, k), vrrp, tracks: [], warnings: [] });

/** Latin words left once the device's own values (interface names, states, commands) are taken out. */
const englishLeft = (text: string, keep: string[]) => keep.reduce((t, v) => t.split(v).join(' '), text).match(/[A-Za-z]{3,}/g) ?? [];
const DEVICE_WORDS = ['GigabitEthernet1/0/1', 'display vrrp ipv6 verbose', 'Master', 'Backup', 'IPv6', 'VRRP'];

describe('IPv6 VRRP sentences in Chinese', () => {
  it('a verification failure names the IPv6 group in Chinese, the interface and states as the device prints them', () => {
    const f = checkExpectations(expectedState(pair), { a: { rbm: healthyRbm(pair, 'a'), vrrp: groups('a') }, b: { rbm: healthyRbm(pair, 'b'), vrrp: groups('b', true) } }, 'a', { result: 'Consistent', differences: [] });
    expect(f).toHaveLength(1);
    const line = verifyFailureText(zh, f[0]!);
    expect(line).toBe('设备 B：GigabitEthernet1/0/1 上的 IPv6 VRRP 备份组 1（绑定到 VRRP 备用组） 应为 Backup，实际为 Master');
    expect(englishLeft(line, DEVICE_WORDS)).toEqual([]);
  });

  it('the health matrix says a wrong IPv6 group and unread IPv6 groups in Chinese', () => {
    const wrong = healthMatrix(pair, facts('a', groups('a')), facts('b', groups('b', true)), now).find((c) => c.id === 'vrrp')!;
    const v4only = (k: 'a' | 'b') => groups(k).filter((g) => g.family === 'ipv4');
    const unread = healthMatrix(pair, facts('a', v4only('a')), facts('b', v4only('b')), now).find((c) => c.id === 'vrrp')!;
    expectCoreEnglish([wrong, unread].flatMap((c) => [{ text: c.reason, code: `${c.code}.reason`, params: c.params }, { text: c.fix, code: `${c.code}.fix`, params: c.params }]).filter((s) => s.text !== ''));
    const w = healthCheckText(zh, wrong);
    expect(w.reason).toContain('B 的 IPv6 备份组 1 为 Master，应为 Backup');
    const u = healthCheckText(zh, unread);
    expect(u.reason).toBe('未读取：A 的 GigabitEthernet1/0/1 上的 IPv6 备份组 1；B 的 GigabitEthernet1/0/1 上的 IPv6 备份组 1');
    expect(u.fix).toContain('display vrrp ipv6 verbose');
    for (const t of [w.reason, w.fix, u.reason, u.fix]) expect(englishLeft(t, [...DEVICE_WORDS, 'RBM'])).toEqual([]);
  });
});
