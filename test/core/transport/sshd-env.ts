/**
 * Debian's OpenSSH sshd on 127.0.0.1 with a throwaway config: own host key, authorized_keys in a
 * temp dir, and a ForceCommand into the lab CLI (test/fixtures/lab-cli-stdio.ts) — the interop
 * leg of the transport contract. Needs root (it is, in CI) and /usr/sbin/sshd.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const SSHD = '/usr/sbin/sshd';

export interface SshdEnv {
  port: number;
  dir: string;
  clientKey: Buffer;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const port = (s.address() as AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

export function sshdAvailable(): boolean {
  return existsSync(SSHD) && typeof process.getuid === 'function' && process.getuid() === 0 && spawnSync('ssh-keygen', ['-?']).error === undefined;
}

export async function startSshd(): Promise<SshdEnv> {
  const dir = mkdtempSync(join(tmpdir(), 'hotpair-sshd-'));
  const keygen = (file: string, type: string) => {
    const r = spawnSync('ssh-keygen', ['-q', '-t', type, '-N', '', '-f', file]);
    if (r.status !== 0) throw new Error(`ssh-keygen failed: ${r.stderr.toString()}`);
  };
  keygen(join(dir, 'host_ed25519'), 'ed25519');
  keygen(join(dir, 'client_ed25519'), 'ed25519');
  writeFileSync(join(dir, 'authorized_keys'), readFileSync(join(dir, 'client_ed25519.pub')));
  mkdirSync('/run/sshd', { recursive: true, mode: 0o755 }); // privilege-separation directory
  const port = await freePort();
  const repo = resolve(import.meta.dirname, '../../..');
  const force = `cd ${repo} && exec ${process.execPath} --import tsx test/fixtures/lab-cli-stdio.ts`;
  writeFileSync(
    join(dir, 'sshd_config'),
    [
      `Port ${port}`,
      'ListenAddress 127.0.0.1',
      `HostKey ${join(dir, 'host_ed25519')}`,
      `PidFile ${join(dir, 'sshd.pid')}`,
      `AuthorizedKeysFile ${join(dir, 'authorized_keys')}`,
      'StrictModes no',
      'UsePAM no',
      'PasswordAuthentication no',
      'KbdInteractiveAuthentication no',
      'PubkeyAuthentication yes',
      'PermitRootLogin yes',
      'LogLevel ERROR',
      `ForceCommand ${force}`,
      '',
    ].join('\n'),
  );
  const child: ChildProcess = spawn(SSHD, ['-D', '-e', '-f', join(dir, 'sshd_config')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-2000)));
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  // ready when the port accepts connections (sshd has no readiness signal in -D mode)
  const t0 = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`sshd exited: ${stderr}`);
    const ok = await accepts(port);
    if (ok) break;
    if (Date.now() - t0 > 5000) throw new Error(`sshd did not listen within 5 s: ${stderr}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    port,
    dir,
    clientKey: readFileSync(join(dir, 'client_ed25519')),
    async stop() {
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 2000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function accepts(port: number): Promise<boolean> {
  return new Promise((done) => {
    const s = connect(port, '127.0.0.1');
    s.once('connect', () => {
      s.destroy();
      done(true);
    });
    s.once('error', () => done(false));
  });
}
