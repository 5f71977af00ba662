import type { StateCreator } from 'zustand';
import { api } from '../../services/api';
import type { SettingsSlice, State } from '../types';

export const settingsSlice: StateCreator<State, [], [], SettingsSlice> = (set, get) => ({
  async saveSettings(patch) {
    // Optimistic: the control shows the choice at once; the host's answer (or the old value) follows.
    const before = get().settings;
    if (before) set({ settings: { ...before, ...patch } });
    const r = await api()['settings.set'](patch);
    set(r.ok ? { settings: r.data, settingsError: undefined } : { settings: before, settingsError: r.error });
  },
});
