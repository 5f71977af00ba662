import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { buildApi, type Bridge } from '../../src/contract/api';
import type { HostEvent } from '../../src/contract/events';
import { IPC_EVENT, ipcChannel } from '../../src/contract/names';

/**
 * window.hotpair: one method per contract channel plus on(event). ipcRenderer itself is never
 * exposed, and listeners get only the event payload (not the IpcRendererEvent, whose `sender`
 * would hand the page ipcRenderer).
 */
const bridge: Bridge = {
  api: buildApi((channel, input) => ipcRenderer.invoke(ipcChannel(channel), input)),
  mode: 'electron',
  on(listener) {
    const handler = (_event: IpcRendererEvent, payload: HostEvent) => listener(payload);
    ipcRenderer.on(IPC_EVENT, handler);
    return () => {
      ipcRenderer.removeListener(IPC_EVENT, handler);
    };
  },
};

contextBridge.exposeInMainWorld('hotpair', bridge);
