import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../../../src/core/base/errors';
import { comwareMac, scriptToConfigFile, timeSn, usbFiles, type UsbDevice } from '../../../src/core/bundle/export';
import { loadPairText } from '../../../src/core/model/load';
import type { Pair } from '../../../src/core/model/pair';
import { comware7 } from '../../../src/core/platforms/comware7';
import { parsePack, type PlatformPack } from '../../../src/core/platforms/pack';
import { renderPairText } from '../../../src/core/render/index';

const CREATED = '2026-11-25T14:05:09.000Z';
const loaded = loadPairText(readFileSync('resources/examples/as-vrrp.yaml', 'utf8'), 'as-vrrp');
const pair = (loaded.ok ? loaded.pair : undefined) as Pair;
const scripts = renderPairText(pair, comware7);
const dev = (k: 'a' | 'b', over: Partial<UsbDevice> = {}): UsbDevice => ({ sysname: pair.devices[k].sysname, serial: `210235A2X8H20000000${k === 'a' ? 1 : 2}`, script: `${scripts[k].join('\n')}\n`, ...over });

const errorOf = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    return isAppError(e) ? `${e.code}: ${e.message}` : String(e);
  }
  return 'no error';
};

describe('configuration file for the USB disk', () => {
  it('indents each sub-view line under the line that enters it and turns quit into #, as a saved configuration', () => {
    const cfg = scriptToConfigFile('system-view\ninterface GigabitEthernet1/0/1\nip address 10.1.1.1 255.255.255.0\nquit\nremote-backup group\ndevice-role primary\nquit\ninfo-center loghost 192.0.2.9 port 514\nreturn\n', comware7);
    expect(cfg).toBe('#\ninterface GigabitEthernet1/0/1\n ip address 10.1.1.1 255.255.255.0\n#\nremote-backup group\n device-role primary\n#\ninfo-center loghost 192.0.2.9 port 514\n#\nreturn\n');
  });

  it('keeps a script that is already indented, and does not enter a view on an undo line', () => {
    expect(scriptToConfigFile('system-view\ninterface GigabitEthernet1/0/1\n ip address 10.1.1.1 255.255.255.0\nquit\nreturn\n', comware7)).toBe('#\ninterface GigabitEthernet1/0/1\n ip address 10.1.1.1 255.255.255.0\n#\nreturn\n');
    expect(scriptToConfigFile('system-view\nundo remote-backup group\nundo info-center loghost 192.0.2.9\nreturn\n', comware7)).toBe('#\nundo remote-backup group\nundo info-center loghost 192.0.2.9\n#\nreturn\n');
  });

  it("every line of a rendered script lands in the view it was typed in: track, interface and RBM views", () => {
    const cfg = scriptToConfigFile(dev('a').script, comware7).split('\n');
    expect(cfg).toContain('track 1 interface GigabitEthernet1/0/4');
    expect(cfg).toContain(' vrrp vrid 1 virtual-ip 192.168.10.1 active');
    expect(cfg).toContain(' device-role primary');
    expect(cfg.filter((l) => l === 'remote-backup group')).toHaveLength(2);
    expect(cfg.some((l) => l === 'system-view' || l === 'quit')).toBe(false);
  });
});

describe('USB auto-configuration layout (built-in pack: smart_config.ini + <serial>.cfg)', () => {
  it('writes one <serial>.cfg per device and an index naming each by SN, MAC first when known', () => {
    const files = usbFiles(comware7, [dev('a', { mac: '3C:D2:E5:A1:00:01' }), dev('b')], CREATED);
    expect(files.map((f) => f.name)).toEqual(['210235A2X8H200000001.cfg', '210235A2X8H200000002.cfg', 'smart_config.ini']);
    expect(files[2]!.text).toBe(
      [
        'BEGIN LSW',
        '[GLOBAL CONFIG]',
        'TIMESN=20261125.140509',
        '[DEVICE DESCRIPTION]',
        'MAC=3cd2-e5a1-0001',
        'SN=210235A2X8H200000001',
        'SYSTEM-CONFIG=210235A2X8H200000001.cfg',
        '[DEVICE DESCRIPTION]',
        'SN=210235A2X8H200000002',
        'SYSTEM-CONFIG=210235A2X8H200000002.cfg',
        'END LSW',
        '',
      ].join('\n'),
    );
    expect(files[0]!.text).toBe(scriptToConfigFile(dev('a').script, comware7));
    expect(files[1]!.text).toContain(' vrrp vrid 1 virtual-ip 192.168.10.1 standby');
  });

  it('refuses a device without a serial, a serial that cannot name a file, a bad MAC, two devices with one serial', () => {
    expect(errorOf(() => usbFiles(comware7, [dev('a'), dev('b', { serial: undefined })], CREATED))).toMatch(/VALIDATION: no serial number for FW-B/);
    expect(errorOf(() => usbFiles(comware7, [dev('a', { serial: '../x' }), dev('b')], CREATED))).toMatch(/characters a file name/);
    expect(errorOf(() => usbFiles(comware7, [dev('a', { mac: 'not-a-mac' }), dev('b')], CREATED))).toMatch(/not a MAC address/);
    expect(errorOf(() => usbFiles(comware7, [dev('a'), dev('b', { serial: dev('a').serial! })], CREATED))).toMatch(/two files would be named/);
  });

  it('follows the pack: a corrected layout (no index, files named by sysname) is written as it says', () => {
    const pack: PlatformPack = { ...comware7, usbAutoConfig: { configFile: '{sysname}.cfg', indexFile: null, indexHeader: '', indexEntry: '', indexFooter: '', verified: true } };
    expect(usbFiles(pack, [dev('a'), dev('b')], CREATED).map((f) => f.name)).toEqual(['FW-A.cfg', 'FW-B.cfg']);
  });

  it('a pack in the earlier autocfg.ini form still parses (older bundles open) but exports the built-in layout', () => {
    const old = JSON.parse(JSON.stringify(comware7)) as Record<string, unknown>;
    old.usbAutoConfig = { indexFile: 'autocfg.ini', indexTemplate: '[{serial}]\nconfigfile={file}\n', verified: false };
    const parsed = parsePack(JSON.stringify(old));
    if (!parsed.ok) throw new Error(parsed.issues.join('; '));
    expect(usbFiles(parsed.pack, [dev('a'), dev('b')], CREATED).map((f) => f.name)).toContain('smart_config.ini');
  });

  it('normalises MACs to the Comware form and stamps the index with the bundle time', () => {
    expect([comwareMac('3CD2-E5A1-0001'), comwareMac('3c:d2:e5:a1:00:01'), comwareMac('3cd2.e5a1.0001'), comwareMac('3cd2-e5a1')]).toEqual(['3cd2-e5a1-0001', '3cd2-e5a1-0001', '3cd2-e5a1-0001', undefined]);
    expect(timeSn('2026-01-02T03:04:05.678Z')).toBe('20260102.030405');
  });
});

