import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/core/base/errors';
import { discover } from '../../../src/core/discover/discover';
import { fixture } from '../parse/fixtures';
import { FakeSession, fw1Outputs } from './fake-session';

describe('discover', () => {
  it('combines every display of a primary into DeviceFacts', async () => {
    const session = new FakeSession(fw1Outputs());
    session.prompt = { rbmPrefix: 'RBM_P', hostname: 'FW1' };
    const facts = await discover(session);
    expect(facts).toMatchObject({
      sysname: 'FW1',
      promptPrefix: 'RBM_P',
      vendor: 'H3C',
      model: 'SecPath vFW1000',
      softwareVersion: '7.1.064',
      release: 'ESS 1171P23',
      serialNumber: '210235A2CSH20B000042',
      mac: '70BA-EF6A-1C01',
      uptimeSeconds: 9 * 86400 + 21 * 3600,
      clock: '2026-11-25T14:00:05.123Z',
    });
    expect(facts.warnings).toEqual([]);
    expect(session.calls).toEqual([
      'display version',
      'display device manuinfo',
      'display interface brief',
      'display current-configuration',
      'display remote-backup-group status',
      'display vrrp verbose',
      'display track all',
      'display clock',
    ]);
    const byName = new Map(facts.interfaces.map((i) => [i.name, i]));
    // Address gets its mask from the configuration; aggregation membership only exists there.
    expect(byName.get('GigabitEthernet1/0/3')).toEqual({ name: 'GigabitEthernet1/0/3', link: 'up', protocol: 'UP', address: '10.2.1.1/24', ipv6Addresses: ['2001:db8::1/64'], description: 'RBM heartbeat' });
    expect(byName.get('GigabitEthernet1/0/4')?.aggregateMember).toBe('Route-Aggregation1');
    expect(byName.get('Ten-GigabitEthernet1/0/24')?.aggregateMember).toBe('Route-Aggregation1');
    expect(byName.get('GigabitEthernet1/0/6')?.aggregateMember).toBe('Bridge-Aggregation2');
    expect(byName.get('GigabitEthernet1/0/2')).toEqual({ name: 'GigabitEthernet1/0/2', link: 'up', protocol: 'UP', address: '10.9.9.1' });
    expect(facts.interfaces).toHaveLength(18);
    expect(facts.rbm).toMatchObject({ configured: true, role: 'primary', runningStatus: 'Active', controlChannel: 'Connected', peer: { role: 'secondary' } });
    expect(facts.vrrp.map((g) => [g.interface, g.vrid, g.state, g.rbmGroup])).toEqual([
      ['GigabitEthernet1/0/1', 1, 'Master', 'active'],
      ['Vlan-interface2', 2, 'Backup', undefined],
    ]);
    expect(facts.tracks.map((t) => [t.id, t.state, t.interface])).toEqual([
      [1, 'Positive', 'GigabitEthernet1/0/1'],
      [2, 'Negative', undefined],
      [3, 'NotReady', undefined],
    ]);
  });

  it('reads a Comware 5 box with a compact manuinfo and the older interface table without warnings', async () => {
    const outputs = fw1Outputs();
    outputs['display version'] = fixture('version-comware5-release.txt');
    outputs['display device manuinfo'] = fixture('manuinfo-compact.txt');
    outputs['display interface brief'] = fixture('interface-brief-under-mode.txt');
    delete outputs['display current-configuration'];
    const facts = await discover(new FakeSession(outputs));
    expect(facts).toMatchObject({ vendor: 'H3C', model: 'SecPath F5000-A5', softwareVersion: '5.20', release: 'Release 1809P03', serialNumber: '219801A2X08218E0000M', mac: '3CD2-E5A1-0B2C' });
    expect(facts.interfaces.map((i) => i.name)).toContain('M-GigabitEthernet0/0/0');
    expect(facts.warnings).toEqual(["display current-configuration: rejected by the device (% Unrecognized command found at '^' position.)"]);
  });

  it('keeps going when the device rejects a command, thrown or printed, and falls back to the brief VRRP table', async () => {
    const outputs = fw1Outputs();
    delete outputs['display vrrp verbose'];
    outputs['display track all'] = "          ^\n% Unrecognized command found at '^' position.\n";
    const session = new FakeSession(outputs);
    const facts = await discover(session);
    expect(facts.warnings).toEqual([
      "display vrrp verbose: rejected by the device (% Unrecognized command found at '^' position.)",
      "display track all: rejected by the device (% Unrecognized command found at '^' position.)",
    ]);
    expect(session.calls).toContain('display vrrp');
    expect(facts.vrrp.map((g) => [g.interface, g.vrid, g.rbmGroup])).toEqual([
      ['GigabitEthernet1/0/1', 1, 'active'],
      ['GigabitEthernet1/0/2', 2, undefined],
      ['Vlan-interface10', 3, undefined],
    ]);
    expect(facts.tracks).toEqual([]);
    expect(facts.clock).toBe('2026-11-25T14:00:05.123Z');
  });

  it('reads RBM from the configuration and lists configured interfaces when those displays are rejected', async () => {
    const outputs = fw1Outputs();
    delete outputs['display remote-backup-group status'];
    delete outputs['display interface brief'];
    const facts = await discover(new FakeSession(outputs));
    expect(facts.rbm).toEqual({
      configured: true,
      mode: 'active-standby',
      role: 'primary',
      localIp: '10.2.1.1',
      remoteIp: '10.2.1.2',
      port: 60064,
      dataChannelInterface: 'GigabitEthernet1/0/3',
      hotBackup: true,
      autoSync: true,
    });
    expect(facts.interfaces.map((i) => i.name)).toEqual([
      'Route-Aggregation1',
      'GigabitEthernet1/0/1',
      'GigabitEthernet1/0/3',
      'GigabitEthernet1/0/4',
      'Ten-GigabitEthernet1/0/24',
      'GigabitEthernet1/0/6',
      'Bridge-Aggregation2',
    ]);
    expect(facts.interfaces[0]).toEqual({ name: 'Route-Aggregation1', address: '10.3.1.1/24', description: 'uplink bundle' });
  });

  it('asks the session not to throw on error text and judges only the head of the output', async () => {
    const outputs = fw1Outputs();
    // A description far down the configuration that reads like an error is data, not a refusal.
    outputs['display current-configuration'] = fixture('current-config-fw1.txt').replace(' description uplink bundle', ' description Failed, peer does not exist yet');
    const seen: unknown[] = [];
    const session = new FakeSession(outputs);
    const exec = session.exec.bind(session);
    session.exec = (command, opts) => {
      seen.push(opts);
      return exec(command, opts);
    };
    const facts = await discover(session);
    expect(facts.warnings).toEqual([]);
    expect(facts.interfaces.find((i) => i.name === 'Route-Aggregation1')?.description).toBe('Failed, peer does not exist yet');
    expect(seen.every((o) => (o as { check?: boolean }).check === false)).toBe(true);
  });

  it('reports RBM as not configured and carries parser warnings', async () => {
    const outputs = fw1Outputs();
    outputs['display remote-backup-group status'] = 'Remote backup group is not configured.\n';
    outputs['display clock'] = 'what time is it\n';
    const facts = await discover(new FakeSession(outputs));
    expect(facts.rbm).toEqual({ configured: false });
    expect(facts.clock).toBeUndefined();
    expect(facts.warnings).toEqual(['display clock: unrecognised line "what time is it"', 'display clock: no time line']);
  });

  it('stops on a timeout or disconnect instead of guessing', async () => {
    const outputs: Record<string, string | Error> = fw1Outputs();
    outputs['display interface brief'] = new AppError('TIMEOUT', 'command timeout of 30 s expired.');
    const session = new FakeSession(outputs);
    await expect(discover(session)).rejects.toMatchObject({ code: 'TIMEOUT' });
    expect(session.calls).toEqual(['display version', 'display device manuinfo', 'display interface brief']);
  });

  it('runs nothing once cancelled, and reports progress per command', async () => {
    const ctrl = new AbortController();
    const session = new FakeSession(fw1Outputs());
    const steps: string[] = [];
    const run = discover(session, {
      signal: ctrl.signal,
      onStep: ({ command, index, total }) => {
        steps.push(`${index + 1}/${total} ${command}`);
        if (index === 1) ctrl.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(steps).toEqual(['1/8 display version', '2/8 display device manuinfo']);
    expect(session.calls).toEqual(['display version', 'display device manuinfo']);
  });

  it('takes the prompt prefix from the session, and leaves it out when the session saw no prompt', async () => {
    const s1 = new FakeSession(fw1Outputs());
    s1.promptPrefix = 'RBM_S';
    expect((await discover(s1)).promptPrefix).toBe('RBM_S');
    const s2 = new FakeSession(fw1Outputs());
    s2.prompt = { hostname: 'FW1' };
    expect((await discover(s2)).promptPrefix).toBe('');
    const s3 = new FakeSession(fw1Outputs());
    s3.promptPrefix = 'RBM_X';
    expect((await discover(s3)).promptPrefix).toBe('');
    expect((await discover(new FakeSession(fw1Outputs()))).promptPrefix).toBeUndefined();
  });
});

describe('discover output shape', () => {
  it('lists identity fields first and the lists last, so JSON reads like the report', async () => {
    const s = new FakeSession(fw1Outputs());
    s.prompt = { rbmPrefix: 'RBM_P', hostname: 'FW1' };
    expect(Object.keys(await discover(s))).toEqual(['sysname', 'promptPrefix', 'vendor', 'model', 'softwareVersion', 'release', 'serialNumber', 'mac', 'uptimeSeconds', 'clock', 'interfaces', 'rbm', 'vrrp', 'tracks', 'warnings']);
  });
});
