// @vitest-environment jsdom
import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { i18n } from '../../../renderer/src/i18n';
import { useStore } from '../../../renderer/src/store/index';
import { figuresSaid, stepSaid } from '../../../src/core/drill/run-text';
import type { PhaseFigures } from '../../../src/core/drill/types';
import { awaitStatuses, connectingStep, verifiedStatuses, waitingStep } from '../../../src/core/provision/op-text';
import type { Seen } from '../../../src/core/provision/verify';
import { progressText } from '../../../src/i18n/progress';
import { standardAnswers } from '../fake-bridge';
import { bareEnglish, DATA, inPseudoLocale, renderApp, ta } from './helpers';

vi.mock('uplot', () => import('../uplot-stub'));
vi.mock('uplot/dist/uPlot.min.css', () => ({}));

inPseudoLocale();

/**
 * A manual operation's progress and verified result, and the drill's progress lines (each step and
 * each phase's figures), as the host sends them with core's codes: in the pseudo-locale only the
 * device values they carry may be left outside the catalogue's brackets.
 */
const T0 = Date.UTC(2026, 0, 1, 9);
const device = (key: 'a' | 'b', sysname: string, runningStatus: string) => ({ key, sysname, reachable: true, lastSeen: T0, role: key === 'a' ? 'primary' : 'secondary', runningStatus, controlChannel: 'Connected', switchoverCount: 0, vrrp: [], tracks: [] });
const PAIR = { pair: 'lab', source: 'lab', mode: 'active-standby', verdict: 'healthy', health: { pair: 'lab', devices: { a: device('a', 'FW1', 'Active'), b: device('b', 'FW2', 'Standby') } }, ops: ['check', 'switchover'], intervalSeconds: 5 };
const seen = (a: string, b: string) => ({ a: { vrrp: [], rbm: { runningStatus: a } } as unknown as Seen, b: { vrrp: [], rbm: { runningStatus: b } } as unknown as Seen });
// Device values the messages carry: sysnames, running statuses, the command typed.
const OPS_DATA = new Set([...DATA, 'B', 'FW2', 'primary', 'secondary', 'Active', 'Standby']);

function answers(op: Promise<unknown>) {
  return {
    ...standardAnswers(),
    'monitor.snapshot': () => ({ ok: true, data: { pairs: [PAIR], samples: {}, receivers: { syslog: '0.0.0.0:5514', metrics: '127.0.0.1:9464', warnings: [] } } }),
    'monitor.history': () => ({ ok: true, data: { events: [] } }),
    'monitor.op': () => op,
    'drill.plan': () => ({ ok: true, data: { pair: 'lab', plan: ['drill.plan.probes-none'], said: [{ code: 'drill.plan.probes-none' }], interfaces: [] } }),
    'drill.run': () => new Promise(() => undefined),
  };
}

describe('pseudo-locale: a manual operation and the drill, as the host reports them', () => {
  it('the operation’s steps and what it verified come from the catalogue; the statuses stay as the devices said them', async () => {
    let answer: (r: unknown) => void = () => undefined;
    const fake = renderApp(answers(new Promise((r) => (answer = r))));
    act(() => useStore.getState().navigate('monitor'));
    const card = await screen.findByRole('article', { name: ta('monitor.card.label', { pair: 'lab' }) });
    fireEvent.click(within(card).getByRole('button', { name: `${ta('monitor.ops.op.switchover')}…` }));
    const confirm = await screen.findByRole('dialog', { name: ta('monitor.ops.confirmTitle', { op: ta('monitor.ops.op.switchover'), pair: 'lab' }) });
    fireEvent.click(within(confirm).getByRole('button', { name: ta('monitor.ops.now', { op: ta('monitor.ops.op.switchover') }) }));
    const opId = useStore.getState().monitor.op!.opId;
    for (const s of [connectingStep(), waitingStep(awaitStatuses({ a: 'Standby', b: 'Active' }, true))]) {
      act(() => fake.emit({ event: 'op.progress', payload: { opId, channel: 'monitor.op', step: s.text, code: s.said.code, ...(s.said.params ? { params: s.said.params } : {}), state: 'running' } }));
      const step = progressText(i18n, { text: s.text, code: s.said.code, params: s.said.params });
      expect(step).not.toBe(s.text);
      await within(card).findByText(ta('monitor.ops.running', { op: ta('monitor.ops.op.switchover'), step }));
      expect(bareEnglish(card, OPS_DATA)).toEqual([]);
    }
    const verified = verifiedStatuses('swapped', seen('Standby', 'Active'));
    await act(async () => answer({ ok: true, data: { op: 'switchover', device: 'a', verified: verified.text, verifiedSaid: verified.said, output: '' } }));
    await within(card).findByText(ta('monitor.ops.done', { op: ta('monitor.ops.op.switchover'), verified: progressText(i18n, { text: verified.text, ...verified.said }) }));
    expect(bareEnglish(card, OPS_DATA)).toEqual([]);
  });

  it('the drill’s steps, an unexpected one without a code of its own, and each phase’s figures', async () => {
    const fake = renderApp(answers(new Promise(() => undefined)));
    act(() => useStore.getState().navigate('monitor'));
    const card = await screen.findByRole('article', { name: ta('monitor.card.label', { pair: 'lab' }) });
    fireEvent.click(within(card).getByRole('button', { name: ta('monitor.ops.drill') }));
    const dialog = await screen.findByRole('dialog', { name: ta('drill.title', { pair: 'lab' }) });
    await within(dialog).findByText(i18n.t('core:drill.plan.probes-none'));
    fireEvent.click(within(dialog).getByRole('button', { name: ta('drill.start') }));
    await within(dialog).findByRole('region', { name: ta('drill.progress') });
    const opId = useStore.getState().drill.opId!;
    const figures: PhaseFigures = { phase: 'switchover', trigger: 'manual', from: 'a', to: 'b', triggeredAt: 0, switchoverMs: 1840, interruptionMs: null, failedProbes: null, sessionsPreservedPct: 99.5, targets: [] };
    const lines = [
      stepSaid({ at: 0, text: 'typing "switchover request" on device A', code: 'drillRun.step.typing', params: { command: 'switchover request', device: 'A' } }),
      figuresSaid({ ...figures }),
      figuresSaid({ ...figures, phase: 'switchback', switchoverMs: null, sessionsPreservedPct: null }),
      stepSaid({ at: 2, text: 'connect ECONNRESET', unexpected: true }),
    ];
    for (const l of lines) act(() => fake.emit({ event: 'op.progress', payload: { opId, channel: 'drill.run', step: l.text, ...(l.code ? { code: l.code } : {}), ...(l.params ? { params: l.params } : {}), state: 'running' } }));
    const shown = within(dialog).getAllByRole('listitem').map((li) => li.textContent);
    expect(shown).toEqual(lines.map((l) => progressText(i18n, l)));
    // The command typed and the error's own words are device text.
    expect(bareEnglish(dialog, new Set([...OPS_DATA]))).toEqual([]);
  });
});
