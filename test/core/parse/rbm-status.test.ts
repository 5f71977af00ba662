import { describe, expect, it } from 'vitest';
import { parseRbmStatus } from '../../../src/core/parse/rbm-status';
import { parseSyncCheck } from '../../../src/core/parse/sync-check';
import { deliveryVariants, fixture } from './fixtures';

describe('parseRbmStatus', () => {
  it('reads the local and peer blocks and switchover records of a newer release', () => {
    const { value, warnings } = parseRbmStatus(fixture('rbm-status-primary.txt'));
    expect(warnings).toEqual([]);
    expect(value).toEqual({
      configured: true,
      mode: 'active-standby',
      role: 'primary',
      runningStatus: 'Active',
      dataChannelInterface: 'GigabitEthernet1/0/3',
      dataChannelState: 'Up',
      localIp: '10.2.1.1',
      remoteIp: '10.2.1.2',
      port: 60064,
      controlChannel: 'Connected',
      keepaliveInterval: 1,
      keepaliveCount: 10,
      consistencyInterval: '1 hour',
      consistency: 'Consistent',
      autoSync: true,
      hotBackup: true,
      delaySeconds: 60,
      uptimeSinceSwitchoverSeconds: 1800,
      peer: {
        mode: 'active-standby',
        role: 'secondary',
        runningStatus: 'Standby',
        dataChannelInterface: 'GigabitEthernet1/0/3',
        dataChannelState: 'Up',
        localIp: '10.2.1.2',
        remoteIp: '10.2.1.1',
        port: 60064,
        controlChannel: 'Connected',
        keepaliveInterval: 1,
        keepaliveCount: 10,
      },
      switchovers: [
        { time: '2026-11-25 13:30:02', from: 'Initial', to: 'Active', cause: 'Interface status changed' },
        { time: '2026-11-25 13:52:41', from: 'Standby', to: 'Active', cause: 'Peer lost' },
      ],
    });
  });

  it('reads "Device running management role" apart from the configured role, on both blocks', () => {
    const { value, warnings } = parseRbmStatus(fixture('rbm-status-running-role.txt'));
    expect(warnings).toEqual([]);
    expect([value.role, value.runningRole, value.runningStatus]).toEqual(['primary', 'secondary', 'Standby']);
    expect([value.peer?.role, value.peer?.runningRole, value.peer?.runningStatus]).toEqual(['secondary', 'primary', 'Active']);
    for (const [name, text] of Object.entries(deliveryVariants(fixture('rbm-status-running-role.txt'), 'display remote-backup-group status'))) {
      expect(parseRbmStatus(text).value, name).toEqual(value);
    }
  });

  it('leaves the running role out on releases that do not print it', () => {
    expect(parseRbmStatus(fixture('rbm-status-primary.txt')).value.runningRole).toBeUndefined();
  });

  it('reads the older single block with padded keys and abbreviated data channel', () => {
    const { value, warnings } = parseRbmStatus(fixture('rbm-status-older.txt'));
    expect(warnings).toEqual([]);
    expect(value).toEqual({
      configured: true,
      mode: 'dual-active',
      role: 'secondary',
      runningStatus: 'Standby',
      dataChannelInterface: 'GigabitEthernet1/0/3',
      localIp: '10.2.1.2',
      remoteIp: '10.2.1.1',
      port: 60064,
      controlChannel: 'Disconnected',
      keepaliveInterval: 2,
      keepaliveCount: 5,
      consistencyInterval: '24 hours',
      consistency: 'Not Performed',
    });
  });

  it('reports "not configured" as configured: false without warnings', () => {
    expect(parseRbmStatus(fixture('rbm-status-not-configured.txt'))).toEqual({ value: { configured: false }, warnings: [] });
  });

  it('warns on unknown keys and values but keeps what it understood', () => {
    const { value, warnings } = parseRbmStatus('  Backup mode: Sideways\n  Device running status: Active\n  Frobnication level: 11\nrandom words');
    expect(value).toEqual({ configured: true, runningStatus: 'Active' });
    expect(warnings).toEqual([
      'display remote-backup-group status: unrecognised "backup mode" value "Sideways"',
      'display remote-backup-group status: unrecognised "frobnication level" value "11"',
      'display remote-backup-group status: unrecognised line "random words"',
    ]);
  });

  it('gives the same facts whatever the delivery', () => {
    const clean = parseRbmStatus(fixture('rbm-status-primary.txt')).value;
    for (const [name, text] of Object.entries(deliveryVariants(fixture('rbm-status-primary.txt'), 'display remote-backup-group status'))) {
      expect(parseRbmStatus(text).value, name).toEqual(clean);
    }
  });
});

describe('parseSyncCheck', () => {
  it('reads the result, time and the +/- differences', () => {
    expect(parseSyncCheck(fixture('sync-check-inconsistent.txt'))).toEqual({
      value: {
        result: 'Inconsistent',
        time: '2026-11-25 14:00:00',
        differences: ['+ security-policy ip', '+  rule 5 name allow-web', '- ip route-static 0.0.0.0 0 10.9.9.254'],
      },
      warnings: [],
    });
    expect(parseSyncCheck(fixture('sync-check-consistent.txt')).value).toEqual({ result: 'Consistent', time: '2026-11-25 13:00:00', differences: [] });
  });

  it('reads a result sentence and flags output with none', () => {
    expect(parseSyncCheck('The configuration consistency check has not been performed.').value.result).toBe('Not Performed');
    expect(parseSyncCheck('Remote backup group is not configured.')).toEqual({ value: { differences: [] }, warnings: ['display remote-backup-group sync-check: RBM is not configured'] });
    expect(parseSyncCheck('hello').warnings).toEqual([
      'display remote-backup-group sync-check: unrecognised line "hello"',
      'display remote-backup-group sync-check: no result line',
    ]);
  });
});
