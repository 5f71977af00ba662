import { describe, expect, it } from 'vitest';
import { compareFacts } from '../../src/core/discover/compare';
import type { DeviceFacts, RbmFact } from '../../src/core/model/facts';
import { factFindings } from '../../src/core/provision/preflight';
import { createI18n } from '../../src/i18n/create';
import { mismatchText } from '../../src/i18n/discover';
import { preflightText } from '../../src/i18n/preflight';
import { PSEUDO_LANGUAGE, pseudoResources } from '../../src/i18n/pseudo';
import { EXAMPLES } from '../core/render/examples';
import { factoryFresh, iface } from '../core/discover/facts';
import { checkingTranslator } from './core-helpers';

const en = createI18n('en');
const zh = createI18n('zh-CN');
const pseudo = createI18n(PSEUDO_LANGUAGE, pseudoResources());
const pair = EXAMPLES['as-vrrp'];
if (!pair) throw new Error('example missing');

// The interfaces the example pair file names, so the file's own checks stay quiet.
const named = [...new Set([pair.devices.a.dataChannel.interface, ...pair.devices.a.interfaces.map((i) => i.name), ...pair.vrrp.map((g) => g.interface)])].map((n) => iface(n));

const device = (over: Partial<DeviceFacts> = {}): DeviceFacts => factoryFresh({ mac: '3cd2-e5a0-0001', uptimeSeconds: 600, interfaces: named, ...over });
const without = (f: DeviceFacts, ...keys: (keyof DeviceFacts)[]): DeviceFacts => {
  const out = { ...f };
  for (const k of keys) delete out[k];
  return out;
};
const rbm = (over: Partial<RbmFact>): RbmFact => ({ configured: true, ...over });

/** Pairs of devices that between them give every row the preflight repeats from the comparison. */
const PAIRS: [DeviceFacts, DeviceFacts][] = [
  // The same serial twice, on two devices that also run different versions and have an interface each the other lacks.
  [device({ serialNumber: 'SN-X', interfaces: [...named, iface('GigabitEthernet1/0/9')] }), device({ sysname: 'FW2', serialNumber: 'SN-X', softwareVersion: '7.1.070', interfaces: [...named, iface('GigabitEthernet1/0/7'), iface('GigabitEthernet1/0/8')] })],
  // Serial unreadable on both, the MAC gives the same box away.
  [without(device(), 'serialNumber'), without(device({ sysname: 'FW2' }), 'serialNumber')],
  // Serial unreadable on both, two MACs tell them apart.
  [without(device(), 'serialNumber'), without(device({ sysname: 'FW2', mac: '3cd2-e5a0-0002' }), 'serialNumber')],
  // Serial and MAC unreadable: the same sysname and boot time give the same box away.
  [without(device(), 'serialNumber', 'mac'), without(device({ uptimeSeconds: 660 }), 'serialNumber', 'mac')],
  // Facts read on one side only, on neither, and an interface list that could not be read.
  [without(device(), 'model', 'serialNumber'), without(device({ sysname: 'FW2', mac: '3cd2-e5a0-0002', interfaces: [] }), 'model', 'release')],
  // RBM already configured on both, with the tool's own words in the values.
  [
    device({ rbm: rbm({ role: 'primary', mode: 'active-standby', localIp: '10.2.1.1', remoteIp: '10.2.1.9' }), interfaces: [...named, iface('GigabitEthernet1/0/5', 'Route-Aggregation1'), iface('GigabitEthernet1/0/6')] }),
    device({ sysname: 'FW2', serialNumber: 'SN-B', mac: '3cd2-e5a0-0002', rbm: rbm({ localIp: '10.2.1.2', remoteIp: '10.2.1.1' }), interfaces: [...named, iface('GigabitEthernet1/0/5'), iface('GigabitEthernet1/0/6', 'Route-Aggregation2')] }),
  ],
  [device({ rbm: rbm({}) }), device({ sysname: 'FW2', serialNumber: 'SN-B', mac: '3cd2-e5a0-0002' })],
];

const rows = PAIRS.flatMap(([a, b]) => compareFacts(a, b));
const findings = PAIRS.flatMap(([a, b]) => factFindings(pair, { a, b })).filter((d) => d.path === 'devices');

/** Everything the devices printed, longest first so no value is cut by a shorter one inside it. */
const DEVICE_VALUES = [
  ...new Set(
    PAIRS.flat().flatMap((f) => [f.sysname, f.model, f.softwareVersion, f.release, f.serialNumber, f.mac, f.rbm?.role, f.rbm?.mode, f.rbm?.localIp, f.rbm?.remoteIp, ...f.interfaces.flatMap((i) => [i.name, i.aggregateMember])]),
  ),
]
  .filter((v): v is string => typeof v === 'string')
  .sort((x, y) => y.length - x.length);
// Words zh-CN keeps in Latin letters: the vendor's names, device commands, CLI flags, the devices' letters.
const KEPT = ['display device manuinfo', 'display version', '--a/--b', 'RBM', 'MAC', 'IP', 'Release', 'sysname', 'secondary', 'A', 'B'];

/** The Latin words left once the pseudo-locale's brackets, device values and kept words are taken out. */
function english(text: string): string[] {
  let s = text;
  while (/［[^［］]*］/.test(s)) s = s.replace(/［[^［］]*］/g, ' ');
  for (const v of [...DEVICE_VALUES, ...KEPT]) s = s.split(v).join(' ');
  return s.split(/[\s,;:()（）：；，、。]+/).filter((w) => /[A-Za-z]/.test(w));
}

describe('discovery comparison: the values the tool words', () => {
  it('has every worded part in both catalogues, the English catalogue saying what core says', () => {
    // Each part's English is checked whole below, through mismatchText.
    const { tr, missing } = checkingTranslator();
    const worded = rows.flatMap((m) => [m.values?.a, m.values?.b]).flatMap((l) => l?.items ?? []);
    for (const x of worded) tr.text(x.code, x.params, x.code);
    expect(new Set(worded.map((x) => x.code))).toEqual(
      new Set(['only-here', 'uptime', 'role', 'mode', 'local', 'remote', 'configured', 'addresses', 'member', 'member-none'].map((k) => `compare.value.${k}`)),
    );
    expect([...missing]).toEqual([]);
    for (const m of rows) expect(mismatchText(en, m), m.field).toMatchObject({ label: m.label, message: m.message, a: m.a, b: m.b });
  });

  it('says every row, label and value in Chinese and in the pseudo-locale, device values as read', () => {
    for (const m of rows) {
      for (const i of [zh, pseudo]) {
        const t = mismatchText(i, m);
        expect(english([t.label, t.message, t.a ?? '', t.b ?? ''].join(' ')), `${i.language} ${m.field}: ${JSON.stringify(t)}`).toEqual([]);
      }
    }
    const iface = rows.find((m) => m.field === 'interfaces' && m.a !== undefined);
    expect(iface && mismatchText(zh, iface)).toMatchObject({ a: '仅此设备有：GigabitEthernet1/0/9', b: '仅此设备有：GigabitEthernet1/0/7和GigabitEthernet1/0/8' });
    const same = rows.find((m) => m.code === 'compare.same-device-identity');
    expect(same && mismatchText(zh, same)).toMatchObject({ a: 'FW1，已运行 10 分钟', b: 'FW1，已运行 11 分钟' });
    const existing = rows.find((m) => m.field === 'rbm.existing.a');
    expect(existing && mismatchText(zh, existing).a).toBe('角色 primary，模式 active-standby，本端 10.2.1.1，对端 10.2.1.9');
  });
});

describe('preflight rows repeated from the comparison', () => {
  it('gives every row a code, for each kind the comparison repeats', () => {
    for (const d of findings) expect(d.code, d.message).toBeDefined();
    expect(new Set(findings.map((d) => d.code))).toEqual(
      new Set([
        'preflight.same-device.serialNumber',
        'preflight.same-device.mac',
        'preflight.same-device.identity',
        'preflight.unread-both.mac-apart',
        'preflight.unread-both.not-proved',
        'preflight.unread-both.version',
        'preflight.unread-one.serialNumber',
        'preflight.unread-one.version',
        'preflight.interfaces.differ',
        'preflight.interfaces.unread-one',
      ]),
    );
  });

  it('says in English exactly what core says', () => {
    for (const d of findings) {
      for (const i of [en, zh]) expect(i.exists(`core:${d.code}.message`) && i.exists(`core:${d.code}.fix`), `${i.language} ${d.code}`).toBe(true);
      const t = preflightText(en, d);
      expect({ message: t.message, fix: t.fix }, d.code).toEqual({ message: d.message, fix: d.fix });
    }
  });

  it('says every row in Chinese and in the pseudo-locale, device values as read', () => {
    for (const d of findings) {
      for (const i of [zh, pseudo]) {
        const t = preflightText(i, d);
        expect(english(`${t.message} ${t.fix ?? ''}`), `${i.language} ${d.code}: ${t.message} / ${t.fix}`).toEqual([]);
      }
    }
    const say = (code: string) => preflightText(zh, findings.find((d) => d.code === code)!).message;
    expect(say('preflight.same-device.serialNumber')).toBe('两个连接到达的是同一台设备。（A：SN-X；B：SN-X）');
    expect(say('preflight.same-device.identity')).toContain('（A：FW1，已运行 10 分钟；B：FW1，已运行 11 分钟）');
    expect(say('preflight.unread-one.version')).toBe('设备 B 无法读取Release 版本；请手工检查。（A：ESS 1171P23；B：-）');
    expect(say('preflight.interfaces.differ')).toBe('两台设备的接口不同；RBM 要求硬件和接口布局相同。（A：仅此设备有：GigabitEthernet1/0/9；B：仅此设备有：GigabitEthernet1/0/7和GigabitEthernet1/0/8）');
  });
});
