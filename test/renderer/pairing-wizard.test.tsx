// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setBridge } from '../../renderer/src/services/api';
import { useStore } from '../../renderer/src/store/index';
import type { fakeBridge } from './fake-bridge';
import { FP_A, openPairing, SECRET, wizardAnswers } from './pairing-fakes';

const initial = useStore.getState();
let fake: ReturnType<typeof fakeBridge>;

async function openWizard(answers = wizardAnswers()) {
  fake = await openPairing(answers);
  await screen.findByRole('navigation', { name: 'Wizard steps' });
}

async function connectBoth() {
  const a = screen.getByRole('region', { name: 'Device A' });
  fireEvent.change(within(a).getByLabelText('Password'), { target: { value: SECRET } });
  fireEvent.click(within(a).getByRole('button', { name: 'Connect A' }));
  fireEvent.click(await screen.findByRole('button', { name: /accept and connect/ }));
  await within(a).findByText('connected');
  const b = screen.getByRole('region', { name: 'Device B' });
  fireEvent.change(within(b).getByLabelText('Password'), { target: { value: SECRET } });
  fireEvent.click(within(b).getByRole('button', { name: 'Connect B' }));
  await within(b).findByText('connected');
}

/** Push, once the devices confirmed the planned lines (the Plan step checks them by itself). */
async function pushWhenConfirmed() {
  const push = await screen.findByRole('button', { name: 'Push to both devices' });
  await waitFor(() => expect(push).toHaveProperty('disabled', false));
  fireEvent.click(push);
}

beforeEach(() => useStore.setState(initial, true));
afterEach(() => {
  cleanup();
  setBridge(undefined);
});

describe('pairing wizard', () => {
  it('asks about a first-seen host key with its SHA256 fingerprint; Escape declines, accepting connects', async () => {
    await openWizard();
    const a = screen.getByRole('region', { name: 'Device A' });
    expect((within(a).getByLabelText('SSH URL') as HTMLInputElement).value).toBe('ssh://admin@127.0.0.1:2201');
    expect(screen.getByRole('button', { name: '2. Discover' })).toHaveProperty('disabled', true);
    fireEvent.change(within(a).getByLabelText('Password'), { target: { value: SECRET } });
    fireEvent.click(within(a).getByRole('button', { name: 'Connect A' }));
    const dialog = await screen.findByRole('dialog', { name: 'Is this device A?' });
    expect(within(dialog).getByLabelText('Host key fingerprint').textContent).toBe(FP_A);
    // The safe answer has the focus; Escape takes it.
    expect(document.activeElement?.textContent).toMatch(/Don.t connect/);
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(within(a).getByRole('alert').textContent).toMatch(/declined the host key/);

    fireEvent.click(within(a).getByRole('button', { name: 'Connect A' }));
    fireEvent.click(await screen.findByRole('button', { name: /accept and connect/ }));
    await within(a).findByText('connected');
    expect(within(a).getByText(FP_A)).toBeTruthy();
    expect(fake.callsTo('devices.connect').at(-1)!.input).toMatchObject({ acceptHostKey: FP_A, password: SECRET });
  });

  it('refuses a changed host key loudly, with both fingerprints and what to do', async () => {
    const answers = wizardAnswers();
    answers['devices.connect'] = () =>
      ({
        ok: false,
        error: { code: 'HOST_KEY_MISMATCH', message: 'The host key of [127.0.0.1]:2201 has CHANGED.', fix: 'Do not connect until you know why.', details: { expected: 'SHA256:old', presented: 'SHA256:new' } },
      }) as never;
    await openWizard(answers);
    const a = screen.getByRole('region', { name: 'Device A' });
    fireEvent.change(within(a).getByLabelText('Password'), { target: { value: SECRET } });
    fireEvent.click(within(a).getByRole('button', { name: 'Connect A' }));
    const alert = await within(a).findByRole('alert');
    expect(alert.textContent).toMatch(/Refused: the host key has changed/);
    expect(alert.textContent).toMatch(/What to do: Do not connect/);
    expect(within(a).getByText('SHA256:old')).toBeTruthy();
    expect(within(a).getByText('SHA256:new')).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('discovers both, highlights a mismatch, plans per device by stage with the health matrix', async () => {
    await openWizard();
    await connectBoth();
    fireEvent.click(screen.getByRole('button', { name: 'Next: discover both' }));
    const model = (await screen.findByText('Model', { selector: 'th' })).closest('tr')!;
    expect(model.className).toBe('row-error');
    expect(screen.getByText(/RBM needs the same model/)).toBeTruthy();
    expect(screen.getByText(/1 difference to look at, 1 that RBM cannot pair/)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Next: hot-backup settings' }));
    await screen.findByText(/with the facts read from both devices/);
    fireEvent.click(screen.getByRole('button', { name: 'Next: plan' }));
    const planA = await screen.findByRole('region', { name: 'Plan for device A' });
    expect(within(planA).getByText(/1 to remove, 2 to add, 3 already in place/)).toBeTruthy();
    expect(within(planA).getByText('Stage 0 — removals').nextElementSibling!.textContent).toMatch(/−.*undo track 9/);
    expect(planA.querySelector('[data-stage="channel"]')!.textContent).toMatch(/remote-backup group/);
    expect(planA.querySelector('[data-stage="local"]')!.textContent).toMatch(/vrrp vrid 1/);
    expect(screen.getByText('Disconnected on A').closest('tr')!.className).toBe('health-fail');

    // An edit after the plan makes it stale: no push until planned again.
    act(() => useStore.getState().setField('devices.a.sysname', 'FW9'));
    expect(await screen.findByText(/changed after this plan/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Push to both devices' })).toHaveProperty('disabled', true);
  });

  it('pushes with per-device progress, the live console and Cancel', async () => {
    await openWizard();
    await connectBoth();
    act(() => useStore.getState().goStep('plan'));
    await pushWhenConfirmed();
    const opId = useStore.getState().wizard.push.opId!;
    act(() => {
      useStore.getState().applyEvent({ event: 'pair.progress', payload: { opId, stage: { name: 'channel', title: 'Stage 1 — control channel', explain: 'on both devices' }, devices: { a: { done: 4, total: 22, line: '[channel 4/9] local-ip 10.2.1.1' } }, messages: [{ level: 'info', text: 'Stage 1 — control channel' }] } });
      useStore.getState().applyEvent({ event: 'devices.output', payload: { device: 'a', data: '[FW1-remote-backup-group]local-ip 10.2.1.1\n' } });
    });
    expect(screen.getByText('Device A: 4/22')).toBeTruthy();
    expect((screen.getByLabelText('Device A: 4/22') as HTMLProgressElement).value).toBe(4);
    expect(screen.getByLabelText('Live console of device A').textContent).toMatch(/local-ip 10\.2\.1\.1/);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel and roll back' }));
    await waitFor(() => expect(fake.callsTo('ops.cancel')[0]!.input).toEqual({ opId }));
    expect(screen.getByRole('button', { name: /Cancelling — rolling back/ })).toHaveProperty('disabled', true);
  });

  it('shows a rolled-back run with the error, its fix and where each device stands', async () => {
    const data = {
      outcome: 'rolled-back',
      verified: false,
      saved: false,
      applied: { a: 5, b: 4 },
      findings: [],
      journal: '/tmp/j.jsonl',
      error: { code: 'COMMAND_REJECTED', message: 'device B, channel line 5/9 "local-ip 10.2.1.2": % Wrong parameter', fix: 'Correct the line and plan again.' },
      rollback: { a: { typed: 6, errors: [], differences: [] }, b: { typed: 5, errors: [], differences: ['+ keepalive count 3'] } },
    };
    await openWizard(wizardAnswers({ apply: () => ({ ok: true, data }) as never }));
    await connectBoth();
    act(() => useStore.getState().goStep('plan'));
    await pushWhenConfirmed();
    const summary = await screen.findByRole('region', { name: 'Run result' });
    expect(summary.textContent).toMatch(/rolled back/);
    expect(within(summary).getByRole('alert').textContent).toMatch(/Wrong parameter.*What to do: Correct the line/);
    expect(summary.textContent).toMatch(/Device A:.*equals the copy taken before the push/);
    expect(summary.textContent).toMatch(/1 line differs from before the push/);
    expect(screen.getByRole('button', { name: 'Back to the plan' })).toBeTruthy();
  });

  it('one cable, B failed: the card’s title says where B’s rollback stands and counts A’s lines; the end names its outcome', async () => {
    await openWizard({ ...wizardAnswers(), 'oneCable.run': () => new Promise(() => undefined) } as never);
    act(() => useStore.setState({ lab: { state: 'running', devices: [], cablePath: '/tmp/lab-cable' } as never }));
    fireEvent.click(screen.getByRole('radio', { name: 'One cable' }));
    fireEvent.click(screen.getByRole('button', { name: "Use the lab's cable" }));
    fireEvent.click(screen.getByRole('button', { name: 'Commission over one cable' }));
    const opId = useStore.getState().oneCable.opId!;
    const left = (count: number) => ({ step: 'left-on-a', text: `Device A keeps its part: ${count} line${count === 1 ? '' : 's'}, saved`, code: 'oneCable.step.left-on-a-saved', params: { count } }) as const;
    const incomplete = { step: 'undo-b', text: "Device B's rollback is incomplete: + keepalive count 3", code: 'oneCable.step.undo-b-incomplete', params: { lines: '+ keepalive count 3' } } as const;
    act(() => fake.emit({ event: 'oneCable.progress', payload: { opId, steps: [incomplete, left(1)], messages: [], question: 'undo-a' } }));
    const card = await screen.findByRole('region', { name: 'Undo A' });
    expect(within(card).getByRole('heading').textContent).toBe('B not fully rolled back; A keeps 1 line');
    const clean = { step: 'undo-b', text: 'Device B was rolled back to its configuration before the push.', code: 'oneCable.step.undo-b' } as const;
    act(() => fake.emit({ event: 'oneCable.progress', payload: { opId, steps: [clean, left(3)], messages: [], question: 'undo-a' } }));
    await within(card).findByRole('heading', { name: 'B rolled back; A keeps 3 lines' });
    // A host without codes: the count from its English, a number all the same.
    act(() => fake.emit({ event: 'oneCable.progress', payload: { opId, steps: [{ step: 'left-on-a', text: 'Device A keeps its part: 2 line(s), saved' }], messages: [], question: 'undo-a' } }));
    await within(card).findByRole('heading', { name: 'B rolled back; A keeps 2 lines' });

    const outcome = { sep: 'comma' as const, items: [{ code: 'oneCable.outcome.rolled-back' }] };
    const ended = { step: 'done' as const, text: 'rolled-back: device B failed', code: 'oneCable.outcome.ended', params: { outcome, error: 'device B failed' } };
    act(() => fake.emit({ event: 'oneCable.progress', payload: { opId, steps: [ended], messages: [], settled: true } }));
    await screen.findByText('Rolled back: device B failed');
    expect(screen.queryByText(/rolled-back/)).toBeNull();
  });

  it('exports the pair as a signed bundle download', async () => {
    await openWizard();
    await waitFor(() => expect(useStore.getState().editor.valid).toBe(true));
    act(() => useStore.getState().goStep('export'));
    const clicked: string[] = [];
    const orig = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function () {
      clicked.push(this.download);
    };
    URL.createObjectURL = () => 'blob:x';
    URL.revokeObjectURL = () => undefined;
    try {
      fireEvent.click(screen.getByRole('button', { name: /Export signed bundle/ }));
      expect(await screen.findByText(/Downloaded/)).toBeTruthy();
    } finally {
      HTMLAnchorElement.prototype.click = orig;
    }
    expect(clicked).toEqual(['site-1.hpb']);
    expect(fake.callsTo('bundles.create')[0]!.input).toEqual({ text: JSON.stringify(useStore.getState().editor.doc) });
  });
});
