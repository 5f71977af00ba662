// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { i18n } from '../../../renderer/src/i18n';
import { useStore } from '../../../renderer/src/store/index';
import { NO_COPY, NOT_COMPARED } from '../../../src/core/provision/rollback-text';
import { openPairing, PLAN, wizardAnswers } from '../pairing-fakes';
import { CONSOLE_ANSWERS, DATA, inPseudoLocale, screenEnglish, ta } from './helpers';

inPseudoLocale();

/** The wizard's names in the pseudo-locale, to find its controls the way a user of that language would. */
const tw = (key: string, params?: Record<string, unknown>) => ta(`wizard.${key}`, params);
// What the devices and the host say in the wizard, shown as they are: device facts, interface and
// port names, and core's English where it carries no code (an older host's push log, verdicts).
const WIZARD_DATA = new Set([
  ...DATA,
  ...['FW2', 'F1000-AK1xx', 'F1000-AK2xx', '7.1.064', 'ESS 1171P23', 'GigabitEthernet1/0/1', '10.1.1.1/24 · up', 'ssh admin@127.0.0.1:2202', 'SSH', '/dev/ttyUSB0', '— FTDI'],
  ...['at word 4 “virtual-ip”: % Unrecognized command found at \'^\' position.'],
  ...['[A]', 'Stage 1 — control channel', 'remote-backup group', 'undo track 9', 'vrrp vrid 1 virtual-ip 10.1.1.3 active', 'starting device A'],
]);

/** Health checks as core sends them: a code and params beside its English. */
const HEALTH = [
  { id: 'model', title: 'Model', status: 'pass', reason: 'both F1000', fix: '', code: 'health.model.same', params: { value: 'F1000' } },
  { id: 'control-channel', title: 'Control channel', status: 'fail', reason: 'Disconnected on A', fix: 'check the link', code: 'health.control-channel.fail', params: { shown: 'A Disconnected', want: 'Connected' } },
];

async function openWizard(answers: Record<string, unknown>) {
  const fake = await openPairing({ ...wizardAnswers(), 'pair.plan': () => ({ ok: true, data: { ...PLAN, health: HEALTH } }), ...answers } as never, 'site-1');
  await screen.findByRole('navigation', { name: tw('steps.label') });
  return fake;
}
const wizardText = () => screenEnglish(WIZARD_DATA);

describe('pseudo-locale: the pairing wizard, step by step', () => {
  it('Connect: the host-key question, a declined key, a connected device, the serial fields and the step bar', async () => {
    await openWizard(CONSOLE_ANSWERS);
    const a = screen.getByRole('region', { name: tw('device', { device: 'A' }) });
    fireEvent.click(within(a).getByRole('button', { name: tw('connect.connectDevice', { device: 'A' }) }));
    const dialog = await screen.findByRole('dialog', { name: tw('hostKey.title', { device: 'A' }) });
    expect(wizardText()).toEqual([]);
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(within(a).getByRole('alert').textContent).toContain(tw('connect.declined'));
    expect(wizardText()).toEqual([]);
    fireEvent.click(within(a).getByRole('button', { name: tw('connect.connectDevice', { device: 'A' }) }));
    fireEvent.click(await screen.findByRole('button', { name: tw('hostKey.accept') }));
    await within(a).findByText(tw('connect.connected'));
    act(() => useStore.getState().editConnection('b', { kind: 'serial' }));
    await screen.findByRole('option', { name: /ttyUSB0/ });
    expect(wizardText()).toEqual([]);
  });

  it('Discover, Settings and Plan with a line the device does not know and "Push anyway"', async () => {
    const unknown = { line: 'vrrp vrid 1 virtual-ip 10.1.1.3 active', view: 'system', status: 'unknown', position: 4, keyword: 'virtual-ip', offered: ['virtual-ipv4'], message: "% Unrecognized command found at '^' position." };
    const ok = (line: string) => ({ line, view: 'system', status: 'confirmed' });
    const probe = { devices: { a: { lines: [ok('undo track 9'), ok('remote-backup group'), unknown] }, b: { lines: [ok('remote-backup group')] } }, confirmed: false };
    await openWizard({ 'pair.probe': () => ({ ok: true, data: probe }) });
    await useStore.getState().connect('a', { password: 'x' }, `SHA256:${'a'.repeat(43)}`);
    await useStore.getState().connect('b', { password: 'x' });
    act(() => useStore.getState().goStep('discover'));
    await screen.findByText(tw('facts.model'), { selector: 'th' });
    expect(wizardText()).toEqual([]);
    act(() => useStore.getState().goStep('settings'));
    await screen.findByRole('button', { name: tw('settings.next') });
    expect(wizardText()).toEqual([]);
    act(() => useStore.getState().goStep('plan'));
    fireEvent.click(await screen.findByRole('checkbox', { name: tw('probe.overrideTick') }));
    expect(screen.getByText(tw('plan.disabled', { reason: tw('plan.blocked.unconfirmed', { count: 1 }) }))).toBeTruthy();
    expect(wizardText()).toEqual([]);
  });

  it('Push in progress, then a rolled-back run, then Verify, Save and Export of a saved one', async () => {
    let finish: (r: unknown) => void = () => undefined;
    const fake = await openWizard({ 'pair.apply': () => new Promise((r) => (finish = r)) });
    await useStore.getState().connect('a', { password: 'x' }, `SHA256:${'a'.repeat(43)}`);
    await useStore.getState().connect('b', { password: 'x' });
    act(() => useStore.getState().goStep('plan'));
    const push = await screen.findByRole('button', { name: tw('plan.push') });
    await waitFor(() => expect(push).toHaveProperty('disabled', false));
    fireEvent.click(push);
    const opId = useStore.getState().wizard.push.opId!;
    act(() => fake.emit({ event: 'pair.progress', payload: { opId, stage: { name: 'channel', title: 'Stage 1 — control channel' }, devices: { a: { done: 4, total: 22, line: 'remote-backup group' } }, messages: [{ level: 'info', text: 'Stage 1 — control channel', device: 'a' }, { level: 'warn', text: 'pushing 2 lines the devices did not confirm anyway, because: "lab"', code: 'probe.forced', params: { count: 2, reason: 'lab' } }] } }));
    await screen.findByRole('button', { name: tw('push.cancel') });
    expect(wizardText()).toEqual([]);

    const rollback = { a: { typed: 6, errors: [], differences: [] }, b: { typed: 5, errors: ['undo track 9'], differences: ['+ keepalive count 3'], unreachable: { reason: 'TIMEOUT', revertsAt: '10:00:00' } } };
    const error = { code: 'COMMAND_REJECTED', message: 'x' };
    await act(async () => finish({ ok: true, data: { outcome: 'rolled-back', verified: false, saved: false, applied: { a: 5, b: 4 }, findings: [], journal: '/tmp/j.jsonl', error, rollback, probe: { status: 'forced', unconfirmed: ['vrrp'], reason: 'R9620' } } }));
    await screen.findByRole('region', { name: tw('result.label') });
    expect(wizardText().filter((s) => s !== 'x' && s !== 'TIMEOUT' && s !== 'R9620')).toEqual([]);

    const saved = { outcome: 'success', verified: true, saved: true, applied: { a: 20, b: 22 }, findings: [], journal: '/tmp/j.jsonl', healthAfter: HEALTH, verifyFailures: [] };
    act(() => useStore.setState((s) => ({ wizard: { ...s.wizard, step: 'verify', push: { ...s.wizard.push, status: 'done', result: saved as never } } })));
    await screen.findByRole('button', { name: tw('result.nextSave') });
    expect(wizardText()).toEqual([]);
    act(() => useStore.getState().goStep('save'));
    await screen.findByRole('button', { name: tw('result.nextExport') });
    expect(wizardText()).toEqual([]);
    act(() => useStore.getState().goStep('export'));
    await screen.findByRole('button', { name: tw('result.exportButton') });
    expect(wizardText()).toEqual([]);
  });

  it('A rollback that did not finish: the unreachable reason, the placeholders and HotPair’s notes from the catalogue', async () => {
    await openWizard({});
    const reasonSaid = { code: 'error.connect-failed.ssh.message', params: { label: 'FW-A', reason: 'ECONNREFUSED' } };
    const noUndo = '+ version 7.1.064';
    const rollback = {
      a: { typed: 0, errors: [], differences: [NOT_COMPARED], unreachable: { reason: 'FW-A: cannot connect (ECONNREFUSED).', reasonSaid } },
      b: { typed: 1, errors: ['undo vrrp vrid 9: % Unrecognized command', `no undo form known for: ${noUndo}`], differences: [NO_COPY] },
    };
    const result = { outcome: 'rollback-incomplete', verified: false, saved: false, applied: { a: 2, b: 1 }, findings: [], rollback };
    act(() => useStore.setState((s) => ({ wizard: { ...s.wizard, step: 'verify', push: { ...s.wizard.push, status: 'done', result: result as never } } })));
    const summary = await screen.findByRole('region', { name: tw('result.label') });
    expect(wizardText().filter((x) => x !== 'undo vrrp vrid 9: % Unrecognized command' && x !== noUndo)).toEqual([]);
    // Said inside another message, a reason or a note keeps its own brackets only when it came from the catalogue.
    const core = (key: string, params?: Record<string, unknown>) => i18n.t(`core:${key}`, params ?? {});
    expect(summary.textContent).toContain(core('error.connect-failed.ssh.message', reasonSaid.params));
    expect(summary.textContent).toContain(core('rollback.no-copy'));
    expect(summary.textContent).toContain(core('rollback.error.no-undo-form', { lines: noUndo }));
    expect(summary.textContent).toContain(tw('result.refused', { line: 'undo vrrp vrid 9: % Unrecognized command' }));
  });

  it('One cable: the lab cable, the phases, the cable to move, then what A keeps', async () => {
    const fake = await openWizard({ 'oneCable.run': () => new Promise(() => undefined) });
    act(() => useStore.setState({ lab: { state: 'running', devices: [], cablePath: '/tmp/lab-cable' } as never }));
    fireEvent.click(screen.getByRole('radio', { name: tw('connect.oneCable') }));
    expect(screen.getByRole('button', { name: `1. ${tw('steps.connectOneCable')}` })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: tw('oneCable.useLabCable') }));
    fireEvent.click(screen.getByRole('button', { name: tw('oneCable.run') }));
    const opId = useStore.getState().oneCable.opId!;
    act(() => fake.emit({ event: 'oneCable.progress', payload: { opId, steps: [{ step: 'on-a', text: 'starting device A' }, { step: 'move-cable', text: 'starting device A', to: 'b' }], messages: [], question: 'cable' } }));
    await screen.findByRole('button', { name: tw('oneCable.cableOn', { device: 'B' }) });
    expect(wizardText()).toEqual([]);
    act(() => fake.emit({ event: 'oneCable.progress', payload: { opId, steps: [{ step: 'left-on-a', text: 'Device A keeps its part: 2 lines, saved', code: 'oneCable.step.left-on-a-saved', params: { count: 2 } }], messages: [], question: 'undo-a' } }));
    await screen.findByRole('button', { name: tw('oneCable.keepA') });
    expect(wizardText()).toEqual([]);
    // B's rollback incomplete: the title must not say B was rolled back.
    const incomplete = { step: 'undo-b', text: "Device B's rollback is incomplete: + keepalive count 3", code: 'oneCable.step.undo-b-incomplete', params: { lines: '+ keepalive count 3' } } as const;
    act(() => fake.emit({ event: 'oneCable.progress', payload: { opId, steps: [incomplete], messages: [], question: 'undo-a' } }));
    await screen.findByRole('heading', { name: tw('oneCable.undoTitle', { b: 'incomplete', lines: 2, counted: 'yes' }) });
    expect(wizardText().filter((x) => x !== '+ keepalive count 3')).toEqual([]);
  });
});
