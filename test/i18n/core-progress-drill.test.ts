import { afterEach, describe, expect, it } from 'vitest';
import type { Message } from '../../src/core/base/message';
import { unexpectedChanges } from '../../src/core/drill/figures';
import { formatStep, formatVerdict } from '../../src/core/drill/format';
import { linkRefusalSaid, pairRefusalSaid } from '../../src/core/drill/plan';
import { standing } from '../../src/core/drill/read';
import { runDrill } from '../../src/core/drill/run';
import type { DrillEvent, DrillOptions } from '../../src/core/drill/run-options';
import { figuresSaid, stepSaid } from '../../src/core/drill/run-text';
import type { DeviceReading, DrillRecord, StatusPoll } from '../../src/core/drill/types';
import type { PairInput } from '../../src/core/model/pair';
import { comware7 } from '../../src/core/platforms/comware7';
import { refusalSaid } from '../../src/core/provision/ops';
import { runPair } from '../../src/core/provision/workflow';
import { createI18n } from '../../src/i18n/create';
import { coreTranslator } from '../../src/i18n/core';
import { saidText } from '../../src/i18n/progress';
import { examplePair, fast, memoryJournal, startLabPair, type LabPair } from '../workflows/lab-pair';
import { checkingTranslator } from './core-helpers';

const zh = createI18n('zh-CN');
type Said = { text: string; code?: string | undefined; params?: Message['params'] };

function holdToCatalogue(said: Said[]): void {
  const { tr, missing, drift } = checkingTranslator();
  for (const m of said) if (m.code) tr.text(m.code, m.params, m.text);
  expect([...missing]).toEqual([]);
  expect(drift).toEqual([]);
  for (const m of said) if (m.code) expect(saidText(zh, m.code ? { code: m.code, ...(m.params ? { params: m.params } : {}) } : undefined, m.text), m.code).not.toBe(m.text);
}

/** Every sentence a drill record carries: its verdict, the timeline, where each device stands. */
const sentences = (r: DrillRecord): Said[] => [
  { text: r.message, code: r.said?.code, params: r.said?.params },
  ...r.timeline,
  ...(r.standingSaid ? (['a', 'b'] as const).map((k) => ({ text: r.standing[k], code: r.standingSaid?.[k].code, params: r.standingSaid?.[k].params })) : []),
];

const noProber: DrillOptions['prober'] = { start: () => ({ samples: () => [], stop: async () => [] }) };
const options = (over: Partial<DrillOptions>): DrillOptions => ({
  pair: examplePair('lab'),
  kind: { kind: 'switchover' },
  probes: [],
  open: async () => {
    throw new Error('connection refused');
  },
  prober: noProber,
  signal: new AbortController().signal,
  management: { a: undefined, b: undefined },
  meta: { runId: 'i18n-drill', targets: { a: 'a', b: 'b' }, tool: 'test' },
  ...over,
});

const reading = (over: Partial<DeviceReading> = {}): DeviceReading => ({ runningStatus: 'Active', role: 'primary', controlChannel: 'Connected', vrrp: [{ interface: 'GigabitEthernet1/0/2', vrid: 1, state: 'Master' }], ...over }) as DeviceReading;

describe('the drill’s sentences in the reader’s language', () => {
  let lab: LabPair | undefined;
  afterEach(async () => {
    await lab?.stop();
    lab = undefined;
  });

  it('refusals of the pair and of the link say the same in both catalogues', () => {
    const pair = examplePair('lab');
    const dual = examplePair('dual-active-vrrp');
    const said = [
      pairRefusalSaid(dual, { kind: 'switchover' }),
      pairRefusalSaid(dual, { kind: 'link', interface: 'GigabitEthernet1/0/2' }),
      linkRefusalSaid(pair, 'GigabitEthernet1/0/1', 'a', undefined),
      linkRefusalSaid(pair, 'GigabitEthernet1/0/2', 'a', '10.1.2.50'),
      linkRefusalSaid(pair, 'GigabitEthernet1/0/2', 'a', 'fw-a.example'),
      refusalSaid(dual, 'switchover'),
      refusalSaid(pair, 'peer-active'),
      refusalSaid(pair, 'reset'),
    ];
    expect(said.every((s) => s !== undefined)).toBe(true);
    holdToCatalogue(said as Said[]);
    expect(saidText(zh, linkRefusalSaid(pair, 'GigabitEthernet1/0/2', 'a', '10.1.2.50'), '')).toBe('GigabitEthernet1/0/2 承载 HotPair 到设备 A 的管理连接（10.1.2.50）：演练会切断自身连接');
  });

  it('where a device stands and what the drill did not expect: device words stay as the device printed them', () => {
    const rows = [standing('a', undefined), standing('b', reading({ error: 'timed out' })), standing('a', reading()), standing('b', reading({ runningStatus: undefined, role: undefined, controlChannel: undefined, vrrp: [] }))];
    const base = { start: 0, end: 1, a: reading({ consistency: 'Consistent', switchovers: 1 }), b: reading({ runningStatus: 'Standby', switchovers: 1 }) } as unknown as StatusPoll;
    const now = { start: 2, end: 3, a: reading({ consistency: 'Inconsistent', controlChannel: 'Disconnected', switchovers: 4 }), b: reading({ error: 'no answer' }) } as unknown as StatusPoll;
    const bad = unexpectedChanges(base, now, 1);
    expect(bad.length).toBe(4);
    holdToCatalogue([...rows, ...bad]);
    expect(saidText(zh, standing('a', reading()), '')).toBe('设备 A：Active，primary，控制通道 Connected，VRRP Master：GigabitEthernet1/0/2 vrid 1');
  });

  it('a drill refused before it starts, and one stopped before it changed anything, say their verdict in Chinese', async () => {
    const refused = await runDrill(options({ pair: examplePair('dual-active-vrrp') }));
    const stopped = await runDrill(options({}));
    expect([refused.outcome, stopped.outcome]).toEqual(['refused', 'failed']);
    holdToCatalogue([...sentences(refused), ...sentences(stopped)]);
    // Every sentence but the error's own words (a plain Error has no message of its own) carries a code.
    expect([...sentences(refused), ...sentences(stopped)].filter((m) => !m.code).map((m) => m.text)).toEqual(['connection refused']);
    const tr = coreTranslator(zh);
    expect(formatVerdict(stopped, tr)).toBe('演练失败：在做任何改动之前停止：connection refused\n各设备当前状态：\n  设备 A：未读取\n  设备 B：未读取\n');
    expect(formatVerdict(refused, tr)).toMatch(/^演练已拒绝：已拒绝：演练把 Active 角色从一台设备移到另一台；双主模式下/);
    expect(stopped.timeline.map((e) => formatStep(e, e.at, tr))).toEqual(['  +  0.000 s  正在连接并读取两台设备\n', '  +  0.000 s  意外事件: connection refused\n']);
  });

  it('a switchover drill on the lab pair: every step, the verdict and where the devices stand carry codes', async () => {
    lab = await startLabPair(94);
    const l = lab;
    const pair = examplePair('lab', fast as (p: PairInput) => void);
    const meta = { runId: 'i18n', targets: { a: 'a', b: 'b' }, tool: 'test' };
    const c = await runPair({ pair, pack: comware7, open: l.open, journal: memoryJournal(), timeouts: { verifyMs: 20_000 }, meta });
    expect(c.outcome).toBe('success');
    const events: DrillEvent[] = [];
    const r = await runDrill(options({ pair, open: l.open, acceptRoleSwap: true, timeouts: { moveMs: 20_000 }, emit: (e) => events.push(e) }));
    expect(r.outcome, r.message).toBe('passed');
    expect(r.timeline.length).toBeGreaterThanOrEqual(4);
    expect(sentences(r).filter((m) => !m.code)).toEqual([]);
    holdToCatalogue(sentences(r));
    // The app's progress lines: every step and each phase's figures, as the host sends them.
    const lines = events.flatMap((e) => (e.kind === 'step' ? [stepSaid(e.entry)] : e.kind === 'figures' ? [figuresSaid(e.figures)] : []));
    expect(lines.filter((m) => m.code === 'drillRun.figures').length).toBeGreaterThanOrEqual(1);
    expect(lines.filter((m) => !m.code)).toEqual([]);
    holdToCatalogue(lines);
    const figures = lines.filter((m) => m.code === 'drillRun.figures').map((m) => saidText(zh, { code: m.code as string, ...(m.params ? { params: m.params } : {}) }, m.text));
    for (const f of figures) expect(f).toMatch(/^(主备切换|回切)：\d+ 毫秒，业务中断未探测，会话保持/);
    expect(saidText(zh, r.said, r.message)).toMatch(/^两次切换均已测量；配对已按计划恢复（设备 [AB] 为 Active）$/);
  }, 90_000);
});
