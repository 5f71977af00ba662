import { beforeAll, describe, expect, it, vi } from 'vitest';
import { CHANNEL_NAMES } from '../../src/contract/names';
import type { Bridge } from '../../src/contract/api';

const exposed: Record<string, unknown> = {};
const listeners = new Map<string, (...a: unknown[]) => void>();
const ipcRenderer = {
  invoke: vi.fn(async (channel: string, input: unknown) => ({ ok: true, data: { channel, input } })),
  on: vi.fn((c: string, l: (...a: unknown[]) => void) => listeners.set(c, l)),
  removeListener: vi.fn((c: string) => listeners.delete(c)),
};

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => (exposed[key] = value) },
  ipcRenderer,
}));

beforeAll(async () => {
  await import('../../electron/preload/index');
});

describe('preload', () => {
  it('exposes only window.hotpair: one method per channel and on(), not ipcRenderer', () => {
    expect(Object.keys(exposed)).toEqual(['hotpair']);
    const bridge = exposed.hotpair as Bridge;
    expect(Object.keys(bridge).sort()).toEqual(['api', 'mode', 'on']);
    expect(Object.keys(bridge.api).sort()).toEqual([...CHANNEL_NAMES].sort());
    expect(bridge.mode).toBe('electron');
    const values = [bridge, bridge.api, ...Object.values(bridge.api)];
    expect(values).not.toContain(ipcRenderer);
    expect(values).not.toContain(ipcRenderer.invoke);
  });

  it('maps each method to its own IPC channel', async () => {
    const bridge = exposed.hotpair as Bridge;
    const r = await bridge.api['pairs.validate']({ text: 'name: x' });
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith('hotpair:pairs.validate', { text: 'name: x' });
    expect(r).toEqual({ ok: true, data: { channel: 'hotpair:pairs.validate', input: { text: 'name: x' } } });
  });

  it('hands listeners the payload only, never the IPC event (its sender is ipcRenderer)', () => {
    const bridge = exposed.hotpair as Bridge;
    const got: unknown[][] = [];
    const off = bridge.on((...args: unknown[]) => got.push(args));
    listeners.get('hotpair:event')!({ sender: ipcRenderer }, { event: 'lab.status', payload: { state: 'stopped', devices: [] } });
    expect(got).toEqual([[{ event: 'lab.status', payload: { state: 'stopped', devices: [] } }]]);
    off();
    expect(listeners.has('hotpair:event')).toBe(false);
  });
});
