import { describe, expect, it } from 'vitest';
import { parseInterfaceBrief } from '../../../src/core/parse/interface-brief';
import { deliveryVariants, fixture } from './fixtures';

describe('parseInterfaceBrief', () => {
  it('reads route-mode rows with expanded names, link state, address and description', () => {
    const { value, warnings } = parseInterfaceBrief(fixture('interface-brief-firewall.txt'));
    expect(warnings).toEqual([]);
    const byName = new Map(value.interfaces.map((i) => [i.name, i]));
    expect(byName.get('GigabitEthernet1/0/1')).toEqual({ name: 'GigabitEthernet1/0/1', link: 'up', mode: 'route', protocol: 'UP', address: '10.1.1.1', description: 'LAN to core switch' });
    expect(byName.get('GigabitEthernet1/0/5')).toMatchObject({ link: 'adm', protocol: 'DOWN', description: '### NOT USED ###' });
    expect(byName.get('GigabitEthernet1/0/4')?.address).toBeUndefined();
    expect(byName.get('Vlan-interface10')).toMatchObject({ link: 'stby', address: '10.10.10.1' });
    expect(byName.get('Route-Aggregation1')).toMatchObject({ address: '10.3.1.1', description: 'uplink bundle' });
    expect(byName.get('InLoopBack0')?.protocol).toBe('UP(s)');
    expect(byName.get('LoopBack0')?.address).toBe('1.1.1.1');
    expect(byName.get('M-GigabitEthernet0/0/0')?.address).toBe('172.16.0.10');
    expect(byName.get('Ten-GigabitEthernet1/0/24')?.link).toBe('down');
    expect(byName.get('Register-Tunnel0')?.protocol).toBe('--');
    expect(value.interfaces.filter((i) => i.mode === 'route')).toHaveLength(14);
  });

  it('reads bridge-mode rows (speed, duplex, type, PVID)', () => {
    const { value } = parseInterfaceBrief(fixture('interface-brief-firewall.txt'));
    const bridge = value.interfaces.filter((i) => i.mode === 'bridge');
    expect(bridge.map((i) => i.name)).toEqual(['Bridge-Aggregation2', 'GigabitEthernet1/0/6', 'GigabitEthernet1/0/7', 'GigabitEthernet1/0/8']);
    expect(bridge[0]).toEqual({ name: 'Bridge-Aggregation2', link: 'up', mode: 'bridge', speed: '2G(a)', duplex: 'F(a)', portType: 'T', pvid: 1, description: 'server trunk' });
    expect(bridge[3]).toMatchObject({ link: 'down', speed: 'auto', duplex: 'A', portType: 'A', pvid: 10 });
  });

  it('reads an older "Main IP" build delivered with CRLF, pager remnants and a prompt', () => {
    const { value, warnings } = parseInterfaceBrief(fixture('interface-brief-old-main-ip.txt'));
    expect(warnings).toEqual([]);
    expect(value.interfaces.map((i) => [i.name, i.link, i.address ?? null])).toEqual([
      ['GigabitEthernet0/0', 'up', '10.0.0.1'],
      ['GigabitEthernet0/1', 'up', '10.0.1.1'],
      ['GigabitEthernet0/2', 'adm', null],
      ['InLoopBack0', 'up', null],
      ['NULL0', 'up', null],
      ['Vlan-interface1', 'down', null],
      ['Vlan-interface2', 'up', '10.0.2.1'],
    ]);
    expect(value.interfaces[1]?.description).toBe('WAN  uplink');
  });

  it('gives the same interfaces whatever the delivery', () => {
    const clean = parseInterfaceBrief(fixture('interface-brief-firewall.txt')).value;
    for (const [name, text] of Object.entries(deliveryVariants(fixture('interface-brief-firewall.txt'), 'display interface brief'))) {
      expect(parseInterfaceBrief(text).value, name).toEqual(clean);
    }
  });

  it('reads the "The brief information of interface(s) under … mode" layout with its "Speed or Duplex" legend', () => {
    const { value, warnings } = parseInterfaceBrief(fixture('interface-brief-under-mode.txt'));
    expect(warnings).toEqual([]);
    expect(value.interfaces.map((i) => [i.name, i.mode, i.link, i.address ?? null])).toEqual([
      ['Eth-channel2/0:0', 'route', 'up', '10.7.7.1'],
      ['GigabitEthernet0/0', 'route', 'up', '10.0.0.1'],
      ['GigabitEthernet0/1', 'route', 'adm', null],
      ['M-GigabitEthernet0/0/0', 'route', 'up', '192.168.0.1'],
      ['MP-group0', 'route', 'down', null],
      ['NULL0', 'route', 'up', null],
      ['Vlan-interface1', 'route', 'up', '10.1.0.1'],
      ['GigabitEthernet0/2', 'bridge', 'up', null],
      ['GigabitEthernet0/3', 'bridge', 'down', null],
    ]);
    expect(value.interfaces.find((i) => i.name === 'M-GigabitEthernet0/0/0')?.description).toBe('MGMT');
  });

  it.each([
    'The brief information of interface(s) under route mode:',
    'The brief information of interface(s) under bridge mode:',
    'Speed or Duplex: (a)/A - auto; H - half; F - full',
  ])('takes %j as layout, not as an unrecognised row', (line) => {
    const { warnings } = parseInterfaceBrief(`${line}\nInterface            Link Protocol Main IP         Description\nGE0/0                UP   UP       10.0.0.1\n`);
    expect(warnings).toEqual([]);
  });

  it('warns about rows it cannot place', () => {
    const { value, warnings } = parseInterfaceBrief('GE1/0/1 UP UP 10.0.0.1\nInterface Link Protocol Primary IP Description\nwhat is this\nGE1/0/2 SIDEWAYS UP --');
    expect(value.interfaces).toEqual([]);
    expect(warnings).toEqual([
      'display interface brief: unrecognised line "GE1/0/1 UP UP 10.0.0.1"',
      'display interface brief: unrecognised line "what is this"',
      'display interface brief: unrecognised line "GE1/0/2 SIDEWAYS UP --"',
      'display interface brief: no interface rows',
    ]);
  });
});
