import type { StateCreator } from 'zustand';
import { api } from '../../services/api';
import type { AppSlice, State } from '../types';

export const appSlice: StateCreator<State, [], [], AppSlice> = (set, get) => {
  let booting: Promise<void> | undefined; // React StrictMode mounts twice; boot once

  async function boot() {
    if (get().boot === 'ready') return;
    const info = await api()['app.info']({});
    if (!info.ok) return set({ boot: 'failed', bootError: info.error });
    set({ info: info.data, boot: 'ready' });
    // Independent reads in parallel; each slice records its own error, none blocks the shell.
    const settings = api()['settings.get']({}).then((r) => set(r.ok ? { settings: r.data } : { settingsError: r.error }));
    const lab = info.data.labAvailable ? api()['lab.status']({}).then((r) => r.ok && set({ lab: r.data })) : Promise.resolve();
    await Promise.all([settings, get().loadExamples(), lab]);
  }

  return {
    screen: 'home',
    boot: 'loading',
    navigate: (screen) => set({ screen }),
    start: () => (booting ??= boot().finally(() => (booting = undefined))),
  };
};
