import { describe, expect, it } from 'vitest';
import { parseDevice } from '../../../src/core/parse/device';
import { parseManuinfo } from '../../../src/core/parse/manuinfo';
import { parseVersion } from '../../../src/core/parse/version';
import { deliveryVariants, fixture } from './fixtures';

describe('parseVersion', () => {
  it('reads vendor, model, version, ESS release and uptime of a SecPath firewall', () => {
    const { value, warnings } = parseVersion(fixture('version-vfw1000.txt'));
    expect(value).toEqual({
      vendor: 'H3C',
      model: 'SecPath vFW1000',
      softwareVersion: '7.1.064',
      release: 'ESS 1171P23',
      uptime: '1 week, 2 days, 21 hours, 0 minutes',
      uptimeSeconds: 9 * 86400 + 21 * 3600,
      lastRebootReason: 'Power on',
      bootImage: 'flash:/vFW1000-CMW710-BOOT-E1171P23-X64.bin',
      systemImage: 'flash:/vFW1000-CMW710-SYSTEM-E1171P23-X64.bin',
    });
    expect(warnings).toEqual([]);
  });

  it('reads a "Release" build with the per-slot hardware section without warnings', () => {
    const { value, warnings } = parseVersion(fixture('version-switch-release.txt'));
    expect(value).toMatchObject({ vendor: 'H3C', model: 'S6520-48S-EI', softwareVersion: '7.1.045', release: 'Release 2432P05', uptimeSeconds: 120 });
    expect(warnings).toEqual([]);
  });

  it('reads HPE builds and the same value from CRLF, paged and echoed output', () => {
    const hpe = 'HPE Comware Software, Version 7.1.045, Release 1118P02\nHPE 5130 48G 4SFP+ 1-slot HI Switch JH324A uptime is 497 weeks, 5 days, 15 hours, 4 minutes\n';
    expect(parseVersion(hpe).value).toMatchObject({ vendor: 'HPE', model: '5130 48G 4SFP+ 1-slot HI Switch JH324A', release: 'Release 1118P02' });
    const clean = parseVersion(fixture('version-vfw1000.txt')).value;
    for (const [name, text] of Object.entries(deliveryVariants(fixture('version-vfw1000.txt')))) {
      expect(parseVersion(text).value, name).toEqual(clean);
    }
  });

  it('warns about unknown lines and missing facts instead of throwing', () => {
    const { value, warnings } = parseVersion('garbage here\nmore garbage');
    expect(value).toEqual({});
    expect(warnings).toEqual([
      'display version: unrecognised line "garbage here"',
      'display version: unrecognised line "more garbage"',
      'display version: no "Comware Software, Version" line',
      'display version: no "<model> uptime is" line',
    ]);
    expect(parseVersion('').warnings).toEqual(['display version: empty output']);
  });
});

describe('parseDevice', () => {
  it('reads the rows of a box device', () => {
    const { value, warnings } = parseDevice(fixture('device-box.txt'));
    expect(value.slots).toEqual([{ slot: '1', type: 'F1000-AK1150', state: 'Master', subslots: '0', softVersion: 'F1000-AK1150-9351P23', patchVersion: 'None' }]);
    expect(warnings).toEqual([]);
  });

  it('reads chassis rows whose header uses other titles', () => {
    const { value, warnings } = parseDevice(fixture('device-chassis.txt'));
    expect(value.slots.map((s) => [s.slot, s.type, s.state, s.softVersion])).toEqual([
      ['0', 'LSCM2CGT24TSSC0', 'Master', 'S7503E-7585P05'],
      ['1', 'LSCM2CGT24TSSC0', 'Standby', 'S7503E-7585P05'],
      ['2', 'NONE', 'Absent', 'NONE'],
    ]);
    expect(warnings).toEqual([]);
  });

  it('warns on rows before any header', () => {
    expect(parseDevice('1 F1000 Master').warnings).toEqual(['display device: unrecognised line "1 F1000 Master"', 'display device: no slot rows']);
  });
});

describe('parseManuinfo', () => {
  it('reads the slot block of a box firewall as its serial number and MAC', () => {
    const { value, warnings } = parseManuinfo(fixture('manuinfo-firewall.txt'));
    expect(value.serialNumber).toBe('210235A2CSH20B000042');
    expect(value.mac).toBe('70BA-EF6A-1C01');
    expect(value.units).toEqual([
      { name: 'Slot 1 CPU 0', kind: 'slot', deviceName: 'F1000-AK1150', serialNumber: '210235A2CSH20B000042', mac: '70BA-EF6A-1C01', manufacturingDate: '2020-11-12', vendor: 'H3C' },
    ]);
    expect(warnings).toEqual([]);
  });

  it('prefers the chassis serial, skips NONE values and reports unsupported units', () => {
    const { value, warnings } = parseManuinfo(fixture('manuinfo-chassis.txt'));
    expect(value.serialNumber).toBe('210235A0V8H155000007');
    expect(value.units.map((u) => [u.kind, u.name, u.mac])).toEqual([
      ['chassis', 'Chassis self', '3891-D5B6-0E00'],
      ['slot', 'Slot 0 CPU 0', undefined],
      ['fan', 'Fan 1', undefined],
      ['power', 'Power 1', undefined],
    ]);
    expect(warnings).toEqual(['display device manuinfo: The operation is not supported on the specified power.']);
  });

  it('reads "MANU SERIAL NUMBER" and headers without a colon', () => {
    const { value } = parseManuinfo('Power 2\nDEVICE_NAME          : LSVM1AC650\nMANU SERIAL NUMBER   : CN43GG2004\n');
    expect(value.units).toEqual([{ name: 'Power 2', kind: 'power', deviceName: 'LSVM1AC650', serialNumber: 'CN43GG2004' }]);
  });
});
