import { describe, expect, it } from 'vitest';
import { compareFacts } from '../../../src/core/discover/compare';
import { discover, type DiscoverSession } from '../../../src/core/discover/discover';
import { CliSession } from '../../../src/lab/cli/engine';
import { LabDevice } from '../../../src/lab/device/index';

/**
 * Discovery against the lab simulator's CLI engine in-process: proves the parsers read the
 * lab's display layouts (the layouts the vendor CLI notes show) without a single warning.
 */
function labSession(sysname: string, config: string[]): DiscoverSession & { cli: CliSession } {
  const cli = new CliSession(new LabDevice({ key: sysname, sysname }));
  for (const line of ['system-view', ...config, 'return']) {
    const o = cli.execute(line);
    if (o.failed) throw new Error(`lab refused "${line}": ${o.lines?.join(' ')}`);
  }
  return {
    cli,
    prompt: { hostname: sysname },
    exec: async (command: string) => ({ output: (cli.execute(command).lines ?? []).join('\r\n') }),
  };
}

const FW1 = [
  'interface GigabitEthernet1/0/1',
  'ip address 10.1.1.1 255.255.255.0',
  'vrrp vrid 1 virtual-ip 10.1.1.3 active',
  'quit',
  'interface GigabitEthernet1/0/3',
  'ip address 10.2.1.1 24',
  'description RBM heartbeat link to FW2 on port 3',
  'quit',
  'track 1 interface GigabitEthernet1/0/1',
  'quit',
  'remote-backup group',
  'device-role primary',
  'local-ip 10.2.1.1',
  'remote-ip 10.2.1.2 port 60064',
  'data-channel interface GigabitEthernet1/0/3',
  'quit',
];

describe('discover against the lab device', () => {
  it('reads every display of a configured lab device without warnings', async () => {
    const facts = await discover(labSession('FW1', FW1));
    expect(facts.warnings).toEqual([]);
    expect(facts).toMatchObject({ sysname: 'FW1', vendor: 'H3C', model: 'SecPath F1000-AK1xx', softwareVersion: '7.1.064', release: 'ESS 1171P23' });
    expect(facts.serialNumber).toMatch(/^\w{20}$/);
    expect(facts.clock).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    const g3 = facts.interfaces.find((i) => i.name === 'GigabitEthernet1/0/3');
    // The brief table cuts the description at 27 characters; the configuration has it whole.
    expect(g3).toMatchObject({ link: 'up', address: '10.2.1.1/24', description: 'RBM heartbeat link to FW2 on port 3' });
    expect(facts.interfaces.map((i) => i.name)).toContain('M-GigabitEthernet0/0/0');
    expect(facts.rbm).toMatchObject({ configured: true, role: 'primary', runningStatus: 'Initial', controlChannel: 'Disconnected', localIp: '10.2.1.1', remoteIp: '10.2.1.2', port: 60064 });
    expect(facts.vrrp).toEqual([expect.objectContaining({ interface: 'GigabitEthernet1/0/1', vrid: 1, virtualIp: '10.1.1.3', rbmGroup: 'active' })]);
    expect(facts.tracks).toEqual([expect.objectContaining({ id: 1, state: 'Positive', interface: 'GigabitEthernet1/0/1' })]);
  });

  it('reads a factory-fresh lab device as "RBM not configured" and pairs it against a configured one', async () => {
    const fresh = await discover(labSession('FW2', []));
    expect(fresh.warnings).toEqual([]);
    expect(fresh.rbm).toEqual({ configured: false });
    expect(fresh.vrrp).toEqual([]);
    const configured = await discover(labSession('FW1', FW1));
    const fields = compareFacts(configured, fresh).map((m) => m.field);
    // Lab devices share a model and serial scheme; only the existing RBM view stands out.
    expect(fields).toContain('rbm.existing.a');
    expect(fields).not.toContain('model');
    expect(fields).not.toContain('interfaces');
  });
});
