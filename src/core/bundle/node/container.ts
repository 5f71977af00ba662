import { unzipSync, zipSync, type Unzipped } from 'fflate';
import { AppError } from '../../base/errors';
import type { MessageParams } from '../../base/message';
import { BUNDLE_FORMAT, BUNDLE_FORMAT_VERSION, LIMITS, MANIFEST_MEMBER, Manifest, REQUIRED_MEMBERS, OPTIONAL_MEMBERS, memberNameProblem } from '../manifest';
import { fingerprint, publicKeyFromRaw, sha256Hex, signBytes, verifyBytes, type SigningKey } from './crypto';

/** Trailer after the zip: 64-byte signature, then this magic (its last byte names the version). */
const MAGIC = Buffer.from('\nHOTPAIR-BUNDLE-SIG-ED25519-1\n', 'ascii');
const SIG_BYTES = 64;

export interface BundleInput {
  pair: { name: string; mode: string; sysnames: { a: string; b: string } };
  platform: { id: string; version: string };
  tool: { name: string; version: string };
  createdAt: string;
  members: Record<string, Uint8Array>;
}

export function writeBundle(input: BundleInput, key: SigningKey): Buffer {
  const names = Object.keys(input.members).sort();
  for (const n of names) {
    const problem = memberNameProblem(n);
    if (problem) throw new AppError('BUNDLE_INVALID', `Member name "${n}": ${problem}.`, { message: { key: 'bundle.member-name', params: { name: n, problem } } });
  }
  const manifest: Manifest = {
    format: BUNDLE_FORMAT,
    formatVersion: BUNDLE_FORMAT_VERSION,
    pair: input.pair,
    platform: input.platform,
    tool: input.tool,
    createdAt: input.createdAt,
    signer: { publicKey: key.publicKeyRaw.toString('base64'), fingerprint: fingerprint(key.publicKeyRaw) },
    secrets: names.includes('secrets.enc'),
    members: names.map((path) => ({ path, sha256: sha256Hex(input.members[path]!), size: input.members[path]!.length })),
  };
  // Fixed times keep bundles reproducible. pack.json is the same in every bundle of a batch and
  // is stored, not deflated: compressing it again for each of 1,000 bundles was half the work.
  const mtime = new Date('2020-01-01T00:00:00Z');
  const files: Record<string, [Uint8Array, { mtime: Date; level: 0 | 1 }]> = { [MANIFEST_MEMBER]: [Buffer.from(JSON.stringify(manifest, null, 2) + '\n'), { mtime, level: 1 }] };
  for (const n of names) files[n] = [input.members[n]!, { mtime, level: n === 'pack.json' ? 0 : 1 }];
  return sealZip(zipSync(files), key);
}

/** Appends the signature over every byte of the zip and the trailer. */
export function sealZip(zip: Uint8Array, key: SigningKey): Buffer {
  return Buffer.concat([zip, signBytes(key.privateKey, zip), MAGIC]);
}

export interface OpenedBundle {
  manifest: Manifest;
  members: Record<string, Buffer>;
  signerTrusted: boolean;
}

/** `id` is the refusal's message in the core catalogue (`bundle.<id>`), `message` and `fix` its English. */
const refuse = (id: string, params: MessageParams, message: string, fix?: string, details?: Record<string, unknown>): never => {
  throw new AppError('BUNDLE_INVALID', message, { fix, details, message: { key: `bundle.${id}`, params } });
};

/**
 * Opens and checks a bundle. Refuses, with the reason: oversize file or member, foreign format,
 * unknown format version, names that escape the bundle, missing/extra/changed members, a bad
 * signature, and (unless allowUntrusted) a signer not in the trust store.
 */
export function readBundle(file: Uint8Array, opts: { isTrusted: (fingerprint: string) => boolean; allowUntrusted?: boolean }): OpenedBundle {
  if (file.length > LIMITS.fileBytes) refuse('file-too-large', { size: String(file.length), limit: String(LIMITS.fileBytes) }, `The bundle is ${file.length} bytes; the limit is ${LIMITS.fileBytes}.`);
  const buf = Buffer.from(file.buffer, file.byteOffset, file.length);
  if (buf.length < MAGIC.length + SIG_BYTES) refuse('too-short', {}, 'This is not a HotPair bundle (too short).');
  const trailer = buf.subarray(buf.length - MAGIC.length);
  if (!trailer.subarray(0, MAGIC.length - 2).equals(MAGIC.subarray(0, MAGIC.length - 2))) refuse('no-trailer', {}, 'This is not a HotPair bundle (no signature trailer).');
  if (!trailer.equals(MAGIC)) refuse('signature-format', { format: trailer.toString('latin1').trim() }, `Unknown bundle signature format "${trailer.toString('latin1').trim()}".`, 'Update HotPair to a version that reads it.');
  const zip = buf.subarray(0, buf.length - MAGIC.length - SIG_BYTES);
  const signature = buf.subarray(zip.length, zip.length + SIG_BYTES);

  let unzipped: Unzipped;
  let total = 0;
  try {
    unzipped = unzipSync(zip, {
      filter: (f) => {
        const problem = memberNameProblem(f.name);
        if (problem) refuse('member-refused', { name: f.name, problem }, `Member "${f.name}" is refused: ${problem}.`);
        if (f.originalSize > LIMITS.memberBytes) refuse('member-too-large', { name: f.name, size: String(f.originalSize), limit: String(LIMITS.memberBytes) }, `Member "${f.name}" is ${f.originalSize} bytes; the limit is ${LIMITS.memberBytes}.`);
        total += f.originalSize;
        if (total > LIMITS.totalBytes) refuse('unpacks-too-large', { limit: String(LIMITS.totalBytes) }, `The bundle unpacks to more than ${LIMITS.totalBytes} bytes.`);
        return true;
      },
    });
  } catch (e) {
    if (e instanceof AppError) throw e;
    return refuse('damaged', { reason: (e as Error).message }, `The bundle's archive is damaged: ${(e as Error).message}.`);
  }
  const names = Object.keys(unzipped);
  if (names.length > LIMITS.members + 1) refuse('too-many-members', { count: String(names.length), limit: String(LIMITS.members) }, `The bundle has ${names.length} members; at most ${LIMITS.members} are allowed.`);
  const manifestBytes = unzipped[MANIFEST_MEMBER];
  if (!manifestBytes) return refuse('no-manifest', {}, 'The bundle has no manifest.json.');

  let manifest: Manifest;
  try {
    const raw = JSON.parse(Buffer.from(manifestBytes).toString('utf8')) as { format?: unknown; formatVersion?: unknown };
    if (raw.format !== BUNDLE_FORMAT) refuse('foreign-manifest', {}, 'The manifest is not a HotPair bundle manifest.');
    if (raw.formatVersion !== BUNDLE_FORMAT_VERSION) refuse(
        'format-version',
        { version: String(raw.formatVersion), reads: String(BUNDLE_FORMAT_VERSION) },
        `Unknown bundle format version ${String(raw.formatVersion)}; this HotPair reads version ${BUNDLE_FORMAT_VERSION}.`,
        'Update HotPair, or recreate the bundle with this version.',
      );
    manifest = Manifest.parse(raw);
  } catch (e) {
    if (e instanceof AppError) throw e;
    return refuse('manifest-damaged', {}, 'The manifest is damaged or not valid JSON.');
  }

  const listed = new Map(manifest.members.map((m) => [m.path, m]));
  for (const required of REQUIRED_MEMBERS) if (!listed.has(required)) refuse('required-missing', { name: required }, `The manifest does not list the required member ${required}.`);
  const members: Record<string, Buffer> = {};
  for (const name of names) {
    if (name === MANIFEST_MEMBER) continue;
    const entry = listed.get(name);
    if (!entry) refuse('member-unlisted', { name }, `Member "${name}" is not listed in the manifest (added after signing?).`);
    if (!(REQUIRED_MEMBERS as readonly string[]).includes(name) && !(OPTIONAL_MEMBERS as readonly string[]).includes(name)) refuse('member-unknown', { name }, `Member "${name}" is not a member HotPair knows.`);
    const bytes = Buffer.from(unzipped[name]!);
    if (bytes.length !== entry!.size || sha256Hex(bytes) !== entry!.sha256) {
      refuse('member-changed', { name }, `Member "${name}" has changed since the bundle was signed (SHA-256 mismatch).`, 'Ask for a fresh copy of the bundle.', { member: name });
    }
    members[name] = bytes;
  }
  for (const m of manifest.members) if (!(m.path in members)) refuse('member-missing', { name: m.path }, `Member "${m.path}" listed in the manifest is missing.`);

  const publicKeyRaw = Buffer.from(manifest.signer.publicKey, 'base64');
  if (fingerprint(publicKeyRaw) !== manifest.signer.fingerprint) refuse('signer-mismatch', {}, 'The manifest names a signer fingerprint that does not match its public key.');
  if (!verifyBytes(publicKeyFromRaw(publicKeyRaw), zip, signature)) {
    refuse('signature-bad', {}, 'The bundle signature does not match its contents: it was altered after signing.', 'Ask for a fresh copy of the bundle.');
  }
  const signerTrusted = opts.isTrusted(manifest.signer.fingerprint);
  if (!signerTrusted && !opts.allowUntrusted) {
    const fp = manifest.signer.fingerprint;
    const fix = "Import the creator's public key with `hotpair bundle key trust <file>` after checking its fingerprint with them.";
    refuse('untrusted', { fingerprint: fp }, `The bundle is signed by ${fp}, which is not a trusted key.`, fix, { fingerprint: fp });
  }
  return { manifest, members, signerTrusted };
}
