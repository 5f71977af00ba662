// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { resetOutputStreams } from '../../../renderer/src/features/console/output-stream';
import { i18n } from '../../../renderer/src/i18n';
import { useStore } from '../../../renderer/src/store/index';
import { BUNDLE_MANIFEST, DOC, standardAnswers } from '../fake-bridge';
import { catchDownloads, CONSOLE_ANSWERS, DATA, inPseudoLocale, LAB, renderApp, screenEnglish, SETTINGS_ANSWERS } from './helpers';

// xterm needs a real layout engine: a stand-in, so the console screen renders around it.
vi.mock('@xterm/xterm', () => import('../xterm-stub'));
vi.mock('@xterm/addon-fit', () => import('../xterm-stub'));
const { terms } = await import('../xterm-stub');

inPseudoLocale();

// A bundle with device passwords inside, and a member large enough to show its size in kB.
const MANIFEST = { ...BUNDLE_MANIFEST, secrets: true, members: [{ ...BUNDLE_MANIFEST.members[0]!, size: 1234 }] };
const BUNDLE_ANSWERS = {
  'bundles.keys': () => ({ ok: true, data: { own: { line: 'hotpair-ed25519 AAAA SHA256:own', fingerprint: 'SHA256:own' }, trusted: ['SHA256:signer'] } }),
  'bundles.create': () => ({ ok: true, data: { file: { name: 'site-1.hpb', data: btoa('x') }, count: 1, refused: [], manifest: MANIFEST } }),
  'bundles.import': () => ({ ok: true, data: { fingerprint: 'SHA256:creator', trusted: false } }),
  'bundles.verify': () => ({ ok: true, data: { valid: true, trusted: true, signer: 'SHA256:signer', findings: [] } }),
  'bundles.show': () => ({ ok: true, data: { manifest: MANIFEST, signerTrusted: true } }),
  'bundles.apply': () => new Promise(() => undefined),
};

describe('pseudo-locale: Bundles and Console', () => {
  it('Bundles: create, a verified bundle with its manifest, Apply in progress, and the keys', async () => {
    const fake = renderApp({ ...standardAnswers(), ...SETTINGS_ANSWERS, ...BUNDLE_ANSWERS });
    const downloads = catchDownloads();
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
    expect(screenEnglish(DATA)).toEqual([]);
    downloads.restore();
  });

  it('Console: the connect form, the host-key question, a session and a keystroke the host refused', async () => {
    resetOutputStreams();
    terms.length = 0;
    const answers = { ...standardAnswers(), ...SETTINGS_ANSWERS, ...CONSOLE_ANSWERS, 'lab.status': () => ({ ok: true, data: LAB }) };
    const fake = renderApp(answers);
    await screen.findByText('FW1');
    act(() => void fireEvent.keyDown(window, { key: '4', altKey: true }));
    const form = await screen.findByRole('form', { name: '［Connect a console］' });
    await within(form).findByText('/dev/ttyUSB0 — FTDI');
    await within(form).findByText('admin-fw (admin)'.replace(/^(.*) \((.*)\)$/, '［$1 ($2)］'));
    expect(screenEnglish(DATA)).toEqual([]);
    fireEvent.change(within(form).getByLabelText('［Device URL］'), { target: { value: 'ssh://admin@127.0.0.1:2201' } });
    fireEvent.click(within(form).getByRole('button', { name: '［Connect］' }));
    const prompt = await screen.findByRole('alertdialog', { name: '［Unknown host key］' });
    expect(screenEnglish(DATA)).toEqual([]);
    fireEvent.click(within(prompt).getByRole('button', { name: '［Trust and connect］' }));
    await screen.findByRole('region', { name: '［Terminal］' });
    await screen.findByLabelText('［Device terminal］');
    // xterm's own input is named in the language too (the stand-in names it as xterm does)
    expect(terms.at(-1)!.textarea!.getAttribute('aria-label')).toBe('［Terminal input］');
    expect(screenEnglish(DATA)).toEqual([]);

    // the host refuses a keystroke: the terminal says why in the language, the session's label as it is
    answers['console.write'] = () => ({ ok: false, error: { code: 'DISCONNECTED', message: 'ssh admin@127.0.0.1:2201: the session is closed.', key: 'host.console-closed', params: { label: 'ssh admin@127.0.0.1:2201' } } });
    terms.at(-1)!.type('x');
    await waitFor(() => expect(fake.callsTo('console.write').some((c) => c.input.data === 'x')).toBe(true));
    const said = await waitFor(() => terms.at(-1)!.written.find((w) => w.includes('ssh admin@127.0.0.1:2201'))!);
    expect(said).toContain(`[${i18n.t('core:host.console-closed.message', { label: 'ssh admin@127.0.0.1:2201' })}]`);
    expect(said).toMatch(/\[［ssh admin@127\.0\.0\.1:2201: .*］\]/);
  });
});
