import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fingerprint, fromBase64, hostPattern, keyTypeOf, KnownHostsStore, toBase64 } from '../../../src/core/known-hosts';
import { fileStorage, sha256 } from '../../../src/core/transport/node/known-hosts-file';
import { rejection } from './contract';

/** An SSH wire-format key blob: string type, then key bytes. */
function blob(type: string, body: number[]): Uint8Array {
  const t = Buffer.from(type);
  const len = Buffer.alloc(4);
  len.writeUInt32BE(t.length);
  return new Uint8Array(Buffer.concat([len, t, Buffer.from(body)]));
}

describe('known hosts', () => {
  it('base64 matches Node for any bytes, and decodes back', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (b) => {
        expect(toBase64(b)).toBe(Buffer.from(b).toString('base64'));
        expect(Buffer.from(fromBase64(toBase64(b))!)).toEqual(Buffer.from(b));
      }),
    );
  });

  it('fingerprint is SHA256: + unpadded base64, as ssh-keygen -l prints', () => {
    const k = blob('ssh-ed25519', [1, 2, 3]);
    const want = 'SHA256:' + createHash('sha256').update(k).digest('base64').replace(/=+$/, '');
    expect(fingerprint(k, sha256)).toBe(want);
    expect(keyTypeOf(k)).toBe('ssh-ed25519');
    expect(hostPattern('10.0.0.1', 22)).toBe('10.0.0.1');
    expect(hostPattern('10.0.0.1', 2201)).toBe('[10.0.0.1]:2201');
  });

  it('unknown → HOST_KEY_UNKNOWN; accept-new records; same key passes; changed key → HOST_KEY_MISMATCH with both fingerprints', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'hp-kh-')), 'sub', 'known_hosts');
    const store = new KnownHostsStore(fileStorage(file), sha256);
    const k1 = blob('ssh-rsa', [9, 9, 9]);
    const k2 = blob('ssh-rsa', [8, 8, 8]);
    const unknown = await rejection(store.verify('fw1', 2201, k1, {}));
    expect(unknown.code).toBe('HOST_KEY_UNKNOWN');
    expect(unknown.details?.fingerprint).toBe(fingerprint(k1, sha256));
    await store.verify('fw1', 2201, k1, { acceptNew: true });
    expect(readFileSync(file, 'utf8')).toBe(`[fw1]:2201 ssh-rsa ${Buffer.from(k1).toString('base64')}\n`);
    await store.verify('fw1', 2201, k1, {});
    const changed = await rejection(store.verify('fw1', 2201, k2, { acceptNew: true, confirmNew: async () => true }));
    expect(changed.code).toBe('HOST_KEY_MISMATCH');
    expect(changed.details).toMatchObject({ expected: fingerprint(k1, sha256), presented: fingerprint(k2, sha256) });
    expect(changed.message).toContain(fingerprint(k1, sha256));
    expect(changed.message).toContain(fingerprint(k2, sha256));
    // the refused key was not recorded
    expect(readFileSync(file, 'utf8')).not.toContain(Buffer.from(k2).toString('base64'));
  });

  it('asks the confirm callback on first contact; a "no" refuses', async () => {
    const store = new KnownHostsStore(fileStorage(join(mkdtempSync(join(tmpdir(), 'hp-kh-')), 'kh')), sha256);
    const k = blob('ssh-ed25519', [7]);
    const asked: string[] = [];
    const e = await rejection(store.verify('h', 22, k, { confirmNew: async (i) => (asked.push(i.fingerprint), false) }));
    expect(e.code).toBe('HOST_KEY_UNKNOWN');
    expect(asked).toEqual([fingerprint(k, sha256)]);
    await store.verify('h', 22, k, { confirmNew: async () => true });
    expect(await store.lookup('h', 22)).toEqual({ type: 'ssh-ed25519', base64: toBase64(k) });
  });
});
