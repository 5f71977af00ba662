import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/core/base/errors';
import type { ConnectTarget } from '../../../src/core/model/connect';
import { DeviceConnector, type ConnectAsk } from '../../../src/core/session/node/connect';

const dir = mkdtempSync(join(tmpdir(), 'hp-connector-'));
const connector = () => new DeviceConnector({ knownHostsFile: join(dir, 'known_hosts'), transcriptDir: join(dir, 'transcripts') });
const ssh = (username?: string): ConnectTarget => ({ kind: 'ssh', host: '192.0.2.11', port: 22, ...(username ? { username } : {}) });
const serial: ConnectTarget = { kind: 'serial', path: '/dev/ttyUSB0', dataBits: 8, parity: 'none', stopBits: 1, flowControl: 'none' };
const refuse: ConnectAsk['missing'] = (what) => new AppError('VALIDATION', `missing ${what}`);

describe('DeviceConnector: the login', () => {
  it('takes the user from the URL, else the login, else asks', async () => {
    const asked: string[] = [];
    const ask: ConnectAsk = { missing: refuse, askUsername: async (q) => (asked.push(q), 'asked'), askPassword: async () => 'pw' };
    expect((await connector().credentials(ssh('admin'), { username: 'ops', password: 'x' }, ask)).username).toBe('admin');
    expect((await connector().credentials(serial, { username: 'ops', password: 'x' }, ask)).username).toBe('ops');
    expect((await connector().credentials(serial, { password: 'x' }, ask)).username).toBe('asked');
    expect(asked).toEqual(['login: ']);
  });

  it('refuses in the caller\'s words what it cannot ask', async () => {
    await expect(connector().credentials(serial, { password: 'x' }, { missing: refuse })).rejects.toThrow('missing username');
    await expect(connector().credentials(ssh('admin'), {}, { missing: refuse })).rejects.toThrow('missing password');
  });

  it('lets an SSH key stand in for the password, but not on a console', async () => {
    const key = join(dir, 'id_test');
    writeFileSync(key, 'KEY BYTES');
    const c = await connector().credentials(ssh('admin'), { identityFile: key, passphrase: 'pp' }, { missing: refuse });
    expect(c.privateKey?.toString()).toBe('KEY BYTES');
    expect(c.passphrase).toBe('pp');
    expect(c.password).toBeUndefined();
    await expect(connector().credentials({ ...serial }, { username: 'admin', identityFile: key }, { missing: refuse })).rejects.toThrow('missing password');
    await expect(connector().credentials(ssh('admin'), { identityFile: join(dir, 'nope') }, { missing: refuse })).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  it('asks one question at a time across devices: passwords and host-key questions never overlap', async () => {
    let open = 0;
    let most = 0;
    const slow = async <T>(v: T): Promise<T> => {
      most = Math.max(most, ++open);
      await new Promise((r) => setTimeout(r, 20));
      open--;
      return v;
    };
    const ask: ConnectAsk = { missing: refuse, askPassword: () => slow('pw'), confirmHostKey: () => slow(true) };
    const c = connector();
    const policy = c.hostKeyPolicy(ask);
    const key = { host: 'h', port: 22, type: 'ssh-ed25519', fingerprint: 'SHA256:x' };
    const results = await Promise.all([c.credentials(ssh('a'), {}, ask), c.credentials(ssh('b'), {}, ask), policy.confirmNew!(key), policy.confirmNew!(key)]);
    expect(results.slice(0, 2).map((r) => (r as { password: string }).password)).toEqual(['pw', 'pw']);
    expect(most).toBe(1);
    // a refused or failed question does not block the next one
    const failing: ConnectAsk = { missing: refuse, askPassword: async () => Promise.reject(new Error('no tty')) };
    await expect(c.credentials(ssh('a'), {}, failing)).rejects.toThrow('no tty');
    expect((await c.credentials(ssh('a'), {}, ask)).password).toBe('pw');
  });
});
