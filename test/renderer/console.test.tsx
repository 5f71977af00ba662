// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// xterm needs a real layout engine; a stand-in records what the screen asks of it.
vi.mock('@xterm/xterm', () => import('./xterm-stub'));
vi.mock('@xterm/addon-fit', () => import('./xterm-stub'));
const { terms } = await import('./xterm-stub');

const { App } = await import('../../renderer/src/App');
const { setBridge } = await import('../../renderer/src/services/api');
const { useStore } = await import('../../renderer/src/store/index');
const { styleNonce, withStyleNonce } = await import('../../renderer/src/features/console/style-nonce');
const { resetOutputStreams } = await import('../../renderer/src/features/console/output-stream');
const { fakeBridge, standardAnswers } = await import('./fake-bridge');

const initial = useStore.getState();
let fake: ReturnType<typeof fakeBridge>;
const FP = 'SHA256:AbCdEfGhIjKlMnOpQrStUvWxYz0123456789+/abcd';

function boot() {
  fake = fakeBridge({
    ...standardAnswers(),
    'settings.knownHosts': () => ({ ok: true, data: { file: '/k', hosts: [] } }),
    'settings.credentials': () => ({ ok: true, data: { store: 'off', locked: false, credentials: [] } }),
    'console.open': (i: Record<string, unknown>) =>
      !i.acceptHostKey
        ? { ok: false, error: { code: 'HOST_KEY_UNKNOWN', message: 'unknown', details: { host: '127.0.0.1', port: 2201, type: 'ssh-rsa', fingerprint: FP } } }
        : { ok: true, data: { sessionId: 'c-1', label: 'ssh admin@127.0.0.1:2201', kind: 'ssh', prompt: '<FW1>' } },
    'console.write': () => ({ ok: true, data: {} }),
    'devices.listPorts': () => ({ ok: true, data: { ports: [{ path: '/dev/ttyUSB0', manufacturer: 'FTDI' }] } }),
    'console.resize': () => ({ ok: true, data: { applied: true } }),
    'console.close': () => ({ ok: true, data: { closed: true } }),
  } as never);
  setBridge(fake.bridge);
  render(<App />);
}

beforeEach(() => {
  useStore.setState(initial, true);
  resetOutputStreams();
  terms.length = 0;
  document.head.innerHTML = '';
});
afterEach(() => {
  cleanup();
  setBridge(undefined);
});

describe('console screen', () => {
  it('asks about an unknown host key, connects with the confirmed fingerprint, and never stores the password', async () => {
    document.head.innerHTML = '<meta name="hotpair-style-nonce" content="bm9uY2Utb2YtdGhpcy1sb2Fk">';
    boot();
    fireEvent.keyDown(window, { key: '4', altKey: true });
    await screen.findByRole('heading', { name: 'Console' });
    // a serial port picked from the list becomes a serial URL with auto-baud, and asks for a login name
    fireEvent.change(await screen.findByLabelText('Serial port'), { target: { value: '/dev/ttyUSB0' } });
    expect((screen.getByLabelText('Device URL') as HTMLInputElement).value).toBe('serial:///dev/ttyUSB0?baud=auto');
    expect(screen.getByLabelText('Login name')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Device URL'), { target: { value: 'ssh://admin@127.0.0.1:2201' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 's3cret-pw' } });
    fireEvent.click(screen.getByRole('button', { name: 'Connect' }));
    let dialog = await screen.findByRole('alertdialog', { name: 'Unknown host key' });
    expect(dialog.textContent).toContain(FP);
    // keyboard: focus is on the safe answer, and Escape cancels; asking again brings the question back
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Cancel' }));
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    // the form comes back empty: the password lived only in its local state
    fireEvent.change(screen.getByLabelText('Device URL'), { target: { value: 'ssh://admin@127.0.0.1:2201' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 's3cret-pw' } });
    fireEvent.click(screen.getByRole('button', { name: 'Connect' }));
    dialog = await screen.findByRole('alertdialog', { name: 'Unknown host key' });
    expect(JSON.stringify(useStore.getState())).not.toContain('s3cret-pw');
    fireEvent.click(screen.getByRole('button', { name: 'Trust and connect' }));
    await screen.findByLabelText('Device terminal');
    const opens = fake.callsTo('console.open');
    expect(opens.at(-1)!.input).toMatchObject({ url: 'ssh://admin@127.0.0.1:2201', password: 's3cret-pw', acceptHostKey: FP });
    expect(JSON.stringify(useStore.getState())).not.toContain('s3cret-pw');
    // xterm's <style> elements got this load's nonce, so the CSP admits them
    expect(terms[0]!.styleNonce).toBe('bm9uY2Utb2YtdGhpcy1sb2Fk');
    // the terminal presses Enter once it listens, so the first prompt is not lost
    await waitFor(() => expect(fake.callsTo('console.write').map((c) => c.input.data)).toEqual(['\r']));
  });

  it('writes host output to the terminal, sends keystrokes batched, and shows a closed session', async () => {
    boot();
    await act(async () => {
      await useStore.getState().openConsole({ url: 'ssh://admin@h:22', password: 'x', acceptHostKey: FP, cols: 80, rows: 24 });
    });
    useStore.getState().navigate('console');
    await screen.findByLabelText('Device terminal');
    const term = terms[0]!;
    act(() => fake.emit({ event: 'console.output', payload: { sessionId: 'c-1', data: '\r\n<FW1>' } }));
    act(() => fake.emit({ event: 'console.output', payload: { sessionId: 'other', data: 'not mine' } }));
    expect(term.written).toEqual(['\r\n<FW1>']);
    for (const ch of 'dis') term.type(ch); // three keystrokes within one batch window → one write
    await waitFor(() => expect(fake.callsTo('console.write').map((c) => c.input.data)).toEqual(['\r', 'dis']));
    // away on another screen the device keeps talking; back on Console the new terminal shows it
    act(() => useStore.getState().navigate('bundles'));
    act(() => fake.emit({ event: 'console.output', payload: { sessionId: 'c-1', data: 'said while away' } }));
    act(() => useStore.getState().navigate('console'));
    await screen.findByLabelText('Device terminal');
    await waitFor(() => expect(terms.at(-1)!.written.join('')).toBe('\r\n<FW1>said while away'));
    expect(fake.callsTo('console.write').filter((c) => c.input.data === '\r')).toHaveLength(1); // Enter only on the first attach
    act(() => fake.emit({ event: 'console.output', payload: { sessionId: 'c-1', data: '', closed: true, reason: 'the device closed the session' } }));
    await screen.findByText(/closed \(the device closed the session\)/);
    expect(screen.getByRole('form', { name: 'Connect a console' })).toBeTruthy();
  });
});

describe('style nonce', () => {
  it('stamps only while the callback runs, and ignores an unserved placeholder', () => {
    document.head.innerHTML = '<meta name="hotpair-style-nonce" content="{{style-nonce}}">';
    expect(styleNonce()).toBeUndefined();
    const inside = withStyleNonce(document, 'abcdefghijklmnop0123', () => document.createElement('style'));
    expect(inside.nonce).toBe('abcdefghijklmnop0123');
    expect(document.createElement('style').nonce).toBe('');
    expect(Object.prototype.hasOwnProperty.call(document, 'createElement')).toBe(false);
    expect(() => withStyleNonce(document, 'abcdefghijklmnop0123', () => { throw new Error('x'); })).toThrow('x');
    expect(document.createElement('style').nonce).toBe('');
  });
});
