import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
let child: ChildProcess | undefined;

function electronInstalled(): boolean {
  try {
    const p = createRequire(import.meta.url)('electron') as unknown;
    return typeof p === 'string' && existsSync(p);
  } catch {
    return false;
  }
}

afterEach(() => {
  child?.kill('SIGTERM');
  child = undefined;
});

/** Run a command until its output matches, then hand back everything it printed so far. */
function runUntil(args: string[], until: RegExp, env: Record<string, string> = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    child = spawn(process.execPath, args, {
      cwd: root,
      env: { ...process.env, HOTPAIR_DATA_DIR: mkdtempSync(join(tmpdir(), 'hp-cmd-')), HOTPAIR_NO_OPEN: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const timer = setTimeout(() => reject(new Error(`timed out; output so far:\n${out}`)), 45_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      if (until.test(out)) {
        clearTimeout(timer);
        resolve(out);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`exited ${code} before printing the URL:\n${out}`)));
  });
}

async function apiWorks(url: string) {
  const m = /^(http:\/\/127\.0\.0\.1:\d+)\/#token=([A-Za-z0-9_-]+)$/.exec(url)!;
  expect(m).not.toBeNull();
  const r = await fetch(`${m[1]}/api/app.info`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${m[2]}` }, body: '{}' });
  expect(await r.json()).toMatchObject({ ok: true, data: { mode: 'browser' } });
  expect((await fetch(`${m[1]}/api/app.info`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })).status).toBe(401);
}

describe('commands', () => {
  it('hotpair serve --port 0 prints a tokenised URL whose API answers', async () => {
    const out = await runUntil(['bin/hotpair.mjs', 'serve', '--port', '0', '--no-lab'], /Open: (\S+)/);
    await apiWorks(/Open: (\S+)/.exec(out)![1]!);
    const exited = new Promise<number | null>((r) => child!.once('exit', r));
    child!.kill('SIGINT');
    expect(await exited).toBe(0); // Ctrl-C closes the server and exits cleanly
  }, 60_000);

  // Where `npm install` did download Electron, npm start opens the desktop app instead.
  it.skipIf(electronInstalled())('npm start falls back to browser mode, says why, and never fails without a browser', async () => {
    const out = await runUntil(['bin/start.mjs'], /no browser to open here/, { DISPLAY: '', WAYLAND_DISPLAY: '', HOTPAIR_NO_OPEN: '' });
    expect(out).toMatch(/Electron binary not installed here; starting browser mode/);
    expect(out).toMatch(/open http:\/\/127\.0\.0\.1:\d+\/#token=/);
    await apiWorks(/open (http\S+)/.exec(out)![1]!);
  }, 60_000);
});
