import { describe, expect, it } from 'vitest';
import { compareFacts } from '../../src/core/discover/compare';
import type { DeviceFacts } from '../../src/core/model/facts';
import { createI18n } from '../../src/i18n/create';
import { mismatchText } from '../../src/i18n/discover';
import { factoryFresh, iface } from '../core/discover/facts';
import { checkingTranslator } from './core-helpers';

const zh = createI18n('zh-CN');
const device = (over: Partial<DeviceFacts> = {}): DeviceFacts => factoryFresh({ mac: '3cd2-e5a0-0001', interfaces: [iface('GigabitEthernet1/0/1', 'Route-Aggregation1'), iface('GigabitEthernet1/0/2')], ...over });

const rbm = (role: 'primary' | 'secondary', localIp: string, remoteIp: string, port: number, keepaliveInterval: number) => ({ configured: true, role, mode: 'active-standby' as const, localIp, remoteIp, port, keepaliveInterval, keepaliveCount: 10 });

/** Pairs of devices that between them give every row compareFacts can write. */
const PAIRS: [DeviceFacts, DeviceFacts][] = [
  [device(), device({ model: 'Other', softwareVersion: '7.1.070', release: 'ESS 1171P24', mac: '3cd2-e5a0-0002' })],
  [device({ model: undefined, softwareVersion: undefined, release: undefined, serialNumber: undefined }), device({ sysname: 'FW2', model: undefined, release: undefined, serialNumber: undefined, mac: '3cd2-e5a0-0002' })],
  [device({ serialNumber: undefined, mac: undefined, uptimeSeconds: 600 }), device({ serialNumber: undefined, mac: undefined, uptimeSeconds: 600 })],
  [device({ serialNumber: 'X' }), device({ serialNumber: 'X', sysname: 'FW2', softwareVersion: undefined })],
  [device({ serialNumber: undefined, mac: undefined }), device({ sysname: 'FW2', serialNumber: 'SN-B', interfaces: [] })],
  [
    device({ rbm: rbm('primary', '10.2.1.1', '10.2.1.9', 60064, 1), interfaces: [iface('GigabitEthernet1/0/1'), iface('GigabitEthernet1/0/9')] }),
    device({ sysname: 'FW2', serialNumber: 'SN-B', rbm: { ...rbm('primary', '10.2.1.2', '10.2.1.1', 60065, 2), mode: 'dual-active' } }),
  ],
];

describe('discovery comparison in the reader’s language', () => {
  const rows = PAIRS.flatMap(([a, b]) => compareFacts(a, b));

  it('every row and label has its code in both catalogues, and the English catalogue says what core says', () => {
    const { tr, missing, drift } = checkingTranslator();
    for (const m of rows) {
      expect(m.code, m.message).toBeDefined();
      expect(m.labelCode, m.label).toBeDefined();
      tr.text(m.code as string, m.params, m.message);
      tr.text(m.labelCode as string, {}, m.label);
    }
    expect([...missing]).toEqual([]);
    expect(drift).toEqual([]);
    // Every kind of row was seen: the pairs above are not missing one.
    expect(new Set(rows.map((m) => m.code)).size).toBeGreaterThanOrEqual(18);
  });

  it('says the rows in Chinese, with the device values as read', () => {
    for (const m of rows) expect(mismatchText(zh, m).message, m.code).not.toBe(m.message);
    const role = rows.find((m) => m.field === 'rbm.role');
    expect(role && mismatchText(zh, role)).toEqual({ label: 'RBM 角色', message: '两台设备都配置为 primary；必须一台为主角色（primary），另一台为从角色（secondary）。', a: 'primary', b: 'primary' });
    const unread = rows.find((m) => m.code === 'compare.unread-one' && m.field === 'softwareVersion' && m.b === undefined);
    expect(unread && mismatchText(zh, unread).message).toBe('设备 B 无法读取软件版本；请手工检查。');
  });
});
