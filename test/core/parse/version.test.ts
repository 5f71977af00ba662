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

  it.each([
    ['version-comware5-feature.txt', { vendor: 'H3C', model: 'SecPath F5000-A5', softwareVersion: '5.20', release: 'Feature 6709L25', uptimeSeconds: 2 * 86400 + 5 * 3600 + 41 * 60 }],
    ['version-comware5-release.txt', { vendor: 'H3C', model: 'SecPath F5000-A5', softwareVersion: '5.20', release: 'Release 1809P03', uptimeSeconds: 7 * 86400 + 3 * 3600 + 2 * 60 }],
    ['version-secpath-r9620.txt', { vendor: 'H3C', model: 'SecPath F5000-AK', softwareVersion: '7.1.064', release: 'Release 9620P06', lastRebootReason: 'User reboot' }],
  ])('reads %s (Comware 5 title line and version line with no vendor word, 2020 SecPath release) without warnings', (name, expected) => {
    const { value, warnings } = parseVersion(fixture(name));
    expect(value).toMatchObject(expected);
    expect(warnings).toEqual([]);
  });

  it.each([
    'H3C SecPath F5000-A5 MPU(M) with 1 C2538 Processor(s)',
    'S6520-48S-EI with 1 Processor',
    '2048M   bytes SDRAM',
    '16384K  bytes Flash Memory',
    'Bootrom Version is 1.36',
    'MPU(M) 0 uptime is 0 weeks,0 days,1 hours,17 minutes',
  ])('takes the hardware summary line %j as normal output', (line) => {
    const text = `H3C Comware Software, Version 7.1.064, Release 9620P06\nH3C SecPath F5000-AK uptime is 0 weeks, 0 days, 1 hour, 2 minutes\n${line}\n`;
    expect(parseVersion(text).warnings).toEqual([]);
  });

  it('tells two Comware 5 releases apart, whatever the delivery', () => {
    const feature = parseVersion(fixture('version-comware5-feature.txt')).value;
    const release = parseVersion(fixture('version-comware5-release.txt')).value;
    expect(feature.release).not.toBe(release.release);
    for (const [name, text] of Object.entries(deliveryVariants(fixture('version-comware5-feature.txt')))) {
      expect(parseVersion(text).value, name).toEqual(feature);
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

  it.each([
    ['manuinfo-compact.txt', '219801A2X08218E0000M', '3CD2-E5A1-0B2C', [['chassis', 'Chassis self', '219801A2X08218E0000M']]],
    [
      'manuinfo-chassis-compact-tail.txt',
      '210235A3TDH209000011',
      '7057-BF2C-4E00',
      [
        ['chassis', 'Chassis self', '210235A3TDH209000011'],
        ['slot', 'Slot 1 CPU 0', '210231A3UKH209000054'],
        ['fan', 'Fan 1', '210231A2GQH209000023'],
        ['power', 'Power 1', '210231A0SAH209000342'],
      ],
    ],
  ])('reads %s, written KEY:value with no blanks, to the last unit', (name, serial, mac, units) => {
    for (const [variant, text] of Object.entries({ plain: fixture(name), ...deliveryVariants(fixture(name), 'display device manuinfo') })) {
      const { value, warnings } = parseManuinfo(text);
      expect(warnings, variant).toEqual([]);
      expect(value.serialNumber, variant).toBe(serial);
      expect(value.mac, variant).toBe(mac);
      expect(value.units.map((u) => [u.kind, u.name, u.serialNumber]), variant).toEqual(units);
    }
    expect(parseManuinfo(fixture(name)).value.units.at(-1)?.vendor).toBe('H3C');
  });

  it('still reports a failure text that carries a colon', () => {
    const { value, warnings } = parseManuinfo('Power 2:\nFailed to get manuinfo: the power module is absent.\n');
    expect(value.units).toEqual([{ name: 'Power 2', kind: 'power' }]);
    expect(warnings).toContain('display device manuinfo: Failed to get manuinfo: the power module is absent.');
  });

  it('reads "MANU SERIAL NUMBER" and headers without a colon', () => {
    const { value } = parseManuinfo('Power 2\nDEVICE_NAME          : LSVM1AC650\nMANU SERIAL NUMBER   : CN43GG2004\n');
    expect(value.units).toEqual([{ name: 'Power 2', kind: 'power', deviceName: 'LSVM1AC650', serialNumber: 'CN43GG2004' }]);
  });
});
