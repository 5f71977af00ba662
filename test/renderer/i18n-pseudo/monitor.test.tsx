// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type uPlot from 'uplot';
import { describe, expect, it, vi } from 'vitest';
import { HealthChart } from '../../../renderer/src/features/monitor/HealthChart';
import { i18n } from '../../../renderer/src/i18n';
import { useStore } from '../../../renderer/src/store/index';
import { standardAnswers } from '../fake-bridge';
import { timelineLayout } from '../timeline-layout';
import { bareEnglish, catchDownloads, DATA, inPseudoLocale, renderApp, RUNS, ta } from './helpers';

// uPlot draws on a canvas jsdom lacks: a stand-in keeps the options the chart is made with.
vi.mock('uplot', () => import('../uplot-stub'));
vi.mock('uplot/dist/uPlot.min.css', () => ({}));
const { charts } = await import('../uplot-stub');

inPseudoLocale();

const T0 = Date.UTC(2026, 0, 1, 9);
const ev = (n: number, e: Record<string, unknown> & { kind: string }) => ({ id: `e-${n}`, rev: 0, pair: 'lab', time: T0 + n * 1000, ...e });
/** One event of every kind (and both channels, every sync status, a VRRP group with and without its interface), and an alert with its params. */
const EVENTS = [
  ev(1, { kind: 'switchover', device: 'b', from: 'Standby', to: 'Active', cause: 'Peer lost', seenBy: 'both' }),
  ev(2, { kind: 'channel-down', device: 'a', channel: 'control', seenBy: 'log' }),
  ev(3, { kind: 'channel-up', device: 'a', channel: 'data', seenBy: 'poll' }),
  ev(4, { kind: 'consistency', device: 'a', result: 'Inconsistent', seenBy: 'poll', detail: 'ip route-static' }),
  ...(['started', 'finished', 'failed'] as const).map((status, i) => ev(5 + i, { kind: 'config-sync', device: 'a', status, detail: '' })),
  ev(8, { kind: 'vrrp', device: 'a', interface: 'GigabitEthernet1/0/1', vrid: 1, from: 'Master', to: 'Backup' }),
  ev(9, { kind: 'vrrp', device: 'b', vrid: 2, from: 'Backup', to: 'Master' }),
  ev(10, { kind: 'device-unreachable', device: 'a', error: 'connect timeout' }),
  ev(11, { kind: 'device-back', device: 'a', downForMs: 95_000 }),
  ev(12, { kind: 'alert', rule: 'unexpected-switchover', severity: 'critical', device: 'b', message: 'FW2 took over (Standby→Active), cause: Peer lost', params: { device: 'FW2', cause: 'Peer lost' } }),
  ev(13, { kind: 'alert', rule: 'channel-down', severity: 'warning', message: 'control channel down for 12 s (limit 10 s)', params: { seconds: 12, limit: 10 } }),
  ev(14, { kind: 'drill', drill: 'switchover', outcome: 'passed', message: 'passed', switchoverMs: 1840, interruptionMs: 1650, failedProbes: 31, sessionsPreservedPct: 100 }),
  ev(15, { kind: 'drill', drill: 'link', interface: 'GigabitEthernet1/0/3', outcome: 'refused', message: 'refused: not monitored' }),
];
const PAIR = {
  pair: 'lab',
  source: 'lab',
  mode: 'active-standby',
  verdict: 'degraded',
  health: {
    pair: 'lab',
    channelDownSince: T0,
    lastSwitchover: { time: T0, device: 'b', from: 'Standby', to: 'Active', cause: 'Peer lost' },
    devices: {
      a: { key: 'a', sysname: 'FW1', reachable: false, unreachableSince: T0, lastError: 'connect timeout', role: 'primary', runningStatus: 'Active', controlChannel: 'Disconnected', switchoverCount: 0, vrrp: [], tracks: [] },
      b: { key: 'b', sysname: 'FW2', reachable: true, lastSeen: T0, role: 'secondary', runningStatus: 'Active', controlChannel: 'Connected', dataChannelInterface: 'GigabitEthernet1/0/3', dataChannelState: 'Down', keepalive: { interval: 1, count: 3 }, consistency: { result: 'Inconsistent', time: T0 }, sessions: { total: 42, sentToPeer: 40, receivedFromPeer: 2 }, switchoverCount: 1, vrrp: [], tracks: [] },
    },
  },
  ops: ['check', 'sync', 'switchover', 'reset'],
  intervalSeconds: 5,
};
const PLAN_SAID = [
  { code: 'drill.plan.intro', params: { pair: 'lab', from: 'A (FW1)', to: 'B (FW2)' } },
  { code: 'drill.plan.trigger-switchover', params: { command: 'switchover request', on: 'A (FW1)' } },
  { code: 'drill.plan.probes-none' },
  { code: 'drill.plan.note-confirm', params: { note: { sep: 'comma', items: [{ code: 'drill.note.unread' }] }, word: 'swap roles' } },
];
const DRILL_RESULT = {
  pair: 'lab',
  outcome: 'failed',
  message: 'the Active role did not move to device B within 30 s',
  switchoverMs: 1840,
  interruptionMs: null,
  failedProbes: null,
  sessionsPreservedPct: 99.5,
  switchback: { switchoverMs: null, interruptionMs: 1600, failedProbes: 3, sessionsPreservedPct: null },
  plan: [],
  standing: { a: 'device A (FW1): Active, primary', b: 'device B (FW2): not answering' },
  journal: '/data/journal/lab-drill.jsonl',
};
// What the host and the devices say on the Monitor, shown as they are: device and interface names,
// running and VRRP states, causes the devices logged, the drill's own progress and verdict lines.
const MONITOR_DATA = new Set([
  ...DATA,
  ...['A4', 'Letter', 'B', 'FW2', 'primary', 'secondary', 'Active', 'Standby', 'GigabitEthernet1/0/3', '— connect timeout', 'Peer lost', 'connect timeout', 'ip route-static'],
  // core's drill messages carry no code yet: the drill events' cause and the result's verdict line
  ...['passed', 'refused: not monitored', 'typing "switchover request" on device A', DRILL_RESULT.message, DRILL_RESULT.standing.a, DRILL_RESULT.standing.b],
]);
const monitorAnswers = () => ({
  ...standardAnswers(),
  'monitor.snapshot': () => ({ ok: true, data: { pairs: [PAIR], samples: { lab: [{ t: T0, a: 0, b: 1, data: null }] }, receivers: { syslog: '0.0.0.0:5514', metrics: '127.0.0.1:9464', warnings: [] } } }),
  'monitor.history': () => ({ ok: true, data: { events: EVENTS } }),
  'drill.plan': () => ({ ok: true, data: { pair: 'lab', plan: PLAN_SAID.map((m) => m.code), said: PLAN_SAID, confirmWord: 'swap roles', interfaces: ['GigabitEthernet1/0/3'] } }),
  'drill.run': () => new Promise(() => undefined),
  'ops.cancel': () => ({ ok: true, data: { cancelled: true } }),
  'monitor.op': () => new Promise(() => undefined),
});
const monitorText = () => bareEnglish(document.body, MONITOR_DATA);

/** What the chart shows as words: its lane labels (the y axis) and its series' names. */
function axisText(opts: uPlot.Options) {
  const lanes = opts.axes![1]!.values as () => string[];
  return { lanes: lanes(), series: opts.series.map((x) => String(x.label)) };
}
/** Every line of the time axis' ticks at each spacing uPlot picks (a second to a day), across a midnight, and a point's own time. */
function timeTickLines(opts: uPlot.Options): string[] {
  const ticks = opts.axes![0]!.values as (u: unknown, splits: number[], axis: number, space: number, incr: number) => string[];
  const midnight = new Date(T0).setHours(24, 0, 0, 0) / 1000;
  const point = opts.series[0]!.value as (u: unknown, v: number) => string;
  return [
    ...[1, 60, 3600, 86_400].flatMap((incr) => ticks(null, [T0 / 1000, ...[-2, -1, 0, 1].map((n) => midnight + n * incr)], 0, 50, incr)),
    point(null, T0 / 1000),
  ].flatMap((x) => x.split('\n'));
}

describe('pseudo-locale: Monitor, its drill and the report', () => {
  timelineLayout();

  it('the pair card, the chart, every kind of event and an alert in the timeline, and an operation', async () => {
    renderApp(monitorAnswers());
    act(() => useStore.getState().navigate('monitor'));
    const card = await screen.findByRole('article', { name: ta('monitor.card.label', { pair: 'lab' }) });
    await waitFor(() => expect(screen.getByTestId('timeline-count').textContent).toBe(ta('monitor.timeline.count', { count: EVENTS.length })));
    // every event has its row (the list is short enough for the virtual window)
    await waitFor(() => expect(new Set(screen.getAllByRole('row').map((r) => r.getAttribute('data-kind')).filter(Boolean))).toEqual(new Set(EVENTS.map((e) => e.kind))));
    expect(monitorText()).toEqual([]);
    // a filter, then a confirmation and the operation running
    fireEvent.change(screen.getByLabelText(ta('monitor.timeline.show')), { target: { value: 'alert' } });
    expect(screen.getByTestId('timeline-count').textContent).toBe(ta('monitor.timeline.count', { count: 2 }));
    fireEvent.click(within(card).getByRole('button', { name: `${ta('monitor.ops.op.switchover')}…` }));
    const confirm = await screen.findByRole('dialog', { name: ta('monitor.ops.confirmTitle', { op: ta('monitor.ops.op.switchover'), pair: 'lab' }) });
    expect(monitorText()).toEqual([]);
    fireEvent.click(within(confirm).getByRole('button', { name: ta('monitor.ops.now', { op: ta('monitor.ops.op.switchover') }) }));
    await within(card).findByText(ta('monitor.ops.running', { op: ta('monitor.ops.op.switchover'), step: ta('monitor.ops.starting') }));
    expect(monitorText()).toEqual([]);
  });

  it('the chart: lane labels and series names from the catalogue, time ticks in digits (no uPlot English), in zh-CN too', async () => {
    // a canvas and a ResizeObserver, so the chart draws (into the stand-in)
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue({} as never);
    vi.stubGlobal('ResizeObserver', class { observe() {} disconnect() {} });
    charts.length = 0;
    const samples = [{ t: T0, a: 1, b: 0, data: null }];
    try {
      const { container } = render(<HealthChart pair="lab" samples={samples} />);
      await waitFor(() => expect(charts).toHaveLength(1));
      expect(axisText(charts[0]!.opts)).toEqual({
        lanes: ['a', 'b', 'data'].map((k) => ta(`monitor.chart.lane.${k}`)),
        series: [ta('monitor.chart.time'), ...['a', 'b', 'data'].map((k) => ta(`monitor.chart.lane.${k}`))],
      });
      // uPlot's own ticks would say "9am", "9:05am" or "Jan": a clock and a date in digits instead
      const ticks = timeTickLines(charts[0]!.opts);
      expect(ticks.filter((x) => /[A-Za-z]/.test(x))).toEqual([]);
      expect(ticks).toContain([new Date(T0).getHours(), new Date(T0).getMinutes()].map((n) => String(n).padStart(2, '0')).join(':'));
      expect(bareEnglish(container, MONITOR_DATA)).toEqual([]);

      // the reader's language drawn again: Chinese lane and series names, still no Latin letter on the time axis
      await act(async () => void (await i18n.changeLanguage('zh-CN')));
      await waitFor(() => expect(charts).toHaveLength(2));
      const zh = axisText(charts[1]!.opts);
      expect([...zh.lanes, ...zh.series].filter((x) => !/[\u4e00-\u9fff]/.test(x))).toEqual([]);
      expect(timeTickLines(charts[1]!.opts).filter((x) => /[A-Za-z]/.test(x))).toEqual([]);
    } finally {
      cleanup(); // before the language changes back, which would draw it again
      await i18n.changeLanguage('pseudo');
      vi.restoreAllMocks();
      vi.unstubAllGlobals();
    }
  });

  it('the drill dialog: its plan, running, cancelled, failed with figures', async () => {
    const fake = renderApp(monitorAnswers());
    act(() => useStore.getState().navigate('monitor'));
    const card = await screen.findByRole('article', { name: ta('monitor.card.label', { pair: 'lab' }) });
    fireEvent.click(within(card).getByRole('button', { name: ta('monitor.ops.drill') }));
    const dialog = await screen.findByRole('dialog', { name: ta('drill.title', { pair: 'lab' }) });
    // the plan as core's messages, in the language; the confirmation word as the host names it
    await within(dialog).findByLabelText(ta('drill.confirm', { word: 'swap roles' }));
    expect(within(dialog).getByRole('region', { name: ta('drill.plan') }).textContent).toContain(i18n.t('core:drill.plan.probes-none'));
    fireEvent.click(within(dialog).getByRole('radio', { name: ta('drill.link') }));
    fireEvent.change(within(dialog).getByLabelText(ta('drill.probes')), { target: { value: '10.1.1.100' } });
    expect(within(dialog).getByRole('alert').textContent).toBe(ta('drill.error.interface'));
    expect(monitorText()).toEqual([]);
    fireEvent.click(within(dialog).getByRole('radio', { name: ta('drill.manual') }));
    expect(within(dialog).getByRole('alert').textContent).toBe(ta('drill.error.probe', { probe: '10.1.1.100' }));
    fireEvent.change(within(dialog).getByLabelText(ta('drill.probes')), { target: { value: '' } });
    fireEvent.change(within(dialog).getByLabelText(ta('drill.confirm', { word: 'swap roles' })), { target: { value: 'swap roles' } });
    fireEvent.click(within(dialog).getByRole('button', { name: ta('drill.start') }));
    await within(dialog).findByRole('region', { name: ta('drill.progress') });
    const opId = useStore.getState().drill.opId!;
    act(() => fake.emit({ event: 'op.progress', payload: { opId, channel: 'drill.run', step: 'typing "switchover request" on device A', state: 'running' } }));
    await within(dialog).findByText('typing "switchover request" on device A');
    expect(monitorText()).toEqual([]);
    // stopped by the user, then a drill that ran and failed (the dialog's last two states)
    act(() => useStore.setState((s) => ({ drill: { ...s.drill, phase: 'cancelled' } })));
    await within(dialog).findByText(`${ta('drill.cancelled')} ${ta('drill.lastStep', { step: 'typing "switchover request" on device A' })}`);
    expect(monitorText().filter((x) => x !== `${ta('drill.cancelled')} ${ta('drill.lastStep', { step: 'typing "switchover request" on device A' })}`)).toEqual([]);
    act(() => useStore.setState((s) => ({ drill: { ...s.drill, phase: 'done', result: DRILL_RESULT as never } })));
    const done = await within(dialog).findByRole('region', { name: ta('drill.result') });
    expect(within(done).getByRole('table', { name: ta('drill.switchback') })).toBeTruthy();
    expect(monitorText()).toEqual([]);
  });

  it('Recent runs: a drill and the report dialog, made and saved', async () => {
    const runs = [...RUNS, { ...RUNS[0], journal: '/data/journal/d.jsonl', drill: { kind: 'link', interface: 'GigabitEthernet1/0/3', outcome: 'failed', switchoverMs: 900, interruptionMs: null, failedProbes: 2, sessionsPreservedPct: null } }];
    const report = { html: { name: 'site-1-report.html', data: btoa('<html>') }, pair: 'site-1', runId: 'r', drills: 2, signer: 'SHA256:signer', pdfUnavailable: 'no PDF printer here' };
    const fake = renderApp({ ...standardAnswers(), 'pair.runs': () => ({ ok: true, data: { runs } }), 'report.create': () => ({ ok: true, data: report }) });
    const downloads = catchDownloads();
    const button = await screen.findByRole('button', { name: ta('report.buttonLabel', { label: `site-1, ${ta('home.recent.when', { time: '2026-01-01 09:00:00' })}` }) });
    expect(screen.getByText(ta('drill.run.outcome.failed'))).toBeTruthy();
    expect(bareEnglish(document.body, MONITOR_DATA)).toEqual([]);
    fireEvent.click(button);
    const dialog = await screen.findByRole('dialog', { name: ta('report.title') });
    expect(monitorText()).toEqual([]);
    fireEvent.click(within(dialog).getByRole('radio', { name: ta('report.htmlPdf') }));
    fireEvent.click(within(dialog).getByRole('button', { name: ta('report.make') }));
    await within(dialog).findByRole('button', { name: ta('report.again') });
    // the report is asked in the app's language
    expect(fake.callsTo('report.create')[0]!.input.lang).toBe('pseudo');
    expect(monitorText().filter((x) => x !== 'no PDF printer here')).toEqual([]);
    downloads.restore();
  });
});
