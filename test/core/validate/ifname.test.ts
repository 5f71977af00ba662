import { describe, expect, it } from 'vitest';
import { interfaceKey, sameInterface } from '../../../src/core/validate/ifname';

describe('interface names in pair files', () => {
  it.each([
    ['GE1/0/1', 'GigabitEthernet1/0/1'],
    ['xge1/0/2', 'Ten-GigabitEthernet1/0/2'],
    ['RAGG1', 'route-aggregation1'],
    ['M-GE0/0/0', 'M-GigabitEthernet0/0/0'],
    ['Vlan-int10', 'Vlan-interface10'],
  ])('%s is the same interface as %s', (short, long) => {
    expect(sameInterface(short, long)).toBe(true);
  });

  it('keeps different interfaces apart', () => {
    expect(sameInterface('GE1/0/1', 'GE1/0/10')).toBe(false);
    expect(sameInterface('GE1/0/1', undefined)).toBe(false);
    expect(interfaceKey('GE1/0/1')).not.toBe(interfaceKey('XGE1/0/1'));
  });
});
