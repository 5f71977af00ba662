import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { startLab, type Lab } from '../../../src/lab/lab';

const run = promisify(execFile);
/** One OpenSSH login + command on loopback; generous for a loaded 2-core box. */
const SSH_CLIENT_TIMEOUT_MS = 15_000;

let lab: Lab | undefined;
let dir: string | undefined;
afterEach(async () => {
  await lab?.stop();
  lab = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('interop: Debian OpenSSH client', () => {
  it('logs in with a public key (ssh-keygen) against the ssh-rsa-only host key and runs display version', async () => {
    dir = mkdtempSync(join(tmpdir(), 'hotpair-openssh-'));
    const key = join(dir, 'id_ed25519');
    await run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', key]);
    lab = await startLab({
      stateDir: join(dir, 'state'),
      sshPortBase: 0,
      console: false,
      pairIndexBase: 60,
      authorizedKeys: { admin: [readFileSync(`${key}.pub`, 'utf8')] },
    });
    const a = lab.describe().devices[0]!;
    const args = (hostKeyAlgorithms: string[]): string[] => [
      '-i', key,
      '-p', String(a.ssh.port),
      '-o', 'StrictHostKeyChecking=no',
      '-o', 'UserKnownHostsFile=/dev/null',
      ...hostKeyAlgorithms,
      '-o', 'BatchMode=yes',
      '-o', 'PasswordAuthentication=no',
      '-o', `ConnectTimeout=${SSH_CLIENT_TIMEOUT_MS / 1000}`,
      '-v',
      `admin@${a.ssh.host}`,
      'display version',
    ];
    const r = await run('ssh', args(['-o', 'HostKeyAlgorithms=+ssh-rsa']), { timeout: SSH_CLIENT_TIMEOUT_MS });
    expect(r.stdout).toMatch(/H3C Comware Software, Version 7\.1\.064/);
    expect(r.stderr).toMatch(/Remote protocol version 2\.0, remote software version Comware-7\.1\.064/);
    expect(r.stderr).toMatch(/Server host key: ssh-rsa/);
    expect(r.stderr).toMatch(/Authenticated to .* using "publickey"/);

    // Without +ssh-rsa a modern client refuses the device, exactly as against a real 7.1.064.
    await expect(run('ssh', args([]), { timeout: SSH_CLIENT_TIMEOUT_MS })).rejects.toThrow(/no matching host key type found/);
  }, 30_000);
});
