/** Interop: the contract against Debian's OpenSSH sshd (ForceCommand into the lab CLI). */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KnownHostsStore } from '../../../src/core/known-hosts';
import { fileStorage, sha256 } from '../../../src/core/transport/node/known-hosts-file';
import { SshTransport } from '../../../src/core/transport/node/ssh';
import { rejection, transportContract } from './contract';
import { sshdAvailable, startSshd, type SshdEnv } from './sshd-env';

let env: SshdEnv;
const available = sshdAvailable();

describe.runIf(available)('OpenSSH sshd interop', () => {
  beforeAll(async () => {
    env = await startSshd();
  });
  afterAll(async () => {
    await env?.stop();
  });

  const make = (o: { known?: string; acceptNew?: boolean } = {}) =>
    new SshTransport({
      host: '127.0.0.1',
      port: env.port,
      username: 'root',
      privateKey: env.clientKey,
      knownHosts: new KnownHostsStore(fileStorage(join(env.dir, o.known ?? 'known_hosts')), sha256),
      hostKeyPolicy: { acceptNew: o.acceptNew ?? true },
    });

  transportContract('ssh: OpenSSH sshd (key auth, ForceCommand lab CLI)', () => ({
    makeTransport: () => make(),
    credentials: { username: 'root' },
    loginMode: 'shell',
    sysname: 'FW1',
  }));

  it('SFTP where the server has no sftp subsystem: UNSUPPORTED at once, and the shell goes on', async () => {
    const t = make();
    await t.open();
    try {
      const t0 = Date.now();
      const e = await rejection(t.readFile('/startup.cfg', AbortSignal.timeout(5000)));
      expect(e.code).toBe('UNSUPPORTED');
      expect(Date.now() - t0).toBeLessThan(3000);
      expect(t.isOpen).toBe(true);
    } finally {
      await t.close();
    }
  });

  it('first contact without acceptance → HOST_KEY_UNKNOWN with the OpenSSH fingerprint', async () => {
    const e = await rejection(make({ known: 'kh-empty', acceptNew: false }).open());
    expect(e.code).toBe('HOST_KEY_UNKNOWN');
    // exactly what OpenSSH prints for the same key
    const keygen = spawnSync('ssh-keygen', ['-l', '-f', join(env.dir, 'host_ed25519.pub')]).stdout.toString();
    expect(keygen).toContain(` ${String(e.details?.fingerprint)} `);
    expect(String(e.details?.fingerprint)).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
  });
});
