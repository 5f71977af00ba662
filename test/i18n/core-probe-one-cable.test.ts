/**
 * The syntax probe's verdicts and the one-cable flow's steps, outcomes and errors in the reader's
 * language: each carries a code whose English catalogue says exactly core's English, and formatted
 * in Chinese or the pseudo-locale nothing is left in English but device text (lines, keywords,
 * what the device printed, names, addresses). A sentence written around the catalogue shows up
 * here by its words.
 */
import type { i18n } from 'i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError, toErrorInfo, type ErrorInfo } from '../../src/core/base/errors';
import type { Message } from '../../src/core/base/message';
import { comware7 } from '../../src/core/platforms/comware7';
import type { PlatformPack } from '../../src/core/platforms/pack';
import { formatDeviceProbe } from '../../src/core/probe/format';
import type { ProbeItem } from '../../src/core/probe/lines';
import { describeVerdict, unconfirmedError, verdictMessage } from '../../src/core/probe/pair';
import { probeDevice } from '../../src/core/probe/runner';
import { unconfirmed, type DeviceProbe } from '../../src/core/probe/types';
import { checkAlone } from '../../src/core/provision/one-cable/part';
import { probePart } from '../../src/core/provision/one-cable/probe';
import type { OneCableEvent, OneCableResult } from '../../src/core/provision/one-cable/types';
import { runOneCable } from '../../src/core/provision/one-cable/workflow';
import type { Session } from '../../src/core/provision/types';
import { runFailed } from '../../src/host/handlers/one-cable';
import { coreTranslator } from '../../src/i18n/core';
import { errorText, verifyFailureText } from '../../src/i18n/core-text';
import { createI18n } from '../../src/i18n/create';
import { progressText } from '../../src/i18n/progress';
import { PSEUDO_LANGUAGE, pseudoResources } from '../../src/i18n/pseudo';
import { helpCliSession } from '../core/probe/help-cli-session';
import { examplePair, fast, memoryJournal } from '../workflows/lab-pair';
import { startCableLab, type CableLab } from '../workflows/one-cable-lab';
import { checkingTranslator, expectCoreEnglish, type Said } from './core-helpers';

const en = createI18n('en');
const zh = createI18n('zh-CN');
const pseudo = createI18n(PSEUDO_LANGUAGE, pseudoResources());

/**
 * What is left of `text` once the pseudo-locale's brackets (innermost first) and the device text
 * are taken out: the words with letters, which must be none. `A` and `B` name the devices.
 */
function bare(text: string, device: readonly string[]): string[] {
  let s = text;
  while (/［[^［］]*］/.test(s)) s = s.replace(/［[^［］]*］/g, ' ');
  for (const d of [...device].sort((x, y) => y.length - x.length)) s = s.split(d).join(' ');
  return (s.match(/[A-Za-z][A-Za-z'-]*/g) ?? []).filter((w) => w !== 'A' && w !== 'B');
}

/** Terms the zh-CN catalogue writes in Latin letters on purpose: product and vendor words, acronyms, command names. */
const LATIN_TERMS = ['HotPair', 'Console', 'SFTP', 'MAC', 'VRRP', 'IP', 'hotpair recover', '<journal>', 'sysname'];

/** Every coded message: in both catalogues, said in English exactly as core says it, and neither Chinese nor pseudo leaves English but device text. */
function holdToCatalogue(said: readonly Said[], device: readonly string[]): void {
  expectCoreEnglish(said);
  for (const m of said) {
    expect(m.code, m.text).toBeDefined();
    expect(bare(progressText(zh, m), [...device, ...LATIN_TERMS]), progressText(zh, m)).toEqual([]);
    expect(bare(progressText(pseudo, m), device), progressText(pseudo, m)).toEqual([]);
  }
}

/** An error as each reader sees it: the English catalogue says its English; Chinese and pseudo keep only device text. */
function holdError(e: ErrorInfo, device: readonly string[]): void {
  expect(e.key, e.message).toBeDefined();
  const said = errorText(en, e);
  expect(said.message).toBe(e.message);
  if (e.fix !== undefined) expect(said.fix).toBe(e.fix);
  for (const [i, allowed] of [
    [zh, [...device, ...LATIN_TERMS]],
    [pseudo, device],
  ] as [i18n, string[]][]) {
    const t = errorText(i, e);
    expect(bare(t.message, allowed), t.message).toEqual([]);
    // A fix names commands and flags as they are typed: quoted in backticks, or these.
    const commands = ['hotpair probe PAIR --write-pack FILE', '--pack FILE', '--force-unconfirmed "reason"'];
    if (t.fix !== undefined) expect(bare(t.fix.replace(/`[^`]*`/g, ' '), [...allowed, ...commands]), t.fix).toEqual([]);
  }
}

const GRAMMAR = {
  system: ['remote-backup group', 'interface INTERFACE', 'vlan INTEGER<1-4094>'],
  rbm: ['device-role primary', 'local-ip X.X.X.X', 'keepalive interval INTEGER<1-10>', 'keepalive count INTEGER<3-20>', 'quit'],
  interface: ['ip address X.X.X.X X.X.X.X', 'quit'],
};

const fakeDevice = () => helpCliSession({ grammar: GRAMMAR });

const rbm = (line: string, kind: ProbeItem['kind'] = 'command'): ProbeItem => ({ line, view: 'remote-backup group', kind });

describe('the probe’s verdicts in the reader’s language', () => {
  it('a view the device would not enter, a line it does not know, a rejected keyword: every verdict and the refusal say it without English', async () => {
    const { session } = await fakeDevice();
    const items: ProbeItem[] = [
      // Confirmed by "?", but typing it opens no view: the device refused to enter it.
      { line: 'vlan 10', view: 'system', kind: 'enter' },
      { line: 'name inside', view: 'vlan 10', kind: 'command' },
      { line: 'quit', view: 'vlan 10', kind: 'exit' },
      // Not known at all: its lines are not asked.
      { line: 'security-zone name Trust', view: 'system', kind: 'enter' },
      { line: 'import interface GigabitEthernet1/0/1', view: 'security-zone name Trust', kind: 'command' },
      { line: 'quit', view: 'security-zone name Trust', kind: 'exit' },
      { line: 'remote-backup group', view: 'system', kind: 'enter', creates: 'undo remote-backup group' },
      rbm('keepalive intervl 1'),
      rbm('keepalive interval 99'),
      rbm('keepalive count'),
      rbm('description what?'),
      rbm('quit', 'exit'),
    ];
    const r = await probeDevice({ device: 'a', session, items, signal: new AbortController().signal });
    await session.close();
    expect(r.lines.map((l) => l.status)).toEqual(['unknown', 'unknown', 'unknown', 'unknown', 'unknown', 'unknown', 'confirmed', 'unknown', 'unknown', 'incomplete', 'unknown', 'confirmed']);
    expect(r.lines[0]).toMatchObject({ message: expect.stringMatching(/^the device refused to enter the view: "vlan 10" did not open a view/), messageSaid: { code: 'probe.view.refused' } });
    expect(r.lines[1]).toMatchObject({ messageSaid: { code: 'probe.not-asked.blocked' } });
    expect(r.lines[4]).toMatchObject({ message: 'not asked: the device did not confirm "security-zone name Trust"', messageSaid: { code: 'probe.not-asked.blocked' } });
    expect(r.lines[10]).toMatchObject({ messageSaid: { code: 'probe.not-asked.question' } });
    // What the device printed stays its own: no message of ours beside it.
    expect(r.lines[3]).toMatchObject({ message: expect.stringMatching(/^% Unrecognized command/), keyword: 'security-zone' });
    expect(r.lines[3]!.messageSaid).toBeUndefined();

    // Device text: every line and view, what the device printed or offered, its prompt.
    const device = [
      ...items.flatMap((i) => [i.line, i.view]),
      ...r.lines.flatMap((l) => [...(l.messageSaid ? [] : [l.message ?? '']), ...(l.offered ?? []), l.keyword ?? '']).filter(Boolean),
      '[FW1]',
      'FW1',
      'system',
    ];
    const report: DeviceProbe = r;
    const { tr, missing, drift } = checkingTranslator();
    formatDeviceProbe('a', 'FW1', report, tr);
    const bad = unconfirmed({ a: r });
    for (const u of bad) tr.text(verdictMessage(u.device, u.verdict).code, verdictMessage(u.device, u.verdict).params, describeVerdict(u.device, u.verdict));
    expect([...missing]).toEqual([]);
    expect(drift).toEqual([]);

    // The CLI's report, in Chinese and in the pseudo-locale.
    expect(bare(formatDeviceProbe('a', 'FW1', report, coreTranslator(zh)), device)).toEqual([]);
    expect(bare(formatDeviceProbe('a', 'FW1', report, coreTranslator(pseudo)), device)).toEqual([]);
    const zhReport = formatDeviceProbe('a', 'FW1', report, coreTranslator(zh));
    expect(zhReport).toContain('设备拒绝进入该视图：“vlan 10”');
    expect(zhReport).toContain('未询问：设备未确认“security-zone name Trust”');
    // Each line not confirmed as the journal names it, and the refusal that stops the push.
    for (const u of bad) {
      const m = verdictMessage(u.device, u.verdict);
      for (const i of [zh, pseudo]) expect(bare(coreTranslator(i).text(m.code, m.params, ''), device)).toEqual([]);
    }
    holdError(unconfirmedError(bad).toInfo(), device);
    holdError(unconfirmedError(bad, 'a').toInfo(), device);
    expect(errorText(zh, unconfirmedError(bad, 'a').toInfo()).message).toMatch(/^10 行计划命令未得到设备 A 确认；不再下发任何配置。第一行：设备 A \[system\]“vlan 10”：无法识别（设备拒绝进入该视图：/);
    // The probe's lines in the app: the badge's words come through the same messages.
    const keyword = r.lines[8]!;
    expect(progressText(zh, { text: keyword.reason as string, code: keyword.reasonSaid?.code, params: keyword.reasonSaid?.params })).toBe('99 不符合 INTEGER<1-10>');
  });

  it('a session that cannot ask for help is refused in the reader’s language', async () => {
    const session = { pack: comware7 } as unknown as Session;
    const e = await probeDevice({ device: 'b', session, items: [], signal: new AbortController().signal }).catch((x: unknown) => x);
    holdError(toErrorInfo(e), []);
  });
});

describe('the one-cable flow in the reader’s language', () => {
  let lab: CableLab | undefined;
  afterEach(async () => {
    await lab?.stop();
    lab = undefined;
  });

  const pair = examplePair('lab', fast);
  const said = (events: OneCableEvent[]): Said[] => events.flatMap((e) => (e.kind === 'message' || e.kind === 'step' ? [e] : []));
  /** Device text of a run: the planned lines, what each device told of itself, the console, the pair's values. */
  function deviceText(events: OneCableEvent[], l: CableLab, journal: ReturnType<typeof memoryJournal>): string[] {
    const plans = events.flatMap((e) => (e.kind === 'device-plan' ? [...e.plan.add, ...e.plan.remove] : []));
    const facts = journal.records.flatMap((x) => (x.type === 'answered' ? [x.sysname, x.serialNumber, x.mac] : [])).filter((x): x is string => typeof x === 'string');
    const values = (['a', 'b'] as const).flatMap((k) => [pair.devices[k].sysname, pair.devices[k].controlChannel.localIp, pair.devices[k].role ?? '']);
    // What verification expected and saw are the device's own values (Up, Master, Consistent), as are interface names.
    const seen = events.flatMap((e) => (e.kind === 'verify' ? e.failures.flatMap((f) => [f.expected, f.seen]) : []));
    const interfaces = pair.vrrp.map((v) => v.interface);
    // Commands the flow names (the saved configuration read another way) are device text too.
    return [...plans, ...facts, ...values, ...seen, ...interfaces, l.port, pair.name, 'display saved-configuration', 'primary', 'secondary', 'Disconnected', 'Connected', 'Initial', 'Active', 'Standby'].filter(Boolean);
  }
  function run(l: CableLab, events: OneCableEvent[], journal: ReturnType<typeof memoryJournal>, extra: Partial<Parameters<typeof runOneCable>[0]> = {}, pack: PlatformPack = comware7): Promise<OneCableResult> {
    return runOneCable({
      pair,
      pack,
      open: l.open,
      waitForCable: l.waitForCable,
      journal,
      emit: (e) => {
        events.push(e);
        if (e.kind === 'step' && e.step === 'move-cable') void l.lab.cable(e.to as 'a' | 'b', 300);
      },
      timeouts: { verifyMs: 6_000, cableMs: 20_000 },
      meta: { runId: 'i18n-probe-1c', target: `serial://${l.port}?baud=9600`, tool: 'test' },
      ...extra,
    });
  }

  it('A’s lines not confirmed: the run stops on A, its last step names the outcome and the refusal in the reader’s language', async () => {
    lab = await startCableLab(223);
    // This release would say `keepalive period`, which the device does not know.
    const dialect = structuredClone(comware7);
    dialect.commands.keepaliveInterval = { ...dialect.commands.keepaliveInterval!, template: 'keepalive period {seconds}' };
    const events: OneCableEvent[] = [];
    const journal = memoryJournal();
    const r = await run(lab, events, journal, { probe: probePart({}) }, dialect);
    expect(r.outcome).toBe('declined');
    expect(r.error?.code).toBe('COMMAND_REJECTED');
    const done = events.at(-1) as Said;
    expect(done).toMatchObject({ kind: 'step', step: 'done', code: 'oneCable.outcome.ended', text: `declined: ${r.error?.message}` });
    const device = [...deviceText(events, lab, journal), 'keepalive period 1', 'keepalive', 'period', 'count', 'interval', 'remote-backup group', "% Unrecognized command found at '^' position."];
    holdToCatalogue(said(events), device);
    holdError(r.error as ErrorInfo, device);
    expect(progressText(zh, done)).toMatch(/^未执行：1 行计划命令未得到设备 A 确认；不再下发任何配置。第一行：设备 A \[remote-backup group\]“keepalive period 1”：无法识别，第 2 个词“period”/);
  }, 60_000);

  it('B fails and A’s part is kept: every step, message, outcome and error is said without English', async () => {
    lab = await startCableLab(224);
    await lab.lab.inject('a', 'cut-control-channel'); // the channel never comes up: verification from B cannot pass
    const events: OneCableEvent[] = [];
    const journal = memoryJournal();
    const r = await run(lab, events, journal, { probe: probePart({}), undoA: async () => false });
    expect(r.outcome).toBe('rollback-incomplete');
    expect(r.error?.code).toBe('VERIFY_FAILED');
    expect(events.flatMap((e) => (e.kind === 'step' ? [e.step] : []))).toEqual(['on-a', 'on-b', 'move-cable', 'undo-b', 'left-on-a', 'done']);
    const done = events.at(-1) as Said;
    expect(done).toMatchObject({ code: 'oneCable.outcome.kept-a' });
    // The time limit inside the verification's own error is formatted by verify.ts, in its English unit.
    const device = [...deviceText(events, lab, journal), '6 s'];
    holdToCatalogue(said(events), device);
    holdError(r.error as ErrorInfo, [...device, ...(r.verifyFailures ?? []).flatMap((f) => [f.expected, f.seen])]);
    for (const f of r.verifyFailures ?? []) for (const i of [zh, pseudo]) expect(bare(verifyFailureText(i, f), [...device, f.expected, f.seen, ...LATIN_TERMS])).toEqual([]);
    expect(progressText(zh, done)).toMatch(/^回滚未完成：.+；设备 A 保留其部分（\d+ 行）：把 Console 线接到 A 后，hotpair recover <journal> 可将其撤销$/);
  }, 90_000);
});

describe('one-cable errors built from parts', () => {
  const pair = examplePair('lab');
  const seen = (output: string) => ({ pack: comware7, exec: async () => ({ output, prompt: '<FW1>', command: '' }) }) as unknown as Session;
  const device = ['10.2.1.1', '10.9.9.9', 'active-standby', 'dual-active', 'primary', 'secondary', 'display remote-backup-group status'];

  it('device A alone, not as the file says: each thing named in the reader’s language, the values as the device shows them', async () => {
    const status = ['Local remote backup group information:', '  Backup mode: Dual-active', '  Device management role: Secondary', '  Local IP: 10.9.9.9', '  Control channel status: Disconnected'].join('\n');
    for (const output of [status, '']) {
      const e = await checkAlone(pair, 'a', seen(output), memoryJournal(), new AbortController().signal).catch((x: unknown) => x);
      const info = toErrorInfo(e);
      expect(info.code).toBe('VERIFY_FAILED');
      holdError(info, device);
      const failures = (info.details?.failures ?? []) as Parameters<typeof verifyFailureText>[1][];
      expect(failures.length).toBeGreaterThan(0);
      for (const f of failures) {
        expect(f.code).toBeDefined();
        expect(bare(verifyFailureText(zh, f), [...device, ...LATIN_TERMS])).toEqual([]);
      }
    }
    const e = await checkAlone(pair, 'a', seen(status), memoryJournal(), new AbortController().signal).catch((x: unknown) => x);
    expect(errorText(zh, toErrorInfo(e)).message).toBe('设备 A 单机检查：备份模式为 dual-active，文件中为 active-standby；角色为 secondary，文件中为 primary；控制通道本端 IP 为 10.9.9.9，文件中为 10.2.1.1');
  });

  it('the app’s unexpected failure of a run names the console and says the error by its own message', () => {
    const cause = new AppError('COMMAND_REJECTED', 'The device rejected "save": % Wrong parameter', { message: { key: 'error.command-rejected.device', params: { command: 'save', reason: '% Wrong parameter' } } });
    const e = runFailed('serial:///dev/ttyUSB0', cause).toInfo();
    expect(e.message).toBe('One-cable run on serial:///dev/ttyUSB0: The device rejected "save": % Wrong parameter');
    holdError(e, ['serial:///dev/ttyUSB0', 'save', '% Wrong parameter']);
    // A plain error has no message of its own: its English is quoted as it is, inside our sentence.
    const plain = errorText(zh, runFailed('serial:///dev/ttyUSB0', new Error('socket hang up')).toInfo());
    expect(plain.message).toBe('在 serial:///dev/ttyUSB0 上的单线运行：socket hang up');
  });

  it('a refusal’s first line keeps what the device printed and offered as it is', () => {
    const m: Message = verdictMessage('b', { line: 'keepalive intervl 1', view: 'remote-backup group', status: 'unknown', position: 2, keyword: 'intervl', offered: ['count', 'interval'], message: "% Unrecognized command found at '^' position." });
    expect(coreTranslator(zh).text(m.code, m.params, '')).toBe("设备 B [remote-backup group]“keepalive intervl 1”：无法识别，第 2 个词“intervl”（% Unrecognized command found at '^' position.）；设备提供：count, interval");
  });
});
