import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../src/core/base/errors';
import type { Message } from '../../src/core/base/message';
import { formatDeviceProbe } from '../../src/core/probe/format';
import { refusalReason } from '../../src/core/probe/help-parse';
import type { DeviceProbe, LineVerdict } from '../../src/core/probe/types';
import { coreTranslator } from '../../src/i18n/core';
import { comware7 } from '../../src/core/platforms/comware7';
import { probeStage } from '../../src/core/probe/pair';
import { probePart } from '../../src/core/provision/one-cable/probe';
import type { OneCableEvent } from '../../src/core/provision/one-cable/types';
import { runOneCable } from '../../src/core/provision/one-cable/workflow';
import { errorParam } from '../../src/core/provision/progress-message';
import { copyMessage, describeCopy, type SavedConfigCopy } from '../../src/core/provision/saved-config';
import type { WorkflowEvent } from '../../src/core/provision/types';
import { runPair } from '../../src/core/provision/workflow';
import { PushReporter } from '../../src/host/devices/push-reporter';
import { createI18n } from '../../src/i18n/create';
import { progressText } from '../../src/i18n/progress';
import { examplePair, fast, memoryJournal, startLabPair, type LabPair } from '../workflows/lab-pair';
import { startCableLab, type CableLab } from '../workflows/one-cable-lab';
import { checkingTranslator } from './core-helpers';

const zh = createI18n('zh-CN');
const en = createI18n('en');
type Said = { text: string; code?: string | undefined; params?: import('../../src/core/base/message').MessageParams | undefined };

/** Every coded message: the English catalogue says core's English, both catalogues have the code, Chinese is not left in English. */
function holdToCatalogue(said: Said[]): void {
  const { tr, missing, drift } = checkingTranslator();
  for (const m of said) if (m.code) tr.text(m.code, m.params, m.text);
  expect([...missing]).toEqual([]);
  expect(drift).toEqual([]);
  for (const m of said) if (m.code) expect(progressText(zh, m), m.code).not.toBe(m.text);
}

const said = (events: (WorkflowEvent | OneCableEvent)[]): Said[] => events.flatMap((e) => (e.kind === 'message' || e.kind === 'step' ? [e] : []));

describe('workflow progress messages in the reader’s language', () => {
  let lab: LabPair | undefined;
  let cable: CableLab | undefined;
  afterEach(async () => {
    await lab?.stop();
    await cable?.stop();
    lab = cable = undefined;
  });

  it('a commissioning run with the devices probed: every message carries a code the catalogues say the same way', async () => {
    lab = await startLabPair(93);
    const l = lab;
    const events: WorkflowEvent[] = [];
    const r = await runPair({
      pair: examplePair('lab'),
      pack: comware7,
      open: l.open,
      journal: memoryJournal(),
      emit: (e) => events.push(e),
      probe: probeStage({}),
      timeouts: { verifyMs: 20_000 },
      meta: { runId: 'i18n', targets: { a: `ssh://127.0.0.1:${l.port.a}`, b: `ssh://127.0.0.1:${l.port.b}` }, tool: 'test' },
    });
    expect(r.outcome).toBe('success');
    const msgs = said(events);
    expect(msgs.filter((m) => !m.code)).toEqual([]);
    expect(msgs.map((m) => m.code)).toEqual(expect.arrayContaining(['probe.asking', 'progress.saved-copy.sftp']));
    holdToCatalogue(msgs);
    // The saved-configuration copy in Chinese: the count in the reader's digits, the path as the device names it.
    // The app's push log: the host's batches carry the same codes, its own lines (stages, verification) too.
    const sent: Said[] = [];
    const reporter = new PushReporter('op', (e) => e.event === 'pair.progress' && sent.push(...e.payload.messages), () => undefined, 1_000_000);
    for (const e of events) reporter.onEvent(e);
    reporter.flush();
    expect(sent.filter((m) => !m.code)).toEqual([]);
    expect(sent.map((m) => m.code)).toEqual(expect.arrayContaining(['progress.stage', 'format.verify.met']));
    holdToCatalogue(sent);
    const copy = msgs.find((m) => m.code === 'progress.saved-copy.sftp') as Said;
    expect(progressText(zh, copy)).toMatch(/^A 的已保存配置：[\d,]+ 字节，经 SFTP 获取（flash:\/startup\.cfg）$/);
  }, 60_000);

  it('over one console cable, with a wrong plug-in: every step and message carries a code the catalogues say the same way', async () => {
    cable = await startCableLab(234);
    const c = cable;
    const events: OneCableEvent[] = [];
    let moves = 0;
    const r = await runOneCable({
      pair: examplePair('lab', fast),
      pack: comware7,
      open: c.open,
      waitForCable: c.waitForCable,
      journal: memoryJournal(),
      probe: probePart({ forceReason: 'lab pack' }),
      emit: (e) => {
        events.push(e);
        if (e.kind === 'step' && e.step === 'move-cable') void c.lab.cable(moves++ === 0 ? 'a' : (e.to as 'a' | 'b'), 300);
      },
      timeouts: { verifyMs: 20_000, cableMs: 20_000 },
      meta: { runId: 'i18n-1c', target: `serial://${c.port}?baud=9600`, tool: 'test' },
    });
    expect(r.outcome).toBe('success');
    const msgs = said(events);
    expect(msgs.filter((m) => !m.code)).toEqual([]);
    expect(msgs.map((m) => m.code)).toEqual(expect.arrayContaining(['oneCable.step.on-a', 'oneCable.step.same-again', 'oneCable.alone', 'oneCable.answered', 'oneCable.outcome.verified']));
    holdToCatalogue(msgs);
    const wrong = msgs.find((m) => m.code === 'oneCable.step.same-again') as Said;
    expect(progressText(zh, wrong)).toMatch(/^Console 线又接在设备 A 上（设备名称 FW1，序列号 \S+/);
  }, 90_000);
});

describe('progress sentences built from parts', () => {
  const copies: SavedConfigCopy[] = [
    { method: 'sftp', bytes: new Uint8Array(2431), path: 'flash:/startup.cfg', sftpPath: '/startup.cfg' },
    { method: 'display', bytes: new Uint8Array(12), reason: 'this connection carries no files', reasonSaid: { sep: 'comma', items: [{ code: 'progress.saved-copy.reason.no-files' }] } },
    { method: 'display', bytes: new Uint8Array(12), reason: 'socket hang up' },
  ];

  it('the saved-configuration copy says the same as describeCopy, in both catalogues', () => {
    holdToCatalogue(copies.map((c) => ({ text: describeCopy('B', c), ...copyMessage('B', c) })));
    expect(progressText(en, { text: '', ...copyMessage('B', copies[0] as SavedConfigCopy) })).toContain('2,431 bytes');
    expect(progressText(zh, { text: '', ...copyMessage('B', copies[1] as SavedConfigCopy) })).toBe('B 的已保存配置：12 字节，经 display saved-configuration 获取（SFTP 不可用：此连接不能传输文件）');
  });

  it('an error inside a sentence is said from its own catalogue message when it has one', () => {
    const e = new AppError('CANCELLED', 'Cancelled.', { message: { key: 'error.cancelled' } });
    const m = { text: `push failed: ${e.message}`, code: 'progress.push-failed', params: { error: errorParam(e) } };
    expect(progressText(en, m)).toBe(m.text);
    expect(progressText(zh, m)).toBe(`下发失败：${createI18n('zh-CN').t('core:error.cancelled.message')}`);
    // A plain error has no code: its English is quoted as it is.
    expect(errorParam(new Error('socket hang up'))).toBe('socket hang up');
    expect(progressText(zh, { text: 'x', code: 'progress.push-failed', params: { error: 'socket hang up' } })).toBe('下发失败：socket hang up');
  });

  it('a message without a code (an older host) is shown as its English', () => {
    expect(progressText(zh, { text: 'something core said' })).toBe('something core said');
  });
});

describe('the probe’s report in the reader’s language', () => {
  const offered = [{ word: 'INTEGER<1-10>', description: 'Group ID' }];
  const probe = (lines: LineVerdict[], elapsedMs: number): DeviceProbe => ({ device: 'a', lines, createdViews: ['remote-backup group'], requests: 7, bytes: 900, elapsedMs });
  const bad: LineVerdict = { line: 'remote-backup group 99', view: 'system', status: 'unknown', position: 3, keyword: '99', offered: ['INTEGER<1-10>'], message: "% Wrong parameter found at '^' position." };
  const reason = refusalReason('99', offered);

  it('says each line the devices did not confirm, and why, in both catalogues the way core says it', () => {
    expect(reason?.text).toBe('99 does not fit INTEGER<1-10>');
    const v = { ...bad, reason: reason?.text as string, reasonSaid: reason?.said as Message };
    const { tr, missing, drift } = checkingTranslator();
    for (const p of [probe([v], 450), probe([v, { ...bad, keyword: undefined, position: 4 }], 2500), probe([{ line: 'x', view: 'system', status: 'confirmed' }], 3000)]) formatDeviceProbe('a', 'FW1', p, tr);
    const other = refusalReason('intervl', [{ word: 'count' }, { word: 'interval' }]);
    expect(other?.said.code).toBe('probe.reason.none-of');
    tr.text(other?.said.code as string, other?.said.params, other?.text as string);
    expect([...missing]).toEqual([]);
    expect(drift).toEqual([]);
    // The device's own words stay as it printed them; the rest is Chinese.
    expect(formatDeviceProbe('a', 'FW1', probe([v], 2500), coreTranslator(zh))).toBe(
      [
        '设备 A（FW1）：1 行未确认 — 1 行，7 次帮助请求，2.5 秒',
        '  无法识别   [system] remote-backup group 99',
        "             第 3 个词“99”: % Wrong parameter found at '^' position.: 99 不符合 INTEGER<1-10>",
        '             设备提供：INTEGER<1-10>',
        '  为到达命令行而创建并已删除的视图：remote-backup group',
        '',
      ].join('\n'),
    );
  });
});
