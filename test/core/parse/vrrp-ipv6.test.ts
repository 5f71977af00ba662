import { describe, expect, it } from 'vitest';
import { parseVrrp } from '../../../src/core/parse/vrrp';
import { deliveryVariants, fixture } from './fixtures';

// `display vrrp ipv6 verbose` as the pack guesses it (no vendor sample): the IPv4 verbose form with
// IPv6 addresses, the link-local virtual address first. The colons in the addresses are no keys.
describe('parseVrrp: display vrrp ipv6 verbose', () => {
  const text = fixture('vrrp-ipv6-verbose.txt');

  it('reads each IPv6 group with its addresses, link-local first, and its master', () => {
    const { value, warnings } = parseVrrp(text, 'ipv6');
    expect(warnings).toEqual([]);
    expect(value.groups.map((g) => [g.family, g.interface, g.vrid, g.state, g.priority, g.virtualIps, g.masterIp, g.virtualMac])).toEqual([
      ['ipv6', 'GigabitEthernet1/0/1', 1, 'Master', 110, ['FE80::1', '2001:DB8:10::1'], 'FE80::2', '0000-5e00-0201'],
      ['ipv6', 'Vlan-interface20', 20, 'Backup', 100, ['FE80::14'], 'FE80::20:3', '0000-5e00-0214'],
    ]);
    expect(value.groups[0]?.virtualIp).toBe('FE80::1');
  });

  it('reads the same from every way a device delivers it', () => {
    const want = parseVrrp(text, 'ipv6').value;
    for (const [name, variant] of Object.entries(deliveryVariants(text, 'display vrrp ipv6 verbose'))) expect(parseVrrp(variant, 'ipv6').value, name).toEqual(want);
  });

  it('takes the family the command asked for when the output prints no title', () => {
    const untitled = text.split('\n').slice(1).join('\n');
    expect(parseVrrp(untitled, 'ipv6').value.groups.map((g) => g.family)).toEqual(['ipv6', 'ipv6']);
    // A title in the text decides over the default.
    expect(parseVrrp(text).value.groups.map((g) => g.family)).toEqual(['ipv6', 'ipv6']);
  });
});
