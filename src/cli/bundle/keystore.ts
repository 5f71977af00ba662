import { join } from 'node:path';
import { dataDir } from '../../core/base/node/paths';
import { KeyStore } from '../../core/bundle/node/keys';

export function openKeyStore(): KeyStore {
  return new KeyStore(join(dataDir(), 'keys'));
}

/** The signing-key passphrase, if any: `--key-passphrase-env NAME`, else HOTPAIR_KEY_PASSPHRASE. */
export function keyPassphrase(envName?: string): string | undefined {
  const v = process.env[envName ?? 'HOTPAIR_KEY_PASSPHRASE'];
  return v && v.length > 0 ? v : undefined;
}
