import { toErrorInfo } from '../../core/base/errors';
import { readBundle } from '../../core/bundle/node/container';
import { KeyStore } from '../../core/bundle/node/keys';
import type { Handlers } from '../types';

/**
 * bundles.verify / bundles.show over core's container. Trust comes from the key store in the
 * user's data dir (the same one `hotpair bundle key trust` writes). The signing-key passphrase,
 * when the key is encrypted, comes from HOTPAIR_KEY_PASSPHRASE as for the CLI.
 */
export function bundlesHandlers(keysDir: string | undefined): Handlers {
  if (!keysDir) return {};
  const store = new KeyStore(keysDir);
  const isTrusted = (fp: string) => store.isTrusted(fp, process.env.HOTPAIR_KEY_PASSPHRASE || undefined);
  const bytes = (data: string) => Buffer.from(data, 'base64');
  return {
    'bundles.verify': ({ data }) => {
      try {
        const b = readBundle(bytes(data), { isTrusted, allowUntrusted: true });
        const signer = b.manifest.signer.fingerprint;
        return {
          valid: true,
          trusted: b.signerTrusted,
          signer,
          findings: b.signerTrusted ? [] : [`The signer ${signer} is not trusted here; import its public key (hotpair bundle key trust) after checking the fingerprint with its owner.`],
        };
      } catch (e) {
        // A refused bundle is the answer to "verify", not a failure of the call.
        const info = toErrorInfo(e);
        if (info.code !== 'BUNDLE_INVALID') throw e;
        return { valid: false, trusted: false, findings: [info.fix ? `${info.message} ${info.fix}` : info.message] };
      }
    },
    'bundles.show': ({ data }) => {
      const b = readBundle(bytes(data), { isTrusted, allowUntrusted: true });
      return { manifest: b.manifest, signerTrusted: b.signerTrusted };
    },
  };
}
