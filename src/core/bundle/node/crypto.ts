import { createCipheriv, createDecipheriv, createHash, createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, scryptSync, sign, verify, type KeyObject } from 'node:crypto';
import { AppError } from '../../base/errors';

export const sha256Hex = (data: Uint8Array): string => createHash('sha256').update(data).digest('hex');

/** OpenSSH-style fingerprint of a raw Ed25519 public key: SHA256:<base64 without padding>. */
export function fingerprint(publicKeyRaw: Buffer): string {
  return `SHA256:${createHash('sha256').update(publicKeyRaw).digest('base64').replace(/=+$/, '')}`;
}

export interface SigningKey {
  privateKey: KeyObject;
  publicKeyRaw: Buffer;
}

export function generateSigningKey(): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { privateKey, publicKeyRaw: rawPublicKey(publicKey) };
}

export function rawPublicKey(publicKey: KeyObject): Buffer {
  // SPKI DER for Ed25519 is a fixed 12-byte prefix followed by the 32-byte key.
  return publicKey.export({ format: 'der', type: 'spki' }).subarray(-32);
}

export function publicKeyFromRaw(raw: Buffer): KeyObject {
  if (raw.length !== 32) throw new AppError('BUNDLE_INVALID', 'The signer public key is not a 32-byte Ed25519 key.', { message: { key: 'bundle.signer-key' } });
  const prefix = Buffer.from('302a300506032b6570032100', 'hex');
  return createPublicKey({ key: Buffer.concat([prefix, raw]), format: 'der', type: 'spki' });
}

export function privateKeyFromPem(pem: string, passphrase?: string): KeyObject {
  return createPrivateKey(passphrase ? { key: pem, passphrase } : pem);
}

export const signBytes = (key: KeyObject, data: Uint8Array): Buffer => sign(null, data, key);
export const verifyBytes = (key: KeyObject, data: Uint8Array, signature: Uint8Array): boolean => verify(null, data, key, signature);

/**
 * Passphrase encryption for device passwords carried in a bundle: scrypt (memory-hard,
 * N=2^15 r=8 p=1 → 32 MiB) derives an AES-256-GCM key; the tag authenticates the ciphertext
 * and the KDF parameters ride along so they can be raised later without breaking old bundles.
 */
export interface SealedSecret {
  kdf: 'scrypt';
  N: number;
  r: number;
  p: number;
  salt: string;
  cipher: 'aes-256-gcm';
  iv: string;
  tag: string;
  data: string;
}

const SCRYPT = { N: 1 << 15, r: 8, p: 1 };

export function seal(plaintext: string, passphrase: string): SealedSecret {
  if (passphrase.length < 8) throw new AppError('VALIDATION', 'The bundle passphrase is shorter than 8 characters.', { fix: 'Choose a passphrase of at least 8 characters.', message: { key: 'bundle.passphrase-short' } });
  const salt = randomBytes(16);
  const key = scryptSync(passphrase, salt, 32, { ...SCRYPT, maxmem: 64 * 1024 * 1024 });
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([c.update(plaintext, 'utf8'), c.final()]);
  return { kdf: 'scrypt', ...SCRYPT, salt: salt.toString('base64'), cipher: 'aes-256-gcm', iv: iv.toString('base64'), tag: c.getAuthTag().toString('base64'), data: data.toString('base64') };
}

export function unseal(sealed: SealedSecret, passphrase: string): string {
  if (sealed.N > 1 << 20 || sealed.r > 32 || sealed.p > 16) throw new AppError('BUNDLE_INVALID', 'The secrets use KDF parameters beyond what HotPair accepts.', { message: { key: 'bundle.kdf' } });
  const key = scryptSync(passphrase, Buffer.from(sealed.salt, 'base64'), 32, { N: sealed.N, r: sealed.r, p: sealed.p, maxmem: 1024 * 1024 * 1024 });
  const d = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'));
  d.setAuthTag(Buffer.from(sealed.tag, 'base64'));
  try {
    return Buffer.concat([d.update(Buffer.from(sealed.data, 'base64')), d.final()]).toString('utf8');
  } catch {
    throw new AppError('AUTH_FAILED', 'The passphrase does not open the bundle secrets (or they were altered).', { fix: 'Check the passphrase with the person who created the bundle.', message: { key: 'bundle.secrets-passphrase' } });
  }
}
