import type { DeviceFacts } from '../../../src/core/model/facts';

export const iface = (name: string, aggregateMember?: string) => (aggregateMember ? { name, aggregateMember } : { name });

/** What discovery finds on a factory-fresh FW1 (no interfaces unless given): each test names what differs. */
export function factoryFresh(over: Partial<DeviceFacts> = {}): DeviceFacts {
  return {
    sysname: 'FW1',
    model: 'SecPath F1000-AK1150',
    softwareVersion: '7.1.064',
    release: 'ESS 1171P23',
    serialNumber: 'SN-A',
    interfaces: [],
    rbm: { configured: false },
    vrrp: [],
    tracks: [],
    warnings: [],
    ...over,
  };
}
