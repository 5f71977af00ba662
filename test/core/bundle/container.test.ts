import { describe, expect, it } from 'vitest';
import { zipSync } from 'fflate';
import { readBundle, sealZip, writeBundle, type BundleInput } from '../../../src/core/bundle/node/container';
import { fingerprint, generateSigningKey, seal, unseal } from '../../../src/core/bundle/node/crypto';
import { isAppError } from '../../../src/core/base/errors';

const key = generateSigningKey();
const fp = fingerprint(key.publicKeyRaw);
const trustOwn = { isTrusted: (f: string) => f === fp };
const enc = (s: string) => Buffer.from(s, 'utf8');

function input(extra: Record<string, Uint8Array> = {}): BundleInput {
  return {
    pair: { name: 'site-1', mode: 'active-standby', sysnames: { a: 'FW1', b: 'FW2' } },
    platform: { id: 'comware7', version: '2026.11.1' },
    tool: { name: 'hotpair', version: '0.1.0' },
    createdAt: '2026-11-25T14:00:00.000Z',
    members: {
      'pair.json': enc('{"name":"site-1"}'),
      'pack.json': enc('{"id":"comware7"}'),
      'a.cfg': enc('system-view\n remote-backup group\n  device-role primary\nreturn\n'.repeat(20)),
      'b.cfg': enc('system-view\n remote-backup group\n  device-role secondary\nreturn\n'.repeat(20)),
      'a.undo.cfg': enc('system-view\n undo remote-backup group\nreturn\n'),
      'b.undo.cfg': enc('system-view\n undo remote-backup group\nreturn\n'),
      'verify.json': enc('{"controlChannel":"Connected"}'),
      ...extra,
    },
  };
}

function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (isAppError(e) && e.code === 'BUNDLE_INVALID') return e.message;
    throw new Error(`expected BUNDLE_INVALID, got ${String(e)}`);
  }
  throw new Error('expected the bundle to be refused');
}

/** [name, start, end) of each zip local entry (header + data), read from the local headers. */
function memberRanges(zip: Buffer): { name: string; start: number; end: number }[] {
  const out: { name: string; start: number; end: number }[] = [];
  let off = 0;
  while (zip.readUInt32LE(off) === 0x04034b50) {
    const csize = zip.readUInt32LE(off + 18);
    const nlen = zip.readUInt16LE(off + 26);
    const elen = zip.readUInt16LE(off + 28);
    const name = zip.subarray(off + 30, off + 30 + nlen).toString();
    const end = off + 30 + nlen + elen + csize;
    out.push({ name, start: off, end });
    off = end;
  }
  return out;
}

describe('offline bundle container', () => {
  it('round-trips every member and names its signer', () => {
    const b = writeBundle(input(), key);
    const opened = readBundle(b, trustOwn);
    expect(opened.signerTrusted).toBe(true);
    expect(opened.manifest.signer.fingerprint).toBe(fp);
    expect(opened.members['a.cfg']!.toString()).toContain('device-role primary');
    expect(opened.manifest.members.map((m) => m.path)).toEqual(['a.cfg', 'a.undo.cfg', 'b.cfg', 'b.undo.cfg', 'pack.json', 'pair.json', 'verify.json']);
  });

  it('is byte-identical for the same input (reproducible bundles)', () => {
    expect(writeBundle(input(), key).equals(writeBundle(input(), key))).toBe(true);
  });

  it('refuses every sampled single-byte change in every member, the manifest, the central directory, the signature and the trailer', () => {
    const b = writeBundle(input(), key);
    const zipLen = b.length - 64 - '\nHOTPAIR-BUNDLE-SIG-ED25519-1\n'.length;
    const ranges = memberRanges(b.subarray(0, zipLen));
    expect(ranges.map((r) => r.name).sort()).toContain('manifest.json');
    const positions = new Set<number>();
    for (const r of ranges) for (let i = 0; i < 12; i++) positions.add(r.start + Math.floor(((r.end - r.start - 1) * i) / 11));
    const cdStart = ranges[ranges.length - 1]!.end;
    for (let p = cdStart; p < zipLen; p += 7) positions.add(p);
    for (let p = zipLen; p < b.length; p += 3) positions.add(p);
    positions.add(b.length - 1);
    expect(positions.size).toBeGreaterThan(120);
    for (const p of positions) {
      for (const delta of [1, 0x80]) {
        const bad = Buffer.from(b);
        bad[p] = (bad[p]! + delta) & 0xff;
        refusal(() => readBundle(bad, trustOwn));
      }
    }
  });

  it('names the member whose content changed', () => {
    // Re-zip with one member altered but the original manifest kept: the hash check names it.
    const good = readBundle(writeBundle(input(), key), trustOwn);
    const files: Record<string, Uint8Array> = { 'manifest.json': Buffer.from(JSON.stringify(good.manifest)) };
    for (const [n, v] of Object.entries(good.members)) files[n] = n === 'b.cfg' ? enc(v.toString().replace('secondary', 'primary')) : v;
    const msg = refusal(() => readBundle(sealZip(zipSync(files), key), trustOwn));
    expect(msg).toMatch(/Member "b\.cfg" has changed/);
  });

  it('refuses names that escape the bundle, even when properly signed', () => {
    const files = { 'manifest.json': enc('{}'), '../evil.cfg': enc('x') };
    expect(refusal(() => readBundle(sealZip(zipSync(files), key), trustOwn))).toMatch(/escapes the bundle/);
    expect(() => writeBundle(input({ '/etc/passwd': enc('x') }), key)).toThrow(/absolute path/);
  });

  it('refuses oversize members before inflating them', () => {
    const big = new Uint8Array(3 * 1024 * 1024);
    const msg = refusal(() => readBundle(sealZip(zipSync({ 'a.cfg': big }), key), trustOwn));
    expect(msg).toMatch(/limit is 2097152/);
  });

  it('refuses an unknown format version with what to do', () => {
    const good = readBundle(writeBundle(input(), key), trustOwn);
    const files: Record<string, Uint8Array> = { 'manifest.json': Buffer.from(JSON.stringify({ ...good.manifest, formatVersion: 2 })) };
    for (const [n, v] of Object.entries(good.members)) files[n] = v;
    expect(refusal(() => readBundle(sealZip(zipSync(files), key), trustOwn))).toMatch(/Unknown bundle format version 2/);
  });

  it('refuses a signer that is not trusted, and a signature by another key', () => {
    const other = generateSigningKey();
    const b = writeBundle(input(), other);
    expect(refusal(() => readBundle(b, trustOwn))).toMatch(/not a trusted key/);
    // The fix names the command that exists (`bundle key trust`), not a shorter one that does not.
    expect(() => readBundle(b, trustOwn)).toThrow(expect.objectContaining({ fix: expect.stringMatching(/`hotpair bundle key trust <file>`/) }));
    expect(readBundle(b, { ...trustOwn, allowUntrusted: true }).signerTrusted).toBe(false);
    // Swap the signature for one made by another key over the same zip: the manifest's key no longer verifies.
    const forged = sealZip(b.subarray(0, b.length - 64 - 30), key);
    expect(refusal(() => readBundle(forged, { isTrusted: () => true }))).toMatch(/signature does not match/);
  });

  it('refuses files that are not bundles', () => {
    expect(refusal(() => readBundle(enc('hello'), trustOwn))).toMatch(/not a HotPair bundle/);
    expect(refusal(() => readBundle(Buffer.alloc(200), trustOwn))).toMatch(/not a HotPair bundle/);
  });
});

describe('bundle secrets', () => {
  it('seals passwords with a passphrase and refuses a wrong one', () => {
    const s = seal('{"a":{"password":"Hunter2!x"}}', 'correct horse');
    expect(JSON.stringify(s)).not.toContain('Hunter2');
    expect(unseal(s, 'correct horse')).toContain('Hunter2!x');
    expect(() => unseal(s, 'wrong horse!')).toThrow(/does not open/);
    expect(() => unseal({ ...s, data: Buffer.from('tampered').toString('base64') }, 'correct horse')).toThrow(/does not open/);
  });
  it('refuses a short passphrase', () => {
    expect(() => seal('x', 'short')).toThrow(/shorter than 8/);
  });
});
