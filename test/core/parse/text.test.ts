import { describe, expect, it } from 'vitest';
import { expandInterfaceName, isFullInterfaceName } from '../../../src/core/parse/interface-names';
import { cleanLines, durationSeconds, kvPairs } from '../../../src/core/parse/text';

describe('parse text helpers', () => {
  it('splits up to three key/value pairs on one line, keeping spaces and colons inside values', () => {
    expect(kvPairs('     VRID             : 1               Adver Timer  : 500')).toEqual([
      ['vrid', '1'],
      ['adver timer', '500'],
    ]);
    expect(kvPairs('  Remote IP: 10.2.1.2   Destination port: 60064')).toEqual([
      ['remote ip', '10.2.1.2'],
      ['destination port', '60064'],
    ]);
    expect(kvPairs('  2026-11-25 13:30:02      Initial to Active')).toEqual([]);
    expect(kvPairs('Uptime since last switchover: 0 days, 0 hours, 30 minutes')).toEqual([['uptime since last switchover', '0 days, 0 hours, 30 minutes']]);
    expect(kvPairs('     Track Object   : 1             State : Positive          Pri Reduced : 30')).toEqual([
      ['track object', '1'],
      ['state', 'Positive'],
      ['pri reduced', '30'],
    ]);
  });

  it('drops pager remnants, prompts and echoed commands but keeps data lines', () => {
    const text = '<FW1>display clock\r\nline one\r\n  ---- More ----\x1b[16D                \x1b[16Dline two\r\nRBM_S[FW1-remote-backup-group]';
    expect(cleanLines(text).filter((l) => l.trim() !== '')).toEqual(['line one', 'line two']);
    expect(cleanLines('[SubSlot 0] 48SFP Plus')).toEqual(['[SubSlot 0] 48SFP Plus']);
  });

  it('reads durations with the units Comware prints', () => {
    expect(durationSeconds('1 week, 2 days, 21 hours, 0 minutes')).toBe(604800 + 2 * 86400 + 21 * 3600);
    expect(durationSeconds('1s')).toBe(1);
    expect(durationSeconds('1 min')).toBe(60);
    expect(durationSeconds('2 second(s)')).toBe(2);
    expect(durationSeconds('3', 1)).toBe(3);
    expect(durationSeconds('soon')).toBeUndefined();
  });

  it('expands abbreviated interface names and leaves full ones alone', () => {
    const cases: [string, string][] = [
      ['GE1/0/1', 'GigabitEthernet1/0/1'],
      ['XGE1/0/24', 'Ten-GigabitEthernet1/0/24'],
      ['FGE1/0/49', 'FortyGigE1/0/49'],
      ['MGE0/0/0', 'M-GigabitEthernet0/0/0'],
      ['RAGG1', 'Route-Aggregation1'],
      ['RAGG1.10', 'Route-Aggregation1.10'],
      ['BAGG2', 'Bridge-Aggregation2'],
      ['Vlan10', 'Vlan-interface10'],
      ['InLoop0', 'InLoopBack0'],
      ['Loop0', 'LoopBack0'],
      ['REG0', 'Register-Tunnel0'],
      ['GigabitEthernet1/0/1', 'GigabitEthernet1/0/1'],
      ['Vlan-interface10', 'Vlan-interface10'],
      ['NULL0', 'NULL0'],
      ['GigabitEthernet 1/0/1', 'GigabitEthernet1/0/1'],
    ];
    for (const [short, full] of cases) expect(expandInterfaceName(short), short).toBe(full);
    expect(isFullInterfaceName('GigabitEthernet1/0/1')).toBe(true);
    expect(isFullInterfaceName('FW1')).toBe(false);
  });
});
