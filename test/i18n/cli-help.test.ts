import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeBundle } from '../../src/cli/bundle/show';
import type { OpenedBundle } from '../../src/core/bundle/node/container';
import { setCliLanguage } from '../../src/i18n/node/cli';

const ROOT = join(import.meta.dirname, '../..');

function hotpair(env: Record<string, string>, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(LANG|LANGUAGE|LC_ALL|LC_MESSAGES)$/.test(k)));
  return new Promise((resolve) => {
    execFile(process.execPath, [join(ROOT, 'bin/hotpair.mjs'), ...args], { cwd: ROOT, env: { ...clean, ...env }, timeout: 30_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout, stderr });
    });
  });
}

const cjk = /[\u4e00-\u9fff]/;

describe('hotpair --help in the user\'s language', () => {
  it('LANG=zh_CN.UTF-8 hotpair --help: commander\'s headings, the description and every command\'s summary in Chinese', async () => {
    const r = await hotpair({ LANG: 'zh_CN.UTF-8' }, '--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^用法： hotpair \[options\] \[command\]\n/);
    expect(r.stdout).toContain('双机热备');
    expect(r.stdout).toMatch(/^选项：$/m);
    expect(r.stdout).toMatch(/^命令：$/m);
    expect(r.stdout).toMatch(/-h, --help +显示命令帮助/);
    // Every command line of the list ends in Chinese (wrapped lines continue it).
    const list = r.stdout.slice(r.stdout.indexOf('命令：')).split('\n').slice(1).filter((l) => /^ {2}[a-z]/.test(l));
    expect(list.length).toBeGreaterThan(15);
    for (const l of list) expect(l, l).toMatch(cjk);
  });

  it('LANG=zh_CN.UTF-8 hotpair pair --help: options, the connection precedence, defaults in Chinese; flags as typed', async () => {
    const r = await hotpair({ LANG: 'zh_CN.UTF-8' }, 'pair', '--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^用法： hotpair pair \[options\] <pair-file>/);
    expect(r.stdout).toMatch(/--dry-run +输出计划后停止/);
    expect(r.stdout).toContain('各设备参数的来源优先级：命令行选项 > 配对文件中该设备的设置 > 交互输入。');
    expect(r.stdout).toContain('devices.<a|b>.passwordEnv');
    expect(r.stdout).toMatch(/（默认：\s*"60"）/);
    // Each option's description is Chinese.
    const options = r.stdout.split('\n').filter((l) => /^ {2}(-\w, )?--[\w-]+/.test(l));
    expect(options.length).toBeGreaterThan(15);
    for (const l of options) expect(l, l).toMatch(cjk);
  });

  it('English stays as it was without a Chinese locale, and --lang beats LANG', async () => {
    const [c, flag] = await Promise.all([hotpair({ LC_ALL: 'C' }, 'pair', '--help'), hotpair({ LANG: 'zh_CN.UTF-8' }, '--lang', 'en', 'pair', '--help')]);
    for (const r of [c, flag]) {
      expect(r.stdout).toMatch(/^Usage: hotpair pair \[options\] <pair-file>/);
      expect(r.stdout).toContain("Where each device setting comes from: command-line flag > the pair file's per-device setting > prompt.");
      expect(r.stdout).toMatch(/\(default:\s+"60"\)/);
      expect(r.stdout).not.toMatch(cjk);
    }
  });

  it('a parse error is said in Chinese too', async () => {
    const r = await hotpair({ LANG: 'zh_CN.UTF-8' }, 'render', '--frobnicate');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("错误：未知选项 '--frobnicate'");
  });
});

describe('bundle show follows the chosen language', () => {
  const bundle = {
    signerTrusted: false,
    manifest: {
      pair: { name: 'site-1', mode: 'active-standby', sysnames: { a: 'FW1', b: 'FW2' } },
      platform: { id: 'comware7', version: '1' },
      createdAt: '2026-01-01T09:00:00.000Z',
      tool: { name: 'HotPair', version: '0.1.0' },
      signer: { fingerprint: 'SHA256:abc' },
      members: [{ path: 'a.cfg', size: 1234, sha256: '0123456789abcdef0123' }],
    },
  } as unknown as OpenedBundle;

  it('in Chinese: the labels and the untrusted signer, names and digests as they are', () => {
    setCliLanguage('zh-CN');
    const text = describeBundle('site-1.hpb', bundle);
    setCliLanguage('en');
    expect(text).toContain('离线包    site-1.hpb');
    expect(text).toContain('配对      site-1（active-standby）— A FW1，B FW2');
    expect(text).toContain('签名者    SHA256:abc （不受信任）');
    expect(text).toContain('密文      无（下发时询问密码）');
    expect(text).toContain('  a.cfg           1234 字节  sha256 0123456789abcdef…');
  });

  it('in English, as before', () => {
    setCliLanguage('en');
    const text = describeBundle('site-1.hpb', bundle);
    expect(text.split('\n')).toEqual([
      'bundle    site-1.hpb',
      'pair      site-1 (active-standby) — A FW1, B FW2',
      'platform  comware7 pack 1',
      'created   2026-01-01T09:00:00.000Z by HotPair 0.1.0',
      'signer    SHA256:abc (NOT trusted)',
      'secrets   none (passwords asked on apply)',
      'members',
      '  a.cfg           1234 B  sha256 0123456789abcdef…',
    ]);
  });
});
