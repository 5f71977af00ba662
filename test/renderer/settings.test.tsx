// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../renderer/src/App';
import { setBridge } from '../../renderer/src/services/api';
import { useStore } from '../../renderer/src/store/index';
import { SettingsPatchSchema, SettingsSchema } from '../../src/contract/index';
import { fromForm, validateMonitorForm } from '../../renderer/src/features/settings/validate';
import { fakeBridge, SETTINGS, standardAnswers } from './fake-bridge';

const initial = useStore.getState();
let fake: ReturnType<typeof fakeBridge>;
let hosts = [
  { host: '127.0.0.1', port: 2201, type: 'ssh-rsa', fingerprint: 'SHA256:aaaa' },
  { host: '10.0.0.9', port: 22, type: 'ssh-ed25519', fingerprint: 'SHA256:bbbb' },
];
let store = { store: 'off', locked: false, credentials: [] as { id: string; label: string; username: string }[] };

function boot() {
  fake = fakeBridge({
    ...standardAnswers(),
    'settings.knownHosts': () => ({ ok: true, data: { file: '/data/known_hosts', hosts } }),
    'settings.forgetHost': (i: Record<string, unknown>) => {
      hosts = hosts.filter((h) => !(h.host === i.host && h.port === i.port));
      return { ok: true, data: { removed: true } };
    },
    'settings.credentials': () => ({ ok: true, data: store }),
    'settings.unlockCredentials': () => ({ ok: true, data: (store = { ...store, store: 'passphrase' }) }),
    'settings.saveCredential': (i: Record<string, unknown>) => ({ ok: true, data: (store = { ...store, credentials: [{ id: 'c1', label: String(i.label), username: String(i.username) }] }) }),
  } as never);
  setBridge(fake.bridge);
  render(<App />);
}

beforeEach(() => useStore.setState(initial, true));
afterEach(() => {
  cleanup();
  setBridge(undefined);
});

describe('settings screen', () => {
  it('lists known hosts with fingerprints and removes one', async () => {
    boot();
    fireEvent.keyDown(window, { key: '6', altKey: true });
    const region = await screen.findByRole('region', { name: 'Known hosts' });
    await within(region).findByText('127.0.0.1:2201');
    expect(region.textContent).toContain('SHA256:aaaa');
    expect(region.textContent).toContain('10.0.0.9');
    fireEvent.click(within(region).getByRole('button', { name: 'Remove 127.0.0.1:2201' }));
    await waitFor(() => expect(within(region).queryByText('127.0.0.1:2201')).toBeNull());
    expect(fake.callsTo('settings.forgetHost')[0]!.input).toEqual({ host: '127.0.0.1', port: 2201 });
  });

  it('validates ports and interval as typed and saves them together', async () => {
    boot();
    useStore.getState().navigate('settings');
    const form = await screen.findByRole('form', { name: 'Monitor settings' });
    const port = within(form).getByLabelText(/Syslog receiver port/);
    fireEvent.change(port, { target: { value: '0' } });
    expect(within(form).getByText('Syslog receiver port (UDP): type a whole number from 1 to 65535.')).toBeTruthy();
    expect(port.getAttribute('aria-invalid')).toBe('true');
    expect((within(form).getByRole('button', { name: 'Save' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(port, { target: { value: '5515' } });
    fireEvent.change(within(form).getByLabelText(/poll interval/), { target: { value: '15' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    await within(form).findByText(/^Saved\./);
    expect(fake.callsTo('settings.set').at(-1)!.input).toEqual({ syslog: { address: '127.0.0.1', port: 5515 }, metrics: SETTINGS.metrics, monitorIntervalSeconds: 15 });
  });

  it('keeps no login in browser mode until a passphrase is chosen; the password goes to the host only', async () => {
    boot();
    useStore.getState().navigate('settings');
    const region = await screen.findByRole('region', { name: 'Credentials' });
    await within(region).findByText(/no login is kept unless/);
    expect(within(region).queryByRole('form', { name: 'Save a login' })).toBeNull();
    fireEvent.change(within(region).getByLabelText(/Choose a passphrase/), { target: { value: 'long enough phrase' } });
    fireEvent.click(within(region).getByRole('button', { name: /Keep logins/ }));
    const save = await within(region).findByRole('form', { name: 'Save a login' });
    fireEvent.change(within(save).getByLabelText(/Name/), { target: { value: 'FW1' } });
    fireEvent.change(within(save).getByLabelText(/User/), { target: { value: 'admin' } });
    fireEvent.change(within(save).getByLabelText(/Password/), { target: { value: 'pw-123456' } });
    fireEvent.click(within(save).getByRole('button', { name: 'Save login' }));
    await within(region).findByText(/FW1 — admin/);
    expect(fake.callsTo('settings.saveCredential')[0]!.input).toMatchObject({ label: 'FW1', username: 'admin', password: 'pw-123456' });
    expect(JSON.stringify(useStore.getState())).not.toContain('pw-123456');
    expect(JSON.stringify(useStore.getState())).not.toContain('long enough phrase');
  });
});

describe('monitor settings validation', () => {
  it('checks the form by the contract\'s own schema: every bad field at once, each message naming the field and the fix', () => {
    const e = validateMonitorForm({ syslogAddress: '', syslogPort: '65536', metricsAddress: '127.0.0.1', metricsPort: 'x', interval: '1.5' });
    expect(e).toEqual({
      syslogAddress: 'Syslog receiver address: it cannot be empty; type an address to listen on, e.g. 0.0.0.0 or 127.0.0.1.',
      syslogPort: 'Syslog receiver port (UDP): type a whole number from 1 to 65535.',
      metricsPort: 'Metrics endpoint port (TCP): type a whole number from 1 to 65535.',
      interval: `Monitor poll interval (seconds): type a whole number from 1 to ${SettingsSchema.shape.monitorIntervalSeconds.maxValue}.`,
    });
    // what the host accepts, the form accepts: a host name, the same port for UDP and TCP, the bounds
    const ok = { syslogAddress: 'localhost', syslogPort: '9464', metricsAddress: 'localhost', metricsPort: '9464', interval: '3600' };
    expect(validateMonitorForm(ok)).toEqual({});
    expect(SettingsPatchSchema.safeParse(fromForm(ok)).success).toBe(true);
    expect(Object.keys(validateMonitorForm({ ...ok, interval: '3601' }))).toEqual(['interval']);
  });
});
