// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../renderer/src/App';
import { DiagnosticList } from '../../renderer/src/features/pairing/DiagnosticList';
import { PairForm } from '../../renderer/src/features/pairing/PairForm';
import { ScriptPreview } from '../../renderer/src/features/pairing/ScriptPreview';
import { resetOutputStreams } from '../../renderer/src/features/console/output-stream';
import { i18n } from '../../renderer/src/i18n';
import { setBridge } from '../../renderer/src/services/api';
import { useStore } from '../../renderer/src/store/index';
import { Pair } from '../../src/core/model/pair';
import { validatePair } from '../../src/core/validate/index';
import { CATALOGUES, NAMESPACES } from '../../src/i18n/index';
import { asPair } from '../core/validate/fixtures';
import { DOC, fakeBridge, RENDERED, standardAnswers } from './fake-bridge';
import { PLAN, wizardAnswers } from './pairing-fakes';

// xterm needs a real layout engine: a stand-in, so the console screen renders around it.
vi.mock('@xterm/xterm', () => ({
  Terminal: class {
    cols = 100;
    rows = 30;
    loadAddon() {}
    open() {}
    attachCustomKeyEventHandler() {}
    onData() {
      return { dispose() {} };
    }
    write() {}
    focus() {}
    dispose() {}
  },
}));
vi.mock('@xterm/addon-fit', () => ({ FitAddon: class { fit() {} } }));

/**
 * The pseudo-locale: every English message wrapped in ［…］. Rendered in it, a screen whose text
 * all comes from the catalogue shows letters only inside brackets; a string written into a
 * component shows up bare, and this test names it.
 */
const wrap = (v: unknown): unknown => (typeof v === 'string' ? `［${v}］` : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, wrap(x)])) : v);
const initial = useStore.getState();

/** Text the app shows as it is: data from the host, device names, rule ids and paths, the brand. */
function bareEnglish(root: Element, allowed: Set<string>): string[] {
  const out: string[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const text = n.textContent!.trim();
    if (!/[A-Za-z]/.test(text) || (text.startsWith('［') && text.endsWith('］')) || allowed.has(text)) continue;
    // rule ids, paths, fingerprints, key lines, device commands and scripts are shown as they are
    if (n.parentElement?.closest('.diag-rule, .diag-path, code, pre')) continue;
    out.push(text);
  }
  for (const el of root.querySelectorAll('[aria-label], [title]'))
    for (const attr of ['aria-label', 'title']) {
      const v = el.getAttribute(attr);
      if (v && /[A-Za-z]/.test(v) && !(v.startsWith('［') && v.endsWith('］'))) out.push(`${attr}="${v}"`);
    }
  return out;
}

const RUNS = [{ pair: 'site-1', startedAt: '2026-01-01T09:00:00.000Z', outcome: 'success', interrupted: false, applied: { a: 20, b: 22 }, journal: '/data/journal/site-1.jsonl' }];
const LAB = { state: 'running', devices: [{ key: 'a', sysname: 'FW1', ssh: { host: '127.0.0.1', port: 2201, username: 'admin' } }] };
// Values the host sends, shown as they are.
const DATA = new Set([
  ...['HotPair', 'A', 'lab', 'The built-in lab', 'active-standby', 'site-1', 'FW1', 'English', '简体中文'],
  // settings, bundles and console data: a login's name and URL, a known host, file names, the session
  ...['admin-fw', 'ssh://10.0.0.1', '· ssh://10.0.0.1', '127.0.0.1:2201', 'ssh-ed25519', 'site-1.hpb', 'site-1.hpb:', 'comware7', 'schema unavailable', 'a.cfg', 'device A channel', ': remote-backup group'],
  ...['ssh admin@127.0.0.1:2201', '/dev/ttyUSB0 — FTDI'],
]);

const SETTINGS_ANSWERS = {
  'settings.knownHosts': () => ({ ok: true, data: { file: '/data/known_hosts', hosts: [{ host: '127.0.0.1', port: 2201, type: 'ssh-ed25519', fingerprint: 'SHA256:host' }] } }),
  'settings.credentials': () => ({ ok: true, data: { store: 'keychain', locked: false, credentials: [{ id: 'c1', label: 'admin-fw', username: 'admin', url: 'ssh://10.0.0.1' }] } }),
};
const MANIFEST = {
  format: 'hotpair-bundle',
  formatVersion: 1,
  createdAt: '2026-01-01T00:00:00Z',
  tool: { name: 'hotpair', version: '0.1.0' },
  pair: { name: 'site-1', mode: 'active-standby', sysnames: { a: 'FW1', b: 'FW2' } },
  platform: { id: 'comware7', version: '1' },
  signer: { publicKey: 'AAAA', fingerprint: 'SHA256:signer' },
  secrets: true,
  members: [{ path: 'a.cfg', size: 1234, sha256: 'x'.repeat(64) }],
};
const BUNDLE_ANSWERS = {
  'bundles.keys': () => ({ ok: true, data: { own: { line: 'hotpair-ed25519 AAAA SHA256:own', fingerprint: 'SHA256:own' }, trusted: ['SHA256:signer'] } }),
  'bundles.create': () => ({ ok: true, data: { file: { name: 'site-1.hpb', data: btoa('x') }, count: 1, refused: [], manifest: MANIFEST } }),
  'bundles.import': () => ({ ok: true, data: { fingerprint: 'SHA256:creator', trusted: false } }),
  'bundles.verify': () => ({ ok: true, data: { valid: true, trusted: true, signer: 'SHA256:signer', findings: [] } }),
  'bundles.show': () => ({ ok: true, data: { manifest: MANIFEST, signerTrusted: true } }),
  'bundles.apply': () => new Promise(() => undefined),
};
const CONSOLE_ANSWERS = {
  'console.open': (i: Record<string, unknown>) =>
    !i.acceptHostKey
      ? { ok: false, error: { code: 'HOST_KEY_UNKNOWN', message: 'unknown', details: { host: '127.0.0.1', port: 2201, type: 'ssh-ed25519', fingerprint: 'SHA256:host' } } }
      : { ok: true, data: { sessionId: 'c-1', label: 'ssh admin@127.0.0.1:2201', kind: 'ssh', prompt: '<FW1>' } },
  'console.write': () => ({ ok: true, data: {} }),
  'console.resize': () => ({ ok: true, data: { applied: true } }),
  'devices.listPorts': () => ({ ok: true, data: { ports: [{ path: '/dev/ttyUSB0', manufacturer: 'FTDI' }] } }),
};
/**
 * The host's answer for the text the form sends: the real rules' findings, plus one about the file
 * as a whole (no field's path), which the form lists above its sections.
 */
function validateAll(i: Record<string, unknown>) {
  const diagnostics = validatePair(Pair.parse(JSON.parse(String(i.text))));
  const whole = { ...diagnostics[0]!, path: '' };
  return { ok: true, data: { diagnostics: [...diagnostics, whole], valid: false, checked: 'rules' } };
}

beforeAll(async () => {
  for (const ns of NAMESPACES) i18n.addResourceBundle('pseudo', ns, wrap(CATALOGUES.en[ns]) as object);
  await i18n.changeLanguage('pseudo');
});
afterAll(async () => {
  await i18n.changeLanguage('en');
});
beforeEach(() => useStore.setState(initial, true));
afterEach(() => {
  cleanup();
  setBridge(undefined);
});

describe('pseudo-locale: no English outside the catalogue', () => {
  it('the shell, navigation and Home', async () => {
    setBridge(fakeBridge({ ...standardAnswers(), 'pair.runs': () => ({ ok: true, data: { runs: RUNS } }), 'lab.status': () => ({ ok: true, data: LAB }) } as never).bridge);
    render(<App />);
    await screen.findByText('site-1');
    await screen.findByText('FW1');
    expect(bareEnglish(document.body, DATA)).toEqual([]);
    expect(screen.getByRole('navigation').textContent).toContain('［Pairing］');
  });

  it('Settings: language, monitor (with a wrong port), known hosts and saved logins', async () => {
    setBridge(fakeBridge({ ...standardAnswers(), ...SETTINGS_ANSWERS, 'pair.runs': () => ({ ok: true, data: { runs: [] } }) } as never).bridge);
    render(<App />);
    await screen.findByText('［No commissioning runs yet. Start the lab pair, then Pairing walks you through one.］');
    act(() => void fireEvent.keyDown(window, { key: '6', altKey: true }));
    await screen.findByRole('radiogroup', { name: '［Language］' });
    const monitor = await screen.findByRole('form', { name: '［Monitor settings］' });
    fireEvent.change(within(monitor).getByLabelText(/Syslog receiver port/), { target: { value: '70000' } });
    fireEvent.change(within(monitor).getByLabelText(/Syslog receiver address/), { target: { value: '' } });
    await within(monitor).findByText(/type a whole number from 1 to 65535/);
    await screen.findByText(/admin-fw/);
    await screen.findByText('SHA256:host');
    expect(bareEnglish(document.querySelector('.screen')!, DATA)).toEqual([]);
  });

  it('Bundles: create, a verified bundle with its manifest, Apply in progress, and the keys', async () => {
    const fake = fakeBridge({ ...standardAnswers(), ...SETTINGS_ANSWERS, ...BUNDLE_ANSWERS } as never);
    setBridge(fake.bridge);
    URL.createObjectURL = vi.fn(() => 'blob:x');
    URL.revokeObjectURL = vi.fn();
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    render(<App />);
    await act(async () => useStore.getState().openDoc('site-1', DOC));
    act(() => useStore.getState().navigate('bundles'));
    fireEvent.click(await screen.findByLabelText(/Include device passwords/));
    fireEvent.change(screen.getByLabelText('［Bundle passphrase］'), { target: { value: 'short' } });
    expect(screen.getByText('［Type both device passwords.］')).toBeTruthy();
    fireEvent.click(screen.getByLabelText(/Include device passwords/));
    fireEvent.click(screen.getByRole('button', { name: '［Bundle the current pair］' }));
    await screen.findByRole('status', { name: '［Bundle created］' });
    fireEvent.change(screen.getByLabelText(/Bundle file/), { target: { files: [new File([new Uint8Array([1, 2, 3])], 'site-1.hpb')] } });
    const apply = await screen.findByRole('region', { name: '［Apply the bundle］' });
    fireEvent.click(within(apply).getByRole('button', { name: '［Plan from this bundle］' }));
    await waitFor(() => expect(fake.callsTo('bundles.apply')).toHaveLength(1));
    const opId = String(fake.callsTo('bundles.apply')[0]!.input.opId);
    act(() => fake.emit({ event: 'op.progress', payload: { opId, channel: 'bundles.apply', step: 'device A channel', done: 3, total: 12, line: 'remote-backup group', state: 'running' } }));
    await within(apply).findByRole('status', { name: '［Apply progress］' });
    const keys = screen.getByRole('region', { name: '［Trusted creators］' });
    fireEvent.change(within(keys).getByLabelText(/creator's public key/), { target: { value: 'hotpair-ed25519 BBBB' } });
    fireEvent.click(within(keys).getByRole('button', { name: '［Show fingerprint］' }));
    await within(keys).findByRole('button', { name: '［The fingerprint matches: trust this key］' });
    expect(bareEnglish(document.querySelector('.screen')!, DATA)).toEqual([]);
    click.mockRestore();
  });

  it('Console: the connect form, the host-key question and a session', async () => {
    resetOutputStreams();
    setBridge(fakeBridge({ ...standardAnswers(), ...SETTINGS_ANSWERS, ...CONSOLE_ANSWERS, 'lab.status': () => ({ ok: true, data: LAB }) } as never).bridge);
    render(<App />);
    await screen.findByText('FW1');
    act(() => void fireEvent.keyDown(window, { key: '4', altKey: true }));
    const form = await screen.findByRole('form', { name: '［Connect a console］' });
    await within(form).findByText('/dev/ttyUSB0 — FTDI');
    await within(form).findByText('admin-fw (admin)'.replace(/^(.*) \((.*)\)$/, '［$1 ($2)］'));
    expect(bareEnglish(document.querySelector('.screen')!, DATA)).toEqual([]);
    fireEvent.change(within(form).getByLabelText('［Device URL］'), { target: { value: 'ssh://admin@127.0.0.1:2201' } });
    fireEvent.click(within(form).getByRole('button', { name: '［Connect］' }));
    const prompt = await screen.findByRole('alertdialog', { name: '［Unknown host key］' });
    expect(bareEnglish(document.querySelector('.screen')!, DATA)).toEqual([]);
    fireEvent.click(within(prompt).getByRole('button', { name: '［Trust and connect］' }));
    await screen.findByRole('region', { name: '［Terminal］' });
    await screen.findByLabelText('［Device terminal］');
    expect(bareEnglish(document.querySelector('.screen')!, DATA)).toEqual([]);
  });

  it('Pairing: where to start, then the whole form with lists, findings, defaults and the scripts', async () => {
    setBridge(fakeBridge({ ...standardAnswers(), 'pairs.validate': validateAll, 'pairs.schema': () => ({ ok: false, error: { code: 'INTERNAL', message: 'schema unavailable' } }) } as never).bridge);
    render(<App />);
    act(() => void fireEvent.keyDown(window, { key: '2', altKey: true }));
    await screen.findByRole('button', { name: '［A new pair］' });
    expect(bareEnglish(document.querySelector('.screen')!, DATA)).toEqual([]);
    cleanup();

    // a pair with lists (track, VRRP, interfaces) and real findings: same control IPs, dual-active without a standby group
    const doc = asPair();
    doc.devices.b.controlChannel.localIp = doc.devices.a.controlChannel.localIp;
    doc.mode = 'dual-active';
    await act(async () => useStore.getState().openDoc('site-1', doc));
    render(
      <>
        <PairForm />
        <ScriptPreview />
      </>,
    );
    await screen.findByRole('region', { name: '［Findings about the whole file］' });
    await screen.findByRole('alert');
    expect(bareEnglish(document.body, DATA)).toEqual([]);
    // the scripts, once the pair validates and renders
    act(() => useStore.setState((st) => ({ editor: { ...st.editor, valid: true, render: RENDERED.data as never } })));
    await screen.findByRole('tablist', { name: '［Device］' });
    expect(bareEnglish(document.body, DATA)).toEqual([]);
  });

  it('the pairing form\'s findings, from real rule diagnostics', () => {
    const input = asPair();
    input.devices.b.controlChannel.localIp = input.devices.a.controlChannel.localIp;
    input.mode = 'dual-active';
    const diagnostics = validatePair(Pair.parse(input));
    expect(diagnostics.length).toBeGreaterThan(1);
    const { container } = render(<DiagnosticList diagnostics={diagnostics} showPath />);
    expect(bareEnglish(container, DATA)).toEqual([]);
  });
});

/** The wizard's names in the pseudo-locale, to find its controls the way a user of that language would. */
const tw = (key: string, params?: Record<string, unknown>) => i18n.t(`app:wizard.${key}`, params ?? {});
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
  const fake = fakeBridge({ ...wizardAnswers(), 'pair.plan': () => ({ ok: true, data: { ...PLAN, health: HEALTH } }), ...answers } as never);
  setBridge(fake.bridge);
  render(<App />);
  await screen.findByRole('heading', { name: i18n.t('app:home.title') });
  act(() => {
    useStore.getState().openDoc('site-1', structuredClone(DOC));
    useStore.getState().navigate('pairing');
  });
  await screen.findByRole('navigation', { name: tw('steps.label') });
  return fake;
}
const wizardText = () => bareEnglish(document.querySelector('.screen')!, WIZARD_DATA);

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
    act(() => fake.emit({ event: 'pair.progress', payload: { opId, stage: { name: 'channel', title: 'Stage 1 — control channel' }, devices: { a: { done: 4, total: 22, line: 'remote-backup group' } }, messages: [{ level: 'info', text: 'Stage 1 — control channel', device: 'a' }, { level: 'warn', text: 'pushing 2 line(s) the devices did not confirm anyway, because: "lab"', code: 'probe.forced', params: { count: 2, reason: 'lab' } }] } }));
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
    act(() => fake.emit({ event: 'oneCable.progress', payload: { opId, steps: [{ step: 'left-on-a', text: 'Device A keeps its part: 2 line(s), saved', code: 'oneCable.step.left-on-a-saved', params: { count: 2 } }], messages: [], question: 'undo-a' } }));
    await screen.findByRole('button', { name: tw('oneCable.keepA') });
    expect(wizardText()).toEqual([]);
  });
});

/** The Monitor's names in the pseudo-locale. */
const ta = (key: string, params?: Record<string, unknown>) => i18n.t(`app:${key}`, params ?? {});
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

describe('pseudo-locale: Monitor, its drill and the report', () => {
  // jsdom lays nothing out: give the timeline's scroller the size a 1280×800 window gives it, so its virtual window holds rows.
  const sizes = ['clientHeight', 'clientWidth'].map((k) => [k, Object.getOwnPropertyDescriptor(HTMLElement.prototype, k)] as const);
  const size = (dim: number) =>
    function (this: HTMLElement) {
      return this.dataset.testid === 'timeline-scroll' ? dim : 0;
    };
  beforeEach(() => {
    Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: size(420) });
    Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: size(900) });
  });
  afterEach(() => {
    for (const [k, d] of sizes) if (d) Object.defineProperty(HTMLElement.prototype, k, d);
  });

  it('the pair card, the chart, every kind of event and an alert in the timeline, and an operation', async () => {
    setBridge(fakeBridge(monitorAnswers() as never).bridge);
    render(<App />);
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

  it('the drill dialog: its plan, running, cancelled, failed with figures', async () => {
    const fake = fakeBridge(monitorAnswers() as never);
    setBridge(fake.bridge);
    render(<App />);
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
    const fake = fakeBridge({ ...standardAnswers(), 'pair.runs': () => ({ ok: true, data: { runs } }), 'report.create': () => ({ ok: true, data: report }) } as never);
    setBridge(fake.bridge);
    URL.createObjectURL = vi.fn(() => 'blob:x');
    URL.revokeObjectURL = vi.fn();
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    render(<App />);
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
    click.mockRestore();
  });
});
