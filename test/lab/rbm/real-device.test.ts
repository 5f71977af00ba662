import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startLab, type Lab } from '../../../src/lab/lab';
import { SshShell } from '../hosts/ssh-shell';
import { waitFor } from './helpers';

/** Keepalive shortened by the lab (300 ms × 3) where failover timing is not under test. */
const KEEPALIVE = { intervalMs: 300, count: 3 };

let lab: Lab | undefined;
let dir: string | undefined;
const shells: SshShell[] = [];
afterEach(async () => {
  for (const s of shells.splice(0)) s.close();
  await lab?.stop();
  lab = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

const rbm = (role: string, local: string, remote: string, extra: string[] = []): string[] => [
  'remote-backup group',
  ` device-role ${role}`,
  ` local-ip ${local}`,
  ` remote-ip ${remote} port 60264`,
  ' data-channel interface GigabitEthernet1/0/3',
  ' hot-backup enable',
  ' configuration auto-sync enable',
  ...extra.map((l) => ` ${l}`),
];

async function commissioned(extra: string[] = []): Promise<Lab> {
  dir = mkdtempSync(join(tmpdir(), 'hotpair-rbm-real-'));
  const l = await startLab({ stateDir: dir, sshPortBase: 0, console: false, pairIndexBase: 50, keepalive: KEEPALIVE });
  const { a, b } = l.devices;
  expect(b!.applyConfig(rbm('secondary', '10.2.1.2', '10.2.1.1', extra))).toEqual([]);
  expect(a!.applyConfig(['object-group ip address web', ' 0 network host address 10.1.1.10', ...rbm('primary', '10.2.1.1', '10.2.1.2', extra)])).toEqual([]);
  await waitFor(() => l.engine('a').runningStatus() === 'Active' && l.engine('b').runningStatus() === 'Standby', 5_000, 'election');
  return l;
}

async function shell(l: Lab, key: 'a' | 'b'): Promise<SshShell> {
  const d = l.describe().devices.find((x) => x.key === key)!;
  const sh = await SshShell.connect({ host: d.ssh.host, port: d.ssh.port, username: d.ssh.username, password: d.ssh.password });
  shells.push(sh);
  await sh.expect(/[>\]]\s*$/);
  await sh.run('screen-length disable');
  return sh;
}

describe('RBM on real LabDevices through their CLI', () => {
  it('configuration backup (bulk then incremental) and the consistency check typed in RBM view', async () => {
    lab = await commissioned();
    const b = lab.devices.b!;
    await waitFor(() => lab!.engine('b').status().peer?.dataChannelState === 'Up', 3_000, 'peer block shows the data channel Up');
    await waitFor(() => b.syncableConfig().includes('object-group ip address web'), 3_000, 'bulk sync to FW2');
    lab.devices.a!.applyConfig(['object-group ip address db', ' 0 network host address 10.1.1.20']);
    await waitFor(() => b.syncableConfig().includes('object-group ip address db'), 3_000, 'incremental sync');

    const sa = await shell(lab, 'a');
    expect(sa.buffer).toMatch(/RBM_P<FW1>/);
    await sa.run('system-view');
    await sa.run('remote-backup group');
    await sa.run('configuration manual-sync-check');
    await waitFor(() => lab!.engine('b').syncCheck().result === 'Consistent', 3_000, 'Consistent');
    const sb = await shell(lab, 'b');
    expect(sb.buffer).toMatch(/RBM_S<FW2>/);
    const status = await sb.run('display remote-backup-group status');
    expect(status).toMatch(/Control channel status\s*:?\s*Connected/);
    expect(status).toMatch(/Standby/);
  });

  it('sessions from `traffic` reach the standby; `switchover request` typed on it moves them with the Active role', async () => {
    lab = await commissioned();
    expect(await lab.inject('a', 'traffic', '300')).toMatch(/300 new sessions per second/);
    await waitFor(() => lab!.engine('b').sessions().receivedFromPeer >= 200, 4_000, 'replicated sessions');
    await lab.inject('a', 'traffic', '0');
    await waitFor(() => lab!.engine('b').sessions().total === lab!.engine('a').sessions().total, 2_000, 'standby caught up');
    const held = lab.engine('a').sessions().total;

    const sb = await shell(lab, 'b');
    await sb.run('system-view');
    await sb.run('remote-backup group');
    await sb.run('switchover request');
    await waitFor(() => lab!.engine('b').runningStatus() === 'Active' && lab!.engine('a').runningStatus() === 'Standby', 3_000, 'manual switchover');
    expect(lab.engine('b').sessions().total).toBe(held);
    expect(lab.engine('a').status().switchovers.at(-1)).toMatchObject({ from: 'Active', to: 'Standby', cause: 'Manual switchover' });
  });

  it('reboot: the device goes silent, comes back from its saved configuration after the boot time and rejoins as Standby', async () => {
    lab = await commissioned();
    lab.devices.a!.save();
    lab.options.rebootMs = 500;
    expect(await lab.inject('a', 'reboot')).toMatch(/rebooting/);
    expect(lab.devices.a!.powered()).toBe(false);
    await waitFor(() => lab!.engine('b').runningStatus() === 'Active', 3_000, 'B takes over (peer lost)');
    await waitFor(() => lab!.devices.a!.powered() && lab!.engine('a').runningStatus() === 'Standby', 5_000, 'A back as Standby');
    expect(lab.devices.a!.rebootReason).toBe('User reboot'); // the log buffer itself does not survive a reboot
  });

  it('track entry Negative (fault) → switchover with cause; interface down on a monitored port likewise', async () => {
    lab = await commissioned(['track 1', 'track interface GigabitEthernet1/0/2']);
    await lab.inject('a', 'track-negative', '1');
    await waitFor(() => lab!.engine('b').runningStatus() === 'Active', 3_000, 'switchover on track');
    expect(lab.engine('b').status().switchovers.at(-1)?.cause).toBe('Track status changed');
    await lab.inject('a', 'track-positive', '1');
    await lab.inject('b', 'link-down', 'GE1/0/2');
    await waitFor(() => lab!.engine('a').runningStatus() === 'Active', 3_000, 'switchover on interface');
    expect(lab.engine('a').status().switchovers.at(-1)?.cause).toBe('Interface status changed');
  });
});
