import type { StateCreator } from 'zustand';
import type { ConsoleSession, ErrorInfo } from '../../../../src/contract/index';
import { api, newOpId } from '../../services/api';
import type { State } from '../types';

/** A first-seen SSH key the user must compare before the console connects. */
export interface PendingHostKey {
  host: string;
  port: number;
  type: string;
  fingerprint: string;
}

export interface ConsoleLogin {
  url: string;
  username?: string;
  /** Passed through to the host once; never kept in the store. */
  password?: string;
  credentialId?: string;
  acceptHostKey?: string;
  cols: number;
  rows: number;
}

export interface ConsoleSlice {
  console: {
    status: 'idle' | 'connecting' | 'open' | 'closed';
    session?: ConsoleSession;
    /** The last URL used, to offer it again (no credentials). */
    url: string;
    opId?: string;
    step?: string;
    error?: ErrorInfo;
    hostKey?: PendingHostKey;
    closedReason?: string;
  };
  /** Serial ports on this machine, for the connect form (undefined until asked). */
  serialPorts?: { path: string; label: string }[];
  loadSerialPorts(): Promise<void>;
  openConsole(login: ConsoleLogin): Promise<boolean>;
  cancelConsole(): Promise<void>;
  closeConsole(): Promise<void>;
  consoleClosed(sessionId: string, reason: string): void;
  consoleStep(opId: string, step: string): void;
}

export const consoleSlice: StateCreator<State, [], [], ConsoleSlice> = (set, get) => {
  const patch = (p: Partial<ConsoleSlice['console']>) => set((s) => ({ console: { ...s.console, ...p } }));
  return {
    console: { status: 'idle', url: '' },
    async loadSerialPorts() {
      const r = await api()['devices.listPorts']({});
      // no port listing in this build is not an error here: the URL can still be typed
      const ports = r.ok ? r.data.ports : [];
      set({ serialPorts: ports.map((p) => ({ path: p.path, label: [p.path, p.manufacturer].filter(Boolean).join(' — ') })) });
    },
    async openConsole(login) {
      if (get().console.status === 'connecting') return false;
      const old = get().console.session;
      if (old && get().console.status === 'open') await api()['console.close']({ sessionId: old.sessionId });
      const opId = newOpId();
      patch({ status: 'connecting', url: login.url, opId, step: 'connecting', error: undefined, hostKey: undefined, session: undefined, closedReason: undefined });
      const r = await api()['console.open']({ ...login, opId });
      if (r.ok) {
        patch({ status: 'open', session: r.data, opId: undefined, step: undefined });
        return true;
      }
      const d = r.error.details as Partial<PendingHostKey> | undefined;
      // An unknown key is a question for the user, not a failure: show its fingerprint to compare.
      const hostKey = r.error.code === 'HOST_KEY_UNKNOWN' && d?.fingerprint ? { host: String(d.host), port: Number(d.port), type: String(d.type), fingerprint: d.fingerprint } : undefined;
      patch({ status: 'idle', opId: undefined, step: undefined, hostKey, error: hostKey || r.error.code === 'CANCELLED' ? undefined : r.error });
      return false;
    },
    async cancelConsole() {
      const opId = get().console.opId;
      if (opId) await api()['ops.cancel']({ opId });
    },
    async closeConsole() {
      const s = get().console.session;
      if (!s) return;
      patch({ status: 'closed', closedReason: 'disconnected by you' });
      await api()['console.close']({ sessionId: s.sessionId });
    },
    consoleClosed(sessionId, reason) {
      if (get().console.session?.sessionId === sessionId && get().console.status === 'open') patch({ status: 'closed', closedReason: reason });
    },
    consoleStep(opId, step) {
      if (get().console.opId === opId) patch({ step });
    },
  };
};
