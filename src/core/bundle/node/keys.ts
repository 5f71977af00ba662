import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createPublicKey } from 'node:crypto';
import { AppError } from '../../base/errors';
import { fingerprint, generateSigningKey, privateKeyFromPem, rawPublicKey, type SigningKey } from './crypto';

const PUB_PREFIX = 'hotpair-ed25519';

/**
 * The creator's Ed25519 key (made once) and the public keys trusted to sign bundles. The private
 * key is written 0600 and, when a passphrase is given, encrypted (PKCS#8 + AES-256-CBC); the
 * desktop app passes a passphrase kept with Electron safeStorage.
 */
export class KeyStore {
  constructor(private readonly dir: string) {}

  private get keyFile(): string {
    return join(this.dir, 'signing-key.pem');
  }
  private get trustDir(): string {
    return join(this.dir, 'trusted');
  }

  hasSigningKey(): boolean {
    return existsSync(this.keyFile);
  }

  signingKey(passphrase?: string): SigningKey {
    if (!existsSync(this.keyFile)) {
      mkdirSync(this.dir, { recursive: true, mode: 0o700 });
      const key = generateSigningKey();
      const pem = passphrase
        ? key.privateKey.export({ format: 'pem', type: 'pkcs8', cipher: 'aes-256-cbc', passphrase })
        : key.privateKey.export({ format: 'pem', type: 'pkcs8' });
      writeFileSync(this.keyFile, pem, { mode: 0o600 });
      chmodSync(this.keyFile, 0o600);
      return key;
    }
    const pem = readFileSync(this.keyFile, 'utf8');
    if (pem.includes('ENCRYPTED') && !passphrase) {
      throw new AppError('AUTH_FAILED', 'The signing key is encrypted and no passphrase was given.', {
        fix: 'Set HOTPAIR_KEY_PASSPHRASE (or pass --key-passphrase-env NAME).',
        message: { key: 'bundle.key-locked' },
      });
    }
    try {
      const privateKey = privateKeyFromPem(pem, pem.includes('ENCRYPTED') ? passphrase : undefined);
      return { privateKey, publicKeyRaw: rawPublicKey(createPublicKey(privateKey)) };
    } catch {
      throw new AppError('AUTH_FAILED', 'The passphrase does not open the signing key.', { fix: 'Check HOTPAIR_KEY_PASSPHRASE.', message: { key: 'bundle.key-passphrase' } });
    }
  }

  /** One line: `hotpair-ed25519 <base64> <fingerprint>`, to hand to whoever applies bundles. */
  exportPublic(passphrase?: string): string {
    const { publicKeyRaw } = this.signingKey(passphrase);
    return `${PUB_PREFIX} ${publicKeyRaw.toString('base64')} ${fingerprint(publicKeyRaw)}\n`;
  }

  ownFingerprint(passphrase?: string): string | undefined {
    if (!this.hasSigningKey()) return undefined;
    return fingerprint(this.signingKey(passphrase).publicKeyRaw);
  }

  /** Trust a public key line; returns its fingerprint. */
  trust(line: string): string {
    const m = new RegExp(`^${PUB_PREFIX} ([A-Za-z0-9+/=]+)`).exec(line.trim());
    const raw = m ? Buffer.from(m[1]!, 'base64') : undefined;
    if (!raw || raw.length !== 32) {
      throw new AppError('VALIDATION', 'Not a HotPair public key line.', {
        fix: `Expected "${PUB_PREFIX} <base64> …" as printed by \`hotpair bundle key export\`.`,
        message: { key: 'bundle.not-key-line', params: { prefix: PUB_PREFIX } },
      });
    }
    const fp = fingerprint(raw);
    mkdirSync(this.trustDir, { recursive: true, mode: 0o700 });
    writeFileSync(join(this.trustDir, `${fileSafe(fp)}.pub`), `${PUB_PREFIX} ${raw.toString('base64')} ${fp}\n`);
    return fp;
  }

  untrust(fp: string): boolean {
    const f = join(this.trustDir, `${fileSafe(fp)}.pub`);
    if (!existsSync(f)) return false;
    rmSync(f);
    return true;
  }

  trusted(): string[] {
    if (!existsSync(this.trustDir)) return [];
    return readdirSync(this.trustDir)
      .filter((f) => f.endsWith('.pub'))
      .map((f) => readFileSync(join(this.trustDir, f), 'utf8').trim().split(/\s+/)[2] ?? '')
      .filter(Boolean);
  }

  /** The creator's own key is always trusted; anything else must have been imported. */
  isTrusted(fp: string, passphrase?: string): boolean {
    if (this.trusted().includes(fp)) return true;
    try {
      return this.ownFingerprint(passphrase) === fp;
    } catch {
      return false;
    }
  }
}

const fileSafe = (fp: string) => fp.replace(/^SHA256:/, '').replace(/[^A-Za-z0-9]/g, '_');
