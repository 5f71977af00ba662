import { describe, expect, it } from 'vitest';
import { compareFacts } from '../../../src/core/discover/compare';
import type { DeviceFacts } from '../../../src/core/model/facts';
import { factoryFresh, iface } from './facts';

const device = (over: Partial<DeviceFacts> = {}): DeviceFacts => factoryFresh({ interfaces: [iface('GigabitEthernet1/0/1'), iface('GigabitEthernet1/0/2'), iface('GigabitEthernet1/0/3'), iface('NULL0')], ...over });

describe('compareFacts', () => {
  it('finds nothing to highlight for two factory-fresh identical devices', () => {
    expect(compareFacts(device(), device({ sysname: 'FW2', serialNumber: 'SN-B' }))).toEqual([]);
  });

  it('flags different model, version and release as errors with both values', () => {
    const out = compareFacts(device(), device({ sysname: 'FW2', serialNumber: 'SN-B', model: 'SecPath F1000-AK1160', release: 'ESS 1171P24' }));
    expect(out.map((m) => [m.field, m.severity, m.a, m.b])).toEqual([
      ['model', 'error', 'SecPath F1000-AK1150', 'SecPath F1000-AK1160'],
      ['release', 'error', 'ESS 1171P23', 'ESS 1171P24'],
    ]);
  });

  it('says when a value could not be read instead of calling it a mismatch', () => {
    const b = device({ sysname: 'FW2', serialNumber: 'SN-B' });
    delete b.softwareVersion;
    expect(compareFacts(device(), b)).toEqual([
      expect.objectContaining({ field: 'softwareVersion', label: 'Software version', a: '7.1.064', b: undefined, severity: 'info', message: 'Software version could not be read on device B; check it by hand.' }),
    ]);
  });

  it('lists interfaces present on only one side and aggregation differences, ignoring NULL/InLoopBack', () => {
    const a = device({ interfaces: [iface('GigabitEthernet1/0/1', 'Route-Aggregation1'), iface('GigabitEthernet1/0/2'), iface('GigabitEthernet1/0/9'), iface('NULL0')] });
    const b = device({ sysname: 'FW2', serialNumber: 'SN-B', interfaces: [iface('GigabitEthernet1/0/1'), iface('GigabitEthernet1/0/2'), iface('GigabitEthernet1/0/3'), iface('InLoopBack0')] });
    const out = compareFacts(a, b);
    expect(out.map((m) => [m.field, m.severity, m.a, m.b])).toEqual([
      ['interfaces', 'error', 'only here: GigabitEthernet1/0/9', 'only here: GigabitEthernet1/0/3'],
      ['interfaces.aggregation', 'warning', 'GigabitEthernet1/0/1 → Route-Aggregation1', 'GigabitEthernet1/0/1 → none'],
    ]);
  });

  it('warns about existing RBM configuration on either side', () => {
    const a = device({ rbm: { configured: true, role: 'primary', mode: 'active-standby', localIp: '10.2.1.1', remoteIp: '10.2.1.2' } });
    const out = compareFacts(a, device({ sysname: 'FW2', serialNumber: 'SN-B' }));
    expect(out).toEqual([
      expect.objectContaining({
        field: 'rbm.existing.a',
        label: 'Existing RBM configuration',
        a: 'primary, active-standby, local 10.2.1.1, remote 10.2.1.2',
        b: undefined,
        severity: 'warning',
        message: 'Device A already has an RBM configuration; pairing will replace it.',
      }),
    ]);
  });

  it('finds conflicting RBM configurations: same role, mode, port, crossed addresses, keepalive', () => {
    const a = device({ rbm: { configured: true, role: 'primary', mode: 'active-standby', localIp: '10.2.1.1', remoteIp: '10.2.1.2', port: 60064, keepaliveInterval: 1, keepaliveCount: 10 } });
    const b = device({
      sysname: 'FW2',
      serialNumber: 'SN-B',
      rbm: { configured: true, role: 'primary', mode: 'dual-active', localIp: '10.2.1.3', remoteIp: '10.2.1.1', port: 60065, keepaliveInterval: 1, keepaliveCount: 5 },
    });
    expect(compareFacts(a, b).map((m) => [m.field, m.severity])).toEqual([
      ['rbm.existing.a', 'warning'],
      ['rbm.existing.b', 'warning'],
      ['rbm.role', 'error'],
      ['rbm.mode', 'error'],
      ['rbm.port', 'error'],
      ['rbm.addresses', 'error'],
      ['rbm.keepaliveCount', 'warning'],
    ]);
  });

  it('accepts a correctly mirrored existing pair apart from the "existing" notes', () => {
    const a = device({ rbm: { configured: true, role: 'primary', localIp: '10.2.1.1', remoteIp: '10.2.1.2', port: 60064 } });
    const b = device({ sysname: 'FW2', serialNumber: 'SN-B', rbm: { configured: true, role: 'secondary', localIp: '10.2.1.2', remoteIp: '10.2.1.1', port: 60064 } });
    expect(compareFacts(a, b).map((m) => m.field)).toEqual(['rbm.existing.a', 'rbm.existing.b']);
  });

  it('catches the same device reached twice and a shared sysname', () => {
    expect(compareFacts(device(), device()).map((m) => [m.field, m.severity])).toEqual([
      ['sysname', 'warning'],
      ['serialNumber', 'error'],
    ]);
  });

  it('says when a fact could not be read on either device, as a warning', () => {
    const a = device();
    const b = device({ sysname: 'FW2', serialNumber: 'SN-B' });
    delete a.release;
    delete b.release;
    expect(compareFacts(a, b)).toEqual([expect.objectContaining({ field: 'release', label: 'Release', severity: 'warning', message: 'Release could not be read on either device; compare it on both by hand.' })]);
  });

  const noSerial = (over: Partial<DeviceFacts>) => {
    const f = device(over);
    delete f.serialNumber;
    return f;
  };
  const clock = '2026-11-25T14:00:00.000Z';
  const later = (s: number) => new Date(Date.parse(clock) + s * 1000).toISOString();

  it.each([
    // [case, A, B, identity rows expected]
    ['serials differ', device(), device({ sysname: 'FW2', serialNumber: 'SN-B' }), []],
    ['same serial', device(), device({ sysname: 'FW2' }), [['serialNumber', 'error']]],
    ['no serials, same MAC written differently', noSerial({ mac: '3CD2-E5A1-0B2C' }), noSerial({ sysname: 'FW2', mac: '3cd2-e5a1-0b2c' }), [['serialNumber', 'warning'], ['mac', 'error']]],
    ['no serials, different MACs', noSerial({ mac: '3cd2-e5a1-0b2c' }), noSerial({ sysname: 'FW2', mac: '3cd2-e5a1-0b2d' }), [['serialNumber', 'info']]],
    ['no serial or MAC, same sysname, same boot read a minute apart', noSerial({ uptimeSeconds: 7200, clock }), noSerial({ uptimeSeconds: 7260, clock: later(60) }), [['sysname', 'warning'], ['serialNumber', 'warning'], ['identity', 'error']]],
    ['no serial or MAC, same sysname, no clocks, same uptime', noSerial({ uptimeSeconds: 7200, clock: undefined }), noSerial({ uptimeSeconds: 7260, clock: undefined }), [['sysname', 'warning'], ['serialNumber', 'warning'], ['identity', 'error']]],
    ['no serial or MAC, same sysname, booted an hour apart', noSerial({ uptimeSeconds: 7200, clock }), noSerial({ uptimeSeconds: 3600, clock }), [['sysname', 'warning'], ['serialNumber', 'warning']]],
    ['no serial or MAC, other sysname, same boot', noSerial({ uptimeSeconds: 7200, clock }), noSerial({ sysname: 'FW2', uptimeSeconds: 7200, clock }), [['serialNumber', 'warning']]],
  ] as const)('tells the same device reached twice apart from two devices: %s', (_case, a, b, rows) => {
    const out = compareFacts(a as DeviceFacts, b as DeviceFacts).filter((m) => ['sysname', 'serialNumber', 'mac', 'identity'].includes(m.field));
    expect(out.map((m) => [m.field, m.severity])).toEqual(rows);
    for (const m of out) if (m.severity === 'error') expect(m.message).toMatch(/^Both connections reach the same device\./);
  });
});
