/**
 * Time limits, the user's stop, the two-device push and its rollback said whole in the reader's
 * language. Each is produced for real (a limit that runs out, a stop, a line a device refuses, a
 * rollback that cannot reach a device, the wizard's push through the host's pair handler), then
 * formatted in zh-CN and in the pseudo-locale: what is left outside the catalogue must be only what
 * the device or the pair file holds (a line, a sysname, the device's own words), kept as written.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { abortError, sleep, throwIfAborted, withTimeout } from '../../src/core/base/abort';
import { AppError } from '../../src/core/base/errors';
import { limitEnglish, type Limit } from '../../src/core/base/limit';
import { isMessageList, type MessageParams } from '../../src/core/base/message';
import type { DeviceKey, Pair } from '../../src/core/model/pair';
import { comware7 } from '../../src/core/platforms/comware7';
import type { PlatformPack } from '../../src/core/platforms/pack';
import type { Step } from '../../src/core/provision/plan';
import { deviceFailed, display, pushSteps, runAction, type PushContext } from '../../src/core/provision/push';
import { differenceMessage, rollbackDevices, rollbackError } from '../../src/core/provision/rollback';
import type { SessionFactory } from '../../src/core/provision/types';
import { runPair } from '../../src/core/provision/workflow';
import { ApplyOutputSchema, type ApplyOutput, type HostEvent, type OpProgress } from '../../src/contract/index';
import type { DeviceManager } from '../../src/host/devices/manager';
import { pairHandlers } from '../../src/host/handlers/pair';
import type { HandlerContext } from '../../src/host/types';
import { errorText } from '../../src/i18n/core-text';
import { progressText, saidText } from '../../src/i18n/progress';
import { LabDevice } from '../../src/lab/device/index';
import { InProcessSession } from '../core/provision/in-process-session';
import { EXAMPLE_INPUTS, EXAMPLES } from '../core/render/examples';
import { memoryJournal } from '../workflows/lab-pair';
import { PUNCTUATION, en, languageChecks, pseudo, zh } from './english-left';

/** Latin words the Chinese keeps on purpose: product and format names, the vendor's loanwords, the CLI in a fix. */
const ZH_TOKENS = ['PDF', 'Console', 'hotpair', 'recover', '<journal>', '-', '+'];
const { expectChinese, expectPseudo, said, messageKeeping: saidMessage } = languageChecks({ tokens: ZH_TOKENS, separators: PUNCTUATION });

/** The values a message quotes: every string and number among its params, at any depth. */
function valuesOf(params: MessageParams | undefined): string[] {
  return Object.values(params ?? {}).flatMap((v) => (isMessageList(v) ? v.items.flatMap((m) => valuesOf(m.params)) : Array.isArray(v) ? v : [String(v)]));
}

/** A device's refusal as the real session makes it: the device's own line as a param. */
const refused = (command: string, reason: string) =>
  new AppError('COMMAND_REJECTED', `The device rejected "${command}": ${reason}`, { details: { command }, message: { key: 'error.command-rejected.device', params: { command, reason } } });

const WRONG = "% Wrong parameter found at '^' position.";
const pair = EXAMPLES['as-vrrp'] as Pair;
const meta = { runId: 'r', targets: { a: 'a', b: 'b' }, tool: 't' };
const labDevices = (pack?: PlatformPack) => ({
  a: new LabDevice({ key: 'a', sysname: pair.devices.a.sysname, ...(pack ? { pack } : {}) }),
  b: new LabDevice({ key: 'b', sysname: pair.devices.b.sysname, ...(pack ? { pack } : {}) }),
});

afterEach(() => {
  vi.useRealTimers();
});

describe('named time limits and the user’s stop', () => {
  // Every limit of the closed set, so a new one cannot go without its message.
  const ALL: { [K in Limit['limit']]: Extract<Limit, { limit: K }> } = {
    probe: { limit: 'probe' },
    connect: { limit: 'connect', device: 'a' },
    discover: { limit: 'discover', device: 'b' },
    restore: { limit: 'restore' },
    'status-poll': { limit: 'status-poll' },
    'session-statistics': { limit: 'session-statistics' },
    login: { limit: 'login' },
    'config-push': { limit: 'config-push' },
    'monitor-connect': { limit: 'monitor-connect' },
    pdf: { limit: 'pdf' },
    commit: { limit: 'commit' },
    standing: { limit: 'standing' },
    rollback: { limit: 'rollback' },
    'saved-config': { limit: 'saved-config', device: 'a' },
    'role-election': { limit: 'role-election' },
    sync: { limit: 'sync', device: 'b' },
    cable: { limit: 'cable', device: 'b' },
    'cable-login': { limit: 'cable-login' },
    'cable-discover': { limit: 'cable-discover' },
  };

  const expire = (l: Limit, ms: number): AppError => {
    const t = withTimeout(undefined, ms, l);
    vi.advanceTimersByTime(ms);
    const e = abortError(t.signal);
    t.dispose();
    return e;
  };

  it('every limit that runs out says what it bounded and for how long, with the unit in Chinese', () => {
    vi.useFakeTimers();
    for (const l of Object.values(ALL) as Limit[]) {
      const e = expire(l, 30_000);
      expect(e.code).toBe('TIMEOUT');
      expect(e.message).toBe(`${limitEnglish(l)} of 30 s expired.`);
      expect(e.details).toMatchObject({ timeout: limitEnglish(l), ms: 30_000 });
      const { message } = said(e, 'device' in l ? [l.device.toUpperCase()] : []);
      expect(message).toContain('30 秒');
    }
    expect(said(expire(ALL.login, 800), []).message).toBe('登录：已超过时限 800 毫秒。');
    expect(said(expire(ALL.connect, 1500), ['A']).message).toBe('连接设备 A：已超过时限 1.5 秒。');
  });

  it('keeps the English the journal and the drill figures already hold', () => {
    vi.useFakeTimers();
    expect(expire(ALL['status-poll'], 15_000).message).toBe('drill status poll of 15 s expired.');
    expect(expire(ALL.connect, 30_000).message).toBe('connecting to device A of 30 s expired.');
  });

  it('a real wait under a limit: the sleep ends with the limit’s TIMEOUT', async () => {
    const t = withTimeout(undefined, 20, { limit: 'cable', device: 'b' });
    const e = await sleep(5_000, t.signal).then(
      () => undefined,
      (x: unknown) => x,
    );
    t.dispose();
    expect(said(e, ['B']).message).toBe('等待 Console 线接到设备 B：已超过时限 20 毫秒。');
  });

  it('a stop by the user, through a limit, at a step boundary and from a bare signal', () => {
    const ctrl = new AbortController();
    const t = withTimeout(ctrl.signal, 60_000, { limit: 'probe' });
    ctrl.abort();
    const viaLimit = abortError(t.signal);
    t.dispose();
    let atBoundary: unknown;
    try {
      throwIfAborted(ctrl.signal);
    } catch (e) {
      atBoundary = e;
    }
    for (const e of [viaLimit, atBoundary, abortError(ctrl.signal)]) {
      expect((e as AppError).message).toBe('Cancelled by the user.');
      expect(said(e, []).message).toBe('已被用户取消。');
    }
  });
});

describe('the two-device push', () => {
  const ctx = (stopped: PushContext['stopped'] = () => undefined): PushContext => ({ journal: memoryJournal(), emit: () => undefined, signal: new AbortController().signal, stopped, applied: [], uncertain: [] });
  const step = (device: DeviceKey, line: string): Step => ({ device, stage: 'local', line, undo: [`undo ${line}`] });
  const caught = (p: Promise<unknown>): Promise<unknown> =>
    p.then(
      () => undefined,
      (e: unknown) => e,
    );

  it('a line device B refuses: where it stopped in Chinese, the line and the device’s words as they are', async () => {
    const devices = labDevices();
    const line = 'remote-ip 10.2.1.1 port 60064';
    const open: SessionFactory = async (k) => {
      const s = new InProcessSession(devices[k]);
      const exec = s.exec.bind(s);
      if (k === 'b') s.exec = async (c, o) => (c === line ? Promise.reject(refused(c, WRONG)) : exec(c, o));
      return s;
    };
    const r = await runPair({ pair, pack: comware7, open, journal: memoryJournal(), timeouts: { verifyMs: 2_000, pollMs: 200 }, meta });
    expect(r.outcome).toBe('rolled-back');
    expect(r.error?.key).toBe('error.push.line');
    expect(r.error?.message).toMatch(new RegExp(`^device B, channel line \\d+/\\d+ "${line}": The device rejected "${line}": ${WRONG.replace(/[.^]/g, '\\$&')}$`));
    const { message } = said(r.error, ['B', line, WRONG, ...valuesOf(r.error?.params).filter((v) => /^\d+$/.test(v))]);
    expect(message).toMatch(/^设备 B，阶段 1（控制通道）第 \d+\/\d+ 行“remote-ip 10\.2\.1\.1 port 60064”：设备拒绝了命令/);
  });

  it('a refusal without a message of its own: the device’s English rides along as it is', async () => {
    const s = new InProcessSession(labDevices().a);
    const e = await caught(pushSteps(s, [step('a', 'sysname FW-A'), step('a', 'frobnicate now')], 'local', ctx()));
    const inner = (e as AppError).message.replace(/^device A, local line 2\/2 "frobnicate now": /, '');
    expect(inner).not.toBe((e as AppError).message);
    expect(said(e, ['A', '2', 'frobnicate now', inner]).message).toContain('阶段 3（单台设备配置）第 2/2 行');
  });

  it('a push stopped before its next line because the other device failed', async () => {
    const s = new InProcessSession(labDevices().a);
    const cause = refused('remote-ip 10.2.1.1 port 60064', WRONG);
    const e = await caught(pushSteps(s, [step('a', 'sysname FW-A')], 'prepare', ctx(() => deviceFailed('b', cause))));
    expect((e as AppError).code).toBe('CANCELLED');
    expect((e as AppError).message).toBe(`stopped before "sysname FW-A": device B failed: ${cause.message}`);
    expect(said(e, ['sysname FW-A', 'B', 'remote-ip 10.2.1.1 port 60064', WRONG]).message).toMatch(/^在“sysname FW-A”之前停止：设备 B 失败：设备拒绝了命令/);
  });

  it('a platform pack without the display or command asked for', async () => {
    const s = new InProcessSession(labDevices().a);
    const signal = new AbortController().signal;
    expect(said(await caught(display(s, 'noSuchDisplay', signal)), [comware7.id, 'noSuchDisplay']).message).toBe(`平台包“${comware7.id}”中没有“noSuchDisplay”显示命令`);
    expect(said(await caught(runAction(s, 'noSuchCommand', signal)), [comware7.id, 'noSuchCommand']).message).toBe(`平台包“${comware7.id}”中没有“noSuchCommand”命令`);
  });

  it('verification that does not pass in time names its limit in the reader’s units', async () => {
    const devices = labDevices();
    const r = await runPair({ pair, pack: comware7, open: async (k) => new InProcessSession(devices[k]), journal: memoryJournal(), timeouts: { verifyMs: 1_000, pollMs: 200 }, meta });
    expect(r.error?.code).toBe('VERIFY_FAILED');
    expect(r.error?.message).toMatch(/^verification did not pass within 1 s: /);
    expect(errorText(zh, r.error!).message).toMatch(/^1 秒 内验证未通过：/);
  });
});

describe('a rollback that cannot finish', () => {
  const at = '2026-12-05T01:00:00.000Z';
  const noRoute = new AppError('CONNECT_FAILED', 'FW-A: cannot connect (ECONNREFUSED).', { message: { key: 'error.connect-failed.ssh', params: { label: 'FW-A', reason: 'ECONNREFUSED' } } });

  it('A cannot be reached (it reverts by itself), B has no pre-push copy: both said in Chinese', async () => {
    const devices = labDevices();
    const r = await rollbackDevices(
      {
        a: { device: 'a', undo: [['undo sysname']], revertsAt: at },
        b: { device: 'b', session: new InProcessSession(devices.b), undo: [['undo vrrp vrid 9']] },
      },
      { open: () => Promise.reject(noRoute), journal: memoryJournal(), emit: () => undefined, timeoutMs: 5_000, opened: {} },
    );
    expect(r.a.unreachable?.reasonSaid).toEqual({ code: 'error.connect-failed.ssh.message', params: { label: 'FW-A', reason: 'ECONNREFUSED' } });
    for (const k of ['a', 'b'] as const) {
      const [line] = r[k].differences;
      expect(r[k].differences).toHaveLength(1);
      saidMessage(differenceMessage(line!)!, line!, []);
    }
    const e = rollbackError(r);
    expect(e.message).toBe(`rollback incomplete: device A unreachable (${noRoute.message}); it reverts itself at ${at} (commit delay) | device B differs from before the push in 1 line: (no pre-push copy to compare with)`);
    const { message, fix } = said(e, ['A', 'B', 'FW-A', 'ECONNREFUSED', at]);
    expect(message).toBe(`回滚未完成：设备 A 无法连接（FW-A：无法连接（ECONNREFUSED）。）；设备将于 ${at} 自行恢复（配置提交延时）；设备 B 有 1 行与下发前不同：（没有下发前的副本可供比较）`);
    expect(fix).toContain('hotpair recover');
  });

  it('lines that still differ are quoted as the device has them', async () => {
    const devices = labDevices();
    const session = new InProcessSession(devices.b);
    const r = await rollbackDevices(
      { a: { device: 'a', session: new InProcessSession(devices.a), undo: [], before: '' }, b: { device: 'b', session, undo: [], before: 'sysname SOMEONE-ELSE' } },
      { open: () => Promise.reject(noRoute), journal: memoryJournal(), emit: () => undefined, timeoutMs: 5_000, opened: {} },
    );
    expect(r.b.differences.length).toBeGreaterThan(0);
    expect(r.b.differences.every((l) => differenceMessage(l) === undefined)).toBe(true);
    const first = r.b.differences.slice(0, 8).join('; ');
    const values = ['A', 'B', first, String(r.a.differences.length), String(r.b.differences.length), r.a.differences.slice(0, 8).join('; ')];
    expect(said(rollbackError(r), values).message).toContain(`设备 B 有 ${r.b.differences.length} 行与下发前不同：${first}`);
  });
});

describe('the host’s pair handler', () => {
  const text = JSON.stringify(EXAMPLE_INPUTS['as-vrrp']);
  const manager = (open: SessionFactory): DeviceManager =>
    ({ connected: () => true, facts: () => undefined, sessionFor: open, exclusive: <T>(_k: unknown, _w: unknown, f: () => Promise<T>) => f() }) as unknown as DeviceManager;
  const context = (steps: OpProgress[] = []): HandlerContext => ({ signal: new AbortController().signal, opId: 'op-i18n', progress: (p) => void steps.push({ opId: 'op-i18n', channel: 'pair.apply', state: 'running', ...p }), emit: () => undefined });

  it('pair.plan fails with the workflow’s own message: devices that never answer within the connect limit', async () => {
    const never: SessionFactory = (_k, s) => new Promise((_r, reject) => s.addEventListener('abort', () => reject(abortError(s)), { once: true }));
    const h = pairHandlers(manager(never), () => undefined, { timeouts: { connectMs: 50 } });
    const e = await Promise.resolve(h['pair.plan']!({ text } as never, context())).then(
      () => undefined,
      (x: unknown) => x,
    );
    expect((e as AppError).code).toBe('TIMEOUT');
    expect((e as AppError).message).toBe('connecting to device A of 50 ms expired.');
    expect(said(e, ['A']).message).toBe('连接设备 A：已超过时限 50 毫秒。');
  });

  it('pair.apply refused by the devices’ syntax check: each verdict, the wizard’s fix and the progress in Chinese', async () => {
    const other = structuredClone(comware7);
    other.commands.keepaliveInterval = { ...other.commands.keepaliveInterval!, template: 'keepalive intervl {seconds}' };
    const devices = labDevices(other);
    const events: HostEvent[] = [];
    const steps: OpProgress[] = [];
    const h = pairHandlers(manager(async (k) => new InProcessSession(devices[k])), (e) => events.push(e), { journalBase: mkdtempSync(join(tmpdir(), 'hp-limits-push-')) });
    const out = (await h['pair.apply']!({ text } as never, context(steps))) as ApplyOutput;
    expect(ApplyOutputSchema.parse(out)).toEqual(out);
    expect(out.outcome).toBe('declined');
    expect(out.probe?.status).toBe('refused');
    const probe = out.probe!;
    expect(probe.unconfirmed.length).toBeGreaterThan(0);
    expect(probe.unconfirmedSaid).toHaveLength(probe.unconfirmed.length);
    probe.unconfirmed.forEach((english, n) => {
      const m = probe.unconfirmedSaid![n]!;
      const chinese = saidMessage(m, english, valuesOf(m.params));
      expect(saidText(zh, m, english)).toBe(chinese);
    });
    expect(out.error?.key).toBe('host.probe-refused');
    const { fix } = said(out.error, valuesOf(out.error?.params));
    expect(out.error?.fix).toMatch(/Push anyway/);
    expect(fix).toContain('仍然下发');

    const checking = steps.filter((s) => s.code === 'host.status.checking-syntax');
    expect(checking.length).toBeGreaterThan(0);
    for (const s of [...checking, ...steps.filter((x) => x.code?.startsWith('stage.'))]) {
      expect(progressText(en, { text: s.step, code: s.code, params: s.params })).toBe(s.step);
      expectChinese(progressText(zh, { text: s.step, code: s.code, params: s.params }), valuesOf(s.params));
      expectPseudo(progressText(pseudo, { text: s.step, code: s.code, params: s.params }), valuesOf(s.params));
    }
  });
});
