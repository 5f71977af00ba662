import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { AppError } from '../../core/base/errors';
import { seal, unseal, type SealedSecret } from '../../core/bundle/node/crypto';
import type { CredentialInfo, CredentialsState } from '../../contract/index';
import type { KeychainCipher } from './cipher';

interface Entry extends CredentialInfo {
  password: string;
}

/** What is on disk: never a password in clear — keychain ciphertext or a passphrase-sealed box. */
type StoredFile = { version: 1; kind: 'keychain'; data: string } | { version: 1; kind: 'passphrase'; sealed: SealedSecret };

/**
 * Saved device logins. Desktop: encrypted by the OS keychain (safeStorage), available at once.
 * Browser mode has no keychain, so nothing is kept unless the user opts in with a passphrase;
 * the file is then sealed with scrypt + AES-GCM and the passphrase lives in memory for this run.
 */
export class CredentialStore {
  private entries: Entry[] | undefined;
  private passphrase: string | undefined;
  private loaded = false;
  private onDisk: StoredFile | undefined;

  constructor(
    private readonly file: string | undefined,
    private readonly keychain?: KeychainCipher,
  ) {}

  private get useKeychain(): boolean {
    return this.keychain?.available() === true;
  }

  private async load(): Promise<void> {
    if (this.loaded) return;
    this.loaded = true;
    if (!this.file) return;
    try {
      this.onDisk = JSON.parse(await readFile(this.file, 'utf8')) as StoredFile;
    } catch {
      this.onDisk = undefined; // no file yet (or unreadable): nothing saved
    }
    if (this.useKeychain) {
      this.entries = this.onDisk?.kind === 'keychain' ? (JSON.parse(this.keychain!.decrypt(Buffer.from(this.onDisk.data, 'base64'))) as Entry[]) : [];
    }
  }

  async state(): Promise<CredentialsState> {
    await this.load();
    const credentials = (this.entries ?? []).map(({ id, label, username, url }) => ({ id, label, username, ...(url ? { url } : {}) }));
    if (this.useKeychain) return { store: 'keychain', locked: false, credentials };
    if (this.entries) return { store: 'passphrase', locked: false, credentials };
    return this.onDisk?.kind === 'passphrase' ? { store: 'passphrase', locked: true, credentials: [] } : { store: 'off', locked: false, credentials: [] };
  }

  /** Browser mode: the first call opts in (creates an empty sealed store); later calls unlock it. */
  async unlock(passphrase: string): Promise<CredentialsState> {
    await this.load();
    if (this.useKeychain) throw new AppError('CONFLICT', 'Logins are kept in the OS keychain here; there is nothing to unlock.', { message: { key: 'host.keychain-no-unlock' } });
    if (this.onDisk?.kind === 'passphrase') {
      this.entries = JSON.parse(unseal(this.onDisk.sealed, passphrase)) as Entry[];
      this.passphrase = passphrase;
    } else {
      this.passphrase = passphrase;
      this.entries = [];
      await this.persist();
    }
    return this.state();
  }

  async save(c: Omit<Entry, 'id'>): Promise<CredentialsState> {
    await this.load();
    if (!this.entries) {
      throw new AppError('AUTH_FAILED', 'Logins are not kept in browser mode until you choose a passphrase for them.', {
        fix: 'In Settings → Credentials, set (or enter) the passphrase first.',
        message: { key: 'host.logins-locked-browser' },
      });
    }
    this.entries = [...this.entries, { ...c, id: randomUUID().slice(0, 8) }];
    await this.persist();
    return this.state();
  }

  async remove(id: string): Promise<CredentialsState> {
    await this.load();
    if (this.entries) {
      this.entries = this.entries.filter((e) => e.id !== id);
      await this.persist();
    }
    return this.state();
  }

  /** Host-internal: a saved login for a connection. Never crosses the contract. */
  async login(id: string): Promise<{ username: string; password: string }> {
    await this.load();
    const e = this.entries?.find((x) => x.id === id);
    if (!e) {
      throw new AppError('NOT_FOUND', this.entries ? `No saved login "${id}".` : 'Saved logins are locked.', {
        fix: 'Unlock or pick a login in Settings → Credentials.',
        message: this.entries ? { key: 'host.no-login', params: { id } } : { key: 'host.logins-locked' },
      });
    }
    return { username: e.username, password: e.password };
  }

  private async persist(): Promise<void> {
    if (!this.file || !this.entries) return;
    const json = JSON.stringify(this.entries);
    const out: StoredFile = this.useKeychain
      ? { version: 1, kind: 'keychain', data: Buffer.from(this.keychain!.encrypt(json)).toString('base64') }
      : { version: 1, kind: 'passphrase', sealed: seal(json, this.passphrase!) };
    await mkdir(dirname(this.file), { recursive: true, mode: 0o700 });
    // write-then-rename, owner-only: a crash mid-write must not lose every saved login
    const tmp = `${this.file}.${process.pid}.tmp`;
    await writeFile(tmp, JSON.stringify(out), { mode: 0o600 });
    await rename(tmp, this.file);
    this.onDisk = out;
  }
}
