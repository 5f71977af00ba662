import { describe, expect, it } from 'vitest';
import * as P from '../../../src/core/parse';
import { parseCurrentConfig, findView } from '../../../src/core/parse/current-config';
import { device, fakeRuntime, run } from './helpers';

/**
 * The lab's displays read back by the tool's own parsers (src/core/parse): each side was written
 * from comware-cli.md independently, so agreement here is a cheap check of both.
 */
const text = (d: ReturnType<typeof device>, cmd: string) => run(d, [cmd]).slice(1).join('\n');

function pair() {
  const d = device({ serialNumber: 'SN-LAB-A' });
  d.applyConfig([
    'interface GigabitEthernet1/0/1',
    ' ip address 10.1.1.1 24',
    ' vrrp vrid 1 virtual-ip 10.1.1.3 active',
    'interface GigabitEthernet1/0/2',
    ' shutdown',
    'track 1 interface GigabitEthernet1/0/1',
    'remote-backup group',
    ' device-role primary',
    ' local-ip 10.2.1.1',
    ' remote-ip 10.2.1.2 port 60064',
  ]);
  d.attachRbm(fakeRuntime());
  return d;
}

describe('tool parsers read the lab displays', () => {
  it('version, manuinfo, clock', () => {
    const d = pair();
    const v = P.parseVersion(text(d, 'display version')).value;
    expect(v).toMatchObject({ softwareVersion: '7.1.064', release: 'ESS 1171P23' });
    expect(P.parseManuinfo(text(d, 'display device manuinfo')).value).toMatchObject({ serialNumber: 'SN-LAB-A', mac: expect.stringMatching(/3cd2/i) });
    expect(P.parseClock(text(d, 'display clock')).value).toMatchObject({ iso: expect.stringMatching(/^2026-11-25T14:00:00/), offsetMinutes: 0 });
  });

  it('interface brief', () => {
    const d = pair();
    const r = P.parseInterfaceBrief(text(d, 'display interface brief'));
    const ge1 = r.value.interfaces.find((i) => i.name === 'GigabitEthernet1/0/1');
    expect(ge1).toMatchObject({ address: expect.stringContaining('10.1.1.1') });
    expect(r.value.interfaces.find((i) => i.name === 'GigabitEthernet1/0/2')?.link).toMatch(/adm/i);
  });

  it('remote-backup-group status and sync-check', () => {
    const d = pair();
    const r = P.parseRbmStatus(text(d, 'display remote-backup-group status')).value;
    expect(r).toMatchObject({ configured: true, mode: 'active-standby', role: 'primary', runningStatus: 'Active', controlChannel: 'Connected', localIp: '10.2.1.1', remoteIp: '10.2.1.2', port: 60064 });
    expect(r.peer).toMatchObject({ runningStatus: 'Standby', role: 'secondary' });
    expect(r.switchovers?.[0]).toMatchObject({ from: 'Initial', to: 'Active', cause: 'Interface status changed' });
    const s = P.parseSyncCheck(text(d, 'display remote-backup-group sync-check')).value;
    expect(s).toMatchObject({ result: 'Inconsistent', differences: ['+ ip route-static 0.0.0.0 0 10.1.1.254'] });
    expect(P.parseRbmStatus(text(device(), 'display remote-backup-group status')).value.configured).toBe(false);
  });

  it('vrrp and track', () => {
    const d = pair();
    const v = P.parseVrrp(text(d, 'display vrrp')).value;
    expect(v.groups[0]).toMatchObject({ interface: 'GigabitEthernet1/0/1', vrid: 1, state: 'Master', virtualIp: '10.1.1.3' });
    const verbose = P.parseVrrp(text(d, 'display vrrp verbose')).value;
    expect(verbose.groups[0]).toMatchObject({ vrid: 1, state: 'Master' });
    const t = P.parseTrackAll(text(d, 'display track all')).value;
    expect(t.tracks[0]).toMatchObject({ id: 1, state: 'Positive' });
  });

  it('log lines and prompts', () => {
    const d = pair();
    d.log('RBM', 6, 'RBM_CHANNEL', 'status=Connected');
    const e = P.parseLogLine(d.logBuffer.at(-1) as string).value;
    expect(e).toMatchObject({ module: 'RBM', severity: 6, mnemonic: 'RBM_CHANNEL' });
    expect(P.parsePrompt('RBM_P[FW1-remote-backup-group]', 'FW1').value).toMatchObject({ sysname: 'FW1' });
  });

  it('current configuration: the RBM section as a view', () => {
    const d = pair();
    const tree = parseCurrentConfig(d.currentConfig().join('\n'));
    const rbm = findView(tree, 'remote-backup group');
    expect(JSON.stringify(rbm)).toContain('remote-ip 10.2.1.2 port 60064');
  });
});
