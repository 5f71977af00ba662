/**
 * Errors and load problems a user meets, said in the reader's language: each carries a message key
 * of the core catalogue that exists in both languages, the English catalogue says exactly the
 * English message core wrote, and the Chinese says it in Chinese (device text left as it was).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError, type ErrorInfo } from '../../src/core/base/errors';
import { MemoryTranscriptSink, TranscriptRecorder } from '../../src/core/channel/transcript';
import { KnownHostsStore } from '../../src/core/known-hosts';
import { readBundle } from '../../src/core/bundle/node/container';
import { loadPairText, type LoadError } from '../../src/core/model/load';
import { readTextFile } from '../../src/core/model/node/read-pair';
import { parseHostPort } from '../../src/core/monitor/node/syslog';
import { comware7 } from '../../src/core/platforms/comware7';
import { DeviceSession } from '../../src/core/session/session';
import { MockTransport } from '../../src/core/transport/mock';
import { sha256 } from '../../src/core/transport/node/known-hosts-file';
import { SshTransport } from '../../src/core/transport/node/ssh';
import { forTheApp } from '../../src/host/devices/host-keys';
import { coreTranslator } from '../../src/i18n/core';
import { errorText } from '../../src/i18n/core-text';
import { fakeCli, type FakeCliOptions } from '../core/session/fake-cli';
import { rejection } from './caught';
import { CJK, en, errorInCatalogues, loadErrorInCatalogues, zh } from './english-left';

const ROOT = join(import.meta.dirname, '../..');

/** The error as the app and the CLI show it, checked in both languages; returns the Chinese. */
function said(e: unknown): { info: ErrorInfo; zh: { message: string; fix?: string } } {
  const info = errorInCatalogues(e);
  const chinese = errorText(zh, info);
  expect(chinese.message).toMatch(CJK);
  if (info.fix !== undefined) expect(chinese.fix).toMatch(CJK);
  return { info, zh: chinese };
}

/** A load problem in both languages: the key is a message of its own (no .message/.fix). */
function loadSaid(e: LoadError): string {
  loadErrorInCatalogues(e);
  const chinese = coreTranslator(zh).text(e.key!, e.params, '(missing)');
  expect(chinese).toMatch(CJK);
  return chinese;
}

async function connect(cli: FakeCliOptions = {}, creds = { username: 'admin', password: 'Secret#123' }) {
  const f = fakeCli(cli);
  const transport = new MockTransport({ greeting: f.greeting, onWrite: f.onWrite });
  const session = await DeviceSession.connect({
    pack: comware7,
    transport,
    transcript: new TranscriptRecorder(new MemoryTranscriptSink()),
    credentials: creds,
    loginMode: cli.auth ? 'console' : 'shell',
    timeouts: { idleMs: 1000, loginMs: 3000, commandMs: 3000 },
  });
  return { session, transport };
}

const dir = mkdtempSync(join(tmpdir(), 'hotpair-errors-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('session errors in the reader\'s language', () => {
  it('a refused login and a lockout quote the device in its words, the sentence around it in Chinese', async () => {
    const refused = said(await rejection(connect({ auth: { user: 'admin', password: 'right' } }, { username: 'admin', password: 'wrong' })));
    expect(refused.info.code).toBe('AUTH_FAILED');
    expect(refused.zh.message).toMatch(/^设备拒绝登录/);
    expect(refused.zh.fix).toContain('用户名和密码');
    const locked = said(await rejection(connect({ auth: { user: 'admin', password: 'right', lockAfter: 1 } }, { username: 'admin', password: 'wrong' })));
    expect(locked.info.code).toBe('LOCKED_OUT');
    expect(locked.zh.message).toMatch(/^设备锁定了该账号：“.+”。$/);
  });

  it('a % error keeps the device text; a line of a config push names the line; a refused question names the answer', async () => {
    const { session } = await connect();
    const rejected = said(await rejection(session.exec('dispaly version')));
    expect(rejected.zh.message).toBe("设备拒绝了命令“dispaly version”：% Unrecognized command found at '^' position.");
    const line = said(await rejection(session.sendConfig(['interface GigabitEthernet1/0/1', 'ip adress 1.1.1.1 24'])));
    expect(line.info.message).toMatch(/^Line 2 of 2: The device rejected/);
    expect(line.zh.message).toMatch(/^第 2 行（共 2 行）：设备拒绝了命令“ip adress 1\.1\.1\.1 24”：%/);
    const question = said(await rejection(session.exec('reboot')));
    expect(question.zh.message).toContain('HotPair 从不确认此类问题');
    await session.close();
  });

  it('a silent device: TIMEOUT names the wait and the limit', async () => {
    const { session, transport } = await connect();
    (transport as unknown as { opts: { onWrite: unknown } }).opts.onWrite = () => undefined;
    const e = said(await rejection(session.exec('display version', { idleTimeoutMs: 300 })));
    expect(e.info.code).toBe('TIMEOUT');
    expect(e.zh.message).toMatch(/^命令“display version”之后的提示符：设备 300 ms 内未发送任何内容。/);
  });

  it('commands HotPair refuses before sending, and a line that cannot reconnect or carry files', async () => {
    const { session } = await connect();
    expect(said(await rejection(session.exec('a'.repeat(600)))).zh.message).toMatch(/^命令长度为 600 个字符/);
    said(await rejection(session.exec('display\nclock')));
    said(await rejection(() => session.help('display ?')));
    said(await rejection(session.readFile('flash:/startup.cfg')));
    said(await rejection(session.reconnect({ timeoutMs: 100 })));
    await session.close();
    said(await rejection(session.exec('display clock')));
  });
});

describe('transport and host-key errors', () => {
  it('SSH to a closed loopback port: CONNECT_FAILED in Chinese with the socket\'s code', async () => {
    const t = new SshTransport({ host: '127.0.0.1', port: 1, username: 'admin', password: 'x', knownHosts: new KnownHostsStore(memory(), sha256), hostKeyPolicy: { acceptNew: true }, readyTimeoutMs: 5000 });
    const e = said(await rejection(t.open()));
    expect(e.info.code).toBe('CONNECT_FAILED');
    expect(e.zh.message).toContain('无法连接（ECONNREFUSED）');
  });

  it('an unknown and a changed host key carry both fingerprints into the Chinese text, on the CLI and in the app', async () => {
    const store = new KnownHostsStore(memory(), sha256);
    const key1 = blob('ssh-ed25519', [1, 2, 3]);
    const key2 = blob('ssh-ed25519', [4, 5, 6]);
    const unknown = said(await rejection(store.verify('192.0.2.11', 22, key1, {})));
    expect(unknown.zh.message).toMatch(/^192\.0\.2\.11 不是已知主机。其 ssh-ed25519 密钥指纹为 SHA256:/);
    await store.verify('192.0.2.11', 22, key1, { acceptNew: true });
    const changed = await rejection(store.verify('192.0.2.11', 22, key2, {}));
    const d = (changed as AppError).details!;
    const cli = said(changed);
    expect(cli.zh.message).toContain(`原为 ssh-ed25519 ${String(d.expected)}，现为 ssh-ed25519 ${String(d.presented)}`);
    const app = said(forTheApp(changed, undefined, store));
    expect(app.zh.fix).toMatch(/^查明原因之前不要连接/);
    expect(said(forTheApp(await rejection(store.verify('192.0.2.12', 22, key1, {})), undefined, store)).zh.message).toMatch(/^192\.0\.2\.12 还不是已知主机/);
    said(forTheApp(await rejection(store.verify('192.0.2.13', 22, key1, {})), 'SHA256:other', store));
  });
});

describe('pair file load problems', () => {
  const GOOD = readFileSync(join(ROOT, 'resources/examples/lab.yaml'), 'utf8');
  const errors = (text: string): LoadError[] => {
    const r = loadPairText(text, 'p.yaml');
    if (r.ok) throw new Error('expected load errors');
    return r.errors;
  };

  it('YAML syntax, an unknown key with "did you mean", a wrong type, a missing key, a wrong value', () => {
    const syntax = errors('name: x\ndevices:\n  a: [1, 2\n  b: 3\n');
    expect(loadSaid(syntax[0]!)).toMatch(/^YAML 语法错误：缩进不正确/);
    expect(loadSaid(errors(GOOD.replace('  keepalive:', '  keepalve:'))[0]!)).toBe('未知的键“keepalve”——是否应为 keepalive？');
    expect(loadSaid(errors(GOOD.replace('count: 3', 'count: three'))[0]!)).toBe('应为数字，实际为 字符串 "three"');
    expect(loadSaid(errors(GOOD.replace('    sysname: FW2\n', ''))[0]!)).toBe('缺少必需的键“sysname”（字符串）');
    expect(loadSaid(errors(GOOD.replace('mode: active-standby', 'mode: both'))[0]!)).toMatch(/^应为以下值之一：.*实际为 字符串 "both"$/);
    for (const e of errors(`${GOOD}consistencyCheck: { schedule: 5 }\npassword: x\n`)) loadSaid(e);
  });

  it('refusals before parsing: binary, too large, too deep, empty, not a mapping', () => {
    expect(loadSaid(errors('name: x\n\u0000')[0]!)).toBe('p.yaml 不是文本文件（含有 NUL 字节）；配对文件应为 YAML 或 JSON 文本');
    expect(loadSaid(errors(`# ${'x'.repeat(2_000_000)}`)[0]!)).toMatch(/^p\.yaml 大小为 2\.0 MB；配对文件最大为 1\.0 MB/);
    expect(loadSaid(errors(`${'['.repeat(100)}${']'.repeat(100)}`)[0]!)).toContain('这不是配对文件');
    loadSaid(errors('# nothing\n')[0]!);
    loadSaid(errors('- a\n')[0]!);
  });

  it('files that cannot be read: missing, a folder, not UTF-8', () => {
    const refusal = (file: string) => {
      const r = readTextFile(file);
      if (r.ok) throw new Error('expected a refusal');
      return r.error;
    };
    expect(loadSaid(refusal(join(dir, 'nope.yaml')))).toBe(`文件不存在：${join(dir, 'nope.yaml')}`);
    expect(loadSaid(refusal(dir))).toBe(`${dir} 是文件夹，不是文件`);
    const latin1 = join(dir, 'latin1.yaml');
    writeFileSync(latin1, Buffer.from('name: caf\xe9\n', 'latin1'));
    expect(loadSaid(refusal(latin1))).toContain('不是 UTF-8 编码');
    const pack = join(dir, 'big.json');
    writeFileSync(pack, 'x'.repeat(2000));
    const big = readTextFile(pack, { maxBytes: 1000, what: 'platform pack' });
    expect(big.ok || loadSaid(big.error)).toMatch(/平台包最大为/);
  });
});

describe('bundle refusals and monitor receiver addresses', () => {
  it('a file that is not a bundle, in Chinese', async () => {
    expect(said(await rejection(() => readBundle(Buffer.from('hello'), { isTrusted: () => true }))).zh.message).toBe('这不是 HotPair 离线包（太短）。');
    said(await rejection(() => readBundle(Buffer.alloc(200, 1), { isTrusted: () => true })));
  });

  it('a --syslog value that is not host:port', async () => {
    said(await rejection(() => parseHostPort('a:b:c', { host: '0.0.0.0', port: 514 })));
    said(await rejection(() => parseHostPort(':70000', { host: '0.0.0.0', port: 514 })));
  });
});

/**
 * Every literal message key the owning sources name exists in both catalogues: a key typed wrong,
 * or added to code without its sentences, fails here even when no scenario above reaches it.
 */
describe('message keys named in the sources', () => {
  const SOURCES = [
    'src/core/transport',
    'src/core/session',
    'src/core/channel',
    'src/core/known-hosts.ts',
    'src/core/model/load.ts',
    'src/core/model/text-guards.ts',
    'src/core/model/node/read-pair.ts',
    'src/core/bundle',
    'src/core/monitor/node/receivers.ts',
    'src/core/monitor/node/syslog.ts',
    'src/core/report/node/pdf.ts',
    'src/host',
    'src/lab/lab-description.ts',
  ];
  const files = SOURCES.flatMap((p) => walk(join(ROOT, p)));
  const keys = new Set<string>();
  for (const f of files) {
    const text = readFileSync(f, 'utf8');
    for (const m of text.matchAll(/(?:key|code): '((?:error|load|bundle|host|lab|report)\.[a-z0-9.-]+)'/g)) keys.add(m[1]!);
    for (const m of text.matchAll(/loadSaid\('([a-z0-9-]+)'/g)) keys.add(`load.${m[1]}`);
    for (const m of text.matchAll(/refuse\(\s*'([a-z0-9-]+)'/g)) keys.add(`bundle.${m[1]}.message`);
    for (const m of text.matchAll(/note\(\s*'([a-z0-9-]+)'/g)) keys.add(`lab.note.${m[1]}`);
  }
  // Keys built from a case name at run time.
  for (const c of ['no-answer', 'idle']) keys.add(`error.timeout.${c}.message`);
  for (const c of ['no-port', 'port-denied', 'port-busy', 'port-open']) keys.add(`error.connect-failed.${c}.message`);
  for (const c of ['no-file', 'folder', 'denied', 'cannot-read']) keys.add(`load.${c}`);

  it('finds the keys it checks', () => {
    expect(keys.size).toBeGreaterThan(100);
  });

  it.each(['en', 'zh-CN'])('%s has every one', (lng) => {
    const i = lng === 'en' ? en : zh;
    // An AppError key names a message with .message (and maybe .fix); a sub-message or load key is a message itself.
    const missing = [...keys].filter((k) => !i.exists(`core:${k}`) && !i.exists(`core:${k}.message`));
    expect(missing).toEqual([]);
  });
});

function walk(p: string): string[] {
  if (statSync(p).isFile()) return p.endsWith('.ts') ? [p] : [];
  return readdirSync(p).flatMap((n) => walk(join(p, n)));
}

function memory() {
  let text: string | undefined;
  return {
    location: 'memory',
    read: () => Promise.resolve(text),
    write: (t: string) => {
      text = t;
      return Promise.resolve();
    },
  };
}

/** An SSH wire-format key blob: string type, then key bytes. */
function blob(type: string, body: number[]): Uint8Array {
  const t = Buffer.from(type);
  const len = Buffer.alloc(4);
  len.writeUInt32BE(t.length);
  return new Uint8Array(Buffer.concat([len, t, Buffer.from(body)]));
}
