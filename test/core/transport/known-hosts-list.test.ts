import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KnownHostsStore, parsePattern, type KnownHostsStorage } from '../../../src/core/known-hosts';
import { fileStorage, sha256 } from '../../../src/core/transport/node/known-hosts-file';

const key = (n: number) => ({ type: 'ssh-ed25519', base64: Buffer.from(`key-${n}`.padEnd(32, '.')).toString('base64') });

function memory(text = ''): KnownHostsStorage & { text: string } {
  return {
    location: 'memory',
    text,
    async read() {
      return this.text || undefined;
    },
    async write(t: string) {
      this.text = t;
    },
  };
}

describe('known hosts: list and remove (settings screen)', () => {
  it('parses host patterns as OpenSSH writes them; wildcards and hashed names are not listable', () => {
    expect(parsePattern('10.0.0.1')).toEqual({ host: '10.0.0.1', port: 22 });
    expect(parsePattern('[fe80::1]:2222')).toEqual({ host: 'fe80::1', port: 2222 });
    expect(parsePattern('*.example.com')).toBeUndefined();
    expect(parsePattern('|1|abc=|def=')).toBeUndefined();
    expect(parsePattern('!bad')).toBeUndefined();
  });

  it('lists what add() wrote, and remove() takes out exactly one host and port', async () => {
    const s = memory();
    const store = new KnownHostsStore(s, sha256);
    await store.add('10.0.0.1', 22, key(1));
    await store.add('10.0.0.2', 2201, key(2));
    expect((await store.list()).map((h) => [h.host, h.port, h.type])).toEqual([
      ['10.0.0.1', 22, 'ssh-ed25519'],
      ['10.0.0.2', 2201, 'ssh-ed25519'],
    ]);
    expect((await store.list())[0]!.fingerprint).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
    expect(await store.remove('10.0.0.2', 22)).toBe(false); // same host, other port: not this entry
    expect(await store.remove('10.0.0.2', 2201)).toBe(true);
    expect(await store.lookup('10.0.0.2', 2201)).toBeUndefined();
    expect(await store.lookup('10.0.0.1', 22)).toEqual(key(1));
  });

  it('keeps the other names of a shared line and every comment', async () => {
    const s = memory(`# managed by hand\nfw1,[fw1]:2222 ssh-rsa ${key(3).base64}\n`);
    const store = new KnownHostsStore(s, sha256);
    expect(await store.remove('fw1', 2222)).toBe(true);
    expect(s.text).toBe(`# managed by hand\nfw1 ssh-rsa ${key(3).base64}\n`);
  });

  it('two keys accepted at once (devices A and B connecting together) are both kept on disk', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'hp-kh-list-')), 'known_hosts');
    // separate store objects, as two connections open them
    await Promise.all([1, 2, 3, 4].map((n) => new KnownHostsStore(fileStorage(file), sha256).add('127.0.0.1', 2200 + n, key(n))));
    const text = readFileSync(file, 'utf8');
    for (const n of [1, 2, 3, 4]) expect(text).toContain(`[127.0.0.1]:${2200 + n} `);
  });
});
