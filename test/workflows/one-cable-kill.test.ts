import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LAB_PASSWORD, LAB_USERNAME } from '../../src/lab/lab';
import { startCableLab, type CableLab } from './one-cable-lab';

const ROOT = join(import.meta.dirname, '../..');

/** `hotpair …` as a child process; `onLine` sees each stdout line as it comes (one JSON object per step with --json). */
function hotpair(args: string[], env: NodeJS.ProcessEnv, onLine?: (line: string) => void) {
  const child = spawn(process.execPath, [join(ROOT, 'bin/hotpair.mjs'), ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  let buf = '';
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString();
    buf += d.toString();
    for (let i = buf.indexOf('\n'); i >= 0; i = buf.indexOf('\n')) {
      onLine?.(buf.slice(0, i));
      buf = buf.slice(i + 1);
    }
  });
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const done = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, done, output: () => `${out}\n--- stderr ---\n${err}` };
}

const records = (path: string) => readFileSync(path, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { type: string } & Record<string, unknown>);

describe('a one-cable run killed (SIGKILL) while the cable moves to B, taken up by `hotpair recover`', () => {
  let lab: CableLab | undefined;
  let data: string | undefined;
  afterEach(async () => {
    await lab?.stop();
    lab = undefined;
    if (data) rmSync(data, { recursive: true, force: true });
  });

  it('A stays done and saved; recover pushes B only and ends verified and saved; `hotpair journal` shows the moves and who answered', async () => {
    lab = await startCableLab(220);
    const l = lab;
    data = mkdtempSync(join(tmpdir(), 'hotpair-1c-kill-'));
    const env = { HOTPAIR_DATA_DIR: data, HP_LAB_PW: LAB_PASSWORD };
    const creds = ['--user', LAB_USERNAME, '--password-env', 'HP_LAB_PW', '--yes', '--json', '--verify-timeout', '20'];
    const steps: string[] = [];
    const run = hotpair(['pair', 'resources/examples/lab.yaml', '--one-cable', '--console', `serial://${l.port}?baud=auto`, ...creds], env, (line) => {
      const o = JSON.parse(line) as { step: string; to?: string };
      steps.push(o.step);
      // Killed the instant it asks for the cable: as a laptop closed while the engineer walks to B.
      if (o.step === 'move-cable' && o.to === 'b') run.child.kill('SIGKILL');
    });
    expect(await run.done, run.output()).toBeNull();
    expect(steps).toContain('move-cable');
    const journal = join(data, 'journal', readdirSync(join(data, 'journal')).find((f) => f.endsWith('.jsonl')) ?? '?');
    const killed = records(journal);
    expect(killed.some((r) => r.type === 'run-end')).toBe(false);
    expect(killed.at(-1)).toMatchObject({ type: 'cable', to: 'b', phase: 'wait' });
    const typedOnA = killed.filter((r) => r.type === 'step' && r.device === 'a').length;
    expect(typedOnA).toBeGreaterThan(0);
    expect(killed.filter((r) => r.type === 'step' && r.device === 'b')).toHaveLength(0);
    expect(l.lab.member('a').device.saved.rbm?.role).toBe('primary');

    const listed = hotpair(['journal', 'lab'], env);
    expect(await listed.done, listed.output()).toBe(0);
    expect(listed.output()).toMatch(/INTERRUPTED/);
    expect(listed.output()).toMatch(/one console cable: \d\d:\d\d:\d\d asked for B/);
    expect(listed.output()).toMatch(/answered for A: FW1, serial \S+.*\(as expected\)/);

    await l.lab.cable('b', 300); // the engineer finishes the move while the tool is down
    const later: { step: string; outcome?: string }[] = [];
    const rec = hotpair(['recover', journal, ...creds], env, (line) => later.push(JSON.parse(line) as { step: string }));
    expect(await rec.done, rec.output()).toBe(0);
    expect(later.at(-1)).toMatchObject({ step: 'result', outcome: 'success' });
    expect(later.filter((x) => ['resume', 'on-a', 'on-b', 'move-cable', 'done'].includes(x.step)).map((x) => x.step)).toEqual(['resume', 'on-b', 'done']);

    const after = records(journal);
    expect(after.filter((r) => r.type === 'run-start')).toHaveLength(1);
    expect(after.filter((r) => r.type === 'step' && r.device === 'a')).toHaveLength(typedOnA);
    expect(after.filter((r) => r.type === 'answered').map((r) => `${String(r.expected)}:${String(r.device)}:${String(r.sysname)}`)).toEqual(['a:a:FW1', 'b:b:FW2']);
    expect(after.at(-1)).toMatchObject({ type: 'run-end', outcome: 'success' });
    expect(l.lab.engine('a').runningStatus()).toBe('Active');
    expect(l.lab.engine('b').runningStatus()).toBe('Standby');
    expect(l.lab.member('b').device.saved.rbm?.role).toBe('secondary');

    const again = hotpair(['journal', 'lab'], env);
    expect(await again.done).toBe(0);
    expect(again.output()).toMatch(/ success\n/);
    expect(again.output()).toMatch(/answered for B: FW2, serial \S+.*\(as expected\)/);
  }, 180_000);
});
