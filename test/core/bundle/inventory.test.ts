import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { inventoryToPairInputs } from '../../../src/core/bundle/inventory';
import { createFromInventory } from '../../../src/cli/bundle/create';
import { generateSigningKey, fingerprint } from '../../../src/core/bundle/node/crypto';
import { readBundle } from '../../../src/core/bundle/node/container';
import { comware7 } from '../../../src/core/platforms/comware7';

const template = parseYaml(readFileSync('resources/examples/as-vrrp.yaml', 'utf8')) as Record<string, unknown>;
const header = 'name,devices.a.sysname,devices.b.sysname,devices.a.controlChannel.localIp,devices.b.controlChannel.localIp,controlChannel.keepalive.count';

describe('inventory → bundles', () => {
  it('maps dotted columns onto the template, coercing numbers, keeping the template where a cell is empty', () => {
    const { pairs, errors } = inventoryToPairInputs([{ name: 'x', 'controlChannel.keepalive.count': '5', 'devices.a.sysname': '' }], template);
    expect(errors).toEqual([]);
    const p = pairs[0]!.input as { name: string; controlChannel: { keepalive: { count: number } }; devices: { a: { sysname: string } } };
    expect(p.name).toBe('x');
    expect(p.controlChannel.keepalive.count).toBe(5);
    expect(p.devices.a.sysname).toBe((template as { devices: { a: { sysname: string } } }).devices.a.sysname);
  });

  it('writes one verified bundle per good row and names each bad row with its reason', async () => {
    const key = generateSigningKey();
    const dir = mkdtempSync(join(tmpdir(), 'hp-inv-'));
    const csv = [
      header,
      'site-1,S1A,S1B,10.9.1.1,10.9.1.2,3',
      'site-2,S2A,S2B,10.9.2.1,10.9.2.1,3', // same control IPs on both sides: channel.local-ne-peer
      'site-3,S3A,S3B,10.9.3.1,10.9.3.300,3', // not an address
      'site-1,S4A,S4B,10.9.4.1,10.9.4.2,3', // repeats a name
    ].join('\n');
    const log: string[] = [];
    const r = await createFromInventory(csv, template, comware7, key, dir, (s) => log.push(s));
    expect(r).toEqual({ written: 1, failed: 3 });
    expect(log.join('')).toMatch(/row 2: .*channel\.local-ne-peer/);
    expect(log.join('')).toMatch(/row 3: devices\.b\.controlChannel\.localIp/);
    expect(log.join('')).toMatch(/row 4: pair name "site-1" repeats/);
    expect(readdirSync(dir)).toEqual(['site-1.hpb']);
    const b = readBundle(readFileSync(join(dir, 'site-1.hpb')), { isTrusted: (f) => f === fingerprint(key.publicKeyRaw) });
    expect(b.manifest.pair).toEqual({ name: 'site-1', mode: 'active-standby', sysnames: { a: 'S1A', b: 'S1B' } });
    expect(b.members['a.cfg']!.toString()).toContain('remote-ip 10.9.1.2 port');
    expect(JSON.parse(b.members['verify.json']!.toString()).controlChannel).toBe('Connected');
  });

  it('a bundle that cannot be written fails the run (background writes are awaited, not dropped)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hp-inv-'));
    mkdirSync(join(dir, 'site-1.hpb')); // a folder where the bundle file should go
    await expect(createFromInventory([header, 'site-1,S1A,S1B,10.9.1.1,10.9.1.2,3'].join('\n'), template, comware7, generateSigningKey(), dir, () => undefined)).rejects.toThrow(/EISDIR/);
  });
});
