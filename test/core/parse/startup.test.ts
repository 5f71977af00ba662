import { describe, expect, it } from 'vitest';
import { parseStartup, savedConfigFile } from '../../../src/core/parse/startup';
import { deliveryVariants, fixture } from './fixtures';

describe('parseStartup', () => {
  it('reads the current and next startup files of a box device; NULL is no file', () => {
    expect(parseStartup(fixture('startup-box.txt'))).toEqual({ value: { current: 'flash:/startup.cfg', nextMain: 'flash:/startup.cfg' }, warnings: [] });
  });

  it('takes the first (MainBoard) block of a multi-MPU device', () => {
    const { value, warnings } = parseStartup(fixture('startup-mainboard.txt'));
    expect(value).toEqual({ nextMain: 'flash:/fw-2026.cfg', nextBackup: 'flash:/backup.cfg' });
    expect(warnings).toEqual([]);
    expect(savedConfigFile(value)).toBe('flash:/fw-2026.cfg');
  });

  it('reads the same files however the output was delivered', () => {
    for (const [name, text] of Object.entries(deliveryVariants(fixture('startup-box.txt'), 'display startup'))) {
      expect(parseStartup(text).value, name).toEqual({ current: 'flash:/startup.cfg', nextMain: 'flash:/startup.cfg' });
    }
  });

  it('accepts the form without main/backup, and says when no file line is there', () => {
    expect(parseStartup('Next startup saved-configuration file: cfa0:/a.cfg').value).toEqual({ nextMain: 'cfa0:/a.cfg' });
    expect(savedConfigFile({ current: 'flash:/boot.cfg' })).toBe('flash:/boot.cfg');
    const r = parseStartup('% Unrecognized command found at \'^\' position.');
    expect(r.value).toEqual({});
    expect(r.warnings).toContain('display startup: no saved-configuration file line');
  });
});
