import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PRODUCT_VERSION } from '../../src/core/base/product';

// bin/hotpair.mjs over its own build folder (HOTPAIR_CLI_OUT), so the shared out/cli/ is untouched.
// Inside the clone, as out/cli/ is: the build leaves node_modules external and resolves them from there.
const ROOT = join(import.meta.dirname, '../..');
const made: string[] = [];
function outDir(): string {
  mkdirSync(join(ROOT, 'out'), { recursive: true });
  const d = mkdtempSync(join(ROOT, 'out', 'cli-test-'));
  made.push(d);
  return d;
}
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

function hotpair(out: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [join(ROOT, 'bin/hotpair.mjs'), ...args], { cwd: ROOT, env: { ...process.env, HOTPAIR_CLI_OUT: out }, timeout: 60_000 }, (err, stdout, stderr) =>
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout, stderr }),
    );
  });
}

const pointer = (out: string) => JSON.parse(readFileSync(join(out, 'current.json'), 'utf8')) as { id: string; startedAt: number };
const builds = (out: string) => readdirSync(out, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);

describe('the built CLI', () => {
  it('is built on first use, once, even when several calls start together, and none sees half a build', async () => {
    const out = outDir();
    const runs = await Promise.all([1, 2, 3, 4].map(() => hotpair(out, '--version')));
    for (const r of runs) expect(r).toEqual({ code: 0, stdout: `${PRODUCT_VERSION}\n`, stderr: '' });
    // One build, not one per call (a second only when someone edits a source meanwhile), published,
    // and no temporary folder left behind.
    expect(builds(out).length).toBeLessThanOrEqual(2);
    expect(builds(out)).toContain(pointer(out).id);
    expect(builds(out).filter((b) => b.startsWith('.tmp-'))).toEqual([]);
    const { stdout } = await hotpair(out, 'validate', 'resources/examples/as-vrrp.yaml');
    expect(stdout).toBe('resources/examples/as-vrrp.yaml: valid\n');
  }, 90_000);

  it('rebuilds when a source is newer than the build, and keeps the old build for processes still running it', async () => {
    const out = outDir();
    expect((await hotpair(out, '--version')).code).toBe(0);
    const first = pointer(out);
    // As if every source had been edited after this build started.
    writeFileSync(join(out, 'current.json'), JSON.stringify({ ...first, startedAt: 0 }));
    expect(await hotpair(out, '--version')).toMatchObject({ code: 0, stdout: `${PRODUCT_VERSION}\n` });
    const second = pointer(out);
    expect(second.id).not.toBe(first.id);
    expect(second.startedAt).toBeGreaterThan(0);
    expect(builds(out).sort()).toEqual([first.id, second.id].sort());
  }, 90_000);
});
