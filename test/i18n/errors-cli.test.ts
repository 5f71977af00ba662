/**
 * `hotpair connect` against the lab under LANG=zh_CN.UTF-8: the errors an engineer meets first at
 * the rack (a refused login, a changed host key, a console at the wrong speed) print in Chinese,
 * with the error code, the device's own words and both fingerprints left as they are.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAB_PASSWORD, startLab, type Lab } from '../../src/lab/lab';
import { formatLabTable } from '../../src/cli/commands/lab';
import { coreTranslator } from '../../src/i18n/core';
import { createI18n } from '../../src/i18n/create';

const ROOT = join(import.meta.dirname, '../..');
/** Each CLI run logs in once or fails fast; this bounds a hung one. */
const CLI_TIMEOUT_MS = 30_000;
const hasSocat = (process.env.PATH ?? '').split(':').some((d) => d !== '' && existsSync(join(d, 'socat')));

function hotpair(env: Record<string, string>, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(LANG|LANGUAGE|LC_ALL|LC_MESSAGES)$/.test(k)));
  return new Promise((resolve) => {
    execFile(process.execPath, [join(ROOT, 'bin/hotpair.mjs'), ...args], { cwd: ROOT, env: { ...clean, ...env }, timeout: CLI_TIMEOUT_MS }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout, stderr });
    });
  });
}

describe.skipIf(!hasSocat)('hotpair connect errors in Chinese', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hotpair-errors-cli-'));
  const knownHosts = join(dir, 'known_hosts');
  let lab: Lab;
  const zh = (extra: Record<string, string> = {}) => ({ LANG: 'zh_CN.UTF-8', HOTPAIR_DATA_DIR: join(dir, 'data'), HP_PW: LAB_PASSWORD, HP_WRONG: 'not-the-password', ...extra });
  const sshUrl = (k: 'a' | 'b') => `ssh://admin@127.0.0.1:${lab.member(k).ssh.port}`;

  beforeAll(async () => {
    lab = await startLab({ stateDir: join(dir, 'lab'), sshPortBase: 0, stateFile: false, pairIndexBase: 197, baud: 9600 });
  });
  afterAll(async () => {
    await lab?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('AUTH_FAILED: the refusal and its fix in Chinese, the code as is', async () => {
    const r = await hotpair(zh(), 'connect', sshUrl('a'), '--password-env', 'HP_WRONG', '--accept-new-host-key', '--known-hosts', knownHosts, '--exec', 'display clock');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/hotpair connect：AUTH_FAILED：ssh admin@127\.0\.0\.1:\d+：设备拒绝了该凭据（密码）。/);
    expect(r.stderr).toContain('检查用户名和密码或密钥');
  });

  it('HOST_KEY_MISMATCH: both fingerprints in a Chinese sentence, and what to do', async () => {
    // Record both devices' keys, then give A's entry B's key: A now presents a key other than the recorded one.
    for (const k of ['a', 'b'] as const) expect((await hotpair(zh(), 'connect', sshUrl(k), '--password-env', 'HP_PW', '--accept-new-host-key', '--known-hosts', knownHosts, '--exec', 'display clock')).code).toBe(0);
    const lines = readFileSync(knownHosts, 'utf8').trim().split('\n');
    const at = (k: 'a' | 'b') => lines.find((l) => l.startsWith(`[127.0.0.1]:${lab.member(k).ssh.port} `))!;
    writeFileSync(knownHosts, `${at('b').replace(`:${lab.member('b').ssh.port} `, `:${lab.member('a').ssh.port} `)}\n${at('b')}\n`);
    const r = await hotpair(zh(), 'connect', sshUrl('a'), '--password-env', 'HP_PW', '--known-hosts', knownHosts, '--exec', 'display clock');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/HOST_KEY_MISMATCH：\[127\.0\.0\.1\]:\d+ 的主机密钥已变化：原为 \S+ SHA256:\S+，现为 \S+ SHA256:\S+。/);
    const [was, now] = [...r.stderr.matchAll(/SHA256:[A-Za-z0-9+/]+/g)].map((m) => m[0]);
    expect(was).not.toBe(now);
    expect(r.stderr).toContain(`请从 ${knownHosts} 中删除`);
  });

  it('WRONG_BAUD: a console set to 115200 against a 9600 device says so in Chinese', async () => {
    const console = lab.member('a').console!;
    for (let t0 = Date.now(); console.pendingOutput > 0 && Date.now() - t0 < 5000; ) await new Promise((r) => setTimeout(r, 50));
    const r = await hotpair(zh(), 'connect', `serial://${console.path}?baud=115200`, '--user', 'admin', '--password-env', 'HP_PW', '--exec', 'display clock');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/hotpair connect：WRONG_BAUD：\S+ @115200：Console 口返回无法识别的字节（速率 115200）；线路速率可能有误。/);
    expect(r.stderr).toContain('?baud=auto');
  }, 2 * CLI_TIMEOUT_MS);

  it('the lab notes the CLI prints: English from the catalogue as the lab wrote it, Chinese under zh-CN', () => {
    const d = lab.describe();
    const en = coreTranslator(createI18n('en'));
    expect(d.noteMessages?.map((m) => en.text(m.code, m.params, '(missing)'))).toEqual(d.notes);
    expect(en.text(d.syslogMessage!.code, d.syslogMessage!.params, '(missing)')).toBe(d.syslog);
    const table = formatLabTable(d, coreTranslator(createI18n('zh-CN')));
    expect(table).toContain('串口 Console 以 9600 baud 8N1 运行');
    expect(table).not.toContain('RBM channels run over real TCP');
  });
});
