import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { bundleIdentity, bundleMembers } from '../../src/core/bundle/build';
import { writeBundle } from '../../src/core/bundle/node/container';
import { seal } from '../../src/core/bundle/node/crypto';
import { comware7 } from '../../src/core/platforms/comware7';
import { listJournals } from '../../src/core/provision/node/journal-file';
import { runBundleApply } from '../../src/cli/bundle/apply';
import { openKeyStore } from '../../src/cli/bundle/keystore';
import { LAB_PASSWORD } from '../../src/lab/lab';
import { examplePair, startLabPair, type LabPair } from './lab-pair';

/** `hotpair bundle apply`: the pair workflow from a signed bundle, passwords from its sealed secrets. */
describe('hotpair bundle apply on the lab pair', () => {
  let lab: LabPair | undefined;
  let dir: string;
  const saved = process.env.HOTPAIR_DATA_DIR;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'hotpair-bundle-apply-'));
    process.env.HOTPAIR_DATA_DIR = join(dir, 'data');
    process.env.HP_BUNDLE_PASS = 'correct horse battery';
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await lab?.stop();
    lab = undefined;
    if (saved === undefined) delete process.env.HOTPAIR_DATA_DIR;
    else process.env.HOTPAIR_DATA_DIR = saved;
    rmSync(dir, { recursive: true, force: true });
  });

  const bundle = (edit?: (m: Record<string, Uint8Array>) => void) => {
    const pair = examplePair('lab');
    const secrets = seal(JSON.stringify({ a: { sysname: 'FW1', password: LAB_PASSWORD }, b: { sysname: 'FW2', password: LAB_PASSWORD } }), 'correct horse battery');
    const members = bundleMembers(pair, comware7, secrets);
    edit?.(members);
    const file = join(dir, 'site.hpb');
    writeFileSync(file, writeBundle({ ...bundleIdentity(pair, comware7), createdAt: new Date().toISOString(), members }, openKeyStore().signingKey()));
    return file;
  };

  it('verifies the bundle, unseals the passwords, commissions and saves the pair', async () => {
    lab = await startLabPair(70);
    const file = bundle();
    const flags = { a: `ssh://admin@127.0.0.1:${lab.port.a}`, b: `ssh://admin@127.0.0.1:${lab.port.b}`, yes: true, acceptNewHostKey: true, bundlePassphraseEnv: 'HP_BUNDLE_PASS', verifyTimeout: '20' };
    expect(await runBundleApply(file, flags)).toBe(0);
    const runs = listJournals(join(dir, 'data'), 'lab');
    expect(runs[0]?.summary.outcome).toBe('success');
    expect(lab.lab.members[1]!.device.saved.rbm?.role).toBe('secondary');
  }, 60_000);

  it('refuses a signed bundle whose script is not what its pair file renders to', async () => {
    const file = bundle((m) => (m['a.cfg'] = new TextEncoder().encode('system-view\n sysname EVIL\nreturn\n')));
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(await runBundleApply(file, { a: 'ssh://admin@127.0.0.1:1', b: 'ssh://admin@127.0.0.1:2', yes: true })).toBe(1);
    expect(err.mock.calls.map((c) => String(c[0])).join('')).toMatch(/a\.cfg in the bundle differs from what its pair\.json renders/);
  });
});
