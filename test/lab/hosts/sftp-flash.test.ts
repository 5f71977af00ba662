/** The lab SSH host's SFTP: the device's flash folder, listed and read, never written. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NodeSSH } from 'node-ssh';
import type { SFTPWrapper } from 'ssh2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flashName } from '../../../src/lab/hosts/sftp-flash';
import { LAB_PASSWORD, LAB_USERNAME, startLab, type Lab } from '../../../src/lab/lab';

let dir: string;
let lab: Lab;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hp-sftp-'));
  lab = await startLab({ stateDir: dir, sshPortBase: 0, pairIndexBase: 249, stateFile: false, console: false });
});
afterAll(async () => {
  await lab?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const call = <T>(f: (cb: (e: Error | undefined | null, v: T) => void) => void) => new Promise<T>((res, rej) => f((e, v) => (e ? rej(e) : res(v))));

describe('lab SFTP (flash, read-only)', () => {
  it('lists startup.cfg at the root, reads it whole, refuses writes', async () => {
    const ssh = new NodeSSH();
    const { host, port } = lab.describe().devices[0]!.ssh;
    await ssh.connect({ host, port, username: LAB_USERNAME, password: LAB_PASSWORD, algorithms: { serverHostKey: ['ssh-rsa'] } });
    try {
      const sftp: SFTPWrapper = await ssh.requestSFTP();
      const names = await call<{ filename: string }[]>((cb) => sftp.readdir('/', cb));
      expect(names.map((n) => n.filename)).toEqual(['startup.cfg']);
      expect(await call<string>((cb) => sftp.realpath('.', cb))).toBe('/');
      const file = await call<Buffer>((cb) => sftp.readFile('flash:/startup.cfg', cb));
      expect(file.equals(readFileSync(join(dir, 'flash', 'a', 'startup.cfg')))).toBe(true);
      const e = await call<unknown>((cb) => sftp.writeFile('/startup.cfg', 'x', (err) => cb(err, undefined))).catch((x: unknown) => x);
      expect(String(e)).toMatch(/read-only|Permission denied/i);
      expect(readFileSync(join(dir, 'flash', 'a', 'startup.cfg')).equals(file)).toBe(true);
    } finally {
      ssh.dispose();
    }
  });

  it('names stay inside the flash folder', () => {
    expect(flashName('flash:/startup.cfg')).toBe('startup.cfg');
    expect(flashName('startup.cfg')).toBe('startup.cfg');
    expect(flashName('/../../etc/passwd')).toBe('etc/passwd');
    expect(flashName('.')).toBe('');
  });
});
