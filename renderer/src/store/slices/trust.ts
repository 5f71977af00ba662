import type { StateCreator } from 'zustand';
import type { CredentialsState, ErrorInfo, KnownHost } from '../../../../src/contract/index';
import { api } from '../../services/api';
import type { State } from '../types';

/** Known SSH hosts and saved logins (names only: passwords never reach the renderer's store). */
export interface TrustSlice {
  knownHosts?: { file: string; hosts: KnownHost[] };
  credentials?: CredentialsState;
  trustError?: ErrorInfo;
  loadTrust(): Promise<void>;
  forgetHost(host: string, port: number): Promise<void>;
  unlockCredentials(passphrase: string): Promise<boolean>;
  saveCredential(c: { label: string; username: string; password: string; url?: string }): Promise<boolean>;
  deleteCredential(id: string): Promise<void>;
}

export const trustSlice: StateCreator<State, [], [], TrustSlice> = (set, get) => {
  const creds = (r: { ok: true; data: CredentialsState } | { ok: false; error: ErrorInfo }) => {
    set(r.ok ? { credentials: r.data, trustError: undefined } : { trustError: r.error });
    return r.ok;
  };
  return {
    async loadTrust() {
      const [kh, cr] = await Promise.all([api()['settings.knownHosts']({}), api()['settings.credentials']({})]);
      set({ ...(kh.ok ? { knownHosts: kh.data } : {}), ...(cr.ok ? { credentials: cr.data } : {}), trustError: !kh.ok ? kh.error : !cr.ok ? cr.error : undefined });
    },
    async forgetHost(host, port) {
      const r = await api()['settings.forgetHost']({ host, port });
      if (!r.ok) return set({ trustError: r.error });
      await get().loadTrust();
    },
    unlockCredentials: async (passphrase) => creds(await api()['settings.unlockCredentials']({ passphrase })),
    saveCredential: async (c) => creds(await api()['settings.saveCredential'](c)),
    deleteCredential: async (id) => void creds(await api()['settings.deleteCredential']({ id })),
  };
};
