/**
 * The pre-push copy of the saved configuration against the lab: byte for byte over SFTP (the same
 * SHA-256 as the file in the device's flash), and the `display saved-configuration` fallback where
 * SFTP is refused or the link is a console, with the reason said.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KnownHostsStore } from '../../../src/core/known-hosts';
import { comware7 } from '../../../src/core/platforms/comware7';
import { describeCopy, fetchSavedConfig, sftpPathFor } from '../../../src/core/provision/saved-config';
import { fileStorage, sha256 } from '../../../src/core/transport/node/known-hosts-file';
import { SerialTransport } from '../../../src/core/transport/node/serial';
import { SshTransport } from '../../../src/core/transport/node/ssh';
import { LAB_PASSWORD, LAB_USERNAME, startLab, type Lab } from '../../../src/lab/lab';
import { connectSession, rejection } from '../transport/contract';

const hex = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const signal = () => AbortSignal.timeout(20_000);

async function labIn(net: number, o: { sftp?: boolean; console?: boolean }) {
  const dir = mkdtempSync(join(tmpdir(), 'hp-saved-'));
  const lab = await startLab({ stateDir: dir, sshPortBase: 0, pairIndexBase: net, stateFile: false, console: o.console ?? false, ...(o.sftp === false ? { sftp: false } : {}) });
  return { dir, lab, stop: async () => (await lab.stop(), rmSync(dir, { recursive: true, force: true })) };
}

function sshTarget(lab: Lab, dir: string) {
  const { host, port } = lab.describe().devices[0]!.ssh;
  return {
    makeTransport: () =>
      new SshTransport({ host, port, username: LAB_USERNAME, password: LAB_PASSWORD, knownHosts: new KnownHostsStore(fileStorage(join(dir, 'known_hosts')), sha256), hostKeyPolicy: { acceptNew: true } }),
    credentials: { username: LAB_USERNAME, password: LAB_PASSWORD },
    loginMode: 'shell' as const,
    sysname: lab.describe().devices[0]!.sysname,
  };
}

describe('saved configuration copy over SFTP (lab with SFTP on, consoles on)', () => {
  let env: Awaited<ReturnType<typeof labIn>>;
  beforeAll(async () => {
    env = await labIn(246, { console: true });
  });
  afterAll(async () => env?.stop());
  const flashFile = () => readFileSync(join(env.dir, 'flash', env.lab.members[0]!.key, 'startup.cfg'));

  it('display startup names flash:/startup.cfg; the copy is the flash file byte for byte, not the displayed text', async () => {
    const { session } = await connectSession(sshTarget(env.lab, env.dir));
    try {
      const copy = await fetchSavedConfig(session, signal());
      expect(copy).toMatchObject({ method: 'sftp', path: 'flash:/startup.cfg', sftpPath: '/startup.cfg' });
      expect(hex(copy.bytes)).toBe(hex(flashFile()));
      const shown = (await session.exec('display saved-configuration')).output;
      expect(Buffer.from(copy.bytes).toString('utf8')).toContain('\r\n sysname ');
      expect(hex(copy.bytes)).not.toBe(hex(Buffer.from(shown)));
      expect(Buffer.from(copy.bytes).toString('utf8').replace(/\r\n/g, '\n').trim()).toBe(shown.replace(/\r\n/g, '\n').trim());
      expect(describeCopy('A', copy)).toBe(`saved configuration of A: ${copy.bytes.length.toLocaleString('en-US')} bytes via SFTP (flash:/startup.cfg)`);
    } finally {
      await session.close();
    }
  });

  it('save rewrites the file; the next copy follows it; a missing file is NOT_FOUND and the server is read-only', async () => {
    const { session, transport } = await connectSession(sshTarget(env.lab, env.dir));
    try {
      await session.sendConfig(['interface GigabitEthernet1/0/6', 'description saved-copy test', 'quit']);
      await session.save();
      const copy = await fetchSavedConfig(session, signal());
      expect(Buffer.from(copy.bytes).toString('utf8')).toContain(' description saved-copy test\r\n');
      expect(hex(copy.bytes)).toBe(hex(flashFile()));
      const ssh = transport as SshTransport;
      expect((await rejection(ssh.readFile('/nothing.cfg'))).code).toBe('NOT_FOUND');
      // outside the flash folder does not exist for the device
      expect((await rejection(ssh.readFile('/../../lab.json'))).code).toBe('NOT_FOUND');
      expect(Buffer.from(await ssh.readFile('flash:/startup.cfg')).equals(flashFile())).toBe(true);
    } finally {
      await session.close();
    }
  });

  it('over the serial console: the display text, with the reason', async () => {
    const a = env.lab.describe().devices[0]!;
    const { session } = await connectSession({
      makeTransport: () => new SerialTransport({ path: a.serial!, baud: 9600 }),
      credentials: { username: LAB_USERNAME, password: LAB_PASSWORD },
      loginMode: 'console',
      sysname: a.sysname,
    });
    try {
      const copy = await fetchSavedConfig(session, signal());
      expect(copy.method).toBe('display');
      expect(copy.path).toBe('flash:/startup.cfg');
      expect(copy.reason).toMatch(/console line carries no files/);
      const text = Buffer.from(copy.bytes).toString('utf8');
      expect(text).toContain(` sysname ${a.sysname}`);
      expect(text.replace(/\r\n/g, '\n').trim()).toBe(flashFile().toString('utf8').replace(/\r\n/g, '\n').trim());
      expect(describeCopy('B', copy)).toMatch(/^saved configuration of B: [\d,]+ bytes via display saved-configuration \(SFTP not available: .*console line carries no files\.\)$/);
    } finally {
      await session.close();
    }
  });
});

describe('saved configuration copy with SFTP off on the device', () => {
  let env: Awaited<ReturnType<typeof labIn>>;
  beforeAll(async () => {
    env = await labIn(247, { sftp: false });
  });
  afterAll(async () => env?.stop());

  it('falls back to display saved-configuration and says SFTP was refused', async () => {
    const { session, transport } = await connectSession(sshTarget(env.lab, env.dir));
    try {
      expect((await rejection((transport as SshTransport).readFile('/startup.cfg'))).code).toBe('UNSUPPORTED');
      const copy = await fetchSavedConfig(session, signal());
      expect(copy.method).toBe('display');
      expect(copy.reason).toMatch(/refused SFTP/);
      expect(Buffer.from(copy.bytes).toString('utf8')).toBe((await session.exec('display saved-configuration')).output);
      // the SSH session is still usable after the refused subsystem
      expect((await session.exec('display version')).output).toContain('Comware');
    } finally {
      await session.close();
    }
  });
});

describe('sftpPathFor', () => {
  it('maps a device path through the pack entry; no entry, no SFTP name', () => {
    expect(sftpPathFor('flash:/startup.cfg', comware7)).toBe('/startup.cfg');
    expect(sftpPathFor('cfa0:/cfg/a.cfg', { ...comware7, files: { sftpPath: '{drive}:/{file}', verified: false } })).toBe('cfa0:/cfg/a.cfg');
    const { files: _files, ...noFiles } = comware7;
    expect(sftpPathFor('flash:/startup.cfg', noFiles)).toBeUndefined();
  });
});
