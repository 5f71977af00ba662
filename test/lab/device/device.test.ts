import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DeviceEvent } from '../../../src/lab/device/seam';
import { CliSession } from '../../../src/lab/cli/engine';
import { device } from './helpers';

const events = (d: ReturnType<typeof device>) => {
  const list: DeviceEvent[] = [];
  d.on((e) => list.push(e));
  return list;
};

afterEach(() => {
  vi.useRealTimers();
});

describe('commit delay', () => {
  it('rolls the running configuration back when not confirmed in time', () => {
    vi.useFakeTimers();
    const d = device({ minuteMs: 100 });
    d.applyConfig(['sysname FW1-before']);
    const seen = events(d);
    d.applyConfig([]);
    const errors = d.applyConfig(['configuration commit delay 2', 'sysname FW1-risky', 'interface GigabitEthernet1/0/1', ' ip address 10.9.9.1 24']);
    expect(errors).toEqual([]);
    expect(d.sysname()).toBe('FW1-risky');
    vi.advanceTimersByTime(199);
    expect(d.sysname()).toBe('FW1-risky');
    vi.advanceTimersByTime(1);
    expect(d.sysname()).toBe('FW1-before');
    expect(d.interfaces().find((i) => i.name === 'GigabitEthernet1/0/1')?.address).toBeUndefined();
    expect(d.logBuffer.at(-1)).toMatch(/CFGMAN\/4\/CFGMAN_ROLLBACK: .*2 minutes/);
    expect(seen.some((e) => e.kind === 'config' && e.lines.includes(' sysname FW1-before'))).toBe(true);
  });

  it('keeps the changes once confirmed', () => {
    vi.useFakeTimers();
    const d = device({ minuteMs: 100 });
    d.applyConfig(['configuration commit delay 1', 'sysname FW1-kept', 'configuration commit']);
    vi.advanceTimersByTime(1000);
    expect(d.sysname()).toBe('FW1-kept');
    expect(d.commitPending()).toBe(false);
  });
});

describe('power', () => {
  it('reverts unsaved changes on a power cycle and emits power events', () => {
    const d = device();
    d.applyConfig(['sysname Saved', 'info-center loghost 192.0.2.1 port 514']);
    d.save();
    d.applyConfig(['sysname Unsaved', 'undo info-center loghost 192.0.2.1']);
    const seen = events(d);
    d.powerOff();
    expect(d.powered()).toBe(false);
    expect(d.interfaceUp('GigabitEthernet1/0/1')).toBe(false);
    d.powerOn();
    expect(d.sysname()).toBe('Saved');
    expect(d.loghosts()).toEqual([{ ip: '192.0.2.1', port: 514 }]);
    expect(seen.filter((e) => e.kind === 'power')).toEqual([
      { kind: 'power', on: false },
      { kind: 'power', on: true },
    ]);
  });

  it('a dead device logs nothing; the RAM log buffer starts empty after power-on', () => {
    const d = device();
    d.log('X', 5, 'Y', 'before');
    d.powerOff();
    d.log('X', 5, 'Y', 'while off');
    expect(d.logBuffer.join('\n')).not.toContain('while off');
    d.powerOn();
    expect(d.logBuffer.join('\n')).not.toContain('before');
  });

  it('reboot logs, cycles power and reports the reason', () => {
    const d = device();
    d.reboot();
    expect(d.powered()).toBe(true);
    expect(d.rebootReason).toBe('User reboot');
  });
});

describe('links and tracks', () => {
  it('tracks follow the interface; shutdown and link-down both make it Negative', () => {
    const d = device();
    d.applyConfig(['track 1 interface GigabitEthernet1/0/1']);
    const seen = events(d);
    expect(d.trackState(1)).toBe('Positive');
    d.setLink('GigabitEthernet1/0/1', false);
    expect(d.trackState(1)).toBe('Negative');
    expect(seen.filter((e) => e.kind !== 'log')).toEqual([
      { kind: 'interface', name: 'GigabitEthernet1/0/1', up: false },
      { kind: 'track', id: 1, state: 'Negative' },
    ]);
    expect(d.logBuffer.slice(-2).map((l) => l.replace(/^%.*? FW1 /, ''))).toEqual([
      'IFNET/3/PHY_UPDOWN: Physical state on the interface GigabitEthernet1/0/1 changed to down.',
      'IFNET/5/LINK_UPDOWN: Line protocol state on the interface GigabitEthernet1/0/1 changed to down.',
    ]);
    d.setLink('GigabitEthernet1/0/1', true);
    d.applyConfig(['interface GigabitEthernet1/0/1', ' shutdown']);
    expect(d.trackState(1)).toBe('Negative');
    expect(d.interfaces().find((i) => i.name === 'GigabitEthernet1/0/1')).toMatchObject({ adminUp: false, linkUp: true });
  });

  it('an aggregate is up while any member port is', () => {
    const d = device();
    d.applyConfig(['interface Route-Aggregation1', 'interface GigabitEthernet1/0/5', ' port link-aggregation group 1', 'interface GigabitEthernet1/0/6', ' port link-aggregation group 1', 'track 3 interface Route-Aggregation1']);
    d.setLink('GigabitEthernet1/0/5', false);
    expect(d.trackState(3)).toBe('Positive');
    d.setLink('GigabitEthernet1/0/6', false);
    expect(d.trackState(3)).toBe('Negative');
    expect(d.interfaceUp('Route-Aggregation1')).toBe(false);
  });

  it('forceTrack overrides until cleared; unknown tracks are NotReady', () => {
    const d = device();
    d.applyConfig(['track 2 interface GigabitEthernet1/0/2']);
    d.forceTrack(2, 'Negative');
    expect(d.trackState(2)).toBe('Negative');
    d.forceTrack(2, undefined);
    expect(d.trackState(2)).toBe('Positive');
    expect(d.trackState(99)).toBe('NotReady');
  });
});

describe('log', () => {
  it('formats lines as §4 and keeps them in the buffer', () => {
    const d = device({ now: () => Date.UTC(2026, 10, 25, 14, 0, 0, 123) });
    const seen = events(d);
    d.log('RBM', 6, 'RBM_CHANNEL', 'status=Connected');
    expect(d.logBuffer).toEqual(['%Nov 25 14:00:00:123 2026 FW1 RBM/6/RBM_CHANNEL: status=Connected']);
    expect(seen).toEqual([{ kind: 'log', line: d.logBuffer[0] }]);
  });

  it('applies the clock offset', () => {
    const d = device({ now: () => Date.UTC(2026, 10, 25, 14, 0, 0, 0), clockOffsetMs: 3_600_000 });
    d.log('X', 5, 'Y', 'z');
    expect(d.logBuffer[0]).toContain('Nov 25 15:00:00:000 2026');
  });
});

describe('config events', () => {
  it('carry a typed command with its view line, and a password only as its hash', () => {
    const d = device();
    const seen = events(d);
    const s = new CliSession(d);
    for (const l of ['system-view', 'interface g1/0/1', 'ip add 10.1.1.1 24', 'quit', 'local-user ops class manage', 'password simple VerySecret1']) s.execute(l);
    const configs = seen.flatMap((e) => (e.kind === 'config' ? [e.lines] : []));
    expect(configs[0]).toEqual(['interface GigabitEthernet1/0/1', ' ip address 10.1.1.1 24']);
    expect(configs[1]).toEqual(['local-user ops class manage']);
    expect(configs[2]?.[1]).toMatch(/^ password hash \$h\$6\$/);
    expect(JSON.stringify(seen)).not.toContain('VerySecret1');
  });
});

describe('configuration backup', () => {
  const base = ['remote-backup group', ' local-ip 10.2.1.1', ' remote-ip 10.2.1.2 port 60064', ' data-channel interface GigabitEthernet1/0/3'];

  it('carries only static routes in active/standby mode, when route-static sync is on', () => {
    const d = device();
    d.applyConfig([...base, 'ip route-static 0.0.0.0 0 10.1.1.254', 'interface GigabitEthernet1/0/1', ' ip address 10.1.1.1 24']);
    expect(d.syncableConfig()).toEqual([]);
    d.applyConfig(['remote-backup group', ' configuration auto-sync enable route-static']);
    expect(d.syncableConfig()).toEqual(['ip route-static 0.0.0.0 0 10.1.1.254']);
  });

  it('carries object groups in every mode; the secondary’s own groups are replaced', () => {
    const a = device();
    a.applyConfig([...base, 'object-group ip address web', ' network host address 10.1.1.10', ' network subnet 10.3.0.0 16']);
    const lines = a.syncableConfig();
    expect(lines).toEqual(['object-group ip address web', ' 0 network host address 10.1.1.10', ' 10 network subnet 10.3.0.0 255.255.0.0']);
    const b = device({ key: 'b', sysname: 'FW2' });
    b.applyConfig([...base, 'object-group ip address stale', ' network host address 10.9.9.9']);
    b.applySyncedConfig(lines);
    expect(b.syncableConfig()).toEqual(lines);
    expect(b.currentConfig()).not.toContain('object-group ip address stale');
  });

  it('adds interface addresses (not channel/management), users and SSH in mirroring mode', () => {
    const a = device();
    a.applyConfig([
      'interface GigabitEthernet1/0/1',
      ' ip address 10.1.1.1 24',
      'interface GigabitEthernet1/0/3',
      ' ip address 10.2.1.1 24',
      'interface M-GigabitEthernet0/0/0',
      ' ip address 192.168.0.1 24',
      ...base,
      ' device-role auto',
      ' backup-mode mirroring',
      ' management-interface M-GigabitEthernet0/0/0',
      'ssh server enable',
    ]);
    const lines = a.syncableConfig();
    expect(lines).toContain('interface GigabitEthernet1/0/1');
    expect(lines).toContain(' ip address 10.1.1.1 255.255.255.0');
    expect(lines.join('\n')).not.toContain('10.2.1.1');
    expect(lines.join('\n')).not.toContain('192.168.0.1');
    expect(lines).toContain('ssh server enable');
    expect(lines).toContain('local-user admin class manage');

    const b = device({ key: 'b', sysname: 'FW2', users: [{ username: 'other', password: 'x' }] });
    b.applyConfig([
      'interface GigabitEthernet1/0/1',
      ' ip address 10.7.7.7 24',
      'interface GigabitEthernet1/0/3',
      ' ip address 10.2.1.2 24',
      'remote-backup group',
      ' local-ip 10.2.1.2',
      ' remote-ip 10.2.1.1 port 60064',
      ' data-channel interface GigabitEthernet1/0/3',
      ' device-role auto',
      ' backup-mode mirroring',
    ]);
    b.applySyncedConfig(lines);
    expect(b.syncableConfig()).toEqual(lines);
    expect(b.interfaces().find((i) => i.name === 'GigabitEthernet1/0/3')?.address).toBe('10.2.1.2/24');
    expect(b.sysname()).toBe('FW2');
    expect(b.authenticate('admin', 'admin', 'ssh')).toBe('ok');
    expect(b.authenticate('other', 'x', 'ssh')).not.toBe('ok');
  });
});

describe('seam views', () => {
  it('reports interfaces, VRRP groups and the RBM configuration', () => {
    const d = device();
    d.applyConfig([
      'interface GigabitEthernet1/0/1',
      ' description down link',
      ' ip address 10.1.1.1 255.255.255.0',
      ' ipv6 address 2001:db8::1/64',
      ' ipv6 address fe80::1 link-local',
      ' vrrp vrid 1 virtual-ip 10.1.1.3 active',
      'remote-backup group',
      ' device-role primary',
      ' keepalive count 3',
      ' track 1',
    ]);
    expect(d.interfaces().find((i) => i.name === 'GigabitEthernet1/0/1')).toEqual({
      name: 'GigabitEthernet1/0/1',
      adminUp: true,
      linkUp: true,
      address: '10.1.1.1/24',
      ipv6Addresses: ['2001:db8::1/64', 'fe80::1/10'],
      description: 'down link',
    });
    expect(d.vrrpGroups()).toEqual([{ interface: 'GigabitEthernet1/0/1', vrid: 1, virtualIp: '10.1.1.3', group: 'active' }]);
    expect(d.rbmConfig()).toMatchObject({ role: 'primary', keepaliveCount: 3, keepaliveInterval: 1, port: 60064, tracks: [1], mode: 'active-standby' });
  });
});
