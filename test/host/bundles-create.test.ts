import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KeyStore } from '../../src/core/bundle/node/keys';
import type { HostEvent } from '../../src/contract/index';
import { createHost, type Host } from '../../src/host/index';
import { LAB_PASSWORD, startLab, type Lab } from '../../src/lab/lab';
import { GOOD_PAIR } from './fixtures';

const root = fileURLToPath(new URL('../../', import.meta.url));

function world() {
  const dir = mkdtempSync(join(tmpdir(), 'hp-bundles-'));
  const host = createHost({ version: '1', mode: 'browser', examplesDir: dir, keysDir: join(dir, 'keys'), dataDir: dir });
  return { dir, host };
}
const data = <T>(r: { ok: boolean; data?: unknown }) => (r as { data: T }).data;

describe('bundles.create → verify', () => {
  it('signs the current pair with this machine\'s key (made on first use) and verifies it as intact and trusted', async () => {
    const { host } = world();
    expect(data<{ own?: unknown }>(await host.invoke('bundles.keys', {})).own).toBeUndefined();
    const r = await host.invoke('bundles.create', { text: GOOD_PAIR });
    expect(r).toMatchObject({ ok: true, data: { count: 1, refused: [], file: { name: 'site-1.hpb' }, manifest: { pair: { name: 'site-1' } } } });
    const file = data<{ file: { name: string; data: string } }>(r).file;
    const keys = data<{ own: { fingerprint: string; line: string } }>(await host.invoke('bundles.keys', {}));
    expect(keys.own.line).toMatch(/^hotpair-ed25519 \S+ SHA256:/);
    expect(await host.invoke('bundles.verify', file)).toEqual({ ok: true, data: { valid: true, trusted: true, signer: keys.own.fingerprint, findings: [] } });
  });

  it('refuses a pair with errors whole, naming the rule', async () => {
    const { host } = world();
    const bad = GOOD_PAIR.replace('localIp: 10.2.1.2', 'localIp: 10.2.1.1');
    const r = await host.invoke('bundles.create', { text: bad });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(JSON.stringify(r)).toContain('channel.local-ne-peer');
  });

  it('makes one bundle per good inventory row in one zip and lists the refused rows', async () => {
    const { host } = world();
    const template = GOOD_PAIR.replace(/^name: .*$/m, 'name: template');
    const csv = 'name,devices.a.controlChannel.localIp,devices.b.controlChannel.localIp\nsite-a,10.9.0.1,10.9.0.2\nsite-b,10.9.1.1,10.9.1.1\nsite-c,10.9.2.1,10.9.2.2\n';
    const r = await host.invoke('bundles.create', { inventory: csv, template });
    expect(r).toMatchObject({ ok: true, data: { count: 2 } });
    const out = data<{ file: { name: string; data: string }; refused: string[] }>(r);
    expect(out.file.name).toMatch(/^bundles-\d{4}-\d\d-\d\d\.zip$/);
    expect(out.refused).toEqual([expect.stringMatching(/^row 2: .*channel\.local-ne-peer/)]);
    const files = unzipSync(Buffer.from(out.file.data, 'base64'));
    expect(Object.keys(files).sort()).toEqual(['site-a.hpb', 'site-c.hpb']);
    const v = await host.invoke('bundles.verify', { name: 'site-c.hpb', data: Buffer.from(files['site-c.hpb']!).toString('base64') });
    expect(v).toMatchObject({ ok: true, data: { valid: true, trusted: true } });
  });

  it("trusts a creator's key only after the fingerprint shown is confirmed", async () => {
    const { host, dir } = world();
    // another engineer's key, as `hotpair bundle key export` prints it
    const line = new KeyStore(mkdtempSync(join(tmpdir(), 'hp-other-keys-'))).exportPublic().trim();
    const shown = await host.invoke('bundles.import', { publicKey: line });
    expect(shown).toMatchObject({ ok: true, data: { trusted: false, fingerprint: expect.stringMatching(/^SHA256:/) } });
    const fp = data<{ fingerprint: string }>(shown).fingerprint;
    expect(new KeyStore(join(dir, 'keys')).trusted()).toEqual([]); // showing is not trusting
    expect(await host.invoke('bundles.import', { publicKey: line, confirmFingerprint: 'SHA256:other' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await host.invoke('bundles.import', { publicKey: line, confirmFingerprint: fp })).toEqual({ ok: true, data: { fingerprint: fp, trusted: true } });
    expect(data<{ trusted: string[] }>(await host.invoke('bundles.keys', {})).trusted).toEqual([fp]);
    expect(await host.invoke('bundles.import', { publicKey: 'ssh-ed25519 AAAA' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});

describe('bundles.apply over the lab pair', () => {
  let lab: Lab;
  let host: Host;
  let dir: string;
  let pairText: string;
  const events: HostEvent[] = [];
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hp-bundles-apply-'));
    lab = await startLab({ stateDir: join(dir, 'lab'), sshPortBase: 0, pairIndexBase: 243, stateFile: false, console: false });
    const ports = lab.describe().devices.map((d) => d.ssh.port);
    pairText = readFileSync(join(root, 'resources/examples/lab.yaml'), 'utf8').replaceAll('127.0.0.1:2201', `127.0.0.1:${ports[0]}`).replaceAll('127.0.0.1:2202', `127.0.0.1:${ports[1]}`);
    host = createHost({ version: '1', mode: 'browser', examplesDir: dir, keysDir: join(dir, 'keys'), dataDir: dir });
    host.onEvent((e) => events.push(e));
  }, 30_000);
  afterAll(async () => {
    await host?.dispose();
    await lab?.stop();
  });

  it('refuses a bundle whose signer is not trusted, before touching a device', async () => {
    const other = createHost({ version: '1', mode: 'browser', examplesDir: dir, keysDir: join(dir, 'other-keys'), dataDir: dir });
    const file = data<{ file: { name: string; data: string } }>(await other.invoke('bundles.create', { text: pairText })).file;
    const r = await host.invoke('bundles.apply', { opId: 'apply-untrusted-1', bundle: file, a: { password: LAB_PASSWORD }, b: { password: LAB_PASSWORD } });
    expect(r).toMatchObject({ ok: false, error: { code: 'BUNDLE_INVALID', message: expect.stringMatching(/not a trusted key/) } });
  });

  it('runs the commissioning workflow from a verified bundle as a dry run, with progress, logging in with the passwords it carries', async () => {
    const made = await host.invoke('bundles.create', { text: pairText, secrets: { passphrase: 'bundle passphrase', a: LAB_PASSWORD, b: LAB_PASSWORD } });
    expect(made).toMatchObject({ ok: true, data: { manifest: { secrets: true } } });
    const file = data<{ file: { name: string; data: string } }>(made).file;
    expect(Buffer.from(file.data, 'base64').toString('latin1')).not.toContain(LAB_PASSWORD);
    // carried passwords need the passphrase
    expect(await host.invoke('bundles.apply', { opId: 'apply-no-pass-1', bundle: file, dryRun: true })).toMatchObject({ ok: false, error: { code: 'AUTH_FAILED' } });
    // the lab's host keys are new to this data dir: accept them by fingerprint as the UI would
    const fps: Record<string, string> = {};
    for (const k of ['a', 'b'] as const) {
      const port = lab.describe().devices[k === 'a' ? 0 : 1]!.ssh.port;
      const r = await host.invoke('console.open', { url: `ssh://admin@127.0.0.1:${port}`, password: LAB_PASSWORD });
      fps[k] = (r as unknown as { error: { details: { fingerprint: string } } }).error.details.fingerprint;
    }
    const r = await host.invoke('bundles.apply', {
      opId: 'apply-dry-run-1',
      bundle: file,
      a: { acceptHostKey: fps.a },
      b: { acceptHostKey: fps.b },
      bundlePassphrase: 'bundle passphrase',
      dryRun: true,
    });
    expect(r, JSON.stringify(r)).toMatchObject({ ok: true, data: { outcome: 'dry-run', verified: false, saved: false } });
    const steps = events.filter((e) => e.event === 'op.progress' && e.payload.opId === 'apply-dry-run-1').map((e) => (e.payload as { step: string }).step);
    expect(steps).toEqual(expect.arrayContaining(['checking the bundle']));
    expect(steps.length).toBeGreaterThan(3);
    expect(readFileSync(data<{ journal: string }>(r).journal, 'utf8')).toContain('"type":"run-start"');
  }, 60_000);
});
