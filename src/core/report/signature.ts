/**
 * Where a report's signature lives: one HTML comment after `</html>`, the file's last line,
 * covering every byte before it. Read strictly — one spelling of the comment, canonical JSON and
 * canonical base64 — so that no byte of the file, the comment included, can change unnoticed.
 */
export const SIGNATURE_OPEN = '<!-- hotpair-signature: ';
export const SIGNATURE_CLOSE = ' -->\n';
export const SIGNATURE_FORMAT = 'hotpair-report-signature';
export const SIGNATURE_VERSION = 1;

export interface ReportSignature {
  format: typeof SIGNATURE_FORMAT;
  version: typeof SIGNATURE_VERSION;
  alg: 'ed25519';
  /** Raw 32-byte public key, base64. */
  publicKey: string;
  /** SHA256:… as bundles name their signer. */
  fingerprint: string;
  /** 64-byte Ed25519 signature over every byte before the comment, base64. */
  signature: string;
}

const canonical = (s: ReportSignature): string =>
  JSON.stringify({ format: s.format, version: s.version, alg: s.alg, publicKey: s.publicKey, fingerprint: s.fingerprint, signature: s.signature });

export const signatureTrailer = (s: ReportSignature): string => `${SIGNATURE_OPEN}${canonical(s)}${SIGNATURE_CLOSE}`;

const encoder = new TextEncoder();
const OPEN = encoder.encode(SIGNATURE_OPEN);
const CLOSE = encoder.encode(SIGNATURE_CLOSE);

function lastIndexOf(hay: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = hay.length - needle.length; i >= 0; i--) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export type SplitReport = { ok: true; signed: Uint8Array; signature: ReportSignature } | { ok: false; problem: string };

/** The signed bytes and the signature of a report file, or why it is not a well-formed signed report. */
export function splitSignedReport(file: Uint8Array, decodeBase64: (s: string) => Uint8Array, encodeBase64: (b: Uint8Array) => string): SplitReport {
  const at = lastIndexOf(file, OPEN);
  if (at < 0) return { ok: false, problem: 'the file carries no HotPair signature' };
  const tail = file.subarray(at + OPEN.length);
  if (tail.length < CLOSE.length || CLOSE.some((c, i) => tail[tail.length - CLOSE.length + i] !== c)) return { ok: false, problem: 'the signature comment is damaged or something follows it' };
  const inner = tail.subarray(0, tail.length - CLOSE.length);
  if (inner.some((b) => b < 0x20 || b > 0x7e)) return { ok: false, problem: 'the signature comment is damaged' };
  let parsed: Partial<ReportSignature>;
  try {
    parsed = JSON.parse(new TextDecoder().decode(inner)) as Partial<ReportSignature>;
  } catch {
    return { ok: false, problem: 'the signature comment is damaged (not JSON)' };
  }
  if (parsed.format !== SIGNATURE_FORMAT) return { ok: false, problem: 'the signature comment is not a HotPair report signature' };
  if (parsed.version !== SIGNATURE_VERSION) return { ok: false, problem: `unknown report signature version ${String(parsed.version)}` };
  if (parsed.alg !== 'ed25519' || typeof parsed.publicKey !== 'string' || typeof parsed.fingerprint !== 'string' || typeof parsed.signature !== 'string') {
    return { ok: false, problem: 'the signature comment is damaged (fields)' };
  }
  const sig = parsed as ReportSignature;
  if (canonical(sig) !== new TextDecoder().decode(inner)) return { ok: false, problem: 'the signature comment was edited' };
  for (const b64 of [sig.publicKey, sig.signature]) {
    if (!BASE64.test(b64) || encodeBase64(decodeBase64(b64)) !== b64) return { ok: false, problem: 'the signature comment was edited (base64)' };
  }
  return { ok: true, signed: file.subarray(0, at), signature: sig };
}
