import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { forwardEvents, registerIpc, senderIsOurWindow, type IpcMainLike } from '../../electron/main/ipc/router';
import { createHost } from '../../src/host/host';
import { CHANNEL_NAMES, IPC_EVENT } from '../../src/contract/names';
import type { HostEvent } from '../../src/contract/events';

/** ipcMain and a window as plain objects: the router must work against exactly what they offer. */
function world() {
  const handlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
  const ipcMain: IpcMainLike = {
    handle: (c, l) => void handlers.set(c, l as never),
    removeHandler: (c) => void handlers.delete(c),
  };
  const mainFrame = { url: 'app://hotpair/index.html' };
  const sent: { channel: string; payload: unknown }[] = [];
  const webContents = { mainFrame, isDestroyed: () => false, send: (channel: string, payload: unknown) => sent.push({ channel, payload }) };
  const win = { webContents };
  const host = createHost({ version: '1.2.3', mode: 'electron', examplesDir: mkdtempSync(join(tmpdir(), 'hp-ex-')) });
  const disposable = registerIpc(ipcMain, host, senderIsOurWindow(() => win));
  const call = (channel: string, input: unknown, event: unknown = { sender: webContents, senderFrame: mainFrame }) => {
    const h = handlers.get(`hotpair:${channel}`);
    if (!h) throw new Error(`no handler for ${channel}`);
    return h(event, input) as Promise<unknown>;
  };
  return { handlers, call, webContents, mainFrame, host, disposable, sent, win };
}

describe('IPC router', () => {
  it('registers exactly one handler per contract channel, no catch-all', () => {
    const w = world();
    expect([...w.handlers.keys()].sort()).toEqual(CHANNEL_NAMES.map((c) => `hotpair:${c}`).sort());
    w.disposable.dispose();
    expect(w.handlers.size).toBe(0);
  });

  it('answers our window with a Result from the host', async () => {
    const w = world();
    expect(await w.call('app.info', {})).toMatchObject({ ok: true, data: { mode: 'electron', version: '1.2.3' } });
  });

  it('refuses other senders: another window, a subframe, a foreign page', async () => {
    const w = world();
    const refused = { ok: false, error: { code: 'AUTH_FAILED' } };
    expect(await w.call('app.info', {}, { sender: { mainFrame: w.mainFrame }, senderFrame: w.mainFrame })).toMatchObject(refused);
    expect(await w.call('app.info', {}, { sender: w.webContents, senderFrame: { url: 'app://hotpair/index.html' } })).toMatchObject(refused);
    w.mainFrame.url = 'https://evil.example/';
    expect(await w.call('app.info', {}, { sender: w.webContents, senderFrame: w.mainFrame })).toMatchObject(refused);
    expect(await w.call('app.info', {}, { sender: w.webContents, senderFrame: null })).toMatchObject(refused);
  });

  it('parses input by the channel schema before any handler runs', async () => {
    const w = world();
    const r = (await w.call('pairs.validate', { text: 7 })) as { ok: false; error: { code: string; details: { issues: { path: string[] }[] } } };
    expect(r.ok).toBe(false);
    expect(r.error.code).toBe('VALIDATION');
    expect(r.error.details.issues[0]!.path).toEqual(['text']);
    expect(await w.call('devices.connect', { device: 'a', url: 7 })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('never throws across IPC, even if the host does', async () => {
    const handlers = new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>();
    const mainFrame = { url: 'app://hotpair/index.html' };
    const webContents = { mainFrame, isDestroyed: () => false, send: () => {} };
    registerIpc(
      { handle: (c, l) => void handlers.set(c, l as never), removeHandler: () => {} },
      { invoke: async () => { throw new Error('secret stack'); } },
      senderIsOurWindow(() => ({ webContents })),
    );
    const r = await handlers.get('hotpair:app.info')!({ sender: webContents, senderFrame: mainFrame }, {});
    expect(r).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'Internal error — please report it.', key: 'error.internal.hidden' } });
  });

  it('forwards host events to the window on one event channel', () => {
    const w = world();
    let fire: (e: HostEvent) => void = () => {};
    forwardEvents({ onEvent: (l) => ((fire = l), { dispose() {} }) }, () => w.win);
    fire({ event: 'lab.status', payload: { state: 'stopped', devices: [] } });
    expect(w.sent).toEqual([{ channel: IPC_EVENT, payload: { event: 'lab.status', payload: { state: 'stopped', devices: [] } } }]);
  });
});
