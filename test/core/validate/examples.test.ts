import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadPairText } from '../../../src/core/model/load';
import { pairJsonSchemaText } from '../../../src/core/model/schema';
import { validatePair } from '../../../src/core/validate/index';

const dir = new URL('../../../resources/examples/', import.meta.url);
const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort();
const load = (f: string) => {
  const r = loadPairText(readFileSync(new URL(f, dir), 'utf8'), f);
  if (!r.ok) throw new Error(`${f}: ${r.errors.map((e) => `${e.line}:${e.column} ${e.path} ${e.message}`).join('; ')}`);
  return r.pair;
};

describe('resources/examples', () => {
  it('has one example per mode and collaboration, plus the lab', () => {
    expect(files).toEqual(['as-floating-ip.yaml', 'as-ospf-cost.yaml', 'as-vrrp.yaml', 'dual-active-vrrp.yaml', 'lab.yaml', 'mirroring-track.yaml']);
  });

  it.each(files)('%s loads and validates with no error and no warning', (f) => {
    const text = readFileSync(new URL(f, dir), 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../pair.schema.json');
    const ds = validatePair(load(f));
    expect(ds.filter((d) => d.severity !== 'info')).toEqual([]);
  });

  it('each example shows the collaboration its name promises', () => {
    expect(load('as-vrrp.yaml')).toMatchObject({ mode: 'active-standby', floatingIps: [], routing: {} });
    expect(load('as-vrrp.yaml').vrrp.length).toBeGreaterThan(0);
    expect(load('dual-active-vrrp.yaml').vrrp.map((g) => g.group)).toEqual(expect.arrayContaining(['active', 'standby']));
    expect(load('mirroring-track.yaml')).toMatchObject({ mode: 'mirroring', roles: 'auto', vrrp: [], floatingIps: [] });
    expect(load('mirroring-track.yaml').track.length).toBeGreaterThan(0);
    expect(load('as-floating-ip.yaml').floatingIps.length).toBeGreaterThan(0);
    expect(load('as-ospf-cost.yaml').routing.ospf).toBeDefined();
  });

  it('lab.yaml points at the built-in lab', () => {
    const p = load('lab.yaml');
    expect(p).toMatchObject({
      mode: 'active-standby',
      controlChannel: { port: 60064, keepalive: { intervalSeconds: 1, count: 3 } },
      fallback: { enabled: true, delaySeconds: 5 },
      track: [{ id: 1, interface: 'GigabitEthernet1/0/2' }],
      vrrp: [{ interface: 'GigabitEthernet1/0/1', vrid: 1, virtualIp: '10.1.1.3', group: 'active', mode: 'standard' }],
    });
    expect([p.devices.a.connect, p.devices.b.connect]).toEqual(['ssh://admin@127.0.0.1:2201', 'ssh://admin@127.0.0.1:2202']);
    expect([p.devices.a.controlChannel.localIp, p.devices.b.controlChannel.localIp]).toEqual(['10.2.1.1', '10.2.1.2']);
    expect([p.devices.a.dataChannel.interface, p.devices.b.dataChannel.interface]).toEqual(['GigabitEthernet1/0/3', 'GigabitEthernet1/0/3']);
    expect(p.devices.a.interfaces.map((i) => i.name)).toEqual(['GigabitEthernet1/0/1', 'GigabitEthernet1/0/2']);
  });

  it('the committed resources/pair.schema.json is the generated schema (run `hotpair schema > resources/pair.schema.json`)', () => {
    expect(readFileSync(new URL('../pair.schema.json', dir), 'utf8')).toBe(pairJsonSchemaText());
  });
});
