// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MonitorBatch } from '../../src/contract/index';
import { timeTicks } from '../../renderer/src/features/monitor/chart-time';
import { MonitorScreen } from '../../renderer/src/features/monitor/MonitorScreen';
import { Timeline } from '../../renderer/src/features/monitor/Timeline';
import { setBridge } from '../../renderer/src/services/api';
import { useStore } from '../../renderer/src/store/index';
import { mergeEvents } from '../../renderer/src/store/slices/monitor';
import { fakeBridge, standardAnswers } from './fake-bridge';
import { manyEvents, pairStatus } from './monitor-fixtures';
import { timelineLayout } from './timeline-layout';

const initial = useStore.getState();
let fake: ReturnType<typeof fakeBridge>;

function bridge(extra: Record<string, (i: Record<string, unknown>) => unknown> = {}) {
  fake = fakeBridge({
    ...standardAnswers(),
    'monitor.snapshot': () => ({ ok: true, data: { pairs: [pairStatus()], samples: { lab: [] }, receivers: { syslog: 'udp+tcp 127.0.0.1:5514', warnings: [] } } }),
    'monitor.history': () => ({ ok: true, data: { events: manyEvents(3) } }),
    ...extra,
  } as never);
  setBridge(fake.bridge);
}

const batch = (p: Partial<MonitorBatch>): MonitorBatch => ({ events: [], pairs: [], samples: [], stopped: [], ...p });

timelineLayout();
beforeEach(() => useStore.setState(initial, true));
afterEach(() => {
  cleanup();
  setBridge(undefined);
  vi.unstubAllGlobals();
});

describe('monitor store', () => {
  it('merges revisions in place, sorts late arrivals, and keeps the newest when capped', () => {
    const [a, b, c] = manyEvents(3);
    const merged = mergeEvents([a!, c!], [b!, { ...a!, rev: 1, kind: 'switchover', cause: 'Manual switchover' } as never]);
    expect(merged.map((e) => e.id)).toEqual([a!.id, b!.id, c!.id]);
    expect(merged[0]).toMatchObject({ rev: 1, cause: 'Manual switchover' });
    // An older revision arriving late never overwrites a newer one.
    expect(mergeEvents(merged, [{ ...a!, rev: 0 }])[0]).toMatchObject({ rev: 1 });
    expect(mergeEvents([], manyEvents(50), 10).map((e) => e.id)).toEqual(manyEvents(50).slice(40).map((e) => e.id));
  });

  it('applies a pushed batch: card status, chart points, events; stopped pairs leave', () => {
    const s = useStore.getState();
    s.applyEvent({ event: 'monitor.events', payload: batch({ pairs: [pairStatus()], events: manyEvents(2), samples: [{ pair: 'lab', sample: { t: 1, a: 1, b: 1, data: 1 } }] }) });
    let m = useStore.getState().monitor;
    expect(Object.keys(m.pairs)).toEqual(['lab']);
    expect(m.events).toHaveLength(2);
    expect(m.samples.lab).toEqual([{ t: 1, a: 1, b: 1, data: 1 }]);
    s.applyEvent({ event: 'monitor.events', payload: batch({ stopped: ['lab'] }) });
    m = useStore.getState().monitor;
    expect(m.pairs).toEqual({});
    expect(m.events).toHaveLength(2); // history stays on screen
  });

  it('turns a new alert into one desktop notification when permitted, and a revision into none', () => {
    const shown: { title: string; body?: string }[] = [];
    class FakeNotification {
      static permission = 'granted';
      constructor(title: string, o?: { body?: string }) {
        shown.push({ title, body: o?.body });
      }
    }
    vi.stubGlobal('Notification', FakeNotification);
    const alert = { id: 'al-1', rev: 0, pair: 'lab', time: 1, kind: 'alert', rule: 'unexpected-switchover', severity: 'critical', message: 'FW2 took over (Standby→Active), cause: Peer lost', device: 'b' } as const;
    useStore.getState().applyMonitorBatch(batch({ events: [alert] }));
    useStore.getState().applyMonitorBatch(batch({ events: [{ ...alert, rev: 1 }] }));
    expect(shown).toEqual([{ title: 'HotPair alert — lab', body: 'FW2 took over (Standby→Active), cause: Peer lost' }]);
    FakeNotification.permission = 'default';
    useStore.getState().applyMonitorBatch(batch({ events: [{ ...alert, id: 'al-2' }] }));
    expect(shown).toHaveLength(1); // never without permission
  });
});

describe('timeline', () => {
  it('renders only a window of 10,000 events and moves the window on scroll', async () => {
    useStore.getState().applyMonitorBatch(batch({ events: manyEvents(10_000) }));
    const t0 = performance.now();
    render(<Timeline />);
    const ms = performance.now() - t0;
    expect(screen.getByTestId('timeline-count').textContent).toBe('10,000 events');
    const rows = () => screen.getAllByRole('row').filter((r) => r.getAttribute('data-kind'));
    expect(rows().length).toBeGreaterThan(5);
    expect(rows().length).toBeLessThan(60); // a window, not 10,000 nodes
    // Newest first: the top row is the last event.
    expect(rows()[0]!.getAttribute('title')).toMatch(/unreachable/);
    const scroller = screen.getByTestId('timeline-scroll');
    await act(async () => {
      scroller.scrollTop = 150_000; // row 5,000
      fireEvent.scroll(scroller);
    });
    await waitFor(() => expect(Number(rows()[0]!.getAttribute('aria-rowindex'))).toBeGreaterThan(4000));
    expect(rows().length).toBeLessThan(60);
    console.log(`renderer: timeline of 10,000 events first render ${ms.toFixed(0)} ms (jsdom), ${rows().length} rows in the DOM`);
  });

  it('filters by kind', () => {
    useStore.getState().applyMonitorBatch(batch({ events: manyEvents(40) }));
    render(<Timeline />);
    fireEvent.change(screen.getByLabelText('Show'), { target: { value: 'switchover' } });
    expect(screen.getByTestId('timeline-count').textContent).toBe('10 events');
    const rows = screen.getAllByRole('row').filter((r) => r.getAttribute('data-kind'));
    expect(rows.every((r) => r.getAttribute('data-kind') === 'switchover')).toBe(true);
    expect(rows[0]!.textContent).toMatch(/B switchover Standby → Active.*Peer lost.*both/); // no card loaded: the device key stands for its name
  });
});

describe('monitor screen', () => {
  it('shows a card per pair with both sides, loads history, and asks before an operation', async () => {
    bridge({ 'monitor.op': () => ({ ok: true, data: { op: 'switchover', device: 'a', verified: 'running statuses swapped: A Standby, B Active', output: '' } }) });
    render(<MonitorScreen />);
    const card = await screen.findByRole('article', { name: 'Pair lab' });
    expect(within(card).getByText('Healthy')).toBeTruthy();
    expect(card.querySelector('[data-field="runningStatus"][data-device="a"]')!.textContent).toBe('Active');
    expect(card.querySelector('[data-field="runningStatus"][data-device="b"]')!.textContent).toBe('Standby');
    expect(within(card).getAllByText('1 s × 3')).toHaveLength(2);
    expect(within(card).queryByRole('button', { name: /Make peer active/ })).toBeNull(); // not dual-active
    await waitFor(() => expect(screen.getByTestId('timeline-count').textContent).toBe('3 events'));

    fireEvent.click(within(card).getByRole('button', { name: 'Switchover…' }));
    const dialog = screen.getByRole('dialog', { name: 'Switchover on lab?' });
    expect(document.activeElement?.textContent).toBe('Cancel'); // the safe choice has focus
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(fake.callsTo('monitor.op')).toEqual([]);

    fireEvent.click(within(card).getByRole('button', { name: 'Switchover…' }));
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Switchover now' }));
    await screen.findByText(/Verified: running statuses swapped/);
    expect(fake.callsTo('monitor.op')[0]!.input).toMatchObject({ pair: 'lab', op: 'switchover', confirmed: true });
  });

  it('updates the running status on the card when a push says B took over', async () => {
    bridge();
    render(<MonitorScreen />);
    await screen.findByRole('article', { name: 'Pair lab' });
    act(() => {
      useStore.getState().applyEvent({
        event: 'monitor.events',
        payload: batch({
          pairs: [pairStatus({ a: { reachable: false, unreachableSince: 1_700_000_100_000 }, b: { runningStatus: 'Active', controlChannel: 'Disconnected' } })],
          events: [{ id: 'x-1', rev: 0, pair: 'lab', time: 1_700_000_100_000, kind: 'switchover', device: 'b', from: 'Standby', to: 'Active', cause: 'Peer lost', seenBy: 'log' }],
        }),
      });
    });
    const card = screen.getByRole('article', { name: 'Pair lab' });
    expect(card.querySelector('[data-field="runningStatus"][data-device="b"]')!.textContent).toBe('Active');
    expect(card.querySelector('[data-field="runningStatus"][data-device="a"]')!.textContent).toBe('Unknown');
    expect(screen.getAllByRole('row')[1]!.textContent).toMatch(/FW2 switchover Standby → Active.*Peer lost/);
  });

  it('offers the lab pair when it runs and starts it with one click', async () => {
    bridge({
      'monitor.snapshot': () => ({ ok: true, data: { pairs: [], samples: {}, receivers: { warnings: [] } } }),
      'monitor.start': () => new Promise((resolve) => (release = () => resolve({ ok: true, data: pairStatus() }))),
    });
    let release = () => {};
    useStore.setState({ lab: { state: 'running', devices: [] } });
    render(<MonitorScreen />);
    fireEvent.click(await screen.findByRole('button', { name: 'Monitor the lab pair' }));
    await waitFor(() => expect(fake.callsTo('monitor.start')[0]!.input).toEqual({ source: 'lab' }));
    // while the host starts it, the screen says so (the buttons are disabled)
    expect((await screen.findByRole('status')).textContent).toMatch(/Starting the monitor/);
    act(() => release());
    await screen.findByRole('article', { name: 'Pair lab' });
    expect(screen.queryByText(/Starting the monitor/)).toBeNull();
  });
});

describe('chart time axis', () => {
  const at = (h: number, m = 0) => new Date(2026, 0, 1, h, m).getTime() / 1000;

  it('shows the clock on every tick and the date under the first and where the day changes, in digits', () => {
    for (const lng of ['en', 'zh-CN']) {
      const ticks = timeTicks(lng, [at(22), at(23), at(24), at(25)], 3600);
      expect(ticks.map((x) => x.split('\n').length)).toEqual([2, 1, 2, 1]);
      expect(ticks[1]).toBe('23:00');
      expect(ticks.join(' ')).not.toMatch(/[A-Za-z]/); // no "11pm", no "Jan"
    }
    expect(timeTicks('en', [at(9, 5)], 1)[0]!.split('\n')[0]).toBe('09:05:00');
    expect(timeTicks('en', [at(0), at(24)], 86_400).every((x) => !x.includes('\n') && /\d/.test(x))).toBe(true);
  });
});
