import { describe, expect, it } from 'vitest';
import { parseVrrp } from '../../../src/core/parse/vrrp';
import { device, fakeRuntime, run } from './helpers';

const show = (d: ReturnType<typeof device>, cmd: string) => run(d, [cmd]).slice(1);

// An IPv4 and an IPv6 group share VRID 1 on one interface; the IPv6 one has a link-local and a
// global address, typed global-last as the file must list them.
const SETUP = [
  'interface GigabitEthernet1/0/1',
  ' ip address 10.1.1.1 24',
  ' ipv6 address 2001:db8:10::2 64',
  ' ipv6 address fe80::2 link-local',
  ' vrrp vrid 1 virtual-ip 10.1.1.3 active',
  ' vrrp ipv6 vrid 1 virtual-ip fe80::1 link-local active',
  ' vrrp ipv6 vrid 1 virtual-ip 2001:db8:10::1 active',
  ' vrrp ipv6 vrid 2 virtual-ip fe80::22 link-local standby',
];

describe('display vrrp ipv6 verbose on the lab', () => {
  it('prints a group once with its addresses, link-local first, in the IPv4 verbose form', () => {
    const d = device();
    d.applyConfig(SETUP);
    d.attachRbm(fakeRuntime());
    const out = show(d, 'display vrrp ipv6 verbose');
    expect(out.slice(0, 3)).toEqual(['IPv6 Virtual Router Information:', ' Running Mode      : Standard', ' Total number of virtual routers : 2']);
    const at = out.indexOf('     Virtual IP       : fe80::1');
    expect(at).toBeGreaterThan(0);
    expect(out[at + 1]).toBe('                        2001:db8:10::1');
    expect(out.filter((l) => l.startsWith('   Interface '))).toHaveLength(2);
  });

  it('reads back through the tool parser; bound IPv6 groups follow RBM like IPv4 ones', () => {
    const d = device();
    d.applyConfig(SETUP);
    d.attachRbm(fakeRuntime());
    const v6 = parseVrrp(show(d, 'display vrrp ipv6 verbose').join('\n'), 'ipv6');
    expect(v6.warnings).toEqual([]);
    // The fake runtime masters the active group and leaves the standby one Backup.
    expect(v6.value.groups.map((g) => [g.family, g.interface, g.vrid, g.state, g.virtualIps, g.rbmGroup])).toEqual([
      ['ipv6', 'GigabitEthernet1/0/1', 1, 'Master', ['fe80::1', '2001:db8:10::1'], 'active'],
      ['ipv6', 'GigabitEthernet1/0/1', 2, 'Backup', ['fe80::22'], 'standby'],
    ]);
    expect(v6.value.groups[0]?.masterIp).toBe('fe80::2');
    const brief = parseVrrp(show(d, 'display vrrp ipv6').join('\n'), 'ipv6');
    expect(brief.warnings).toEqual([]);
    expect(brief.value.groups.map((g) => [g.vrid, g.state, g.virtualIps])).toEqual([
      [1, 'Master', ['fe80::1', '2001:db8:10::1']],
      [2, 'Backup', ['fe80::22']],
    ]);
    // The IPv4 display keeps to its own family.
    expect(parseVrrp(show(d, 'display vrrp verbose').join('\n')).value.groups.map((g) => [g.family, g.vrid, g.virtualIps])).toEqual([['ipv4', 1, ['10.1.1.3']]]);
  });
});
