import type { IpcMainInvokeEvent } from 'electron';
import type { Disposable } from '../../../src/core/base/emitter';
import type { Result } from '../../../src/core/base/result';
import { CHANNEL_NAMES, IPC_EVENT, ipcChannel } from '../../../src/contract/names';
import type { HostEvent } from '../../../src/contract/events';
import { isAppUrl } from '../protocol';

/** The part of ipcMain the router uses (a plain object in tests). */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

/** The host as the router sees it: it parses input by the contract, runs the handler, returns a Result. */
export interface Invoker {
  invoke(channel: string, input: unknown): Promise<Result<unknown>>;
}

type SenderEvent = Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>;
interface WindowLike {
  webContents: { mainFrame: unknown; send(channel: string, payload: unknown): void; isDestroyed(): boolean };
}

/**
 * Only our window's top frame, showing one of our pages, may call the host: not another window,
 * not a subframe, not a page that somehow navigated elsewhere.
 */
export function senderIsOurWindow(getWindow: () => WindowLike | undefined) {
  return (event: SenderEvent): boolean => {
    const win = getWindow();
    if (!win || event.sender !== (win.webContents as unknown)) return false;
    const frame = event.senderFrame;
    if (!frame || frame !== win.webContents.mainFrame) return false;
    return isAppUrl(frame.url);
  };
}

const REFUSED: Result<never> = {
  ok: false,
  error: { code: 'AUTH_FAILED', message: 'Refused: the request did not come from the HotPair window.', key: 'error.auth-failed.foreign-sender' },
};

const INTERNAL: Result<never> = { ok: false, error: { code: 'INTERNAL', message: 'Internal error — please report it.', key: 'error.internal.hidden' } };

/**
 * One ipcMain handler per contract channel (no catch-all): sender check → host.invoke, which
 * parses the input by the channel's schema, runs the handler and returns a Result. Nothing is
 * thrown across IPC: Electron would serialise an Error with its stack.
 */
export function registerIpc(ipcMain: IpcMainLike, host: Invoker, trusted: (event: SenderEvent) => boolean): Disposable {
  for (const name of CHANNEL_NAMES) {
    ipcMain.handle(ipcChannel(name), async (event, ...args) => {
      if (!trusted(event)) return REFUSED;
      try {
        return await host.invoke(name, args[0]);
      } catch {
        // A bug in the host: the reader is asked to report it, and the thrown text (which may hold paths or a stack) stays here.
        return INTERNAL;
      }
    });
  }
  return { dispose: () => CHANNEL_NAMES.forEach((name) => ipcMain.removeHandler(ipcChannel(name))) };
}

/** Host events to the window, one message per event (console output arrives already batched). */
export function forwardEvents(host: { onEvent(l: (e: HostEvent) => void): Disposable }, getWindow: () => WindowLike | undefined): Disposable {
  return host.onEvent((e) => {
    const win = getWindow();
    if (win && !win.webContents.isDestroyed()) win.webContents.send(IPC_EVENT, e);
  });
}
