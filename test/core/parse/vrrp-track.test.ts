import { describe, expect, it } from 'vitest';
import { parseTrackAll } from '../../../src/core/parse/track';
import { parseVrrp } from '../../../src/core/parse/vrrp';
import { deliveryVariants, fixture } from './fixtures';

describe('parseVrrp', () => {
  it('reads the brief table, including a second virtual IP on its own line', () => {
    const { value, warnings } = parseVrrp(fixture('vrrp-brief.txt'));
    expect(warnings).toEqual([]);
    expect(value.runningMode).toBe('Standard');
    expect(value.groups.map((g) => [g.interface, g.vrid, g.state, g.priority, g.authType, g.virtualIps])).toEqual([
      ['GigabitEthernet1/0/1', 1, 'Master', 150, 'Simple', ['10.1.1.3']],
      ['GigabitEthernet1/0/2', 2, 'Backup', 100, 'None', ['10.9.9.3', '10.9.9.4']],
      ['Vlan-interface10', 3, 'Initialize', 100, 'None', ['10.10.10.3']],
    ]);
    expect(value.groups[0]?.virtualIp).toBe('10.1.1.3');
  });

  it.each([
    ['vrrp-brief-not-supported.txt', [['GigabitEthernet1/0/1', 1, 'Not supported', ['10.1.1.3']], ['GigabitEthernet1/0/2', 2, 'Simple', ['10.9.9.3', '10.9.9.4']]]],
    ['vrrp-brief.txt', [['GigabitEthernet1/0/1', 1, 'Simple', ['10.1.1.3']], ['GigabitEthernet1/0/2', 2, 'None', ['10.9.9.3', '10.9.9.4']], ['Vlan-interface10', 3, 'None', ['10.10.10.3']]]],
  ])('reads the whole auth type of %s brief rows, two words included', (name, expected) => {
    const { value, warnings } = parseVrrp(fixture(name));
    expect(warnings).toEqual([]);
    expect(value.groups.map((g) => [g.interface, g.vrid, g.authType, g.virtualIps])).toEqual(expected);
  });

  it('reads verbose blocks with two pairs per line and the track table', () => {
    const { value, warnings } = parseVrrp(fixture('vrrp-verbose.txt'));
    expect(warnings).toEqual([]);
    expect(value.groups).toEqual([
      {
        family: 'ipv4',
        interface: 'GigabitEthernet1/0/1',
        vrid: 1,
        state: 'Master',
        advertiseTimer: 100,
        adminStatus: 'Up',
        configPriority: 110,
        priority: 110,
        preempt: true,
        preemptDelay: 5000,
        authType: 'Simple',
        virtualIp: '10.1.1.3',
        virtualIps: ['10.1.1.3', '10.1.1.4'],
        virtualMac: '0000-5e00-0101',
        masterIp: '10.1.1.1',
        tracks: [{ object: 1, state: 'Positive', reduced: 30 }],
      },
      {
        family: 'ipv4',
        interface: 'Vlan-interface2',
        vrid: 2,
        state: 'Backup',
        advertiseTimer: 500,
        adminStatus: 'Up',
        configPriority: 100,
        priority: 100,
        preempt: true,
        preemptDelay: 0,
        authType: 'None',
        virtualIp: '10.20.0.1',
        virtualIps: ['10.20.0.1'],
        virtualMac: '0000-5e00-0102',
        masterIp: '10.20.0.2',
        tracks: [],
      },
    ]);
  });

  it('reads the same groups whatever the delivery, and an RBM binding next to the virtual IP', () => {
    const clean = parseVrrp(fixture('vrrp-verbose.txt')).value;
    for (const [name, text] of Object.entries(deliveryVariants(fixture('vrrp-verbose.txt'), 'display vrrp verbose'))) {
      expect(parseVrrp(text).value, name).toEqual(clean);
    }
    const bound = parseVrrp('   Interface GigabitEthernet1/0/1\n     VRID : 1\n     State : Master\n     Virtual IP : 10.1.1.3 (active)\n').value;
    expect(bound.groups[0]).toMatchObject({ rbmGroup: 'active', virtualIp: '10.1.1.3' });
  });

  it('marks IPv6 groups and warns on orphan fields', () => {
    const v6 = parseVrrp('IPv6 Virtual Router Information:\n GE1/0/1  1  Master  100  100  None  FE80::1\n');
    expect(v6.value.groups[0]).toMatchObject({ family: 'ipv6', virtualIp: 'FE80::1' });
    expect(parseVrrp('     VRID : 1\n').warnings).toEqual(['display vrrp: VRID "1" without an interface']);
  });
});

describe('parseTrackAll', () => {
  it('reads V7 entries: state word, tracked interface and object type', () => {
    const { value, warnings } = parseTrackAll(fixture('track-all.txt'));
    expect(warnings).toEqual([]);
    expect(value.tracks).toEqual([
      { id: 1, state: 'Positive', duration: '0 days 0 hours 0 minutes 7 seconds', interface: 'GigabitEthernet1/0/1', objectType: 'Interface', protocol: 'None' },
      { id: 2, state: 'Negative', duration: '0 days 0 hours 0 minutes 32 seconds', objectType: 'NQA' },
      { id: 3, state: 'NotReady', duration: '0 days 0 hours 0 minutes 32 seconds', objectType: 'BFD' },
    ]);
  });

  it('reads the older "Status:" layout, maps Invalid to NotReady, and names an entry with no state', () => {
    const { value, warnings } = parseTrackAll(fixture('track-all-older.txt'));
    expect(value.tracks.map((t) => [t.id, t.state, t.interface])).toEqual([
      [3, 'Negative', 'Vlan-interface3'],
      [4, 'NotReady', undefined],
    ]);
    expect(warnings).toEqual([]);
    const lab = parseTrackAll('Track ID: 1\n  State: Positive\n  Tracked object:\n    Interface status: GigabitEthernet1/0/1\n');
    expect(lab.value.tracks).toEqual([{ id: 1, state: 'Positive', interface: 'GigabitEthernet1/0/1', objectType: 'Interface' }]);
    expect(parseTrackAll('Track ID: 9\n').warnings).toEqual(['display track: track 9 has no state']);
    expect(parseTrackAll('State: Positive').warnings).toEqual(['display track: "State: Positive" outside a Track ID block']);
  });
});
