import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { exportCfg } from '../../src/cli/bundle/export-cfg';
import { bundleIdentity, bundleMembers } from '../../src/core/bundle/build';
import { writeBundle } from '../../src/core/bundle/node/container';
import { fingerprint, generateSigningKey } from '../../src/core/bundle/node/crypto';
import { loadPairText } from '../../src/core/model/load';
import type { Pair } from '../../src/core/model/pair';
import { comware7 } from '../../src/core/platforms/comware7';
import { renderPairText } from '../../src/core/render/index';

const CREATED = '2026-11-25T14:05:09.000Z';
const loaded = loadPairText(readFileSync('resources/examples/as-vrrp.yaml', 'utf8'), 'as-vrrp');
const pair = (loaded.ok ? loaded.pair : undefined) as Pair;
const scripts = renderPairText(pair, comware7);

describe('hotpair bundle export-cfg (signed bundle → files)', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  const key = generateSigningKey();
  const trusted = (fp: string) => fp === fingerprint(key.publicKeyRaw);
  function bundleFile(): { dir: string; file: string } {
    const dir = mkdtempSync(join(tmpdir(), 'hp-export-'));
    dirs.push(dir);
    const file = join(dir, 'site.hpb');
    writeFileSync(file, writeBundle({ ...bundleIdentity(pair, comware7), createdAt: CREATED, members: bundleMembers(pair, comware7) }, key));
    return { dir, file };
  }

  it('--usb with serials from saved discovery JSON: the index and both configuration files, a note that the layout is unverified', () => {
    const { dir, file } = bundleFile();
    writeFileSync(join(dir, 'a.json'), JSON.stringify({ ok: true, data: { serialNumber: 'SNA1', mac: '3CD2-E5A1-0001', interfaces: [], vrrp: [], tracks: [], warnings: [] } }));
    const notes: string[] = [];
    const out = join(dir, 'usb');
    const written = exportCfg(file, { output: out, usb: true, discoveredA: join(dir, 'a.json'), serialB: 'SNB2' }, trusted, (t) => notes.push(t));
    expect(written).toEqual(['SNA1.cfg', 'SNB2.cfg', 'smart_config.ini']);
    expect(readdirSync(out).sort()).toEqual(['SNA1.cfg', 'SNB2.cfg', 'smart_config.ini']);
    const index = readFileSync(join(out, 'smart_config.ini'), 'utf8');
    expect(index).toContain('[DEVICE DESCRIPTION]\nMAC=3cd2-e5a1-0001\nSN=SNA1\nSYSTEM-CONFIG=SNA1.cfg\n');
    expect(index).toContain('[DEVICE DESCRIPTION]\nSN=SNB2\nSYSTEM-CONFIG=SNB2.cfg\n');
    expect(readFileSync(join(out, 'SNB2.cfg'), 'utf8')).toMatch(/^#\nsysname FW-B|^#\ninterface /);
    expect(notes.join('')).toMatch(/unverified/);
  });

  it('--usb without a serial for a device writes nothing and says where the serial comes from', () => {
    const { dir, file } = bundleFile();
    const out = join(dir, 'usb');
    expect(() => exportCfg(file, { output: out, usb: true, serialA: 'SNA1' }, trusted, () => undefined)).toThrow(/no serial number for FW-B/);
    expect(() => readdirSync(out)).toThrow();
  });

  it('--pack replaces the layout only; without --usb the scripts and undo scripts are written as signed', () => {
    const { dir, file } = bundleFile();
    const packFile = join(dir, 'pack.json');
    writeFileSync(packFile, JSON.stringify({ ...comware7, usbAutoConfig: { ...comware7.usbAutoConfig, indexFile: null, verified: true } }));
    expect(exportCfg(file, { output: join(dir, 'u'), usb: true, serialA: 'A1', serialB: 'B2', pack: packFile }, trusted, () => undefined)).toEqual(['A1.cfg', 'B2.cfg']);
    expect(exportCfg(file, { output: join(dir, 'plain') }, trusted, () => undefined)).toEqual(['FW-A.cfg', 'FW-A.undo.cfg', 'FW-B.cfg', 'FW-B.undo.cfg']);
    expect(readFileSync(join(dir, 'plain', 'FW-B.cfg'), 'utf8')).toBe(`${scripts.b.join('\n')}\n`);
  });
});
