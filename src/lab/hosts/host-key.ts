import { generateKeyPair } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { dirname } from 'node:path';

/** RSA like the real devices (`public-key local create rsa`, 2048 bits). */
const HOST_KEY_BITS = 2048;

/**
 * The device's SSH host key, generated once and kept in the lab's state dir, so a client that
 * accepted it (known_hosts) still trusts the device after the lab restarts — as with a real device.
 */
export async function loadOrCreateHostKey(path: string): Promise<string> {
  if (existsSync(path)) return readFileSync(path, 'utf8');
  mkdirSync(dirname(path), { recursive: true });
  // Async: generation runs on libuv's thread pool, so a many-pair lab makes its keys in parallel.
  const { privateKey } = await promisify(generateKeyPair)('rsa', {
    modulusLength: HOST_KEY_BITS,
    publicKeyEncoding: { type: 'pkcs1', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
  });
  writeFileSync(path, privateKey, { mode: 0o600 });
  chmodSync(path, 0o600);
  return privateKey;
}
