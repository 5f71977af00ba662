import { mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fingerprint, fromBase64 } from '../../src/core/known-hosts';
import { sha256 } from '../../src/core/transport/node/known-hosts-file';
import { createHost } from '../../src/host/index';
import type { KeychainCipher } from '../../src/host/secrets/cipher';
import { safeStorageCipher } from '../../electron/main/secrets';

const KEY_A = 'AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl';
const KEY_B = 'AAAAC3NzaC1lZDI1NTE5AAAAIBbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb';
const fp = (b64: string) => fingerprint(fromBase64(b64)!, sha256);

function world(keychain?: KeychainCipher) {
  const dir = mkdtempSync(join(tmpdir(), 'hp-settings-'));
  const make = () => createHost({ version: '1', mode: keychain ? 'electron' : 'browser', examplesDir: dir, dataDir: dir, settingsFile: join(dir, 'settings.json'), ...(keychain ? { keychain } : {}) });
  return { dir, host: make(), make };
}

/** Every byte the data dir holds, to prove a secret is nowhere in clear. */
const everything = (dir: string): string =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => readFileSync(join(e.parentPath, e.name), 'latin1'))
    .join('\n');

describe('settings: known hosts', () => {
  it('lists every host key with its fingerprint and removes one, keeping the others', async () => {
    const { dir, host } = world();
    writeFileSync(join(dir, 'known_hosts'), `# comment\n10.0.0.1 ssh-ed25519 ${KEY_A}\n[127.0.0.1]:2201,[127.0.0.1]:2202 ssh-ed25519 ${KEY_B}\n|1|hashed= ssh-rsa AAAA\n`);
    const list = await host.invoke('settings.knownHosts', {});
    expect(list).toEqual({
      ok: true,
      data: {
        file: join(dir, 'known_hosts'),
        hosts: [
          { host: '10.0.0.1', port: 22, type: 'ssh-ed25519', fingerprint: fp(KEY_A) },
          { host: '127.0.0.1', port: 2201, type: 'ssh-ed25519', fingerprint: fp(KEY_B) },
          { host: '127.0.0.1', port: 2202, type: 'ssh-ed25519', fingerprint: fp(KEY_B) },
        ],
      },
    });
    expect(await host.invoke('settings.forgetHost', { host: '127.0.0.1', port: 2201 })).toEqual({ ok: true, data: { removed: true } });
    expect(await host.invoke('settings.forgetHost', { host: '127.0.0.1', port: 2201 })).toEqual({ ok: true, data: { removed: false } });
    const text = readFileSync(join(dir, 'known_hosts'), 'utf8');
    expect(text).toContain(`[127.0.0.1]:2202 ssh-ed25519 ${KEY_B}`);
    expect(text).not.toContain('2201');
    expect(text).toContain('|1|hashed='); // entries it cannot show are kept, not dropped
    expect(await host.invoke('settings.forgetHost', { host: '10.0.0.1', port: 0 })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});

describe('settings: monitor ports and interval', () => {
  it('saves valid values and refuses out-of-range ones, naming the field', async () => {
    const { host, dir } = world();
    expect(await host.invoke('settings.set', { syslog: { address: '0.0.0.0', port: 5515 }, monitorIntervalSeconds: 10 })).toMatchObject({ ok: true, data: { syslog: { port: 5515 }, monitorIntervalSeconds: 10 } });
    expect(JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8'))).toMatchObject({ syslog: { port: 5515 } });
    const bad = await host.invoke('settings.set', { metrics: { address: '127.0.0.1', port: 70000 } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('metrics.port') } });
    expect(await host.invoke('settings.set', { monitorIntervalSeconds: 0 })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});

describe('settings: saved logins are never plain on disk', () => {
  const PASSWORD = 'Dev1ce-Pa55word!';

  it('browser mode keeps nothing until the user opts in with a passphrase; then seals the file', async () => {
    const { dir, host, make } = world();
    expect(await host.invoke('settings.credentials', {})).toEqual({ ok: true, data: { store: 'off', locked: false, credentials: [] } });
    expect(await host.invoke('settings.saveCredential', { label: 'FW1', username: 'admin', password: PASSWORD })).toMatchObject({ ok: false, error: { code: 'AUTH_FAILED' } });
    expect(everything(dir)).not.toContain(PASSWORD);

    expect(await host.invoke('settings.unlockCredentials', { passphrase: 'short' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await host.invoke('settings.unlockCredentials', { passphrase: 'correct horse' })).toMatchObject({ ok: true, data: { store: 'passphrase', locked: false } });
    const saved = await host.invoke('settings.saveCredential', { label: 'FW1', username: 'fieldeng', password: PASSWORD, url: 'ssh://fieldeng@10.0.0.1' });
    expect(saved).toMatchObject({ ok: true, data: { credentials: [{ label: 'FW1', username: 'fieldeng', url: 'ssh://fieldeng@10.0.0.1' }] } });
    expect(JSON.stringify(saved)).not.toContain(PASSWORD); // names only cross the contract
    const disk = everything(dir);
    expect(disk).not.toContain(PASSWORD);
    expect(disk).not.toContain('fieldeng'); // the whole list is sealed, not only the password
    expect(JSON.parse(readFileSync(join(dir, 'credentials.json'), 'utf8'))).toMatchObject({ kind: 'passphrase', sealed: { kdf: 'scrypt', cipher: 'aes-256-gcm' } });
    expect(statSync(join(dir, 'credentials.json')).mode & 0o777).toBe(0o600);

    // next run: locked until the passphrase is given again; a wrong one opens nothing
    const next = make();
    expect(await next.invoke('settings.credentials', {})).toEqual({ ok: true, data: { store: 'passphrase', locked: true, credentials: [] } });
    expect(await next.invoke('settings.unlockCredentials', { passphrase: 'wrong horse' })).toMatchObject({ ok: false, error: { code: 'AUTH_FAILED' } });
    const opened = await next.invoke('settings.unlockCredentials', { passphrase: 'correct horse' });
    expect(opened).toMatchObject({ ok: true, data: { locked: false, credentials: [{ label: 'FW1' }] } });
    const id = (opened as { data: { credentials: { id: string }[] } }).data.credentials[0]!.id;
    expect(await next.invoke('settings.deleteCredential', { id })).toMatchObject({ ok: true, data: { credentials: [] } });
  }, 20_000);

  it('Electron keeps logins encrypted by the OS keychain (safeStorage), at once and across runs', async () => {
    // A stand-in for safeStorage: reversible, and visibly not the plain text.
    const keychain: KeychainCipher = {
      available: () => true,
      encrypt: (s) => new Uint8Array(Buffer.from(s, 'utf8').map((b) => b ^ 0x5a)),
      decrypt: (d) => Buffer.from(Buffer.from(d).map((b) => b ^ 0x5a)).toString('utf8'),
    };
    const { dir, host, make } = world(keychain);
    expect(await host.invoke('settings.credentials', {})).toEqual({ ok: true, data: { store: 'keychain', locked: false, credentials: [] } });
    expect(await host.invoke('settings.saveCredential', { label: 'lab', username: 'admin', password: PASSWORD })).toMatchObject({ ok: true });
    expect(JSON.parse(readFileSync(join(dir, 'credentials.json'), 'utf8'))).toMatchObject({ kind: 'keychain' });
    expect(everything(dir)).not.toContain(PASSWORD);
    expect(await make().invoke('settings.credentials', {})).toMatchObject({ ok: true, data: { store: 'keychain', credentials: [{ label: 'lab', username: 'admin' }] } });
    // unlocking is a browser-mode idea
    expect(await host.invoke('settings.unlockCredentials', { passphrase: 'whatever1' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('with no usable keychain (Linux without a secret service) Electron keeps nothing in clear either', async () => {
    const keychain: KeychainCipher = { available: () => false, encrypt: () => new Uint8Array(), decrypt: () => '' };
    const { host, dir } = world(keychain);
    expect(await host.invoke('settings.credentials', {})).toMatchObject({ ok: true, data: { store: 'off' } });
    expect(await host.invoke('settings.saveCredential', { label: 'x', username: 'admin', password: PASSWORD })).toMatchObject({ ok: false, error: { code: 'AUTH_FAILED' } });
    expect(everything(dir)).not.toContain(PASSWORD);
  });
});

describe('Electron safeStorage adapter', () => {
  it("counts Linux's hard-coded 'basic_text' fallback as no keychain", () => {
    const safe = (backend: string) => ({ isEncryptionAvailable: () => true, getSelectedStorageBackend: () => backend, encryptString: (s: string) => Buffer.from(s), decryptString: (b: Buffer) => b.toString() });
    expect(safeStorageCipher(safe('basic_text')).available()).toBe(false);
    expect(safeStorageCipher(safe('gnome_libsecret')).available()).toBe(true);
    const c = safeStorageCipher(safe('gnome_libsecret'));
    expect(c.decrypt(c.encrypt('x'))).toBe('x');
  });
});
