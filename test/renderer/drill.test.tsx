// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DrillResult } from '../../src/contract/index';
import { MonitorScreen } from '../../renderer/src/features/monitor/MonitorScreen';
import { drillAsk } from '../../renderer/src/features/monitor/drill-form';
import { setBridge } from '../../renderer/src/services/api';
import { useStore } from '../../renderer/src/store/index';
import { fakeBridge, standardAnswers } from './fake-bridge';
import { pairStatus } from './monitor-fixtures';

const initial = useStore.getState();
let fake: ReturnType<typeof fakeBridge>;

const PLAN = [
  'Failover drill on pair lab: move the Active role from A (FW1) to B (FW2), measure it, and put it back.',
  'Trigger: "switchover request" typed on device A (FW1) (the manual switchover).',
  'It interrupts: traffic through 10.1.1.100 while the role moves, twice (there and back); connections whose sessions are not backed up are cut.',
];
const SWAP_NOTE = 'Note: device A runs R8860: the manual operation may swap the primary and secondary roles. Type "swap roles" to go ahead anyway.';

const result = (over: Partial<DrillResult> = {}): DrillResult => ({
  pair: 'lab',
  outcome: 'passed',
  message: 'passed: the pair moved and came back as planned',
  switchoverMs: 1840,
  interruptionMs: 1650,
  failedProbes: 31,
  sessionsPreservedPct: 100,
  switchback: { switchoverMs: 1710, interruptionMs: 1600, failedProbes: 30, sessionsPreservedPct: 98.5 },
  plan: PLAN,
  standing: { a: 'device A (FW1): Active, primary', b: 'device B (FW2): Standby, secondary' },
  journal: '/data/journal/lab-drill.jsonl',
  ...over,
});

/** A host whose drill plan says the release swaps roles when `swap` is set, and whose drill answers `run`. */
function bridge(o: { swap?: boolean; run?: (i: Record<string, unknown>) => unknown } = {}) {
  fake = fakeBridge({
    ...standardAnswers(),
    'monitor.snapshot': () => ({ ok: true, data: { pairs: [pairStatus()], samples: { lab: [] }, receivers: { warnings: [] } } }),
    'monitor.history': () => ({ ok: true, data: { events: [] } }),
    'pair.runs': () => ({ ok: true, data: { runs: [] } }),
    'drill.plan': () => ({
      ok: true,
      data: { pair: 'lab', plan: o.swap ? [...PLAN, SWAP_NOTE] : PLAN, interfaces: ['GigabitEthernet1/0/1', 'GigabitEthernet1/0/2'], ...(o.swap ? { confirmWord: 'swap roles' } : {}) },
    }),
    'drill.run': (i: Record<string, unknown>) => (o.run ? o.run(i) : { ok: true, data: result(o.swap ? { confirmWord: 'swap roles' } : {}) }),
    'ops.cancel': () => ({ ok: true, data: { cancelled: true } }),
  } as never);
  setBridge(fake.bridge);
}

beforeEach(() => useStore.setState(initial, true));
afterEach(() => {
  cleanup();
  setBridge(undefined);
});

async function openDrill() {
  render(<MonitorScreen />);
  const card = await screen.findByRole('article', { name: 'Pair lab' });
  fireEvent.click(within(card).getByRole('button', { name: 'Failover drill…' }));
  const dialog = await screen.findByRole('dialog', { name: 'Failover drill on lab' });
  await within(dialog).findByText(/Trigger: "switchover request" typed on device A/);
  return dialog;
}

describe('drill form', () => {
  it('reads probe targets with the host parser and names the field of a bad one', () => {
    expect(drillAsk({ kind: 'switchover', interface: '', probes: '10.1.1.100:443, [2001:db8::1]:80 10.1.1.100:443', fallback: true })).toEqual({
      ok: true,
      ask: { kind: { kind: 'switchover' }, probes: ['10.1.1.100:443', '[2001:db8::1]:80'], fallback: true },
    });
    expect(drillAsk({ kind: 'switchover', interface: '', probes: '10.1.1.100', fallback: false })).toMatchObject({ ok: false, field: 'probes', message: expect.stringMatching(/^Probe targets: "10\.1\.1\.100" is not HOST:PORT/) });
    expect(drillAsk({ kind: 'switchover', interface: '', probes: 'h:70000', fallback: false })).toMatchObject({ ok: false, field: 'probes' });
    expect(drillAsk({ kind: 'link', interface: '', probes: '', fallback: false })).toMatchObject({ ok: false, field: 'interface', message: expect.stringMatching(/^Interface to shut/) });
  });
});

describe('Drill dialog on the Monitor card', () => {
  it('states the plan read from the devices, runs on a plain confirmation, shows progress and the figures', async () => {
    let finish: (v: unknown) => void = () => undefined;
    bridge({ run: () => new Promise((res) => (finish = res)) });
    const dialog = await openDrill();
    expect(fake.callsTo('drill.plan')[0]!.input).toMatchObject({ pair: 'lab', kind: { kind: 'switchover' }, probes: [], fallback: false });
    expect(dialog.textContent).toMatch(/It interrupts: traffic through 10\.1\.1\.100/);
    // A bad probe names its field and blocks both the plan and the start.
    const probes = within(dialog).getByLabelText(/Probe targets/);
    fireEvent.change(probes, { target: { value: '10.1.1.100' } });
    expect(within(dialog).getByRole('alert').textContent).toMatch(/Probe targets: "10\.1\.1\.100" is not HOST:PORT/);
    expect((within(dialog).getByRole('button', { name: 'Start the drill now' }) as HTMLButtonElement).disabled).toBe(true);
    // A changed ask needs its own plan before it may start.
    fireEvent.change(probes, { target: { value: '127.0.0.1:18080' } });
    fireEvent.click(within(dialog).getByRole('checkbox', { name: /switchback/ }));
    expect((within(dialog).getByRole('button', { name: 'Start the drill now' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(within(dialog).getByRole('button', { name: /Read the plan/ }));
    await waitFor(() => expect(fake.callsTo('drill.plan')).toHaveLength(2));
    await waitFor(() => expect((within(dialog).getByRole('button', { name: 'Start the drill now' }) as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Start the drill now' }));
    await waitFor(() => expect(fake.callsTo('drill.run')).toHaveLength(1));
    const run = fake.callsTo('drill.run')[0]!.input;
    expect(run).toMatchObject({ pair: 'lab', kind: { kind: 'switchover' }, probes: ['127.0.0.1:18080'], fallback: true, confirmed: true, confirmation: 'yes' });
    act(() => useStore.getState().applyEvent({ event: 'op.progress', payload: { opId: String(run.opId), channel: 'drill.run', state: 'running', step: 'typing "switchover request" on device A' } }));
    expect(within(dialog).getByRole('region', { name: 'Drill progress' }).textContent).toMatch(/typing "switchover request" on device A/);
    // Cancel goes to the host with the drill's op id.
    fireEvent.click(within(dialog).getByRole('button', { name: /Cancel the drill/ }));
    await waitFor(() => expect(fake.callsTo('ops.cancel')[0]?.input).toEqual({ opId: run.opId }));
    await act(async () => finish({ ok: true, data: result() }));
    const done = await within(dialog).findByRole('region', { name: 'Drill result' });
    expect(within(done).getByRole('status').textContent).toBe('Drill passed');
    const sw = within(done).getByRole('table', { name: 'Switchover' });
    expect(sw.textContent).toMatch(/Switchover1840 ms/);
    expect(sw.textContent).toMatch(/Interruption \(longest probe gap\)1650 ms/);
    expect(sw.textContent).toMatch(/Failed probes31/);
    expect(sw.textContent).toMatch(/Sessions preserved100 %/);
    expect(within(done).getByRole('table', { name: 'Switchback' }).textContent).toMatch(/Sessions preserved98\.5 %/);
    expect(done.textContent).toMatch(/\/data\/journal\/lab-drill\.jsonl/);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('needs "swap roles" typed when the plan says the release swaps roles, and sends what was typed', async () => {
    bridge({ swap: true });
    const dialog = await openDrill();
    expect(dialog.textContent).toMatch(/may swap the primary and secondary roles/);
    const start = () => within(dialog).getByRole('button', { name: 'Start the drill now' }) as HTMLButtonElement;
    const box = within(dialog).getByLabelText(/Type "swap roles" to go ahead/);
    expect(start().disabled).toBe(true);
    fireEvent.change(box, { target: { value: 'yes' } });
    expect(start().disabled).toBe(true);
    fireEvent.change(box, { target: { value: ' Swap Roles ' } });
    expect(start().disabled).toBe(false);
    fireEvent.click(start());
    await waitFor(() => expect(fake.callsTo('drill.run')).toHaveLength(1));
    expect(fake.callsTo('drill.run')[0]!.input).toMatchObject({ confirmation: ' Swap Roles ' });
    await within(dialog).findByRole('region', { name: 'Drill result' });
  });

  it('offers only the monitored interfaces for a link drill, and says where each device stands when it stopped', async () => {
    bridge({
      run: () => ({
        ok: true,
        data: result({
          outcome: 'failed',
          message: 'stopped: device B unreachable; the pair was put back where it started',
          switchoverMs: null,
          interruptionMs: null,
          failedProbes: null,
          sessionsPreservedPct: null,
          switchback: undefined,
          standing: { a: 'device A (FW1): Active, primary', b: 'device B (FW2): not answering' },
        }),
      }),
    });
    const dialog = await openDrill();
    fireEvent.click(within(dialog).getByRole('radio', { name: /Shut a monitored link/ }));
    const select = within(dialog).getByRole('combobox', { name: /Interface to shut/ }) as HTMLSelectElement;
    expect([...select.options].map((o) => o.value)).toEqual(['', 'GigabitEthernet1/0/1', 'GigabitEthernet1/0/2']);
    expect(within(dialog).getByRole('alert').textContent).toMatch(/^Interface to shut/);
    fireEvent.change(select, { target: { value: 'GigabitEthernet1/0/2' } });
    fireEvent.click(within(dialog).getByRole('button', { name: /Read the plan/ }));
    await waitFor(() => expect(fake.callsTo('drill.plan')).toHaveLength(2));
    expect(fake.callsTo('drill.plan')[1]!.input).toMatchObject({ kind: { kind: 'link', interface: 'GigabitEthernet1/0/2' } });
    await waitFor(() => expect((within(dialog).getByRole('button', { name: 'Start the drill now' }) as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Start the drill now' }));
    const done = await within(dialog).findByRole('region', { name: 'Drill result' });
    expect(within(done).getByRole('status').textContent).toBe('Drill failed');
    expect(within(done).getByRole('list', { name: 'Where each device stands' }).textContent).toMatch(/device B \(FW2\): not answering/);
    expect(within(done).queryByRole('table')).toBeNull();
  });

  it('shows a refusal from the plan and does not let the drill start', async () => {
    fake = fakeBridge({
      ...standardAnswers(),
      'monitor.snapshot': () => ({ ok: true, data: { pairs: [pairStatus()], samples: { lab: [] }, receivers: { warnings: [] } } }),
      'monitor.history': () => ({ ok: true, data: { events: [] } }),
      'drill.plan': () => ({ ok: true, data: { pair: 'lab', plan: [], interfaces: [], refused: 'refused: the health matrix must pass on both devices first (Control channel: Disconnected)' } }),
    } as never);
    setBridge(fake.bridge);
    render(<MonitorScreen />);
    fireEvent.click(within(await screen.findByRole('article', { name: 'Pair lab' })).getByRole('button', { name: 'Failover drill…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Failover drill on lab' });
    expect((await within(dialog).findByRole('alert')).textContent).toMatch(/health matrix must pass/);
    expect((within(dialog).getByRole('button', { name: 'Start the drill now' }) as HTMLButtonElement).disabled).toBe(true);
  });
});
