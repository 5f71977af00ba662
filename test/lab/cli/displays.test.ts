import { describe, expect, it } from 'vitest';
import { device, fakeRuntime, run } from './helpers';

const show = (d: ReturnType<typeof device>, cmd: string) => run(d, [cmd]).slice(1);

describe('display remote-backup-group status (§3.1)', () => {
  it('prints local and peer blocks and switchover records from the runtime', () => {
    const d = device();
    d.applyConfig(['remote-backup group', ' device-role primary']);
    d.attachRbm(fakeRuntime());
    const out = show(d, 'display remote-backup-group status');
    expect(out.slice(0, 9)).toEqual([
      'Local remote backup group information:',
      '  Backup mode: Active/standby',
      '  Device management role: Primary',
      '  Device running management role: Primary',
      '  Device running status: Active',
      '  Data channel interface: GigabitEthernet1/0/3',
      '  Data channel interface current state: Up',
      '  Local IP: 10.2.1.1',
      '  Remote IP: 10.2.1.2   Destination port: 60064',
    ]);
    expect(out).toContain('  Control channel status: Connected');
    expect(out).toContain('  Delay-time: 1 min');
    expect(out).toContain('  Uptime since last switchover: 0 days, 0 hours, 30 minutes');
    expect(out).toContain('Peer remote backup group information:');
    expect(out).toContain('  Device running status: Standby');
    expect(out.slice(-3)).toEqual(['Switchover records:', '  Time                     Status change        Cause', '  2026-11-25 13:30:00      Initial to Active    Interface status changed']);
  });

  it('says not configured without RBM, and shows Initial/Disconnected from config alone', () => {
    const d = device();
    expect(show(d, 'display remote-backup-group status')).toEqual(['Remote backup group is not configured.']);
    d.applyConfig(['remote-backup group', ' local-ip 10.2.1.1', ' remote-ip 10.2.1.2']);
    const out = show(d, 'display remote-backup-group status');
    expect(out).toContain('  Device running status: Initial');
    expect(out).toContain('  Control channel status: Disconnected');
    expect(out).not.toContain('Peer remote backup group information:');
  });

  it('prints the sync-check result and differing lines', () => {
    const d = device();
    d.applyConfig(['remote-backup group']);
    d.attachRbm(fakeRuntime());
    expect(show(d, 'display remote-backup-group sync-check')).toEqual([
      'Configuration consistency check result: Inconsistent',
      'Check time: 2026-11-25 13:00:00',
      'Inconsistent configuration:',
      '  + ip route-static 0.0.0.0 0 10.1.1.254',
    ]);
  });
});

describe('display vrrp (§3.6)', () => {
  const setup = ['interface GigabitEthernet1/0/1', ' ip address 10.1.1.1 24', ' vrrp vrid 1 virtual-ip 10.1.1.3 active', ' vrrp vrid 2 virtual-ip 10.1.1.4 standby'];

  it('takes the state of bound groups from the runtime', () => {
    const d = device();
    d.applyConfig(setup);
    d.attachRbm(fakeRuntime());
    expect(show(d, 'display vrrp')).toEqual([
      'IPv4 Virtual Router Information:',
      ' Running Mode      : Standard',
      ' Total number of virtual routers : 2',
      ' Interface          VRID  State        Running Adver   Auth     Virtual',
      '                                       Pri     Timer   Type        IP',
      ' ---------------------------------------------------------------------',
      ' GE1/0/1            1     Master       100     100     None     10.1.1.3',
      ' GE1/0/1            2     Backup       100     100     None     10.1.1.4',
    ]);
  });

  it('verbose shows key/value pairs; a down interface is Initialize', () => {
    const d = device();
    d.applyConfig(setup);
    d.attachRbm(fakeRuntime());
    d.setLink('GigabitEthernet1/0/1', false);
    const out = show(d, 'display vrrp verbose');
    expect(out).toContain('   Interface GigabitEthernet1/0/1');
    expect(out).toContain('     VRID             : 1               Adver Timer  : 100');
    expect(out).toContain('     Admin Status     : Up              State        : Initialize');
    expect(out).toContain('     Virtual MAC      : 0000-5e00-0102');
  });
});

describe('display vrrp ipv6', () => {
  it('lists IPv6 groups with the IPv6 virtual MAC', () => {
    const d = device();
    d.applyConfig(['interface GigabitEthernet1/0/1', ' ipv6 address fe80::1 link-local', ' vrrp ipv6 vrid 3 virtual-ip fe80::3 standby']);
    d.attachRbm(fakeRuntime());
    expect(show(d, 'display vrrp ipv6')).toContain(' GE1/0/1            3     Backup       100     100     None     fe80::3');
    expect(show(d, 'display vrrp ipv6 verbose')).toContain('     Virtual MAC      : 0000-5e00-0203');
    expect(show(d, 'display vrrp')).toContain(' Total number of virtual routers : 0');
  });
});

describe('other displays', () => {
  it('interface brief (§3.5) shows ADM, DOWN and the primary IP', () => {
    const d = device();
    d.applyConfig(['interface GigabitEthernet1/0/1', ' ip address 10.1.1.1 24', ' description uplink', 'interface GigabitEthernet1/0/2', ' shutdown']);
    d.setLink('GigabitEthernet1/0/3', false);
    const out = show(d, 'display interface brief');
    expect(out.slice(0, 4)).toEqual([
      'Brief information on interfaces in route mode:',
      'Link: ADM - administratively down; Stby - standby',
      'Protocol: (s) - spoofing',
      'Interface            Link Protocol Primary IP        Description',
    ]);
    expect(out).toContain('GE1/0/1              UP   UP       10.1.1.1          uplink');
    expect(out).toContain('GE1/0/2              ADM  DOWN     --');
    expect(out).toContain('GE1/0/3              DOWN DOWN     --');
    expect(out).toContain('MGE0/0/0             UP   UP       --');
  });

  it('version, device and manuinfo carry model, release and serial number', () => {
    const d = device({ serialNumber: 'SN-A-0001' });
    const v = show(d, 'display version');
    expect(v[0]).toBe('H3C Comware Software, Version 7.1.064, ESS 1171P23');
    expect(v[2]).toMatch(/^H3C SecPath F1000-AK1xx uptime is 0 weeks, 0 days, 0 hours, 0 minutes$/);
    expect(show(d, 'display device manuinfo')).toContain('DEVICE_SERIAL_NUMBER : SN-A-0001');
    expect(show(d, 'display device')[1]).toMatch(/^1\s+F1000-AK1xx\s+Master/);
  });

  it('track all, logbuffer, clock and session statistics', () => {
    const d = device();
    d.applyConfig(['track 1 interface GigabitEthernet1/0/1']);
    d.setLink('GigabitEthernet1/0/1', false);
    expect(show(d, 'display track all').slice(0, 2)).toEqual(['Track ID: 1', '  State: Negative']);
    d.log('RBM', 6, 'RBM_CHANNEL', 'hello');
    expect(show(d, 'display logbuffer').at(-1)).toBe('%Nov 25 14:00:00:123 2026 FW1 RBM/6/RBM_CHANNEL: hello');
    expect(show(d, 'display clock')).toEqual(['14:00:00.123 UTC Wed 11/25/2026', 'Time Zone : UTC add 00:00:00']);
    d.attachRbm(fakeRuntime());
    expect(show(d, 'display session statistics')[1]).toBe('Current sessions: 120');
  });
});
