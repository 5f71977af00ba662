import { describe, expect, it } from 'vitest';
import { withTargetFlags } from '../../src/cli/commands/monitor';
import type { MonitorTarget } from '../../src/core/monitor/targets';

const pair = (name: string): MonitorTarget => ({
  name,
  devices: {
    a: { sysname: 'FW1', connect: { kind: 'ssh', host: '192.0.2.11', port: 22, username: 'admin' }, passwordEnv: 'SITE_PW' },
    b: { sysname: 'FW2', connect: { kind: 'ssh', host: '192.0.2.12', port: 22, username: 'admin' } },
  },
});

describe('hotpair monitor --a/--b', () => {
  it('reaches the devices where `hotpair pair --a/--b` reached them, keeping the rest of the file', () => {
    const [t] = withTargetFlags([pair('lab')], { a: 'ssh://admin@127.0.0.1:2201' });
    expect(t!.devices.a).toEqual({ sysname: 'FW1', connect: { kind: 'ssh', host: '127.0.0.1', port: 2201, username: 'admin' }, passwordEnv: 'SITE_PW' });
    expect(t!.devices.b.connect).toEqual(pair('lab').devices.b.connect);
  });

  it('changes nothing without them, and refuses them for an inventory of several pairs or a bad URL', () => {
    const two = [pair('x'), pair('y')];
    expect(withTargetFlags(two, {})).toBe(two);
    expect(() => withTargetFlags(two, { b: 'ssh://admin@127.0.0.1:2202' })).toThrow(/one pair; this file has 2/);
    expect(() => withTargetFlags([pair('x')], { b: 'telnet://h' })).toThrow(/^--b: /);
  });
});
