import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listRules } from '../../src/cli/commands/validate';
import { RULES } from '../../src/core/validate/index';
import { createI18n } from '../../src/i18n/index';

const ROOT = join(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'hotpair-i18n-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// The lab pair made dual-active with one control-channel address on both devices: two rule errors
// and one warning, each with the vendor sentence it enforces.
const bad = join(dir, 'bad.yaml');
writeFileSync(bad, readFileSync(join(ROOT, 'resources/examples/lab.yaml'), 'utf8').replace('localIp: 10.2.1.2', 'localIp: 10.2.1.1').replace('mode: active-standby', 'mode: dual-active'));

function hotpair(env: Record<string, string>, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(LANG|LANGUAGE|LC_ALL|LC_MESSAGES)$/.test(k)));
  return new Promise((resolve) => {
    execFile(process.execPath, [join(ROOT, 'bin/hotpair.mjs'), ...args], { cwd: ROOT, env: { ...clean, ...env }, timeout: 15_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout, stderr });
    });
  });
}

describe('hotpair validate in the user\'s language', () => {
  it('LANG=zh_CN.UTF-8 prints each finding in Chinese with its rule id, path and the vendor\'s English as a quotation', async () => {
    const r = await hotpair({ LANG: 'zh_CN.UTF-8' }, 'validate', bad);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^错误 {2}channel\.local-ne-peer {2}devices\.b\.controlChannel\.localIp: 两台设备的控制通道本端 IP 都是 10\.2\.1\.1/m);
    expect(r.stdout).toContain('  厂商原文："The local IP address cannot be identical to the peer IP address."');
    expect(r.stdout).toMatch(/^警告 {2}backup\.http-dns-asymmetric {2}backup\.http: 双主模式/m);
    expect(r.stdout).toContain(`${bad}：2 个错误，1 个警告`);
    // Every finding line is Chinese after its rule id and path.
    const findings = r.stdout.split('\n').filter((l) => /^\S+ {2}[a-z-]+\.[a-z0-9.-]+ {2}/.test(l));
    expect(findings).toHaveLength(3);
    for (const l of findings) expect(l.split(': ').slice(1).join(': ')).toMatch(/[\u4e00-\u9fff]/);
  });

  it('--lang overrides LANG both ways, and refuses a language it does not have', async () => {
    const [en, zh, fr] = await Promise.all([hotpair({ LANG: 'zh_CN.UTF-8' }, 'validate', '--lang', 'en', bad), hotpair({ LC_ALL: 'C' }, '--lang', 'zh-CN', 'validate', bad), hotpair({}, 'validate', '--lang', 'fr', bad)]);
    expect(en.stdout).toContain(`${bad}: 2 errors, 1 warning`);
    expect(en.stdout).not.toMatch(/[\u4e00-\u9fff]/);
    expect(zh.stdout).toContain('2 个错误');
    expect(fr).toMatchObject({ code: 2, stdout: '' });
    expect(fr.stderr).toBe('hotpair: unknown language fr; use one of en, zh-CN\n');
  });

  it('--json is the same document whatever the language: rule ids, codes and params', async () => {
    const [en, zh] = await Promise.all([hotpair({ LANG: 'en_US.UTF-8' }, 'validate', '--json', bad), hotpair({ LANG: 'zh_CN.UTF-8' }, 'validate', '--json', bad)]);
    expect(zh.stdout).toBe(en.stdout);
    const doc = JSON.parse(zh.stdout) as { diagnostics: { rule: string; code: string; params: Record<string, unknown> }[] };
    expect(doc.diagnostics.map((d) => d.code)).toEqual(['channel.local-ne-peer.same-ip', 'vrrp.groups-per-mode.dual-active-no-standby', 'backup.http-dns-asymmetric.off-dual-active']);
    expect(doc.diagnostics[0]!.params).toEqual({ ip: '10.2.1.1' });
  });

  it('--list-rules gives every rule its Chinese summary, columns aligned by display width', () => {
    const lines = listRules(false, createI18n('zh-CN')).trimEnd().split('\n');
    expect(lines).toHaveLength(RULES.length);
    expect(lines[0]).toMatch(/^channel\.local-ne-peer +错误 {2}两个控制通道本端 IP 不同/);
    expect(lines.find((l) => l.startsWith('pair.sysname-distinct'))).toMatch(/警告 {2}.*（内部规则）$/);
    expect(new Set(lines.map((l) => l.search(/ {2}[\u4e00-\u9fff]/))).size).toBe(1);
    expect(listRules(true, createI18n('zh-CN'))).toBe(listRules(true, createI18n('en')));
  });
});
