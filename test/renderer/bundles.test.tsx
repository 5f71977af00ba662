// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../renderer/src/App';
import { setBridge } from '../../renderer/src/services/api';
import { useStore } from '../../renderer/src/store/index';
import { BUNDLE_MANIFEST, DOC, fakeBridge, standardAnswers } from './fake-bridge';

const initial = useStore.getState();
let fake: ReturnType<typeof fakeBridge>;
const downloads: string[] = [];

function boot(extra: Record<string, unknown> = {}) {
  fake = fakeBridge({
    ...standardAnswers(),
    'settings.knownHosts': () => ({ ok: true, data: { file: '/k', hosts: [] } }),
    'settings.credentials': () => ({ ok: true, data: { store: 'off', locked: false, credentials: [] } }),
    'bundles.keys': () => ({ ok: true, data: { own: { line: 'hotpair-ed25519 AAAA SHA256:own', fingerprint: 'SHA256:own' }, trusted: [] } }),
    'bundles.create': () => ({ ok: true, data: { file: { name: 'site-1.hpb', data: btoa('bundle-bytes') }, count: 1, refused: [], manifest: BUNDLE_MANIFEST } }),
    'bundles.import': (i: Record<string, unknown>) => ({ ok: true, data: { fingerprint: 'SHA256:creator', trusted: i.confirmFingerprint === 'SHA256:creator' } }),
    'bundles.verify': () => ({ ok: true, data: { valid: true, trusted: true, signer: 'SHA256:signer', findings: [] } }),
    'bundles.show': () => ({ ok: true, data: { manifest: BUNDLE_MANIFEST, signerTrusted: true } }),
    'bundles.apply': () => new Promise(() => undefined), // stays running: the test drives progress and cancel
    'ops.cancel': () => ({ ok: true, data: { cancelled: true } }),
    ...extra,
  } as never);
  setBridge(fake.bridge);
  render(<App />);
}

beforeEach(() => {
  useStore.setState(initial, true);
  downloads.length = 0;
  URL.createObjectURL = vi.fn(() => 'blob:x');
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push(this.download);
  });
});
afterEach(() => {
  cleanup();
  setBridge(undefined);
  vi.restoreAllMocks();
});

describe('bundles screen', () => {
  it('bundles the pair being edited and offers it as a download; the bytes never enter the store', async () => {
    boot();
    await act(async () => useStore.getState().openDoc('site-1', DOC));
    useStore.getState().navigate('bundles');
    const create = await screen.findByRole('button', { name: 'Bundle the current pair' });
    await waitFor(() => expect((create as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(create);
    await screen.findByRole('status', { name: 'Bundle created' });
    expect(downloads).toEqual(['site-1.hpb']);
    expect(JSON.parse(String(fake.callsTo('bundles.create')[0]!.input.text))).toMatchObject({ name: 'site-1' });
    expect(JSON.stringify(useStore.getState())).not.toContain(btoa('bundle-bytes'));
  });

  it('seals device passwords into the bundle only with a confirmed passphrase, and keeps none of them', async () => {
    boot();
    await act(async () => useStore.getState().openDoc('site-1', DOC));
    useStore.getState().navigate('bundles');
    fireEvent.click(await screen.findByLabelText(/Include device passwords/));
    const create = screen.getByRole('button', { name: 'Bundle the current pair' }) as HTMLButtonElement;
    fireEvent.change(screen.getByLabelText('Device A password'), { target: { value: 'pw-a-1' } });
    fireEvent.change(screen.getByLabelText('Device B password'), { target: { value: 'pw-b-1' } });
    fireEvent.change(screen.getByLabelText('Bundle passphrase'), { target: { value: 'passphrase-1' } });
    fireEvent.change(screen.getByLabelText('Passphrase again'), { target: { value: 'passphrase-2' } });
    expect(screen.getByText('The two passphrases differ.')).toBeTruthy();
    expect(create.disabled).toBe(true);
    fireEvent.change(screen.getByLabelText('Passphrase again'), { target: { value: 'passphrase-1' } });
    await waitFor(() => expect(create.disabled).toBe(false));
    fireEvent.click(create);
    await screen.findByRole('status', { name: 'Bundle created' });
    expect(fake.callsTo('bundles.create')[0]!.input.secrets).toEqual({ passphrase: 'passphrase-1', a: 'pw-a-1', b: 'pw-b-1' });
    expect(JSON.stringify(useStore.getState())).not.toMatch(/pw-a-1|pw-b-1|passphrase-1/);
    expect((screen.getByLabelText('Device A password') as HTMLInputElement).value).toBe(''); // cleared after use
  });

  it("shows a creator key's fingerprint before trusting it, and trusts it only on confirmation", async () => {
    boot();
    useStore.getState().navigate('bundles');
    const region = await screen.findByRole('region', { name: 'Trusted creators' });
    expect(region.textContent).toContain('SHA256:own');
    fireEvent.change(within(region).getByLabelText(/creator's public key/), { target: { value: 'hotpair-ed25519 BBBB' } });
    fireEvent.click(within(region).getByRole('button', { name: 'Show fingerprint' }));
    await within(region).findByText('SHA256:creator');
    expect(fake.callsTo('bundles.import')).toHaveLength(1);
    expect(fake.callsTo('bundles.import')[0]!.input.confirmFingerprint).toBeUndefined();
    fireEvent.click(within(region).getByRole('button', { name: /trust this key/ }));
    await within(region).findByText(/trusted\./);
    expect(fake.callsTo('bundles.import')[1]!.input).toMatchObject({ confirmFingerprint: 'SHA256:creator' });
  });

  it('offers Apply only for an intact, trusted bundle, shows progress and cancels', async () => {
    boot();
    useStore.getState().navigate('bundles');
    const input = (await screen.findByLabelText(/Bundle file/)) as HTMLInputElement;
    const file = new File([new Uint8Array([1, 2, 3])], 'site-1.hpb');
    fireEvent.change(input, { target: { files: [file] } });
    const apply = await screen.findByRole('region', { name: 'Apply the bundle' });
    fireEvent.click(within(apply).getByRole('checkbox'));
    fireEvent.change(within(apply).getAllByLabelText('Password')[0]!, { target: { value: 'pw-a' } });
    fireEvent.click(within(apply).getByRole('button', { name: 'Apply to both devices' }));
    await waitFor(() => expect(fake.callsTo('bundles.apply')).toHaveLength(1));
    const call = fake.callsTo('bundles.apply')[0]!.input;
    expect(call).toMatchObject({ dryRun: false, a: { password: 'pw-a' }, b: {}, bundle: { name: 'site-1.hpb', data: 'AQID' } });
    expect(JSON.stringify(useStore.getState())).not.toContain('pw-a');
    act(() => fake.emit({ event: 'op.progress', payload: { opId: String(call.opId), channel: 'bundles.apply', step: 'device A channel', done: 3, total: 12, line: 'remote-backup group', state: 'running' } }));
    expect((await within(apply).findByRole('status', { name: 'Apply progress' })).textContent).toContain('line 3/12: remote-backup group');
    fireEvent.click(within(apply).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(fake.callsTo('ops.cancel')[0]!.input).toEqual({ opId: call.opId }));
  });

  it('does not offer Apply for an untrusted signer', async () => {
    boot({ 'bundles.verify': () => ({ ok: true, data: { valid: true, trusted: false, signer: 'SHA256:x', findings: ['not trusted'] } }) });
    useStore.getState().navigate('bundles');
    fireEvent.change(await screen.findByLabelText(/Bundle file/), { target: { files: [new File(['x'], 'x.hpb')] } });
    await screen.findByText(/signer is not trusted here/);
    expect(screen.queryByRole('region', { name: 'Apply the bundle' })).toBeNull();
  });
});
