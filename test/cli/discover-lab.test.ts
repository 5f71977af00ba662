import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runConnect } from '../../src/cli/commands/connect';
import { openWithFlags, runDiscover, EXIT_OK, EXIT_FAILED } from '../../src/cli/commands/discover';
import { LAB_PASSWORD, startLab, type Lab } from '../../src/lab/lab';

/** `hotpair discover` end to end: real SSH transport, known-hosts store and DeviceSession against the lab. */
describe('hotpair discover against the lab over SSH', () => {
  let dir: string;
  let lab: Lab;
  const saved = { data: process.env.HOTPAIR_DATA_DIR, pw: process.env.HP_DISCOVER_PW };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hotpair-discover-'));
    process.env.HOTPAIR_DATA_DIR = join(dir, 'data');
    process.env.HP_DISCOVER_PW = LAB_PASSWORD;
    lab = await startLab({ stateDir: join(dir, 'lab'), sshPortBase: 0, console: false, stateFile: false, pairIndexBase: 41 });
  });

  afterAll(async () => {
    await lab?.stop();
    if (saved.data === undefined) delete process.env.HOTPAIR_DATA_DIR;
    else process.env.HOTPAIR_DATA_DIR = saved.data;
    if (saved.pw === undefined) delete process.env.HP_DISCOVER_PW;
    else process.env.HP_DISCOVER_PW = saved.pw;
    rmSync(dir, { recursive: true, force: true });
  });

  const run = async (flags: Parameters<typeof runDiscover>[1]) => {
    const out: string[] = [];
    const err: string[] = [];
    const port = lab.members[0]?.ssh.port;
    const code = await runDiscover(`ssh://admin@127.0.0.1:${port}`, flags, { out: (s) => out.push(s), err: (s) => err.push(s) }, openWithFlags, new AbortController().signal);
    return { code, out: out.join(''), err: err.join('') };
  };

  it('refuses an unknown host key without --accept-new-host-key, then records it with the flag', async () => {
    const first = await run({ passwordEnv: 'HP_DISCOVER_PW', json: true });
    expect(first.code).toBe(EXIT_FAILED);
    expect(JSON.parse(first.out)).toMatchObject({ ok: false, error: { code: 'HOST_KEY_UNKNOWN' } });

    const second = await run({ passwordEnv: 'HP_DISCOVER_PW', acceptNewHostKey: true, json: true });
    expect(second.code).toBe(EXIT_OK);
    const { data } = JSON.parse(second.out) as { data: { sysname: string; model: string; warnings: string[]; interfaces: { name: string }[] } };
    expect(data.warnings).toEqual([]);
    expect(data.sysname).toBe(lab.members[0]?.device.sysname());
    expect(data.model).toBe('SecPath F1000-AK1xx');
    expect(data.interfaces.map((i) => i.name)).toContain('GigabitEthernet1/0/1');
  });

  it('connect --exec runs each command and prints its output; a rejected one exits 1 with the caret', async () => {
    const port = lab.members[0]?.ssh.port;
    const out: string[] = [];
    const err: string[] = [];
    const so = vi.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true));
    const se = vi.spyOn(process.stderr, 'write').mockImplementation((s) => (err.push(String(s)), true));
    try {
      const ok = await runConnect(`ssh://admin@127.0.0.1:${port}`, { passwordEnv: 'HP_DISCOVER_PW', acceptNewHostKey: true, exec: ['display version', 'display clock'] }, new AbortController().signal);
      expect(ok).toBe(0);
      expect(out.join('')).toMatch(/Comware Software, Version 7\.1[\s\S]*\d{2}:\d{2}:\d{2}/);
      expect(err.join('')).toMatch(/transcript: .*127\.0\.0\.1-\d+-\d{8}T\d{6}Z\.jsonl/);
      err.length = 0;
      const bad = await runConnect(`ssh://admin@127.0.0.1:${port}`, { passwordEnv: 'HP_DISCOVER_PW', exec: ['display versoin'] }, new AbortController().signal);
      expect(bad).toBe(1);
      expect(err.join('')).toMatch(/display versoin\n\s*\^\n[\s\S]*COMMAND_REJECTED/);
    } finally {
      so.mockRestore();
      se.mockRestore();
    }
  });

  it('fails with AUTH_FAILED on a wrong password', async () => {
    process.env.HP_DISCOVER_PW = 'wrong-password';
    try {
      const r = await run({ passwordEnv: 'HP_DISCOVER_PW' });
      expect(r.code).toBe(EXIT_FAILED);
      expect(r.err).toMatch(/AUTH_FAILED/);
    } finally {
      process.env.HP_DISCOVER_PW = LAB_PASSWORD;
    }
  });
});
