import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { configDifferences } from '../../src/core/provision/config-text';
import { readJournal } from '../../src/core/provision/node/journal-file';
import { LAB_PASSWORD } from '../../src/lab/lab';
import { startLabPair, type LabPair } from './lab-pair';

const ROOT = join(import.meta.dirname, '../..');

function hotpair(args: string[], env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, [join(ROOT, 'bin/hotpair.mjs'), ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const done = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, done, output: () => out };
}

const doneLines = (path: string) => readFileSync(path, 'utf8').split('\n').filter((l) => l.includes('"type":"step"') && l.includes('"phase":"done"')).length;

describe('a run killed mid-push (SIGKILL), finished by `hotpair recover`', () => {
  let lab: LabPair | undefined;
  afterEach(async () => {
    await lab?.stop();
    lab = undefined;
  });

  it('the journal tells which lines were applied; recover restores both devices to their configuration before the push', async () => {
    lab = await startLabPair(69);
    const l = lab;
    const before = { a: l.config('a'), b: l.config('b') };
    const env = { HOTPAIR_DATA_DIR: join(l.dir, 'data'), HP_LAB_PW: LAB_PASSWORD };
    const flags = ['--a', `ssh://admin@127.0.0.1:${l.port.a}`, '--b', `ssh://admin@127.0.0.1:${l.port.b}`, '--password-env', 'HP_LAB_PW', '--accept-new-host-key', '--known-hosts', join(l.dir, 'known_hosts')];
    const run = hotpair(['pair', 'resources/examples/lab.yaml', '--yes', ...flags], env);
    const dir = join(l.dir, 'data', 'journal');
    let journal: string | undefined;
    const deadline = Date.now() + 40_000;
    // Kill as soon as the journal shows a few lines done: the push is in progress.
    while (Date.now() < deadline) {
      journal ??= existsSync(dir) ? readdirSync(dir).map((f) => join(dir, f))[0] : undefined;
      if (journal && doneLines(journal) >= 3) break;
      await new Promise((r) => setTimeout(r, 5));
    }
    run.child.kill('SIGKILL');
    expect(await run.done).toBeNull();
    expect(journal, run.output()).toBeDefined();
    const path = journal as string;

    const s = readJournal(path);
    expect(s.interrupted).toBe(true);
    const applied = s.applied.a.length + s.applied.b.length;
    expect(applied).toBeGreaterThanOrEqual(3);
    expect(applied).toBeLessThan(44); // both plans have 22 lines: it was killed mid-push
    expect(configDifferences(s.preConfig.a ?? '', before.a)).toEqual([]);
    // What the journal says was applied is on the devices now (the kill left them half-configured).
    expect(l.config('a')).not.toBe(before.a);
    expect(l.lab.members[0]!.device.commitPending()).toBe(true);

    const list = hotpair(['journal', 'lab'], env);
    expect(await list.done).toBe(0);
    expect(list.output()).toMatch(/INTERRUPTED/);
    const lines = (n: number) => `${n} line${n === 1 ? '' : 's'}`;
    expect(list.output()).toContain(`applied: A ${lines(s.applied.a.length)}, B ${lines(s.applied.b.length)}`);

    const rec = hotpair(['recover', path, ...flags], env);
    expect(await rec.done, rec.output()).toBe(0);
    expect(rec.output()).toMatch(/Recovered/);
    expect(l.config('a')).toBe(before.a);
    expect(l.config('b')).toBe(before.b);
    expect(l.lab.members[0]!.device.commitPending()).toBe(false);
    const after = readJournal(path);
    expect(after.outcome).toBe('recovered');
    expect(after.rolledBack).toEqual({ a: 'done', b: 'done' });
  }, 90_000);
});
