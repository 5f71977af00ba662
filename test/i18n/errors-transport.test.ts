/**
 * Connection and transport errors said whole in the reader's language: a refused device URL, a
 * wait that timed out (whatever it waited for), a link that dropped, a replay that went off its
 * script, HotPair's own bugs and browser mode's refusals. Each is produced for real, then formatted
 * in zh-CN and in the pseudo-locale: what is left outside the catalogue must be only what the user
 * or the device wrote (a URL, a command, device text), and that must be kept exactly as written.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppError, type ErrorInfo } from '../../src/core/base/errors';
import { Channel } from '../../src/core/channel/channel';
import { MemoryTranscriptSink, TranscriptRecorder } from '../../src/core/channel/transcript';
import type { WaitFor } from '../../src/core/channel/wait-for';
import { connectUrlError, parseConnectUrl, type ConnectUrlRefusal } from '../../src/core/model/connect';
import { MockTransport } from '../../src/core/transport/mock';
import { ReplayTransport } from '../../src/core/transport/replay';
import type { Transport } from '../../src/core/transport/types';
import type { Host } from '../../src/host/host';
import { serveHost, type RunningServer } from '../../src/host/http/server';
import { rejection } from './caught';
import { PUNCTUATION, languageChecks } from './english-left';

const ROOT = join(import.meta.dirname, '../..');

/**
 * Technical words the Chinese keeps in Latin letters on purpose: URL syntax and its query keys,
 * protocol names, and the vendor's own loanwords (Console 口, Shell).
 */
const ZH_TOKENS = ['URL', 'TCP', 'SSH', 'ssh', 'serial', 'dataBits', 'parity', 'stopBits', 'flowControl', 'none', 'even', 'odd', 'rtscts', 'xonxoff', 'auto', 'ms', 'Console', 'Shell', 'JSON', 'POST', 'Host', 'application/json', '--password-env', 'hotpair', 'serve'];
const URL_SYNTAX = /\b(?:ssh|serial):\/\/\S*?(?=[\s，。；：）“”]|$)/g;
const { said, messageKeeping: saidMessage } = languageChecks({ tokens: ZH_TOKENS, separators: PUNCTUATION, chineseSyntax: URL_SYNTAX });

/** The error a transport closes with. */
const closedWith = (t: Transport): Promise<AppError | undefined> => new Promise((resolve) => t.onClose((e) => resolve(e.error)));

function refusal(url: string): ConnectUrlRefusal {
  const r = parseConnectUrl(url);
  if (r.ok) throw new Error(`${url} was accepted`);
  return r;
}

describe('a refused device URL', () => {
  const CASES: [url: string, code: string, values: string[], zh: RegExp][] = [
    ['admin at 192.0.2.11', 'not-a-url', ['admin at 192.0.2.11'], /^“admin at 192\.0\.2\.11”不是 URL；应为 ssh:\/\/user@host:port 或/],
    ['ssh://', 'no-host', [], /^ssh URL 中没有主机/],
    ['ssh://admin@192.0.2.11:0', 'bad-port', ['0'], /^端口 0 不是有效的 TCP 端口/],
    ['ssh://admin:Secret@192.0.2.11', 'password', [], /^连接 URL 中从不写入密码/],
    ['serial://', 'no-path', [], /^serial URL 中没有串口设备路径/],
    ['serial:///dev/ttyUSB0?baud=fast', 'bad-baud', ['fast'], /^波特率“fast”不是有效的线路速率/],
    ['serial:///dev/ttyUSB0?dataBits=9', 'bad-data-bits', [], /^dataBits（数据位）必须为 5、6、7 或 8$/],
    ['serial:///dev/ttyUSB0?parity=mark', 'bad-parity', [], /必须为 none、even 或 odd$/],
    ['serial:///dev/ttyUSB0?stopBits=3', 'bad-stop-bits', [], /必须为 1 或 2$/],
    ['serial:///dev/ttyUSB0?flowControl=dtr', 'bad-flow-control', [], /必须为 none、rtscts 或 xonxoff$/],
    ['telnet://192.0.2.11', 'bad-scheme', ['telnet:'], /^不支持的协议“telnet:”；请使用 ssh:\/\/ 或 serial:\/\/$/],
  ];

  it.each(CASES)('%s: %s, and what to write instead, in Chinese', (url, code, values, zhText) => {
    const r = refusal(url);
    expect(r.said.code).toBe(`error.connect-url.${code}`);
    expect(saidMessage(r.said, r.message, values)).toMatch(zhText);
  });

  it('covers every refusal parseConnectUrl makes', async () => {
    const { readFileSync } = await import('node:fs');
    const source = readFileSync(join(ROOT, 'src/core/model/connect.ts'), 'utf8');
    const made = [...source.matchAll(/refuse\('([a-z-]+)'/g)].map((m) => m[1]).sort();
    expect(made).toEqual(CASES.map((c) => c[1]).sort());
  });

  it('as the app shows it: the refusal, then the fix, both in Chinese', () => {
    const e = said(connectUrlError(refusal('telnet://192.0.2.11')), ['telnet:']);
    expect(e.info.code).toBe('VALIDATION');
    expect(e.message).toBe('连接 URL：不支持的协议“telnet:”；请使用 ssh:// 或 serial://');
    expect(e.fix).toBe('请使用 ssh://admin@192.0.2.11:22 或 serial:///dev/ttyUSB0?baud=auto。');
  });
});

describe('a channel wait that times out names what it waited for, in Chinese', () => {
  async function channel(greeting?: string): Promise<{ ch: Channel; transport: MockTransport }> {
    const transport = new MockTransport({ label: 'FW1', ...(greeting ? { greeting } : {}) });
    await transport.open();
    const ch = new Channel(transport, new TranscriptRecorder(new MemoryTranscriptSink()));
    // let the greeting arrive before the wait starts
    await new Promise((r) => setTimeout(r, 5));
    return { ch, transport };
  }

  const WAITS: [WaitFor, string[], RegExp][] = [
    [{ wait: 'console-login' }, [], /^Console 口登录：/],
    [{ wait: 'shell-prompt' }, [], /^Shell 提示符：/],
    [{ wait: 'prompt-after', command: 'display version' }, ['display version'], /^命令“display version”之后的提示符：/],
    [{ wait: 'prompt-after-erase', text: 'interface' }, ['interface'], /^删除“interface”后的提示符：/],
    [{ wait: 'help-for', asked: 'display ?' }, ['display ?'], /^“display \?”的在线帮助：/],
  ];

  it.each(WAITS)('%o: no complete answer, the device silent', async (awaiting, values, zhText) => {
    const { ch } = await channel();
    const e = said(await rejection(ch.wait(() => undefined, { awaiting, timeoutMs: 30 })), values);
    expect(e.info.code).toBe('TIMEOUT');
    expect(e.message).toMatch(zhText);
    expect(e.message).toMatch(/30 ms 内未收到完整应答。设备未发送任何内容。$/);
  });

  it('a quiet spell after some text quotes the device\'s last words as it wrote them', async () => {
    const { ch } = await channel('Press ENTER to get started.');
    const e = said(await rejection(ch.wait(() => undefined, { awaiting: { wait: 'console-login' }, timeoutMs: 5000, idleTimeoutMs: 30 })), ['Press ENTER to get started.']);
    expect(e.message).toBe('Console 口登录：设备 30 ms 内未发送任何内容。设备最后发送的文本：“Press ENTER to get started.”');
  });

  it('a second wait while one runs is HotPair\'s bug: said so in Chinese, the detail quoted in English', async () => {
    const { ch } = await channel();
    const first = ch.wait(() => undefined, { awaiting: { wait: 'shell-prompt' }, timeoutMs: 50 }).catch(() => undefined);
    const detail = 'channel busy: cannot wait for the prompt after "display clock" while another wait runs';
    const e = said(await rejection(ch.wait(() => undefined, { awaiting: { wait: 'prompt-after', command: 'display clock' }, timeoutMs: 50 })), [detail]);
    expect(e.info.code).toBe('INTERNAL');
    expect(e.message).toBe(`内部错误，请报告此问题：“${detail}”`);
    await first;
  });

  it('a check that throws something other than an AppError, and a reattach before the link is back', async () => {
    const { ch, transport } = await channel();
    const e = said(await rejection(ch.wait(() => { throw new RangeError('bad offset'); }, { awaiting: { wait: 'shell-prompt' }, timeoutMs: 50 })), ['RangeError: bad offset']);
    expect(e.message).toMatch(/^内部错误/);
    await transport.close();
    said(await rejection(() => ch.reattach()), ['reattach() before the transport is open again']);
  });
});

describe('mock and replay transports', () => {
  it('a dropped link, with and without the test\'s own reason', async () => {
    const m = new MockTransport({ label: 'FW1' });
    await m.open();
    const closed = closedWith(m);
    m.drop();
    expect(said(await closed, ['FW1']).message).toBe('FW1：链路已断开。');
    const m2 = new MockTransport({ label: 'FW2' });
    await m2.open();
    const closed2 = closedWith(m2);
    m2.drop('cable pulled');
    expect(said(await closed2, ['FW2', 'cable pulled']).message).toBe('FW2：连接中断（cable pulled）。');
    said(await rejection(m.open()), ['mock transport opened twice']);
    said(await rejection(m.write('x')), ['FW1']);
  });

  it('a replay fed a write its script does not have: both texts quoted as recorded and written', async () => {
    const r = new ReplayTransport([
      { t: 0, dir: 'in', text: '<FW1>' },
      { t: 1, dir: 'out', text: 'display clock\r' },
      { t: 2, dir: 'in', text: '10:00:00 UTC Mon 01/01/2024\r\n<FW1>' },
    ]);
    await r.open();
    const closed = closedWith(r);
    await r.write('display version\r');
    const e = said(await closed, ['"display clock\\r"', '"display version\\r"']);
    expect(e.info.code).toBe('DISCONNECTED');
    expect(e.message).toBe('回放在第 1 条记录处与录制内容不符：录制为 "display clock\\r"，实际写入 "display version\\r"');
  });

  it('a replay written to after its script ended', async () => {
    const r = new ReplayTransport([{ t: 0, dir: 'in', text: '<FW1>' }]);
    await r.open();
    const closed = closedWith(r);
    await r.write('quit\r');
    expect(said(await closed, ['"quit\\r"']).message).toBe('回放已结束；意外写入 "quit\\r"');
  });
});

describe('browser mode refusals and its internal error', () => {
  let server: RunningServer;
  const host = {
    invoke: () => Promise.reject(new Error('boom')),
    onEvent: () => ({ dispose() {} }),
    available: [],
    dispose: async () => {},
  } as unknown as Host;
  beforeAll(async () => {
    server = await serveHost({ host });
  });
  afterAll(() => server.close());

  const post = async (init: RequestInit & { token?: boolean } = {}): Promise<ErrorInfo> => {
    const { token = true, ...rest } = init;
    const res = await fetch(`${server.origin}/api/app.info`, {
      method: 'POST',
      ...rest,
      headers: { ...(token ? { Authorization: `Bearer ${server.token}` } : {}), 'Content-Type': 'application/json', ...(rest.headers as Record<string, string> | undefined) },
    });
    return ((await res.json()) as { error: ErrorInfo }).error;
  };

  it('each refusal and a handler that blew up, in Chinese', async () => {
    expect(said(await post({ token: false }), []).message).toBe('令牌缺失或错误。');
    said(await post({ headers: { Origin: 'http://evil.example' } }), []);
    said(await post({ method: 'PUT' }), []);
    said(await post({ headers: { 'Content-Type': 'text/plain' } }), []);
    said(await post({ body: '{' }), []);
    expect(said(await post({ body: '{}' }), []).message).toBe('内部错误，请报告此问题。');
  });
});

describe('the CLI under LANG=zh_CN.UTF-8', () => {
  function hotpair(...args: string[]): Promise<{ code: number; stderr: string }> {
    const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(LANG|LANGUAGE|LC_ALL|LC_MESSAGES)$/.test(k)));
    return new Promise((resolve) => {
      execFile(process.execPath, [join(ROOT, 'bin/hotpair.mjs'), ...args], { cwd: ROOT, env: { ...clean, LANG: 'zh_CN.UTF-8' }, timeout: 30_000 }, (err, _stdout, stderr) => {
        resolve({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stderr });
      });
    });
  }

  it('a bad --a URL is refused in Chinese, the URL as typed', async () => {
    const r = await hotpair('probe', 'resources/examples/lab.yaml', '--a', 'telnet://192.0.2.11');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('hotpair：设备 A：不支持的协议“telnet:”；请使用 ssh:// 或 serial://\n');
  }, 40_000);

  it('hotpair connect with a bad baud', async () => {
    const r = await hotpair('connect', 'serial:///dev/ttyUSB0?baud=fast');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('波特率“fast”不是有效的线路速率；请使用如 9600 或 auto');
  }, 40_000);
});
