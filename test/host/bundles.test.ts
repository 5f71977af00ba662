import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeBundle } from '../../src/core/bundle/node/container';
import { generateSigningKey, fingerprint } from '../../src/core/bundle/node/crypto';
import { KeyStore } from '../../src/core/bundle/node/keys';
import { REQUIRED_MEMBERS } from '../../src/core/bundle/manifest';
import { createHost } from '../../src/host/index';

function bundle(key = generateSigningKey()) {
  const members = Object.fromEntries(REQUIRED_MEMBERS.map((m) => [m, new TextEncoder().encode(`${m}\n`)]));
  const file = writeBundle(
    { pair: { name: 'site-1', mode: 'active-standby', sysnames: { a: 'FW1', b: 'FW2' } }, platform: { id: 'comware7', version: '1' }, tool: { name: 'hotpair', version: '0.1.0' }, createdAt: '2026-01-01T00:00:00Z', members },
    key,
  );
  return { key, file, input: { name: 'site-1.hpb', data: file.toString('base64') } };
}

function world() {
  const keysDir = mkdtempSync(join(tmpdir(), 'hp-keys-'));
  const host = createHost({ version: '1', mode: 'browser', examplesDir: keysDir, keysDir });
  return { host, store: new KeyStore(keysDir) };
}

describe('bundles over the host', () => {
  it('verifies an intact bundle and says whether its signer is trusted', async () => {
    const { host, store } = world();
    const b = bundle();
    const fp = fingerprint(b.key.publicKeyRaw);
    expect(await host.invoke('bundles.verify', b.input)).toMatchObject({ ok: true, data: { valid: true, trusted: false, signer: fp, findings: [expect.stringMatching(/not trusted/)] } });
    store.trust(`hotpair-ed25519 ${b.key.publicKeyRaw.toString('base64')}`);
    expect(await host.invoke('bundles.verify', b.input)).toEqual({ ok: true, data: { valid: true, trusted: true, signer: fp, findings: [] } });
    const shown = await host.invoke('bundles.show', b.input);
    expect(shown).toMatchObject({ ok: true, data: { signerTrusted: true, manifest: { pair: { name: 'site-1' }, members: expect.arrayContaining([expect.objectContaining({ path: 'a.cfg' })]) } } });
  });

  it('refuses a changed byte as a verdict with the reason, and show refuses it as an error', async () => {
    const { host } = world();
    const b = bundle();
    const bad = Buffer.from(b.file);
    bad[Math.floor(bad.length / 2)]! ^= 0x01;
    const input = { name: 'x.hpb', data: bad.toString('base64') };
    const v = await host.invoke('bundles.verify', input);
    expect(v).toMatchObject({ ok: true, data: { valid: false, trusted: false } });
    expect(v.ok && (v.data as { findings: string[] }).findings[0]).toBeTruthy();
    expect(await host.invoke('bundles.show', input)).toMatchObject({ ok: false, error: { code: 'BUNDLE_INVALID' } });
    expect(await host.invoke('bundles.verify', { name: 'x', data: 'not base64!' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});
