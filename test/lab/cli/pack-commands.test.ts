import { describe, expect, it } from 'vitest';
import { comware7 } from '../../../src/core/platforms/comware7';
import { fill } from '../../../src/core/platforms/pack';
import { config, device, fakeRuntime, run } from './helpers';

/** Sample values for every pack command; a pack command missing here fails the coverage test. */
const SAMPLES: Record<string, Record<string, string | number>> = {
  sysname: { name: 'FW9' },
  interface: { interface: 'GigabitEthernet1/0/2' },
  ipAddress: { ip: '10.1.1.1', mask: '255.255.255.0' },
  ipv6Address: { ip: '2001:db8::1', prefix: 64 },
  ipv6LinkLocal: { ip: 'fe80::1' },
  description: { text: 'uplink to core' },
  trackInterface: { id: 1, interface: 'GigabitEthernet1/0/2' },
  loghost: { ip: '192.0.2.10', port: 5140 },
  vrrpBind: { vrid: 1, ip: '10.1.1.3', group: 'active' },
  vrrpBindIpv6LinkLocal: { vrid: 2, ip: 'fe80::3', group: 'standby' },
  vrrpBindIpv6: { vrid: 2, ip: '2001:db8::3', group: 'standby' },
  floatingIp: { ip: '10.1.1.4', mask: '255.255.255.0' },
  floatingIpv6: { ip: '2001:db8::4', prefix: 64 },
  rbmEnter: {},
  deviceRole: { role: 'primary' },
  deviceRoleAuto: {},
  backupMode: { mode: 'dual-active' },
  localIp: { ip: '10.2.1.1' },
  localIpv6: { ip: '2001:db8:2::1' },
  remoteIp: { ip: '10.2.1.2', port: 60065 },
  remoteIpv6: { ip: '2001:db8:2::2', port: 60065 },
  keepaliveInterval: { seconds: 2 },
  keepaliveCount: { count: 5 },
  dataChannel: { interface: 'GigabitEthernet1/0/3' },
  dataChannelLayer3: {},
  managementInterface: { interface: 'M-GigabitEthernet0/0/0' },
  hotBackup: {},
  backupHttp: {},
  backupDns: {},
  backupAftPortBlock: {},
  backupLastHop: {},
  autoSync: {},
  autoSyncStaticRoutes: {},
  syncCheckEnable: {},
  syncCheckInterval: { hours: 2 },
  syncCheckDaily: { time: '02:30' },
  syncCheckWeekly: { day: 'mon', time: '03:00' },
  switchback: {},
  delayTime: { seconds: 120 },
  rbmTrack: { id: 1 },
  monitorInterface: { interface: 'GigabitEthernet1/0/4' },
  monitorVlan: { vlan: 10 },
  adjustCost: { protocol: 'ospf', kind: 'absolute', cost: 65500 },
  opCheck: {},
  opSync: {},
  opSwitchover: {},
  opPeerActive: {},
  opPeerStandby: {},
  opReset: {},
};

/** Commands that need other settings first (hot-backup-help.txt restrictions). */
const PRELUDE: Record<string, string[]> = {
  // A further IPv6 virtual address needs the group's link-local one first (the vendor CLI notes).
  vrrpBindIpv6: ['vrrp ipv6 vrid 2 virtual-ip fe80::3 link-local standby'],
  managementInterface: ['local-ip 10.2.1.1', 'remote-ip 10.2.1.2 port 60064', 'device-role auto', 'backup-mode mirroring'],
};

const ENTER: Record<string, string[]> = {
  user: [],
  system: ['system-view'],
  interface: ['system-view', 'interface GigabitEthernet1/0/1'],
  rbm: ['system-view', 'remote-backup group'],
  track: ['system-view', 'track 9 interface GigabitEthernet1/0/1'],
};

const noErrors = (out: string[]) => out.filter((l) => /^ ?%|^Error/.test(l));

describe('every configuration command of the platform pack', () => {
  it('has sample values here (so a new pack command needs lab support)', () => {
    expect(Object.keys(comware7.commands).sort()).toEqual(Object.keys(SAMPLES).sort());
  });

  const configCommands = Object.entries(comware7.commands).filter(([, t]) => t.undo);
  it.each(configCommands)('%s is accepted in its view, shows in the configuration, and undo removes it', (key, t) => {
    const d = device();
    const values = SAMPLES[key] as Record<string, string | number>;
    const line = fill(t.template, values);
    const setup = key === 'rbmEnter' ? ['system-view'] : [...(ENTER[t.view] as string[]), ...(PRELUDE[key] ?? [])];
    const out = run(d, [...setup, line, 'display this']);
    expect(noErrors(out)).toEqual([]);
    expect(config(d)).toContain(key === 'sysname' ? line : line.trim());
    // In a sub-view, `display this` lists the line indented by one space under the view line.
    if (t.view !== 'system') expect(out).toContain(` ${line}`);
    const undo = fill(t.undo as string, values);
    const afterUndo = run(d, [...setup, undo]);
    expect(noErrors(afterUndo)).toEqual([]);
    if (key === 'sysname') expect(config(d)).toContain('sysname H3C');
    else expect(config(d)).not.toContain(line);
  });

  it.each(configCommands.filter(([, t]) => t.view !== 'system'))('%s is refused in system view', (key, t) => {
    const d = device();
    const line = fill(t.template, SAMPLES[key] as Record<string, string | number>);
    const out = run(d, ['system-view', line]);
    expect(out.some((l) => /^ % (Unrecognized command|Too many parameters|Incomplete command|Wrong parameter) found at '\^' position\.$/.test(l))).toBe(true);
    expect(config(d)).not.toContain(line);
  });

  const ops = Object.entries(comware7.commands).filter(([, t]) => !t.undo && t.view !== 'system');
  it.each(ops)('operation %s calls the RBM runtime in its view', (key, t) => {
    const d = device();
    const rt = fakeRuntime();
    d.attachRbm(rt);
    const enter = t.view === 'rbm' ? ['system-view', 'remote-backup group'] : ['system-view', 'remote-backup group', 'return'];
    const out = run(d, [...enter, fill(t.template, SAMPLES[key] as Record<string, string | number>)]);
    expect(rt.calls).toHaveLength(1);
    if (key === 'opPeerActive') expect(out).toContain('Error: This operation is supported only in dual-active mode.');
  });
});

describe('IPv6 VRRP virtual addresses (comware-cli.md §8)', () => {
  it('refuses a global address before the link-local one, and the link-local one before the others are gone', () => {
    const d = device();
    const enter = ['system-view', 'interface GigabitEthernet1/0/1'];
    expect(noErrors(run(d, [...enter, 'vrrp ipv6 vrid 4 virtual-ip 2001:db8::4 active'])).join(' ')).toMatch(/must be a link-local address/);
    expect(noErrors(run(d, [...enter, 'vrrp ipv6 vrid 4 virtual-ip 2001:db8::4 link-local active'])).join(' ')).toMatch(/not a link-local address/);
    expect(noErrors(run(d, [...enter, 'vrrp ipv6 vrid 4 virtual-ip fe80::4 link-local active', 'vrrp ipv6 vrid 4 virtual-ip 2001:db8::4 active']))).toEqual([]);
    expect(config(d).join('\n')).toContain('vrrp ipv6 vrid 4 virtual-ip fe80::4 link-local active\nvrrp ipv6 vrid 4 virtual-ip 2001:db8::4 active');
    expect(noErrors(run(d, [...enter, 'undo vrrp ipv6 vrid 4 virtual-ip fe80::4 link-local'])).join(' ')).toMatch(/before its link-local address/);
    expect(noErrors(run(d, [...enter, 'undo vrrp ipv6 vrid 4 virtual-ip 2001:db8::4', 'undo vrrp ipv6 vrid 4 virtual-ip fe80::4 link-local']))).toEqual([]);
    expect(config(d).join('\n')).not.toContain('vrrp ipv6 vrid 4');
  });
});

describe('commit delay (pack.commitDelay)', () => {
  it('accepts the start and confirm commands in system view', () => {
    const d = device();
    const cd = comware7.commitDelay;
    if (!cd) throw new Error('pack has a commit delay');
    const out = run(d, ['system-view', fill(cd.start, { minutes: 1 }), 'sysname FW9', cd.confirm]);
    expect(noErrors(out)).toEqual([]);
    expect(d.commitPending()).toBe(false);
  });
});
