import { describe, expect, it } from 'vitest';
import { LogRouter } from '../../../src/core/monitor/log-router';
import { logFact, splitLogLine } from '../../../src/core/monitor/logline';

describe('log lines', () => {
  it.each([
    ['%Nov 25 14:20:01:123 2026 FW1 RBM/6/RBM_CHANNEL: Local IP=10.2.1.1, remote IP=10.2.1.2, status=Disconnected.', { host: 'FW1', module: 'RBM', mnemonic: 'RBM_CHANNEL', deviceTime: 'Nov 25 14:20:01:123 2026' }],
    ['<190>Nov 25 14:20:01 2026 FW2 %%10RBM/6/RBM_CHANNEL(l): Local IP=10.2.1.2, remote IP=10.2.1.1, status=Connected.', { host: 'FW2', module: 'RBM', severity: 6 }],
    ['<190>1 2026-11-25T14:20:01.123Z FW2 - - - - %%10RBM/4/RBM_STATUS: Status changed from Standby to Active. Reason: Peer lost.', { host: 'FW2', deviceTime: '2026-11-25T14:20:01.123Z' }],
  ])('splits %s', (line, want) => {
    expect(splitLogLine(line)).toMatchObject(want);
  });

  it('returns undefined for lines without a MODULE/sev/MNEMONIC header', () => {
    expect(splitLogLine('hello world')).toBeUndefined();
  });

  it.each([
    ['RBM_CHANNEL', 'Local IP=10.2.1.1, remote IP=10.2.1.2, status=Disconnected.', { type: 'channel', channel: 'control', status: 'Disconnected' }],
    ['RBM_CHANNEL', 'Local IP=10.2.1.1, remote IP=10.2.1.2, status=Connected.', { type: 'channel', channel: 'control', status: 'Connected' }],
    ['RBM_STATUS', 'Status changed from Standby to Active. Reason: Peer lost.', { type: 'switchover', from: 'Standby', to: 'Active', cause: 'Peer lost' }],
    ['RBM_STATE_CHANGE', 'Running status changed: Active to Standby, Manual switchover.', { type: 'switchover', from: 'Active', to: 'Standby', cause: 'Manual switchover' }],
    ['RBM_CFG_COMPARE_RESULT', 'Configuration consistency check finished: inconsistent modules: acl.', { type: 'consistency', result: 'Inconsistent' }],
    ['RBM_CFG_COMPARE_RESULT', 'Configuration consistency check finished: consistent.', { type: 'consistency', result: 'Consistent' }],
    ['RBM_CFG_BATCH_SYNC', 'Batch configuration synchronization failed.', { type: 'config-sync', status: 'failed' }],
    ['RBM_DATA_CHANNEL', 'Data channel interface GigabitEthernet1/0/3 went down.', { type: 'channel', channel: 'data', status: 'Disconnected' }],
  ])('reads %s: %s', (mnemonic, text, want) => {
    expect(logFact({ module: 'RBM', severity: 6, mnemonic, text })).toMatchObject(want);
  });

  it.each([
    ['RBM_STATUS_CHANGE', 'Running status changed from Standby to Active. Cause: Peer lost.', { type: 'switchover', from: 'Standby', to: 'Active', cause: 'Peer lost' }],
    ['RBM_CFG_COMPARE_RESULT', 'Configuration consistency check result: Inconsistent (2 differing lines). Please synchronize the configuration manually.', { type: 'consistency', result: 'Inconsistent' }],
    ['RBM_CFG_COMPARE_RESULT', 'Configuration consistency check result: Consistent.', { type: 'consistency', result: 'Consistent' }],
    ['RBM_CFG_BATCH_SYNC', 'Started batch configuration synchronization to the secondary device.', { type: 'config-sync', status: 'started' }],
    ['RBM_CFG_SYNC', 'Configuration synchronized from the primary device.', { type: 'config-sync', status: 'finished' }],
  ])('reads the lab message %s: %s', (mnemonic, text, want) => {
    expect(logFact({ module: 'RBM', severity: 6, mnemonic, text })).toMatchObject(want);
  });

  it.each([
    ['RBM_CFG_COMPARE_START', 'Started configuration consistency check.'],
    ['RBM_CHANNEL_BIND_FAILED', 'Failed to bind local IP 10.2.1.1 port 60064: EADDRINUSE.'],
  ])('draws no fact from %s', (mnemonic, text) => {
    expect(logFact({ module: 'RBM', severity: 4, mnemonic, text })).toBeUndefined();
  });

  it('reads a VRRP state change', () => {
    const text = 'The status of IPv4 virtual router 1 (configured on GigabitEthernet1/0/1) changed from Backup to Master: Master down timer expired.';
    expect(logFact({ module: 'VRRP4', severity: 6, mnemonic: 'VRRP_STATUS_CHANGE', text })).toEqual({
      type: 'vrrp',
      vrid: 1,
      interface: 'GigabitEthernet1/0/1',
      from: 'Backup',
      to: 'Master',
      cause: 'Master down timer expired',
    });
  });

  it('ignores other modules', () => {
    expect(logFact({ module: 'SHELL', severity: 5, mnemonic: 'SHELL_LOGIN', text: 'admin logged in from 10.0.0.1.' })).toBeUndefined();
  });
});

describe('LogRouter', () => {
  const router = new LogRouter([
    { pair: 'p1', device: 'a', sysname: 'FW1', addresses: ['10.0.0.1'] },
    { pair: 'p1', device: 'b', sysname: 'FW2', addresses: ['127.0.0.1'] },
    { pair: 'p2', device: 'a', addresses: ['127.0.0.1'] },
  ]);
  const line = (host: string) => `<190>Nov 25 14:20:01 2026 ${host} %%10RBM/6/RBM_CHANNEL(l): Local IP=1.1.1.1, remote IP=1.1.1.2, status=Disconnected.`;

  it('routes by sysname first', () => {
    expect(router.route(line('FW2'), '10.9.9.9', 1)).toMatchObject({ pair: 'p1', device: 'b', fact: { type: 'channel' } });
  });
  it('routes by address only when it is unambiguous', () => {
    expect(router.route(line('unknown'), '::ffff:10.0.0.1', 1)).toMatchObject({ pair: 'p1', device: 'a' });
    expect(router.route(line('unknown'), '127.0.0.1', 1)).toBeUndefined();
  });
  it('learns sysnames from polls', () => {
    router.learnSysname('p2', 'a', 'LAB7A');
    expect(router.route(line('LAB7A'), undefined, 1)).toMatchObject({ pair: 'p2', device: 'a' });
  });
});
