import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { runDrillCli } from '../../src/cli/commands/drill';
import { runOpCli } from '../../src/cli/commands/op';
import { AppError, toErrorInfo } from '../../src/core/base/errors';
import { isMessageList, type MessageParams } from '../../src/core/base/message';
import { parseProbe } from '../../src/core/drill/plan';
import { unexpectedChanges } from '../../src/core/drill/figures';
import { pollBoth, standing } from '../../src/core/drill/read';
import { runDrill } from '../../src/core/drill/run';
import { figuresSaid, stepSaid } from '../../src/core/drill/run-text';
import type { PhaseFigures, StatusPoll, TimelineEntry } from '../../src/core/drill/types';
import type { DeviceKey, PairInput } from '../../src/core/model/pair';
import { comware7 } from '../../src/core/platforms/comware7';
import { awaitCheck, awaitStatuses, inconsistentError, notSeenError, opWhat, refusedError, seenCheck, statuses, unconfiguredError } from '../../src/core/provision/op-text';
import { OPS, refusalSaid } from '../../src/core/provision/ops';
import type { Session, SessionFactory } from '../../src/core/provision/types';
import type { Seen } from '../../src/core/provision/verify';
import { runPair } from '../../src/core/provision/workflow';
import { runMonitorOp, type OpStep } from '../../src/host/monitor/ops';
import type { MonitorSubject } from '../../src/host/monitor/subject';
import { errorText } from '../../src/i18n/core-text';
import { createI18n } from '../../src/i18n/create';
import { PSEUDO_ENV, setCliLanguage } from '../../src/i18n/node/cli';
import { progressText, saidText } from '../../src/i18n/progress';
import { PSEUDO_LANGUAGE, pseudoResources } from '../../src/i18n/pseudo';
import { examplePair, fast, memoryJournal, startLabPair, type LabPair } from '../workflows/lab-pair';
import { expectCoreEnglish, type Said } from './core-helpers';

/**
 * Manual operations, the monitor's operation progress and the drill's progress lines in the
 * reader's language: each sentence is produced by the real code, then formatted in zh-CN and in
 * the pseudo-locale, where only device values (statuses, commands, interface names) may be left
 * in Latin letters.
 */
const zh = createI18n('zh-CN');
const pseudo = createI18n(PSEUDO_LANGUAGE, pseudoResources());
const ROOT = join(import.meta.dirname, '../..');

/** Words the zh-CN catalogue keeps in Latin letters on purpose: device and CLI syntax, operation names, protocol names. */
const ZH_KEPT = ['display remote-backup-group status', 'hotpair op', 'hotpair pair', 'peer-active', 'peer-standby', 'reset', '--pack', 'HOST', 'PORT', 'ADDR', 'IPv6', 'RBM', 'VRRP', 'Active', 'Standby', 'sync', '<pair>', '<file>', '--probe'];

/** Params whose value only picks the words (an ICU select), so it must not show up as itself. */
const SELECTORS = new Set(['phase', 'unit']);

/** The device values of a message: its string params, sub-messages' included, selectors and "none" aside. */
function deviceValues(params: MessageParams | undefined): string[] {
  return Object.entries(params ?? {}).flatMap(([k, v]) => {
    if (isMessageList(v)) return v.items.flatMap((m) => deviceValues(m.params));
    if (SELECTORS.has(k)) return [];
    return (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string' && x !== 'none');
  });
}

/** Latin words left once the catalogue's text (pseudo brackets) and the device values are taken out. */
function bare(text: string, kept: readonly string[]): string[] {
  let s = text;
  while (/［[^［］]*］/.test(s)) s = s.replace(/［[^［］]*］/g, ' ');
  for (const k of [...kept].sort((x, y) => y.length - x.length)) s = s.split(k).join(' ');
  return s.match(/[A-Za-z]{2,}/g) ?? [];
}

/** Core's English is the English catalogue's, the code is in both catalogues, and zh-CN and pseudo leave nothing English but device values. */
function holdToCatalogue(said: Said[]): void {
  expectCoreEnglish(said);
  for (const m of said) {
    expect(m.code, m.text).toBeDefined();
    const values = deviceValues(m.params);
    const inZh = progressText(zh, m);
    expect(bare(inZh, [...values, ...ZH_KEPT]), `${m.code}: ${inZh}`).toEqual([]);
    const inPseudo = progressText(pseudo, m);
    expect(bare(inPseudo, values), `${m.code}: ${inPseudo}`).toEqual([]);
  }
}

/** An error's message and fix, held to the catalogue the same way (`<key>.message`, `<key>.fix`). */
function holdError(e: AppError): void {
  const info = toErrorInfo(e);
  expect(info.key, info.message).toBeDefined();
  const said: Said[] = [{ text: info.message, code: `${info.key}.message`, params: info.params }, ...(info.fix ? [{ text: info.fix, code: `${info.key}.fix`, params: info.params }] : [])];
  holdToCatalogue(said);
  const t = errorText(zh, info);
  expect(t.message).not.toBe(info.message);
  if (info.fix) expect(t.fix).not.toBe(info.fix);
}

const seen = (a?: string, b?: string): Record<DeviceKey, Seen> => ({ a: { vrrp: [], ...(a ? { rbm: { runningStatus: a } } : {}) } as Seen, b: { vrrp: [], ...(b ? { rbm: { runningStatus: b } } : {}) } as Seen });

describe('manual operations in the reader’s language', () => {
  it('what each operation does, what it waits for and why it fails: every sentence from the catalogue', () => {
    holdToCatalogue(OPS.map((op) => opWhat(op)).map((s) => ({ text: s.text, ...s.said })));
    const waits = [awaitCheck(), awaitStatuses({ a: 'Standby', b: 'Active' }, true), awaitStatuses({ a: 'Active', b: undefined }, false), statuses(seen('Active', 'Standby')), statuses(seen())];
    const seenChecks = [seenCheck({ result: 'Consistent', time: '2025-03-01 10:00:00', differences: [] }), seenCheck({ differences: [] })];
    holdToCatalogue([...waits, ...seenChecks].map((s) => ({ text: s.text, ...s.said })));
    const dual = examplePair('dual-active-vrrp');
    const pair = examplePair('lab');
    for (const e of [
      refusedError(refusalSaid(dual, 'switchover')!),
      refusedError(refusalSaid(pair, 'peer-standby')!),
      refusedError(refusalSaid(pair, 'reset')!),
      unconfiguredError(['a', 'b']),
      unconfiguredError(['b']),
      notSeenError(awaitStatuses({ a: 'Standby', b: 'Active' }, true), 26_000, statuses(seen('Active', 'Standby'))),
      notSeenError(awaitCheck(), 500, seenCheck({ differences: [] })),
      notSeenError(awaitCheck(), 1_500, seenCheck({ result: 'Not Performed', time: '2025-03-01 10:00:00', differences: [] })),
      inconsistentError({ result: 'Inconsistent', differences: ['+ ip route-static 0.0.0.0 0 10.1.1.254', '- undo info-center enable'] }),
      inconsistentError({ differences: [] }),
    ])
      holdError(e);
    // Device values stay as the device printed them; two devices are listed the reader's way.
    expect(errorText(zh, toErrorInfo(unconfiguredError(['a', 'b']))).message).toBe('已拒绝：设备 A和B 未配置双机热备');
    expect(errorText(zh, toErrorInfo(inconsistentError({ result: 'Inconsistent', differences: ['+ ip route-static 0.0.0.0 0 10.1.1.254'] }))).message).toBe('配置一致性检查：Inconsistent — + ip route-static 0.0.0.0 0 10.1.1.254');
  });

  describe('on the lab pair, as the monitor runs them', () => {
    let lab: LabPair | undefined;
    afterEach(async () => {
      await lab?.stop();
      lab = undefined;
    });

    it('switchover and consistency check: every progress step and what was verified carry codes; a refused one says why in Chinese', async () => {
      lab = await startLabPair(91);
      const l = lab;
      const pair = examplePair('lab', fast as (p: PairInput) => void);
      const meta = { runId: 'i18n-ops', targets: { a: 'a', b: 'b' }, tool: 'test' };
      const c = await runPair({ pair, pack: comware7, open: l.open, journal: memoryJournal(), timeouts: { verifyMs: 20_000 }, meta });
      expect(c.outcome).toBe('success');
      // The monitor's own connections are stood in for by the lab's sessions, keyed by the target's host.
      const device = (key: DeviceKey) => ({ target: { kind: 'ssh', host: key, port: 22 }, credentials: {}, sysname: pair.devices[key].sysname, addresses: [] });
      const subject = {
        name: 'lab',
        source: 'lab',
        pair,
        devices: { a: device('a'), b: device('b') },
        connector: { openWith: async (o: { target: { host: DeviceKey }; signal: AbortSignal }) => ({ session: await l.open(o.target.host, o.signal) }) },
        ask: {},
      } as unknown as MonitorSubject;
      const steps: OpStep[] = [];
      const signal = new AbortController().signal;
      const sw = await runMonitorOp(subject, 'switchover', signal, (s) => steps.push(s));
      const check = await runMonitorOp(subject, 'check', signal, (s) => steps.push(s));
      expect(steps.map((s) => s.code)).toEqual(['op.step.connecting', 'progress.op-running', 'op.step.waiting', 'op.step.connecting', 'progress.op-running', 'op.step.waiting']);
      holdToCatalogue([...steps.map((s) => ({ text: s.step, code: s.code, params: s.params })), { text: sw.verified, ...sw.verifiedSaid }, { text: check.verified, ...check.verifiedSaid }]);
      expect(saidText(zh, sw.verifiedSaid, sw.verified)).toBe('运行状态已交换：设备 A Standby，设备 B Active');
      expect(saidText(zh, check.verifiedSaid, check.verified)).toBe('配置一致性检查结果：Consistent');
      const refused = await runMonitorOp(subject, 'peer-active', signal, (s) => steps.push(s)).catch((e: AppError) => e);
      holdError(refused as AppError);
      expect(errorText(zh, toErrorInfo(refused)).message).toBe('已拒绝：peer-active 仅用于双主模式；此配对运行的是 active-standby');
    }, 120_000);
  });
});

describe('the drill’s progress lines in the reader’s language', () => {
  const phase = (over: Partial<PhaseFigures>): PhaseFigures => ({ phase: 'switchover', trigger: 'manual', from: 'a', to: 'b', triggeredAt: 0, switchoverMs: 1840, interruptionMs: 1210, failedProbes: 23, sessionsPreservedPct: 98.5, sessionsBefore: 200, sessionsAfter: 197, targets: [], ...over });

  it('the figures of each phase, measured or not, and the unexpected steps with and without a code of their own', () => {
    const figures = [phase({}), phase({ phase: 'switchback', switchoverMs: null, interruptionMs: null, failedProbes: null, sessionsPreservedPct: null })].map(figuresSaid);
    const entries: TimelineEntry[] = [
      { at: 0, text: 'typing "switchover request" on device A', code: 'drillRun.step.typing', params: { command: 'switchover request', device: 'A' } },
      { at: 1, text: 'device B: configuration consistency changed from Consistent to Inconsistent', code: 'drillRun.unexpected.consistency', params: { device: 'B', from: 'Consistent', to: 'Inconsistent' }, unexpected: true },
      { at: 2, text: 'connect ECONNRESET', unexpected: true },
    ];
    const steps = entries.map(stepSaid);
    holdToCatalogue([...figures, ...steps]);
    // The host's test and the English journal read the phase and the figure first.
    expect(figures[0]?.text).toBe('switchover: 1840 ms, interruption 1210 ms, 23 failed probes, sessions preserved 98.5 %');
    expect(progressText(zh, figures[0]!)).toBe('主备切换：1840 毫秒，业务中断 1210 毫秒，23 次探测失败，会话保持 98.5 %');
    expect(progressText(zh, figures[1]!)).toBe('回切：未观察到，业务中断未探测，会话保持未测量');
    expect(progressText(zh, steps[2]!)).toBe('意外事件：connect ECONNRESET');
  });

  it('a device that does not answer a poll in time, one whose session closed, and a connection that takes too long: every sentence coded', async () => {
    const silent = { pack: comware7, exec: (_c: string, o: { signal: AbortSignal }) => new Promise((_, reject) => o.signal.addEventListener('abort', () => reject(o.signal.reason as Error))) } as unknown as Session;
    const closed = {
      pack: comware7,
      exec: async () => {
        throw new AppError('DISCONNECTED', 'FW2: the session is closed.', { message: { key: 'error.disconnected.session-closed', params: { label: 'FW2' } } });
      },
    } as unknown as Session;
    const p = await pollBoth({ a: silent, b: closed }, false, new AbortController().signal, 1_000, Date.now);
    expect([p.a.errorSaid?.code, p.b.errorSaid?.code]).toEqual(['drillRun.poll-timeout', 'error.disconnected.session-closed.message']);
    const base: StatusPoll = { start: 0, end: 0, a: { vrrp: [], runningStatus: 'Active' }, b: { vrrp: [], runningStatus: 'Standby' } };
    holdToCatalogue([standing('a', p.a), standing('b', p.b), ...unexpectedChanges(base, p, 1)]);
    expect(saidText(zh, standing('a', p.a), '')).toBe('设备 A：不可达（1 秒内无应答）');

    const never: SessionFactory = (_k, signal) => new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason as Error)));
    const r = await runDrill({
      pair: examplePair('lab'),
      kind: { kind: 'switchover' },
      probes: [],
      open: never,
      prober: { start: () => ({ samples: () => [], stop: async () => [] }) },
      signal: new AbortController().signal,
      management: { a: undefined, b: undefined },
      meta: { runId: 'i18n-limit', targets: { a: 'a', b: 'b' }, tool: 'test' },
      timeouts: { connectMs: 1_000 },
    });
    const sentences: Said[] = [{ text: r.message, ...r.said }, ...r.timeline.map(stepSaid)];
    holdToCatalogue(sentences);
    expect(saidText(zh, r.said, r.message)).toMatch(/^在做任何改动之前停止：连接设备 [AB] 超过 1 秒仍未完成$/);
  });

  it('a probe target that does not parse: the app’s error and the CLI’s usage line', () => {
    const r = parseProbe('10.1.1.3');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    holdToCatalogue([{ text: r.message, ...r.said }]);
  });
});

describe('hotpair op and hotpair drill refusals in the pseudo-locale', () => {
  const saved = process.env[PSEUDO_ENV];
  beforeAll(() => {
    process.env[PSEUDO_ENV] = '1';
    setCliLanguage('pseudo');
  });
  afterAll(() => {
    if (saved === undefined) delete process.env[PSEUDO_ENV];
    else process.env[PSEUDO_ENV] = saved;
    setCliLanguage('en');
  });

  it('says every refusal from the catalogue; what is left is the operation, the mode and the value typed', async () => {
    const lab = join(ROOT, 'resources/examples/lab.yaml');
    const dual = join(ROOT, 'resources/examples/dual-active-vrrp.yaml');
    let said = '';
    const io = { out: (s: string) => void (said += s), err: (s: string) => void (said += s) };
    vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((said += String(s)), true));
    vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((said += String(s)), true));
    try {
      expect(await runOpCli(dual, 'switchover', { yes: true })).toBe(1);
      expect(await runOpCli(lab, 'peer-active', { yes: true })).toBe(1);
      expect(await runOpCli(lab, 'reset', { yes: true })).toBe(1);
      expect(await runDrillCli(dual, { yes: true }, io)).toBe(1);
      expect(await runDrillCli(lab, { yes: true, probe: ['10.1.1.3'] }, io)).toBe(2);
    } finally {
      vi.restoreAllMocks();
    }
    expect(said.split('\n').filter(Boolean)).toHaveLength(5);
    const data = ['peer-active', 'active-standby', 'remote-backup-group', 'commands.opReset', '10.1.1.3', '--pack', /"[^"]*"/];
    let rest = said;
    while (/［[^［］]*］/.test(rest)) rest = rest.replace(/［[^［］]*］/g, ' ');
    for (const d of data) rest = typeof d === 'string' ? rest.split(d).join(' ') : rest.replace(new RegExp(d.source, 'g'), ' ');
    expect(rest.match(/[A-Za-z]{2,}/g) ?? []).toEqual([]);
  });
});
