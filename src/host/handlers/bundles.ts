import { AppError, toErrorInfo } from '../../core/base/errors';
import { readBundle } from '../../core/bundle/node/container';
import { fingerprint } from '../../core/bundle/node/crypto';
import { KeyStore } from '../../core/bundle/node/keys';
import type { DeviceDeps } from '../device-deps';
import { applyBundle } from '../bundles/apply';
import { createFromInventory, createOne } from '../bundles/create';
import type { Handlers } from '../types';

/** `hotpair-ed25519 <base64> [fingerprint]` → the fingerprint of the key it carries. */
function keyLineFingerprint(line: string): string {
  const m = /^hotpair-ed25519 ([A-Za-z0-9+/=]+)/.exec(line.trim());
  const raw = m ? Buffer.from(m[1]!, 'base64') : undefined;
  if (!raw || raw.length !== 32) throw new AppError('VALIDATION', 'Not a HotPair public key line.', {
      fix: 'Paste the line `hotpair bundle key export` printed: "hotpair-ed25519 <base64> SHA256:…".',
      message: { key: 'host.not-key-line' },
    });
  return fingerprint(raw);
}

/**
 * bundles.* over core's container and key store. Trust comes from the key store in the user's
 * data dir (the same one `hotpair bundle key trust` writes). The signing-key passphrase, when the
 * key is encrypted, comes from HOTPAIR_KEY_PASSPHRASE as for the CLI.
 */
export function bundlesHandlers(keysDir: string | undefined, device: DeviceDeps): Handlers {
  if (!keysDir) return {};
  const store = new KeyStore(keysDir);
  const pass = () => process.env.HOTPAIR_KEY_PASSPHRASE || undefined;
  const isTrusted = (fp: string) => store.isTrusted(fp, pass());
  const bytes = (data: string) => Buffer.from(data, 'base64');
  return {
    'bundles.create': (input) => {
      const key = store.signingKey(pass()); // made on first use, as the CLI does
      return 'text' in input ? createOne(input.text, key, input.secrets) : createFromInventory(input.inventory, input.template, key);
    },
    'bundles.keys': () => {
      const own = store.hasSigningKey() ? store.exportPublic(pass()).trim() : undefined;
      return { ...(own ? { own: { line: own, fingerprint: own.split(/\s+/)[2]! } } : {}), trusted: store.trusted() };
    },
    'bundles.import': ({ publicKey, confirmFingerprint }) => {
      const fp = keyLineFingerprint(publicKey);
      // Two steps on purpose: the first call only shows the fingerprint to compare with its owner.
      if (confirmFingerprint === undefined) return { fingerprint: fp, trusted: isTrusted(fp) };
      if (confirmFingerprint !== fp) throw new AppError('VALIDATION', `The confirmed fingerprint ${confirmFingerprint} is not this key's (${fp}).`, {
          fix: 'Compare again with the key owner.',
          message: { key: 'host.fingerprint-differs', params: { confirmed: confirmFingerprint, fingerprint: fp } },
        });
      store.trust(publicKey);
      return { fingerprint: fp, trusted: true };
    },
    'bundles.verify': ({ data }) => {
      try {
        const b = readBundle(bytes(data), { isTrusted, allowUntrusted: true });
        const signer = b.manifest.signer.fingerprint;
        return {
          valid: true,
          trusted: b.signerTrusted,
          signer,
          findings: b.signerTrusted ? [] : [`The signer ${signer} is not trusted here; import its public key (Bundles → Trust a creator) after checking the fingerprint with its owner.`],
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
    'bundles.apply': (input, ctx) => applyBundle({ ...input, data: input.bundle.data }, isTrusted, device, ctx),
  };
}
