/**
 * Signing and checking a report with the bundles' Ed25519 key (bundle/node/crypto.ts): the same
 * key, the same fingerprints and the same trust list as `hotpair bundle verify`.
 */
import { fingerprint, publicKeyFromRaw, signBytes, verifyBytes, type SigningKey } from '../../bundle/node/crypto';
import { signatureTrailer, splitSignedReport, SIGNATURE_FORMAT, SIGNATURE_VERSION } from '../signature';

const fromB64 = (s: string): Uint8Array => Buffer.from(s, 'base64');
const toB64 = (b: Uint8Array): string => Buffer.from(b).toString('base64');

/** The page followed by its signature comment; the page must end with a newline (renderReportHtml's does). */
export function signReport(html: string, key: SigningKey): Buffer {
  const page = Buffer.from(html.endsWith('\n') ? html : `${html}\n`, 'utf8');
  const trailer = signatureTrailer({
    format: SIGNATURE_FORMAT,
    version: SIGNATURE_VERSION,
    alg: 'ed25519',
    publicKey: key.publicKeyRaw.toString('base64'),
    fingerprint: fingerprint(key.publicKeyRaw),
    signature: signBytes(key.privateKey, page).toString('base64'),
  });
  return Buffer.concat([page, Buffer.from(trailer, 'utf8')]);
}

export type ReportVerdict =
  | { ok: true; fingerprint: string; trusted: boolean }
  | { ok: false; problem: string; fingerprint?: string };

/** Whether the file is exactly what its signer signed, and whether that signer is trusted. */
export function verifyReport(file: Uint8Array, isTrusted: (fingerprint: string) => boolean): ReportVerdict {
  const split = splitSignedReport(file, fromB64, toB64);
  if (!split.ok) return split;
  const { signature: s, signed } = split;
  const raw = Buffer.from(s.publicKey, 'base64');
  if (raw.length !== 32 || fingerprint(raw) !== s.fingerprint) return { ok: false, problem: 'the signature names a fingerprint that does not match its public key' };
  const sig = Buffer.from(s.signature, 'base64');
  if (sig.length !== 64 || !verifyBytes(publicKeyFromRaw(raw), signed, sig)) {
    return { ok: false, problem: 'the report was altered after it was signed', fingerprint: s.fingerprint };
  }
  return { ok: true, fingerprint: s.fingerprint, trusted: isTrusted(s.fingerprint) };
}
