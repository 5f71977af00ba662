/** `hotpair report` and `report verify` (spawned): what a script sees on the refusals. */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { fingerprint, generateSigningKey } from '../../src/core/bundle/node/crypto';
import { signReport } from '../../src/core/report/node/sign';
import { commissioningJournal } from '../core/report/fixtures';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'hotpair-report-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function hotpair(data: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [join(ROOT, 'bin/hotpair.mjs'), ...args], { cwd: dir, env: { ...process.env, HOTPAIR_DATA_DIR: data }, timeout: 120_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout, stderr });
    });
  });
}

describe('hotpair report (spawned)', () => {
  it('refuses an empty journal, an unknown run and a paper size, exit 2 with what to do', async () => {
    const empty = join(dir, 'empty');
    const data = join(dir, 'data');
    mkdirSync(join(data, 'journal'), { recursive: true });
    writeFileSync(join(data, 'journal', 'site-1-2025-03-01T10-00-00-000Z.jsonl'), commissioningJournal());
    const [none, unknown, paper] = await Promise.all([hotpair(empty, 'report', 'last'), hotpair(data, 'report', 'nope-nope'), hotpair(data, 'report', 'last', '--paper', 'a3')]);
    expect(none).toMatchObject({ code: 2, stderr: expect.stringMatching(/No commissioning run in the journal\.\n {2}fix: Commission a pair first/) });
    expect(unknown).toMatchObject({ code: 2, stderr: expect.stringMatching(/No commissioning run "nope-nope"/) });
    expect(paper).toMatchObject({ code: 2, stderr: expect.stringMatching(/--paper takes a4 or letter/) });
  }, 150_000);

  it('report verify: a report signed by a key not trusted here is unchanged but refused (exit 1); garbage is refused', async () => {
    const stranger = generateSigningKey();
    const file = join(dir, 'foreign.html');
    writeFileSync(file, signReport('<!DOCTYPE html>\n<p>x</p>\n', stranger));
    writeFileSync(join(dir, 'plain.html'), '<!DOCTYPE html>\n<p>x</p>\n');
    const [foreign, plain] = await Promise.all([hotpair(join(dir, 'd2'), 'report', 'verify', file), hotpair(join(dir, 'd2'), 'report', 'verify', join(dir, 'plain.html'))]);
    expect(foreign.code).toBe(1);
    expect(foreign.stdout).toContain(`UNTRUSTED  ${file}: unchanged since signed, but by ${fingerprint(stranger.publicKeyRaw)}, which is not a trusted key`);
    expect(plain).toMatchObject({ code: 1, stdout: expect.stringContaining('REFUSED') });
    expect(plain.stdout).toContain('the file carries no HotPair signature');
  }, 150_000);
});
