// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../renderer/src/App';
import { setBridge } from '../../renderer/src/services/api';
import { useStore } from '../../renderer/src/store/index';
import { fakeBridge, INFO, standardAnswers } from './fake-bridge';

const initial = useStore.getState();
let fake: ReturnType<typeof fakeBridge>;

function boot(answers = standardAnswers()) {
  fake = fakeBridge(answers);
  setBridge(fake.bridge);
  render(<App />);
}

beforeEach(() => useStore.setState(initial, true));
afterEach(() => {
  cleanup();
  setBridge(undefined);
  delete document.documentElement.dataset.theme;
});

describe('app shell', () => {
  it('shows the six screens in the nav and moves between them with the keyboard', async () => {
    boot();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getAllByRole('button').map((b) => b.textContent)).toEqual(['Home', 'Pairing', 'Monitor', 'Console', 'Bundles', 'Settings']);
    expect(within(nav).getByRole('button', { name: 'Home' }).getAttribute('aria-current')).toBe('page');
    fireEvent.keyDown(window, { key: '3', altKey: true });
    expect(await screen.findByRole('heading', { name: 'Monitor' })).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Event timeline' })).toBeTruthy();
    fireEvent.click(within(nav).getByRole('button', { name: 'Console' }));
    expect(screen.getByRole('heading', { name: 'Console' })).toBeTruthy();
  });

  it('says the host is unreachable instead of showing an empty app', async () => {
    boot({ ...standardAnswers(), 'app.info': () => ({ ok: false, error: { code: 'DISCONNECTED', message: 'The HotPair host is not reachable.', fix: 'Reload.' } }) } as never);
    expect(await screen.findByText('Cannot reach the HotPair host')).toBeTruthy();
    expect(screen.getByText('The HotPair host is not reachable.')).toBeTruthy();
  });

  it('applies the theme from settings', async () => {
    boot({ ...standardAnswers(), 'settings.get': () => ({ ok: true, data: { ...standardAnswers()['settings.get']().data, theme: 'dark' } }) } as never);
    await waitFor(() => expect(document.documentElement.dataset.theme).toBe('dark'));
  });
});

describe('home', () => {
  it('offers one button that starts the lab pair, and follows its status events', async () => {
    boot({ ...standardAnswers(), 'lab.start': () => new Promise(() => {}) } as never);
    const start = await screen.findByRole('button', { name: 'Start the lab pair' });
    fireEvent.click(start);
    expect(fake.callsTo('lab.start')).toHaveLength(1);
    expect(await screen.findByRole('button', { name: 'Cancel' })).toBeTruthy();
    act(() => fake.emit({ event: 'lab.status', payload: { state: 'running', devices: [{ key: 'a', sysname: 'FW1', ssh: { host: '127.0.0.1', port: 2201, username: 'admin' } }] } }));
    expect(await screen.findByText(/SSH 127\.0\.0\.1:2201 as admin/)).toBeTruthy();
  });

  it('says the lab is not available when the host has none', async () => {
    boot({ ...standardAnswers(), 'app.info': () => ({ ok: true, data: { ...INFO, labAvailable: false } }) } as never);
    expect(await screen.findByText(/not available in this run/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Start the lab pair' })).toBeNull();
  });
});

describe('pair editor', () => {
  it('shows the rule, message, reason and fix beside the field that broke it, and the scripts once valid', async () => {
    boot();
    fireEvent.click(await screen.findByRole('button', { name: 'lab' }));
    const field = (await screen.findAllByLabelText('Control channel local IP'))[1] as HTMLInputElement;
    expect(field.value).toBe('10.2.1.2');
    expect(await screen.findByText('remote-backup group')).toBeTruthy();

    fireEvent.change(field, { target: { value: '10.2.1.1' } });
    const row = field.closest('[data-path]') as HTMLElement;
    expect(row.dataset.path).toBe('devices.b.controlChannel.localIp');
    await waitFor(() => expect(within(row).getByText('channel.local-ne-peer')).toBeTruthy(), { timeout: 2000 });
    expect(within(row).getByText('local IP equals the peer IP')).toBeTruthy();
    expect(within(row).getByText(/Why: The local and peer IP addresses must be different/)).toBeTruthy();
    expect(within(row).getByText(/Fix: give device b its own address/)).toBeTruthy();
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Scripts are rendered once the pair has no errors.')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toMatch(/1 error/);
  });
});

describe('bundles', () => {
  const manifest = {
    format: 'hotpair-bundle',
    formatVersion: 1,
    pair: { name: 'site-1', mode: 'active-standby', sysnames: { a: 'FW1', b: 'FW2' } },
    platform: { id: 'comware7', version: '1' },
    tool: { name: 'hotpair', version: '0.1.0' },
    createdAt: '2026-01-01T00:00:00Z',
    signer: { publicKey: 'x', fingerprint: 'SHA256:abc' },
    secrets: false,
    members: [{ path: 'a.cfg', sha256: '0'.repeat(64), size: 12 }],
  };

  it('sends a picked file by content and shows the verdict and manifest', async () => {
    boot({
      ...standardAnswers(),
      'bundles.verify': () => ({ ok: true, data: { valid: true, trusted: false, signer: 'SHA256:abc', findings: ['The signer SHA256:abc is not trusted here'] } }),
      'bundles.show': () => ({ ok: true, data: { manifest, signerTrusted: false } }),
    } as never);
    fireEvent.keyDown(window, { key: '5', altKey: true });
    const input = (await screen.findByLabelText(/Bundle file/)) as HTMLInputElement;
    const file = new File([new Uint8Array([104, 105])], 'site-1.hpb');
    fireEvent.change(input, { target: { files: [file] } });
    expect(await screen.findByText(/intact, but the signer is not trusted here/)).toBeTruthy();
    expect(fake.callsTo('bundles.verify')[0]!.input).toEqual({ name: 'site-1.hpb', data: 'aGk=' });
    expect(screen.getByText(/site-1 \(active-standby\)/)).toBeTruthy();
    expect(screen.getByText('a.cfg')).toBeTruthy();
  });

  it('says a damaged bundle is refused and shows no manifest', async () => {
    boot({ ...standardAnswers(), 'bundles.verify': () => ({ ok: true, data: { valid: false, trusted: false, findings: ['Member a.cfg changed.'] } }) } as never);
    fireEvent.keyDown(window, { key: '5', altKey: true });
    fireEvent.change(await screen.findByLabelText(/Bundle file/), { target: { files: [new File(['x'], 'bad.hpb')] } });
    expect(await screen.findByText(/refused — it is damaged or was changed/)).toBeTruthy();
    expect(screen.getByText('Member a.cfg changed.')).toBeTruthy();
    expect(fake.callsTo('bundles.show')).toHaveLength(0);
  });
});
