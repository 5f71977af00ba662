import { describe, expect, it } from 'vitest';
import { expandInterfaceName, isFullInterfaceName } from '../../../src/core/parse/interface-names';

describe('expandInterfaceName', () => {
  it.each([
    ['M-GE0/0/0', 'M-GigabitEthernet0/0/0'],
    ['MGE0/0/0', 'M-GigabitEthernet0/0/0'],
    ['M-Eth0/0/0', 'M-Ethernet0/0/0'],
    ['MP0', 'MP-group0'],
    ['E-Ch2/0:0', 'Eth-channel2/0:0'],
    ['ge1/0/1', 'GigabitEthernet1/0/1'],
    ['XGE1/0/24', 'Ten-GigabitEthernet1/0/24'],
    ['M-GigabitEthernet0/0/0', 'M-GigabitEthernet0/0/0'],
    ['MP-group0', 'MP-group0'],
    ['Reth1', 'Reth1'],
  ])('%s → %s, the long name the configuration uses', (short, full) => {
    expect(expandInterfaceName(short)).toBe(full);
    expect(expandInterfaceName(full)).toBe(full);
  });

  it('recognises the expanded names as interface views', () => {
    for (const n of ['M-GigabitEthernet0/0/0', 'MP-group0', 'Eth-channel2/0:0']) expect(isFullInterfaceName(n), n).toBe(true);
  });
});
