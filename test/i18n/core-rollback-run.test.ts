/**
 * The run's and the rollback's last English, said in the reader's language: the stop a device's
 * failure puts on the other device's push, where each device stands after a rollback (a device
 * that cannot be reached, one without a pre-push copy, a second pass that fails or meets a line
 * with no undo form), and a failed operation's last step through the host. Each is produced for
 * real, then formatted in zh-CN and in the pseudo-locale: what is left outside the catalogue must
 * be only what the device holds (a line, a label, the device's own words), kept as written.
 */
import { describe, expect, it, vi } from 'vitest';
import { AppError, toErrorInfo } from '../../src/core/base/errors';
import type { Translator } from '../../src/core/base/message';
import type { Pair } from '../../src/core/model/pair';
import { comware7 } from '../../src/core/platforms/comware7';
import { formatRollback } from '../../src/core/provision/format';
import { rollbackDevices } from '../../src/core/provision/rollback';
import { NO_COPY, NOT_COMPARED, rollbackErrorMessage } from '../../src/core/provision/rollback-text';
import type { DeviceRollback, SessionFactory } from '../../src/core/provision/types';
import { runPair } from '../../src/core/provision/workflow';
import type { HostEvent, OpProgress } from '../../src/contract/index';
import { createHost } from '../../src/host/index';
import { coreTranslator } from '../../src/i18n/core';
import { errorText } from '../../src/i18n/core-text';
import { createI18n } from '../../src/i18n/create';
import { progressText } from '../../src/i18n/progress';
import { PSEUDO_LANGUAGE, pseudoResources } from '../../src/i18n/pseudo';
import { LabDevice } from '../../src/lab/device/index';
import { InProcessSession } from '../core/provision/in-process-session';
import { EXAMPLES } from '../core/render/examples';
import { fakeLab, tmpWorld } from '../host/fixtures';
import { memoryJournal } from '../workflows/lab-pair';

// What each push stopped with: the workflow keeps only the cause, so the stopped device's error is caught on its way out.
const seen = vi.hoisted(() => ({ pushErrors: [] as unknown[] }));
vi.mock('../../src/core/provision/push', async (original) => {
  const m = await original<typeof import('../../src/core/provision/push')>();
  return {
    ...m,
    pushSteps: async (...args: Parameters<typeof m.pushSteps>) => {
      try {
        await m.pushSteps(...args);
      } catch (e) {
        seen.pushErrors.push(e);
        throw e;
      }
    },
  };
});

const en = createI18n('en');
const zh = createI18n('zh-CN');
const pseudo = createI18n(PSEUDO_LANGUAGE, pseudoResources());
const CJK = /[\u4e00-\u9fff]/;
/** Latin words the Chinese keeps on purpose: the vendor's loanword for the console line. */
const ZH_TOKENS = new Set(['Console']);

const strip = (text: string, values: readonly string[]) => [...values].sort((x, y) => y.length - x.length).reduce((s, v) => (v === '' ? s : s.split(v).join(' ')), text);

function expectChinese(text: string, values: readonly string[]): void {
  expect(text).toMatch(CJK);
  for (const v of values) expect(text).toContain(v);
  const words = strip(text, values)
    .split(/[\s，。；：、“”（）()"—]+/)
    .filter((w) => /[A-Za-z]/.test(w) && !ZH_TOKENS.has(w));
  expect(words, text).toEqual([]);
}

/** Nothing outside the catalogue's ［…］ but the values, kept as written. */
function expectPseudo(text: string, values: readonly string[]): void {
  for (const v of values) expect(text).toContain(v);
  let s = strip(text, values);
  while (/［[^［］]*］/.test(s)) s = s.replace(/［[^［］]*］/g, ' ');
  expect(
    s.split(/\s+/).filter((w) => /[A-Za-z]/.test(w)),
    text,
  ).toEqual([]);
}

const translators: Record<'en' | 'zh' | 'pseudo', Translator> = { en: coreTranslator(en), zh: coreTranslator(zh), pseudo: coreTranslator(pseudo) };

const pair = EXAMPLES['as-vrrp'] as Pair;
const meta = { runId: 'r', targets: { a: 'a', b: 'b' }, tool: 't' };
const labDevices = () => ({ a: new LabDevice({ key: 'a', sysname: pair.devices.a.sysname }), b: new LabDevice({ key: 'b', sysname: pair.devices.b.sysname }) });
const WRONG = "% Wrong parameter found at '^' position.";
/** A device's refusal as the real session makes it: the device's line and words as params. */
const refused = (command: string) => new AppError('COMMAND_REJECTED', `The device rejected "${command}": ${WRONG}`, { details: { command }, message: { key: 'error.command-rejected.device', params: { command, reason: WRONG } } });
/** The channel's own error for a session that closed under it. */
const closed = (label: string) => new AppError('DISCONNECTED', `${label}: the session is closed.`, { message: { key: 'error.disconnected.session-closed', params: { label } } });
const noRoute = new AppError('CONNECT_FAILED', 'FW-A: cannot connect (ECONNREFUSED).', { message: { key: 'error.connect-failed.ssh', params: { label: 'FW-A', reason: 'ECONNREFUSED' } } });
const options = (open: SessionFactory = () => Promise.reject(noRoute)) => ({ open, journal: memoryJournal(), emit: () => undefined, timeoutMs: 5_000, opened: {} });

describe('a run where one device fails during the push', () => {
  it('the other device is stopped before its next line, and says why in the reader’s language', async () => {
    seen.pushErrors.length = 0;
    const devices = labDevices();
    const line = 'ip address 10.1.1.2 255.255.255.0';
    const open: SessionFactory = async (k) => {
      const s = new InProcessSession(devices[k]);
      const exec = s.exec.bind(s);
      // B refuses a line of the stage both devices push at once; A types slowly enough to be stopped.
      if (k === 'b') s.exec = async (c, o) => (c === line ? Promise.reject(refused(c)) : exec(c, o));
      else s.exec = async (c, o) => (c.startsWith('description') ? new Promise((r) => setTimeout(r, 30)).then(() => exec(c, o)) : exec(c, o));
      return s;
    };
    const r = await runPair({ pair, pack: comware7, open, journal: memoryJournal(), timeouts: { verifyMs: 2_000, pollMs: 200 }, meta });
    expect(r.outcome).toBe('rolled-back');
    expect(r.error?.key).toBe('error.push.line');

    const stop = seen.pushErrors.find((e) => e instanceof AppError && e.details?.stopped === true) as AppError;
    expect(stop).toBeDefined();
    const info = toErrorInfo(stop);
    expect(info.key).toBe('error.push.stopped');
    const stoppedAt = String(info.params?.line);
    expect(stop.message).toBe(`stopped before "${stoppedAt}": device B failed: ${r.error?.message}`);
    expect(errorText(en, info).message).toBe(stop.message);
    const values = [stoppedAt, 'B', line, WRONG, ...(r.error?.message.match(/\d+\/\d+/) ?? [])];
    const chinese = errorText(zh, info).message;
    expectChinese(chinese, values);
    expect(chinese).toMatch(/^在“.+”之前停止：设备 B 失败：设备 B，阶段 3（单台设备配置）第 \d+\/\d+ 行“ip address 10\.1\.1\.2 255\.255\.255\.0”：设备拒绝了命令/);
    expectPseudo(errorText(pseudo, info).message, values);
  });
});

describe('where each device stands after a rollback', () => {
  const at = '2026-12-05T01:00:00.000Z';

  it('A cannot be reached (it reverts by itself), B has no pre-push copy: the CLI’s report without English', async () => {
    const r = await rollbackDevices(
      { a: { device: 'a', undo: [['undo sysname']], revertsAt: at }, b: { device: 'b', session: new InProcessSession(labDevices().b), undo: [['undo vrrp vrid 9']] } },
      options(),
    );
    expect(r.a.differences).toEqual([NOT_COMPARED]);
    expect(r.b.differences).toEqual([NO_COPY]);
    const english = formatRollback(r);
    expect(formatRollback(r, translators.en)).toBe(english);
    expect(english).toContain(`Device A: NOT rolled back — ${noRoute.message}; it reverts itself at ${at} (configuration commit delay)`);
    // Unreachable, it is not compared: the report says why rather than listing the placeholder.
    expect(english).not.toContain(NOT_COMPARED);
    expect(english).toContain(`    ${NO_COPY}\n`);
    const values = ['A', 'B', 'FW-A', 'ECONNREFUSED', at, ...r.b.errors];
    const chinese = formatRollback(r, translators.zh);
    for (const l of chinese.trim().split('\n')) expectChinese(l, values.filter((v) => l.includes(v)));
    expect(chinese).toContain(`设备 A：未回滚 — FW-A：无法连接（ECONNREFUSED）。；设备将于 ${at} 自行恢复`);
    expect(chinese).toContain('（没有下发前的副本可供比较）');
    expectPseudo(formatRollback(r, translators.pseudo), values.filter((v) => english.includes(v)));
  });

  it('a second pass that fails, and lines no undo form is known for: HotPair’s notes said, the device’s lines as they are', async () => {
    const devices = labDevices();
    // B's running configuration is far from this copy: the second pass has lines to type back, and some it cannot undo.
    const before = 'sysname SOMEONE-ELSE';
    const quiet = new InProcessSession(devices.a);
    const failing = new InProcessSession(devices.b);
    const exec = failing.exec.bind(failing);
    failing.exec = async (c, o) => (c === before ? Promise.reject(closed(pair.devices.b.sysname)) : exec(c, o));
    const r = await rollbackDevices({ a: { device: 'a', session: quiet, undo: [], before }, b: { device: 'b', session: failing, undo: [], before } }, options());

    const notes = (d: DeviceRollback) => [...d.errors.keys()].filter((i) => rollbackErrorMessage(d, i) !== undefined);
    const secondPass = r.b.errors.findIndex((e) => e.startsWith('second pass: '));
    expect(r.b.errors[secondPass]).toBe(`second pass: ${pair.devices.b.sysname}: the session is closed.`);
    expect(rollbackErrorMessage(r.b, secondPass)?.code).toBe('rollback.error.second-pass');
    const noUndo = r.a.errors.findIndex((e) => e.startsWith('no undo form known for: '));
    expect(noUndo).toBeGreaterThanOrEqual(0);
    expect(rollbackErrorMessage(r.a, noUndo)?.code).toBe('rollback.error.no-undo-form');
    // The device's refusals are not HotPair's notes: each stays the device's line and words.
    for (const d of [r.a, r.b]) expect(notes(d).every((i) => i === secondPass || i === noUndo)).toBe(true);

    const english = formatRollback(r);
    expect(formatRollback(r, translators.en)).toBe(english);
    expect(english).toContain(`    ${r.b.errors[secondPass]}\n`);
    expect(english).toContain(`    ${r.a.errors[noUndo]}\n`);
    const unknown = r.a.errors[noUndo]!.slice('no undo form known for: '.length);
    const lines = [...r.a.differences, ...r.b.differences, ...r.a.errors.filter((_, i) => i !== noUndo), ...r.b.errors.filter((_, i) => i !== secondPass)];
    const values = ['A', 'B', pair.devices.b.sysname, unknown, ...lines, ...[r.a, r.b].flatMap((d) => [String(d.typed), String(d.differences.length)])];
    const chinese = formatRollback(r, translators.zh);
    expect(chinese).toContain(`    第二轮恢复出错：${pair.devices.b.sysname}：会话已关闭。\n`);
    expect(chinese).toContain(`以下配置行没有已知的撤销形式：${unknown}`);
    for (const l of chinese.split('\n').filter((x) => x.trim() !== '' && !lines.includes(x.trim()))) expectChinese(l, values.filter((v) => l.includes(v)));
    expectPseudo(formatRollback(r, translators.pseudo), [pair.devices.b.sysname, unknown, ...lines]);
    // Across the contract the notes arrive as English only: known again by their opening words.
    const crossed = { errors: r.b.errors };
    expect(rollbackErrorMessage(crossed, secondPass)).toEqual({ code: 'rollback.error.second-pass', params: { error: `${pair.devices.b.sysname}: the session is closed.` } });
  });
});

describe('a failed operation through the host', () => {
  const steps = (events: HostEvent[]) => events.flatMap((e) => (e.event === 'op.progress' && e.payload.state !== 'running' ? [e.payload as OpProgress] : []));
  const said = (p: OpProgress, values: readonly string[]) => {
    const m = { text: p.step, code: p.code, params: p.params };
    expect(p.code).toBeDefined();
    expect(progressText(en, m)).toBe(p.step);
    expectChinese(progressText(zh, m), values);
    expectPseudo(progressText(pseudo, m), values);
    return progressText(zh, m);
  };

  it('the failed step carries the error’s message, and a cancelled one the cancel’s', async () => {
    const w = tmpWorld();
    const failing = createHost({ version: '1', mode: 'browser', examplesDir: w.examples, settingsFile: w.settingsFile, lab: fakeLab({ fail: noRoute }).adapter });
    const events: HostEvent[] = [];
    failing.onEvent((e) => events.push(e));
    expect(await failing.invoke('lab.start', { opId: 'op-fail-0001' })).toMatchObject({ ok: false, error: { code: 'CONNECT_FAILED' } });
    const [failed] = steps(events);
    expect(failed).toMatchObject({ state: 'failed', step: noRoute.message, code: 'error.connect-failed.ssh.message' });
    expect(said(failed!, ['FW-A', 'ECONNREFUSED'])).toBe('FW-A：无法连接（ECONNREFUSED）。');

    const lab = fakeLab();
    const host = createHost({ version: '1', mode: 'browser', examplesDir: w.examples, settingsFile: w.settingsFile, lab: lab.adapter });
    const more: HostEvent[] = [];
    host.onEvent((e) => more.push(e));
    const started = host.invoke('lab.start', { opId: 'op-cancel-01' });
    await new Promise((r) => setTimeout(r, 10));
    await host.invoke('ops.cancel', { opId: 'op-cancel-01' });
    await started;
    const [cancelled] = steps(more);
    expect(cancelled).toMatchObject({ state: 'cancelled', step: 'Cancelled by the user.' });
    said(cancelled!, []);
    await Promise.all([failing.dispose(), host.dispose()]);
  });
});
