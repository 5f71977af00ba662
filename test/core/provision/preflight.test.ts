import { describe, expect, it } from 'vitest';
import type { DeviceFacts } from '../../../src/core/model/facts';
import { parseManuinfo } from '../../../src/core/parse/manuinfo';
import { parseVersion } from '../../../src/core/parse/version';
import { comware7 } from '../../../src/core/platforms/comware7';
import { preflight } from '../../../src/core/provision/preflight';
import { fixture } from '../parse/fixtures';
import { EXAMPLES } from '../render/examples';

/** Facts as discovery makes them from a recorded `display version` (and manuinfo when given). */
function facts(sysname: string, version: string, manuinfo?: string): DeviceFacts {
  const v = parseVersion(fixture(version)).value;
  const f: DeviceFacts = { sysname, interfaces: [{ name: 'GigabitEthernet1/0/3' }], vrrp: [], tracks: [], warnings: [] };
  for (const key of ['vendor', 'model', 'softwareVersion', 'release', 'uptimeSeconds'] as const) if (v[key] !== undefined) Object.assign(f, { [key]: v[key] });
  if (manuinfo !== undefined) {
    const m = parseManuinfo(fixture(manuinfo)).value;
    if (m.serialNumber !== undefined) f.serialNumber = m.serialNumber;
    if (m.mac !== undefined) f.mac = m.mac;
  }
  return f;
}

const rules = (findings: ReturnType<typeof preflight>, prefix: string) => findings.filter((d) => d.rule.startsWith(prefix));

describe('preflight: software that cannot run the pair', () => {
  it('refuses a Comware 5 device, naming it and the version seen, and shows the two releases as a mismatch', () => {
    const pair = EXAMPLES['as-vrrp'];
    if (!pair) throw new Error('example missing');
    const out = preflight(pair, { a: facts('FW1', 'version-comware5-feature.txt', 'manuinfo-compact.txt'), b: facts('FW2', 'version-comware5-release.txt', 'manuinfo-firewall.txt') }, comware7);
    expect(rules(out, 'preflight.comware-version').map((d) => [d.path, d.severity, d.message])).toEqual([
      ['devices.a', 'error', 'device a runs Comware 5.20, Feature 6709L25; RBM needs Comware V7'],
      ['devices.b', 'error', 'device b runs Comware 5.20, Release 1809P03; RBM needs Comware V7'],
    ]);
    expect(out.find((d) => d.rule === 'pair.same-software')?.message).toMatch(/Feature 6709L25.*Release 1809P03/);
  });

  it('lets a Comware V7 pair through the version check', () => {
    const pair = EXAMPLES['as-vrrp'];
    if (!pair) throw new Error('example missing');
    const out = preflight(pair, { a: facts('FW1', 'version-vfw1000.txt', 'manuinfo-compact.txt'), b: facts('FW2', 'version-vfw1000.txt', 'manuinfo-firewall.txt') }, comware7);
    expect(rules(out, 'preflight.comware-version')).toEqual([]);
  });

  it.each([
    ['mirror-track', [['mode', 'mirroring mode'], ['devices.a.managementInterface', 'a management interface for mirroring mode']]],
    ['as-floating-ip', [['floatingIps', 'virtual-IP association']]],
    ['as-ospf-cost', [['monitor', 'interface monitoring']]],
    ['as-vrrp', []],
  ])('names each feature %s uses that the 2020 SecPath release lacks', (example, expected) => {
    const pair = EXAMPLES[example];
    if (!pair) throw new Error('example missing');
    const old = { a: facts('FW1', 'version-secpath-r9620.txt', 'manuinfo-compact.txt'), b: facts('FW2', 'version-vfw1000.txt', 'manuinfo-firewall.txt') };
    const found = rules(preflight(pair, old, comware7), 'preflight.release-features');
    expect(found.map((d) => [d.path, d.severity])).toEqual(expected.map(([path]) => [path, 'error']));
    found.forEach((d, i) => {
      expect(d.message).toContain('device a runs Release 9620P06');
      expect(d.message).toContain(`has no ${expected[i]?.[1]}`);
    });
    // The same file on releases whose guides have the features passes this check.
    const recent = { a: facts('FW1', 'version-vfw1000.txt', 'manuinfo-compact.txt'), b: facts('FW2', 'version-vfw1000.txt', 'manuinfo-firewall.txt') };
    expect(rules(preflight(pair, recent, comware7), 'preflight.release-features')).toEqual([]);
  });
});

describe('preflight: two different devices', () => {
  const pair = EXAMPLES['as-vrrp'];
  if (!pair) throw new Error('example missing');

  it('catches the same box reached twice when neither serial nor MAC can be read', () => {
    const box = facts('H3C', 'version-vfw1000.txt');
    const out = preflight(pair, { a: box, b: { ...box, uptimeSeconds: (box.uptimeSeconds ?? 0) + 60 } }, comware7);
    expect(out.map((d) => [d.rule, d.severity]).filter(([r]) => /serialNumber|identity|mac/.test(r ?? ''))).toEqual([
      ['preflight.identity', 'error'],
      ['preflight.serialNumber', 'warning'],
    ]);
  });

  it('catches the same box by its MAC when no serial could be read', () => {
    const a = facts('FW1', 'version-vfw1000.txt', 'manuinfo-compact.txt');
    const b = { ...a, sysname: 'FW2' };
    delete a.serialNumber;
    delete b.serialNumber;
    const out = preflight(pair, { a, b }, comware7);
    expect(out.find((d) => d.rule === 'preflight.mac')).toMatchObject({ severity: 'error', message: expect.stringContaining('(A: 3CD2-E5A1-0B2C; B: 3CD2-E5A1-0B2C)') });
  });

  it('says so when a fact is unreadable on both devices instead of staying silent', () => {
    const a = facts('FW1', 'version-vfw1000.txt');
    const b = facts('FW2', 'version-vfw1000.txt');
    for (const f of [a, b]) delete f.model;
    const out = preflight(pair, { a, b }, comware7);
    expect(out.filter((d) => d.rule === 'preflight.model' || d.rule === 'preflight.serialNumber').map((d) => [d.rule, d.severity])).toEqual([
      ['preflight.model', 'warning'],
      ['preflight.serialNumber', 'warning'],
    ]);
  });
});
