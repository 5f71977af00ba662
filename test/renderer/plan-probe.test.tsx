// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setBridge } from '../../renderer/src/services/api';
import { useStore } from '../../renderer/src/store/index';
import type { LineVerdict, ProbeOutput, Result } from '../../src/contract/index';
import type { fakeBridge } from './fake-bridge';
import { openPairing, PLAN, wizardAnswers } from './pairing-fakes';

// The Plan step asks both devices to confirm every planned line before Push is allowed: each
// line shows the device's verdict, and a line it does not know keeps Push disabled unless the
// engineer ticks "Push anyway" and writes the reason that the push carries into the journal.

const ok = (line: string, view = 'system'): LineVerdict => ({ line, view, status: 'confirmed' });
const VIRTUAL_IP = PLAN.devices.a.add[1]!.text;
const unknownVip: LineVerdict = {
  line: VIRTUAL_IP,
  view: 'interface GigabitEthernet1/0/1',
  status: 'unknown',
  position: 4,
  keyword: 'virtual-ip',
  offered: ['virtual-ipv4', 'priority', 'preempt-mode'],
  message: "% Unrecognized command found at '^' position.",
};

/** The verdicts the fake devices give: device A's lines in push order (removal, then additions), B's one line. */
function probeOf(aVip: LineVerdict): ProbeOutput {
  const a = [ok('undo track 9'), ok('remote-backup group'), aVip];
  return { devices: { a: { lines: a }, b: { lines: [ok('remote-backup group')] } }, confirmed: a.every((l) => l.status === 'confirmed') };
}

let fake: ReturnType<typeof fakeBridge>;
const initial = useStore.getState();

async function openPlan(probe: (input: Record<string, unknown>) => Result<unknown> | Promise<Result<unknown>>, apply?: () => Result<unknown>) {
  fake = await openPairing({ ...wizardAnswers(apply ? { apply } : {}), 'pair.probe': probe });
  await useStore.getState().connect('a', { password: 'x' }, `SHA256:${'a'.repeat(43)}`);
  await useStore.getState().connect('b', { password: 'x' });
  act(() => useStore.getState().goStep('plan'));
  return screen.findByRole('region', { name: 'Plan for device A' });
}

const pushButton = () => screen.getByRole('button', { name: 'Push to both devices' }) as HTMLButtonElement;
const lineOf = (region: HTMLElement, text: string) => within(region).getByText((_, el) => el?.tagName === 'LI' && el.textContent!.includes(text));

beforeEach(() => useStore.setState(initial, true));
afterEach(() => {
  cleanup();
  setBridge(undefined);
});

describe('Plan step: syntax check on the devices', () => {
  it('checks by itself once planned, with progress; all confirmed → a badge on every line and Push enabled, sent without a reason', async () => {
    let answer!: (r: Result<unknown>) => void;
    const planA = await openPlan(() => new Promise((r) => (answer = r)));
    const check = screen.getByRole('region', { name: 'Syntax check on the devices' });
    await waitFor(() => expect(fake.callsTo('pair.probe')).toHaveLength(1));
    const { opId, text } = fake.callsTo('pair.probe')[0]!.input;
    expect(text).toBe(fake.callsTo('pair.plan')[0]!.input.text); // the devices are asked about the plan shown
    act(() => useStore.getState().applyEvent({ event: 'op.progress', payload: { opId: String(opId), channel: 'pair.probe', step: 'device A: 2/3 remote-backup group', state: 'running' } }));
    expect(within(check).getByRole('status').textContent).toMatch(/device A: 2\/3 remote-backup group/);
    expect(pushButton().disabled).toBe(true);
    expect(screen.getByText(/Push is disabled: the devices are still checking/)).toBeTruthy();

    await act(async () => answer({ ok: true, data: probeOf(ok(VIRTUAL_IP, 'interface GigabitEthernet1/0/1')) }));
    expect(within(check).getByRole('status').textContent).toMatch(/Both devices confirmed all 4 planned lines/);
    for (const t of ['undo track 9', 'remote-backup group', VIRTUAL_IP]) expect(lineOf(planA, t).textContent).toMatch(/✓ confirmed$/);
    expect(lineOf(screen.getByRole('region', { name: 'Plan for device B' }), 'remote-backup group').textContent).toMatch(/confirmed/);
    expect(screen.queryByRole('group', { name: 'Push anyway' })).toBeNull();
    expect(pushButton().disabled).toBe(false);
    fireEvent.click(pushButton());
    await waitFor(() => expect(fake.callsTo('pair.apply')).toHaveLength(1));
    expect(fake.callsTo('pair.apply')[0]!.input.forceUnconfirmed).toBeUndefined();
  });

  it('one line unknown → Push disabled, the line names the word the device stopped at and the keywords it offers', async () => {
    const planA = await openPlan(() => ({ ok: true, data: probeOf(unknownVip) }));
    await screen.findByText(/1 of 4 planned lines not confirmed by the devices/);
    const line = lineOf(planA, VIRTUAL_IP);
    expect(line.textContent).toMatch(/✗ unknown/);
    expect(line.textContent).toMatch(/at word 4 “virtual-ip”: % Unrecognized command/);
    expect(within(line).getAllByText(/^(virtual-ipv4|priority|preempt-mode)$/, { selector: 'code' }).map((c) => c.textContent)).toEqual(['virtual-ipv4', 'priority', 'preempt-mode']);
    expect(lineOf(planA, 'remote-backup group').textContent).toMatch(/confirmed/);
    expect(pushButton().disabled).toBe(true);
    expect(screen.getByText(/Push is disabled: 1 planned line is not confirmed by the devices/)).toBeTruthy();
    // The reason is what unlocks the push, not the tick alone.
    fireEvent.click(screen.getByRole('checkbox', { name: /Push lines the devices did not confirm/ }));
    expect(pushButton().disabled).toBe(true);
    fireEvent.change(screen.getByRole('textbox', { name: /Reason/ }), { target: { value: '   ' } });
    expect(pushButton().disabled).toBe(true);
  });

  it('a reason typed → Push enabled; the reason is sent with the push and shown in the run summary', async () => {
    const reason = 'R9620 release notes: virtual-ip still accepted; checked with the vendor';
    const applied = {
      outcome: 'rolled-back',
      verified: false,
      saved: false,
      applied: { a: 3, b: 2 },
      findings: [],
      journal: '/tmp/j.jsonl',
      error: { code: 'COMMAND_REJECTED', message: `device A: "${VIRTUAL_IP}": % Unrecognized command` },
      probe: { status: 'forced', unconfirmed: [`device A [interface GigabitEthernet1/0/1] "${VIRTUAL_IP}": unknown at word 4 "virtual-ip"`], reason },
      rollback: { a: { typed: 3, errors: [], differences: [] }, b: { typed: 2, errors: [], differences: [] } },
    };
    await openPlan(() => ({ ok: true, data: probeOf(unknownVip) }), () => ({ ok: true, data: applied }) as never);
    await screen.findByText(/1 of 4 planned lines not confirmed/);
    fireEvent.click(screen.getByRole('checkbox', { name: /Push lines the devices did not confirm/ }));
    fireEvent.change(screen.getByRole('textbox', { name: /Reason/ }), { target: { value: `  ${reason}  ` } });
    expect(pushButton().disabled).toBe(false);
    expect(screen.queryByText(/Push is disabled/)).toBeNull();
    fireEvent.click(pushButton());
    await waitFor(() => expect(fake.callsTo('pair.apply')).toHaveLength(1));
    expect(fake.callsTo('pair.apply')[0]!.input.forceUnconfirmed).toEqual({ reason });
    const summary = await screen.findByRole('region', { name: 'Run result' });
    expect(summary.textContent).toMatch(/Pushed anyway with 1 line the devices did not confirm\. Reason \(kept in the journal\): .*R9620 release notes/);
    expect(summary.textContent).toContain('unknown at word 4 "virtual-ip"');
    // The reason was not kept past the push as consent for the next plan.
    act(() => useStore.getState().goStep('plan'));
    await waitFor(() => expect(fake.callsTo('pair.plan')).toHaveLength(2));
    expect(useStore.getState().wizard.probe.override).toEqual({ on: false, reason: `  ${reason}  ` });
  });

  it('a check that fails leaves Push disabled with the error, until checked again or pushed anyway with a reason', async () => {
    let n = 0;
    await openPlan(() => (++n === 1 ? { ok: false, error: { code: 'TIMEOUT', message: 'device B did not answer the help request in 10 s' } } : { ok: true, data: probeOf(ok(VIRTUAL_IP)) }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/did not answer the help request/);
    expect(pushButton().disabled).toBe(true);
    expect(screen.getByRole('checkbox', { name: /Push lines the devices did not confirm/ })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Check syntax again' }));
    await screen.findByText(/Both devices confirmed all 4 planned lines/);
    expect(pushButton().disabled).toBe(false);
  });
});
