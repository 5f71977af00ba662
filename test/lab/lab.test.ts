import dgram from 'node:dgram';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startLab, type Lab } from '../../src/lab/lab';
import { sendFault } from '../../src/lab/faults';
import { readState } from '../../src/lab/state-dir';
import { waitFor } from './rbm/helpers';
import { SshShell } from './hosts/ssh-shell';

let lab: Lab | undefined;
const dirs: string[] = [];
const shells: SshShell[] = [];
afterEach(async () => {
  for (const s of shells.splice(0)) s.close();
  await lab?.stop();
  lab = undefined;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'hotpair-lab-'));
  dirs.push(d);
  return d;
}

/** RBM for the default lab devices, as an engineer would type it (keepalive 1 s × 3). */
function rbmLines(role: 'primary' | 'secondary', local: string, remote: string, port: number, vrrpGroup: 'active' | 'standby'): string[] {
  return [
    'interface GigabitEthernet1/0/1',
    ` vrrp vrid 1 virtual-ip 10.1.1.3 ${vrrpGroup}`,
    '#',
    'interface GigabitEthernet1/0/2',
    ' remote-backup virtual-ip 10.1.2.1 255.255.255.0',
    '#',
    'remote-backup group',
    ` device-role ${role}`,
    ` local-ip ${local}`,
    ` remote-ip ${remote} port ${port}`,
    ' data-channel interface GigabitEthernet1/0/3',
    ' keepalive interval 1',
    ' keepalive count 3',
    ' hot-backup enable',
    ' configuration auto-sync enable',
  ];
}

describe('lab orchestrator (real LabDevice)', () => {
  it('default lab: FW1/FW2 addressed without RBM, SSH login, host key stable across restarts, fault socket', async () => {
    const dir = tempDir();
    lab = await startLab({ stateDir: dir, sshPortBase: 0, console: false, pairIndexBase: 40 });
    const desc = lab.describe();
    expect(desc.devices.map((d) => [d.key, d.sysname, d.loopback])).toEqual([
      ['a', 'FW1', '127.10.40.1'],
      ['b', 'FW2', '127.10.40.2'],
    ]);
    expect(lab.devices.a!.rbmConfig()).toBeUndefined();
    expect(lab.devices.b!.interfaces().find((i) => i.name === 'GigabitEthernet1/0/3')?.address).toBe('10.2.1.2/24');
    expect(desc.controlChannel[0]?.map['10.2.1.1']).toBe('127.10.40.1');

    const a = desc.devices[0]!;
    const sh = await SshShell.connect({ host: a.ssh.host, port: a.ssh.port, username: a.ssh.username, password: a.ssh.password });
    shells.push(sh);
    await sh.expect(/<FW1>\s*$/);
    expect(await sh.run('display version')).toMatch(/H3C Comware Software, Version 7\.1\.064/);
    const key1 = sh.hostKey;

    expect(readState(dir)?.pid).toBe(process.pid);
    expect(await sendFault(dir, 'a', 'link-down', 'GE1/0/2')).toMatch(/GigabitEthernet1\/0\/2 link down/);
    expect(lab.devices.a!.interfaceUp('GigabitEthernet1/0/2')).toBe(false);
    await expect(sendFault(dir, 'z', 'power-off')).rejects.toThrow(/no device z/);
    await expect(sendFault(dir, 'a', 'traffic')).rejects.toThrow(/needs a sessions per second/);

    sh.close();
    await lab.stop();
    expect(readState(dir)).toBeUndefined();
    lab = await startLab({ stateDir: dir, sshPortBase: 0, console: false, pairIndexBase: 40 });
    const a2 = lab.describe().devices[0]!;
    const sh2 = await SshShell.connect({ host: a2.ssh.host, port: a2.ssh.port, username: a2.ssh.username, password: a2.ssh.password });
    shells.push(sh2);
    expect(sh2.hostKey.equals(key1)).toBe(true);
    await expect(SshShell.connect({ host: a2.ssh.host, port: a2.ssh.port, username: 'admin', password: 'wrong-password' })).rejects.toThrow(/authentication/i);
  });

  it('commissioned pair: channel up, syslog over UDP, VRRP master and floating IP follow RBM, power-off failover in 3–4 s', async () => {
    const receiver = dgram.createSocket('udp4');
    const got: string[] = [];
    receiver.on('message', (m) => got.push(m.toString()));
    await new Promise<void>((r) => receiver.bind(0, '127.0.0.1', () => r()));
    const sysPort = (receiver.address() as { port: number }).port;
    try {
      lab = await startLab({ stateDir: tempDir(), sshPortBase: 0, console: false, pairIndexBase: 41 });
      const { a, b } = lab.devices as Record<'a' | 'b', NonNullable<Lab['devices']['a']>>;
      a.applyConfig([`info-center loghost 127.0.0.1 port ${sysPort}`]);
      b.applyConfig([`info-center loghost 10.99.0.1 port ${sysPort}`]); // not loopback: delivered to 127.0.0.1
      expect(b.applyConfig(rbmLines('secondary', '10.2.1.2', '10.2.1.1', 60164, 'standby'))).toEqual([]);
      expect(a.applyConfig(rbmLines('primary', '10.2.1.1', '10.2.1.2', 60164, 'active'))).toEqual([]);
      await waitFor(() => lab!.engine('a').runningStatus() === 'Active' && lab!.engine('b').runningStatus() === 'Standby', 6_000, 'election');
      await waitFor(() => got.some((l) => /^<190>\w{3} [ \d]\d \d\d:\d\d:\d\d \d{4} FW1 %%10RBM\/6\/RBM_CHANNEL: Local IP=10\.2\.1\.1, remote IP=10\.2\.1\.2, status=Connected/.test(l)), 3_000, 'syslog from FW1');
      await waitFor(() => got.some((l) => / FW2 %%10RBM\//.test(l)), 3_000, 'syslog from FW2');
      expect(lab.whoAnswers('10.1.1.3')).toEqual(['a']);
      expect(lab.whoAnswers('10.1.2.1')).toEqual(['a']);
      expect(lab.whoAnswers('10.1.2.99')).toEqual([]);

      const t0 = Date.now();
      await lab.inject('a', 'power-off');
      await waitFor(() => lab!.engine('b').runningStatus() === 'Active', 6_000, 'B Active', 10);
      const took = Date.now() - t0;
      expect(took).toBeGreaterThanOrEqual(2_900);
      expect(took).toBeLessThanOrEqual(4_600);
      expect(lab.whoAnswers('10.1.1.3')).toEqual(['b']);
      expect(lab.whoAnswers('10.1.2.1')).toEqual(['b']);
      expect(b.logBuffer.some((l) => /VRRP4\/6\/VRRP_STATUS_CHANGE: .*from Backup to Master/.test(l))).toBe(true);
    } finally {
      receiver.close();
    }
  });
});

describe('hotpair lab (the command)', () => {
  it('prints one JSON line, takes faults through the state dir, and shuts down cleanly on SIGTERM', async () => {
    const { spawn, execFile } = await import('node:child_process');
    const { existsSync } = await import('node:fs');
    const { promisify } = await import('node:util');
    const dir = tempDir();
    const child = spawn(process.execPath, ['bin/hotpair.mjs', 'lab', '--json', '--state-dir', dir, '--ssh-port-base', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr.on('data', (b: Buffer) => (err += b.toString()));
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    try {
      await waitFor(() => out.includes('\n') || child.exitCode !== null, 20_000, `lab JSON line (stderr: ${err})`);
      const d = JSON.parse(out.split('\n')[0] ?? '') as { pid: number; devices: { key: string; ssh: { host: string; port: number; username: string; password: string }; serial: string }[] };
      expect(d.devices.map((x) => [x.key, x.ssh.host, x.ssh.username, x.ssh.password])).toEqual([
        ['a', '127.0.0.1', 'admin', 'hotpair-lab'],
        ['b', '127.0.0.1', 'admin', 'hotpair-lab'],
      ]);
      expect(existsSync(d.devices[0]!.serial)).toBe(true);
      const fault = await promisify(execFile)(process.execPath, ['bin/hotpair.mjs', 'lab', 'fault', 'b', 'track-negative', '5', '--state-dir', dir]);
      expect(fault.stdout).toMatch(/FW2: track 5 forced Negative/);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(readState(dir)).toBeUndefined();
    expect(existsSync(join(dir, 'a.console'))).toBe(false);
    expect(existsSync(join(dir, 'b.lab'))).toBe(false);
  });

  it('a many-pair lab runs RBM in every pair on its own port', async () => {
    lab = await startLab({ stateDir: tempDir(), pairs: 3, sshPortBase: 0, console: false, pairIndexBase: 42, stateFile: false });
    expect(lab.members.map((m) => m.key)).toEqual(['p1a', 'p1b', 'p2a', 'p2b', 'p3a', 'p3b']);
    await waitFor(() => lab!.members.every((m) => m.engine.controlConnected() && m.engine.runningStatus() === (m.key.endsWith('a') ? 'Active' : 'Standby')), 8_000, 'all pairs elected');
    const cc = lab.describe().controlChannel;
    expect(cc.map((c) => c.map['10.2.1.1'])).toEqual(['127.10.42.1', '127.10.43.1', '127.10.44.1']);
    expect(cc.every((c) => typeof c.port === 'number')).toBe(true);
  });
});

describe('no orphans', () => {
  it('socat dies with a lab process that is killed without stopping (kill -9)', async () => {
    const { spawn, execFileSync } = await import('node:child_process');
    const dir = tempDir();
    const child = spawn(process.execPath, ['bin/hotpair.mjs', 'lab', '--json', '--state-dir', dir, '--ssh-port-base', '0'], { stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    const socats = (): string[] => {
      try {
        return execFileSync('pgrep', ['-f', `^socat .*link=${dir}/`]).toString().trim().split('\n').filter(Boolean);
      } catch {
        return []; // pgrep exits 1 when nothing matches
      }
    };
    try {
      await waitFor(() => out.includes('\n'), 20_000, 'lab up');
      expect(socats()).toHaveLength(2);
    } finally {
      child.kill('SIGKILL');
    }
    await waitFor(() => socats().length === 0, 3_000, 'socat gone after its lab was killed');
  });
});

describe('--pair', () => {
  it('every example pair file brings the devices up pre-addressed, without hot backup', async () => {
    const { readFileSync } = await import('node:fs');
    const { loadPairText } = await import('../../src/core/model/load');
    for (const f of ['as-floating-ip', 'as-ospf-cost', 'as-vrrp', 'dual-active-vrrp', 'lab', 'mirroring-track']) {
      const r = loadPairText(readFileSync(`resources/examples/${f}.yaml`, 'utf8'), f);
      if (!r.ok) throw new Error(`${f}: ${r.errors.map((e) => e.message).join('; ')}`);
      lab = await startLab({ pair: r.pair, stateDir: tempDir(), sshPortBase: 0, console: false, stateFile: false, pairIndexBase: 45 });
      for (const k of ['a', 'b'] as const) {
        const d = lab.devices[k]!;
        const want = r.pair.devices[k];
        expect(d.sysname()).toBe(want.sysname);
        expect(d.rbmConfig()).toBeUndefined();
        expect(d.interfaces().find((i) => i.name === want.dataChannel.interface)?.address?.split('/')[0]).toBe(want.controlChannel.localIp);
        for (const i of want.interfaces) if (i.address) expect(d.interfaces().find((x) => x.name === i.name)?.address).toBe(i.address);
      }
      await lab.stop();
      lab = undefined;
    }
  });
});
